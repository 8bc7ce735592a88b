"""Big, forgiving controls for the settings: no spin arrows, no sliders to drag.

A number is changed with large Less and More buttons, or with the arrow keys (or - and +)
when its row has the focus. A yes/no setting is one big button that says On or Off. A choice
is a row of big buttons, one per option. Each control is one stop for the Tab key and shows a
thick ring when it has the focus.

A row keeps its label to the left of its buttons while both fit; in a narrow window or at
large text the label goes above the buttons, and a choice's buttons wrap into more rows, so
nothing reaches past the window's edge.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QPushButton,
    QWidget,
)

from neurocoach.ui.common import theme
from neurocoach.ui.common.button_rows import ButtonRows
from neurocoach.ui.common.item_layout import ItemListLayout
from neurocoach.ui.common.widgets import BigButton, text_label

_LESS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Down, Qt.Key.Key_Minus}
_MORE_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Plus, Qt.Key.Key_Equal}


class LabelBesideOrAbove(ItemListLayout):
    """A label and its controls: side by side while the controls get all the width they ask
    for and the label a fair share (a third of the row, or all it needs), else the label
    above the controls. The height for each width is exact, so a column of rows never cuts one.
    """

    def __init__(self, label: QWidget, controls: QLayout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addWidget(label)
        self.addChildLayout(controls)
        self._items.append(controls)

    # --- where they go ---------------------------------------------------------------------
    def _rects(self, width: int) -> tuple[QRect, QRect]:
        """The label's and the controls' places in a row `width` wide (margins included)."""
        label, controls = self._items
        margins = self.contentsMargins()
        inner = max(0, width - margins.left() - margins.right())
        gap = self.spacing()
        wanted = controls.sizeHint().width()
        label_needs = min(label.sizeHint().width(), max(label.minimumSize().width(), inner // 3))
        x, y = margins.left(), margins.top()
        if label_needs + gap + wanted <= inner:  # side by side, as on a wide window
            label_width = inner - gap - wanted
            height = max(_height_for(label, label_width), _height_for(controls, wanted))
            return (
                QRect(x, y, label_width, height),
                QRect(x + label_width + gap, y, wanted, height),
            )
        label_height = _height_for(label, inner)
        controls_width = max(min(wanted, inner), controls.minimumSize().width())
        return (
            QRect(x, y, inner, label_height),
            QRect(x, y + label_height + gap, controls_width, _height_for(controls, controls_width)),
        )

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        for item, place in zip(self._items, self._rects(rect.width()), strict=True):
            item.setGeometry(place.translated(rect.topLeft()))

    # --- the sizes it asks for -------------------------------------------------------------
    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        _label, controls = self._rects(width)
        return controls.bottom() + 1 + self.contentsMargins().bottom()

    def sizeHint(self) -> QSize:
        label, controls = self._items
        margins = self.contentsMargins()
        width = label.sizeHint().width() + self.spacing() + controls.sizeHint().width()
        width += margins.left() + margins.right()
        return QSize(width, self.heightForWidth(width))

    def minimumSize(self) -> QSize:
        """As narrow as the label or the controls at their narrowest; as tall as the row is
        at its present width (a minimum height for the narrowest width would keep a scroll
        area's content taller than it needs to be)."""
        label, controls = self._items
        margins = self.contentsMargins()
        width = max(label.minimumSize().width(), controls.minimumSize().width())
        width += margins.left() + margins.right()
        present = self.geometry().width() or self.sizeHint().width()
        return QSize(width, self.heightForWidth(max(width, present)))

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)


def _height_for(item: QLayoutItem, width: int) -> int:
    return item.heightForWidth(width) if item.hasHeightForWidth() else item.sizeHint().height()


class FieldRow(QFrame):
    """A labelled row: the common frame of every control here. Subclasses put their
    controls in `row`, which sits right of the label, or under it when the row is narrow."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "field")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(label)
        self.label = text_label(label, self)
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        self.outer = LabelBesideOrAbove(self.label, self.row, self)
        self.outer.setContentsMargins(12, 6, 12, 6)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The row's least height depends on its width (its label beside its buttons, or
        above them), but a layout keeps the one it measured first, often while the window
        was still narrow: told again whenever the width changes, so nothing scrolls for it."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()


class SteppedField(FieldRow):
    """A value stepped down or up with two big buttons, or the arrow keys (and - and +)."""

    def __init__(
        self,
        label: str,
        less: str,
        more: str,
        parent: QWidget | None = None,
        value_label: QLabel | None = None,
    ) -> None:
        super().__init__(label, parent)
        self.less_button = BigButton(less, self)
        self.less_button.setAccessibleName(f"{less.strip('−◀▶+ ')}: {label}")
        self.more_button = BigButton(more, self)
        self.more_button.setAccessibleName(f"{more.strip('−◀▶+ ')}: {label}")
        self.value_label = text_label("", self) if value_label is None else value_label
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


class ValueLabel(QLabel):
    """A number's words, on one line ("100 %" never breaks in two at 200 % text), in a
    column 150 px wide at 100 % text and wider with the text (Less and More stay put as
    the value changes, and line up from row to row); never narrower than the value shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        # Measured by its text, not its preferred width (it never gets less than its text).
        self.setWordWrap(True)

    def minimumSizeHint(self) -> QSize:
        width = self.fontMetrics().horizontalAdvance(self.text()) + 2 * self.margin() + 24
        return QSize(width, self.fontMetrics().height() + 2 * self.margin())

    def sizeHint(self) -> QSize:
        least = self.minimumSizeHint()
        return QSize(max(least.width(), round(150 * theme.current_scale)), least.height())


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
        super().__init__(label, "−  Less", "More  +", parent, ValueLabel())
        self.value_label.setProperty("role", "subtitle")
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
            button.clicked.connect(self._on_button_clicked)
        # In as many rows as the width needs: four choices at 200 % are wider than a screen.
        self.choice_rows = ButtonRows(list(self.buttons.values()), self)
        self.row.addWidget(self.choice_rows)
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
