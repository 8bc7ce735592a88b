"""An audit of a window, as a checklist a person with tremor and low vision would apply:
every control big, labelled, named for a screen reader, and reachable in reading order."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QHeaderView,
    QMenuBar,
    QPlainTextEdit,
    QScrollArea,
    QScrollBar,
    QWidget,
)

from neurocoach.ui.common.controls import FieldRow

MIN_CONTROL = 64
CONTROLS = (QAbstractButton, QAbstractItemView, QScrollBar, FieldRow, QMenuBar, QPlainTextEdit)


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def controls(root: QWidget) -> list[QWidget]:
    found = [root] if isinstance(root, CONTROLS) else []
    found += [w for w in root.findChildren(QWidget) if isinstance(w, CONTROLS)]
    return [w for w in found if w.isVisible()]


def audit(root: QWidget) -> list[str]:
    """Every problem found with the visible controls under `root`."""
    problems = []
    for widget in controls(root):
        what = f"{type(widget).__name__} {accessible_name(widget)!r}"
        if isinstance(widget, QHeaderView) and not widget.sectionsClickable():
            continue  # column titles that only label: nothing to press
        if isinstance(widget, QMenuBar):
            if widget.height() < MIN_CONTROL:
                problems.append(f"the menu bar is {widget.height()} px tall")
            continue
        if widget.width() < MIN_CONTROL or widget.height() < MIN_CONTROL:
            problems.append(f"{what} is {widget.width()}x{widget.height()} px")
        if isinstance(widget, QScrollBar):
            continue  # a scroll bar is named by Qt and needs no words of its own
        if not accessible_name(widget):
            problems.append(f"{type(widget).__name__} has no accessible name")
        if isinstance(widget, QAbstractButton) and not widget.text().strip():
            problems.append(f"{what} shows no text")
    return problems


def focus_chain(window: QWidget) -> list[QWidget]:
    """The visible widgets Tab visits in `window`, in order, starting from the first."""
    chain: list[QWidget] = []
    start = window.nextInFocusChain()
    widget = start
    for _ in range(500):
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy().value & 1
            and (widget.window() is window)
        ):
            chain.append(widget)
        widget = widget.nextInFocusChain()
        if widget is start:
            break
    return chain


def scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def out_of_reading_order(chain: list[QWidget], tolerance: int = 8) -> list[str]:
    """Pairs where Tab jumps back up the window, or leftwards along a row. Inside a scroll
    area, places are compared in its content; between areas, by where the areas are."""
    problems = []
    for a, b in pairwise(chain):
        area_a, area_b = scroll_area_of(a), scroll_area_of(b)
        if area_a is area_b:
            pa, pb = a.mapTo(a.window(), QPoint(0, 0)), b.mapTo(b.window(), QPoint(0, 0))
        else:
            first, second = area_a or a, area_b or b
            pa = first.mapTo(first.window(), QPoint(0, 0))
            pb = second.mapTo(second.window(), QPoint(0, 0))
        same_row = abs(pa.y() - pb.y()) <= tolerance
        if pb.y() < pa.y() - tolerance or (same_row and pb.x() < pa.x()):
            problems.append(f"Tab goes from {accessible_name(a)!r} to {accessible_name(b)!r}")
    return problems
