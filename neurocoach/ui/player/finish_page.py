"""The end of a session: well done (or stopped), what was done, and that it is saved."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from neurocoach.core.routine.model import Routine
from neurocoach.core.session.engine import SessionOutcome
from neurocoach.core.session.wording import outcome_heading, outcome_summary
from neurocoach.ui.common.button_rows import ButtonRows
from neurocoach.ui.common.widgets import big_button, text_label


class FinishPage(QWidget):
    """Signals: done_requested() (Enter: back to the routines), history_requested() (H)."""

    done_requested = Signal()
    history_requested = Signal()

    def __init__(
        self,
        outcome: SessionOutcome,
        routine: Routine,
        saved: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("finish_page")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.heading = text_label(outcome_heading(outcome), self, role="title")
        self.heading.setObjectName("finish_heading")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.summary = text_label(outcome_summary(outcome, routine), self, role="subtitle")
        self.summary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        saved_text = (
            "It is saved in your history."
            if saved
            else "It could not be saved to your history (see the message shown earlier)."
        )
        note = text_label(saved_text, self)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.done_button = big_button("Back to routines", "Enter", self, primary=True)
        self.history_button = big_button("History", "H", self)
        # The main action takes the spare width; at large text on a small screen, a row each.
        buttons = ButtonRows([self.history_button, self.done_button], self, stretch=[0, 1])
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.done_button.clicked.connect(self.done_requested.emit)
        self.history_button.clicked.connect(self.history_requested.emit)
        self.setFocusProxy(self.done_button)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            self.done_requested.emit()
        elif event.key() == Qt.Key.Key_H:
            self.history_requested.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()
