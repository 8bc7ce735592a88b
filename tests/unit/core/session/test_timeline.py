from __future__ import annotations

from neurocoach.core.routine.model import Side
from neurocoach.core.session.timeline import (
    PhaseKind,
    SessionOptions,
    build_timeline,
    total_seconds,
)
from tests.unit.core.helpers import make_routine, step


def test_sides_reps_and_rests_in_order() -> None:
    routine = make_routine(step("A", hold=5, reps=2, rest=3, sides=True), step("B", hold=7))
    phases = build_timeline(routine, SessionOptions(lead_in_seconds=4))
    assert [(p.kind, p.step_index, p.rep, p.side, p.duration) for p in phases] == [
        (PhaseKind.READY, 0, 1, Side.RIGHT, 4),
        (PhaseKind.HOLD, 0, 1, Side.RIGHT, 5),
        (PhaseKind.REST, 0, 2, Side.RIGHT, 3),
        (PhaseKind.HOLD, 0, 2, Side.RIGHT, 5),
        (PhaseKind.SWITCH, 0, 1, Side.LEFT, 4),
        (PhaseKind.HOLD, 0, 1, Side.LEFT, 5),
        (PhaseKind.REST, 0, 2, Side.LEFT, 3),
        (PhaseKind.HOLD, 0, 2, Side.LEFT, 5),
        (PhaseKind.READY, 1, 1, None, 4),
        (PhaseKind.HOLD, 1, 1, None, 7),
    ]


def test_hold_scale_and_no_lead_in() -> None:
    routine = make_routine(step(hold=10, reps=2, rest=5))
    phases = build_timeline(routine, SessionOptions(lead_in_seconds=0, hold_scale=1.5))
    assert [(p.kind, p.duration) for p in phases] == [
        (PhaseKind.HOLD, 15),
        (PhaseKind.REST, 5),
        (PhaseKind.HOLD, 15),
    ]
    assert total_seconds(routine, SessionOptions(lead_in_seconds=0, hold_scale=1.5)) == 35


def test_own_values_for_one_exercise_replace_the_routines() -> None:
    from neurocoach.core.session.timeline import StepOverride

    routine = make_routine(step("A", hold=10, reps=3, rest=2), step("B", hold=10))
    options = SessionOptions(
        lead_in_seconds=0,
        hold_scale=2.0,
        overrides={0: StepOverride(hold_seconds=7, reps=2, rest_seconds=4)},
    )
    phases = build_timeline(routine, options)
    assert [(p.kind, p.step_index, p.duration) for p in phases] == [
        (PhaseKind.HOLD, 0, 7),  # the user's own hold is not scaled again
        (PhaseKind.REST, 0, 4),
        (PhaseKind.HOLD, 0, 7),
        (PhaseKind.HOLD, 1, 20),  # the other step keeps the routine's hold, scaled
    ]
    assert [p.reps for p in phases] == [2, 2, 2, 1]


def test_rest_between_steps_but_not_after_the_last() -> None:
    routine = make_routine(step("A", hold=5, sides=True), step("B", hold=5))
    phases = build_timeline(routine, SessionOptions(lead_in_seconds=3, rest_between_steps=20))
    assert [(p.kind, p.step_index, p.duration, p.between_steps) for p in phases] == [
        (PhaseKind.READY, 0, 3, False),
        (PhaseKind.HOLD, 0, 5, False),
        (PhaseKind.SWITCH, 0, 3, False),
        (PhaseKind.HOLD, 0, 5, False),
        (PhaseKind.REST, 0, 20, True),
        (PhaseKind.READY, 1, 3, False),
        (PhaseKind.HOLD, 1, 5, False),
    ]


def test_wait_for_me_holds_have_no_end_of_their_own() -> None:
    routine = make_routine(step("A", hold=12, reps=2, rest=3))
    options = SessionOptions(lead_in_seconds=0, wait_for_me=True)
    holds = [p for p in build_timeline(routine, options) if p.kind is PhaseKind.HOLD]
    assert all(p.open_ended and p.target == 12 and p.duration >= 3600 for p in holds)
    assert total_seconds(routine, options) == 12 + 3 + 12
