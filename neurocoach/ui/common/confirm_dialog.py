"""Asks before anything that cannot be undone, with big Yes and No buttons; No is the default.

An accidental Escape or Enter therefore costs nothing: both answer No.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLayout, QVBoxLayout, QWidget

from neurocoach.ui.common.widgets import big_button, text_label


class ConfirmDialog(QDialog):
    def __init__(
        self,
        question: str,
        note: str,
        yes_text: str,
        no_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("confirm")
        self.setWindowTitle(question)
        self.setModal(True)
        self.question = text_label(question, self, role="title")
        self.note = text_label(note, self)
        self.yes_button = big_button(yes_text, "Y", self)
        self.no_button = big_button(no_text, "Enter", self, primary=True)
        self.no_button.setAutoDefault(True)
        self.no_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.yes_button)
        buttons.addWidget(self.no_button)
        layout = QVBoxLayout(self)
        # Never narrower than the buttons need: wrapped labels would otherwise squeeze them.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(self.question)
        layout.addWidget(self.note)
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


class ConfirmStopDialog(ConfirmDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            "Stop this session?",
            "What you have done so far is saved.",
            "Yes, stop",
            "No, keep going",
            parent,
        )
        self.setObjectName("confirm_stop")
