"""The one window: routine list, safety notes, player, finish screen and history, one at a time.

A single window with one page at a time suits people who find window juggling hard. The
window shows pages and menus and passes on what the user asked for; the SessionController
runs the session itself (engine, history, sound), and the window follows its signals.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from neurocoach.core import foot_check
from neurocoach.core.history.foot_answers import FootAnswers
from neurocoach.core.history.store import HistoryStore
from neurocoach.core.routine.catalog import CatalogEntry, load_catalog, load_entry
from neurocoach.core.routine.model import Routine
from neurocoach.core.session.clock import Clock
from neurocoach.core.session.sound import SessionAudio
from neurocoach.core.settings import TIMING_SETTINGS, Settings
from neurocoach.core.voice.listener import VoiceListener
from neurocoach.paths import bundled_illustrations_dir
from neurocoach.ui.common.messages import (
    open_message,
    show_about,
    show_routine_problems,
    show_when_to_call,
)
from neurocoach.ui.player.session_pages import SessionPages
from neurocoach.ui.routines.routine_list_page import RoutineListPage
from neurocoach.ui.session.controller import SessionController
from neurocoach.ui.settings.settings_windows import SettingsWindows
from neurocoach.ui.shell import screens
from neurocoach.ui.shell.foot_check_flow import FootCheckFlow
from neurocoach.ui.shell.menus import MenuBuilder
from neurocoach.ui.shell.self_check_flow import SelfCheckFlow

AudioFactory = Callable[[], SessionAudio]


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
        self.quitting = False  # Quit, not a close that may only hide (shell/background.py)
        self.voice_listener: VoiceListener | None = None  # voice control, set by app.py
        self.feet = FootAnswers(lambda: self.store)
        self.foot_check_flow = FootCheckFlow(self.feet, self, self._show_page, self.tell)
        self.session = SessionController(
            self.settings, lambda: self.store, self.audio, clock, self, self.feet
        )
        self.session.history_problem_found.connect(self.tell)
        self.session_pages = SessionPages(
            self.session, self.settings, self.illustrations, self, self._show_page
        )
        self.self_checks = SelfCheckFlow(
            lambda: self.store, self.feet, clock, self.say, self, self._show_page, self.tell
        )
        self.session_pages.done_requested.connect(
            lambda: self.self_checks.after_session(self.session_pages.finished, self.show_routines)
        )
        self.session_pages.history_requested.connect(self.show_history)
        self.settings_windows = SettingsWindows(
            self.settings,
            self.session,
            self._voices,
            self._routine_in_view,
            self,
            self.feet,
            self.ask_foot_check,
            lambda: self.routine_list.titles(),  # made below; asked when Settings opens
            voice=lambda: self.voice_listener,
        )
        self.session_pages.adjust_requested.connect(self.settings_windows.adjust_exercise)

        self.pages = QStackedWidget(self)
        self.setCentralWidget(self.pages)
        self.routine_list = RoutineListPage(
            load_catalog(routine_folders), self.session.options(), self
        )
        self.pages.addWidget(self.routine_list)
        self.routine_list.routine_chosen.connect(self.show_entry)
        self.routine_list.history_requested.connect(self.show_history)
        self.routine_list.open_file_requested.connect(self.choose_routine_file)
        self.routine_list.settings_requested.connect(self.settings_windows.show_settings)
        self.routine_list.self_checks_requested.connect(self.show_self_checks)
        self.settings.changed.connect(self._on_settings_changed)
        self.feet.changed.connect(lambda _: self.routine_list.set_options(self.session.options()))
        self._build_menus()
        self.routine_list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _build_menus(self) -> None:
        add = MenuBuilder(self).add
        self.open_action = add(
            "&File", "&Open routine…", QKeySequence.StandardKey.Open, self.choose_routine_file
        )
        add("&File", "&Reload routines", "F5", self.reload_routines)
        add("&File", "&Quit", "Ctrl+Q", self.quit)
        self.history_action = add("&View", "&History", "Ctrl+H", self.show_history)
        self.fullscreen_action = add("&View", "&Full screen", "F11", self.toggle_full_screen)
        self.fullscreen_action.setCheckable(True)
        settings = self.settings_windows.show_settings
        self.settings_action = add("&View", "&Settings…", "Ctrl+,", settings)
        self.self_checks_action = add("&View", "Self-chec&ks…", "Ctrl+K", self.show_self_checks)
        self.foot_check_action = add("&View", "Foot &check…", "", lambda: self.ask_foot_check())
        when = functools.partial(show_when_to_call, self)
        self.when_to_call_action = add("&Help", f"&{foot_check.WHEN_TO_CALL_HEADING}", "", when)
        add("&Help", "&About NeuroCoach", "", lambda: show_about(self))

    def audio(self) -> SessionAudio | None:
        """The sound layer, made the first time it is needed (app.py asks just after the
        first paint: its voice takes a second or more to start)."""
        if self._audio is None and self._audio_factory is not None:
            self._audio = self._audio_factory()
        return self._audio

    def say(self, text: str) -> None:
        """One sentence by voice outside a session (a self-check's count-down)."""
        audio = self.audio()
        if audio is not None:
            audio.announce(text)

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
    def show_self_checks(self) -> None:
        if not self.session.active():  # the player keeps the screen during a session
            self.self_checks.open_menu(self.show_routines)

    @Slot()
    def show_report(self) -> None:
        """Report and export: a PDF for a clinician, a CSV for a spreadsheet."""
        dialog = screens.report_dialog(self.store, self)
        dialog.resize(min(1000, self.width()), min(700, self.height()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(self.activateWindow)  # the keyboard back to the window
        dialog.open()

    def start_routine(self, routine_id: str) -> None:
        """A reminder's "Start now": the window forward, at that routine's first page."""
        self.bring_forward()
        entry = self.routine_list.entry_for(routine_id)
        if entry is not None and not self.session.active():
            self.show_entry(entry)

    @Slot(object)
    def show_entry(self, entry: CatalogEntry) -> None:
        """Show a routine's safety notes before starting, or what is wrong with its file."""
        if entry.routine is None:
            show_routine_problems(self, entry)
            return
        self.show_before_start(entry.routine)

    def show_before_start(self, routine: Routine) -> None:
        if self.session.active():
            return
        feet = self.feet.current()
        if foot_check.needs_asking(routine, feet):
            self.ask_foot_check(routine)
            return
        checkin = bool(self.settings["checkin_enabled"])
        options = self.session.options(routine)
        page = screens.before_start_page(routine, options, checkin, feet, self)
        page.start_requested.connect(lambda: self.start_session(routine))
        page.back_requested.connect(self.show_routines)
        page.foot_check_requested.connect(lambda: self.ask_foot_check(routine))
        audio = self.audio()
        if audio is not None and audio.problems and not self._told_about_audio:
            page.show_notice(" ".join(audio.problems))
            self._told_about_audio = True
        self._show_page(page)

    def ask_foot_check(self, routine: Routine | None = None) -> None:
        if self.session.active():
            return  # the answers change what a session leaves out: not halfway through one
        go_on = (lambda: self.show_before_start(routine)) if routine else self.show_routines
        self.foot_check_flow.ask(routine, go_on, self.show_routines)

    @Slot()
    def choose_routine_file(self) -> None:
        from neurocoach.ui.common.file_dialogs import choose_file_to_open

        if self.session.active():
            return
        folder = str(self.routine_folders[-1]) if self.routine_folders else ""
        path = choose_file_to_open(
            self, "Open a routine file", folder, "Routine files (*.yaml *.yml)"
        )
        if path is not None:
            self.open_routine_file(path)

    def open_routine_file(self, path: Path) -> None:
        self.show_entry(load_entry(path))

    # --- the session ---------------------------------------------------------------------
    def start_session(self, routine: Routine) -> None:
        self.session_pages.start(routine)

    @property
    def stop_dialog(self) -> QDialog | None:
        return self.session_pages.stop_dialog

    # --- settings ------------------------------------------------------------------------
    def _routine_in_view(self) -> Routine | None:
        routine = getattr(self.current_page(), "routine", None)
        if isinstance(routine, Routine):
            return routine
        entry = self.routine_list.list.current_entry()
        return entry.routine if entry is not None else None

    def _voices(self) -> list[str]:
        audio = self.audio()
        return audio.voices() if audio is not None else []

    def _on_settings_changed(self, name: str) -> None:
        if name in TIMING_SETTINGS:
            self.routine_list.set_options(self.session.options())
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

    @Slot()
    def quit(self) -> None:
        """Ctrl+Q: close for real, even while reminders would keep the coach in the tray."""
        self.quitting = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing the window mid-session ends it as "closed", so what was done is saved."""
        self.session.close()
        super().closeEvent(event)
