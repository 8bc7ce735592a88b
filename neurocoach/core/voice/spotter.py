"""Hears the spoken commands in a stream of microphone sound, offline, with pocketsphinx.

A command is a short word said on its own, so the spotter works in two steps:
- it listens for a short burst of sound with quiet before and after it: louder than the room's
  own noise (the quietest tenth of the last few seconds) by `LOUD_DB`, with the softer frames
  around it (`EDGE_DB`), between `MIN_WORD_SECONDS` and `MAX_WORD_SECONDS` long, with
  `GUARD_SECONDS` of quiet on each side.
  A sentence is longer, so "do not stop before the end" does nothing;
- pocketsphinx then decodes just that burst against a grammar of all ten commands, and the
  command that fits best counts only if the page in view listens for it: "pause" said on the
  stop question is heard as "pause" and ignored, not forced into "yes" or "no". A burst that
  fits no command to its end (a cough, a door) gives nothing.
  The quiet before a command (`QUIET_BEFORE_SECONDS`) is longer than the pauses inside
  ordinary talk, which is what keeps talk from acting (bench/voice_commands.py measures it).
  pocketsphinx's scores did not tell a command from another short word on our corpus (a
  phone-loop comparison was tried and kept nothing apart), so no score threshold is used.
A command is heard `GUARD_SECONDS` after the end of the word (the quiet that shows it was said
on its own), plus the few milliseconds of decoding: the delay from the word to the action.

The sound comes in as 16 kHz mono 16-bit samples (`SAMPLE_RATE`), in chunks of any size. The
model is the pocketsphinx wheel's own English one: nothing is downloaded.
"""

from __future__ import annotations

import math
from array import array
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from neurocoach.core.voice.commands import Command

SAMPLE_RATE = 16_000
FRAME_SECONDS = 0.01  # pocketsphinx's frame, and ours for loudness
GUARD_SECONDS = 0.3  # quiet needed after a command: the wait before it acts
QUIET_BEFORE_SECONDS = (
    0.8  # quiet needed before one: costs no delay, and a sentence's pauses are shorter
)
JOIN_SECONDS = 0.15  # a quieter moment shorter than this is inside the word ("go . on")
PAD_SECONDS = 0.3  # sound around the burst given to the decoder
LOUD_DB = 12.0  # a burst begins with a frame this much above the room's noise level
# ... and reaches out to every frame around it this much above: the soft start and end of a
# word. In a noisy room only the word's loudest part clears LOUD_DB, and measured by that part
# alone a word was too short to count, or decoded as another (pink noise at 10 dB: 68 %).
EDGE_DB = 6.0
FLOOR_SECONDS = 5.0  # the room's noise level: the quietest tenth of this much sound
# A muted or virtual microphone gives exact zeros between sounds: they say nothing of the room,
# and are left out of its noise level (else a quiet room's hiss would seem loud after them).
DIGITAL_SILENCE_DB = 1.0
MIN_WORD_SECONDS = 0.12  # shorter is a click or a tap
MAX_WORD_SECONDS = 1.3  # "more time" said slowly is about 1.1 s


# The wheel's dictionary is American English: "back" as B AE K only, "stop" as S T AA P only,
# "start" with its R. British, Scottish and Caribbean voices say them otherwise, and were heard
# as other commands (bench/voice_commands.py: "back" recognised 35 % without these, 79 % with).
ACCENT_VARIANTS = {
    "back(8)": "B AA K",
    "back(9)": "B AH K",
    "stop(8)": "S T AO P",
    "stop(9)": "S T AH P",
    "start(8)": "S T AA T",
    # Scottish and Caribbean "no" is one long vowel, not the diphthong N OW: it was decoded as
    # the start of "go on", and so as nothing ("no" recognised 75 %, 90 % with this; on voices
    # not used to choose it, 75 % and 97 %).
    "no(8)": "N OW OW",
}
# How many of the model's Gaussians score each frame (pocketsphinx's default is 4). More tell
# the consonants apart better under noise ("next" from "repeat", "back" from "stop"): 88 % of
# commands recognised with 4, 91 % with 32, on voices not used to choose it 85 % and 87.5 %,
# for 0.9 % more of one core in the spotter, 1.3 % in the whole listening process
# (bench/voice_commands.py: 4.0 % of a core in all).
GAUSSIANS_PER_FRAME = 32


class SpotterUnavailableError(RuntimeError):
    """pocketsphinx (or its model) is missing or would not load; the message says which."""


@dataclass(frozen=True)
class Heard:
    """A command said on its own: where its word lies, in seconds of the sound fed so far, the
    seconds of sound fed when it was recognised."""

    command: Command
    speech_start: float
    speech_end: float
    recognised_at: float


