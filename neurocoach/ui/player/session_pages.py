"""The pages of one session, in order: check-in, player, the stop question, check-in, finish.

The SessionController runs the session; this decides what the person sees of it and when,
so the main window only starts it and shows what it is handed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QDialog, QMainWindow, QStackedWidget, QWidget

from neurocoach.core.history.finish_summary import summarise_finish
from neurocoach.core.routine.model import Routine
from neurocoach.core.session.engine import SessionOutcome
from neurocoach.core.session.records import EndReason
from neurocoach.core.settings import Settings
from neurocoach.ui.session.controller import Ratings, SessionController
from neurocoach.ui.session.driver import SessionDriver
from neurocoach.ui.shell import screens


class SessionPages(QObject):
    """Signals: done_requested() and history_requested() from the finish page;
    adjust_requested(Routine, int) for "Adjust this exercise" in the player."""

    done_requested = Signal()
    history_requested = Signal()
    adjust_requested = Signal(object, int)

    def __init__(
        self,
        session: SessionController,
        settings: Settings,
        illustrations: Path,
        window: QMainWindow,
        show_page: Callable[[QWidget], None],
    ) -> None:
        super().__init__(window)
        self.session = session
        self.settings = settings
        self.illustrations = illustrations
        self.window = window
        self._show_page = show_page
        self.stop_dialog: QDialog | None = None
        self._checking_in = False
        self.finished = False  # whether the last session ran to its end (the finish page's)
        session.session_started.connect(self._on_session_started)
        session.session_ended.connect(self._on_session_ended)

    def start(self, routine: Routine) -> None:
        """Start, after the optional check-in of how the user feels."""
        if self.session.active() or self._checking_in:
            return  # a second Start (a double press) must not start a second session
        if not self.settings["checkin_enabled"]:
            self.session.start(routine, {})
            return
        self._checking_in = True
        page = screens.checkin_page("before", bool(self.settings["checkin_by_area"]), self.window)
        page.saved.connect(lambda values: self._begin(routine, values))
        page.skipped.connect(lambda: self._begin(routine, {}))
        page.destroyed.connect(self._on_checkin_destroyed)
        self._show_page(page)

    def _begin(self, routine: Routine, before: Ratings) -> None:
        self._checking_in = False
        self.session.start(routine, before)

    @Slot()
    def _on_checkin_destroyed(self) -> None:
        self._checking_in = False  # left without an answer (History, say)

    @Slot(object)
    def _on_session_started(self, driver: SessionDriver) -> None:
        player = screens.player_page(driver, self.illustrations, self.settings, self.window)
        player.stop_requested.connect(self._on_player_stop_requested)
        player.adjust_requested.connect(self._on_player_adjust_requested)
        self.session.timing_changed.connect(player.refresh_words)
        if self.settings["fullscreen_player"]:
            self.window.showFullScreen()
        self._show_page(player)

    @Slot()
    def _on_player_adjust_requested(self) -> None:
        engine = self.session.engine
        if engine is not None and engine.phase is not None:
            self.adjust_requested.emit(engine.routine, engine.phase.step_index)

    @Slot()
    def _on_player_stop_requested(self) -> None:
        if self.stop_dialog is not None or not self.session.hold("stop question"):
            return  # asked already, or the routine has just ended by itself
        self.stop_dialog = screens.stop_dialog(self.window)
        self.stop_dialog.finished.connect(self._on_stop_dialog_finished)
        self.stop_dialog.open()

    @Slot(int)
    def _on_stop_dialog_finished(self, result: int) -> None:
        dialog, self.stop_dialog = self.stop_dialog, None
        if dialog is not None:
            dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted:
            self.session.stop(EndReason.STOPPED)
        self.session.release("stop question")
        # Take the keyboard back: without a window manager (or with some) nobody hands it
        # back when a dialog closes, and the page that had it may have been replaced.
        self.window.activateWindow()
        pages = self.window.centralWidget()
        current = pages.currentWidget() if isinstance(pages, QStackedWidget) else None
        if current is not None:
            current.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(object)
    def _on_session_ended(self, outcome: SessionOutcome) -> None:
        if self.window.isFullScreen():
            self.window.showNormal()
        if self.stop_dialog is not None:
            self.stop_dialog.done(QDialog.DialogCode.Rejected)
        if not self.settings["checkin_enabled"] or not self.window.isVisible():
            self._show_finish(outcome)
            return
        page = screens.checkin_page("after", bool(self.settings["checkin_by_area"]), self.window)
        page.saved.connect(lambda values: self._after_checkin(outcome, values))
        page.skipped.connect(lambda: self._show_finish(outcome))
        self._show_page(page)

    def _after_checkin(self, outcome: SessionOutcome, values: Ratings) -> None:
        self.session.save_ratings("after", values)
        self._show_finish(outcome)

    def _show_finish(self, outcome: SessionOutcome) -> None:
        engine = self.session.engine
        assert engine is not None
        recorder = self.session.recorder
        session_id = recorder.session_id if recorder is not None else None
        store = recorder.store if recorder is not None else None
        summary = summarise_finish(outcome, engine.routine, store, session_id, date.today())
        self.finished = outcome.finished
        page = screens.finish_page(summary, self.window)
        page.done_requested.connect(self.done_requested.emit)
        page.history_requested.connect(self.history_requested.emit)
        self._show_page(page)
