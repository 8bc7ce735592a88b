"""A right foot and lower leg, posed by joint angles, seen from the side, from above or below.

Every bundled foot picture is this one foot; the left is it mirrored on the screen. From the
side (`foot_side`) it is the inner side of the right foot, toes to the left: heel, the high
inner arch, the ball of the foot, the big toe with its nail and the other toes' tips peeping
over it, the ankle bone, and the shin rising into a trouser leg. From above (`foot_top`, as
its owner sees it, toes away) it shows five toes of falling size with their nails; from
below (`foot_sole`, the sole, as a mirror shows it) the paler sole with its pads.

A pose is a mapping of named angles in degrees (missing names keep the relaxed pose):
``ankle`` points the foot down (negative: pulls the toes up toward the shin); ``toes`` curls
the toes down (negative: lifts them); ``shin`` leans the shin forward, its knee toward the
toes (the foot turns with it, so a foot flat on the floor with a leaning shin has
``ankle`` = -``shin``); ``spread`` fans the toes apart (from above).

Sizes are in rig units, about a centimetre of a real foot (the foot is 27 long); `unit` is how
many card units one rig unit is, and `origin` is where the ankle joint is on the card (from
the side) or the middle of the heel's back (from above and below).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace

from neurocoach.core.picture.shapes import OUTLINE, Kind, Point, Shape, blob, ellipse, line

RELAXED: dict[str, float] = {"ankle": 0.0, "toes": 0.0, "shin": 0.0, "spread": 0.0}
SOLE_DROP = 7.0  # how far the sole is below the ankle joint, in rig units
CREASE = 3.0

# The inner side of the foot, the ankle joint at (0, 0), x toward the toes and y up.
_SIDE_BODY: list[Point] = [
    (15.6, -6.6),
    (13.0, -7.0),
    (10.0, -6.7),
    (7.0, -5.7),
    (4.0, -5.5),
    (1.0, -6.3),
    (-2.5, -7.0),
    (-4.9, -6.5),
    (-6.1, -4.8),
    (-6.0, -2.6),
    (-4.9, 0.3),
    (-4.3, 3.0),
    (3.3, 3.0),
    (3.6, 0.4),
    (5.6, -0.8),
    (9.0, -2.0),
    (12.5, -2.8),
    (15.6, -3.4),
]
_BIG_TOE_BASE: Point = (15.0, -5.0)
# (length, width) of its two bones: short and plump, a toe and not a finger or a flipper.
_BIG_TOE = ((1.9, 3.6), (1.5, 3.3))
# The other toes' bases, seen past the big toe: each further back and a little higher, so
# that their short round tips show as a row of bumps stepping down to the big toe.
_SMALL_TOES = (
    ((14.9, -3.3), 2.4, 2.1),
    ((13.8, -3.0), 2.0, 1.95),
    ((12.7, -2.8), 1.7, 1.8),
    ((11.6, -2.6), 1.4, 1.65),
)

# From above (the owner's view): x across toward the little toe, y toward the toes.
_TOP_BODY: list[Point] = [
    (0.0, -0.3),
    (-2.7, 0.4),
    (-3.6, 3.0),
    (-3.5, 7.0),
    (-4.3, 12.0),
    (-4.9, 16.0),
    (-4.3, 18.6),
    (-1.5, 19.2),
    (1.5, 18.8),
    (3.8, 17.6),
    (5.3, 15.6),
    (5.0, 11.0),
    (3.8, 6.0),
    (3.1, 2.0),
    (2.2, 0.3),
]
# Each toe: base (x, y), length, width, fan angle (degrees toward the little toe).
# Short, round and side by side (no gaps between them): toes, never fingers; the big toe is
# clearly the biggest.
_TOP_TOES = (
    ((-2.7, 18.0), 2.6, 4.2, -3.0),
    ((0.55, 18.6), 1.6, 2.6, 4.0),
    ((2.8, 18.0), 1.3, 2.35, 12.0),
    ((4.6, 16.8), 1.05, 2.1, 22.0),
    ((5.75, 15.1), 0.8, 1.9, 34.0),
)


def _rotate(p: Point, degrees: float) -> Point:
    a = math.radians(degrees)
    return p[0] * math.cos(a) - p[1] * math.sin(a), p[0] * math.sin(a) + p[1] * math.cos(a)


class SideFoot:
    """The foot from the inner side, posed: where its parts are, in card units.

    `toward` is -1 when the toes point to the card's left (the inner side of a right foot).
    """

    def __init__(
        self, pose: Mapping[str, float], origin: Point, unit: float, toward: int = -1
    ) -> None:
        self.p = {**RELAXED, **pose}
        self.origin = origin
        self.unit = unit
        self.toward = toward
        self.tilt = self.p["shin"] + self.p["ankle"]  # the foot's angle below level

    def card(self, local: Point) -> Point:
        """A point of the rig's plane (x toward the toes, y up, from the ankle) on the card."""
        return (
            self.origin[0] + self.toward * local[0] * self.unit,
            self.origin[1] - local[1] * self.unit,
        )

    def on_foot(self, local: Point) -> Point:
        """A point of the foot (x toward the toes, y up, from the ankle joint) on the card."""
        return self.card(_rotate(local, -self.tilt))

    def on_shin(self, local: Point) -> Point:
        """A point of the shin (x toward the toes' side, y up it, from the ankle) on the card."""
        return self.card(_rotate(local, -self.p["shin"]))

    def big_toe(self) -> list[Point]:
        """The big toe's joints in the foot's plane, base to tip."""
        curl = self.p["toes"]
        base = _BIG_TOE_BASE
        joints = [base]
        bent = 0.0
        for (length, _), share in zip(_BIG_TOE, (0.55, 0.75), strict=True):
            bent += curl * share
            d = _rotate((1.0, 0.0), -bent)
            base = (base[0] + d[0] * length, base[1] + d[1] * length)
            joints.append(base)
        return joints

    def small_toe(self, index: int) -> list[Point]:
        (bx, by), length, _ = _SMALL_TOES[index]
        curl = self.p["toes"]
        d1 = _rotate((1.0, 0.0), -curl * 0.6)
        mid = (bx + d1[0] * length * 0.6, by + d1[1] * length * 0.6)
        d2 = _rotate((1.0, 0.0), -curl * 1.2 - 8)
        return [(bx, by), mid, (mid[0] + d2[0] * length * 0.5, mid[1] + d2[1] * length * 0.5)]

    def points(self) -> dict[str, Point]:
        """Landmarks on the card: heel (under it), arch, ball (under it), toe (the big toe's
        tip), top (of the foot, the instep), ankle (the joint), knee."""
        toe = self.big_toe()
        return {
            "heel": self.on_foot((-2.5, -7.0)),
            "heel_back": self.on_foot((-6.1, -4.5)),
            "arch": self.on_foot((5.0, -5.5)),
            "ball": self.on_foot((13.0, -7.0)),
            "toe": self.on_foot(toe[-1]),
            "toe_pad": self.on_foot((toe[-1][0] - 1.0, toe[-1][1] - 1.2)),
            "top": self.on_foot((9.0, -2.7)),
            "ankle": self.on_foot((0.0, 0.0)),
        }


