"""When each part of long instructions is on screen: in step with the voice, then in turn.

A hands-free user cannot scroll, so instructions too long for the room left at large text
are shown a part at a time (the player decides where the parts break, by the space it has).
This module decides which part is shown at a moment of a phase: while the voice would be
reading them, the part it has reached; once read, each part in turn for as long as reading it
twice takes, so every word comes round again during a long hold. It needs no voice: without
one the parts move at the same pace, that of a person reading aloud.
"""

from __future__ import annotations

from collections.abc import Sequence

# espeak-ng (the Linux voice) at its normal speed says about 175 words a minute; with the
# pauses at full stops, about 2.6 words a second.
WORDS_PER_SECOND = 2.6
MIN_DWELL_SECONDS = 5.0  # a part read by the eye, not the voice, stays at least this long


def reading_pace(rate: float) -> float:
    """Words a second at the voice speed setting: -1 is about half the normal speed, +1
    about twice it (as QTextToSpeech's rate)."""
    return WORDS_PER_SECOND * 2 ** max(-1.0, min(1.0, rate))


def word_count(text: str) -> int:
    return len(text.split())


def part_shown(
    word_counts: Sequence[int], elapsed: float, pace: float, words_before: int = 0
) -> int:
    """The index of the part to show `elapsed` seconds into a phase.

    `words_before` are words the voice says before the first part (the step's title).
    """
    if len(word_counts) <= 1:
        return 0
    pace = max(pace, 0.1)
    heard = elapsed * pace - words_before
    start = 0
    for index, words in enumerate(word_counts):
        start += words
        if heard < start:
            return index
    # Read once: each part again in turn, so none is shown only once and briefly.
    since = elapsed - (words_before + sum(word_counts)) / pace
    dwell = [max(MIN_DWELL_SECONDS, 2 * words / pace) for words in word_counts]
    since %= sum(dwell)
    for index, seconds in enumerate(dwell):
        if since < seconds:
            return index
        since -= seconds
    return len(word_counts) - 1
