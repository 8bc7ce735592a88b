from __future__ import annotations

import random

import pytest

from neurocoach.core.session.clock import ManualClock
from neurocoach.core.session.engine import SessionEngine, SessionOutcome, SessionState
from neurocoach.core.session.records import EndReason
from neurocoach.core.session.timeline import Phase, PhaseKind, SessionOptions, total_seconds
from tests.unit.core.helpers import make_routine, step


def engine_for(*steps_, lead_in: float = 5) -> tuple[SessionEngine, ManualClock]:
    clock = ManualClock()
    engine = SessionEngine(make_routine(*steps_), SessionOptions(lead_in_seconds=lead_in), clock)
    return engine, clock


def thirty_minute_routine():
    # 6 steps x 2 sides x (5 s lead-in + 10 x 10 s hold + 9 x 5 s rest) = 30 minutes exactly.
    return make_routine(*[step(f"S{i}", hold=10, reps=10, rest=5, sides=True) for i in range(6)])


def test_a_thirty_minute_routine_ends_exactly_on_time_with_irregular_ticks() -> None:
    routine = thirty_minute_routine()
    assert total_seconds(routine) == 1800
    clock = ManualClock(start=500.0)
    engine = SessionEngine(routine, SessionOptions(), clock)
    ended: list[SessionOutcome] = []
    engine.session_ended.connect(ended.append)
    started: list[Phase] = []
    engine.phase_started.connect(started.append)
    rng = random.Random(7)
    engine.start()
    ticks = 0
    while engine.state is SessionState.RUNNING:
        clock.advance(rng.choice([0.016, 0.1, 0.25, 0.9, 2.7]))  # late, early, missed ticks
        engine.update()
        ticks += 1
    assert ticks > 1000
    assert len(started) == len(engine.phases)
    (outcome,) = ended
    assert outcome.reason is EndReason.FINISHED
    assert outcome.ended_at - outcome.started_at == pytest.approx(1800, abs=1e-9)  # zero drift
    assert all(r.reps_done == 20 and not r.skipped for r in outcome.records)
    assert sum(r.actual_hold_seconds for r in outcome.records) == pytest.approx(6 * 2 * 10 * 10)


def test_one_late_update_crosses_many_phases_at_their_deadlines() -> None:
    engine, clock = engine_for(step(hold=10, reps=3, rest=5))
    engine.start()
    clock.advance(5 + 10 + 5 + 4)  # into the second hold by 4 s
    engine.update()
    assert engine.phase is not None and engine.phase.kind is PhaseKind.HOLD
    assert engine.phase.rep == 2
    assert engine.remaining() == pytest.approx(6)


def test_pause_freezes_time_and_resume_keeps_the_remainder() -> None:
    engine, clock = engine_for(step(hold=20))
    engine.start()
    clock.advance(5 + 8)
    engine.pause()
    assert engine.state is SessionState.PAUSED
    assert engine.remaining() == pytest.approx(12)
    clock.advance(300)
    engine.update()
    assert engine.remaining() == pytest.approx(12)
    engine.resume()
    clock.advance(11.5)
    engine.update()
    assert engine.remaining() == pytest.approx(0.5)
    clock.advance(0.5)
    engine.update()
    assert engine.outcome is not None
    assert engine.outcome.ended_at - engine.outcome.started_at == pytest.approx(325)
    # The paused 300 s are not counted as holding.
    assert engine.outcome.records[0].actual_hold_seconds == pytest.approx(20)


def test_extend_adds_ten_seconds_running_or_paused() -> None:
    engine, clock = engine_for(step(hold=20))
    engine.start()
    clock.advance(5 + 15)
    engine.extend()
    assert engine.remaining() == pytest.approx(15)
    assert engine.phase_duration() == pytest.approx(30)
    engine.pause()
    engine.extend()
    assert engine.remaining() == pytest.approx(25)
    engine.resume()
    clock.advance(25)
    engine.update()
    assert engine.outcome is not None
    record = engine.outcome.records[0]
    assert record.actual_hold_seconds == pytest.approx(40)
    assert record.planned_hold_seconds == pytest.approx(20)


