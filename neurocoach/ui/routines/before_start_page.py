"""Shown once before a routine starts: what it is, how long it takes, what to have at hand,
the steps to come, its safety notes, and what happens after Start."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from neurocoach.core.routine.model import Routine
from neurocoach.core.session.timeline import SessionOptions, total_seconds
from neurocoach.core.session.wording import about_minutes, count_text
from neurocoach.ui.common import theme
from neurocoach.ui.common.widgets import big_button, scroll_area, text_label


class BeforeStartPage(QWidget):
    """Signals: start_requested(), back_requested(). Enter starts, Escape goes back."""

    start_requested = Signal()
    back_requested = Signal()

    def __init__(
        self,
        routine: Routine,
        options: SessionOptions,
        parent: QWidget | None = None,
        checkin: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("before_start_page")
        self.routine = routine
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        length = about_minutes(total_seconds(routine, options))
        title = text_label(routine.title, self, role="title")
        summary = text_label(
            f"{routine.description}\n{length} · {count_text(len(routine.steps), 'step')}", self
        )
        needs = text_label(f"You need: {routine.needs}" if routine.needs else "", self)
        needs.setObjectName("needs")
        needs.setVisible(bool(routine.needs))
        self.steps = text_label(
            "The steps: "
            + ", ".join(f"{number}. {step.title}" for number, step in enumerate(routine.steps, 1)),
            self,
        )
        self.steps.setObjectName("steps")
        safety_heading = text_label("Before you start", self, role="subtitle")
        self.safety = text_label(routine.safety, self, role="caution")
        self.safety.setObjectName("safety")
        source = text_label(f"Where this comes from: {routine.source}", self, role="muted")
        self.notice = text_label("", self, role="caution")
        self.notice.setObjectName("notice")
        self.notice.hide()
        first = (
            "Press Enter to start. You are asked first how you feel (Escape skips it); then the "
            if checkin
            else "Press Enter to start. The "
        )
        hint = text_label(f"{first}coach leads you through every step by itself.", self)

        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        shown = (self.notice, title, summary, needs, self.steps, safety_heading, self.safety)
        for widget in (*shown, hint, source):
            body_layout.addWidget(widget)
        body_layout.addStretch(1)
        scroll = scroll_area(body, self)

        self.back_button = big_button("Back", "Esc", self, icon="back")
        self.start_button = big_button("Start", "Enter", self, primary=True, icon="play")
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.start_button, 1)
        layout = QVBoxLayout(self)
        theme.page_margins(layout, top=theme.SPACE["s"])
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.start_button.clicked.connect(self.start_requested.emit)
        self.back_button.clicked.connect(self.back_requested.emit)
        self.setFocusProxy(self.start_button)

    def show_notice(self, text: str) -> None:
        """Something the user should know before starting, such as that sound is missing."""
        self.notice.setText(text)
        self.notice.show()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.start_requested.emit()
        elif event.key() == Qt.Key.Key_Escape:
            self.back_requested.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()
