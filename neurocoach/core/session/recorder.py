"""Writes a running session into the history as it happens.

It listens to the engine rather than being called by the UI, so a session is saved the same
way whether it finishes, is stopped, or the window is closed; and each step is saved when it
is left, so a crash keeps what was already done.

If the history cannot be written (a full disk, a folder made read-only), nothing is dropped:
what could not be written waits in memory, in order, and is written at the next chance
(`flush`). `problem_found` tells the window once, so it can tell the user.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from neurocoach.core.events import Event
from neurocoach.core.history.store import HistoryStore, utc_now
from neurocoach.core.session.engine import SessionEngine, SessionOutcome
from neurocoach.core.session.records import EndReason, StepRecord
from neurocoach.core.session.timeline import Phase

log = logging.getLogger(__name__)


class SessionRecorder:
    """Connects one engine to the history store; wall-clock times come from ``wall_now``.

    Events: problem_found(str) the first time a write fails.
    """

    def __init__(
        self,
        engine: SessionEngine,
        store: HistoryStore,
        wall_now: Callable[[], datetime] = utc_now,
    ) -> None:
        self.engine = engine
        self.store = store
        self._wall_now = wall_now
        self.session_id: int | None = None
        self.started_wall: datetime | None = None
        self.problem_found: Event[str] = Event()
        self.problem: str | None = None
        self._waiting: list[tuple[str, object]] = []  # ("begin" | "step" | "end", data)
        engine.phase_started.connect(self._on_engine_phase_started)
        engine.step_left.connect(self._on_engine_step_left)
        engine.session_ended.connect(self._on_engine_session_ended)

    @property
    def unsaved(self) -> int:
        """How many writes are still waiting (0: everything is in the history)."""
        return len(self._waiting)

    def flush(self) -> bool:
        """Write whatever is waiting, in order; True when nothing is left waiting."""
        while self._waiting:
            kind, data = self._waiting[0]
            try:
                self._write(kind, data)
            except sqlite3.Error as error:
                self._report(error)
                return False
            self._waiting.pop(0)
        return True

    def _write(self, kind: str, data: object) -> None:
        if kind == "begin":
            assert self.started_wall is not None
            routine = self.engine.routine
            self.session_id = self.store.begin_session(
                routine.id, routine.title, self.started_wall, len(routine.steps)
            )
        elif kind == "step":
            assert self.session_id is not None and isinstance(data, StepRecord)
            self.store.record_step(self.session_id, data)
        elif kind == "ratings":
            assert self.session_id is not None and isinstance(data, tuple)
            moment, values = data
            self.store.save_ratings(self.session_id, moment, values)
        else:
            assert self.session_id is not None and isinstance(data, tuple)
            ended, reason = data
            self.store.end_session(self.session_id, ended, reason)

    def save_ratings(self, moment: str, values: dict[tuple[str, str], int]) -> None:
        """A check-in, kept with the session (waiting with the rest if writing fails)."""
        if values and self.started_wall is not None:
            self._queue("ratings", (moment, dict(values)))

    def _queue(self, kind: str, data: object = None) -> None:
        self._waiting.append((kind, data))
        self.flush()

    def _report(self, error: sqlite3.Error) -> None:
        log.warning("history: could not write to %s: %s", self.store.path, error)
        if self.problem is None:
            self.problem = (
                f"Your history could not be saved just now ({error}). NeuroCoach keeps this "
                f"session and will save it as soon as {self.store.path.parent} can be written "
                "to again (for example after freeing some disk space). If you close "
                "NeuroCoach before then, this session is lost."
            )
            self.problem_found.emit(self.problem)

    def _on_engine_phase_started(self, _phase: Phase) -> None:
        if self.started_wall is None:
            self.started_wall = self._wall_now()
            self._queue("begin")

    def _on_engine_step_left(self, record: StepRecord) -> None:
        self._queue("step", replace(record))  # a copy: the engine goes on changing its own

    def _on_engine_session_ended(self, outcome: SessionOutcome) -> None:
        if self.started_wall is None:
            return
        # The end time follows the monotonic clock from the start, so a change of the
        # computer's wall clock mid-session cannot make a session look longer or shorter.
        ended = self.started_wall + timedelta(seconds=outcome.ended_at - outcome.started_at)
        reason: EndReason = outcome.reason
        self._queue("end", (ended, reason))
