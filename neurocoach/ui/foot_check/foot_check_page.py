"""The foot check: one question at a time with big Yes and No, then what the answers mean.

Answered with Y and N (or the buttons), one question per screen so each can be read slowly at
large text. The buttons never take focus, so Enter or Space carried on from the page before
cannot answer for the person; every answer is shown again on the last screen, to be changed
there before anything is kept. Escape goes back a question (from the first, it leaves).
"""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from neurocoach.core import foot_check
from neurocoach.core.foot_check import QUESTIONS, FootCheck
from neurocoach.core.routine.model import Routine
from neurocoach.ui.common import theme
from neurocoach.ui.common.button_rows import ButtonRows
from neurocoach.ui.common.widgets import (
    SCROLL_KEYS,
    announce,
    big_button,
    scroll_area,
    scroll_by_key,
    text_label,
)


class FootCheckPage(QWidget):
    """Signals: answered(FootCheck) when the person goes on with their answers;
    back_requested() when they leave from the first question, keeping what they had."""

    answered = Signal(object)
    back_requested = Signal()

    def __init__(self, routine: Routine | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("foot_check_page")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.routine = routine
        self.answers: dict[str, bool] = {}
        self.index = 0  # the question shown; len(QUESTIONS): the summary

        self.heading = text_label("A quick check of your feet", self, role="title")
        self.counter = text_label("", self, role="muted")
        self.counter.setObjectName("counter")
        self.intro = text_label(
            "Four questions, for foot care and warm water to be safe for you. "
            "Press Y for yes or N for no.",
            self,
        )
        self.intro.setObjectName("intro")
        self.question = text_label("", self, role="subtitle")
        self.question.setObjectName("question")
        self.hint = text_label("", self, role="muted")
        self.hint.setObjectName("hint")
        when_heading = text_label(foot_check.WHEN_TO_CALL_HEADING, self, role="subtitle")
        when = text_label(
            "\n".join(f"• {line}" for line in foot_check.WHEN_TO_CALL)
            + f"\n{foot_check.WHEN_TO_CALL_URGENT}",
            self,
        )
        self.meaning = text_label("", self, role="caution")
        self.meaning.setObjectName("meaning")
        self.given = text_label("", self)
        self.given.setObjectName("given")
        # Shown or hidden, not stacked: a stack is as tall as its tallest page, and the short
        # questions would scroll for the length of the summary.
        self._asking = (self.intro, self.question, self.hint)
        self._summing_up = (self.given, self.meaning, when_heading, when)  # answers first
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, self.counter, *self._asking, *self._summing_up):
            body_layout.addWidget(widget)
        body_layout.addStretch(1)
        self.scroller = scroll_area(body, self)

        self.back_button = big_button("Back", "Esc", self, icon="back")
        self.no_button = big_button("No", "N", self, icon="close")
        self.yes_button = big_button("Yes", "Y", self, icon="check")
        self.change_button = big_button("Change my answers", "C", self, icon="reset")
        self.go_on_button = big_button("Go on", "Enter", self, primary=True, icon="next")
        for button in (self.back_button, self.no_button, self.yes_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for button in (self.change_button, self.go_on_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys only: see the docstring
        # Rows that wrap at large text rather than widen the window past a small screen.
        self.asking_buttons = ButtonRows(
            [self.back_button, self.no_button, self.yes_button], self, stretch=[0, 1, 1]
        )
        self.summary_buttons = ButtonRows(
            [self.change_button, self.go_on_button], self, stretch=[0, 1]
        )

        layout = QVBoxLayout(self)
        theme.page_margins(layout, top=theme.SPACE["s"])
        layout.addWidget(self.scroller, 1)
        layout.addWidget(self.asking_buttons)
        layout.addWidget(self.summary_buttons)

        self.yes_button.clicked.connect(lambda: self.answer(True))
        self.no_button.clicked.connect(lambda: self.answer(False))
        self.back_button.clicked.connect(self.go_back)
        self.change_button.clicked.connect(self.start_again)
        self.go_on_button.clicked.connect(self.go_on)
        self._show()

    # --- what the person does ------------------------------------------------------------
    def answer(self, yes: bool) -> None:
        if self.index >= len(QUESTIONS):
            return  # on the summary, Y and N mean nothing: the answers are shown to check
        self.answers[QUESTIONS[self.index].key] = yes
        self.index += 1
        self._show()

    @Slot()
    def go_back(self) -> None:
        if self.index == 0:
            self.back_requested.emit()
            return
        self.index -= 1
        self._show()

    @Slot()
    def start_again(self) -> None:
        if self.index >= len(QUESTIONS):
            self.index = 0
            self._show()

    @Slot()
    def go_on(self) -> None:
        if self.index >= len(QUESTIONS):
            self.answered.emit(self.check())

    def check(self, when: datetime | None = None) -> FootCheck:
        """The answers given, as of `when` (now, by default)."""
        return foot_check.answers_from(self.answers, when or datetime.now(timezone.utc))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if event.isAutoRepeat():
            event.accept()  # a key held down answers once, not four questions
            return
        if key == Qt.Key.Key_Y:
            self.answer(True)
        elif key == Qt.Key.Key_N:
            self.answer(False)
        elif key == Qt.Key.Key_Escape:
            self.go_back()
        elif key == Qt.Key.Key_C:
            self.start_again()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.go_on()
        elif key in SCROLL_KEYS:
            scroll_by_key(self.scroller, key)  # the buttons take no focus: keys scroll
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # --- showing -------------------------------------------------------------------------
    def _show(self) -> None:
        asking = self.index < len(QUESTIONS)
        for widget in self._asking:
            widget.setVisible(asking)
        for widget in self._summing_up:
            widget.setVisible(not asking)
        self.scroller.verticalScrollBar().setValue(0)
        self.asking_buttons.setVisible(asking)
        self.summary_buttons.setVisible(not asking)
        if asking:
            question = QUESTIONS[self.index]
            self.heading.setText("A quick check of your feet")
            self.counter.setText(f"Question {self.index + 1} of {len(QUESTIONS)}")
            self.intro.setVisible(self.index == 0)  # after the loop above
            self.question.setText(question.text)
            self.hint.setText(question.hint)
            announce(self, f"{self.counter.text()}. {question.text}")
            return
        check = self.check()
        lines = foot_check.advice(check, self.routine)
        self.heading.setText("Your answers")
        self.counter.setText("Check your answers, then press Enter to go on.")
        self.meaning.setText(
            "\n\n".join(lines)
            if lines
            else "Nothing changes: go ahead. Keep looking at both feet every day."
        )
        self.meaning.setProperty("role", "caution" if lines else "")
        self.meaning.style().polish(self.meaning)
        self.given.setText(
            "Your answers:\n" + "\n".join(f"• {line}" for line in foot_check.answers_text(check))
        )
        announce(self, f"{self.heading.text()}. {self.meaning.text()}")
