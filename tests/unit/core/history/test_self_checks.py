"""The self-checks are kept in the history: a version-3 file is backed up, then migrated with
all its data; results come back as saved; a row that cannot be used is left out and counted."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from neurocoach.core.foot_check import FootCheck
from neurocoach.core.history.schema import MIGRATIONS, SCHEMA_VERSION
from neurocoach.core.history.store import HistoryStore
from neurocoach.core.self_checks.measures import (
    CHAIR_STAND,
    MNSI,
    TAPPING_LEFT,
    TAPPING_RIGHT,
    SelfCheckResult,
)

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)
STAND = SelfCheckResult(CHAIR_STAND, T0, 12.0, {"stands": 12, "arms_used": False})
RIGHT = SelfCheckResult(TAPPING_RIGHT, T0 + timedelta(days=1), 51.5, {"trials": [50, 53, 51]})
LEFT = SelfCheckResult(TAPPING_LEFT, T0 + timedelta(days=1), 47.0, {"trials": [47, 46, 48]})


def version_3_history(path: Path) -> None:
    """A history as NeuroCoach's schema 3 left it: a session, its steps, ratings, a foot check."""
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[1] + MIGRATIONS[2] + MIGRATIONS[3] + "PRAGMA user_version = 3;")
    db.execute(
        "INSERT INTO sessions VALUES (1, 'quick-hands', 'Quick hands', ?, ?, 'finished', 1)",
        (T0.isoformat(), (T0 + timedelta(minutes=5)).isoformat()),
    )
    db.execute("INSERT INTO session_steps VALUES (1, 0, 'Finger taps', 20, 21, 2, 2, 0)")
    db.execute("INSERT INTO ratings VALUES (1, 'before', 'pain', 'all', 6)")
    db.execute("INSERT INTO foot_checks VALUES (?, 0, 0, 1, 0)", (T0.isoformat(),))
    db.commit()
    db.close()


def test_a_version_3_history_is_backed_up_then_gains_the_self_checks(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    version_3_history(path)
    store = HistoryStore(path)
    backup = tmp_path / "history.sqlite3.v3.bak"
    assert backup.exists()
    kept = sqlite3.connect(backup)
    assert kept.execute("PRAGMA user_version").fetchone()[0] == 3
    tables = {row[0] for row in kept.execute("SELECT name FROM sqlite_master")}
    assert "self_checks" not in tables and kept.execute("SELECT count(*) FROM ratings").fetchone()
    kept.close()
    # Everything the version-3 file held is still read.
    (session,) = store.sessions()
    assert (session.routine_title, session.finished, session.steps_done) == ("Quick hands", True, 1)
    assert [(r.symptom, r.value) for r in store.ratings(1)] == [("pain", 6)]
    assert store.foot_checks() == [FootCheck(T0, False, False, True, False)]
    assert store.self_checks() == [] and store.skipped_rows == 0
    store.save_self_check(STAND)
    assert store.self_checks() == [STAND]
    store.close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    indexes = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert "self_checks_by_measure" in indexes
    db.close()


def test_results_come_back_oldest_first_after_a_restart_by_measure_or_all(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    store = HistoryStore(path)
    later = SelfCheckResult(CHAIR_STAND, T0 + timedelta(days=30), 15.0, {"stands": 15})
    store.save_self_check(later)
    store.save_self_checks([RIGHT, LEFT])
    store.save_self_check(STAND)  # saved last, taken first
    store.close()
    again = HistoryStore(path)
    assert again.self_checks() == [STAND, RIGHT, LEFT, later]
    assert again.self_checks(CHAIR_STAND) == [STAND, later]
    assert again.self_checks(MNSI) == []
    assert again.self_checks()[0].taken_at.tzinfo == timezone.utc
    again.close()


def test_results_taken_together_are_kept_together_or_not_at_all(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3")
    unknown = SelfCheckResult("grip_strength", T0, 30.0)
    with pytest.raises(ValueError):
        store.save_self_checks([RIGHT, unknown])
    no_zone = SelfCheckResult(TAPPING_LEFT, datetime(2026, 11, 2, 9), 40.0)
    with pytest.raises(ValueError):
        store.save_self_checks([RIGHT, no_zone])
    assert store.self_checks() == []
    store.close()


DAMAGED = """
INSERT INTO self_checks VALUES ('yesterday', 'chair_stand', 10, '{}');
INSERT INTO self_checks VALUES ('2026-11-03T09:00:00+00:00', 'grip_strength', 10, '{}');
INSERT INTO self_checks VALUES ('2026-11-03T09:00:00+00:00', 'chair_stand', 10, 'not json');
INSERT INTO self_checks VALUES ('2026-11-03T09:00:00+00:00', 'chair_stand', 10, '[1, 2]');
INSERT INTO self_checks VALUES ('2026-11-03T09:00:00+00:00', 'chair_stand', 'many', '{}');
INSERT INTO self_checks VALUES ('2026-11-03T09:00:00+00:00', X'00', 10, '{}');
INSERT INTO self_checks VALUES (12345, 'chair_stand', 10, '{}');
INSERT INTO self_checks VALUES ('2026-11-03T09:00:00+00:00', 'chair_stand', 10, X'7b7d');
INSERT INTO self_checks VALUES ('0001-01-01T00:00:00+00:00', 'chair_stand', 10, '{}');
INSERT INTO self_checks VALUES ('2026-11-03T09:00:00+00:00', 'chair_stand', 9e999, '{}');
INSERT INTO self_checks VALUES ('2026-11-04T09:00:00', 'mnsi', 3, '{"answers": [true]}');
"""


def test_rows_that_cannot_be_used_are_left_out_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    store = HistoryStore(path)
    store.save_self_check(STAND)
    store.close()
    db = sqlite3.connect(path, isolation_level=None)
    db.executescript(DAMAGED)
    deep = "[" * 200_000  # nested past Python's depth: json gives up with a RecursionError
    db.execute("INSERT INTO self_checks VALUES (?, 'mnsi', 3, ?)", (T0.isoformat(), deep))
    db.close()
    store = HistoryStore(path)
    no_zone = datetime(2026, 11, 4, 9, tzinfo=timezone.utc)  # read as UTC, as sessions are
    assert store.self_checks() == [STAND, SelfCheckResult(MNSI, no_zone, 3.0, {"answers": [True]})]
    assert store.skipped_rows == 11
    assert store.self_checks(CHAIR_STAND) == [STAND]
    assert store.skipped_rows == 11  # read again: nothing counted twice
    assert store.unread_words() == "11 saved entries could not be read and are left out."
    store.close()


def test_a_self_checks_table_with_other_columns_is_not_used(tmp_path: Path) -> None:
    from neurocoach.core.history.recovery import open_history

    path = tmp_path / "history.sqlite3"
    HistoryStore(path).close()
    db = sqlite3.connect(path)
    db.execute("ALTER TABLE self_checks RENAME COLUMN value TO score")
    db.commit()
    db.close()
    store, message = open_history(path)
    assert message is not None and "could not be read" in message
    assert store.self_checks() == []
    store.save_self_check(STAND)
    assert store.self_checks() == [STAND]
    store.close()
