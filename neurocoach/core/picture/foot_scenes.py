"""The foot-care pictures: key poses of the foot and leg rig, with their props.

Each scene is named as the routine's illustration is (routines/foot-care.yaml). Hands are
the hand rig's right hand; a hand's frame has `across` toward its thumb, `along` toward its
fingers and `out` out of its palm.
"""

from __future__ import annotations

import math

from neurocoach.core.picture import props
from neurocoach.core.picture.foot import (
    SOLE_DROP,
    SideFoot,
    TopFoot,
    foot_side,
    foot_sole,
    foot_top,
)
from neurocoach.core.picture.hand import hand
from neurocoach.core.picture.scene import Params, Scene
from neurocoach.core.picture.shapes import Point, Shape, blob, ellipse, limb, line
from neurocoach.core.picture.space import Frame, Vec, norm

_FIST = {
    **{
        f"{f}.{j}": a
        for f in ("index", "middle", "ring", "little")
        for j, a in (("mcp", 80), ("pip", 95), ("dip", 50))
    },
    "thumb.mcp": 30,
    "thumb.ip": 25,
    "thumb.spread": 25,
    "thumb.lift": 35,
}
_FLAT = {
    **{f"{f}.{j}": 6.0 for f in ("index", "middle", "ring", "little") for j in ("mcp", "pip")},
    "thumb.spread": 35,
    "thumb.lift": 10,
}


def _hand_frame(
    origin: Point, unit: float, along: tuple[float, float], palm_toward: float
) -> Frame:
    """A hand lying in the card's plane: fingers along `along` (card x right, y up), the palm
    toward the viewer (palm_toward = 1) or away from them (-1, the back seen)."""
    a: Vec = norm((along[0], along[1], 0.0))
    out: Vec = (0.0, 0.0, palm_toward)
    # Toward the thumb: for a right hand, the palm's normal crossed with the fingers' line.
    across = norm((a[1] * palm_toward, -a[0] * palm_toward, 0.0))
    return Frame(origin, unit, across, a, out)


def _moved(shapes: list[Shape], dx: float, dy: float) -> list[Shape]:
    return [s.moved(dx, dy) for s in shapes]


# ---------------------------------------------------------------- check the water


def _check_water(p: Params) -> list[Shape]:
    dip = p["dip"]  # 0: the elbow above the water, 1: in it
    rim = 282.0
    # Lukewarm, never hot: no steam over the water, and the thermometer in it reads in the
    # green band.
    shapes = props.bowl(200, rim, width=320, height=92, depth=-40)
    shapes += props.bath_thermometer((84, rim + 16), 150, -104, 0.49, depth=-39.5, tick_side=-1)
    # The bare arm: the elbow comes down into the water, the hand raised above it.
    elbow: Point = (226.0, rim - 64 + 60 * dip)
    wrist = (elbow[0] - 84, elbow[1] - 78)
    along = (wrist[0] - elbow[0], -(wrist[1] - elbow[1]))
    length = math.hypot(*along)
    unit = 13.0
    frame = _hand_frame(wrist, unit, (along[0] / length, along[1] / length), 1.0)
    shapes += hand({**_FLAT, "wrist": 10}, frame, forearm=length / unit, depth=-39.2, sleeve=False)
    shoulder = (elbow[0] + 86, elbow[1] - 120)
    shapes.append(
        limb(
            [elbow, ((elbow[0] + shoulder[0]) / 2 + 6, (elbow[1] + shoulder[1]) / 2), shoulder],
            [44, 50],
            "skin",
            -39.3,
        )
    )
    sleeve = [
        (shoulder[0] - 36, shoulder[1] - 2),
        (shoulder[0] + 22, shoulder[1] - 34),
        (shoulder[0] + 38, shoulder[1] + 4),
        (shoulder[0] - 18, shoulder[1] + 38),
    ]
    shapes.append(blob(sleeve, "sleeve", -39.25, sharp=True))
    if dip > 0.4:
        # Under the surface the elbow is seen through the water, with rings round it.
        k = min(1.0, (dip - 0.4) / 0.6)
        shapes.append(
            ellipse((elbow[0] + 4, elbow[1] + 12), 36, 16 * k, "water_glass", -39.15, line="")
        )
        for r in (40, 58):
            shapes.append(
                line(
                    [
                        (elbow[0] - r * k, elbow[1] + 4),
                        (elbow[0], elbow[1] + 4 + r * 0.32),
                        (elbow[0] + r * k, elbow[1] + 4),
                    ],
                    3.5,
                    "water_line",
                    -39.1,
                )
            )
    return shapes


