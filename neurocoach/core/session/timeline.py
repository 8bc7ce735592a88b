"""Turns a routine and the user's options into the ordered phases a session goes through.

Each step begins with a short get-ready lead-in (time to read, and to get into position);
a step done on both sides does the right side first, then a switch lead-in and the left;
between repetitions there is the step's rest, and between steps the user's chosen rest.
In "wait for me" mode a hold has no end of its own: it lasts until the user says so.

The foot check (`core/foot_check.py`) shapes it too: while a foot has a wound or is hot and
swollen, the steps that work on the feet are left out; for someone who cannot feel warmth,
each step that puts skin in warm water begins with a water check, which lasts until the
person confirms the thermometer reads 37 °C or less (or leaves the step out with Next).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

from neurocoach.core.routine.model import Care, Routine, Side, Step


class PhaseKind(str, Enum):
    READY = "ready"  # get into position for a new step
    SWITCH = "switch"  # change to the other hand or foot
    HOLD = "hold"  # do the exercise: hold the position or keep the movement going
    REST = "rest"  # relax between repetitions
    CHECK = "check"  # read the water's thermometer before skin goes in: ends when confirmed


OPEN_ENDED_SECONDS = 6 * 3600.0  # a "wait for me" hold: longer than anyone holds anything


@dataclass(frozen=True)
class StepOverride:
    """The user's own hold, reps or rest for one exercise (None: the routine's value)."""

    hold_seconds: float | None = None
    reps: int | None = None
    rest_seconds: float | None = None

    @property
    def any(self) -> bool:
        return (self.hold_seconds, self.reps, self.rest_seconds) != (None, None, None)


@dataclass(frozen=True)
class SessionOptions:
    """The user's adjustments that shape a session's timing."""

    lead_in_seconds: float = 5.0
    hold_scale: float = 1.0
    rest_between_steps: float = 0.0
    wait_for_me: bool = False
    overrides: Mapping[int, StepOverride] = field(default_factory=dict)  # by step index
    leave_out_feet: bool = False  # a foot has a wound or is hot and swollen: no foot work
    check_water: bool = False  # warmth cannot be felt: a thermometer check before warm water

    def leaves_out(self, step: Step) -> bool:
        """The step is not done at all today (the foot check says the feet need rest)."""
        return self.leave_out_feet and Care.FEET in step.care

    def hold_for(self, index: int, step: Step) -> float:
        """A step's hold: the user's own for this exercise, else the routine's, scaled."""
        own = self.overrides.get(index, StepOverride()).hold_seconds
        return own if own is not None else step.hold_seconds * self.hold_scale

    def reps_for(self, index: int, step: Step) -> int:
        own = self.overrides.get(index, StepOverride()).reps
        return own if own is not None else step.reps

    def rest_for(self, index: int, step: Step) -> float:
        own = self.overrides.get(index, StepOverride()).rest_seconds
        return own if own is not None else step.rest_seconds


@dataclass(frozen=True)
class Phase:
    """One timed stretch of a session: what to do, for which step, rep and side, and how long."""

    kind: PhaseKind
    step_index: int
    step: Step
    rep: int
    side: Side | None
    duration: float
    reps: int = 1  # how many holds this step has on each side, as the user set it
    target: float = 0.0  # for a hold: the seconds aimed at (its duration, unless open-ended)
    open_ended: bool = False  # "wait for me": ends when the user says, not on a deadline
    between_steps: bool = False  # the rest after a step, before the next one


def build_timeline(routine: Routine, options: SessionOptions | None = None) -> list[Phase]:
    opts = options or SessionOptions()
    phases: list[Phase] = []
    done = [i for i, step in enumerate(routine.steps) if not opts.leaves_out(step)]
    last = done[-1] if done else -1
    for index, step in enumerate(routine.steps):
        if opts.leaves_out(step):
            continue
        if opts.check_water and Care.WARM_WATER in step.care:
            phases.append(
                Phase(PhaseKind.CHECK, index, step, 1, None, OPEN_ENDED_SECONDS, open_ended=True)
            )
        hold = opts.hold_for(index, step)
        reps = opts.reps_for(index, step)
        rest = opts.rest_for(index, step)
        hold_duration = OPEN_ENDED_SECONDS if opts.wait_for_me else hold
        for side_number, side in enumerate(step.side_order):
            lead_kind = PhaseKind.READY if side_number == 0 else PhaseKind.SWITCH
            if opts.lead_in_seconds > 0:
                phases.append(Phase(lead_kind, index, step, 1, side, opts.lead_in_seconds, reps))
            for rep in range(1, reps + 1):
                if rep > 1 and rest > 0:
                    phases.append(Phase(PhaseKind.REST, index, step, rep, side, rest, reps))
                phases.append(
                    Phase(
                        PhaseKind.HOLD,
                        index,
                        step,
                        rep,
                        side,
                        hold_duration,
                        reps,
                        target=hold,
                        open_ended=opts.wait_for_me,
                    )
                )
        if index < last and opts.rest_between_steps > 0:
            final = phases[-1]
            phases.append(
                Phase(
                    PhaseKind.REST,
                    index,
                    step,
                    reps,
                    final.side,
                    opts.rest_between_steps,
                    reps,
                    between_steps=True,
                )
            )
    return phases


def total_seconds(routine: Routine, options: SessionOptions | None = None) -> float:
    """How long the routine takes if nothing is paused, skipped or extended (with "wait for
    me", counting each hold at its usual length; a water check counts as nothing)."""
    return sum(
        phase.target if phase.open_ended else phase.duration
        for phase in build_timeline(routine, options)
    )