def test_next_skips_the_rest_of_a_step_and_records_it_skipped() -> None:
    engine, clock = engine_for(step("A", hold=10, reps=3, rest=2), step("B", hold=10))
    engine.start()
    clock.advance(5 + 4)
    engine.next_step()
    assert engine.phase is not None
    assert (engine.phase.step_index, engine.phase.kind) == (1, PhaseKind.READY)
    assert engine.remaining() == pytest.approx(5)
    clock.advance(15)
    engine.update()
    assert engine.outcome is not None and engine.outcome.finished
    a, b = engine.outcome.records
    assert (a.reps_done, a.skipped, a.actual_hold_seconds) == (0, True, pytest.approx(4))
    assert (b.reps_done, b.skipped) == (1, False)


def test_next_on_the_last_step_finishes() -> None:
    engine, _clock = engine_for(step("A"), step("B"))
    engine.start()
    engine.next_step()
    engine.next_step()
    assert engine.state is SessionState.ENDED
    assert engine.outcome is not None and engine.outcome.reason is EndReason.FINISHED


def test_previous_goes_back_one_step_and_restarts_the_first() -> None:
    engine, clock = engine_for(step("A", hold=10), step("B", hold=10))
    engine.start()
    clock.advance(15 + 7)  # into B's lead-in
    engine.update()
    assert engine.phase is not None and engine.phase.step_index == 1
    engine.previous_step()
    assert engine.phase is not None
    assert (engine.phase.step_index, engine.phase.kind) == (0, PhaseKind.READY)
    assert engine.remaining() == pytest.approx(5)
    engine.previous_step()
    assert engine.phase.step_index == 0 and engine.remaining() == pytest.approx(5)


def test_moving_while_paused_resumes() -> None:
    engine, _clock = engine_for(step("A"), step("B"))
    engine.start()
    engine.pause()
    events: list[bool] = []
    engine.paused_changed.connect(events.append)
    engine.next_step()
    assert engine.state is SessionState.RUNNING and events == [False]


def test_stop_keeps_what_was_done() -> None:
    engine, clock = engine_for(step("A", hold=10, reps=2, rest=1), step("B", hold=10))
    left = []
    engine.step_left.connect(left.append)
    engine.start()
    clock.advance(5 + 10 + 1 + 3)
    engine.stop()
    assert engine.outcome is not None
    assert engine.outcome.reason is EndReason.STOPPED and not engine.outcome.finished
    (record,) = engine.outcome.records
    assert (record.reps_done, record.skipped) == (1, True)
    assert record.actual_hold_seconds == pytest.approx(13)
    assert left == [record]
    engine.stop()  # a second stop does nothing
    assert len(left) == 1


def test_controls_do_nothing_before_start_and_after_end() -> None:
    engine, _clock = engine_for(step("A"))
    engine.pause()
    engine.next_step()
    engine.extend()
    assert engine.state is SessionState.READY
    engine.start()
    engine.stop()
    engine.resume()
    engine.previous_step()
    engine.start()
    assert engine.state is SessionState.ENDED


def test_a_held_back_lead_in_waits_for_release_then_the_hold_starts_then() -> None:
    engine, clock = engine_for(step("A", hold=10), lead_in=5)
    engine.start()
    engine.hold_back()
    clock.advance(8)
    engine.update()
    assert engine.phase is not None and engine.phase.kind is PhaseKind.READY
    assert engine.remaining() == 0
    engine.release()
    assert engine.phase.kind is PhaseKind.HOLD
    assert engine.remaining() == pytest.approx(10)  # the hold starts at the release, in full
    clock.advance(10)
    engine.update()
    assert engine.outcome is not None
    assert engine.outcome.ended_at - engine.outcome.started_at == pytest.approx(18)


def test_an_early_release_keeps_the_lead_in_deadline() -> None:
    engine, clock = engine_for(step("A", hold=10), lead_in=5)
    engine.start()
    engine.hold_back()
    clock.advance(2)
    engine.release()
    assert engine.remaining() == pytest.approx(3)


def test_holding_back_never_stops_a_hold() -> None:
    engine, clock = engine_for(step("A", hold=10), step("B", hold=10), lead_in=5)
    engine.start()
    clock.advance(5)
    engine.update()
    engine.hold_back()  # during the hold: it must still end on time
    clock.advance(10)
    engine.update()
    assert engine.phase is not None and engine.phase.step_index == 1