def _outlined(parts: Sequence[Shape], depth: float) -> list[Shape]:
    """Parts that join into one outlined silhouette: their outlines under, their fills over."""
    under: list[Shape] = []
    over: list[Shape] = []
    for part in parts:
        if part.kind is Kind.LIMB:
            under.append(
                Shape(
                    Kind.LIMB,
                    part.points,
                    tuple(w + 2 * OUTLINE for w in part.widths),
                    part.line,
                    "",
                    depth,
                )
            )
        else:
            under.append(
                Shape(
                    part.kind,
                    part.points,
                    part.widths,
                    part.fill,
                    part.line,
                    depth,
                    part.angle,
                    part.sharp,
                )
            )
        over.append(
            Shape(
                part.kind,
                part.points,
                part.widths,
                part.fill,
                "",
                depth + 0.01,
                part.angle,
                part.sharp,
            )
        )
    return under + over


def foot_side(
    pose: Mapping[str, float],
    origin: Point,
    unit: float,
    leg: float = 17.0,
    trouser: float = 9.0,
    thigh: float = 0.0,
    toward: int = -1,
    depth: float = 0.0,
    rolled: bool = False,
) -> list[Shape]:
    """The foot and lower leg from the inner side, the ankle joint at `origin`.

    The shin rises `leg` rig units from the ankle; from `trouser` units up it is in a trouser
    leg, which ends there in a straight cut, or, when `thigh` is more than 0, bends at a
    rounded knee and runs that far back, level, as a seated leg's thigh does. `rolled` rolls
    the trouser leg up: a thick turned-up cuff at its end (out of a foot bath's water).
    """
    posed = SideFoot(pose, origin, unit, toward)
    u = unit
    shin = posed.on_shin
    body = blob([posed.on_foot(p) for p in _SIDE_BODY], "skin")
    lower_leg = blob(
        [
            shin((3.3, 0.0)),
            shin((3.5, 4.0)),
            shin((3.9, leg - 1)),
            shin((-5.0, leg - 1)),
            shin((-4.9, 7.0)),
            shin((-4.1, 3.0)),
            shin((-4.3, 0.0)),
        ],
        "skin",
    )
    toe = posed.big_toe()
    big = Shape(
        Kind.LIMB,
        tuple(posed.on_foot(j) for j in toe),
        (_BIG_TOE[0][1] * u, _BIG_TOE[1][1] * u),
        "skin",
        "ink",
    )
    shapes = _outlined([lower_leg, body], depth)

    # The other toes step back from the big toe, each a short round tip seen past the one
    # in front of it; the big toe, plump and nearest, is drawn over them.
    for i in range(len(_SMALL_TOES)):
        joints = posed.small_toe(i)
        width = _SMALL_TOES[i][2] * u
        shapes.append(
            Shape(
                Kind.LIMB,
                tuple(posed.on_foot(j) for j in joints),
                (width, width * 0.92),
                "skin",
                "ink",
                depth + 0.02 - i * 0.002,
            )
        )
    shapes.append(replace(big, depth=depth + 0.025))

    # The big toe's nail, on top near its tip; the ankle bone; the paler sole's edge.
    (x1, y1), (x2, y2) = posed.on_foot(toe[1]), posed.on_foot(toe[2])
    d = _rotate((1.0, 0.0), -posed.p["toes"] * 1.3)
    up = (-d[1], d[0])
    nail_c = (toe[1][0] + d[0] * 1.5 + up[0] * 0.95, toe[1][1] + d[1] * 1.5 + up[1] * 0.95)
    angle = math.degrees(math.atan2(y2 - y1, x2 - x1))
    shapes.append(
        ellipse(posed.on_foot(nail_c), 1.0 * u, 0.42 * u, "nail", depth + 0.05, angle, "fine")
    )
    ankle_c = (0.4, 0.4)
    shapes.append(ellipse(shin(ankle_c), 1.35 * u, 1.2 * u, "skin", depth + 0.04, line="fine"))
    shapes.append(
        line(
            [
                posed.on_foot(p)
                for p in (
                    (-4.4, -6.2),
                    (-1.5, -6.0),
                    (1.5, -5.3),
                    (5.0, -4.8),
                    (8.5, -5.4),
                    (11.5, -5.9),
                )
            ],
            CREASE,
            "crease",
            depth + 0.03,
        )
    )
    shapes.append(
        line(
            [posed.on_foot(p) for p in ((14.2, -3.9), (14.8, -4.6), (14.6, -5.6))],
            CREASE,
            "crease",
            depth + 0.03,
        )
    )

    # The trouser leg: a hem round the shin, up to the cut or the knee.
    hem = [
        shin((4.6, trouser)),
        shin((4.9, leg + 1.5)),
        shin((-6.2, leg + 1.5)),
        shin((-6.0, trouser)),
    ]
    cloth = [blob(hem, "trouser", sharp=True)]
    if thigh > 0:
        knee = shin((-0.6, leg))
        back = (knee[0] - toward * thigh * u, knee[1] + 0.4 * u)
        cloth.append(Shape(Kind.LIMB, (knee, back), (10.4 * u,), "trouser", "ink"))
    shapes.extend(_outlined(cloth, depth + 0.2))
    shapes.append(
        line(
            [shin((4.5, trouser + 1.3)), shin((-5.9, trouser + 1.3))],
            CREASE,
            "trouser_fold",
            depth + 0.22,
        )
    )
    if rolled:
        # The turned-up cuff: a thick band, a little wider than the leg, with its folds.
        cuff = [
            shin((5.3, trouser - 0.4)),
            shin((5.4, trouser + 2.6)),
            shin((-6.7, trouser + 2.6)),
            shin((-6.6, trouser - 0.4)),
        ]
        shapes.append(blob(cuff, "cuff", depth + 0.23, sharp=True))
        shapes.append(
            line(
                [shin((5.0, trouser + 1.1)), shin((-6.3, trouser + 1.1))],
                CREASE,
                "trouser_fold",
                depth + 0.24,
            )
        )
    return shapes


