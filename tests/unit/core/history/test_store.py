from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from neurocoach.core.history.recovery import OLDER_VERSION_FILE, open_history
from neurocoach.core.history.schema import SCHEMA_VERSION
from neurocoach.core.history.store import HistoryStore
from neurocoach.core.session.clock import ManualClock
from neurocoach.core.session.engine import SessionEngine
from neurocoach.core.session.recorder import SessionRecorder
from neurocoach.core.session.records import EndReason, StepRecord
from neurocoach.core.session.timeline import SessionOptions
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


V1_SCHEMA = """
CREATE TABLE sessions (id INTEGER PRIMARY KEY, routine_id TEXT NOT NULL,
  routine_title TEXT NOT NULL, started_at TEXT NOT NULL, ended_at TEXT, end_reason TEXT,
  step_count INTEGER NOT NULL);
CREATE INDEX sessions_by_start ON sessions (started_at);
CREATE TABLE session_steps (session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE
  CASCADE, step_index INTEGER NOT NULL, title TEXT NOT NULL, planned_hold_seconds REAL NOT NULL,
  actual_hold_seconds REAL NOT NULL, reps_planned INTEGER NOT NULL, reps_done INTEGER NOT NULL,
  skipped INTEGER NOT NULL, PRIMARY KEY (session_id, step_index));
PRAGMA user_version = 1;
"""


def test_an_old_database_is_kept_then_brought_up_to_date(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(V1_SCHEMA)
    old.execute(
        "INSERT INTO sessions VALUES (1, 'quick-hands', 'Quick hands', ?, NULL, NULL, 5)",
        (T0.isoformat(),),
    )
    old.commit()
    old.close()
    store = HistoryStore(path)
    (session,) = store.sessions()
    assert session.routine_title == "Quick hands"
    store.save_ratings(session.id, "before", {("pain", "all"): 6})
    assert [r.value for r in store.ratings(session.id)] == [6]
    backup = sqlite3.connect(tmp_path / "history.sqlite3.v1.bak")
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    assert backup.execute("SELECT count(*) FROM sessions").fetchone()[0] == 1
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def newer_history(path: Path, journal: str = "DELETE") -> bytes:
    """A history as a newer NeuroCoach might leave it: a table we do not know, one session."""
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA journal_mode = {journal}")
    db.executescript(V1_SCHEMA)
    db.execute("CREATE TABLE future_things (x TEXT)")
    db.execute(
        "INSERT INTO sessions VALUES (1, 'quick-hands', 'Quick hands', ?, NULL, NULL, 5)",
        (T0.isoformat(),),
    )
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    return path.read_bytes()


@pytest.mark.parametrize("journal", ["DELETE", "WAL"])
def test_a_newer_history_is_left_exactly_as_it_was(tmp_path: Path, journal: str) -> None:
    path = tmp_path / "history.sqlite3"
    before = newer_history(path, journal)
    store, message = open_history(path)
    assert path.read_bytes() == before
    assert message is not None and "newer version of NeuroCoach" in message
    assert OLDER_VERSION_FILE in message and str(tmp_path) in message
    assert store.path == tmp_path / OLDER_VERSION_FILE and store.sessions() == []
    session = store.begin_session("a", "Routine A", T0, 1)
    store.record_step(session, StepRecord(0, "One", 5, 1, 5, 1, False))
    store.end_session(session, T0 + timedelta(minutes=1), EndReason.FINISHED)
    store.close()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("history.")) == [
        "history.sqlite3"
    ]  # no journal, no backup, no copy set aside as damaged


def test_a_newer_version_still_running_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    HistoryStore(path).close()  # ours, in WAL mode; then a newer version upgrades it and runs
    running = sqlite3.connect(path)
    running.execute("PRAGMA wal_autocheckpoint = 0")
    running.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    running.commit()
    assert int.from_bytes(path.read_bytes()[60:64], "big") == SCHEMA_VERSION  # only in the log
    store, message = open_history(path)
    assert message is not None and store.path.name == OLDER_VERSION_FILE
    running.close()
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    check.close()


def test_the_separate_file_is_used_again_on_the_next_start(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    before = newer_history(path)
    store, _message = open_history(path)
    store.begin_session("a", "Routine A", T0, 1)
    store.close()
    again, message = open_history(path)
    assert message is not None and OLDER_VERSION_FILE in message
    assert [s.routine_id for s in again.sessions()] == ["a"]
    assert path.read_bytes() == before


def test_if_the_separate_file_cannot_be_opened_sessions_stay_in_memory(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    before = newer_history(path)
    side = newer_history(tmp_path / OLDER_VERSION_FILE)  # a newer version's too: not ours
    store, message = open_history(path)
    assert message is not None and "only until NeuroCoach is closed" in message
    assert str(store.path) == ":memory:"
    store.begin_session("a", "Routine A", T0, 1)
    assert len(store.sessions()) == 1
    assert path.read_bytes() == before
    assert (tmp_path / OLDER_VERSION_FILE).read_bytes() == side


def test_a_damaged_database_is_set_aside_and_a_fresh_one_started(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"this is not a database at all" * 100)
    store, message = open_history(path)
    assert message is not None and "damaged" in message
    kept = [p for p in tmp_path.iterdir() if ".damaged-" in p.name]
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not")
    assert store.sessions() == []
    store.begin_session("a", "A", T0, 1)
    assert len(store.sessions()) == 1
    again, message = open_history(path)
    assert message is None and len(again.sessions()) == 1


def test_ratings_are_replaced_per_moment_and_go_with_a_deleted_session(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    first = store.begin_session("a", "A", T0, 1)
    second = store.begin_session("a", "A", T0 + timedelta(days=1), 1)
    store.save_ratings(first, "before", {("pain", "all"): 7, ("numbness", "feet"): 4})
    store.save_ratings(first, "before", {("pain", "all"): 5})
    store.save_ratings(first, "after", {("pain", "all"): 3})
    store.save_ratings(second, "before", {("tingling", "hands"): 2})
    assert [(r.moment, r.symptom, r.area, r.value) for r in store.ratings(first)] == [
        ("before", "pain", "all", 5),
        ("after", "pain", "all", 3),
    ]
    assert [(when, r.value) for when, r in store.rating_history()] == [
        (T0, 5),
        (T0, 3),
        (T0 + timedelta(days=1), 2),
    ]
    store.record_step(first, StepRecord(0, "One", 5, 1, 5, 1, False))
    store.delete_session(first)
    assert [s.id for s in store.sessions()] == [second]
    assert store.ratings(first) == [] and store.steps(first) == []
    with pytest.raises(sqlite3.IntegrityError):
        store.save_ratings(second, "after", {("pain", "all"): 11})
