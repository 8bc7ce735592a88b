"""Passes each spoken command to what is in view, and tells the listener which words to hear.

What is in view is the open stop question, else the window's current page. Each one that can
be spoken to says so itself: a `voice_listening` attribute (which words) and a `hear(command)`
method, and `show_voice_words(words)` to show "Say: pause, go on, …" while the coach listens.
The words in view are looked at again whenever the keyboard focus moves (a page or a dialog
changed) and when the listener opens or closes the microphone.

A command acted on shows "Heard: next" in place of the words for `HEARD_SHOWN_MS`: the person
sees what the coach took them to say, which tells a mishearing from a slow coach.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QTimer, Slot
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

from neurocoach.core.voice.commands import COMMANDS_FOR, Command, Listening, say_line
from neurocoach.core.voice.listener import VoiceListener

HEARD_SHOWN_MS = 2500  # long enough to read at a glance from across the room


class VoiceCommandRouter(QObject):
    def __init__(
        self,
        window: QMainWindow,
        listener: VoiceListener,
        say: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(window)
        self.setObjectName("voice_command_router")
        self.window = window
        self.listener = listener
        self._say = say
        self._shown: QWidget | None = None
        self.listening = Listening.NOTHING
        self._heard = ""  # "Heard: next" while it is shown
        self._heard_timer = QTimer(self)
        self._heard_timer.setSingleShot(True)
        self._heard_timer.setInterval(HEARD_SHOWN_MS)
        self._heard_timer.timeout.connect(self._end_heard)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_app_focus_changed)
        self.refresh()

    def in_view(self) -> QWidget | None:
        """The stop question when it is open, else the window's page (never another dialog:
        the settings window, say, hears nothing)."""
        modal = QApplication.activeModalWidget()
        if modal is not None:
            return modal if hasattr(modal, "hear") and modal.isVisible() else None
        pages = self.window.centralWidget()
        page = pages.currentWidget() if isinstance(pages, QStackedWidget) else None
        return page if page is not None and hasattr(page, "hear") else None

    @Slot()
    def refresh(self) -> None:
        """Listen for the words of what is in view now, and show them there."""
        if not shiboken6.isValid(self.window):
            return  # the window is going: nothing is in view
        target = self.in_view()
        listening = getattr(target, "voice_listening", Listening.NOTHING)
        if not isinstance(listening, Listening):
            listening = Listening.NOTHING
        if self._shown is not None and not shiboken6.isValid(self._shown):
            self._shown = None  # a dialog that has closed and gone
        if target is not self._shown and self._shown is not None:
            self._show_words(self._shown, "")
        words = say_line(listening) if self.listener.listening else ""
        if target is not self._shown:
            self._heard = ""  # it was said to another page
        if words and self._heard:
            words = self._heard
        if target is not None:
            self._show_words(target, words)
        asked = target is not self._shown and listening is Listening.QUESTION
        self._shown = target
        self.listening = listening
        self.listener.listen_for(listening)
        if asked and words and self._say is not None:
            self._say("Stop the routine? Say yes or no.")

    @Slot(object)
    def on_command(self, command: Command) -> None:
        """A command heard: given to what is in view, if it listens for that word."""
        target = self.in_view()
        listening = getattr(target, "voice_listening", Listening.NOTHING)
        if target is None or command not in COMMANDS_FOR.get(listening, ()):
            return
        target.hear(command)  # type: ignore[attr-defined]
        self._heard = ""
        self.refresh()
        if self._shown is target and self.listener.listening:
            self._heard = f"Heard: {command.words}"
            self._heard_timer.start()
            self.refresh()

    @Slot()
    def _end_heard(self) -> None:
        self._heard = ""
        self.refresh()

    @staticmethod
    def _show_words(widget: QWidget, words: str) -> None:
        show = getattr(widget, "show_voice_words", None)
        if callable(show):
            show(words)

    @Slot(QWidget, QWidget)
    def _on_app_focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        self.refresh()
