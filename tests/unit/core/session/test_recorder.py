"""A history that cannot be written loses nothing: writes wait in order and go in later."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from pathlib import Path

from neurocoach.core.history.recovery import open_history
from neurocoach.core.history.store import HistoryStore
from neurocoach.core.session.clock import ManualClock
from neurocoach.core.session.engine import SessionEngine
from neurocoach.core.session.recorder import SessionRecorder
from neurocoach.core.session.timeline import SessionOptions
from tests.unit.core.helpers import make_routine, step

T0 = datetime(2026, 11, 1, 9, tzinfo=timezone.utc)


class FlakyStore(HistoryStore):
    """A real store whose writes fail while `broken` is set (a full disk, a read-only folder)."""

    broken = False

    def _check(self) -> None:
        if self.broken:
            raise sqlite3.OperationalError("database or disk is full")

    def begin_session(self, *args):  # type: ignore[no-untyped-def]
        self._check()
        return super().begin_session(*args)

    def record_step(self, *args):  # type: ignore[no-untyped-def]
        self._check()
        return super().record_step(*args)

    def end_session(self, *args):  # type: ignore[no-untyped-def]
        self._check()
        return super().end_session(*args)

    def save_ratings(self, *args):  # type: ignore[no-untyped-def]
        self._check()
        return super().save_ratings(*args)


def test_writes_wait_while_the_disk_is_full_and_go_in_afterwards(tmp_path: Path) -> None:
    store = FlakyStore(tmp_path / "h.sqlite3")
    clock = ManualClock()
    engine = SessionEngine(
        make_routine(step("A", hold=5), step("B", hold=5)), SessionOptions(lead_in_seconds=0), clock
    )
    recorder = SessionRecorder(engine, store, wall_now=lambda: T0)
    told: list[str] = []
    recorder.problem_found.connect(told.append)
    store.broken = True
    engine.start()
    recorder.save_ratings("before", {("pain", "all"): 6})
    clock.advance(10)
    engine.update()
    assert engine.outcome is not None
    assert recorder.unsaved == 5  # begin, ratings, two steps, end: all waiting, in order
    assert len(told) == 1 and "disk is full" in told[0] and "lost" in told[0]
    assert not recorder.flush()  # still full
    assert len(told) == 1  # told once
    store.broken = False
    assert recorder.flush()
    (session,) = store.sessions()
    assert session.finished and session.steps_done == 2
    assert [r.value for r in store.ratings(session.id)] == [6]


def test_a_folder_that_cannot_be_written_gives_a_history_in_memory(tmp_path: Path) -> None:
    blocked = tmp_path / "data"
    blocked.write_text("a file where the folder should be")
    store, message = open_history(blocked / "history.sqlite3")
    assert message is not None and "cannot be written to" in message
    sid = store.begin_session("a", "A", T0, 1)
    assert [s.id for s in store.sessions()] == [sid]  # it works, until the app is closed
