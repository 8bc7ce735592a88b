"""The one window: routine list, safety notes, player, finish screen and history, one at a time.

A single window with one page at a time suits people who find window juggling hard. The
window owns the session's lifetime: it builds the engine, its recorder and its driver when
Start is pressed, and makes sure a session is ended (and so saved) however the page is left.
The other pages and dialogs are imported when first opened, so the first window shows sooner
(Qt's own QDialog, QFileDialog and QMessageBox too: PySide builds each class's Python type and
enums on its first import).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from neurocoach import __version__
from neurocoach.core.file_cache import FileCache
from neurocoach.core.routine.catalog import CatalogEntry, load_catalog, load_entry
from neurocoach.core.routine.model import Routine
from neurocoach.core.session.clock import Clock
from neurocoach.core.session.records import EndReason
from neurocoach.core.settings import Settings
from neurocoach.paths import bundled_illustrations_dir
from neurocoach.ui.routines.routine_list_page import RoutineListPage

if TYPE_CHECKING:
    from neurocoach.core.history.store import HistoryStore
    from neurocoach.core.session.cues import CuePlanner
    from neurocoach.core.session.engine import SessionOutcome
    from neurocoach.core.session.recorder import SessionRecorder
    from neurocoach.ui.common.confirm_dialog import ConfirmStopDialog
    from neurocoach.ui.session.driver import SessionDriver
    from neurocoach.ui.settings.exercise_dialog import ExerciseDialog
    from neurocoach.ui.settings.settings_dialog import SettingsDialog

log = logging.getLogger(__name__)
SLEEP_GAP_SECONDS = 5.0  # the player checks the clock ten times a second
HISTORY_RETRY_MS = 30_000  # how often to try again to write a history that failed


class SessionAudio(Protocol):
    """What the window needs from the sound layer (neurocoach.audio.guide.AudioGuide)."""

    problems: list[str]

    def attach(self, planner: CuePlanner) -> None: ...


AudioFactory = Callable[[], SessionAudio]
HistoryOpener = Callable[[], "HistoryStore"]


class MainWindow(QMainWindow):
    def __init__(
        self,
        routine_folders: list[Path],
        store: HistoryStore | HistoryOpener,
        settings: Settings | None = None,
        clock: Clock | None = None,
        audio_factory: AudioFactory | None = None,
        illustrations: Path | None = None,
        parent: QWidget | None = None,
        file_cache: FileCache | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.setWindowTitle("NeuroCoach")
        self.routine_folders = routine_folders
        self.file_cache = file_cache  # routine files already read, so they load faster
        # The history, or how to open it: app.py opens it just after the first paint, so
        # sqlite3 is not loaded before the window is seen.
        self._store: HistoryStore | None = None if callable(store) else store
        self._open_store: HistoryOpener | None = store if callable(store) else None
        self.settings = settings or Settings()
        self.clock = clock
        self._audio_factory = audio_factory
        self.illustrations = illustrations or bundled_illustrations_dir()
        self._audio: SessionAudio | None = None
        self._told_about_audio = False
        self.driver: SessionDriver | None = None
        self.recorder: SessionRecorder | None = None
        self.stop_dialog: ConfirmStopDialog | None = None
        self._paused_for_dialog = False

        self.pages = QStackedWidget(self)
        self.setCentralWidget(self.pages)
        options = self.settings.session_options()
        self.routine_list = RoutineListPage(
            load_catalog(routine_folders, file_cache), options, self
        )
        self.pages.addWidget(self.routine_list)
        self.routine_list.routine_chosen.connect(self._on_list_routine_chosen)
        self.routine_list.history_requested.connect(self.show_history)
        self.routine_list.open_file_requested.connect(self.choose_routine_file)
        self.routine_list.settings_requested.connect(self.show_settings)
        self.settings_dialog: SettingsDialog | None = None
        self.exercise_dialog: ExerciseDialog | None = None
        self._paused_for_adjusting = False
        self.settings.changed.connect(self._on_settings_changed)
        self._recorders: list[SessionRecorder] = []  # the ones that may still have writes waiting
        self._told_about_history = False
        self._retry = QTimer(self)
        self._retry.setObjectName("history_retry")
        self._retry.setInterval(HISTORY_RETRY_MS)
        self._retry.timeout.connect(self._on_retry_timeout)
        self._build_menus()
        self.routine_list.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def store(self) -> HistoryStore:
        """The history database, opened on first use if it was not given open."""
        if self._store is None:
            assert self._open_store is not None
            self._store = self._open_store()
        return self._store

    def history_if_open(self) -> HistoryStore | None:
        return self._store

    @Slot()
    def prepare(self) -> None:
        """What can wait until the window is seen, done then: open the history (any problem
        with it is told now) and start the sound layer, whose voice takes a second or more
        to start; done while the user reads the list, Enter then opens a routine at once."""
        _ = self.store
        self.audio()

    # --- menus ---------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.open_action = QAction("&Open routine…", self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.choose_routine_file)
        reload_action = QAction("&Reload routines", self)
        reload_action.setShortcut(QKeySequence("F5"))
        reload_action.triggered.connect(self.reload_routines)
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addActions([self.open_action, reload_action])
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        view_menu = self.menuBar().addMenu("&View")
        self.history_action = QAction("&History", self)
        self.history_action.setShortcut(QKeySequence("Ctrl+H"))
        self.history_action.triggered.connect(self.show_history)
        view_menu.addAction(self.history_action)
        self.fullscreen_action = QAction("&Full screen", self)
        self.fullscreen_action.setShortcut(QKeySequence("F11"))
        self.fullscreen_action.setCheckable(True)
        self.fullscreen_action.triggered.connect(self.toggle_full_screen)
        view_menu.addAction(self.fullscreen_action)
        self.settings_action = QAction("&Settings…", self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.show_settings)
        view_menu.addAction(self.settings_action)
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About NeuroCoach", self)
        about.triggered.connect(self._on_about_triggered)
        help_menu.addAction(about)

    # --- pages ---------------------------------------------------------------------------
    def current_page(self) -> QWidget | None:
        return self.pages.currentWidget()

    def _show_page(self, page: QWidget) -> None:
        old = self.pages.currentWidget()
        if page.parent() is not self.pages:
            self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        page.setFocus(Qt.FocusReason.OtherFocusReason)
        if old is not None and old is not page and old is not self.routine_list:
            self.pages.removeWidget(old)
            old.deleteLater()

    @Slot()
    def show_routines(self) -> None:
        self._show_page(self.routine_list)

    @Slot()
    def reload_routines(self) -> None:
        self.routine_list.set_entries(load_catalog(self.routine_folders, self.file_cache))

    @Slot()
    def show_history(self) -> None:
        from neurocoach.ui.history.history_page import HistoryPage

        if self.session_active():
            return  # the player keeps the screen during a session
        page = HistoryPage(self.store, parent=self)
        page.back_requested.connect(self.show_routines)
        page.report_requested.connect(self.show_report)
        self._show_page(page)

    @Slot()
    def show_report(self) -> None:
        """Report and export: a PDF for a clinician, a CSV for a spreadsheet."""
        from neurocoach.ui.history.report_dialog import ReportDialog

        self.report_dialog = ReportDialog(self.store, self)
        self.report_dialog.resize(min(1000, self.width()), min(700, self.height()))
        self.report_dialog.finished.connect(self.report_dialog.deleteLater)
        self.report_dialog.open()

    @Slot(object)
    def _on_list_routine_chosen(self, entry: CatalogEntry) -> None:
        self.show_entry(entry)

    def show_entry(self, entry: CatalogEntry) -> None:
        """Show a routine's safety notes before starting, or what is wrong with its file."""
        if entry.routine is None:
            self._show_problems(entry)
            return
        self.show_before_start(entry.routine)

    def show_before_start(self, routine: Routine) -> None:
        from neurocoach.ui.routines.before_start_page import BeforeStartPage

        if self.session_active():
            return
        page = BeforeStartPage(routine, self.settings.session_options(), self)
        page.start_requested.connect(lambda: self.start_session(routine))
        page.back_requested.connect(self.show_routines)
        audio = self.audio()
        if audio is not None and audio.problems and not self._told_about_audio:
            page.show_notice(" ".join(audio.problems))
            self._told_about_audio = True
        self._show_page(page)

    def audio(self) -> SessionAudio | None:
        """The sound layer, made the first time it is needed (not at start-up: it is slow)."""
        if self._audio is None and self._audio_factory is not None:
            self._audio = self._audio_factory()
        return self._audio

    @Slot()
    def choose_routine_file(self) -> None:
        if self.session_active():
            return
        from PySide6.QtWidgets import QFileDialog

        start_dir = str(self.routine_folders[-1]) if self.routine_folders else ""
        name, _ = QFileDialog.getOpenFileName(
            self, "Open a routine file", start_dir, "Routine files (*.yaml *.yml)"
        )
        if name:
            self.open_routine_file(Path(name))

    def open_routine_file(self, path: Path) -> None:
        self.show_entry(load_entry(path, self.file_cache))

    def tell(self, message: str) -> None:
        """A plain message that does not block the window (Enter or Escape closes it)."""
        self._open_message("message", "NeuroCoach", message)

    def _show_problems(self, entry: CatalogEntry) -> None:
        self._open_message(
            "routine_problems",
            "This routine file cannot be used",
            f"{entry.path.name} cannot be used. What is wrong with it:",
            details="\n".join(str(p) for p in entry.problems),
        )

    def _open_message(self, name: str, title: str, text: str, details: str = "") -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setObjectName(name)
        box.setIcon(QMessageBox.Icon.Warning if details else QMessageBox.Icon.Information)
        box.setWindowTitle(title)
        box.setText(text)
        if details:
            box.setInformativeText(details)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.open()

    # --- the session ---------------------------------------------------------------------
    def session_active(self) -> bool:
        return self.driver is not None and self.driver.engine.outcome is None

    def start_session(self, routine: Routine) -> None:
        """Start, after the optional check-in of how the user feels."""
        from neurocoach.ui.checkin.checkin_page import CheckInPage

        if self.session_active() or isinstance(self.current_page(), CheckInPage):
            return  # a second Start (a double press) must not start a second session
        if not self.settings["checkin_enabled"]:
            self._begin_session(routine, {})
            return
        page = CheckInPage("before", bool(self.settings["checkin_by_area"]), self)
        page.saved.connect(lambda values: self._begin_session(routine, values))
        page.skipped.connect(lambda: self._begin_session(routine, {}))
        self._show_page(page)

    def _begin_session(self, routine: Routine, before: dict[tuple[str, str], int]) -> None:
        from neurocoach.core.session.cues import CuePlanner
        from neurocoach.core.session.engine import SessionEngine
        from neurocoach.core.session.recorder import SessionRecorder
        from neurocoach.ui.player.player_page import PlayerPage
        from neurocoach.ui.session.driver import SessionDriver

        if self.session_active():
            return
        if self.driver is not None:
            self.driver.deleteLater()  # the last session's driver: ended, no longer needed
        # On the real clock, a long silence means the computer slept: pause, do not rush on.
        gap = None if self.clock is not None else SLEEP_GAP_SECONDS
        engine = SessionEngine(
            routine, self.settings.session_options(routine), self.clock, pause_after_gap=gap
        )
        self.recorder = SessionRecorder(engine, self.store)
        self.recorder.problem_found.connect(self._on_recorder_problem_found)
        self._recorders = [r for r in self._recorders if r.unsaved] + [self.recorder]
        planner = CuePlanner(engine, voice=False, count_aloud=bool(self.settings["count_aloud"]))
        audio = self.audio()
        if audio is not None:
            audio.attach(planner)  # turns the voice on where it can be heard
        self.driver = SessionDriver(engine, planner, self)
        player = PlayerPage(self.driver, self.illustrations, self.settings, self)
        player.stop_requested.connect(self._on_player_stop_requested)
        player.adjust_requested.connect(self._on_player_adjust_requested)
        if self.settings["fullscreen_player"]:
            self.showFullScreen()
        self.driver.session_ended.connect(self._on_driver_session_ended)
        self._show_page(player)
        self.driver.start()
        self.recorder.save_ratings("before", before)

    @Slot()
    def _on_player_stop_requested(self) -> None:
        from neurocoach.core.session.engine import SessionState
        from neurocoach.ui.common.confirm_dialog import ConfirmStopDialog

        if not self.session_active() or self.stop_dialog is not None:
            return
        assert self.driver is not None
        engine = self.driver.engine
        self._paused_for_dialog = engine.state is SessionState.RUNNING
        engine.pause()
        self.stop_dialog = ConfirmStopDialog(self)
        self.stop_dialog.finished.connect(self._on_stop_dialog_finished)
        self.stop_dialog.open()

    @Slot(int)
    def _on_stop_dialog_finished(self, result: int) -> None:
        dialog, self.stop_dialog = self.stop_dialog, None
        if dialog is not None:
            dialog.deleteLater()
        if self.driver is None:
            return
        from PySide6.QtWidgets import QDialog

        engine = self.driver.engine
        if result == QDialog.DialogCode.Accepted:
            engine.stop(EndReason.STOPPED)
        elif self._paused_for_dialog:
            engine.resume()
        current = self.current_page()
        if current is not None:
            current.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def bring_forward(self) -> None:
        """Another launch asked for the coach: show this window instead of a second one."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    @Slot()
    def toggle_full_screen(self) -> None:
        """F11: the whole screen for the exercises, and back."""
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.fullscreen_action.setChecked(self.isFullScreen())

    # --- settings ------------------------------------------------------------------------
    @Slot()
    def show_settings(self) -> None:
        """The settings window; changes apply at once, in a running session too."""
        from neurocoach.ui.settings.settings_dialog import SettingsDialog

        if self.settings_dialog is not None:
            return
        audio = self.audio()
        voices = audio.voices() if audio is not None and hasattr(audio, "voices") else []
        self.settings_dialog = SettingsDialog(
            self.settings, self._adjust_from_settings, voices, self
        )
        self.settings_dialog.finished.connect(self._on_settings_dialog_finished)
        self.settings_dialog.resize(min(1100, self.width()), self.height())
        self.settings_dialog.open()

    @Slot(int)
    def _on_settings_dialog_finished(self, _result: int) -> None:
        dialog, self.settings_dialog = self.settings_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _adjust_from_settings(self) -> None:
        routine = self._routine_in_view()
        if routine is not None:
            self.adjust_exercise(routine, 0)

    def _routine_in_view(self) -> Routine | None:
        """The routine the user is looking at: the session's, or the one chosen in the list."""
        from neurocoach.ui.routines.before_start_page import BeforeStartPage

        if self.driver is not None and self.session_active():
            return self.driver.engine.routine
        page = self.current_page()
        if isinstance(page, BeforeStartPage):
            return page.routine
        entry = self.routine_list.list.current_entry()
        return entry.routine if entry is not None else None

    def adjust_exercise(self, routine: Routine, step_index: int) -> None:
        """Adjust one exercise; a running session waits (paused) until the dialog closes."""
        from neurocoach.core.session.engine import SessionState
        from neurocoach.ui.settings.exercise_dialog import ExerciseDialog

        if self.exercise_dialog is not None:
            return
        engine = self.driver.engine if self.driver is not None and self.session_active() else None
        self._paused_for_adjusting = engine is not None and engine.state is SessionState.RUNNING
        if engine is not None:
            engine.pause()
        parent = self.settings_dialog if self.settings_dialog is not None else self
        self.exercise_dialog = ExerciseDialog(routine, step_index, self.settings, parent)
        self.exercise_dialog.finished.connect(self._on_exercise_dialog_finished)
        self.exercise_dialog.open()

    @Slot()
    def _on_player_adjust_requested(self) -> None:
        if self.driver is not None and self.driver.engine.phase is not None:
            self.adjust_exercise(self.driver.engine.routine, self.driver.engine.phase.step_index)

    @Slot(int)
    def _on_exercise_dialog_finished(self, _result: int) -> None:
        dialog, self.exercise_dialog = self.exercise_dialog, None
        if dialog is not None:
            dialog.deleteLater()
        if self._paused_for_adjusting and self.driver is not None:
            self.driver.engine.resume()
        self._paused_for_adjusting = False

    def _on_settings_changed(self, name: str) -> None:
        """Timing changes reach a running session from its next phase on; sound at once."""
        from neurocoach.ui.player.player_page import PlayerPage

        if self.driver is not None and self.session_active():
            engine = self.driver.engine
            engine.apply_options(self.settings.session_options(engine.routine))
            page = self.current_page()
            if isinstance(page, PlayerPage):
                page.refresh_words()
            if self.driver.planner is not None and name == "count_aloud":
                self.driver.planner.count_aloud = bool(self.settings["count_aloud"])
        audio = self._audio
        if audio is not None and hasattr(audio, "apply"):
            audio.apply(self.settings)
        if name in ("lead_in_seconds", "hold_scale", "rest_between_steps", "wait_for_me"):
            self.routine_list.set_options(self.settings.session_options())
        if name in ("theme", "text_scale"):
            self.routine_list.list.viewport().update()

    @Slot(object)
    def _on_driver_session_ended(self, outcome: SessionOutcome) -> None:
        from neurocoach.ui.checkin.checkin_page import CheckInPage

        if self.isFullScreen():
            self.showNormal()
        if self.stop_dialog is not None:
            from PySide6.QtWidgets import QDialog

            self.stop_dialog.done(QDialog.DialogCode.Rejected)
        assert self.driver is not None
        if not self.settings["checkin_enabled"] or not self.isVisible():
            self._show_finish(outcome)
            return
        page = CheckInPage("after", bool(self.settings["checkin_by_area"]), self)
        page.saved.connect(lambda values: self._after_checkin(outcome, values))
        page.skipped.connect(lambda: self._show_finish(outcome))
        self._show_page(page)

    def _after_checkin(self, outcome: SessionOutcome, values: dict[tuple[str, str], int]) -> None:
        if self.recorder is not None:
            self.recorder.save_ratings("after", values)
        self._show_finish(outcome)

    def _on_recorder_problem_found(self, message: str) -> None:
        """The history could not be written: say so once, and keep trying in the background."""
        if not self._told_about_history:
            self._told_about_history = True
            self.tell(message)
        self._retry.start()

    @Slot()
    def _on_retry_timeout(self) -> None:
        for recorder in self._recorders:
            recorder.flush()
        if all(r.unsaved == 0 for r in self._recorders):
            self._retry.stop()
            if self._told_about_history:
                log.info("history: everything waiting has now been saved")

    def _show_finish(self, outcome: SessionOutcome) -> None:
        from neurocoach.ui.player.finish_page import FinishPage

        assert self.driver is not None
        saved = self.recorder is not None and self.recorder.session_id is not None
        page = FinishPage(outcome, self.driver.engine.routine, saved, self)
        page.done_requested.connect(self.show_routines)
        page.history_requested.connect(self.show_history)
        self._show_page(page)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window mid-session ends it as "closed", so what was done is saved."""
        if self.session_active():
            assert self.driver is not None
            self.driver.engine.stop(EndReason.CLOSED)
        waiting = sum(r.unsaved for r in self._recorders if not r.flush())
        if waiting:
            log.error("history: %d writes could not be saved before closing", waiting)
        self._retry.stop()
        super().closeEvent(event)

    @Slot()
    def _on_about_triggered(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            "About NeuroCoach",
            f"NeuroCoach {__version__}\nA hands-free home exercise coach for people living "
            "with peripheral neuropathy.\nIt does not replace advice from your doctor.",
        )
