"""The one window: routine list, safety notes, player, finish screen and history, one at a time.

A single window with one page at a time suits people who find window juggling hard. The
window shows pages and menus and passes on what the user asked for; the SessionController
runs the session itself (engine, history, sound), and the window follows its signals.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QWidget,
)

from neurocoach.core.history.store import HistoryStore
from neurocoach.core.routine.catalog import CatalogEntry, load_catalog, load_entry
from neurocoach.core.routine.model import Routine
from neurocoach.core.session.clock import Clock
from neurocoach.core.session.engine import SessionOutcome
from neurocoach.core.session.records import EndReason
from neurocoach.core.session.sound import SessionAudio
from neurocoach.core.settings import TIMING_SETTINGS, Settings
from neurocoach.paths import bundled_illustrations_dir
from neurocoach.ui.common.messages import open_message, show_about
from neurocoach.ui.routines.routine_list_page import RoutineListPage
from neurocoach.ui.session.controller import Ratings, SessionController
from neurocoach.ui.session.driver import SessionDriver
from neurocoach.ui.shell import screens

AudioFactory = Callable[[], SessionAudio]
Keys = str | QKeySequence | QKeySequence.StandardKey


class MainWindow(QMainWindow):
    def __init__(
        self,
        routine_folders: list[Path],
        store: HistoryStore,
        settings: Settings | None = None,
        clock: Clock | None = None,
        audio_factory: AudioFactory | None = None,
        illustrations: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.setWindowTitle("NeuroCoach")
        self.routine_folders = routine_folders
        self.store = store
        self.settings = settings or Settings()
        self.illustrations = illustrations or bundled_illustrations_dir()
        self._audio_factory = audio_factory
        self._audio: SessionAudio | None = None
        self._told_about_audio = False
        self.session = SessionController(self.settings, lambda: self.store, self.audio, clock, self)
        self.session.session_started.connect(self._on_session_started)
        self.session.session_ended.connect(self._on_session_ended)
        self.session.history_problem_found.connect(self.tell)
        self.stop_dialog: QDialog | None = None
        self.settings_dialog: QDialog | None = None
        self.exercise_dialog: QDialog | None = None

        self.pages = QStackedWidget(self)
        self.setCentralWidget(self.pages)
        self.routine_list = RoutineListPage(
            load_catalog(routine_folders), self.settings.session_options(), self
        )
        self.pages.addWidget(self.routine_list)
        self.routine_list.routine_chosen.connect(self.show_entry)
        self.routine_list.history_requested.connect(self.show_history)
        self.routine_list.open_file_requested.connect(self.choose_routine_file)
        self.routine_list.settings_requested.connect(self.show_settings)
        self.settings.changed.connect(self._on_settings_changed)
        self._build_menus()
        self.routine_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _build_menus(self) -> None:
        menus: dict[str, QMenu] = {}

        def action(menu: str, text: str, keys: Keys, slot: Callable[[], object]) -> QAction:
            item = QAction(text, self)
            if keys:
                item.setShortcut(QKeySequence(keys))
            item.triggered.connect(slot)
            if menu not in menus:
                menus[menu] = self.menuBar().addMenu(menu)
            menus[menu].addAction(item)
            return item

        self.open_action = action(
            "&File", "&Open routine…", QKeySequence.StandardKey.Open, self.choose_routine_file
        )
        action("&File", "&Reload routines", "F5", self.reload_routines)
        action("&File", "&Quit", "Ctrl+Q", self.close)
        self.history_action = action("&View", "&History", "Ctrl+H", self.show_history)
        self.fullscreen_action = action("&View", "&Full screen", "F11", self.toggle_full_screen)
        self.fullscreen_action.setCheckable(True)
        self.settings_action = action("&View", "&Settings…", "Ctrl+,", self.show_settings)
        action("&Help", "&About NeuroCoach", "", lambda: show_about(self))

    def audio(self) -> SessionAudio | None:
        """The sound layer, made the first time it is needed (app.py asks just after the
        first paint: its voice takes a second or more to start)."""
        if self._audio is None and self._audio_factory is not None:
            self._audio = self._audio_factory()
        return self._audio

    def tell(self, message: str) -> None:
        """A plain message that does not block the window (Enter or Escape closes it)."""
        open_message(self, "message", "NeuroCoach", message)

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
        self.routine_list.set_entries(load_catalog(self.routine_folders))

    @Slot()
    def show_history(self) -> None:
        if self.session.active():
            return  # the player keeps the screen during a session
        page = screens.history_page(self.store, self)
        page.back_requested.connect(self.show_routines)
        page.report_requested.connect(self.show_report)
        self._show_page(page)

    @Slot()
    def show_report(self) -> None:
        """Report and export: a PDF for a clinician, a CSV for a spreadsheet."""
        self.report_dialog = screens.report_dialog(self.store, self)
        self.report_dialog.resize(min(1000, self.width()), min(700, self.height()))
        self.report_dialog.finished.connect(self.report_dialog.deleteLater)
        self.report_dialog.open()

    @Slot(object)
    def show_entry(self, entry: CatalogEntry) -> None:
        """Show a routine's safety notes before starting, or what is wrong with its file."""
        if entry.routine is None:
            problems = "\n".join(str(p) for p in entry.problems)
            what = f"{entry.path.name} cannot be used. What is wrong with it:"
            title = "This routine file cannot be used"
            open_message(self, "routine_problems", title, what, problems)
            return
        self.show_before_start(entry.routine)

    def show_before_start(self, routine: Routine) -> None:
        if self.session.active():
            return
        page = screens.before_start_page(routine, self.settings.session_options(), self)
        page.start_requested.connect(lambda: self.start_session(routine))
        page.back_requested.connect(self.show_routines)
        audio = self.audio()
        if audio is not None and audio.problems and not self._told_about_audio:
            page.show_notice(" ".join(audio.problems))
            self._told_about_audio = True
        self._show_page(page)

    @Slot()
    def choose_routine_file(self) -> None:
        if self.session.active():
            return
        folder = str(self.routine_folders[-1]) if self.routine_folders else ""
        name, _ = QFileDialog.getOpenFileName(
            self, "Open a routine file", folder, "Routine files (*.yaml *.yml)"
        )
        if name:
            self.open_routine_file(Path(name))

    def open_routine_file(self, path: Path) -> None:
        self.show_entry(load_entry(path))

    # --- the session ---------------------------------------------------------------------
    def start_session(self, routine: Routine) -> None:
        """Start, after the optional check-in of how the user feels."""
        page = self.current_page()
        if self.session.active() or (page is not None and page.objectName() == "checkin_page"):
            return  # a second Start (a double press) must not start a second session
        if not self.settings["checkin_enabled"]:
            self.session.start(routine, {})
            return
        checkin = screens.checkin_page("before", bool(self.settings["checkin_by_area"]), self)
        checkin.saved.connect(lambda values: self.session.start(routine, values))
        checkin.skipped.connect(lambda: self.session.start(routine, {}))
        self._show_page(checkin)

    @Slot(object)
    def _on_session_started(self, driver: SessionDriver) -> None:
        player = screens.player_page(driver, self.illustrations, self.settings, self)
        player.stop_requested.connect(self._on_player_stop_requested)
        player.adjust_requested.connect(self._on_player_adjust_requested)
        self.session.timing_changed.connect(player.refresh_words)
        if self.settings["fullscreen_player"]:
            self.showFullScreen()
        self._show_page(player)

    @Slot()
    def _on_player_stop_requested(self) -> None:
        if not self.session.active() or self.stop_dialog is not None:
            return
        self.session.hold("stop question")
        self.stop_dialog = screens.stop_dialog(self)
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
        current = self.current_page()
        if current is not None:
            current.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(object)
    def _on_session_ended(self, outcome: SessionOutcome) -> None:
        if self.isFullScreen():
            self.showNormal()
        if self.stop_dialog is not None:
            self.stop_dialog.done(QDialog.DialogCode.Rejected)
        if not self.settings["checkin_enabled"] or not self.isVisible():
            self._show_finish(outcome)
            return
        page = screens.checkin_page("after", bool(self.settings["checkin_by_area"]), self)
        page.saved.connect(lambda values: self._after_checkin(outcome, values))
        page.skipped.connect(lambda: self._show_finish(outcome))
        self._show_page(page)

    def _after_checkin(self, outcome: SessionOutcome, values: Ratings) -> None:
        self.session.save_ratings("after", values)
        self._show_finish(outcome)

    def _show_finish(self, outcome: SessionOutcome) -> None:
        engine = self.session.engine
        assert engine is not None
        page = screens.finish_page(outcome, engine.routine, self.session.saved(), self)
        page.done_requested.connect(self.show_routines)
        page.history_requested.connect(self.show_history)
        self._show_page(page)

    # --- settings ------------------------------------------------------------------------
    @Slot()
    def show_settings(self) -> None:
        """The settings window; changes apply at once, in a running session too."""
        if self.settings_dialog is not None:
            return
        audio = self.audio()
        voices = audio.voices() if audio is not None else []
        dialog = screens.settings_dialog(self.settings, self._adjust_from_settings, voices, self)
        dialog.finished.connect(self._on_settings_dialog_finished)
        dialog.resize(min(1100, self.width()), self.height())
        self.settings_dialog = dialog
        dialog.open()

    @Slot(int)
    def _on_settings_dialog_finished(self, _result: int) -> None:
        dialog, self.settings_dialog = self.settings_dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _adjust_from_settings(self) -> None:
        """The exercises of the routine in view: the session's, the page's, or the list's."""
        routine = self.session.routine() or getattr(self.current_page(), "routine", None)
        if routine is None:
            entry = self.routine_list.list.current_entry()
            routine = entry.routine if entry is not None else None
        if isinstance(routine, Routine):
            self.adjust_exercise(routine, 0)

    def adjust_exercise(self, routine: Routine, step_index: int) -> None:
        """Adjust one exercise; a running session waits (paused) until the dialog closes."""
        if self.exercise_dialog is not None:
            return
        self.session.hold("adjusting")
        parent = self.settings_dialog if self.settings_dialog is not None else self
        self.exercise_dialog = screens.exercise_dialog(routine, step_index, self.settings, parent)
        self.exercise_dialog.finished.connect(self._on_exercise_dialog_finished)
        self.exercise_dialog.open()

    @Slot()
    def _on_player_adjust_requested(self) -> None:
        engine = self.session.engine
        if engine is not None and engine.phase is not None:
            self.adjust_exercise(engine.routine, engine.phase.step_index)

    @Slot(int)
    def _on_exercise_dialog_finished(self, _result: int) -> None:
        dialog, self.exercise_dialog = self.exercise_dialog, None
        if dialog is not None:
            dialog.deleteLater()
        self.session.release("adjusting")

    def _on_settings_changed(self, name: str) -> None:
        if name in TIMING_SETTINGS:
            self.routine_list.set_options(self.settings.session_options())
        if name in ("theme", "text_scale"):
            self.routine_list.list.viewport().update()

    # --- the window ----------------------------------------------------------------------
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

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window mid-session ends it as "closed", so what was done is saved."""
        self.session.close()
        super().closeEvent(event)
