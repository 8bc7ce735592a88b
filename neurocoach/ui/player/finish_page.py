"""The end of a session, as a moment: a small reward, well done (or a kind word after a stop),
what was done, the streak and the week so far, how the person feels, and that it is saved.

Every word comes from the core's FinishSummary; this page only lays them out. The reward is
painted, not an image, so it takes the theme's colours (read at paint time, so a change of
theme reaches it at once) and stays sharp at any text size.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from neurocoach.core.history.finish_summary import FinishSummary, Reward
from neurocoach.ui.common import theme
from neurocoach.ui.common.button_rows import ButtonRows
from neurocoach.ui.common.widgets import big_button, scroll_area, text_label

_LEAF_GREEN = "#66bb6a"  # a leaf is green in every theme; its outline takes the accent
_PAGE_KEYS = (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
_SCROLL_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, *_PAGE_KEYS)
_NAMES = {Reward.SUN: "A small sun: well done", Reward.LEAF: "A small leaf: well done"}


def _mix(colour: str, into: str, amount: float) -> QColor:
    """`colour` blended `amount` (0-1) of the way towards `into`: a soft tint of it."""
    a, b = QColor(colour), QColor(into)
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * amount,
        a.greenF() + (b.greenF() - a.greenF()) * amount,
        a.blueF() + (b.blueF() - a.blueF()) * amount,
    )


class RewardEmblem(QWidget):
    """A calm reward: a sun (a routine done) or a leaf (part of one) in a soft ring.

    It asks for little room (pages that scroll at large text measure by what is asked) and
    grows into the room the page has spare, up to a size seen at a glance."""

    def __init__(self, reward: Reward, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reward = reward
        self.setObjectName("finish_reward")
        self.setAccessibleName(_NAMES[reward])
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.setMaximumHeight(240)

    def sizeHint(self) -> QSize:
        return QSize(88, 88)

    def minimumSizeHint(self) -> QSize:
        return QSize(72, 72)

    def paintEvent(self, event: QPaintEvent) -> None:
        colours = theme.current
        side = min(self.width(), self.height()) - 4.0
        if side <= 8:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(self.width() / 2, self.height() / 2)
        radius = side / 2
        ring = max(3.0, side / 20)
        painter.setPen(QPen(QColor(colours.accent), ring))
        painter.setBrush(_mix(colours.accent, colours.paper, 0.85))
        inner = radius - ring / 2
        painter.drawEllipse(QPointF(0, 0), inner, inner)
        if self.reward is Reward.SUN:
            self._paint_sun(painter, radius, QColor(colours.focus))
        else:
            self._paint_leaf(painter, radius, QColor(colours.accent))
        painter.end()

    @staticmethod
    def _paint_sun(painter: QPainter, radius: float, colour: QColor) -> None:
        pen = QPen(colour, max(3.0, radius / 9))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        for ray in range(12):
            angle = ray * math.pi / 6
            direction = QPointF(math.cos(angle), math.sin(angle))
            painter.drawLine(direction * radius * 0.48, direction * radius * 0.66)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(QPointF(0, 0), radius * 0.34, radius * 0.34)

    @staticmethod
    def _paint_leaf(painter: QPainter, radius: float, edge: QColor) -> None:
        painter.rotate(40)
        length, width = radius * 0.66, radius * 0.4
        leaf = QPainterPath(QPointF(0, -length))
        leaf.cubicTo(width * 1.3, -length * 0.45, width * 1.1, length * 0.55, 0, length * 0.8)
        leaf.cubicTo(-width * 1.1, length * 0.55, -width * 1.3, -length * 0.45, 0, -length)
        outline = QPen(edge, max(2.0, radius / 18))
        outline.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(outline)
        painter.setBrush(QColor(_LEAF_GREEN))
        painter.drawPath(leaf)
        vein = QPen(edge, max(2.0, radius / 22))
        vein.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(vein)
        painter.drawLine(QPointF(0, -length * 0.7), QPointF(0, length * 1.05))  # and the stalk
        painter.setBrush(Qt.BrushStyle.NoBrush)


class FinishPage(QWidget):
    """Signals: done_requested() (Enter or Escape: back to the routines),
    history_requested() (H)."""

    done_requested = Signal()
    history_requested = Signal()

    def __init__(self, summary: FinishSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("finish_page")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.summary_words = summary
        body = QWidget(self)
        self.emblem: RewardEmblem | None = None
        column = QVBoxLayout(body)
        column.setSpacing(12)
        column.addStretch(1)
        if summary.reward is not None:
            self.emblem = RewardEmblem(summary.reward, body)
            column.addWidget(self.emblem, 2)
        self.heading = self._line(summary.heading, body, column, "title")
        self.heading.setObjectName("finish_heading")
        self.encouragement = (
            self._line(summary.encouragement, body, column)
            if summary.encouragement is not None
            else None
        )
        self.summary = self._line(summary.done, body, column, "strong")
        self.progress = (
            self._line(summary.progress, body, column) if summary.progress is not None else None
        )
        if self.progress is not None:
            self.progress.setObjectName("finish_progress")
        self.feelings: QLabel | None = None
        if summary.feelings:
            column.addSpacing(8)
            self._line("How you feel now", body, column, "strong")
            self.feelings = self._line("\n".join(summary.feelings), body, column)
            self.feelings.setObjectName("finish_feelings")
        column.addSpacing(8)
        self.note = self._line(summary.saved, body, column, "muted")
        column.addStretch(1)
        self.done_button = big_button("Back to routines", "Enter", self, primary=True, icon="home")
        self.history_button = big_button("History", "H", self, icon="history")
        # The main action takes the spare width; at large text on a small screen, a row each.
        buttons = ButtonRows([self.history_button, self.done_button], self, stretch=[0, 1])
        layout = QVBoxLayout(self)
        # Nothing is ever cut off: when it cannot all fit (200 % on a small screen), the
        # reward shrinks first, then the words scroll above buttons that stay in view.
        self.body_scroll = scroll_area(body, self)
        layout.addWidget(self.body_scroll, 1)
        layout.addWidget(buttons)
        self.done_button.clicked.connect(self.done_requested.emit)
        self.history_button.clicked.connect(self.history_requested.emit)
        self.setFocusProxy(self.done_button)

    @staticmethod
    def _line(text: str, parent: QWidget, column: QVBoxLayout, role: str = "") -> QLabel:
        label = text_label(text, parent, role=role)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(label)
        return label

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            self.done_requested.emit()
        elif event.key() == Qt.Key.Key_H:
            self.history_requested.emit()
        elif event.key() in _SCROLL_KEYS:  # when it scrolls: no mouse wheel needed
            bar = self.body_scroll.verticalScrollBar()
            step = bar.pageStep() if event.key() in _PAGE_KEYS else bar.singleStep() * 3
            up = event.key() in (Qt.Key.Key_Up, Qt.Key.Key_PageUp)
            bar.setValue(bar.value() - step if up else bar.value() + step)
        else:
            super().keyPressEvent(event)
            return
        event.accept()
