"""Voice control for real: espeak-ng says "pause" and then "go on" into a PulseAudio virtual
microphone, and a real session, listening through QAudioSource, pauses and goes on.

The virtual microphone (a null sink's monitor, remapped into a source) also hears everything
the coach plays, looped back from the default output: the coach's own voice ("Paused.",
"Carry on.", the instructions) is in the same microphone, and must never act as a command.

It needs PulseAudio, its utilities, speech-dispatcher with espeak-ng and sox (.ci/run installs
them); it runs there with `pytest -m real_audio`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.audio.pulse_room import VirtualRoom
from tests.audio.test_real_audio import SOUND, Recorder

pytestmark = pytest.mark.real_audio

ROUTINE = """\
format: 1
id: voice-check
title: Voice check
description: A long hold for the voice control test.
area: hands
source: Written for the tests.
safety: None.
steps:
  - title: Squeeze
    instructions: Squeeze gently.
    hold_seconds: 60
"""


class Child:
    """The coach in a child process, its JSON events collected as they come."""

    def __init__(self, routine: Path, home: Path) -> None:
        env = dict(os.environ, NEUROCOACH_HOME=str(home), QT_QPA_PLATFORM="offscreen")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.audio.real_voice_session", str(routine)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=Path(__file__).resolve().parents[2],
        )
        self.events: list[dict[str, object]] = []
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if line.startswith("{"):
                self.events.append(json.loads(line))

    def wait_for(self, kind: str, after: float = 0.0, timeout: float = 20.0) -> dict[str, object]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for event in list(self.events):
                if event["kind"] == kind and float(event["t"]) >= after:  # type: ignore[arg-type]
                    return event
            time.sleep(0.02)
        raise AssertionError(f"no {kind!r} within {timeout} s; events: {self.events[-15:]}")

    def stop(self) -> str:
        self.process.terminate()
        try:
            _, err = self.process.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            _, err = self.process.communicate()
        return err or ""


def spoken(words: str, folder: Path) -> tuple[Path, float]:
    """espeak-ng saying `words`, in 16 kHz mono, and where the word ends in the file (s)."""
    raw, out = folder / "raw.wav", folder / f"{words.replace(' ', '_')}.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(raw), words], check=True)
    subprocess.run(
        ["sox", "-V1", str(raw), "-r", "16000", "-c", "1", "-b", "16", str(out)], check=True
    )
    with wave.open(str(out)) as sound:
        frames = sound.readframes(sound.getnframes())
    level = 0.01 * 32767
    samples = memoryview(frames).cast("h")
    last = max(i for i, s in enumerate(samples) if abs(s) > level)
    return out, (last + 1) / 16000


@pytest.fixture
def room() -> Iterator[VirtualRoom]:
    for tool in ("espeak-ng", "sox"):
        assert shutil.which(tool), f"{tool} is missing"
    with VirtualRoom("nc_voice_test") as virtual_room:
        yield virtual_room


def test_pause_and_go_on_said_into_the_microphone_pause_and_resume_a_session(
    tmp_path: Path, room: VirtualRoom
) -> None:
    routine = tmp_path / "voice-check.yaml"
    routine.write_text(ROUTINE)
    with tempfile.TemporaryDirectory() as folder:
        pause, pause_end = spoken("pause", Path(folder))
        go_on, go_on_end = spoken("go on", Path(folder))
        microphone = Recorder(room.microphone)
        child = Child(routine, tmp_path / "home")
        try:
            child.wait_for("listening", timeout=30)
            hold = child.wait_for("phase", timeout=30)
            while hold["phase"] != "hold":
                hold = child.wait_for("phase", after=float(hold["t"]) + 1e-6)  # type: ignore[arg-type]
            # The coach reads the step's words over the get-ready time and its start: wait for
            # its voice to finish, and a moment more, as a person would.
            child.wait_for("voice_idle", after=float(hold["t"]) - 3)  # type: ignore[arg-type]
            time.sleep(1.5)
            started = room.say(pause)
            paused = child.wait_for("paused", after=started, timeout=5)
            pause_delay = float(paused["t"]) - (started + pause_end)  # type: ignore[arg-type]
            # "Paused." is said; the coach does not hear itself. Then the person says "go on".
            said = child.wait_for("voice_idle", after=float(paused["t"]))  # type: ignore[arg-type]
            time.sleep(1.5)
            started = room.say(go_on)
            resumed = child.wait_for("resumed", after=started, timeout=5)
            go_on_delay = float(resumed["t"]) - (started + go_on_end)  # type: ignore[arg-type]
            child.wait_for("voice_idle", after=float(resumed["t"]))  # type: ignore[arg-type]
            time.sleep(1.5)  # "Carry on." said and heard back: still nothing is heard
        finally:
            errors = child.stop()
            microphone.stop()
    commands = [e["words"] for e in child.events if e["kind"] == "command"]
    spoken_by_coach = [e["speech"] for e in child.events if e["kind"] == "cue" and e["speech"]]
    problems = [e["text"] for e in child.events if e["kind"] == "problem"]
    assert problems == [], problems
    assert commands == ["pause", "go on"], (commands, spoken_by_coach, errors[-2000:])
    assert "Paused." in spoken_by_coach and "Carry on." in spoken_by_coach
    # ... and the coach's "Paused." did reach its own microphone, through the room.
    echo = microphone.loudest_between(float(paused["t"]), float(said["t"]) + 0.5)  # type: ignore[arg-type]
    assert echo >= SOUND, f"the coach's voice was not in the microphone (RMS {echo:.4f})"
    print(
        f"\nend of word to action, through PulseAudio and QAudioSource (upper bounds: paplay's "
        f"start-up is counted): pause {pause_delay:.2f} s, go on {go_on_delay:.2f} s; the "
        f"coach's 'Paused.' reached the microphone at RMS {echo:.3f} of full scale"
    )
    assert pause_delay < 1.5 and go_on_delay < 1.5
