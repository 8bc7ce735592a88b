"""The tapping test's plan on a hand-driven clock: what counts, when a trial ends, and what is
kept; and its typical range in words."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from neurocoach.core.self_checks.measures import TAPPING_LEFT, TAPPING_RIGHT
from neurocoach.core.self_checks.tapping import (
    GET_READY_SECONDS,
    REST_SECONDS,
    TRIAL_SECONDS,
    Phase,
    TappingTest,
    typical_words,
)
from neurocoach.core.session.clock import ManualClock

WHEN = datetime(2026, 12, 2, 9, 30, tzinfo=timezone.utc)


def started(dominant: str = "right") -> tuple[TappingTest, ManualClock]:
    clock = ManualClock()
    test = TappingTest(clock.now)
    test.start(dominant)
    return test, clock


def run_trial(test: TappingTest, clock: ManualClock, taps: int) -> None:
    """From a get-ready: `taps` even taps within the 10 seconds, then on to the next phase."""
    clock.advance(test.remaining())
    assert [e.phase for e in test.advance()] == [Phase.TAPPING]
    for _ in range(taps):
        clock.advance(TRIAL_SECONDS / (taps + 1))
        assert test.tap()
    clock.advance(test.remaining())
    test.advance()
    if test.phase is Phase.REST:
        clock.advance(test.remaining())
        assert [e.phase for e in test.advance()] == [Phase.READY]


def test_the_plan_says_which_hand_and_trial_and_rests_between() -> None:
    clock = ManualClock()
    test = TappingTest(clock.now)
    assert test.phase is Phase.CHOOSING and test.remaining() == 0
    (ready,) = test.start("left")
    assert ready.words == "Left hand, trial 1 of 3. Get ready."
    assert test.remaining() == GET_READY_SECONDS
    clock.advance(GET_READY_SECONDS)
    (go,) = test.advance()
    assert (go.phase, go.words, test.remaining()) == (Phase.TAPPING, "Go.", TRIAL_SECONDS)
    clock.advance(TRIAL_SECONDS)
    (rest,) = test.advance()
    assert (rest.phase, rest.words, rest.switching) == (Phase.REST, "Stop. Rest.", False)
    assert (rest.hand, rest.trial) == ("left", 2)  # what comes next
    assert test.remaining() == REST_SECONDS
    clock.advance(REST_SECONDS)
    assert test.advance()[0].words == "Left hand, trial 2 of 3. Get ready."


def test_taps_count_only_while_tapping() -> None:
    test, clock = started()
    assert not test.tap()  # getting ready
    clock.advance(GET_READY_SECONDS)
    assert not test.tap()  # the get-ready is over, but nobody has said Go yet
    test.advance()
    assert test.tap() and test.tap()
    assert test.taps == 2
    clock.advance(TRIAL_SECONDS)
    test.advance()
    assert test.phase is Phase.REST and not test.tap()
    assert test.counts == {"right": [2], "left": []} and test.last_count == 2


def test_a_tap_at_the_deadline_does_not_count_even_before_the_screen_knows() -> None:
    test, clock = started()
    clock.advance(GET_READY_SECONDS)
    test.advance()
    clock.advance(TRIAL_SECONDS - 0.001)
    assert test.tap()  # just inside
    clock.advance(0.001)
    assert test.phase is Phase.TAPPING  # advance() not called yet: the UI's timer is late
    assert not test.tap()  # exactly at the deadline
    clock.advance(0.02)
    assert not test.tap()
    test.advance()
    assert test.counts["right"] == [1]


def test_a_late_tick_does_not_shorten_a_trial() -> None:
    """The 10 seconds run from the Go, even when the get-ready was noticed late."""
    test, clock = started()
    clock.advance(GET_READY_SECONDS + 0.2)
    test.advance()
    assert test.remaining() == pytest.approx(TRIAL_SECONDS)
    clock.advance(9.9)
    assert test.tap()


def test_the_hands_change_after_three_trials_and_the_medians_are_kept() -> None:
    test, clock = started("left")
    for taps in (48, 52, 50):
        run_trial(test, clock, taps)
    assert test.hand == "right" and test.trial == 1
    for taps in (44, 40, 47):
        run_trial(test, clock, taps)
    assert test.phase is Phase.DONE and not test.running and test.remaining() == 0
    assert test.counts == {"left": [48, 52, 50], "right": [44, 40, 47]}
    assert test.medians() == {"left": 50.0, "right": 44.0}
    right, left = test.results(WHEN)
    assert (right.measure, right.value, right.taken_at) == (TAPPING_RIGHT, 44.0, WHEN)
    assert right.detail == {"trials": [44, 40, 47], "dominant": False}
    assert (left.measure, left.value) == (TAPPING_LEFT, 50.0)
    assert left.detail == {"trials": [48, 52, 50], "dominant": True}
    assert right.about.unit == "taps in 10 seconds"


def test_the_rest_before_the_other_hand_says_to_switch() -> None:
    test, clock = started("right")
    for taps in (50, 50):
        run_trial(test, clock, taps)
    clock.advance(test.remaining() + TRIAL_SECONDS)
    test.advance()  # Go
    clock.advance(TRIAL_SECONDS)
    (rest,) = test.advance()
    assert rest.switching and (rest.hand, rest.trial) == ("left", 1)
    assert rest.words == "Stop. Rest. Now switch to your left hand."


def test_the_last_trial_ends_the_test() -> None:
    test, clock = started()
    for _ in range(5):
        run_trial(test, clock, 10)
    clock.advance(test.remaining())
    test.advance()
    clock.advance(TRIAL_SECONDS)
    (done,) = test.advance()
    assert (done.phase, done.words) == (Phase.DONE, "Stop. All done.")
    assert test.advance() == []


def test_a_clock_jump_passes_several_phases_but_never_a_trial() -> None:
    """After a sleep of the computer, say: the phases that are over are reported in order,
    and the next trial starts now rather than being passed over with no taps."""
    test, clock = started()
    clock.advance(GET_READY_SECONDS)
    test.advance()
    test.tap()
    clock.advance(100)
    began = test.advance()
    assert [e.phase for e in began] == [Phase.REST, Phase.READY, Phase.TAPPING]
    assert [(e.hand, e.trial) for e in began] == [("right", 2)] * 3
    assert test.counts["right"] == [1]
    assert test.remaining() == TRIAL_SECONDS  # a whole trial, from now


def test_phases_follow_on_from_deadlines_so_the_test_does_not_drift() -> None:
    test, clock = started()
    clock.advance(GET_READY_SECONDS)
    test.advance()
    clock.advance(TRIAL_SECONDS + 0.3)  # the end of the trial noticed late...
    test.advance()
    assert test.remaining() == pytest.approx(REST_SECONDS - 0.3)  # ...the rest is not longer


def test_results_and_a_stopped_test() -> None:
    test, clock = started()
    with pytest.raises(RuntimeError):
        test.results(WHEN)  # not finished: nothing to keep
    clock.advance(GET_READY_SECONDS)
    test.advance()
    test.stop()
    assert test.phase is Phase.STOPPED and not test.tap() and test.advance() == []
    with pytest.raises(RuntimeError):
        test.results(WHEN)
    with pytest.raises(ValueError):
        TappingTest(clock.now).start("both")


def test_the_typical_words_are_a_guide_and_say_so() -> None:
    words = typical_words({"right": 55.0, "left": 51.0}, "right")
    assert words.startswith("Many adults tap about 50 to 60 times in 10 seconds")
    assert "about 10 % fewer with the other hand" in words
    assert "not a diagnosis" in words and "your own counts change over time" in words
    assert "differ" not in words and "fewer times than" not in words  # 4 of 55: usual


def test_a_larger_difference_between_the_hands_is_named_calmly() -> None:
    words = typical_words({"right": 40.0, "left": 50.0}, "right")
    assert "Today your right hand tapped about 20 % fewer times than your left hand." in words
    assert "several checks" in words
    for alarming in ("diagnos" + "is:", "nerve damage", "worse", "warning"):
        assert alarming not in words.split("\n\n", 1)[1]
    assert typical_words({"right": 40.0}, "right").count("\n") == 0  # one hand: no comparison
    assert "\n" not in typical_words({"right": 0.0, "left": 0.0}, "left")