# ---------------------------------------------------------------- the marble foot bath

_BATH_FLOOR = 332.0
_BATH_UNIT = 8.4


def _bath_foot(p: Params) -> SideFoot:
    origin = (262.0, _BATH_FLOOR - SOLE_DROP * _BATH_UNIT - p["lift"])
    return SideFoot({"toes": p["toes"], "ankle": p["ankle"]}, origin, _BATH_UNIT)


_MARBLE = 17.0  # big enough to see: a large marble, not a speck
_BATH_WATER = 200.0
_ROLLED = 14.0  # the trouser legs end this far up the shin, rolled up above the water


def _marble_foot_bath(p: Params) -> list[Shape]:
    shapes = props.bowl_side(30, 370, 168, 346, _BATH_WATER, depth_back=-40, depth_front=40)
    radius = _MARBLE
    floor_y = _BATH_FLOOR + 2
    resting = [
        (96.0, floor_y - radius),
        (136.0, floor_y - radius),
        (302.0, floor_y - radius),
        (338.0, floor_y - radius),
    ]
    # The marbles are drawn over the water's tint, so that they stay bright and clear.
    shapes += props.marbles(resting, radius, depth=40.02)
    # The far (left) foot, a little behind; the near foot grips a marble with its toes.
    far = {"toes": p["toes"] * 0.6 - 10, "ankle": p["ankle"] * 0.5}
    shapes += _moved(
        foot_side(
            far,
            (262.0, _BATH_FLOOR - SOLE_DROP * _BATH_UNIT),
            _BATH_UNIT,
            leg=19.5,
            trouser=_ROLLED,
            depth=-20,
            rolled=True,
        ),
        34,
        -16,
    )
    posed = _bath_foot(p)
    shapes += foot_side(
        {"toes": p["toes"], "ankle": p["ankle"]},
        posed.origin,
        _BATH_UNIT,
        leg=19.5,
        trouser=_ROLLED,
        rolled=True,
    )
    pad = posed.points()["toe_pad"]
    start = (58.0, floor_y - radius)
    grip = p["grip"]
    held = (
        start[0] * (1 - grip) + (pad[0] + 4) * grip,
        start[1] * (1 - grip) + (pad[1] + 8) * grip,
    )
    shapes += props.marble(held, radius, 1, depth=40.03)
    return shapes


# ---------------------------------------------------------------- dry the feet


