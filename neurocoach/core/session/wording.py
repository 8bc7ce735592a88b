"""The plain words the player shows (and, later, the voice says) for each moment of a session.

Kept apart from the widgets so the screen and the voice can never disagree, and so the words
can be tested without a window.
"""

from __future__ import annotations

import math

from neurocoach.core.foot_check import WATER_LIMIT_CELSIUS
from neurocoach.core.routine.model import Area, Routine, Side
from neurocoach.core.session.engine import SessionOutcome
from neurocoach.core.session.timeline import Phase, PhaseKind

_PART = {Area.HANDS: "hand", Area.FEET: "foot", Area.BOTH: "side"}


def side_name(side: Side, area: Area) -> str:
    """ "left hand", "right foot", or "left side" for a routine that works on both."""
    return f"{side.value} {_PART[area]}"


def position_text(phase: Phase, routine: Routine) -> str:
    """Where the user is: "Step 3 of 7 · rep 2 of 5 · left hand"."""
    parts = [f"Step {phase.step_index + 1} of {len(routine.steps)}"]
    if phase.reps > 1 and not phase.between_steps:
        parts.append(f"rep {phase.rep} of {phase.reps}")
    if phase.side is not None:
        parts.append(side_name(phase.side, routine.area))
    return " · ".join(parts)


def banner_text(phase: Phase, routine: Routine, short: bool = False) -> str:
    """The one big word (or few) that says what to do right now.

    `short` is for a cramped screen (large text on a small one), where the line under the
    banner already says which side and the Space button says what it does."""
    if phase.kind is PhaseKind.READY:
        return "Get ready"
    if phase.kind is PhaseKind.SWITCH and phase.side is not None:
        return "Switch" if short else f"Switch to your {side_name(phase.side, routine.area)}"
    if phase.kind is PhaseKind.REST:
        return "Rest"
    if phase.kind is PhaseKind.CHECK:
        return "Check" if short else f"Thermometer {WATER_LIMIT} or less? · Space"
    if short:  # the voice says "Last one", the line under the banner "rep 3 of 3"
        return "Go"
    words = "Go · last one" if phase.reps > 1 and phase.rep == phase.reps else "Go"
    return f"{words} · press Space when done" if phase.open_ended else words


def banner_choices(phase: Phase, routine: Routine) -> tuple[str, ...]:
    """The banner's words, from the fullest to the shortest: the player shows the fullest
    that fits on one line (a wait-for-me hold keeps its key as long as it can)."""
    full, short = banner_text(phase, routine), banner_text(phase, routine, short=True)
    if phase.kind is PhaseKind.CHECK:
        middle: tuple[str, ...] = (f"{WATER_LIMIT} or less? Space",)
    else:
        middle = (f"{short} · Space when done",) if phase.open_ended else ()
    return (full, *middle, short)


SHORT_BANNERS = ("Get ready", "Switch", "Rest", "Go", "Check", "Paused")  # all `short` gives
WATER_LIMIT = f"{WATER_LIMIT_CELSIUS} °C"


def water_check_words(step_title: str) -> tuple[str, str, str]:
    """A water check's title, what it asks on screen, and what the voice says, before
    `step_title` (the step that puts skin in the water)."""
    title = "Read the thermometer"
    words = (
        f"Put a bath thermometer in the water. Press Space when it reads {WATER_LIMIT} or less. "
        "Too warm? Add cold water and read it again. No thermometer? Press → to leave out "
        f"“{step_title}”."
    )
    spoken = (
        f"Read the thermometer. Press Space when it reads {WATER_LIMIT_CELSIUS} degrees or "
        "less. Too warm? Add cold water. No thermometer? Press Next to leave this step out."
    )
    return title, words, spoken


def paused_text(by_sleep: bool, short: bool = False) -> str:
    """The banner while paused; `short` as for `banner_text`."""
    if short:
        return "Paused"
    if by_sleep:
        return "Paused while the computer slept · Space goes on"
    return "Paused · press Space to go on"


