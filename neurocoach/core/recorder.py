"""Writes a running session into the history as it happens.

It listens to the engine rather than being called by the UI, so a session is saved the same
way whether it finishes, is stopped, or the window is closed; and each step is saved when it
is left, so a crash keeps what was already done.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from neurocoach.core.engine import SessionEngine, SessionOutcome, StepRecord
from neurocoach.core.history import HistoryStore, utc_now
from neurocoach.core.timeline import Phase


class SessionRecorder:
    """Connects one engine to the history store; wall-clock times come from ``wall_now``."""

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
        self._started_wall: datetime | None = None
        engine.phase_started.connect(self._on_engine_phase_started)
        engine.step_left.connect(self._on_engine_step_left)
        engine.session_ended.connect(self._on_engine_session_ended)

    def _on_engine_phase_started(self, _phase: Phase) -> None:
        if self.session_id is None:
            self._started_wall = self._wall_now()
            routine = self.engine.routine
            self.session_id = self.store.begin_session(
                routine.id, routine.title, self._started_wall, len(routine.steps)
            )

    def _on_engine_step_left(self, record: StepRecord) -> None:
        if self.session_id is not None:
            self.store.record_step(self.session_id, record)

    def _on_engine_session_ended(self, outcome: SessionOutcome) -> None:
        if self.session_id is None or self._started_wall is None:
            return
        # The end time follows the monotonic clock from the start, so a change of the
        # computer's wall clock mid-session cannot make a session look longer or shorter.
        ended = self._started_wall + timedelta(seconds=outcome.ended_at - outcome.started_at)
        self.store.end_session(self.session_id, ended, outcome.reason)
