"""Real sound: the app plays a short routine into a PulseAudio null sink while the test records
that sink's monitor, then checks there is sound where tones and speech are due and silence in
between, and measures how long after each phase boundary its tone is heard.

It needs PulseAudio, its utilities and speech-dispatcher with its espeak-ng module (Debian:
pulseaudio pulseaudio-utils speech-dispatcher speech-dispatcher-espeak-ng espeak-ng), which
.ci/run installs; it runs there with `pytest -m real_audio`.

Timing: every recorded 10 ms chunk is stamped with the monotonic clock when it reaches this
process. The sound was played a little earlier than that, so the latencies measured here are
upper bounds: the real ones can only be smaller.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import statistics
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.real_audio

RATE = 16_000
CHUNK_SAMPLES = RATE // 100  # 10 ms
SOUND = 0.01  # RMS (of full scale) that counts as sound
SILENCE = 0.003  # RMS below which a stretch counts as silent

ROUTINE = """\
format: 1
id: sound-check
title: Sound check
description: A short routine for the real sound test.
area: hands
source: Written for the tests.
safety: None.
steps:
  - title: Squeeze
    instructions: Squeeze gently.
    hold_seconds: 6
    reps: 2
    rest_seconds: 2
"""


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip()


def pulseaudio_sink() -> str:
    for tool in ("pulseaudio", "pactl", "parec"):
        assert shutil.which(tool), f"{tool} is missing: apt-get install pulseaudio pulseaudio-utils"
    if subprocess.run(["pactl", "info"], capture_output=True).returncode != 0:
        subprocess.run(["pulseaudio", "-D", "--exit-idle-time=-1"], capture_output=True)
        for _ in range(50):
            if subprocess.run(["pactl", "info"], capture_output=True).returncode == 0:
                break
            time.sleep(0.1)
    return run("pactl", "get-default-sink")


class Recorder:
    """parec into this process, each 10 ms chunk stamped with its arrival time."""

    def __init__(self, source: str) -> None:
        self.chunks: list[tuple[float, float]] = []  # (arrival, rms)
        self._process = subprocess.Popen(
            [
                "parec",
                "-d",
                source,
                "--raw",
                "--format=s16le",
                f"--rate={RATE}",
                "--channels=1",
                "--latency-msec=10",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        size = CHUNK_SAMPLES * 2
        while True:
            data = self._process.stdout.read(size)
            if len(data) < size:
                return
            arrival = time.monotonic()
            values = struct.unpack(f"<{CHUNK_SAMPLES}h", data)
            rms = math.sqrt(sum(v * v for v in values) / CHUNK_SAMPLES) / 32768
            self.chunks.append((arrival, rms))

    def stop(self) -> None:
        self._process.terminate()
        self._process.wait(timeout=5)
        self._thread.join(timeout=5)

    def onset_after(self, when: float, within: float) -> float | None:
        """Seconds from `when` to the first chunk with sound, if any within `within`."""
        for arrival, rms in self.chunks:
            if when <= arrival <= when + within and rms >= SOUND:
                return arrival - when
        return None

    def loudest_between(self, start: float, end: float) -> float:
        return max((rms for arrival, rms in self.chunks if start <= arrival <= end), default=0.0)


def test_sound_is_heard_when_due_and_silence_between(tmp_path: Path) -> None:
    sink = pulseaudio_sink()
    routine = tmp_path / "sound-check.yaml"
    routine.write_text(ROUTINE)
    recorder = Recorder(f"{sink}.monitor")
    time.sleep(0.5)
    env = dict(os.environ, NEUROCOACH_HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    child = subprocess.run(
        [sys.executable, "-m", "tests.audio.real_session", str(routine)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    time.sleep(0.3)
    recorder.stop()
    assert child.returncode == 0, child.stderr[-2000:]
    events = [json.loads(line) for line in child.stdout.splitlines() if line.startswith("{")]
    (audio,) = [e for e in events if e["kind"] == "audio"]
    assert audio["has_output"] and audio["can_speak"], audio["problems"]
    phases = [e for e in events if e["kind"] == "phase"]
    assert [p["phase"] for p in phases] == ["ready", "hold", "rest", "hold"]
    (end,) = [e for e in events if e["kind"] == "end"]
    holds = [p["boundary"] for p in phases if p["phase"] == "hold"]

    # Every boundary, and each of the last three seconds of each hold, is heard.
    due = [p["boundary"] for p in phases] + [end["boundary"]]
    due += [start + 6 - n for start in holds for n in (3, 2, 1)]
    latencies = []
    for when in sorted(due):
        latency = recorder.onset_after(when - 0.02, within=0.3)
        assert latency is not None, f"no sound within 0.3 s of {when:.3f}"
        latencies.append(max(0.0, latency - 0.02))

    # The voice reads the instructions during the get-ready time, after its tone.
    start = phases[0]["boundary"]
    assert recorder.loudest_between(start + 0.6, holds[0] - 0.1) >= SOUND

    # The middle of each hold, between the "go" tone (and "last one") and the ticks, is silent.
    for hold in holds:
        assert recorder.loudest_between(hold + 1.5, hold + 2.9) < SILENCE

    print(
        f"\nphase-boundary-to-sound latency over {len(latencies)} cues (upper bounds): "
        f"median {statistics.median(latencies) * 1000:.0f} ms, "
        f"max {max(latencies) * 1000:.0f} ms"
    )
    assert statistics.median(latencies) < 0.1
