"""The reminder inside the coach's own window, when the desktop cannot show a notification
(no notification server, no session bus): the same two choices, as big buttons.

Enter starts (the button most people want), L is "later", Escape is "not this time" (the
next planned time still comes). It does not
block: the window and its timers run on behind it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from neurocoach.ui.common import theme
from neurocoach.ui.common.button_rows import ButtonRows
from neurocoach.ui.common.screen_fit import fit_to_buttons
from neurocoach.ui.common.widgets import big_button, text_label


class ReminderPrompt(QDialog):
    """Signals: start_chosen(), later_chosen(). Escape or closing it chooses neither."""

    start_chosen = Signal()
    later_chosen = Signal()

    def __init__(self, title: str, note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminder_prompt")
        self.setWindowTitle(title)
        self.heading = text_label(title, self, role="title")
        self.note = text_label(note, self)
        self.start_button = big_button("Start now", "Enter", self, primary=True, icon="play")
        self.later_button = big_button("Remind me in 15 minutes", "L", self, icon="pause")
        self.not_now_button = big_button("Not this time", "Esc", self, icon="close")
        self.start_button.setAutoDefault(True)
        self.start_button.setDefault(True)
        self.buttons = ButtonRows([self.start_button, self.later_button, self.not_now_button], self)
        layout = QVBoxLayout(self)
        theme.page_margins(layout)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addSpacing(theme.SPACE["m"])
        layout.addWidget(self.buttons)
        self.start_button.clicked.connect(self._on_start_clicked)
        self.later_button.clicked.connect(self._on_later_clicked)
        self.not_now_button.clicked.connect(self.reject)
        self.start_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_start_clicked(self) -> None:
        self.accept()
        self.start_chosen.emit()

    def _on_later_clicked(self) -> None:
        self.reject()
        self.later_chosen.emit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            fit_to_buttons(self, self.buttons)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_L:
            self._on_later_clicked()
        else:
            super().keyPressEvent(event)
