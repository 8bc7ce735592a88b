"""Checks that nothing in a window is cut off or drawn over something else."""

from __future__ import annotations

from itertools import combinations

from PySide6.QtWidgets import QAbstractScrollArea, QLabel, QSizeGrip, QWidget


def cut_off_labels(root: QWidget) -> list[str]:
    problems = []
    for label in [w for w in root.findChildren(QLabel) if w.isVisible() and w.text()]:
        text = label.text().replace("\n", " ")[:40]
        if label.wordWrap():
            needed = label.heightForWidth(label.width())
            if label.height() < needed - 2:
                problems.append(f"{text!r}: {label.height()} px tall, needs {needed}")
        else:
            hint = label.sizeHint()
            if label.width() < hint.width() - 2 or label.height() < hint.height() - 2:
                has, needs = f"{label.width()}x{label.height()}", f"{hint.width()}x{hint.height()}"
                problems.append(f"{text!r}: {has}, needs {needs}")
    return problems


def overlapping(root: QWidget) -> list[str]:
    """Visible sibling widgets whose rectangles cross (a widget drawn over another)."""
    problems = []
    parents = [root, *root.findChildren(QWidget)]
    for parent in parents:
        if isinstance(parent, QAbstractScrollArea):
            continue  # its viewport and scroll bars are Qt's own arrangement
        children = [
            c
            for c in parent.findChildren(QWidget, options=_direct())
            if c.isVisible() and not c.isWindow() and c.width() > 0 and c.height() > 0
        ]
        # Qt's size grip sits over the corner of a resizable dialog by design.
        children = [c for c in children if not isinstance(c, QSizeGrip)]
        for a, b in combinations(children, 2):
            overlap = a.geometry().intersected(b.geometry())
            if overlap.width() > 2 and overlap.height() > 2:
                problems.append(
                    f"{_name(a)} and {_name(b)} overlap by {overlap.width()}x{overlap.height()}"
                )
    return problems


def _direct():
    from PySide6.QtCore import Qt

    return Qt.FindChildOption.FindDirectChildrenOnly


def _name(widget: QWidget) -> str:
    text = getattr(widget, "text", "")
    text = text() if callable(text) else text
    return f"{type(widget).__name__}({widget.objectName() or text or ''})"
