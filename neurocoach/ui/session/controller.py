"""One session's life, from Start to saved: the part of the app that runs it, not shows it.

When a routine starts, the controller builds the engine on the clock, its recorder into the
history, the cue planner and the sound, and the driver that moves them on the Qt event loop;
it hands the driver to whoever shows it. It pauses the session while a dialog is open (for any
number of reasons at once, resuming only if it was running before the first), passes setting
changes on, and keeps retrying a history that could not be written. It makes no widget: the
main window asks it and follows its signals.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from neurocoach.core import foot_check
from neurocoach.core.history.foot_answers import FootAnswers
from neurocoach.core.history.store import HistoryStore
from neurocoach.core.routine.model import Routine
from neurocoach.core.session.clock import Clock
from neurocoach.core.session.cues import CuePlanner
from neurocoach.core.session.engine import SessionEngine, SessionOutcome, SessionState
from neurocoach.core.session.recorder import SessionRecorder
from neurocoach.core.session.records import EndReason
from neurocoach.core.session.sound import SessionAudio
from neurocoach.core.session.timeline import SessionOptions
from neurocoach.core.settings import TIMING_SETTINGS, Settings
from neurocoach.ui.session.driver import SessionDriver

log = logging.getLogger(__name__)
SLEEP_GAP_SECONDS = 5.0  # the driver wakes at least every second; a longer silence is sleep
HISTORY_RETRY_MS = 30_000  # how often to try again to write a history that failed

Ratings = dict[tuple[str, str], int]


class SessionController(QObject):
    """Signals: session_started(SessionDriver), session_ended(SessionOutcome),
    timing_changed() when a setting changed the running session's plan,
    history_problem_found(str) once, the first time the history cannot be written."""

    session_started = Signal(object)
    session_ended = Signal(object)
    timing_changed = Signal()
    history_problem_found = Signal(str)

    def __init__(
        self,
        settings: Settings,
        store: Callable[[], HistoryStore],
        audio: Callable[[], SessionAudio | None],
        clock: Clock | None = None,
        parent: QObject | None = None,
        feet: FootAnswers | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("session_controller")
        self.settings = settings
        self.feet = feet
        self._store = store
        self._audio = audio
        self.clock = clock
        self.driver: SessionDriver | None = None
        self.recorder: SessionRecorder | None = None
        self._recorders: list[SessionRecorder] = []  # the ones that may still have writes waiting
        self._holds: set[str] = set()
        self._resume_after_holds = False
        self._told_about_history = False
        self._retry = QTimer(self)
        self._retry.setObjectName("history_retry")
        self._retry.setInterval(HISTORY_RETRY_MS)
        self._retry.timeout.connect(self._on_retry_timeout)
        settings.changed.connect(self._on_settings_changed)

    # --- what the window asks ------------------------------------------------------------
    @property
    def engine(self) -> SessionEngine | None:
        return self.driver.engine if self.driver is not None else None

    def active(self) -> bool:
        """A session has started and not yet ended."""
        return self.driver is not None and self.driver.engine.outcome is None

    def routine(self) -> Routine | None:
        """The running session's routine."""
        engine = self.engine
        return engine.routine if engine is not None and self.active() else None

    def saved(self) -> bool:
        """The last session is in the history (it may still be waiting for a retry)."""
        return self.recorder is not None and self.recorder.session_id is not None

    def start(self, routine: Routine, before: Ratings) -> SessionDriver | None:
        """Build and start a session; None if one is already running (a double Start)."""
        if self.active():
            return None
        if self.driver is not None:
            self.driver.deleteLater()  # the last session's driver: ended, no longer needed
        self._holds.clear()
        self._resume_after_holds = False
        # On the real clock, a long silence means the computer slept: pause, do not rush on.
        gap = None if self.clock is not None else SLEEP_GAP_SECONDS
        engine = SessionEngine(routine, self.options(routine), self.clock, pause_after_gap=gap)
        self.recorder = SessionRecorder(engine, self._store())
        self.recorder.problem_found.connect(self._on_recorder_problem_found)
        self._recorders = [r for r in self._recorders if r.unsaved] + [self.recorder]
        planner = CuePlanner(engine, voice=False, count_aloud=bool(self.settings["count_aloud"]))
        audio = self._audio()
        if audio is not None:
            audio.attach(planner)  # turns the voice on where it can be heard
        self.driver = SessionDriver(engine, planner, self)
        self.driver.session_ended.connect(self._on_driver_session_ended)
        self.session_started.emit(self.driver)
        self.driver.start()
        self.recorder.save_ratings("before", before)
        return self.driver

    def options(self, routine: Routine | None = None) -> SessionOptions:
        """How a session of `routine` is shaped: the settings, and what the foot check says."""
        check = self.feet.current() if self.feet is not None else None
        return foot_check.session_options(self.settings.session_options(routine), check)

    def save_ratings(self, moment: str, values: Ratings) -> None:
        if self.recorder is not None:
            self.recorder.save_ratings(moment, values)

    def stop(self, reason: EndReason = EndReason.STOPPED) -> None:
        engine = self.engine
        if engine is not None and self.active():
            engine.stop(reason)

    def hold(self, reason: str) -> bool:
        """Pause while something (a dialog, named by `reason`) needs the user's attention.

        False when there is no session to hold: none runs, or it reached its end just now
        (pausing first catches up with the clock), so a question about it would come too late.
        """
        engine = self.engine
        if engine is None or not self.active():
            return False
        if reason not in self._holds:
            if not self._holds:
                self._resume_after_holds = engine.state is SessionState.RUNNING
                engine.pause()
                if not self.active():
                    return False
            self._holds.add(reason)
        return True

    def release(self, reason: str) -> None:
        """That reason has gone; once none is left, resume if the session was running."""
        if reason not in self._holds:
            return
        self._holds.discard(reason)
        engine = self.engine
        if not self._holds and self._resume_after_holds and engine is not None and self.active():
            engine.resume()
        if not self._holds:
            self._resume_after_holds = False

    def close(self) -> int:
        """The app is closing: end a running session as "closed" (so it is saved) and write
        what is waiting; returns how many writes could not be saved."""
        self.stop(EndReason.CLOSED)
        waiting = sum(r.unsaved for r in self._recorders if not r.flush())
        if waiting:
            log.error("history: %d writes could not be saved before closing", waiting)
        self._retry.stop()
        return waiting

    # --- what it follows -----------------------------------------------------------------
    def _on_settings_changed(self, name: str) -> None:
        """Timing reaches a running session from its next phase on; sound at once."""
        engine = self.engine
        if engine is not None and self.active():
            engine.apply_options(self.options(engine.routine))
            if name in TIMING_SETTINGS or name == "exercises":
                self.timing_changed.emit()
            planner = self.driver.planner if self.driver is not None else None
            if planner is not None and name == "count_aloud":
                planner.count_aloud = bool(self.settings["count_aloud"])

    @Slot(object)
    def _on_driver_session_ended(self, outcome: SessionOutcome) -> None:
        self._holds.clear()
        self._resume_after_holds = False
        self.session_ended.emit(outcome)

    def _on_recorder_problem_found(self, message: str) -> None:
        """The history could not be written: say so once, and keep trying in the background."""
        if not self._told_about_history:
            self._told_about_history = True
            self.history_problem_found.emit(message)
        self._retry.start()

    @Slot()
    def _on_retry_timeout(self) -> None:
        for recorder in self._recorders:
            recorder.flush()
        if all(r.unsaved == 0 for r in self._recorders):
            self._retry.stop()
            if self._told_about_history:
                log.info("history: everything waiting has now been saved")
