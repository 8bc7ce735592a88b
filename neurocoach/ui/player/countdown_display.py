"""The huge countdown: whole seconds left in digits as tall as the widget allows, in a ring.

The ring runs round the digits in the phase's colour (get ready, go, rest, switch sides) and
empties clockwise from the top as the phase goes, as a kitchen timer does: how much is left
shows at a glance, from across the room, without reading a number. It is a rounded
rectangle rather than a circle, so that the digits inside keep nearly the widget's height.
The digits are drawn by hand, not by a QLabel, so that nearly all of the widget's height is
digit (a label's line spacing would waste a fifth of it) and so that they can be measured.
Long holds count down in whole minutes ("10 min") until the last minute, which counts in
seconds: two digits at most, so they can be as tall as the space allows.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from neurocoach.core.session.wording import count_text
from neurocoach.ui.common import theme

_DIGITS_SHARE = 0.9  # of the space inside the ring
_RING_SAMPLES = 240  # points along the filled part of the ring: smooth at any size
_WIDTH_SHARE = 0.95
_UNIT_SCALE = 4  # "min" is drawn at a quarter of the digits' size


def format_seconds(seconds: float) -> tuple[str, str]:
    """The big number and its unit: whole seconds left (rounded up, so 0 shows only at the
    very end), or from a minute up whole minutes with "min", so the digits stay few and huge."""
    whole = max(0, math.ceil(seconds - 1e-9))
    if whole >= 60:
        return str(math.ceil(whole / 60)), "min"
    return str(whole), ""


class CountdownDisplay(QWidget):
    """Shows the time left in the current phase; the ring round it empties as the phase goes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countdown")
        self.setAccessibleName("Time left")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)  # paints its own ground
        self._remaining = 0.0
        self._total = 1.0
        self._colour: QColor | None = None  # None: the theme's accent
        self._text = "0"
        self._unit = ""
        self._font_cache: tuple[tuple[int, int, str], QFont] | None = None
        self._dimmed = False
        self._resting = False
        self._phase = "hold"

    def sizeHint(self) -> QSize:
        return QSize(600, 260)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, 120)

    @property
    def text(self) -> str:
        return self._text

    @property
    def unit(self) -> str:
        return self._unit

    def set_time(self, remaining: float, total: float) -> None:
        text, unit = format_seconds(remaining)
        ring_before = self._ring_steps()
        self._remaining = remaining
        self._total = max(total, 1e-6)
        if (text, unit) != (self._text, self._unit):
            self._text, self._unit = text, unit
            words = count_text(int(text), "minute" if unit else "second")
            self.setAccessibleDescription(f"{words} left")
            self.update()
        elif self._ring_steps() != ring_before:
            self.update(self._ring_moved(ring_before))

    def show_word(self, word: str, description: str, whole_ring: bool = False) -> None:
        """A word in the digits' place ("Listen" while the voice finishes), as large as fits:
        a 0 that stays for seconds looks as if the coach had hung. `whole_ring` for a question
        that waits for an answer: no time is running out."""
        if whole_ring and self._remaining < self._total:
            self._remaining = self._total
            self.update()
        if (word, "") != (self._text, self._unit):
            self._text, self._unit = word, ""
            self.setAccessibleDescription(description)
            self.update()

    def set_dimmed(self, dimmed: bool) -> None:
        """Paused: the digits in the quiet colour, so a glance from across the room tells."""
        if dimmed != self._dimmed:
            self._dimmed = dimmed
            self.update()

    def set_resting(self, resting: bool) -> None:
        """A rest's digits in the rest colour, so a rest never looks like the exercise."""
        if resting != self._resting:
            self._resting = resting
            self.update()

    def set_colour(self, colour: QColor) -> None:
        self._colour = QColor(colour)
        self.update()

    def set_phase(self, phase: str) -> None:
        """The ring takes the phase's colour: "ready", "hold", "rest", "switch" or "paused"."""
        if phase != self._phase:
            self._phase = phase
            self.update()

    @property
    def phase(self) -> str:
        return self._phase

    def ring_colour(self) -> QColor:
        if self._colour is not None:
            return self._colour
        return QColor(theme.phase_look("paused" if self._dimmed else self._phase).ring)

    def digit_height(self) -> float:
        """The drawn height of the digits in pixels: what a person sees (used by tests)."""
        return QFontMetricsF(self.digits_font()).tightBoundingRect(self._text).height()

    def digits_font(self) -> QFont:
        """As large as fits: 90% of the height above the bar, and the width of the widget."""
        key = (self.width(), self.height(), self._text + self._unit)
        if self._font_cache is not None and self._font_cache[0] == key:
            return self._font_cache[1]
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(100)
        metrics = QFontMetricsF(font)
        glyph = metrics.tightBoundingRect("0123456789").height() / 100
        advance = metrics.horizontalAdvance(self._text) / 100
        if self._unit:  # room for the unit beside the number, at a quarter of its size
            advance += metrics.horizontalAdvance(" " + self._unit) / (100 * _UNIT_SCALE)
        room = self._digits_rect()
        size = min(room.height() * _DIGITS_SHARE / glyph, room.width() * _WIDTH_SHARE / advance)
        font.setPixelSize(max(8, int(size)))
        self._font_cache = (key, font)
        return font

    def _fraction(self) -> float:
        return min(1.0, max(0.0, self._remaining / self._total))

    def ring_width(self) -> float:
        return max(10.0, min(self.height(), self.width()) * 0.05)

    def _ring_rect(self) -> QRectF:
        half = self.ring_width() / 2 + 1
        return QRectF(self.rect()).adjusted(half, half, -half, -half)

    def _digits_rect(self) -> QRectF:
        """Inside the ring, with a little air: the digits never touch it."""
        across, down = self.ring_width() * 1.3, self.ring_width() * 1.2
        return QRectF(self.rect()).adjusted(across, down, -across, -down)

    def _ring_moved(self, steps_before: int) -> QRect:
        """Where the ring changed: the piece between the hand's old and new places, and the
        dot on it (a few hundred pixels, not the whole ring, and not the digits)."""
        old = 1 - steps_before / _RING_SAMPLES
        new = 1 - self._ring_steps() / _RING_SAMPLES
        piece = self._ring_path(min(old, new), max(old, new)).boundingRect()
        pad = self.ring_width() * 0.55
        return piece.adjusted(-pad, -pad, pad, pad).toAlignedRect()

    def _ring_steps(self) -> int:
        return int(_RING_SAMPLES * self._fraction())

    def _ring_pieces(self) -> list[tuple[float, bool, tuple[float, float, float, float]]]:
        """The ring's outline clockwise from the top middle, as the hand of a clock goes:
        straight pieces (x1, y1, x2, y2) and quarter circles (cx, cy, r, start angle), each
        with its length, so that any part of it can be drawn exactly and cheaply."""
        box = self._ring_rect()
        r = min(box.height(), box.width()) * 0.22
        left, top, right, bottom = box.left(), box.top(), box.right(), box.bottom()
        quarter = math.pi * r / 2
        middle = box.center().x()
        return [  # (length, is a quarter circle, its numbers)
            (right - r - middle, False, (middle, top, right - r, top)),
            (quarter, True, (right - r, top + r, r, 90.0)),
            (bottom - top - 2 * r, False, (right, top + r, right, bottom - r)),
            (quarter, True, (right - r, bottom - r, r, 0.0)),
            (right - left - 2 * r, False, (right - r, bottom, left + r, bottom)),
            (quarter, True, (left + r, bottom - r, r, -90.0)),
            (bottom - top - 2 * r, False, (left, bottom - r, left, top + r)),
            (quarter, True, (left + r, top + r, r, 180.0)),
            (middle - left - r, False, (left + r, top, middle, top)),
        ]

    def _ring_path(self, start: float = 0.0, end: float = 1.0) -> QPainterPath:
        """The part of the ring from `start` to `end` (shares of the way round)."""
        pieces = self._ring_pieces()
        total = sum(length for length, _, _ in pieces)
        low, high = start * total, end * total
        path = QPainterPath()
        begun = False
        done = 0.0
        for length, arc, piece in pieces:
            a, b = max(low, done), min(high, done + length)
            if b > a and length > 0:
                t0, t1 = (a - done) / length, (b - done) / length
                if arc:
                    cx, cy, radius, angle = piece
                    box = QRectF(cx - radius, cy - radius, 2 * radius, 2 * radius)
                    first = angle - 90 * t0
                    if not begun:
                        path.arcMoveTo(box, first)
                    path.arcTo(box, first, -90 * (t1 - t0))
                else:
                    x1, y1, x2, y2 = piece
                    p0 = QPointF(x1 + (x2 - x1) * t0, y1 + (y2 - y1) * t0)
                    if not begun:
                        path.moveTo(p0)
                    path.lineTo(QPointF(x1 + (x2 - x1) * t1, y1 + (y2 - y1) * t1))
                begun = True
            done += length
        return path

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor(theme.current.paper))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Most repaints are the ring moving: the digits are drawn only when they are dirty.
        if event.region().intersects(self._digits_rect().toAlignedRect()):
            self._paint_digits(painter)
        self._paint_ring(painter)
        painter.end()

    def _paint_digits(self, painter: QPainter) -> None:
        font = self.digits_font()
        painter.setFont(font)
        ink = theme.current.rest_ink if self._resting else theme.current.ink
        painter.setPen(QColor(theme.current.muted if self._dimmed else ink))
        room = self._digits_rect()
        tight = QFontMetricsF(font).tightBoundingRect(self._text)
        # Centre the ink of the digits, not the line box, so they sit in the middle.
        unit_font = QFont(font)
        unit_font.setPixelSize(max(8, font.pixelSize() // _UNIT_SCALE))
        unit_width = (
            QFontMetricsF(unit_font).horizontalAdvance(" " + self._unit) if self._unit else 0
        )
        x = room.center().x() - tight.center().x() - unit_width / 2
        y = room.center().y() - tight.center().y()
        painter.drawText(round(x), round(y), self._text)
        if self._unit:
            painter.setFont(unit_font)
            painter.drawText(round(x + tight.right() + 4), round(y), " " + self._unit)

    def _paint_ring(self, painter: QPainter) -> None:
        """The empty track all round, then what is left of the phase over it, in its colour."""
        width = self.ring_width()
        pen = QPen(QColor(theme.current.track), width)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(pen)
        painter.drawPath(self._ring_path())
        steps = self._ring_steps()
        if steps == 0:
            return
        # What is left runs from where the hand has got to, on round to the top.
        left = self._ring_path(1 - steps / _RING_SAMPLES, 1.0)
        pen = QPen(self.ring_colour(), width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.drawPath(left)
        if steps < _RING_SAMPLES:  # a dot marks the hand, so the ring's end is clear
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(theme.current.ink))
            painter.drawEllipse(left.pointAtPercent(0), width * 0.28, width * 0.28)