_RELAX = {Area.HANDS: "hands", Area.FEET: "feet", Area.BOTH: "hands and feet"}


def rest_words(phase: Phase, upcoming: Phase | None, routine: Routine) -> tuple[str, str]:
    """What the player shows during a rest instead of the exercise (which looked as if it were
    still to be done): a title, and what to do and what comes after."""
    if upcoming is None:
        after = "the end"
    elif upcoming.step_index == phase.step_index and upcoming.kind is PhaseKind.HOLD:
        after = f"{phase.step.title} again for {duration_text(upcoming.duration)}"
    else:
        after = next_text(phase, upcoming, routine).removeprefix("Next: ")
    return "Rest", f"Let your {_RELAX[routine.area]} go loose and breathe. Then: {after}."


def count_text(number: int, word: str) -> str:
    """ "1 day", "2 days": a count with its word, singular for one (English plurals in -s)."""
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def steps_done(outcome: SessionOutcome) -> int:
    """Steps done in full (a step skipped, or cut off by a stop, is not counted)."""
    return sum(1 for record in outcome.records if not record.skipped)


def outcome_heading(outcome: SessionOutcome) -> str:
    """The finish page's first words: how the session ended, in plain words."""
    if not outcome.finished:
        return "You stopped early, and that is fine."
    done = steps_done(outcome)
    if done == 0:
        return "You skipped to the end: no exercise was done this time."
    if any(record.skipped for record in outcome.records):
        return "You reached the end of the routine."
    return "Well done! Routine complete."


def outcome_encouragement(outcome: SessionOutcome) -> str | None:
    """A gentle word under the heading after a stop: stopping is allowed, and what was done
    is not lost. None after a routine that ran to its end (the heading says it all)."""
    if outcome.finished:
        return None
    moved = any(r.reps_done > 0 or r.actual_hold_seconds > 0 for r in outcome.records)
    if moved:
        return "Listen to your body. What you did still counts."
    return "Come back whenever you feel ready."


def outcome_summary(outcome: SessionOutcome, routine: Routine) -> str:
    """ "You did 4 of 6 steps of “Quick hands” in 5 min 30 s." """
    # No-break spaces: "5 min 30 s" never leaves a lone "s." on a line of its own.
    took = duration_text(outcome.ended_at - outcome.started_at).replace(" ", "\u00a0")
    steps = count_text(len(routine.steps), "step")
    return f"You did {steps_done(outcome)} of {steps} of “{routine.title}” in {took}."


def duration_text(seconds: float) -> str:
    """ "45 s", "2 min", "2 min 30 s": short, for the player and the lists."""
    whole = max(0, math.ceil(seconds - 1e-9))
    minutes, rest = divmod(whole, 60)
    if minutes == 0:
        return f"{rest} s"
    return f"{minutes} min" if rest == 0 else f"{minutes} min {rest} s"


def about_minutes(seconds: float) -> str:
    """A routine's length for the list: "about 6 min"."""
    return f"about {max(1, round(seconds / 60))} min"


def next_text(current: Phase, upcoming: Phase | None, routine: Routine) -> str:
    """What comes after the current phase, so nothing is a surprise."""
    if upcoming is None:
        return "Next: finish"
    if upcoming.kind is PhaseKind.REST:
        return f"Next: rest {duration_text(upcoming.duration)}"
    if upcoming.kind is PhaseKind.CHECK:
        return f"Next: read the thermometer, then {upcoming.step.title}"
    if upcoming.kind is PhaseKind.SWITCH and upcoming.side is not None:
        return f"Next: {side_name(upcoming.side, routine.area)}"
    if upcoming.step_index != current.step_index:
        return f"Next: {upcoming.step.title}"
    if upcoming.kind is PhaseKind.HOLD and current.kind is not PhaseKind.HOLD:
        if upcoming.open_ended:
            return "Next: go, for as long as you need"
        return f"Next: go for {duration_text(upcoming.duration)}"
    return f"Next: rep {upcoming.rep} of {upcoming.reps}"
