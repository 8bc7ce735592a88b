"""Shows a step's illustration, large and sharp at any size, mirrored for the left side.

A moving exercise has several frames, shown in turn as the phase goes on (the player tells
the view how far into the phase it is; the view never keeps time itself). A missing or
broken picture never stops a routine: the view shows the step's title on a plain card
instead and logs a warning.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

from neurocoach.core.routine import illustrations
from neurocoach.core.routine.model import Side, Step
from neurocoach.ui.common import theme

log = logging.getLogger(__name__)
CARD_RADIUS_SHARE = 28 / 400  # the bundled pictures' card: rx 28 in a 400 box


class IllustrationView(QWidget):
    def __init__(self, bundled: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("illustration")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # It paints every pixel itself (background, then an opaque picture): nothing beneath
        # needs repainting when a frame changes.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self._bundled = bundled
        self._renderers: dict[Path, QSvgRenderer | None] = {}
        self._frames: list[QSvgRenderer] = []
        # Each frame drawn once at the current size and side, then reused: an SVG render of
        # a large picture costs far more than copying a pixmap, and frames repeat every second.
        self._pixmaps: dict[tuple[int, int, bool, str], QPixmap] = {}
        self._frame_seconds = illustrations.DEFAULT_FRAME_SECONDS
        self.frame = 0
        self.mirrored = False
        self.placeholder_text = ""

    def sizeHint(self) -> QSize:
        return QSize(480, 480)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, 120)  # in a cramped window it sits beside the countdown, as tall

    @property
    def frame_count(self) -> int:
        return len(self._frames)

    @property
    def showing_placeholder(self) -> bool:
        return not self._frames

    def show_step(self, step: Step, side: Side | None, routine_folder: Path | None) -> None:
        """Load the step's picture (cached), mirrored for the left side, from its first frame."""
        self._frames = []
        self._pixmaps.clear()
        self.frame = 0
        self.mirrored = side is Side.LEFT
        self.placeholder_text = step.title
        self.setAccessibleName(f"Picture: {step.title}")
        if step.illustration:
            first = illustrations.resolve(step.illustration, routine_folder, self._bundled)
            if first is None:
                log.warning("illustration %r for %r was not found", step.illustration, step.title)
            else:
                renderers = [self._renderer(p) for p in illustrations.frame_files(first)]
                self._frames = [r for r in renderers if r is not None]
                self._frame_seconds = illustrations.frame_seconds(first)
        self.update()

    def show_elapsed(self, seconds: float) -> None:
        """Show the frame for this many seconds into the phase (repaints only on a change)."""
        frame = illustrations.frame_at(seconds, len(self._frames), self._frame_seconds)
        if frame != self.frame:
            self.frame = frame
            self.update()

    def _renderer(self, path: Path) -> QSvgRenderer | None:
        if path not in self._renderers:
            renderer = QSvgRenderer(str(path), self)
            if not renderer.isValid():
                log.warning("illustration %s could not be read as SVG", path)
                renderer.deleteLater()
                self._renderers[path] = None
            else:
                self._renderers[path] = renderer
        return self._renderers[path]

    def picture_rect(self) -> QRectF:
        """The square the picture is drawn in: as large as the widget allows, centred."""
        side = min(self.width(), self.height()) - 4
        return QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor(theme.current.paper))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        target = self.picture_rect()
        # The card is always light, so the drawing stays clear in a dark theme too.
        radius = target.width() * CARD_RADIUS_SHARE
        card = QPainterPath()
        card.addRoundedRect(target, radius, radius)
        if not self._frames:
            painter.setPen(QPen(QColor(theme.BANNER_INK), 3))
            painter.setBrush(QColor(theme.CARD))
            painter.drawPath(card)
            self._paint_placeholder(painter, target)
            painter.end()
            return
        painter.drawPixmap(target.topLeft(), self._frame_pixmap(target))
        painter.end()

    def _frame_pixmap(self, target: QRectF) -> QPixmap:
        index = self.frame % len(self._frames)
        side = round(target.width())
        key = (index, side, self.mirrored, theme.current.paper)
        if key not in self._pixmaps:
            ratio = self.devicePixelRatioF()
            pixmap = QPixmap(round(side * ratio), round(side * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(QColor(theme.current.paper))  # opaque: a plain copy to the screen
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            box = QRectF(0, 0, side, side)
            card = QPainterPath()
            card.addRoundedRect(box, side * CARD_RADIUS_SHARE, side * CARD_RADIUS_SHARE)
            painter.setClipPath(card)  # the picture's own rounded card; nothing past it
            if self.mirrored:
                painter.translate(side, 0)
                painter.scale(-1, 1)
            self._frames[index].render(painter, box)
            painter.end()
            if len(self._pixmaps) > 16:
                self._pixmaps.clear()  # a resize: the old sizes are of no more use
            self._pixmaps[key] = pixmap
        return self._pixmaps[key]

    def _paint_placeholder(self, painter: QPainter, target: QRectF) -> None:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(theme.BANNER_INK))
        painter.drawText(
            target.adjusted(24, 24, -24, -24),
            int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
            f"{self.placeholder_text}\n\n(no picture)",
        )