class TopFoot:
    """The foot seen from above by its owner, posed: toes up the card, big toe on the left."""

    def __init__(
        self,
        pose: Mapping[str, float],
        origin: Point,
        unit: float,
        turn: float = 0.0,
        mirror: bool = False,
    ) -> None:
        self.p = {**RELAXED, **pose}
        self.origin = origin
        self.unit = unit
        self.turn = turn
        self.flip = -1.0 if mirror else 1.0

    def card(self, local: Point) -> Point:
        x, y = _rotate((local[0] * self.flip, local[1]), -self.turn)
        return self.origin[0] + x * self.unit, self.origin[1] - y * self.unit

    def toe(self, index: int) -> tuple[list[Point], float]:
        """A toe's base, middle and tip (curled toes look shorter) and its width."""
        (bx, by), length, width, fan = _TOP_TOES[index]
        fan += self.p["spread"] * (index - 1.2) * 0.5
        seen = max(0.35, math.cos(math.radians(max(-60.0, self.p["toes"]) * 0.8)))
        d = _rotate((0.0, 1.0), -fan)
        mid = (bx + d[0] * length * 0.5, by + d[1] * length * 0.5)
        tip = (bx + d[0] * length * seen, by + d[1] * length * seen)
        return [(bx, by), mid, tip], width

    def points(self) -> dict[str, Point]:
        """Landmarks: top (the middle of the foot's top), ankle, heel, and gap1 to gap4
        between the toes (gap1 between the big toe and the next)."""
        found = {
            "top": self.card((0.5, 9.0)),
            "ankle": self.card((0.0, 1.5)),
            "heel": self.card((0.0, -0.3)),
        }
        for i in range(4):
            a, _ = self.toe(i)
            b, _ = self.toe(i + 1)
            found[f"gap{i + 1}"] = self.card(((a[1][0] + b[1][0]) / 2, (a[1][1] + b[1][1]) / 2))
        return found


