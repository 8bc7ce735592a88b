"""What a picture is made of: a few kinds of flat shape on a 400 x 400 card, in colour roles.

The exercise pictures are posed, not drawn: a rig (hand.py, foot.py) turns joint angles into
these shapes, and the screen paints them (ui/common/picture_painter.py). Keeping them plain
data, with no Qt, lets the core check them: that every picture stays inside its card and that
no two steps look alike. Colours are roles ("skin", "tennis"), not values, so that each
theme's picture card can give them its own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from enum import Enum

Point = tuple[float, float]
SIZE = 400.0  # the card's side, in picture units
OUTLINE = 6.0  # the dark outline round every filled shape


class Kind(Enum):
    LIMB = "limb"  # a tube along `points`, `widths[i]` across segment i, round ends
    BLOB = "blob"  # a closed outline through `points`, smoothed unless `sharp`
    ELLIPSE = "ellipse"  # centre points[0], radii (width, height), turned by `angle`
    LINE = "line"  # an open line through `points`, `widths[0]` wide, no fill


@dataclass(frozen=True)
class Shape:
    """One shape; the painter draws nearer ones (higher depth) over farther ones."""

    kind: Kind
    points: tuple[Point, ...]
    widths: tuple[float, ...] = ()
    fill: str = "skin"
    line: str = "ink"  # the outline's role; "" for none
    depth: float = 0.0
    angle: float = 0.0  # degrees, for an ellipse
    sharp: bool = False  # a blob with straight sides (a table, a bowl's rim)

    def bounds(self) -> tuple[float, float, float, float]:
        """Left, top, right, bottom of everything painted, outline included."""
        if self.kind is Kind.ELLIPSE:
            (cx, cy), (rx, ry) = self.points[0], (self.widths[0], self.widths[1])
            a = math.radians(self.angle)
            half_w = math.hypot(rx * math.cos(a), ry * math.sin(a))
            half_h = math.hypot(rx * math.sin(a), ry * math.cos(a))
            pad = OUTLINE / 2 if self.line else 0.0
            return cx - half_w - pad, cy - half_h - pad, cx + half_w + pad, cy + half_h + pad
        xs = [p[0] for p in self.points]
        ys = [p[1] for p in self.points]
        if self.kind is Kind.LIMB:
            pad = max(self.widths) / 2 + (OUTLINE if self.line else 0.0)
        elif self.kind is Kind.LINE:
            pad = self.widths[0] / 2
        else:
            pad = OUTLINE / 2 if self.line else 0.0
        return min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad

    def moved(self, dx: float, dy: float) -> Shape:
        return replace(self, points=tuple((x + dx, y + dy) for x, y in self.points))


@dataclass
class Picture:
    """The shapes of one frame, collected by the parts that draw them."""

    shapes: list[Shape] = field(default_factory=list)

    def add(self, shape: Shape) -> None:
        self.shapes.append(shape)

    def extend(self, shapes: list[Shape]) -> None:
        self.shapes.extend(shapes)

    def in_order(self) -> list[Shape]:
        """Far to near; shapes at the same depth keep the order they were added in."""
        return sorted(self.shapes, key=lambda s: s.depth)

    def bounds(self) -> tuple[float, float, float, float]:
        boxes = [s.bounds() for s in self.shapes]
        return (
            min(b[0] for b in boxes),
            min(b[1] for b in boxes),
            max(b[2] for b in boxes),
            max(b[3] for b in boxes),
        )


def limb(points: list[Point], widths: list[float], fill: str = "skin", depth: float = 0.0) -> Shape:
    return Shape(Kind.LIMB, tuple(points), tuple(widths), fill, "ink", depth)


def blob(
    points: list[Point], fill: str, depth: float = 0.0, line: str = "ink", sharp: bool = False
) -> Shape:
    return Shape(Kind.BLOB, tuple(points), (), fill, line, depth, sharp=sharp)


def ellipse(
    centre: Point,
    rx: float,
    ry: float,
    fill: str,
    depth: float = 0.0,
    angle: float = 0.0,
    line: str = "ink",
) -> Shape:
    return Shape(Kind.ELLIPSE, (centre,), (rx, ry), fill, line, depth, angle)


def line(points: list[Point], width: float, role: str = "ink", depth: float = 0.0) -> Shape:
    return Shape(Kind.LINE, tuple(points), (width,), "", role, depth)


def rounded_rect(
    left: float, top: float, right: float, bottom: float, radius: float
) -> list[Point]:
    """The corners of a rectangle, each cut by `radius`, for a sharp blob (a table, a towel)."""
    r = min(radius, (right - left) / 2, (bottom - top) / 2)
    points: list[Point] = []
    for cx, cy, start in (
        (right - r, top + r, -90),
        (right - r, bottom - r, 0),
        (left + r, bottom - r, 90),
        (left + r, top + r, 180),
    ):
        for step in range(4):
            a = math.radians(start + step * 30)
            points.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return points


def arc_points(
    centre: Point, radius: float, start: float, end: float, count: int = 12
) -> list[Point]:
    """Points along a circle from `start` to `end` degrees (0 = right, 90 = down)."""
    return [
        (
            centre[0] + radius * math.cos(math.radians(start + (end - start) * i / (count - 1))),
            centre[1] + radius * math.sin(math.radians(start + (end - start) * i / (count - 1))),
        )
        for i in range(count)
    ]


def arrow(points: list[Point], width: float = 9.0, depth: float = 100.0) -> list[Shape]:
    """A movement arrow along `points` with a head at the end, in the arrow role."""
    (x1, y1), (x2, y2) = points[-2], points[-1]
    a = math.atan2(y2 - y1, x2 - x1)
    head = width * 2.6
    tip = (x2 + math.cos(a) * head * 0.6, y2 + math.sin(a) * head * 0.6)
    left = (x2 + math.cos(a + 2.3) * head * 0.7, y2 + math.sin(a + 2.3) * head * 0.7)
    right = (x2 + math.cos(a - 2.3) * head * 0.7, y2 + math.sin(a - 2.3) * head * 0.7)
    return [
        line(points, width, "arrow", depth),
        Shape(Kind.BLOB, (tip, left, right), (), "arrow", "", depth, sharp=True),
    ]


def clipped_to_card(points: list[Point], margin: float = 12.0) -> list[Point]:
    """The polygon cut to the card, less a margin (Sutherland-Hodgman): a table or a floor
    seen in depth would otherwise run past the card's edges."""
    low, high = margin, SIZE - margin
    result = list(points)
    for axis, limit, keep_above in (
        (0, low, True),
        (0, high, False),
        (1, low, True),
        (1, high, False),
    ):
        if not result:
            break

        def inside(
            p: Point, axis: int = axis, limit: float = limit, above: bool = keep_above
        ) -> bool:
            return p[axis] >= limit if above else p[axis] <= limit

        cut: list[Point] = []
        for i, here in enumerate(result):
            before = result[i - 1]
            if inside(here):
                if not inside(before):
                    cut.append(_crossing(before, here, axis, limit))
                cut.append(here)
            elif inside(before):
                cut.append(_crossing(before, here, axis, limit))
        result = cut
    return result


def _crossing(a: Point, b: Point, axis: int, limit: float) -> Point:
    """Where the line from a to b crosses x = limit (axis 0) or y = limit (axis 1)."""
    t = (limit - a[axis]) / (b[axis] - a[axis])
    x, y = a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])
    return (limit, y) if axis == 0 else (x, limit)
