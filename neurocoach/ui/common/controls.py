"""Big, forgiving controls for the settings: no spin arrows, no sliders to drag.

A number is changed with large Less and More buttons, or with the arrow keys (or - and +)
when its row has the focus. A yes/no setting is one big button that says On or Off. A choice
is a row of big buttons, one per option. Each control is one stop for the Tab key and shows a
thick ring when it has the focus.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QPushButton, QWidget

from neurocoach.ui.common.widgets import BigButton, text_label

_LESS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Down, Qt.Key.Key_Minus}
_MORE_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Plus, Qt.Key.Key_Equal}


class FieldRow(QFrame):
    """A row with a label on the left: the common frame of every control here."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "field")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(label)
        self.label = text_label(label, self)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(12, 6, 12, 6)
        self.row.addWidget(self.label, 1)


class SteppedField(FieldRow):
    """A value stepped down or up with two big buttons, or the arrow keys (and - and +)."""

    def __init__(self, label: str, less: str, more: str, parent: QWidget | None = None) -> None:
        super().__init__(label, parent)
        self.less_button = BigButton(less, self)
        self.less_button.setAccessibleName(f"{less.strip('−◀▶+ ')}: {label}")
        self.more_button = BigButton(more, self)
        self.more_button.setAccessibleName(f"{more.strip('−◀▶+ ')}: {label}")
        self.value_label = text_label("", self, wrap=True)
        self.value_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        for button in (self.less_button, self.more_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the row holds the focus
            button.setAutoDefault(False)
        self.row.addWidget(self.less_button)
        self.row.addWidget(self.value_label)
        self.row.addWidget(self.more_button)
        self.less_button.clicked.connect(self._on_less_clicked)
        self.more_button.clicked.connect(self._on_more_clicked)

    def step_by(self, steps: int) -> None:
        raise NotImplementedError

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in _LESS_KEYS:
            self.step_by(-1)
        elif key in _MORE_KEYS:
            self.step_by(1)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    @Slot()
    def _on_less_clicked(self) -> None:
        self.step_by(-1)

    @Slot()
    def _on_more_clicked(self) -> None:
        self.step_by(1)

    def _show(self, text: str, at_start: bool, at_end: bool) -> None:
        self.value_label.setText(text)
        self.setAccessibleDescription(text)
        self.less_button.setEnabled(not at_start)
        self.more_button.setEnabled(not at_end)


class NumberField(SteppedField):
    """Signals: value_changed(float)."""

    value_changed = Signal(float)

    def __init__(
        self,
        label: str,
        value: float,
        minimum: float,
        maximum: float,
        step: float,
        show: Callable[[float], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(label, "−  Less", "More  +", parent)
        self.value_label.setProperty("role", "subtitle")
        self.value_label.setMinimumWidth(150)
        self.minimum, self.maximum, self.step = minimum, maximum, step
        self._format = show
        self._value = value
        self._refresh()

    @property
    def value(self) -> float:
        return self._value

    def set_value(self, value: float) -> None:
        """Show a value (from outside); announces nothing."""
        self._value = value
        self._refresh()

    def step_by(self, steps: int) -> None:
        """Move by whole steps, staying in range, and announce the new value."""
        value = round((self._value + steps * self.step) / self.step) * self.step
        value = round(min(max(value, self.minimum), self.maximum), 6)
        if value != self._value:
            self._value = value
            self._refresh()
            self.value_changed.emit(value)

    def _refresh(self) -> None:
        self._show(
            self._format(self._value), self._value <= self.minimum, self._value >= self.maximum
        )


class ListField(SteppedField):
    """One of a long list (such as voices), stepped through with Previous and Next.

    Signals: chosen(str).
    """

    chosen = Signal(str)

    def __init__(
        self,
        label: str,
        options: list[tuple[str, str]],
        current: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(label, "◀  Previous", "Next  ▶", parent)
        self.value_label.setMinimumWidth(260)
        self.previous_button, self.next_button = self.less_button, self.more_button
        self.options = options or [("", "Standard")]
        self._index = 0
        self.set_current(current)

    @property
    def current(self) -> str:
        return self.options[self._index][0]

    def set_current(self, value: str) -> None:
        values = [v for v, _ in self.options]
        self._index = values.index(value) if value in values else 0
        self._refresh()

    def step_by(self, steps: int) -> None:
        index = min(max(self._index + steps, 0), len(self.options) - 1)
        if index != self._index:
            self._index = index
            self._refresh()
            self.chosen.emit(self.current)

    def _refresh(self) -> None:
        last = len(self.options) - 1
        self._show(self.options[self._index][1], self._index == 0, self._index == last)


class ToggleField(FieldRow):
    """Signals: toggled(bool). Space or Enter switches it."""

    toggled = Signal(bool)

    def __init__(self, label: str, on: bool, parent: QWidget | None = None) -> None:
        super().__init__(label, parent)
        self.button = BigButton(self)
        self.button.setCheckable(True)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setMinimumWidth(150)
        self.button.setAccessibleName(label)
        self.row.addWidget(self.button)
        self.button.setChecked(on)
        self._refresh()
        self.button.toggled.connect(self._on_button_toggled)

    @property
    def on(self) -> bool:
        return self.button.isChecked()

    def set_on(self, on: bool) -> None:
        self.button.blockSignals(True)
        self.button.setChecked(on)
        self.button.blockSignals(False)
        self._refresh()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.button.toggle()
            event.accept()
            return
        super().keyPressEvent(event)

    @Slot(bool)
    def _on_button_toggled(self, on: bool) -> None:
        self._refresh()
        self.toggled.emit(on)

    def _refresh(self) -> None:
        self.button.setText("On" if self.on else "Off")
        self.button.setProperty("primary", self.on)
        self.button.style().unpolish(self.button)
        self.button.style().polish(self.button)
        self.setAccessibleDescription("on" if self.on else "off")


class ChoiceField(FieldRow):
    """Signals: chosen(str). Left and Right move the choice."""

    chosen = Signal(str)

    def __init__(
        self, label: str, choices: dict[str, str], current: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(label, parent)
        self.choices = list(choices)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QPushButton] = {}
        for value, words in choices.items():
            button = BigButton(words, self)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName(words)
            self.group.addButton(button)
            self.buttons[value] = button
            self.row.addWidget(button)
            button.clicked.connect(self._on_button_clicked)
        self.set_current(current)

    @property
    def current(self) -> str:
        return next((v for v, b in self.buttons.items() if b.isChecked()), self.choices[0])

    def set_current(self, value: str) -> None:
        for name, button in self.buttons.items():
            button.setChecked(name == value)
            button.setProperty("primary", name == value)
            button.style().unpolish(button)
            button.style().polish(button)
        self.setAccessibleDescription(self.buttons[value].text() if value in self.buttons else "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            index = self.choices.index(self.current) + (1 if key == Qt.Key.Key_Right else -1)
            self._choose(self.choices[min(max(index, 0), len(self.choices) - 1)])
            event.accept()
            return
        super().keyPressEvent(event)

    @Slot()
    def _on_button_clicked(self) -> None:
        self._choose(self.current)

    def _choose(self, value: str) -> None:
        self.set_current(value)
        self.chosen.emit(value)
