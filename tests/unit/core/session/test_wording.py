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
