"""The shipped cue tones: one per Tone, short, audible, and exactly what the script makes."""

from __future__ import annotations

import math
import runpy
import struct
import wave
from pathlib import Path

import pytest

from neurocoach.core.session.cues import Tone
from neurocoach.paths import bundled_sounds_dir


def samples(path: Path) -> tuple[int, list[int]]:
    with wave.open(str(path), "rb") as sound:
        assert (sound.getnchannels(), sound.getsampwidth()) == (1, 2)
        frames = sound.readframes(sound.getnframes())
        return sound.getframerate(), list(struct.unpack(f"<{len(frames) // 2}h", frames))


@pytest.mark.parametrize("tone", list(Tone), ids=lambda t: t.value)
def test_each_tone_is_short_and_audible_without_clipping(tone: Tone) -> None:
    rate, values = samples(bundled_sounds_dir() / f"{tone.value}.wav")
    seconds = len(values) / rate
    assert 0.05 <= seconds <= 1.0
    rms = math.sqrt(sum(v * v for v in values) / len(values)) / 32768
    assert rms > 0.05
    assert max(abs(v) for v in values) < 32767 * 0.9
    assert abs(values[0]) < 500 and abs(values[-1]) < 500  # fades in and out: no click


def test_tones_differ_from_each_other() -> None:
    contents = {(bundled_sounds_dir() / f"{t.value}.wav").read_bytes() for t in Tone}
    assert len(contents) == len(Tone)


def test_the_script_regenerates_the_shipped_files_exactly(tmp_path: Path) -> None:
    script = Path(__file__).resolve().parents[2] / "tools" / "make_sounds.py"
    runpy.run_path(str(script))["main"](tmp_path)
    for tone in Tone:
        name = f"{tone.value}.wav"
        assert (tmp_path / name).read_bytes() == (bundled_sounds_dir() / name).read_bytes(), name
