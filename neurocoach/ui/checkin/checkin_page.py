"""A short check-in before and after a session: pain, tingling and numbness on a 0-10 scale.

Optional and quick: Escape skips it, Enter saves what was given (a row may be left empty).
Each scale is eleven big buttons. A digit key rates the row in focus (0 to 9; Right from 9
gives 10); Up and Down (or Tab) move between rows; Left and Right adjust a row already rated.
No key gives a rating to a row nobody rated: the Right presses that ended the routine may
carry on into this page, and must not put words in the person's mouth. In a narrow window
or at large text a row's label goes above its scale, and the scale wraps into two rows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QVBoxLayout, QWidget

from neurocoach.core.history.progress import AREAS, SYMPTOM_NAMES, SYMPTOMS
from neurocoach.ui.common import theme
from neurocoach.ui.common.button_rows import ButtonRows
from neurocoach.ui.common.controls import FieldRow
from neurocoach.ui.common.widgets import BigButton, big_button, scroll_area, text_label

_DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(10)}


class RatingRow(FieldRow):
    """One symptom's 0-10 scale. Signals: rated(int)."""

    rated = Signal(int)

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(label, parent)
        self.label.setMinimumWidth(200)
        self.value: int | None = None
        self.group = QButtonGroup(self)
        self.buttons: list[BigButton] = []
        for number in range(11):
            button = BigButton(str(number), self)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName(f"{label}: {number}")
            self.group.addButton(button, number)
            self.buttons.append(button)
        self.scale = ButtonRows(self.buttons, self)
        self.row.addWidget(self.scale)
        self.group.idClicked.connect(self._on_group_clicked)
        self.setAccessibleDescription("not rated")

    def set_value(self, value: int) -> None:
        self.value = max(0, min(10, value))
        self.buttons[self.value].setChecked(True)
        for number, button in enumerate(self.buttons):
            button.setProperty("primary", number == self.value)
            button.style().unpolish(button)
            button.style().polish(button)
        self.setAccessibleDescription(f"{self.value} out of 10")
        self.rated.emit(self.value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in _DIGITS:
            self.set_value(_DIGITS[key])
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            if self.value is not None:
                self.set_value(self.value + (1 if key == Qt.Key.Key_Right else -1))
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.focusNextPrevChild(key == Qt.Key.Key_Down)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    @Slot(int)
    def _on_group_clicked(self, number: int) -> None:
        self.set_value(number)


class CheckInPage(QWidget):
    """Signals: saved(dict) with {(symptom, area): value}, skipped()."""

    saved = Signal(object)
    skipped = Signal()

    def __init__(self, moment: str, by_area: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkin_page")
        self.moment = moment
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        words = "How do you feel now?" if moment == "before" else "How do you feel now, after?"
        heading = text_label(words, self, role="title")
        hint = text_label(
            "0 means none, 10 the worst you can imagine. Leave out any you do not want to rate.",
            self,
            role="muted",
        )
        self.rows: dict[tuple[str, str], RatingRow] = {}
        body = QWidget(self)
        column = QVBoxLayout(body)
        for symptom in SYMPTOMS:
            for area in AREAS if by_area else ("all",):
                label = SYMPTOM_NAMES[symptom] + ("" if area == "all" else f", {area}")
                row = RatingRow(label, body)
                self.rows[(symptom, area)] = row
                column.addWidget(row)
        column.addStretch(1)
        scroll = scroll_area(body, self)
        self.skip_button = big_button("Skip", "Esc", self, icon="skip")
        self.save_button = big_button("Save", "Enter", self, primary=True, icon="check")
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.save_button, 1)
        layout = QVBoxLayout(self)
        theme.page_margins(layout, top=theme.SPACE["s"])
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self.skip_button.clicked.connect(self.skipped.emit)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.setFocusProxy(next(iter(self.rows.values())))

    def values(self) -> dict[tuple[str, str], int]:
        return {key: row.value for key, row in self.rows.items() if row.value is not None}

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._on_save_clicked()
        elif event.key() == Qt.Key.Key_Escape:
            self.skipped.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    @Slot()
    def _on_save_clicked(self) -> None:
        self.saved.emit(self.values())
