"""Small routines built in code, for tests that need exact numbers."""

from __future__ import annotations

from neurocoach.core.routine.model import Area, Routine, Sides, Step
from neurocoach.core.session.cues import Tone

# Short names for the cue tones, so expected sequences read like a score.
R, HS, T, HE, SW, REST, C = (
    Tone.READY,
    Tone.HOLD_START,
    Tone.TICK,
    Tone.HOLD_END,
    Tone.SWITCH,
    Tone.REST,
    Tone.COMPLETE,
)


def make_routine(*steps: Step, routine_id: str = "t") -> Routine:
    return Routine(
        id=routine_id,
        title="Test",
        description="d",
        area=Area.HANDS,
        source="s",
        safety="x",
        steps=steps,
    )


def step(
    title: str = "S", hold: float = 10, reps: int = 1, rest: float = 0, sides: bool = False
) -> Step:
    return Step(
        title=title,
        instructions=f"Do {title}",
        hold_seconds=hold,
        reps=reps,
        rest_seconds=rest,
        sides=Sides.LEFT_RIGHT if sides else Sides.NONE,
    )
