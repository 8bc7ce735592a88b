"""The leg checks on a hand-driven clock: the chair stand's 30 seconds, the stance's tries
and their 45-second cap, what is kept, and the count typed with digits or + and -."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from neurocoach.core.self_checks.legs import (
    CAPPED_WORDS,
    DIGIT_SECONDS,
    GET_READY_SECONDS,
    LIFT_WORDS,
    MAX_SECONDS,
    MAX_STANDS,
    SAFETY_SET_UP,
    SECONDS,
    STOP_WORDS,
    TEN_LEFT_WORDS,
    TRIES,
    ChairStand,
    CountEntry,
    OneLegStance,
    Stance,
    norms_words,
    stance_words,
)
from neurocoach.core.self_checks.measures import CHAIR_STAND, ONE_LEG_STANCE
from neurocoach.core.session.clock import ManualClock

WHEN = datetime(2026, 12, 2, 9, 30, tzinfo=timezone.utc)


# --- the chair stand -----------------------------------------------------------------------
def test_the_chair_stand_ends_exactly_at_30_seconds() -> None:
    clock = ManualClock()
    stand = ChairStand(clock.now)
    assert not stand.started and not stand.finished() and stand.remaining() == SECONDS == 30
    stand.start()
    clock.advance(29.999)
    assert not stand.finished() and stand.remaining() == pytest.approx(0.001)
    clock.advance(0.001)
    assert stand.finished() and stand.remaining() == 0
    clock.advance(100)
    assert stand.remaining() == 0
    with pytest.raises(RuntimeError):
        stand.start()


def test_the_chair_stand_says_ten_seconds_left_then_stop_once_each() -> None:
    clock = ManualClock()
    stand = ChairStand(clock.now)
    assert stand.advance() == []  # not started
    stand.start()
    clock.advance(19.9)
    assert stand.advance() == []
    clock.advance(0.1)
    assert stand.advance() == [TEN_LEFT_WORDS]
    assert stand.advance() == []
    clock.advance(10)
    assert stand.advance() == [STOP_WORDS]
    assert stand.advance() == []


def test_a_clock_jump_past_both_cues_gives_both_in_order() -> None:
    clock = ManualClock()
    stand = ChairStand(clock.now)
    stand.start()
    clock.advance(45)
    assert stand.advance() == [TEN_LEFT_WORDS, STOP_WORDS]


def test_the_chair_stand_result_is_the_count_entered() -> None:
    clock = ManualClock()
    stand = ChairStand(clock.now)
    stand.start()
    with pytest.raises(RuntimeError):
        stand.result(12, WHEN)  # the 30 seconds are not over
    clock.advance(SECONDS)
    result = stand.result(12, WHEN)
    assert (result.measure, result.value, result.taken_at) == (CHAIR_STAND, 12.0, WHEN)
    assert result.about.unit == "stands in 30 seconds"
    assert stand.result(0, WHEN).value == 0 and stand.result(MAX_STANDS, WHEN).value == 60


@pytest.mark.parametrize("stands", [-1, MAX_STANDS + 1, 12.5, True])
def test_a_count_out_of_range_is_refused(stands: object) -> None:
    clock = ManualClock()
    stand = ChairStand(clock.now)
    stand.start()
    clock.advance(SECONDS)
    with pytest.raises(ValueError):
        stand.result(stands, WHEN)  # type: ignore[arg-type]


def test_the_norms_are_a_guide_in_plain_words() -> None:
    words = norms_words()
    assert "14" in words and "12" in words and "10" in words and "9" in words
    assert "not a diagnosis" in words and "STEADI" in words
    assert "3 stands or more" in words  # the minimal detectable change, 2.5, in whole stands


def test_the_safety_set_up_names_the_chair_the_wall_someone_and_shoes() -> None:
    text = " ".join(SAFETY_SET_UP).lower()
    for words in ("no wheels", "wall", "someone nearby", "hold", "shoes", "dizzy", "fall"):
        assert words in text, words


# --- standing on one leg -------------------------------------------------------------------
def test_a_try_is_timed_from_the_clock_after_the_get_ready() -> None:
    clock = ManualClock()
    stance = OneLegStance(clock.now)
    assert stance.get_ready() == "Try 1 of 3. Hold the chair and get ready."
    assert stance.phase is Stance.READY and stance.remaining() == GET_READY_SECONDS
    clock.advance(2.9)
    assert stance.advance() == [] and stance.held() == 0
    clock.advance(0.2)  # a late tick: the try is timed from when "lift" is said
    (lift,) = stance.advance()
    assert (lift.phase, lift.words, lift.seconds) == (Stance.HOLDING, LIFT_WORDS, None)
    assert stance.try_number == 1
    clock.advance(12.34)
    assert stance.held() == pytest.approx(12.34)
    assert stance.stop_try() == 12.3
    assert stance.tries == [12.3] and stance.phase is Stance.IDLE and stance.try_number == 2
    with pytest.raises(RuntimeError):
        stance.stop_try()


def test_a_try_stops_itself_at_45_seconds() -> None:
    clock = ManualClock()
    stance = OneLegStance(clock.now)
    stance.start_try()
    clock.advance(44.9)
    assert stance.advance() == []
    clock.advance(3)  # the tick comes late: still exactly 45
    assert stance.held() == MAX_SECONDS == 45
    (capped,) = stance.advance()
    assert (capped.phase, capped.words, capped.seconds) == (Stance.IDLE, CAPPED_WORDS, 45.0)
    assert stance.tries == [45.0] and not stance.running


def test_a_stop_after_45_seconds_before_the_tick_counts_45() -> None:
    clock = ManualClock()
    stance = OneLegStance(clock.now)
    stance.start_try()
    clock.advance(50)
    assert stance.stop_try() == 45.0


def test_the_best_of_three_tries_is_kept_with_each_try() -> None:
    clock = ManualClock()
    stance = OneLegStance(clock.now)
    assert stance.best() == 0
    with pytest.raises(RuntimeError):
        stance.result(WHEN)  # no try yet
    for held in (8.0, 21.5, 13.0):
        assert stance.can_try()
        stance.start_try()
        clock.advance(held)
        stance.stop_try()
    assert not stance.can_try() and TRIES == 3
    with pytest.raises(RuntimeError):
        stance.get_ready()
    with pytest.raises(RuntimeError):
        stance.start_try()
    result = stance.result(WHEN)
    assert (result.measure, result.value) == (ONE_LEG_STANCE, 21.5)
    assert result.detail == {"tries": [8.0, 21.5, 13.0]}


def test_no_result_while_a_try_is_under_way() -> None:
    clock = ManualClock()
    stance = OneLegStance(clock.now)
    stance.start_try()
    clock.advance(5)
    stance.stop_try()
    stance.start_try()
    with pytest.raises(RuntimeError):
        stance.result(WHEN)
    with pytest.raises(RuntimeError):
        stance.start_try()
    assert "not a diagnosis" in stance_words()


# --- entering the count --------------------------------------------------------------------
def test_digits_typed_close_together_make_one_number() -> None:
    clock = ManualClock()
    entry = CountEntry(clock.now)
    assert entry.digit(1) == 1
    clock.advance(0.8)
    assert entry.digit(2) == 12
    clock.advance(DIGIT_SECONDS + 0.1)
    assert entry.digit(7) == 7  # a while later: a new number
    clock.advance(0.5)
    assert entry.digit(5) == 5  # 75 is past the most: a new number
    assert entry.clear() == 0
    assert entry.digit(6) == 6
    clock.advance(0.5)
    assert entry.digit(0) == 60
    clock.advance(0.5)
    assert entry.digit(3) == 3
    with pytest.raises(ValueError):
        entry.digit(10)


def test_up_and_down_stay_within_0_and_the_most() -> None:
    clock = ManualClock()
    entry = CountEntry(clock.now)
    assert entry.down() == 0
    assert [entry.up() for _ in range(3)] == [1, 2, 3]
    assert entry.digit(4) == 4  # after + a digit starts a new number
    clock.advance(0.5)
    assert entry.digit(2) == 42
    assert entry.up() == 43
    assert entry.digit(1) == 1  # and after +, too
    entry.value = MAX_STANDS
    assert entry.up() == MAX_STANDS
