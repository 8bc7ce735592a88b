"""The foot check's answers are kept in the history, survive a restart, and stay in use
when the history cannot take them."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from neurocoach.core.foot_check import FootCheck
from neurocoach.core.history.foot_answers import FootAnswers
from neurocoach.core.history.schema import MIGRATIONS
from neurocoach.core.history.store import HistoryStore

T0 = datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc)
FIRST = FootCheck(T0, wound=False, hot_swollen=False, cannot_feel_warmth=True, high_risk=False)


def test_the_latest_answers_come_back_after_a_restart_and_the_earlier_are_kept(
    tmp_path: Path,
) -> None:
    path = tmp_path / "history.sqlite3"
    store = HistoryStore(path)
    assert store.foot_check() is None
    later = replace(FIRST, answered_at=T0 + timedelta(days=5), wound=True)
    store.save_foot_check(later)
    store.save_foot_check(FIRST)  # saved second, but answered earlier
    store.close()
    again = HistoryStore(path)
    assert again.foot_check() == later
    assert again.foot_checks() == [FIRST, later]


def test_a_version_2_history_gains_the_foot_checks_and_keeps_its_sessions(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(MIGRATIONS[1] + MIGRATIONS[2] + "PRAGMA user_version = 2;")
    old.execute(
        "INSERT INTO sessions VALUES (1, 'foot-care', 'Feet', ?, NULL, NULL, 6)", (T0.isoformat(),)
    )
    old.commit()
    old.close()
    store = HistoryStore(path)
    assert [s.routine_id for s in store.sessions()] == ["foot-care"]
    store.save_foot_check(FIRST)
    assert store.foot_check() == FIRST
    assert (tmp_path / "history.sqlite3.v2.bak").exists()


def test_a_row_that_cannot_be_read_is_left_out_and_counted(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    store = HistoryStore(path)
    store.save_foot_check(FIRST)
    store.close()
    db = sqlite3.connect(path)
    db.execute("INSERT INTO foot_checks VALUES ('not a time', 0, 0, 0, 0)")
    db.commit()
    db.close()
    store = HistoryStore(path)
    assert store.foot_checks() == [FIRST]
    assert store.skipped_rows == 1


def test_answers_that_cannot_be_written_are_still_used_and_the_person_told(
    tmp_path: Path,
) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3")
    feet = FootAnswers(lambda: store)
    heard: list[FootCheck] = []
    feet.changed.connect(heard.append)
    assert feet.current() is None
    store.close()  # as a full disk or a vanished folder would: every write fails
    wound = replace(FIRST, wound=True)
    problem = feet.save(wound)
    assert problem is not None and "could not be saved" in problem
    assert feet.current() == wound and heard == [wound]
