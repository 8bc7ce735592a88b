"""The spoken corpus that bench/voice_commands.py measures voice control on, made here.

Every command is said by eight espeak-ng voices (men's and women's, American, British,
Scottish, Caribbean, New York) at three speeds (120, 160 and 200 words a minute), once clean
in a quiet room (a hiss 45 dB below the voice, as a microphone has), and once with noise at
10 dB signal-to-noise (pink noise, like a fan or traffic, and brown
noise, like a fridge's hum, in turn). Beside them, "ordinary speech": the project's own
documents and routine texts read aloud by the same voices, about an hour of it, for the false
alarms. Everything is 16 kHz mono 16-bit, the format the coach listens in.

    python bench/voice_corpus.py [--out build/voice-corpus]

Needs Debian's espeak-ng and sox. Files already made are kept, so a second run is quick.
"""

from __future__ import annotations

import argparse
import array
import json
import math
import random
import re
import subprocess
import tempfile
import wave
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RATE = 16_000
SNR_DB = 10.0
QUIET_ROOM_DB = 45.0  # "clean": a quiet room and a microphone's own hiss, this far below speech
SPEECH_RMS = 0.06 * 32767  # every voice at one loudness (about -24 dB of full scale), so that
# a room's noise, set against it, stays at one level from one command to the next, as it does
LEAD_SECONDS = 1.0  # quiet (or noise alone) before and after each command
VOICES = (
    "en-us",
    "en-us+f3",
    "en-gb",
    "en-gb+f2",
    "en-gb-scotland",
    "en-029",
    "en-us-nyc+f4",
    "en-gb-x-rp+m3",
)
SPEEDS = (120, 160, 200)
COMMAND_WORDS = (
    "pause",
    "go on",
    "next",
    "back",
    "repeat",
    "more time",
    "stop",
    "yes",
    "no",
    "start",
)
ACTIVE = 0.01  # of full scale: where the word is, for its loudness and its end


@dataclass(frozen=True)
class Item:
    """One command in the corpus: its file, and where the word ends in it (seconds)."""

    path: str
    words: str
    voice: str
    speed: int
    noise: str  # "clean", "pink" or "brown"
    word_start: float
    word_end: float


