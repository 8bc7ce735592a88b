from __future__ import annotations

from dataclasses import replace

from neurocoach.core.routine.model import Area
from neurocoach.core.session.timeline import SessionOptions, build_timeline
from neurocoach.core.session.wording import (
    about_minutes,
    banner_text,
    duration_text,
    next_text,
    position_text,
)
from tests.unit.core.helpers import make_routine, step


def test_words_for_each_phase_of_a_two_sided_step() -> None:
    routine = make_routine(step("Squeeze", hold=5, reps=2, rest=3, sides=True), step("Stretch"))
    phases = build_timeline(routine, SessionOptions(lead_in_seconds=5))
    shown = [
        (banner_text(p, routine), position_text(p, routine), next_text(p, n, routine))
        for p, n in zip(phases, [*phases[1:], None], strict=True)
    ]
    assert shown == [
        ("Get ready", "Step 1 of 2 · rep 1 of 2 · right hand", "Next: go for 5 s"),
        ("Go", "Step 1 of 2 · rep 1 of 2 · right hand", "Next: rest 3 s"),
        ("Rest", "Step 1 of 2 · rep 2 of 2 · right hand", "Next: go for 5 s"),
        ("Go · last one", "Step 1 of 2 · rep 2 of 2 · right hand", "Next: left hand"),
        ("Switch to your left hand", "Step 1 of 2 · rep 1 of 2 · left hand", "Next: go for 5 s"),
        ("Go", "Step 1 of 2 · rep 1 of 2 · left hand", "Next: rest 3 s"),
        ("Rest", "Step 1 of 2 · rep 2 of 2 · left hand", "Next: go for 5 s"),
        ("Go · last one", "Step 1 of 2 · rep 2 of 2 · left hand", "Next: Stretch"),
        ("Get ready", "Step 2 of 2", "Next: go for 10 s"),
        ("Go", "Step 2 of 2", "Next: finish"),
    ]


def test_feet_routines_say_foot() -> None:
    routine = replace(make_routine(step(sides=True)), area=Area.FEET)
    phase = build_timeline(routine)[0]
    assert position_text(phase, routine) == "Step 1 of 1 · right foot"


def test_durations() -> None:
    assert [duration_text(s) for s in (0, 4.2, 60, 150)] == ["0 s", "5 s", "1 min", "2 min 30 s"]
    assert [about_minutes(s) for s in (20, 328, 1800)] == [
        "about 1 min",
        "about 5 min",
        "about 30 min",
    ]


def test_counts_read_as_words_singular_for_one() -> None:
    from neurocoach.core.session.wording import count_text

    assert [count_text(n, "day") for n in (0, 1, 2)] == ["0 days", "1 day", "2 days"]


def test_a_routine_skipped_to_the_end_is_not_called_complete() -> None:
    from neurocoach.core.session.engine import SessionOutcome
    from neurocoach.core.session.records import EndReason, StepRecord
    from neurocoach.core.session.wording import outcome_heading, outcome_summary

    routine = make_routine(step("A"), step("B"))
    skipped = tuple(
        StepRecord(i, s.title, 10, 1, skipped=True) for i, s in enumerate(routine.steps)
    )
    outcome = SessionOutcome(EndReason.FINISHED, 0.0, 3.0, skipped)
    assert "no exercise was done" in outcome_heading(outcome)
    assert outcome_summary(outcome, routine) == "You did 0 of 2 steps of “Test” in 3\u00a0s."
    done = (StepRecord(0, "A", 10, 1, 10, 1), StepRecord(1, "B", 10, 1, 10, 1))
    assert outcome_heading(SessionOutcome(EndReason.FINISHED, 0.0, 20.0, done)).startswith("Well")
    one = make_routine(step("A"))
    once = SessionOutcome(EndReason.STOPPED, 0.0, 5.0, done[:1])
    assert outcome_summary(once, one) == "You did 1 of 1 step of “Test” in 5\u00a0s."


def test_a_rest_says_rest_and_what_comes_after_not_the_exercise() -> None:
    from neurocoach.core.session.timeline import PhaseKind
    from neurocoach.core.session.wording import rest_words

    routine = make_routine(step("Squeeze", hold=5, reps=2, rest=3), step("Stretch", hold=5))
    phases = build_timeline(routine, SessionOptions(lead_in_seconds=5, rest_between_steps=10))
    rests = [
        rest_words(p, phases[i + 1] if i + 1 < len(phases) else None, routine)
        for i, p in enumerate(phases)
        if p.kind is PhaseKind.REST
    ]
    assert rests == [
        ("Rest", "Let your hands go loose and breathe. Then: Squeeze again for 5 s."),
        ("Rest", "Let your hands go loose and breathe. Then: Stretch."),
    ]
