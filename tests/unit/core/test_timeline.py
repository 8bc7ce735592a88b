from __future__ import annotations

from neurocoach.core.routine import Side
from neurocoach.core.timeline import PhaseKind, SessionOptions, build_timeline, total_seconds
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
