"""Checks a person with numb fingers and poor eyesight relies on, for any window."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

MIN_CONTROL = 64
BUTTON_PADDING = 2 * (22 + 3)  # the stylesheet's side padding and border (focused or not)


def assert_buttons_big_and_readable(root: QWidget) -> None:
    buttons = [b for b in root.findChildren(QPushButton) if b.isVisible()]
    assert buttons, "no buttons found"
    for button in buttons:
        label = button.text()
        assert label and button.accessibleName(), "a button without a label"
        assert button.height() >= MIN_CONTROL and button.width() >= MIN_CONTROL, label
        metrics = button.fontMetrics()
        lines = label.split("\n")
        needed = max(metrics.horizontalAdvance(line) for line in lines) + BUTTON_PADDING
        assert needed <= button.width(), (
            f"{label!r} is cut off: needs {needed}, has {button.width()}"
        )
        tall = len(lines) * metrics.height() + 2 * (6 + 3)
        assert tall <= button.height(), f"{label!r} is cut off: needs {tall}, has {button.height()}"
