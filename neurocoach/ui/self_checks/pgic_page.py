"""The weekly question on change since starting (the PGIC): seven answers, one chosen, kept
with Enter.

A number key (1 to 7) or a click chooses an answer and shows it chosen, as a rating does;
another number changes it; only Enter keeps it, so a finger that lands on the wrong key
costs nothing. Escape leaves without an answer ("Not now"): the question is optional. The
seven answers stand in one column, in the published order, inside a scroll area, so that at
200 % text on a small screen none is cut and the buttons below stay in view.
"""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from neurocoach.core.self_checks import pgic
from neurocoach.core.self_checks.measures import SelfCheckResult
from neurocoach.ui.common import theme
from neurocoach.ui.common.button_rows import ButtonRows
from neurocoach.ui.common.widgets import (
    ENTER_KEYS,
    SCROLL_KEYS,
    KeyedButton,
    announce,
    big_button,
    scroll_area,
    scroll_by_key,
    text_label,
)

NUMBER_KEYS = {getattr(Qt.Key, f"Key_{value}"): value for value in pgic.OPTIONS}
NOT_CHOSEN = "No answer chosen yet."


class PgicPage(QWidget):
    """Signals: finished(SelfCheckResult) when the person keeps an answer with Enter;
    skipped() when they leave with Escape, answering nothing."""

    finished = Signal(object)
    skipped = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pgic_page")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.value: int | None = None

        # The question is the heading: a title above it would push the answers out of
        # sight at large text.
        self.question = text_label(pgic.QUESTION, self, role="subtitle")
        self.question.setObjectName("question")
        hint = text_label(
            "Press the number of your answer, then Enter to keep it. Another number changes it.",
            self,
            role="muted",
        )
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.question)
        column.addWidget(hint)
        self.options: dict[int, KeyedButton] = {}
        for value, words in pgic.OPTIONS.items():
            button = big_button(words, str(value), body, icon="")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys only, as the other checks
            button.setCheckable(True)
            button.setObjectName(f"option_{value}")
            button.clicked.connect(lambda _checked=False, v=value: self.choose(v))
            self.options[value] = button
            column.addWidget(button)
        # Outside the scroll area, beside Keep: what Enter would keep is always in view.
        self.chosen = text_label(NOT_CHOSEN, self, role="strong")
        self.chosen.setObjectName("chosen")
        self.source = text_label(f"Source: {pgic.SOURCE}", body, role="muted")
        self.source.setObjectName("source")
        column.addWidget(self.source)
        column.addStretch(1)
        self.scroller = scroll_area(body, self)

        self.not_now_button = big_button("Not now", "Esc", self, icon="skip")
        self.keep_button = big_button("Keep", "Enter", self, primary=True, icon="check")
        for button in (self.not_now_button, self.keep_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.keep_button.setEnabled(False)
        self.buttons = ButtonRows([self.not_now_button, self.keep_button], self, stretch=[0, 1])

        layout = QVBoxLayout(self)
        theme.page_margins(layout, top=theme.SPACE["s"])
        layout.addWidget(self.scroller, 1)
        layout.addWidget(self.chosen)
        layout.addWidget(self.buttons)

        self.not_now_button.clicked.connect(self.skipped.emit)
        self.keep_button.clicked.connect(self.keep)

    def choose(self, value: int) -> None:
        """Show `value` as the chosen answer; nothing is kept until Enter."""
        self.value = value
        for number, button in self.options.items():
            button.setChecked(number == value)
            button.setProperty("primary", number == value)
            button.setAccessibleDescription("chosen" if number == value else "")
            button.style().unpolish(button)
            button.style().polish(button)
        self.keep_button.setEnabled(True)
        self.chosen.setText(f"Your answer: {value}, {pgic.words(value)}.")
        self.scroller.ensureWidgetVisible(self.options[value])
        announce(self, f"{self.chosen.text()} Press Enter to keep it.")

    @Slot()
    def keep(self) -> None:
        if self.value is not None:
            self.finished.emit(self.result())

    def result(self, when: datetime | None = None) -> SelfCheckResult:
        """The chosen answer as a result taken at `when` (now, by default)."""
        if self.value is None:
            raise RuntimeError("no answer has been chosen")
        return pgic.result(self.value, when or datetime.now(timezone.utc))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if event.isAutoRepeat():
            event.accept()  # a key held down chooses once; a held Enter keeps once
            return
        if key in NUMBER_KEYS:
            self.choose(NUMBER_KEYS[Qt.Key(key)])
        elif key in ENTER_KEYS:
            self.keep()
        elif key == Qt.Key.Key_Escape:
            self.skipped.emit()
        elif key in SCROLL_KEYS:
            scroll_by_key(self.scroller, key)  # the buttons take no focus: keys scroll
        else:
            super().keyPressEvent(event)
            return
        event.accept()
