"""The settings window and the window for one exercise: one of each at a time.

Settings apply at once, so the session runs on behind the settings window (its voice and
volume can be heard changing). Adjusting one exercise holds the session until that window
closes, and opens at the exercise under way, or at the first of the routine in view.
The settings list the plan of reminders when told which routines a reminder may be for
(`routines`: id and title, in the order to offer them), and show the microphones and the
microphone's level when given the voice control listener (`voice`, asked as they open).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QDialog, QWidget

from neurocoach.core.history.foot_answers import FootAnswers
from neurocoach.core.routine.model import Routine
from neurocoach.core.settings import Settings
from neurocoach.core.voice.listener import VoiceListener
from neurocoach.ui.session.controller import SessionController
from neurocoach.ui.shell import screens


class SettingsWindows(QObject):
    def __init__(
        self,
        settings: Settings,
        session: SessionController,
        voices: Callable[[], list[str]],
        routine_in_view: Callable[[], Routine | None],
        window: QWidget,
        feet: FootAnswers | None = None,
        ask_foot_check: Callable[[], None] | None = None,
        routines: Callable[[], list[tuple[str, str]]] | None = None,
        voice: Callable[[], VoiceListener | None] | None = None,
    ) -> None:
        super().__init__(window)
        self.settings = settings
        self.session = session
        self._voices = voices
        self._routine_in_view = routine_in_view
        self.window = window
        self.feet = feet
        self._ask_foot_check = ask_foot_check
        self._routines = routines
        self._voice = voice
        self.settings_dialog: QDialog | None = None
        self.exercise_dialog: QDialog | None = None

    @Slot()
    def show_settings(self) -> None:
        if self.settings_dialog is not None:
            return
        routine = self.session.routine() or self._routine_in_view()
        title = routine.title if routine is not None else ""
        dialog = screens.settings_dialog(
            self.settings,
            self._on_adjust_requested,
            title,
            self._voices(),
            self.window,
            self._voice,
        )
        if self.feet is not None and self._ask_foot_check is not None:
            dialog.show_foot_check(self.feet.current(), self.session.active())
            dialog.foot_check_requested.connect(self._on_foot_check_requested)
        if self._routines is not None:
            # A new reminder is for the routine highlighted in the list, if it is offered.
            in_view = self._routine_in_view()
            dialog.show_reminders(self._routines(), in_view.id if in_view is not None else "")
        # As tall as the window; the dialog itself keeps to the screen (see fit_to_screen).
        dialog.resize(min(1100, self.window.width()), self.window.height())
        self.settings_dialog = dialog
        dialog.finished.connect(self._on_settings_dialog_finished)
        dialog.open()

    @Slot(object, int)
    def adjust_exercise(self, routine: Routine, step_index: int) -> None:
        if self.exercise_dialog is not None:
            return
        running = self.session.active()
        if not self.session.hold("adjusting") and running:
            return  # the routine has just ended by itself
        parent = self.settings_dialog or self.window
        self.exercise_dialog = screens.exercise_dialog(routine, step_index, self.settings, parent)
        self.exercise_dialog.finished.connect(self._on_exercise_dialog_finished)
        self.exercise_dialog.open()

    def _on_adjust_requested(self) -> None:
        """E in the settings: the session's exercise under way, else the routine in view."""
        engine = self.session.engine
        if self.session.active() and engine is not None and engine.phase is not None:
            self.adjust_exercise(engine.routine, engine.phase.step_index)
            return
        routine = self._routine_in_view()
        if routine is not None:
            self.adjust_exercise(routine, 0)

    @Slot(int)
    def _on_settings_dialog_finished(self, _result: int) -> None:
        dialog, self.settings_dialog = self.settings_dialog, None
        if dialog is not None:
            dialog.deleteLater()
        self.window.activateWindow()  # the keyboard back to the window (see session_pages)

    @Slot()
    def _on_foot_check_requested(self) -> None:
        """The answers are changed on the foot check's own pages, in the main window."""
        if self.settings_dialog is not None:
            self.settings_dialog.accept()
        if self._ask_foot_check is not None:
            self._ask_foot_check()

    @Slot(int)
    def _on_exercise_dialog_finished(self, _result: int) -> None:
        dialog, self.exercise_dialog = self.exercise_dialog, None
        if dialog is not None:
            dialog.deleteLater()
        (self.settings_dialog or self.window).activateWindow()
        self.session.release("adjusting")
