"""The foot check's answers change a session: what is left out, and where it waits."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone

import pytest

from neurocoach.core import foot_check
from neurocoach.core.foot_check import QUESTIONS, FootCheck
from neurocoach.core.routine.catalog import load_catalog
from neurocoach.core.routine.model import Care, Routine
from neurocoach.core.session.clock import ManualClock
from neurocoach.core.session.engine import CHECK_ANSWER_AFTER_SECONDS, SessionEngine
from neurocoach.core.session.records import EndReason
from neurocoach.core.session.timeline import PhaseKind, SessionOptions, build_timeline
from neurocoach.paths import bundled_routines_dir
from tests.unit.core.helpers import make_routine, step

WHEN = datetime(2026, 12, 2, 9, 30, tzinfo=timezone.utc)
NOTHING = FootCheck(WHEN, wound=False, hot_swollen=False, cannot_feel_warmth=False, high_risk=False)


def bundled(routine_id: str) -> Routine:
    for entry in load_catalog([bundled_routines_dir()]):
        if entry.routine is not None and entry.routine.id == routine_id:
            return entry.routine
    raise AssertionError(routine_id)


def foot_routine() -> Routine:
    return make_routine(
        replace(step("Fill the bowl", hold=30), care=frozenset({Care.FEET})),
        replace(step("Foot wash", hold=120), care=frozenset({Care.FEET, Care.WARM_WATER})),
        replace(step("Ball under the foot", hold=60, sides=True), care=frozenset({Care.FEET})),
        step("Look at your feet", hold=60),
    )


def titles(routine: Routine, options: SessionOptions) -> list[str]:
    seen: list[str] = []
    for phase in build_timeline(routine, options):
        if phase.step.title not in seen:
            seen.append(phase.step.title)
    return seen


def test_every_question_is_a_yes_no_field_of_the_answers() -> None:
    keys = [q.key for q in QUESTIONS]
    assert keys == ["wound", "hot_swollen", "cannot_feel_warmth", "high_risk"]
    check = foot_check.answers_from(dict.fromkeys(keys, True), WHEN)
    assert all(check.answer(key) for key in keys)
    with pytest.raises(KeyError):
        foot_check.answers_from({"wound": True}, WHEN)  # every question must be answered


@pytest.mark.parametrize("answer", ["wound", "hot_swollen"])
def test_a_wound_or_a_hot_swollen_foot_leaves_the_foot_work_out(answer: str) -> None:
    options = foot_check.session_options(SessionOptions(), replace(NOTHING, **{answer: True}))
    assert titles(foot_routine(), options) == ["Look at your feet"]
    assert titles(foot_routine(), foot_check.session_options(SessionOptions(), NOTHING)) == [
        "Fill the bowl",
        "Foot wash",
        "Ball under the foot",
        "Look at your feet",
    ]


def test_the_bundled_foot_routine_keeps_only_the_foot_look_with_a_wound() -> None:
    routine = bundled("foot-care")
    wound = replace(NOTHING, wound=True)
    kept = titles(routine, foot_check.session_options(SessionOptions(), wound))
    assert len(kept) == 1 and "check" in kept[0].lower()
    left_out = [s.title for s in foot_check.left_out(routine, wound)]
    assert len(left_out) == len(routine.steps) - 1
    advice = " ".join(foot_check.advice(wound, routine))
    assert "doctor or podiatrist soon" in advice
    assert all(title in advice for title in left_out)


def test_without_a_sense_of_warmth_warm_water_waits_for_the_thermometer() -> None:
    cold_blind = replace(NOTHING, cannot_feel_warmth=True)
    phases = build_timeline(
        foot_routine(), foot_check.session_options(SessionOptions(), cold_blind)
    )
    kinds = [(p.kind, p.step.title) for p in phases]
    check = kinds.index((PhaseKind.CHECK, "Foot wash"))
    assert kinds[check - 1] == (PhaseKind.HOLD, "Fill the bowl")  # after the bowl is filled
    assert kinds[check + 1] == (PhaseKind.READY, "Foot wash")  # before any skin goes in
    assert [k for k, _ in kinds].count(PhaseKind.CHECK) == 1
    assert phases[check].open_ended
    plain = build_timeline(foot_routine(), foot_check.session_options(SessionOptions(), NOTHING))
    assert PhaseKind.CHECK not in [p.kind for p in plain]
    # Both bundled warm-water routines ask, before their water step.
    for routine_id in ("foot-care", "warm-hands"):
        routine = bundled(routine_id)
        options = foot_check.session_options(SessionOptions(), cold_blind)
        checked = [p for p in build_timeline(routine, options) if p.kind is PhaseKind.CHECK]
        assert len(checked) == 1 and Care.WARM_WATER in checked[0].step.care, routine_id


def test_the_water_check_takes_a_deliberate_press_and_next_leaves_the_step_out() -> None:
    clock = ManualClock()
    options = foot_check.session_options(
        SessionOptions(lead_in_seconds=5), replace(NOTHING, cannot_feel_warmth=True)
    )
    engine = SessionEngine(foot_routine(), options, clock)
    engine.start()
    clock.advance(5 + 30)  # the bowl filled
    engine.update()
    assert engine.phase is not None and engine.phase.kind is PhaseKind.CHECK
    clock.advance(3600)  # it waits, however long the water takes to cool
    engine.update()
    assert engine.phase.kind is PhaseKind.CHECK
    clock.advance(CHECK_ANSWER_AFTER_SECONDS)
    engine.finish_hold()  # Space: it reads 37 °C or less
    assert (engine.phase.kind, engine.phase.step.title) == (PhaseKind.READY, "Foot wash")
    # Back a step and on again: the check is asked afresh, and a press the moment it appears
    # (the Next key pressed twice by a shaky hand) is not taken as an answer.
    engine.previous_step()
    engine.next_step()
    assert engine.phase.kind is PhaseKind.CHECK
    engine.finish_hold()
    clock.advance(CHECK_ANSWER_AFTER_SECONDS / 2)
    engine.finish_hold()
    assert engine.phase.kind is PhaseKind.CHECK
    # No thermometer: Next leaves the wash out, and the ball comes next.
    engine.next_step()
    assert (engine.phase.kind, engine.phase.step.title) == (PhaseKind.READY, "Ball under the foot")
    engine.stop()
    assert engine.outcome is not None
    wash = next(r for r in engine.outcome.records if r.title == "Foot wash")
    assert wash.skipped and wash.reps_done == 0  # the history says it was left out


def test_next_and_back_step_over_the_steps_left_out() -> None:
    clock = ManualClock()
    options = foot_check.session_options(SessionOptions(), replace(NOTHING, wound=True))
    routine = make_routine(
        step("Hands"), replace(step("Feet"), care=frozenset({Care.FEET})), step("Look")
    )
    engine = SessionEngine(routine, options, clock)
    engine.start()
    engine.next_step()
    assert engine.phase is not None and engine.phase.step.title == "Look"
    engine.previous_step()
    assert engine.phase.step.title == "Hands"
    engine.next_step()
    engine.next_step()
    assert engine.outcome is not None and engine.outcome.reason is EndReason.FINISHED
    assert [r.title for r in engine.outcome.records] == ["Hands", "Look"]


def test_a_routine_with_nothing_left_has_no_timeline() -> None:
    routine = make_routine(replace(step("Feet"), care=frozenset({Care.FEET})))
    options = foot_check.session_options(SessionOptions(), replace(NOTHING, hot_swollen=True))
    assert build_timeline(routine, options) == []
    advice = foot_check.advice(replace(NOTHING, hot_swollen=True), routine)
    assert "call them today" in advice[0]
    assert any("Nothing in this routine is safe" in line for line in advice)


def test_answers_that_need_no_care_change_nothing() -> None:
    routine = bundled("foot-care")
    assert foot_check.advice(NOTHING, routine) == []
    assert foot_check.session_options(SessionOptions(), NOTHING) == SessionOptions()
    assert foot_check.needs_asking(routine, None)
    assert not foot_check.needs_asking(routine, NOTHING)
    assert not foot_check.needs_asking(bundled("quick-hands"), None)  # nothing for the feet
    high_risk = foot_check.advice(replace(NOTHING, high_risk=True), routine)
    assert len(high_risk) == 1 and "someone beside you" in high_risk[0]
