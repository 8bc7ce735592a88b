"""Makes NeuroCoach's cue tones: soft, short, distinct, and in the range older ears hear best.

Run it after changing a tone:  python tools/make_sounds.py [FOLDER]
It writes the WAV files into assets/sounds/ (or FOLDER).
Each tone is a few notes of a sine with two gentle overtones, a 10 ms fade-in and a smooth
decay, so nothing clicks or startles. Every note lies between 300 and 1100 Hz: high pitches
are the first that age takes away. Written with the standard library only.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

SOUNDS = Path(__file__).resolve().parents[1] / "assets" / "sounds"
RATE = 44_100
PEAK = 0.55  # of full scale: clear, not harsh; the app's volume setting scales it further

C4, E4, G4, A4 = 261.63, 329.63, 392.00, 440.00
C5, D5, E5, G5, A5, C6 = 523.25, 587.33, 659.25, 783.99, 880.00, 1046.50

# name: [(frequency, seconds, loudness), ...]; a frequency of 0 is a short silence
TONES: dict[str, list[tuple[float, float, float]]] = {
    "ready": [(C5, 0.16, 0.8), (0, 0.04, 0), (E5, 0.22, 0.8)],  # rising: get set
    "hold-start": [(G5, 0.35, 1.0)],  # one bright note: go
    "tick": [(A5, 0.07, 0.7)],  # a short tap for 3, 2, 1
    "hold-end": [(E5, 0.16, 0.9), (0, 0.03, 0), (C5, 0.26, 0.9)],  # falling: done
    "switch": [(G4, 0.13, 0.8), (C5, 0.13, 0.8), (G4, 0.13, 0.8), (C5, 0.2, 0.8)],
    "rest": [(A4, 0.22, 0.7), (E4, 0.38, 0.6)],  # low and slow: relax
    "complete": [(C5, 0.14, 0.8), (E5, 0.14, 0.8), (G5, 0.14, 0.8), (C6, 0.55, 0.9)],
}


def note(frequency: float, seconds: float, loudness: float) -> list[float]:
    count = int(RATE * seconds)
    if frequency == 0:
        return [0.0] * count
    samples = []
    for i in range(count):
        t = i / RATE
        attack = min(1.0, t / 0.010)
        release = min(1.0, (seconds - t) / 0.030)
        decay = math.exp(-2.5 * t / seconds)
        wave_value = (
            math.sin(2 * math.pi * frequency * t)
            + 0.25 * math.sin(4 * math.pi * frequency * t)
            + 0.08 * math.sin(6 * math.pi * frequency * t)
        ) / 1.33
        samples.append(wave_value * attack * release * decay * loudness)
    return samples


def write(path: Path, samples: list[float]) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", round(s * PEAK * 32767)) for s in samples))


def main(folder: Path = SOUNDS) -> None:
    for name, notes in TONES.items():
        samples = [s for spec in notes for s in note(*spec)]
        write(folder / f"{name}.wav", samples)
        print(f"{name}.wav: {len(samples) / RATE:.2f} s")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SOUNDS)
