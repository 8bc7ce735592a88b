"""The Self-checks menu: the four checks, each with what it is, when it was last done, and
whether it is due, begun with its number key (or its Start button).

A check that may not be done today (a leg check with a foot at high risk, or on a day the
person feels unsteady) stays on the menu, greyed, with its reason under it: a check that
silently vanished would leave the person wondering where it went. Its number key does
nothing. The menu only shows what the core's `offers` says; it works nothing out itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from neurocoach.core.self_checks.offers import DUE_WORDS, Offer
from neurocoach.ui.common import theme
from neurocoach.ui.common.button_rows import ButtonRows
from neurocoach.ui.common.widgets import (
    SCROLL_KEYS,
    KeyedButton,
    big_button,
    scroll_area,
    scroll_by_key,
    text_label,
)

NUMBER_KEYS = {getattr(Qt.Key, f"Key_{number}"): number for number in range(1, 10)}


class SelfChecksPage(QWidget):
    """Signals: check_chosen(str) with the chosen offer's key; back_requested() on Escape."""

    check_chosen = Signal(str)
    back_requested = Signal()

    def __init__(self, offers: Sequence[Offer], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("self_checks_page")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.offers = list(offers)

        body = QWidget(self)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(text_label("Self-checks", body, role="title"))
        column.addWidget(
            text_label(
                "Short checks to follow how your hands, legs and feet change over time. "
                "Press a check's number to begin.",
                body,
                role="muted",
            )
        )
        self.buttons: list[KeyedButton] = []
        self.notes: list[QLabel] = []
        for number, offer in enumerate(self.offers, 1):
            # The title is a label, which wraps, and the button says "Start": a button's words
            # never wrap, and "Questionnaire about your feet and legs (MNSI)" is wider than a
            # small screen at 200 % text.
            title = text_label(offer.title, body, role="subtitle")
            title.setObjectName(f"title_{offer.key}")
            lines = [offer.about, offer.last]
            if offer.due and offer.not_offered is None:
                lines.insert(0, f"{DUE_WORDS}.")
            note = text_label("\n".join(lines), body)
            note.setObjectName(f"note_{offer.key}")
            column.addWidget(title)
            column.addWidget(note)
            button = big_button("Start", str(number), body, icon="next")
            button.setObjectName(f"offer_{offer.key}")
            button.setAccessibleName(f"Start {offer.title}, key {number}")
            button.setAccessibleDescription(" ".join([*lines, offer.not_offered or ""]).strip())
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys only: no Enter carried on
            button.setEnabled(offer.not_offered is None)
            button.clicked.connect(lambda _checked=False, key=offer.key: self.choose(key))
            column.addWidget(ButtonRows([button], body))
            if offer.not_offered is not None:  # under the greyed button: why it is grey
                reason = text_label(offer.not_offered, body, role="caution")
                reason.setObjectName(f"reason_{offer.key}")
                column.addWidget(reason)
            column.addSpacing(theme.SECTION_GAP)
            self.buttons.append(button)
            self.notes.append(note)
        column.addStretch(1)
        self.scroller = scroll_area(body, self)

        self.back_button = big_button("Back", "Esc", self, icon="back")
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.bottom = ButtonRows([self.back_button], self)

        layout = QVBoxLayout(self)
        theme.page_margins(layout, top=theme.SPACE["s"])
        layout.addWidget(self.scroller, 1)
        layout.addWidget(self.bottom)
        self.back_button.clicked.connect(self.back_requested.emit)

    @Slot(str)
    def choose(self, key: str) -> None:
        """Begin the check `key`, if it is offered today."""
        for offer in self.offers:
            if offer.key == key and offer.not_offered is None:
                self.check_chosen.emit(key)
                return

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if event.isAutoRepeat():
            event.accept()  # a key held down chooses once
            return
        if key in NUMBER_KEYS:
            number = NUMBER_KEYS[Qt.Key(key)]
            if number <= len(self.offers):
                self.choose(self.offers[number - 1].key)
        elif key == Qt.Key.Key_Escape:
            self.back_requested.emit()
        elif key in SCROLL_KEYS:
            scroll_by_key(self.scroller, key)  # the buttons take no focus: keys scroll
        else:
            super().keyPressEvent(event)
            return
        event.accept()