def _dry_feet(p: Params) -> list[Shape]:
    shapes = props.towel(30, 262, 370, 372, depth=-60)
    unit = 9.2
    foot = {"spread": 14.0}
    origin = (214.0, 338.0)
    turn = -16.0
    shapes += foot_top(foot, origin, unit, turn=turn, depth=-20)
    gaps = TopFoot(foot, origin, unit, turn).points()
    at = p["gap"]
    i = min(3, max(0, math.floor(at)))
    f = at - i
    g1, g2 = gaps[f"gap{i + 1}"], gaps[f"gap{min(4, i + 2)}"]
    gap = (g1[0] * (1 - f) + g2[0] * f, g1[1] * (1 - f) + g2[1] * f - p["lift"])
    # The hand comes from the right, its back seen, a towel's corner in its fingers.
    along = (-0.8, 0.2)
    hunit = 10.5
    reach = 7.8 * hunit
    wrist = (gap[0] - along[0] * reach, gap[1] + along[1] * reach + 18)
    shapes += hand(
        {**_FLAT, "wrist": 15}, _hand_frame(wrist, hunit, along, -1.0), forearm=3.0, depth=10
    )
    tip = (gap[0] + 6, gap[1] + 4)
    cloth = [
        tip,
        (tip[0] + 30, tip[1] - 18),
        (wrist[0] - 30, wrist[1] - 30),
        (wrist[0] - 4, wrist[1] + 6),
        (wrist[0] - 10, wrist[1] + 60),
        (wrist[0] - 50, wrist[1] + 70),
        (tip[0] + 22, tip[1] + 30),
    ]
    shapes.append(blob(cloth, "towel", 30))
    shapes.append(
        line(
            [
                (tip[0] + 20, tip[1] + 8),
                (wrist[0] - 30, wrist[1] + 20),
                (wrist[0] - 40, wrist[1] + 80),
            ],
            4.0,
            "towel_fold",
            30.1,
        )
    )
    shapes.append(
        line([(tip[0] + 34, tip[1] - 8), (wrist[0] - 6, wrist[1] - 10)], 4.0, "towel_fold", 30.1)
    )
    return shapes


# ---------------------------------------------------------------- the tennis ball


_FLOOR = 352.0
_BALL = 26.0
_TENNIS_UNIT = 7.4


def _tennis_ball_foot(p: Params) -> list[Shape]:
    shapes = props.floor(_FLOOR, left=16, right=384, depth=-100)
    sole = _FLOOR - 2 * _BALL + 6
    origin = (238.0, sole - SOLE_DROP * _TENNIS_UNIT)
    pose = {"shin": 12.0, "ankle": -12.0, "toes": -5.0}
    posed = SideFoot(pose, origin, _TENNIS_UNIT)
    marks = posed.points()
    heel_x, ball_x = marks["heel"][0] - 4, marks["ball"][0] + 12
    roll = p["roll"]  # 0: under the heel, 1: under the ball of the foot
    x = heel_x * (1 - roll) + ball_x * roll
    spin = (heel_x - x) / _BALL * 180 / math.pi * -1
    shapes += props.chair(292, 152, _FLOOR, depth_across=66, back_height=110, facing=-1)
    shapes += foot_side(pose, origin, _TENNIS_UNIT, leg=17, thigh=9, depth=0)
    shapes += props.tennis_ball((x, _FLOOR - _BALL), _BALL, spin=spin, depth=-5)
    shapes += props.two_way_arrow(
        (heel_x + 10, _FLOOR + 20), (ball_x - 10, _FLOOR + 20), 7.0, depth=100
    )
    return shapes


# ---------------------------------------------------------------- the lotion massage


def _lotion_foot_massage(p: Params) -> list[Shape]:
    unit = 10.0
    origin = (170.0, 328.0)
    shapes = foot_top({"spread": 4.0}, origin, unit, depth=-20)
    top = TopFoot({}, origin, unit).points()["top"]
    r = 16.0
    centre = (top[0] + r * p["x"], top[1] + 14 + r * p["y"])
    along = (-0.55, 0.83)
    hunit = 13.0
    palm_mid = 3.3 * hunit
    wrist = (centre[0] - along[0] * palm_mid, centre[1] + along[1] * palm_mid)
    shapes += hand(_FLAT, _hand_frame(wrist, hunit, along, -1.0), forearm=3.4, depth=10)
    shapes += props.round_arrow((top[0] + 8, top[1] + 6), 52, 150, 460, 8.0, squash=0.75)
    shapes += props.lotion((320.0, 362.0), 118)
    # A dab of lotion on the skin, just ahead of the hand.
    shapes.append(ellipse((top[0] - 40, top[1] - 60), 9, 6, "lotion", -10, line="fine"))
    return shapes


# ---------------------------------------------------------------- check the feet


