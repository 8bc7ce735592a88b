"""Turns a routine and the user's options into the ordered phases a session goes through.

Each step begins with a short get-ready lead-in (time to read, and to get into position);
a step done on both sides does the right side first, then a switch lead-in and the left;
between repetitions there is the step's rest.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from neurocoach.core.routine import Routine, Side, Step


class PhaseKind(str, Enum):
    READY = "ready"  # get into position for a new step
    SWITCH = "switch"  # change to the other hand or foot
    HOLD = "hold"  # do the exercise: hold the position or keep the movement going
    REST = "rest"  # relax between repetitions


@dataclass(frozen=True)
class SessionOptions:
    """The user's adjustments that shape a session's timing."""

    lead_in_seconds: float = 5.0
    hold_scale: float = 1.0


@dataclass(frozen=True)
class Phase:
    """One timed stretch of a session: what to do, for which step, rep and side, and how long."""

    kind: PhaseKind
    step_index: int
    step: Step
    rep: int
    side: Side | None
    duration: float

    @property
    def reps(self) -> int:
        return self.step.reps


def build_timeline(routine: Routine, options: SessionOptions | None = None) -> list[Phase]:
    opts = options or SessionOptions()
    phases: list[Phase] = []
    for index, step in enumerate(routine.steps):
        hold = step.hold_seconds * opts.hold_scale
        for side_number, side in enumerate(step.side_order):
            lead_kind = PhaseKind.READY if side_number == 0 else PhaseKind.SWITCH
            if opts.lead_in_seconds > 0:
                phases.append(Phase(lead_kind, index, step, 1, side, opts.lead_in_seconds))
            for rep in range(1, step.reps + 1):
                if rep > 1 and step.rest_seconds > 0:
                    phases.append(Phase(PhaseKind.REST, index, step, rep, side, step.rest_seconds))
                phases.append(Phase(PhaseKind.HOLD, index, step, rep, side, hold))
    return phases


def total_seconds(routine: Routine, options: SessionOptions | None = None) -> float:
    """How long the routine takes if nothing is paused, skipped or extended."""
    return sum(phase.duration for phase in build_timeline(routine, options))
