"""The huge countdown: whole seconds left in digits as tall as the widget allows, over a bar.

The digits are drawn by hand, not by a QLabel, so that nearly all of the widget's height is
digit (a label's line spacing would waste a fifth of it) and so that they can be measured.
Long holds count down in whole minutes ("10 min") until the last minute, which counts in
seconds: two digits at most, so they can be as tall as the space allows.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from neurocoach.core.session.wording import count_text
from neurocoach.ui.common import theme

_DIGITS_SHARE = 0.9  # of the space above the bar
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
    """Shows the time left in the current phase; the bar under it empties as the phase goes."""

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
        bar_before = self._bar_pixels()
        self._remaining = remaining
        self._total = max(total, 1e-6)
        if (text, unit) != (self._text, self._unit):
            self._text, self._unit = text, unit
            words = count_text(int(text), "minute" if unit else "second")
            self.setAccessibleDescription(f"{words} left")
            self.update()
        elif self._bar_pixels() != bar_before:
            self.update(self._bar_rect().toAlignedRect())

    def show_word(self, word: str, description: str) -> None:
        """A word in the digits' place ("Listen" while the voice finishes), as large as fits:
        a 0 that stays for seconds looks as if the coach had hung."""
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

    def _bar_height(self) -> float:
        return max(14.0, self.height() * 0.08)

    def _bar_rect(self) -> QRectF:
        bar = self._bar_height()
        return QRectF(0, self.height() - bar, self.width(), bar)

    def _digits_rect(self) -> QRectF:
        return QRectF(0, 0, self.width(), self.height() - self._bar_height() * 1.5)

    def _bar_pixels(self) -> int:
        return int(self.width() * self._fraction())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor(theme.current.paper))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Most repaints are the bar moving: the digits are drawn only when they are dirty.
        if event.rect().intersects(self._digits_rect().toAlignedRect()):
            self._paint_digits(painter)
        self._paint_bar(painter)
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

    def _paint_bar(self, painter: QPainter) -> None:
        bar = self._bar_rect()
        radius = bar.height() / 2
        # The bar's outline is drawn in the text colour, so its edge stands out on any
        # background; the filled part stands out against the empty track.
        painter.setPen(QPen(QColor(theme.current.ink), 2))
        painter.setBrush(QColor(theme.current.track))
        painter.drawRoundedRect(bar.adjusted(1, 1, -1, -1), radius, radius)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._colour or QColor(theme.current.accent))
        filled = QRectF(bar.x(), bar.y(), self._bar_pixels(), bar.height())
        painter.drawRoundedRect(filled, radius, radius)
