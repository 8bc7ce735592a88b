"""The MNSI questionnaire: an intro, then one question per screen with big Yes and No, then
every answer with the score, to be checked before anything is kept.

As the foot check: Y and N answer, the buttons never take focus (an Enter or Space carried on
from the page before cannot answer), and a key held down answers once. Escape goes back a
screen (from the intro, it leaves). When answers are changed, each question shows the answer
given before, and Enter keeps it, so one slip can be put right without answering all 15 again.
"""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from neurocoach.core.self_checks import mnsi
from neurocoach.core.self_checks.measures import SelfCheckResult
from neurocoach.core.self_checks.mnsi import ITEMS
from neurocoach.ui.common import theme
from neurocoach.ui.common.button_rows import ButtonRows
from neurocoach.ui.common.widgets import (
    ENTER_KEYS,
    SCROLL_KEYS,
    announce,
    big_button,
    scroll_area,
    scroll_by_key,
    text_label,
)

TITLE = "Questionnaire about your feet and legs"
INTRO = -1  # the index of the intro screen; len(ITEMS): the summary


class MnsiPage(QWidget):
    """Signals: finished(SelfCheckResult) when the person keeps their answers (Enter on the
    summary); back_requested() when they leave from the intro, keeping nothing."""

    finished = Signal(object)
    back_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mnsi_page")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.answers: list[bool | None] = [None] * len(ITEMS)
        self.index = INTRO

        self.heading = text_label(TITLE, self, role="title")
        self.counter = text_label("", self, role="muted")
        self.counter.setObjectName("counter")
        self.intro = text_label(
            f"{len(ITEMS)} questions to answer yes or no. It takes about 3 minutes. "
            "Answer for how you usually feel. Press Y for yes or N for no; Esc goes back a "
            "question.\n\nPress Enter to begin.",
            self,
        )
        self.intro.setObjectName("intro")
        self.question = text_label("", self, role="subtitle")
        self.question.setObjectName("question")
        self.before = text_label("", self, role="muted")
        self.before.setObjectName("before")
        self.score = text_label("", self)
        self.score.setObjectName("score")
        self.given = text_label("", self)
        self.given.setObjectName("given")
        self.source = text_label(f"Source: {mnsi.SOURCE}", self, role="muted")
        self.source.setObjectName("source")
        # Shown or hidden, not stacked: a stack is as tall as its tallest page, and the short
        # questions would scroll for the length of the summary.
        self._screens = {
            "intro": (self.intro, self.source),
            "asking": (self.question, self.before),
            "summary": (self.score, self.given, self.source),
        }
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.heading,
            self.counter,
            self.intro,
            self.question,
            self.before,
            self.score,
            self.given,
            self.source,
        ):
            body_layout.addWidget(widget)
        body_layout.addStretch(1)
        self.scroller = scroll_area(body, self)

        self.leave_button = big_button("Back", "Esc", self, icon="back")
        self.begin_button = big_button("Begin", "Enter", self, primary=True, icon="next")
        self.back_button = big_button("Back", "Esc", self, icon="back")
        self.no_button = big_button("No", "N", self, icon="close")
        self.yes_button = big_button("Yes", "Y", self, icon="check")
        self.keep_answer_button = big_button("Keep my answer", "Enter", self, icon="next")
        self.change_button = big_button("Change my answers", "C", self, icon="reset")
        self.keep_button = big_button("Keep", "Enter", self, primary=True, icon="check")
        # Rows that wrap at large text rather than widen the window past a small screen.
        self.intro_buttons = ButtonRows(
            [self.leave_button, self.begin_button], self, stretch=[0, 1]
        )
        self.asking_buttons = ButtonRows(
            [self.back_button, self.no_button, self.yes_button, self.keep_answer_button],
            self,
            stretch=[0, 1, 1, 1],
        )
        self.summary_buttons = ButtonRows(
            [self.change_button, self.keep_button], self, stretch=[0, 1]
        )
        self._rows = {
            "intro": self.intro_buttons,
            "asking": self.asking_buttons,
            "summary": self.summary_buttons,
        }
        for row in self._rows.values():
            for button in row.buttons:
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys only: see the docstring

        layout = QVBoxLayout(self)
        theme.page_margins(layout, top=theme.SPACE["s"])
        layout.addWidget(self.scroller, 1)
        for row in self._rows.values():
            layout.addWidget(row)

        self.leave_button.clicked.connect(self.go_back)
        self.back_button.clicked.connect(self.go_back)
        self.begin_button.clicked.connect(self.begin)
        self.yes_button.clicked.connect(lambda: self.answer(True))
        self.no_button.clicked.connect(lambda: self.answer(False))
        self.keep_answer_button.clicked.connect(self.keep_answer)
        self.change_button.clicked.connect(self.change_answers)
        self.keep_button.clicked.connect(self.keep)
        self._show()

    # --- what the person does ------------------------------------------------------------
    @property
    def asking(self) -> bool:
        return 0 <= self.index < len(ITEMS)

    @property
    def on_summary(self) -> bool:
        return self.index >= len(ITEMS)

    @Slot()
    def begin(self) -> None:
        if self.index == INTRO:
            self._go_to(0)

    def answer(self, yes: bool) -> None:
        if self.asking:  # elsewhere, Y and N mean nothing
            self.answers[self.index] = yes
            self._go_to(self.index + 1)

    @Slot()
    def keep_answer(self) -> None:
        """Go on with the answer given before (only when changing answers)."""
        if self.asking and self.answers[self.index] is not None:
            self._go_to(self.index + 1)

    @Slot()
    def go_back(self) -> None:
        if self.index == INTRO:
            self.back_requested.emit()
        else:
            self._go_to(self.index - 1)

    @Slot()
    def change_answers(self) -> None:
        if self.on_summary:
            self._go_to(0)

    @Slot()
    def keep(self) -> None:
        if self.on_summary:
            self.finished.emit(self.result())

    def given_answers(self) -> list[bool]:
        """The 15 answers (only complete once every question has been answered)."""
        return [bool(answer) for answer in self.answers]

    def result(self, when: datetime | None = None) -> SelfCheckResult:
        """The answers as a result taken at `when` (now, by default)."""
        return mnsi.result(self.given_answers(), when or datetime.now(timezone.utc))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if event.isAutoRepeat():
            event.accept()  # a key held down answers once, not five questions
            return
        if key == Qt.Key.Key_Y:
            self.answer(True)
        elif key == Qt.Key.Key_N:
            self.answer(False)
        elif key == Qt.Key.Key_Escape:
            self.go_back()
        elif key == Qt.Key.Key_C:
            self.change_answers()
        elif key in ENTER_KEYS:
            if self.index == INTRO:
                self.begin()
            elif self.asking:
                self.keep_answer()
            else:
                self.keep()
        elif key in SCROLL_KEYS:
            scroll_by_key(self.scroller, key)  # the buttons take no focus: keys scroll
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # --- showing -------------------------------------------------------------------------
    def _go_to(self, index: int) -> None:
        self.index = index
        self._show()

    def _show(self) -> None:
        screen = "intro" if self.index == INTRO else "asking" if self.asking else "summary"
        shown = set(self._screens[screen])
        for widget in {w for group in self._screens.values() for w in group}:
            widget.setVisible(widget in shown)
        earlier = self.answers[self.index] if self.asking else None
        for name, row in self._rows.items():
            row.setVisible(name == screen)
        if self.keep_answer_button.isHidden() == (earlier is not None):
            self.keep_answer_button.setVisible(earlier is not None)
            self.asking_buttons.arrange()  # one button more or less: place them again
            self.asking_buttons.updateGeometry()
        self.scroller.verticalScrollBar().setValue(0)
        if screen == "intro":
            self.heading.setText(TITLE)
            self.counter.setText("")
            self.counter.setVisible(False)
            announce(self, f"{TITLE}. {self.intro.text()}")
            return
        self.counter.setVisible(True)
        if screen == "asking":
            item = ITEMS[self.index]
            # The question's number as the heading: the long title would take three lines at
            # large text and push the question out of sight.
            self.heading.setText(f"Question {item.number} of {len(ITEMS)}")
            self.counter.setText(TITLE)
            self.question.setText(item.text)
            self.before.setText(
                ""
                if earlier is None
                else f"Your answer before: {'Yes' if earlier else 'No'}. Press Y or N, "
                "or Enter to keep it."
            )
            self.before.setVisible(earlier is not None)
            announce(self, f"{self.heading.text()}. {item.text}")
            return
        answers = self.given_answers()
        self.heading.setText("Your answers")
        self.counter.setText("Check your answers, then press Enter to keep them.")
        self.score.setText(mnsi.score_words(mnsi.score(answers)))
        self.given.setText("\n".join(mnsi.answer_lines(answers)))
        announce(self, f"{self.heading.text()}. {self.score.text()}")
