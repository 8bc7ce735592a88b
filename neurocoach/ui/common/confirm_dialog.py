"""Asks before anything that cannot be undone, with big Yes and No buttons; No is the default.

An accidental Escape or Enter therefore costs nothing: both answer No. The question wraps and
the two buttons go one above the other when they are wider than the screen (at 200 % text on
a 1024 px screen), so the dialog always fits.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from neurocoach.core.voice.commands import Command, Listening
from neurocoach.ui.common import theme
from neurocoach.ui.common.button_rows import ButtonRows
from neurocoach.ui.common.screen_fit import fit_to_buttons
from neurocoach.ui.common.widgets import big_button, text_label


class ConfirmDialog(QDialog):
    def __init__(
        self,
        question: str,
        note: str,
        yes_text: str,
        no_text: str,
        parent: QWidget | None = None,
        yes_icon: str = "check",
        no_icon: str = "close",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("confirm")
        self.setWindowTitle(question)
        self.setModal(True)
        self.question = text_label(question, self, role="title")
        self.note = text_label(note, self)
        self.yes_button = big_button(yes_text, "Y", self, icon=yes_icon)
        self.no_button = big_button(no_text, "Enter", self, primary=True, icon=no_icon)
        self.no_button.setAutoDefault(True)
        self.no_button.setDefault(True)
        self.buttons = ButtonRows([self.yes_button, self.no_button], self)
        layout = QVBoxLayout(self)
        theme.page_margins(layout)
        layout.addWidget(self.question)
        layout.addWidget(self.note)
        layout.addSpacing(theme.SPACE["m"])
        layout.addWidget(self.buttons)
        self.no_button.clicked.connect(self.reject)
        self.yes_button.clicked.connect(self.accept)
        self.no_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            fit_to_buttons(self, self.buttons)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Y:
            self.accept()
        elif event.key() == Qt.Key.Key_N:
            self.reject()
        else:
            super().keyPressEvent(event)


class ConfirmStopDialog(ConfirmDialog):
    """The stop question; by voice too ("yes" or "no") when voice control listens."""

    voice_listening = Listening.QUESTION

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Stop this session?",
            "What you have done so far is saved.",
            "Yes, stop",
            "No, keep going",
            parent,
            yes_icon="stop",
            no_icon="play",
        )
        self.setObjectName("confirm_stop")
        self._note_text = self.note.text()

    def hear(self, command: Command) -> None:
        if command is Command.YES:
            self.accept()
        elif command is Command.NO:
            self.reject()

    def show_voice_words(self, words: str) -> None:
        """ "Say: yes, no" under the question while voice control listens."""
        text = f"{self._note_text}\n{words}" if words else self._note_text
        if text != self.note.text():
            self.note.setText(text)
            if self.isVisible():
                fit_to_buttons(self, self.buttons)  # room for the new line
