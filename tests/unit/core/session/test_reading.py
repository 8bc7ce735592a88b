"""Which part of long instructions shows when: with the voice, then each in turn."""

from __future__ import annotations

import pytest

from neurocoach.core.session.reading import (
    MIN_DWELL_SECONDS,
    WORDS_PER_SECOND,
    part_shown,
    reading_pace,
)


def test_the_pace_follows_the_voice_speed_setting() -> None:
    assert reading_pace(0) == pytest.approx(WORDS_PER_SECOND)
    assert reading_pace(-1) == pytest.approx(WORDS_PER_SECOND / 2)
    assert reading_pace(1) == pytest.approx(WORDS_PER_SECOND * 2)
    assert reading_pace(5) == reading_pace(1)  # out of range: the fastest the voice goes


def test_one_part_is_always_the_first() -> None:
    assert part_shown([40], 999, 2.0) == 0
    assert part_shown([], 3, 2.0) == 0


def test_the_part_shown_is_the_one_the_voice_has_reached() -> None:
    counts = [10, 10, 10]  # 5 s each at 2 words a second
    assert part_shown(counts, 0, 2.0) == 0
    assert part_shown(counts, 4.9, 2.0) == 0
    assert part_shown(counts, 5.1, 2.0) == 1
    assert part_shown(counts, 10.1, 2.0) == 2
    # The title is said first: two words later.
    assert part_shown(counts, 5.1, 2.0, words_before=2) == 0
    assert part_shown(counts, 6.1, 2.0, words_before=2) == 1


def test_once_read_each_part_comes_round_again_for_long_enough_to_read() -> None:
    counts = [4, 20]  # read in 12 s at 2 words a second
    read = 12
    # The short part stays MIN_DWELL_SECONDS, the long one as long as reading it twice.
    assert part_shown(counts, read + 0.1, 2.0) == 0
    assert part_shown(counts, read + MIN_DWELL_SECONDS - 0.1, 2.0) == 0
    assert part_shown(counts, read + MIN_DWELL_SECONDS + 0.1, 2.0) == 1
    assert part_shown(counts, read + MIN_DWELL_SECONDS + 19.9, 2.0) == 1
    assert part_shown(counts, read + MIN_DWELL_SECONDS + 20.1, 2.0) == 0  # and round again
    shown = {part_shown(counts, read + t / 10, 2.0) for t in range(0, 600)}
    assert shown == {0, 1}