def foot_top(
    pose: Mapping[str, float],
    origin: Point,
    unit: float,
    leg: float = 7.0,
    turn: float = 0.0,
    mirror: bool = False,
    depth: float = 0.0,
) -> list[Shape]:
    """The foot from above as its owner sees it, the back of the heel at `origin`.

    Toes point up the card (turned `turn` degrees clockwise), the big toe on the left; the
    shin comes toward the viewer over the heel, so it runs down the card for `leg` units
    into a trouser leg. `mirror` shows the left foot.
    """
    posed = TopFoot(pose, origin, unit, turn, mirror)
    c = posed.card
    u = unit
    shapes: list[Shape] = [blob([c(p) for p in _TOP_BODY], "skin", depth)]
    for i in range(5):
        joints, width = posed.toe(i)
        toe_depth = depth + 0.2 - i * 0.02
        shapes.append(
            Shape(
                Kind.LIMB,
                tuple(c(j) for j in joints),
                (width * u, width * 0.94 * u),
                "skin",
                "ink",
                toe_depth,
            )
        )
        # The nail sits on the toe's round end; a curled toe shows less of it.
        (x0, y0), (x2, y2) = c(joints[0]), c(joints[2])
        length = math.hypot(x2 - x0, y2 - y0)
        if length > width * u * 0.12:
            k = min(1.0, length / (width * u * 0.5))
            nail = (
                joints[0][0] * 0.1 + joints[2][0] * 0.9,
                joints[0][1] * 0.1 + joints[2][1] * 0.9,
            )
            angle = math.degrees(math.atan2(y2 - y0, x2 - x0))
            shapes.append(
                ellipse(
                    c(nail),
                    width * u * 0.26 * k,
                    width * u * 0.27,
                    "nail",
                    toe_depth + 0.01,
                    angle,
                    "fine",
                )
            )
    # Tendons and the knuckle line: faint marks that make it the top of a foot.
    for x0, x1 in ((-2.3, -2.6), (0.0, -0.1)):
        shapes.append(line([c((x0 * 0.6, 5.0)), c((x1, 15.5))], CREASE, "crease", depth + 0.05))
    # The shin comes up toward the viewer over the heel: its trouser leg hides the ankle.
    hem = 4.2
    cuff = [
        c((-5.6, hem - leg)),
        c((-5.4, hem - 1.0)),
        c((-3.5, hem + 0.4)),
        c((0.0, hem + 0.8)),
        c((3.5, hem + 0.4)),
        c((5.4, hem - 1.0)),
        c((5.6, hem - leg)),
    ]
    shapes.append(blob(cuff, "trouser", depth + 0.4, sharp=True))
    shapes.append(
        line(
            [c((-5.0, hem - 1.6)), c((0.0, hem - 0.6)), c((5.0, hem - 1.6))],
            CREASE,
            "trouser_fold",
            depth + 0.41,
        )
    )
    return shapes


