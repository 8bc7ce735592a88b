"""Asks before stopping a session, with big Yes and No buttons; No is the default.

An accidental Escape therefore costs nothing: a second Escape, or Enter, keeps the session.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLayout, QVBoxLayout, QWidget

from neurocoach.ui.widgets import big_button, text_label


class ConfirmStopDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirm_stop")
        self.setWindowTitle("Stop the session?")
        self.setModal(True)
        question = text_label("Stop this session?", self, role="title")
        note = text_label("What you have done so far is saved.", self)
        self.yes_button = big_button("Yes, stop", "Y", self)
        self.no_button = big_button("No, keep going", "Enter", self, primary=True)
        self.no_button.setAutoDefault(True)
        self.no_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.yes_button)
        buttons.addWidget(self.no_button)
        layout = QVBoxLayout(self)
        # Never narrower than the buttons need: wrapped labels would otherwise squeeze them.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(question)
        layout.addWidget(note)
        layout.addLayout(buttons)
        self.no_button.clicked.connect(self.reject)
        self.yes_button.clicked.connect(self.accept)
        self.no_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Y:
            self.accept()
        elif event.key() == Qt.Key.Key_N:
            self.reject()
        else:
            super().keyPressEvent(event)
