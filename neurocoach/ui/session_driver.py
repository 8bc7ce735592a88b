"""Drives a SessionEngine from the Qt event loop and re-announces its events as Qt signals.

The timer only asks the engine to catch up with the clock; how much time is left is always
read from the engine (deadline minus clock), so a late or skipped tick changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from neurocoach.core.engine import SessionEngine, SessionOutcome

REFRESH_MS = 100


class SessionDriver(QObject):
    """Signals: phase_started(Phase), paused_changed(bool), ticked(), session_ended(outcome)."""

    phase_started = Signal(object)
    paused_changed = Signal(bool)
    ticked = Signal()
    session_ended = Signal(object)

    def __init__(self, engine: SessionEngine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setObjectName("session_refresh")
        self.refresh_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self._on_timer_timeout)
        engine.phase_started.connect(self.phase_started.emit)
        engine.paused_changed.connect(self.paused_changed.emit)
        engine.session_ended.connect(self._on_engine_session_ended)

    def start(self) -> None:
        self.engine.start()
        if self.engine.outcome is None:
            self.refresh_timer.start()

    @property
    def running(self) -> bool:
        return self.refresh_timer.isActive()

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.engine.update()
        if self.engine.outcome is None:
            self.ticked.emit()

    def _on_engine_session_ended(self, outcome: SessionOutcome) -> None:
        self.refresh_timer.stop()
        self.session_ended.emit(outcome)
