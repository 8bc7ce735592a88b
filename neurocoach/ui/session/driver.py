"""Drives a SessionEngine from the Qt event loop and re-announces its events as Qt signals.

The timer only asks the engine to catch up with the clock; how much time is left is always
read from the engine (deadline minus clock), so a late or skipped tick changes nothing. Each
wake-up is aimed at the next moment something changes: the next whole second shown (which is
also where phases end and the last-seconds ticks fall), or the next step of the progress bar.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from neurocoach.core.session.cues import CuePlanner
from neurocoach.core.session.engine import SessionEngine, SessionOutcome

BAR_STEP_MS = 250  # the shortest step of the progress bar: four moves a second at most
BAR_STEPS = 120  # a phase's bar moves in this many steps (so long holds wake less often)
LATE_MARGIN_MS = 1  # wake just after a boundary, never just before it


class SessionDriver(QObject):
    """Signals: phase_started(Phase), paused_changed(bool), ticked(), session_ended(outcome)."""

    phase_started = Signal(object)
    paused_changed = Signal(bool)
    ticked = Signal()
    session_ended = Signal(object)

    def __init__(
        self,
        engine: SessionEngine,
        planner: CuePlanner | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.planner = planner
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setObjectName("session_refresh")
        self.refresh_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.timeout.connect(self._on_timer_timeout)
        engine.phase_started.connect(self.phase_started.emit)
        engine.paused_changed.connect(self.paused_changed.emit)
        engine.session_ended.connect(self._on_engine_session_ended)

    def start(self) -> None:
        self.engine.start()
        if self.engine.outcome is None:
            self._schedule()

    @property
    def running(self) -> bool:
        return self.refresh_timer.isActive()

    def next_wake_ms(self) -> int:
        """Milliseconds to the next whole second of the countdown, or the next step of the
        progress bar if that comes sooner. Each wake costs a little CPU, so no more than
        needed: phase ends and the last-seconds ticks fall on whole seconds."""
        remaining = self.engine.remaining()
        to_boundary = remaining - math.floor(remaining)
        if to_boundary <= 0:
            # On a whole second; or at 0, a lead-in waiting for the voice: check back soon.
            to_boundary = 1.0 if remaining > 0 else BAR_STEP_MS / 1000
        bar_step = max(BAR_STEP_MS, 1000 * self.engine.phase_duration() / BAR_STEPS)
        return max(0, min(int(bar_step), math.ceil(to_boundary * 1000) + LATE_MARGIN_MS))

    def _schedule(self) -> None:
        self.refresh_timer.start(self.next_wake_ms())

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.engine.update()
        if self.planner is not None:
            self.planner.update()
        if self.engine.outcome is None:
            self.ticked.emit()
            self._schedule()

    def _on_engine_session_ended(self, outcome: SessionOutcome) -> None:
        self.refresh_timer.stop()
        self.session_ended.emit(outcome)
