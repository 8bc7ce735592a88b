"""Paints a posed picture (core/picture shapes) on a card, in the colours of the theme.

Each theme has its own picture card (its colours are the theme's `card` and `card_edge`): a
white card in the light theme, a dark one in the dark theme and a black one with white
outlines in high contrast, so that the picture never glares out of a dark window. Roles the
card does not know are painted in its `other` colour, and logged once.
"""

from __future__ import annotations

import logging
import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen

from neurocoach.core.picture.shapes import OUTLINE, SIZE, Kind, Point, Shape
from neurocoach.ui.common import theme

log = logging.getLogger(__name__)

_COMMON = {
    "skin": "#e8b47f",
    "palm": "#fde3cf",
    "nail": "#fbe6da",
    "sleeve": "#5b7fa8",
    "arrow": "#1e5bb8",
    "table": "#e2c49a",
    "table_edge": "#9c6f3c",
    "towel": "#8fc7b8",
    "towel_fold": "#6fae9e",
    "water": "#99bcdcf5",  # #AARRGGBB: what is under the water shows through
    "warm": "#f08a3c",
    "tennis": "#cfe33a",
    "tennis_seam": "#ffffff",
    "golf": "#ffffff",
    "golf_dimple": "#c8c8c8",
    "marble": "#7fb3e6",
    "marble_shine": "#ffffff",
    "bowl": "#e8eef4",
    "mirror": "#cfe4f2",
    "frame": "#7a4f2a",
    "lotion": "#ffffff",
    "lotion_cap": "#1e5bb8",
    "squeeze_ball": "#e85d75",
    "chair": "#9c6f3c",
    "floor": "#d9d2c5",
    "thermometer": "#ffffff",
    "mercury": "#d63a3a",
    "heart": "#d63a3a",
    "partner_skin": "#c68b59",
    "partner_sleeve": "#8a6fb0",
    "shadow": "#d9d9d9",
    # The foot-care pictures (core/picture/foot.py, props.py).
    "sole": "#f7d2b0",
    "sole_pad": "#efbf98",
    "trouser": "#4f5d6e",
    "trouser_fold": "#3a4654",
    "water_line": "#5a9fd6",
    "water_glass": "#5594c8ec",  # see-through: the water in front of a foot in a bowl
    "bowl_inside": "#d4e2ee",
    "bowl_rim": "#9fb6cc",
    "bowl_band": "#b9cadb",
    "marble_green": "#7cc98a",
    "marble_amber": "#f0b455",
    "marble_swirl": "#ffffff",
    "tennis_shine": "#eef7a8",
    "squeeze_crease": "#b8435a",
    "towel_hem": "#ffffff",
    "mirror_shine": "#ffffff",
    "safe": "#3aa655",
    # Added for the clearer care and foot pictures.
    "lukewarm": "#e9eef2",  # the faintest pale shimmer over lukewarm water: never "hot"
    "thermo_liquid": "#2f6fc0",  # a thermometer's column: calm blue, not the red of heat
    "eye_white": "#ffffff",
    "eye_iris": "#4f86c6",
    "ball_shadow": "#b8956a",  # a shadow on the wooden table
    "partner_hand": "#9a6538",  # the partner's darker skin, apart from the user's
    "partner_palm": "#c99a72",
    "cuff": "#6a7a8c",  # a rolled-up trouser cuff
}
CARDS: dict[str, dict[str, str]] = {
    "light": {
        **_COMMON,
        "ink": "#1a1a1a",
        "fine": "#6b4a35",
        "crease": "#b07a55",
        "other": "#9e9e9e",
    },
    "dark": {
        **_COMMON,
        "ink": "#0d0d0d",
        "fine": "#6b4a35",
        "crease": "#a06a45",
        "arrow": "#8fc1ff",
        "shadow": "#3a3f47",
        "floor": "#4a463f",
        "lukewarm": "#5a636e",
        "other": "#8a8a8a",
    },
    "high-contrast": {
        **_COMMON,
        "ink": "#ffffff",
        "fine": "#000000",
        "crease": "#7a4a2a",
        "arrow": "#ffff00",
        "skin": "#ffc58a",
        "palm": "#ffdcb8",
        "water": "#993d8bd9",
        "bowl": "#000000",
        "shadow": "#000000",
        "floor": "#000000",
        "table": "#a8743c",
        "water_glass": "#663d8bd9",
        "bowl_inside": "#1c2a38",
        "trouser": "#6a7c92",
        "sole": "#ffdcb8",
        "lukewarm": "#5a5a5a",
        "safe": "#4cff7a",
        "ball_shadow": "#5a3e20",
        "partner_hand": "#b0703a",
        "eye_iris": "#4f9ae6",
        "other": "#c0c0c0",
    },
}
FINE = 2.5  # the outline of a nail or another small detail
_unknown: set[str] = set()


def card_colours(theme_name: str) -> dict[str, str]:
    palette = theme.PALETTES.get(theme_name, theme.LIGHT)
    return {
        **CARDS.get(theme_name, CARDS["light"]),
        "card": palette.card,
        "card_edge": palette.card_edge,
    }