def foot_sole(origin: Point, unit: float, turn: float = 0.0, depth: float = 0.0) -> list[Shape]:
    """The sole of the right foot from below (as a mirror held under it shows it), heel at
    `origin` and toes up the card: the paler sole, its heel and ball pads and five toe pads."""
    posed = TopFoot({}, origin, unit, turn, mirror=True)
    c = posed.card
    u = unit
    shapes: list[Shape] = []
    for i in range(5):
        joints, width = posed.toe(i)
        shapes.append(
            Shape(
                Kind.LIMB,
                tuple(c(j) for j in joints),
                (width * u, width * 0.94 * u),
                "sole",
                "ink",
                depth + 0.2 - i * 0.02,
            )
        )
        tip = joints[2]
        shapes.append(
            ellipse(
                c((tip[0] * 0.8 + joints[1][0] * 0.2, tip[1] * 0.8 + joints[1][1] * 0.2)),
                width * u * 0.3,
                width * u * 0.3,
                "sole_pad",
                depth + 0.21,
                line="",
            )
        )
    shapes.append(blob([c(p) for p in _TOP_BODY], "sole", depth + 0.25))
    # The ball and heel pads, and the arch between them (the inner side, here on the right).
    shapes.append(ellipse(c((0.2, 15.0)), 4.0 * u, 2.0 * u, "sole_pad", depth + 0.3, line=""))
    shapes.append(ellipse(c((0.0, 2.6)), 2.4 * u, 2.4 * u, "sole_pad", depth + 0.3, line=""))
    shapes.append(
        line([c((-3.0, 5.5)), c((-2.2, 8.5)), c((-3.3, 12.0))], CREASE, "crease", depth + 0.31)
    )
    return shapes