def _check_feet(p: Params) -> list[Shape]:
    shapes = props.floor(_FLOOR, left=16, right=384, depth=-100)
    unit = 7.6
    pose = {"shin": -22.0, "ankle": 12.0, "toes": -8.0}
    origin = (232.0, 132.0)
    shapes += foot_side(pose, origin, unit, leg=10, thigh=5, depth=0)
    # A big hand mirror held under the sole, its glass turned up to the viewer, showing the
    # sole large; it slides from under the heel to under the toes, and back.
    posed = SideFoot(pose, origin, unit)
    marks = posed.points()
    s = p["scan"]  # 0: under the heel, 1: under the ball and toes
    under = (
        marks["heel"][0] * (1 - s) + marks["ball"][0] * s,
        marks["heel"][1] * (1 - s) + marks["ball"][1] * s,
    )
    radius = _MIRROR
    centre = (under[0] + 2, under[1] + radius + 22)
    handle = 8.0 - 10 * s
    shapes += props.hand_mirror(centre, radius, handle=handle, handle_length=40, depth=20)
    # The reflected sole fills the glass, turning a little as the mirror goes along.
    sole_unit = radius / 12.5
    shapes += foot_sole(
        (centre[0], centre[1] + radius * 0.8), sole_unit, turn=-12 + 24 * s, depth=20.2
    )
    shapes += props.two_way_arrow(
        (marks["ball"][0] + 6, _FLOOR + 18), (marks["heel"][0] + 6, _FLOOR + 18), 8.0
    )
    grip_a = math.radians(handle)
    reach = radius + 32
    grip = (centre[0] + math.cos(grip_a) * reach, centre[1] + math.sin(grip_a) * reach)
    # The right hand holds the handle in its fist, its back to us: the thumb toward the
    # mirror, the forearm down.
    toward_mirror = norm((-math.cos(grip_a), math.sin(grip_a), 0.0))
    up = norm((toward_mirror[1], -toward_mirror[0], 0.0))
    frame = Frame((grip[0] + 4, grip[1] + 26), 11.0, toward_mirror, up, (0.0, 0.0, -1.0))
    shapes += hand(_FIST, frame, forearm=2.6, depth=21)
    return shapes


_MIRROR = 68.0  # the mirror's radius: big, so that the sole in it is easy to see


FOOT_SCENES: tuple[Scene, ...] = (
    Scene(
        "check-water",
        _check_water,
        keys=((0.0, {"dip": 0.0}), (1.8, {"dip": 1.0})),
        period=4.0,
    ),
    Scene(
        "marble-foot-bath",
        _marble_foot_bath,
        keys=(
            (0.0, {"toes": -32.0, "ankle": -4.0, "lift": 0.0, "grip": 0.0}),
            (1.4, {"toes": 62.0, "ankle": -14.0, "lift": 6.0, "grip": 1.0}),
            (2.4, {"toes": 62.0, "ankle": -22.0, "lift": 16.0, "grip": 1.0}),
        ),
        period=3.6,
    ),
    Scene(
        "dry-feet",
        _dry_feet,
        keys=(
            (0.0, {"gap": 0.0, "lift": 0.0}),
            (0.8, {"gap": 0.0, "lift": 14.0}),
            (1.6, {"gap": 2.0, "lift": 0.0}),
            (2.4, {"gap": 2.0, "lift": 14.0}),
        ),
        period=3.2,
    ),
    Scene(
        "tennis-ball-foot",
        _tennis_ball_foot,
        keys=((0.0, {"roll": 0.0}), (2.0, {"roll": 1.0})),
        period=4.0,
    ),
    Scene(
        "lotion-foot-massage",
        _lotion_foot_massage,
        keys=(
            (0.0, {"x": 1.0, "y": 0.0}),
            (0.6, {"x": 0.0, "y": 1.0}),
            (1.2, {"x": -1.0, "y": 0.0}),
            (1.8, {"x": 0.0, "y": -1.0}),
        ),
        period=2.4,
    ),
    Scene(
        "check-feet",
        _check_feet,
        keys=((0.0, {"scan": 0.0}), (2.0, {"scan": 1.0})),
        period=4.0,
    ),
)