class PicturePainter:
    """Paints shapes on a QPainter; colours and pens are made once per theme, then reused."""

    def __init__(self, theme_name: str = "light") -> None:
        self.colours = {role: QColor(value) for role, value in card_colours(theme_name).items()}

    def colour(self, role: str) -> QColor:
        found = self.colours.get(role)
        if found is None:
            if role not in _unknown:
                _unknown.add(role)
                log.warning("the picture colour %r is not known; painted grey", role)
            return self.colours["other"]
        return found

    def paint_card(self, painter: QPainter, target: QRectF, radius: float) -> QPainterPath:
        """The card itself, filled and edged; its outline is returned to clip the picture."""
        card = QPainterPath()
        card.addRoundedRect(target, radius, radius)
        painter.setPen(QPen(self.colour("card_edge"), max(2.0, target.width() / 130)))
        painter.setBrush(self.colour("card"))
        painter.drawPath(card)
        return card

    def paint(self, painter: QPainter, shapes: list[Shape], target: QRectF) -> None:
        """The shapes, far to near, scaled from the 400-unit card into `target`."""
        painter.save()
        painter.translate(target.topLeft())
        k = target.width() / SIZE
        painter.scale(k, k)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for shape in sorted(shapes, key=lambda s: s.depth):
            if shape.kind is Kind.LIMB:
                self._limb(painter, shape)
            elif shape.kind is Kind.BLOB:
                self._blob(painter, shape)
            elif shape.kind is Kind.ELLIPSE:
                self._ellipse(painter, shape)
            else:
                self._line(painter, shape)
        painter.restore()

    def _pen(self, role: str, width: float) -> QPen:
        pen = QPen(self.colour(role), width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    def _outline_width(self, role: str) -> float:
        return FINE if role == "fine" else OUTLINE

    def _limb(self, painter: QPainter, shape: Shape) -> None:
        points = [QPointF(x, y) for x, y in shape.points]
        pairs = list(zip(points, points[1:], shape.widths, strict=False))
        if shape.line:
            for a, b, width in pairs:
                painter.setPen(self._pen(shape.line, width + 2 * OUTLINE))
                painter.drawLine(a, b)
        for a, b, width in pairs:
            painter.setPen(self._pen(shape.fill, width))
            painter.drawLine(a, b)

    def _blob(self, painter: QPainter, shape: Shape) -> None:
        path = _polygon(shape.points) if shape.sharp else _smooth_closed(shape.points)
        if shape.line:
            painter.setPen(self._pen(shape.line, self._outline_width(shape.line)))
        else:
            painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(self.colour(shape.fill)))
        painter.drawPath(path)

    def _ellipse(self, painter: QPainter, shape: Shape) -> None:
        (cx, cy), (rx, ry) = shape.points[0], shape.widths[:2]
        painter.save()
        painter.translate(cx, cy)
        painter.rotate(shape.angle)
        if shape.line:
            painter.setPen(self._pen(shape.line, self._outline_width(shape.line)))
        else:
            painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(self.colour(shape.fill)))
        painter.drawEllipse(QPointF(0, 0), rx, ry)
        painter.restore()

    def _line(self, painter: QPainter, shape: Shape) -> None:
        painter.setPen(self._pen(shape.line, shape.widths[0]))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(_smooth_open(shape.points))


def _polygon(points: tuple[Point, ...]) -> QPainterPath:
    path = QPainterPath()
    path.moveTo(*points[0])
    for point in points[1:]:
        path.lineTo(*point)
    path.closeSubpath()
    return path


def _smooth_closed(points: tuple[Point, ...]) -> QPainterPath:
    """A closed curve through the points (Catmull-Rom turned into Bezier curves)."""
    n = len(points)
    path = QPainterPath()
    if n < 3:
        return _polygon(points)
    path.moveTo(*points[0])
    for i in range(n):
        p0, p1, p2, p3 = points[i - 1], points[i], points[(i + 1) % n], points[(i + 2) % n]
        path.cubicTo(*_controls(p0, p1, p2, p3), *p2)
    return path


def _smooth_open(points: tuple[Point, ...]) -> QPainterPath:
    path = QPainterPath()
    path.moveTo(*points[0])
    if len(points) == 2:
        path.lineTo(*points[1])
        return path
    for i in range(len(points) - 1):
        p0 = points[max(0, i - 1)]
        p3 = points[min(len(points) - 1, i + 2)]
        path.cubicTo(*_controls(p0, points[i], points[i + 1], p3), *points[i + 1])
    return path


def _controls(p0: Point, p1: Point, p2: Point, p3: Point) -> tuple[float, float, float, float]:
    return (
        p1[0] + (p2[0] - p0[0]) / 6,
        p1[1] + (p2[1] - p0[1]) / 6,
        p2[0] - (p3[0] - p1[0]) / 6,
        p2[1] - (p3[1] - p1[1]) / 6,
    )


def fits(shapes: list[Shape]) -> bool:
    """True when every shape, outline included, lies inside the card."""
    return all(
        b[0] >= 0 and b[1] >= 0 and b[2] <= SIZE and b[3] <= SIZE
        for b in (s.bounds() for s in shapes)
    ) and not any(math.isnan(v) for s in shapes for p in s.points for v in p)
