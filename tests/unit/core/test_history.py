from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from neurocoach.core.clock import ManualClock
from neurocoach.core.engine import EndReason, SessionEngine, StepRecord
from neurocoach.core.history import SCHEMA_VERSION, HistoryStore
from neurocoach.core.recorder import SessionRecorder
from neurocoach.core.timeline import SessionOptions
from tests.unit.core.helpers import make_routine, step

T0 = datetime(2026, 11, 1, 9, 30, tzinfo=timezone.utc)


def test_sessions_round_trip_newest_first(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    first = store.begin_session("a", "Routine A", T0, 2)
    store.record_step(first, StepRecord(0, "One", 20, 2, 21.5, 2, False))
    store.end_session(first, T0 + timedelta(minutes=3), EndReason.FINISHED)
    second = store.begin_session("b", "Routine B", T0 + timedelta(days=1), 3)
    sessions = store.sessions()
    assert [s.id for s in sessions] == [second, first]
    newest, oldest = sessions
    assert newest.end_reason is None and newest.ended_at is None
    assert oldest.finished and oldest.duration_seconds == 180
    assert (oldest.steps_done, oldest.actual_hold_seconds) == (1, 21.5)
    assert store.steps(first) == [StepRecord(0, "One", 20, 2, 21.5, 2, False)]


def test_database_has_schema_version_and_wal(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    HistoryStore(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(RuntimeError, match="newer NeuroCoach"):
        HistoryStore(path)


def test_recorder_saves_each_step_as_it_is_left_and_the_end(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    store = HistoryStore(path)
    clock = ManualClock()
    routine = make_routine(step("A", hold=10), step("B", hold=10), routine_id="rec")
    engine = SessionEngine(routine, SessionOptions(lead_in_seconds=5), clock)
    SessionRecorder(engine, store, wall_now=lambda: T0)
    engine.start()
    clock.advance(16)
    engine.update()
    # Read with a second connection, as after a crash: step A is already committed.
    other = HistoryStore(path)
    (session,) = other.sessions()
    assert session.end_reason is None
    assert [(s.title, s.reps_done, s.skipped) for s in other.steps(session.id)] == [("A", 1, False)]
    clock.advance(2)
    engine.stop()
    (session,) = other.sessions()
    assert session.end_reason == "stopped"
    assert session.ended_at == T0 + timedelta(seconds=18)
    assert [(s.title, s.skipped) for s in other.steps(session.id)] == [("A", False), ("B", True)]
