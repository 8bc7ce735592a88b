"""Checks a person with numb fingers and poor eyesight relies on, for any window."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

MIN_CONTROL = 64
BUTTON_PADDING = 2 * (22 + 3)  # the stylesheet's side padding and border (focused or not)


def button_problems(root: QWidget, named: bool = True) -> list[str]:
    """Each visible button under `root` that is too small or cuts its label; with `named`,
    also each without an accessible name of its own (Qt's dialogs' buttons are read by
    their text instead)."""
    problems = []
    for button in [b for b in root.findChildren(QPushButton) if b.isVisible()]:
        label = button.text()
        if not label or (named and not button.accessibleName()):
            problems.append("a button without a label")
            continue
        if button.height() < MIN_CONTROL or button.width() < MIN_CONTROL:
            problems.append(f"{label!r} is {button.width()}x{button.height()}")
        metrics = button.fontMetrics()
        lines = label.split("\n")
        needed = max(metrics.horizontalAdvance(line) for line in lines) + BUTTON_PADDING
        if needed > button.width():
            problems.append(f"{label!r} is cut off: needs {needed}, has {button.width()}")
        tall = len(lines) * metrics.height() + 2 * (6 + 3)
        if tall > button.height():
            problems.append(f"{label!r} is cut off: needs {tall}, has {button.height()}")
    return problems


def assert_buttons_big_and_readable(root: QWidget) -> None:
    assert [b for b in root.findChildren(QPushButton) if b.isVisible()], "no buttons found"
    assert button_problems(root) == []