def test_next_and_previous_are_marked_as_moves_by_the_user() -> None:
    engine, clock = engine_for(step("A"), step("B"))
    engine.start()
    assert engine.moved_by_user is False
    engine.next_step()
    assert engine.moved_by_user is True
    clock.advance(5)
    engine.update()
    assert engine.moved_by_user is False


def test_a_new_hold_scale_applies_from_the_next_hold_on() -> None:
    engine, clock = engine_for(step("A", hold=10, reps=3, rest=2), lead_in=0)
    engine.start()
    clock.advance(4)
    engine.apply_options(SessionOptions(lead_in_seconds=0, hold_scale=2.0))
    assert engine.remaining() == pytest.approx(6)  # the hold under way keeps its length
    clock.advance(6 + 2)
    engine.update()
    assert engine.phase is not None and (engine.phase.kind, engine.phase.rep) == (
        PhaseKind.HOLD,
        2,
    )
    assert engine.remaining() == pytest.approx(20)
    clock.advance(20 + 2 + 20)
    engine.update()
    assert engine.outcome is not None
    (record,) = engine.outcome.records
    # The plan recorded is the one really used: 10 s (begun before the change), then 2 x 20 s.
    assert record.planned_hold_seconds == pytest.approx(50)
    assert record.actual_hold_seconds == pytest.approx(50)


def test_fewer_reps_mid_step_keeps_the_place_and_ends_the_step_sooner() -> None:
    from neurocoach.core.session.timeline import StepOverride

    engine, clock = engine_for(step("A", hold=5, reps=4, rest=1), step("B", hold=5), lead_in=0)
    engine.start()
    clock.advance(5 + 1 + 2)  # in rep 2's hold
    engine.update()
    engine.apply_options(SessionOptions(lead_in_seconds=0, overrides={0: StepOverride(reps=2)}))
    assert (engine.phase.step_index, engine.phase.rep) == (0, 2)
    clock.advance(3)
    engine.update()
    assert engine.phase.step_index == 1  # rep 2 was the last one now


def test_wait_for_me_ends_a_hold_when_the_user_is_done() -> None:
    clock = ManualClock()
    engine = SessionEngine(
        make_routine(step("A", hold=10), step("B", hold=10)),
        SessionOptions(lead_in_seconds=0, wait_for_me=True),
        clock,
    )
    engine.start()
    clock.advance(95)
    engine.update()
    assert engine.phase.step_index == 0  # still holding, long after 10 s
    engine.finish_hold()
    assert engine.phase.step_index == 1
    engine.finish_hold()
    assert engine.outcome is not None
    first = engine.outcome.records[0]
    assert (first.actual_hold_seconds, first.planned_hold_seconds, first.reps_done) == (95, 10, 1)


def test_a_jump_of_the_clock_pauses_the_session_where_it_was() -> None:
    clock = ManualClock()
    engine = SessionEngine(
        make_routine(step("A", hold=10), step("B", hold=10)),
        SessionOptions(lead_in_seconds=5),
        clock,
        pause_after_gap=5,
    )
    paused: list[bool] = []
    engine.paused_changed.connect(paused.append)
    engine.start()
    for _ in range(70):  # 7 s of normal ticks: into A's hold
        clock.advance(0.1)
        engine.update()
    clock.advance(3600)  # the laptop lid was closed for an hour
    engine.update()
    assert engine.state is SessionState.PAUSED and engine.paused_by_gap
    assert paused == [True]
    assert engine.phase.step_index == 0 and engine.phase.kind is PhaseKind.HOLD
    assert engine.remaining() == pytest.approx(8)  # as it was before the sleep
    engine.resume()
    for _ in range(81):  # ticking normally again
        clock.advance(0.1)
        engine.update()
    assert engine.phase.step_index == 1
    assert engine.outcome is None
    record = engine._records[0]
    assert record.actual_hold_seconds == pytest.approx(10, abs=0.02)  # not the hour asleep


def test_a_long_pause_then_next_is_not_taken_for_sleep() -> None:
    clock = ManualClock()
    engine = SessionEngine(
        make_routine(step("A"), step("B"), step("C")), SessionOptions(), clock, pause_after_gap=5
    )
    engine.start()
    engine.pause()
    clock.advance(600)
    engine.next_step()
    clock.advance(0.1)
    engine.update()
    assert engine.state is SessionState.RUNNING and engine.phase.step_index == 1