def speak(text: str, voice: str, speed: int, out: Path) -> None:
    """espeak-ng's voice, turned into our format with sox."""
    with tempfile.TemporaryDirectory() as folder:
        raw = Path(folder, "raw.wav")
        subprocess.run(
            ["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(raw), "--stdin"],
            input=text.encode(),
            check=True,
        )
        subprocess.run(
            ["sox", "-V1", str(raw), "-r", str(RATE), "-c", "1", "-b", "16", str(out)], check=True
        )


def samples_of(path: Path) -> array.array[int]:
    with wave.open(str(path)) as wav:
        data = array.array("h")
        data.frombytes(wav.readframes(wav.getnframes()))
    return data


def write_wav(path: Path, samples: array.array[int]) -> None:
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(samples.tobytes())


def active_span(samples: array.array[int]) -> tuple[int, int]:
    level = ACTIVE * 32767
    loud = [i for i, s in enumerate(samples) if abs(s) > level]
    return (loud[0], loud[-1] + 1) if loud else (0, len(samples))


def rms(samples: array.array[int] | list[float]) -> float:
    return math.sqrt(sum(s * s for s in samples) / max(1, len(samples)))


def noise(kind: str, length: int, rng: random.Random) -> list[float]:
    """Pink noise (Paul Kellet's filter over white noise) or brown (integrated white)."""
    out: list[float] = []
    if kind == "pink":
        b0 = b1 = b2 = 0.0
        for _ in range(length):
            white = rng.gauss(0, 1)
            b0 = 0.99765 * b0 + white * 0.0990460
            b1 = 0.96300 * b1 + white * 0.2965164
            b2 = 0.57000 * b2 + white * 1.0526913
            out.append(b0 + b1 + b2 + white * 0.1848)
    else:
        last = 0.0
        for _ in range(length):
            last = 0.98 * last + rng.gauss(0, 1)
            out.append(last)
    return out


def command_item(out_dir: Path, words: str, voice: str, speed: int, kind: str) -> Item:
    stem = f"{re.sub('[^a-z0-9]+', '_', voice)}_{speed}_{words.replace(' ', '_')}"
    path = out_dir / "commands" / f"{stem}_{kind}.wav"
    clean = out_dir / "clean" / f"{stem}.wav"
    clean.parent.mkdir(parents=True, exist_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not clean.exists():
        speak(words, voice, speed, clean)
    spoken = samples_of(clean)
    start, end = active_span(spoken)
    scale = SPEECH_RMS / max(1.0, rms(spoken[start:end]))
    word = array.array("h", (max(-32768, min(32767, round(s * scale))) for s in spoken[start:end]))
    lead = int(LEAD_SECONDS * RATE)
    if not path.exists():
        total = lead + len(word) + lead
        mixed = [0.0] * total
        for i, s in enumerate(word):
            mixed[lead + i] = float(s)
        rng = random.Random(path.name)
        hum = noise("pink" if kind == "clean" else kind, total, rng)
        below = QUIET_ROOM_DB if kind == "clean" else SNR_DB
        gain = rms(word) / (rms(hum) * 10 ** (below / 20))
        mixed = [m + gain * h for m, h in zip(mixed, hum, strict=True)]
        clipped = array.array("h", (max(-32768, min(32767, round(m))) for m in mixed))
        write_wav(path, clipped)
    return Item(
        str(path.relative_to(out_dir)),
        words,
        voice,
        speed,
        kind,
        lead / RATE,
        (lead + len(word)) / RATE,
    )


def ordinary_texts() -> list[str]:
    """Paragraphs of the project's documents and routines: real sentences, many of which hold
    a command word inside them ("stop if it hurts", "the next step", "go on to")."""
    texts: list[str] = []
    for doc in [*sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]:
        for block in re.split(r"\n\s*\n", doc.read_text(encoding="utf-8")):
            plain = re.sub(r"[`*#|>\[\]()_]", " ", block)
            plain = re.sub(r"\s+", " ", plain).strip()
            if len(plain.split()) >= 6 and not plain.startswith(("-", "+")):
                texts.append(plain)
    for routine in sorted((ROOT / "routines").glob("*.yaml")):
        data = yaml.safe_load(routine.read_text(encoding="utf-8"))
        for step in data.get("steps", []):
            texts.append(" ".join(str(step.get(k, "")) for k in ("title", "instructions")))
            if step.get("caution"):
                texts.append(str(step["caution"]))
    return texts


def ordinary_items(out_dir: Path) -> list[str]:
    """The texts read in chunks of about 300 words, each by the next voice in turn."""
    folder = out_dir / "ordinary"
    folder.mkdir(parents=True, exist_ok=True)
    chunks: list[str] = []
    current: list[str] = []
    for text in ordinary_texts():
        current.append(text)
        if sum(len(t.split()) for t in current) >= 300:
            chunks.append(" ".join(current))
            current = []
    if current:
        chunks.append(" ".join(current))
    paths = []
    for n, text in enumerate(chunks):
        path = folder / f"{n:03d}.wav"
        if not path.exists():
            speak(text, VOICES[n % len(VOICES)], SPEEDS[1], path)
        paths.append(str(path.relative_to(out_dir)))
    return paths


def sentence_items(out_dir: Path, minutes: float = 20) -> list[str]:
    """The same texts read slowly, one sentence at a time with 1.2 s of quiet between: the
    hard case, where a short sentence ("Rest.", "Stop if it hurts.") stands alone."""
    folder = out_dir / "sentences"
    folder.mkdir(parents=True, exist_ok=True)
    sentences = [
        part.strip()
        for text in ordinary_texts()
        for part in re.split(r"(?<=[.!?:;])\s+", text)
        if part.strip()
    ]
    paths: list[str] = []
    total = 0.0
    gap = array.array("h", [0] * int(1.2 * RATE))
    rng = random.Random("sentences")
    for n in range(0, len(sentences), 40):
        path = folder / f"{n // 40:03d}.wav"
        if not path.exists():
            joined = array.array("h")
            for k, sentence in enumerate(sentences[n : n + 40]):
                one = folder / "one.wav"
                speak(sentence, VOICES[(n + k) % len(VOICES)], SPEEDS[k % 3], one)
                spoken = samples_of(one)
                start, end = active_span(spoken)
                scale = SPEECH_RMS / max(1.0, rms(spoken[start:end]))
                joined.extend(max(-32768, min(32767, round(x * scale))) for x in spoken)
                joined.extend(gap)
            hum = noise("pink", len(joined), rng)
            gain = SPEECH_RMS / (rms(hum) * 10 ** (QUIET_ROOM_DB / 20))
            mixed = (
                max(-32768, min(32767, round(x + gain * h)))
                for x, h in zip(joined, hum, strict=True)
            )
            write_wav(path, array.array("h", mixed))
            one.unlink(missing_ok=True)
        paths.append(str(path.relative_to(out_dir)))
        with wave.open(str(path)) as wav:
            total += wav.getnframes() / RATE
        if total >= minutes * 60:
            break
    return paths


def build(out_dir: Path) -> dict[str, object]:
    out_dir.mkdir(parents=True, exist_ok=True)
    items = []
    for voice in VOICES:
        for speed in SPEEDS:
            for n, words in enumerate(COMMAND_WORDS):
                items.append(command_item(out_dir, words, voice, speed, "clean"))
                kind = ("pink", "brown")[(n + speed // 40) % 2]
                items.append(command_item(out_dir, words, voice, speed, kind))
    manifest = {
        "commands": [asdict(item) for item in items],
        "ordinary": ordinary_items(out_dir),
        "sentences": sentence_items(out_dir),
        "voices": list(VOICES),
        "speeds": list(SPEEDS),
        "snr_db": SNR_DB,
    }
    (out_dir / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "voice-corpus")
    args = parser.parse_args()
    manifest = build(args.out)
    commands = manifest["commands"]
    assert isinstance(commands, list)
    print(f"{len(commands)} commands and {len(manifest['ordinary'])} texts in {args.out}")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
