"""Small 3-D helpers for the rigs: vectors as tuples, turning, and the view onto the card.

A rig is posed in 3-D and seen straight on (no perspective), so one hand can be shown from
the palm, the back or the side, and a bent finger shortens as it would to the eye.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from neurocoach.core.picture.shapes import Point

Vec = tuple[float, float, float]


def add(a: Vec, b: Vec) -> Vec:
    return a[0] + b[0], a[1] + b[1], a[2] + b[2]


def scale(a: Vec, k: float) -> Vec:
    return a[0] * k, a[1] * k, a[2] * k


def dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def cross(a: Vec, b: Vec) -> Vec:
    return a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]


def norm(a: Vec) -> Vec:
    length = math.sqrt(dot(a, a)) or 1.0
    return a[0] / length, a[1] / length, a[2] / length


def combine(*terms: tuple[float, Vec]) -> Vec:
    """The sum of k * v over the (k, v) pairs."""
    x = y = z = 0.0
    for k, v in terms:
        x += k * v[0]
        y += k * v[1]
        z += k * v[2]
    return x, y, z


def bend(direction: Vec, toward: Vec, degrees: float) -> Vec:
    """`direction` turned by `degrees` toward `toward` (which should be at right angles to it)."""
    a = math.radians(degrees)
    return combine((math.cos(a), direction), (math.sin(a), toward))


def turn(v: Vec, axis: Vec, degrees: float) -> Vec:
    """`v` turned about `axis` (Rodrigues' formula)."""
    k = norm(axis)
    a = math.radians(degrees)
    c, s = math.cos(a), math.sin(a)
    return combine((c, v), (s, cross(k, v)), (dot(k, v) * (1 - c), k))


@dataclass(frozen=True)
class Frame:
    """Where a body part sits and which way it faces, in the viewer's space.

    x is right, y is up and z toward the viewer; `origin` is in card units from the card's
    top left, and `unit` is how many card units one rig unit (about a finger's width) is.
    """

    origin: Point
    unit: float
    across: Vec  # the part's own first axis, in view space
    along: Vec  # its second axis
    out: Vec  # its third

    def to_view(self, local: Vec) -> Vec:
        return combine((local[0], self.across), (local[1], self.along), (local[2], self.out))

    def direction(self, local: Vec) -> Vec:
        return norm(self.to_view(local))

    def card(self, view: Vec) -> Point:
        """A point in view space (rig units from the origin) on the card (y grows down)."""
        return self.origin[0] + view[0] * self.unit, self.origin[1] - view[1] * self.unit

    def turned(self, axis: Vec, degrees: float) -> Frame:
        return Frame(
            self.origin,
            self.unit,
            norm(turn(self.across, axis, degrees)),
            norm(turn(self.along, axis, degrees)),
            norm(turn(self.out, axis, degrees)),
        )


def convex_hull(points: list[Point]) -> list[Point]:
    """The outline round the points (Andrew's monotone chain), clockwise on the card."""
    unique = sorted(set(points))
    if len(unique) <= 2:
        return unique

    def side(o: Point, a: Point, b: Point) -> float:
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])

    lower: list[Point] = []
    for p in unique:
        while len(lower) >= 2 and side(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper: list[Point] = []
    for p in reversed(unique):
        while len(upper) >= 2 and side(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]
