"""The keyword spotter on real speech (espeak-ng recordings made for these tests, with a quiet
room's hiss or brown or pink noise at 10 dB under them): a word alone is heard, the same word inside
a sentence is not, and only the words of the page in view count."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest

from neurocoach.core.voice.commands import COMMANDS_FOR, Command, Listening
from neurocoach.core.voice.spotter import (
    GUARD_SECONDS,
    MIN_WORD_SECONDS,
    SAMPLE_RATE,
    CommandSpotter,
    Heard,
)

SOUNDS = Path(__file__).parent / "sounds"
WORD_END = {"pause.wav": 1.428, "go_on_brown.wav": 1.509, "stop.wav": 1.447}
QUIET = b"\0\0" * SAMPLE_RATE  # a second of digital silence


def sound(name: str) -> bytes:
    with wave.open(str(SOUNDS / name)) as wav:
        assert (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) == (SAMPLE_RATE, 1, 2)
        return wav.readframes(wav.getnframes())


def feed(spotter: CommandSpotter, data: bytes, chunk: int = 2048) -> list[Heard]:
    heard: list[Heard] = []
    for offset in range(0, len(data), chunk):
        heard += spotter.feed(data[offset : offset + chunk])
    return heard


@pytest.fixture
def spotter() -> CommandSpotter:
    made = CommandSpotter()
    made.listen_for(COMMANDS_FOR[Listening.PLAYER])
    return made


@pytest.mark.parametrize(
    ("name", "command"),
    [("pause.wav", Command.PAUSE), ("go_on_brown.wav", Command.GO_ON), ("stop.wav", Command.STOP)],
)
def test_a_word_said_alone_is_heard_soon_after_it_ends(
    spotter: CommandSpotter, name: str, command: Command
) -> None:
    data = sound(name)
    room = data[: 2 * int(0.9 * SAMPLE_RATE)] * 7  # 6 s of the room: the level it learns
    feed(spotter, room)
    start = spotter.seconds_fed
    heard = feed(spotter, data + QUIET)
    assert [h.command for h in heard] == [command]
    delay = heard[0].recognised_at - start - WORD_END[name]
    assert 0 < delay <= GUARD_SECONDS + 0.15  # the quiet that shows it was alone, and a frame


def test_a_word_half_hidden_by_noise_is_heard_whole(spotter: CommandSpotter) -> None:
    """ "next" under pink noise at 10 dB (bench/voice_corpus.py, en-gb+f2, 160 words a minute):
    under 0.12 s of it clears the noise by LOUD_DB, which alone would be a click; its softer
    frames around that belong to it (EDGE_DB)."""
    data = sound("next_pink.wav")
    feed(spotter, data[: 2 * int(0.9 * SAMPLE_RATE)] * 7)  # the noise alone, to learn its level
    heard = feed(spotter, data + QUIET)
    assert [h.command for h in heard] == [Command.NEXT]
    assert heard[0].speech_end - heard[0].speech_start >= MIN_WORD_SECONDS


def test_a_scottish_no_is_heard_on_the_stop_question(spotter: CommandSpotter) -> None:
    """ "no" as one long vowel (espeak-ng's en-gb-scotland, 160 words a minute), which the
    model's American N OW took for the start of "go on" and so for nothing."""
    spotter.listen_for(COMMANDS_FOR[Listening.QUESTION])
    assert [h.command for h in feed(spotter, sound("no_scottish.wav") + QUIET)] == [Command.NO]


def test_the_same_word_inside_a_sentence_does_nothing(spotter: CommandSpotter) -> None:
    assert feed(spotter, sound("stop_in_a_sentence.wav") + QUIET) == []


def test_a_word_of_another_page_is_not_heard(spotter: CommandSpotter) -> None:
    spotter.listen_for(COMMANDS_FOR[Listening.QUESTION])
    assert feed(spotter, sound("pause.wav") + QUIET) == []
    spotter.listen_for(COMMANDS_FOR[Listening.NOTHING])
    assert feed(spotter, sound("pause.wav") + QUIET) == []


def test_a_word_straight_after_other_speech_is_not_alone(spotter: CommandSpotter) -> None:
    """ "... the hold. Pause" with only 0.3 s between: part of the talk, not a command."""
    sentence = sound("stop_in_a_sentence.wav")
    tail_of_sentence = sentence[: len(sentence) - 2 * int(0.7 * SAMPLE_RATE)]
    pause = sound("pause.wav")
    word = pause[2 * int(0.7 * SAMPLE_RATE) :]  # the word with 0.3 s of quiet before it
    assert feed(spotter, tail_of_sentence + word + QUIET) == []


def test_any_chunk_size_gives_the_same(spotter: CommandSpotter) -> None:
    data = sound("pause.wav") + QUIET
    by_2048 = [(h.command, h.speech_end) for h in feed(spotter, data)]
    other = CommandSpotter()
    other.listen_for(COMMANDS_FOR[Listening.PLAYER])
    odd = [(h.command, h.speech_end) for h in feed(other, data, chunk=333)]
    assert odd == by_2048
    assert [c for c, _ in odd] == [Command.PAUSE]


def test_sound_skipped_while_the_coach_spoke_keeps_the_times_and_hears_nothing(
    spotter: CommandSpotter,
) -> None:
    data = sound("pause.wav")
    half = len(data) // 2 + 2 * int(0.2 * SAMPLE_RATE)  # into the word
    assert feed(spotter, data[:half]) == []
    before = spotter.seconds_fed
    spotter.skip(0.5)  # the coach talked over the end of the word
    assert spotter.seconds_fed == pytest.approx(before + 0.5)
    assert feed(spotter, data[half:] + QUIET) == []


def test_quiet_and_steady_noise_alone_are_never_commands(spotter: CommandSpotter) -> None:
    data = sound("go_on_brown.wav")
    noise_only = data[: 2 * int(0.9 * SAMPLE_RATE)]  # the brown noise before the word
    assert feed(spotter, QUIET * 3 + noise_only * 4) == []