class CommandSpotter:
    """Feed it sound (`feed`); it returns the commands said on their own, among those it was
    told to listen for (`listen_for`)."""

    def __init__(self) -> None:
        try:
            import pocketsphinx
        except ImportError as error:
            raise SpotterUnavailableError(f"pocketsphinx is not installed ({error})") from error
        try:
            self._decoder: Any = pocketsphinx.Decoder(
                lm=None, dither=True, topn=GAUSSIANS_PER_FRAME, loglevel="FATAL"
            )
            for word, phones in ACCENT_VARIANTS.items():
                self._decoder.add_word(word, phones, False)
            # Every command, whatever the page: a word of another page ("pause" said on the
            # stop question) is then heard as itself and ignored, not forced into "yes".
            choices = " | ".join(command.words for command in Command)
            self._decoder.add_jsgf_string(
                "commands", f"#JSGF V1.0; grammar commands; public <command> = {choices};"
            )
            self._decoder.activate_search("commands")
        except (RuntimeError, ValueError, OSError) as error:
            raise SpotterUnavailableError(f"pocketsphinx could not start ({error})") from error
        self._frame_bytes = int(2 * SAMPLE_RATE * FRAME_SECONDS)
        keep = round((PAD_SECONDS + MAX_WORD_SECONDS + 2 * GUARD_SECONDS + 0.5) / FRAME_SECONDS)
        self._recent: deque[bytes] = deque(maxlen=keep)  # the last frames, for the decoder
        self._levels: deque[float] = deque(maxlen=keep)  # and their loudness (dB)
        self._loudness: deque[float] = deque(maxlen=round(FLOOR_SECONDS / FRAME_SECONDS))
        self._pending = b""
        self._frames = 0  # 10 ms frames fed so far
        self._commands: frozenset[Command] = frozenset()
        self._word_start: int | None = None  # first loud frame of the burst under way
        self._word_end: int | None = None  # its last loud frame so far
        self._quiet_before = 0  # quiet frames before the burst began

    @property
    def seconds_fed(self) -> float:
        return self._frames * FRAME_SECONDS

    @property
    def listening_for(self) -> frozenset[Command]:
        return self._commands

    def listen_for(self, commands: Iterable[Command]) -> None:
        """From now on, hear only these commands (none: hear nothing). Drops a half-heard one."""
        wanted = frozenset(commands)
        if wanted == self._commands:
            return
        self.reset()
        self._commands = wanted

    def reset(self) -> None:
        """Forget the sound heard so far (the coach is about to talk, or the page changed)."""
        self._word_start = self._word_end = None
        self._quiet_before = 0
        self._recent.clear()
        self._levels.clear()
        self._pending = b""

    def skip(self, seconds: float) -> None:
        """Count sound that was not fed (while the coach talked), so times stay true. The
        person was listening meanwhile: a command may follow at once."""
        self.reset()
        self._frames += round(seconds / FRAME_SECONDS)
        self._quiet_before = round(QUIET_BEFORE_SECONDS / FRAME_SECONDS)

    def feed(self, pcm: bytes) -> list[Heard]:
        """Take the next chunk of sound; return the commands whose after-quiet has just ended."""
        data = self._pending + pcm
        usable = len(data) - len(data) % self._frame_bytes
        self._pending = data[usable:]
        heard = []
        for offset in range(0, usable, self._frame_bytes):
            found = self._frame(data[offset : offset + self._frame_bytes])
            if found is not None:
                heard.append(found)
        return heard

    def _frame(self, frame: bytes) -> Heard | None:
        samples = array("h")
        samples.frombytes(frame)
        level = 10 * math.log10(1 + sum(x * x for x in samples) / len(samples))
        if level >= DIGITAL_SILENCE_DB:
            self._loudness.append(level)
        self._recent.append(frame)
        self._levels.append(level)
        self._frames += 1
        now = self._frames - 1
        heard = self._loudness
        floor = sorted(heard)[len(heard) // 10] if heard else 0.0
        loud = level > floor + LOUD_DB
        join = round(JOIN_SECONDS / FRAME_SECONDS)
        guard = round(GUARD_SECONDS / FRAME_SECONDS)
        if loud:
            if self._word_start is None:
                self._word_start = now
            elif self._word_end is not None and now - self._word_end > join:
                pass  # a second burst after a pause inside the guard: the first was not alone
            self._word_end = now
            return None
        if self._word_start is None or self._word_end is None:
            self._quiet_before += 1
            return None
        if now - self._word_end < guard:
            return None
        start, end = self._edges(self._word_start, self._word_end, floor + EDGE_DB)
        before = self._quiet_before
        self._word_start = self._word_end = None
        if (end - start + 1) * FRAME_SECONDS < MIN_WORD_SECONDS:
            self._quiet_before = before + now - start + 1  # a click: as good as quiet
            return None
        self._quiet_before = guard  # the guard after this burst is quiet before the next
        return self._judge(start, end, before)

    def _edges(self, start: int, end: int, edge: float) -> tuple[int, int]:
        """The burst from `start` to `end` (frames) reaching out over the frames around it
        louder than `edge`: as far back as the sound kept, and on to the guard's quiet."""
        first = self._frames - len(self._levels)
        levels = self._levels
        while start - 1 >= first and levels[start - 1 - first] > edge:
            start -= 1
        while end + 1 < self._frames and levels[end + 1 - first] > edge:
            end += 1
        return start, end

    def _judge(self, start: int, end: int, quiet_before: int) -> Heard | None:
        length = (end - start + 1) * FRAME_SECONDS
        if not self._commands or quiet_before < round(QUIET_BEFORE_SECONDS / FRAME_SECONDS):
            return None
        if not MIN_WORD_SECONDS <= length <= MAX_WORD_SECONDS:
            return None
        pad = round(PAD_SECONDS / FRAME_SECONDS)
        first = self._frames - len(self._recent)
        frames = list(self._recent)[max(0, start - pad - first) : end + pad + 1 - first]
        sound = b"".join(frames)
        try:
            command = Command(" ".join(self._decode(sound).split()))
        except ValueError:
            return None
        if command not in self._commands:
            return None
        return Heard(command, start * FRAME_SECONDS, (end + 1) * FRAME_SECONDS, self.seconds_fed)

    def _decode(self, sound: bytes) -> str:
        """The command that fits the sound best ("" for none)."""
        self._decoder.start_utt()
        self._decoder.process_raw(sound, False, True)
        self._decoder.end_utt()
        hypothesis = self._decoder.hyp()
        return str(hypothesis.hypstr) if hypothesis is not None else ""
