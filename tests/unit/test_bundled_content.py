"""The bundled routines must cover what the two source articles describe, with the cautions
that matter for reduced sensation, and make no promise of a cure."""

from __future__ import annotations

import re

import pytest

from neurocoach.core.routine.catalog import load_catalog
from neurocoach.core.routine.model import Routine
from neurocoach.core.session.timeline import total_seconds
from neurocoach.paths import bundled_routines_dir


def bundled() -> list[Routine]:
    entries = load_catalog([bundled_routines_dir()])
    assert all(e.ok for e in entries)
    return [e.routine for e in entries if e.routine is not None]


def all_step_text() -> str:
    return "\n".join(
        f"{s.title}\n{s.instructions}" for routine in bundled() for s in routine.steps
    ).lower()


@pytest.mark.parametrize(
    "topic",
    [
        r"tap the tip of each finger",  # finger taps
        r"wrist stretch, palm up",  # wrist flexor stretch
        r"thumb to fingertips",  # thumb opposition
        r"finger lifts",
        r"squeeze",  # grip strengthening
        r"nerve glide",
        r"lukewarm water",  # heat warm-up
        r"lotion",  # lotion massage
        r"golf ball",
        r"tennis ball",
        r"marbles",  # marble foot bath
        r"someone is with you",  # massage by a partner
    ],
)
def test_every_topic_of_the_source_articles_is_covered(topic: str) -> None:
    assert re.search(topic, all_step_text())


def test_every_warm_water_step_carries_the_burn_caution() -> None:
    warm_steps = [
        (routine, step)
        for routine in bundled()
        for step in routine.steps
        if "warm" in (step.title + step.instructions).lower()
    ]
    assert len(warm_steps) >= 3
    for routine, step in warm_steps:
        text = f"{routine.safety} {step.caution or ''}".lower()
        assert "burn" in text, step.title
        assert "elbow" in routine.safety.lower() or "thermometer" in routine.safety.lower()


def test_every_routine_names_its_source_and_says_stop_if_pain_grows() -> None:
    for routine in bundled():
        assert len(routine.source) > 40
        safety = routine.safety.lower()
        assert "stop" in safety and "pain" in safety, routine.id


def test_no_routine_promises_a_cure() -> None:
    for routine in bundled():
        text = " ".join(
            [routine.description, routine.safety]
            + [s.instructions + " " + (s.say or "") for s in routine.steps]
        ).lower()
        assert not re.search(r"\bcures?\b|\bheal|\breverse", text), routine.id


def test_there_is_a_quick_routine_of_about_five_minutes() -> None:
    quick = [r for r in bundled() if 4 * 60 <= total_seconds(r) <= 6 * 60]
    assert [r.id for r in quick] == ["quick-hands"]
