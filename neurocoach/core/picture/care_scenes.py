"""The pictures for grip, massage and warmth: the hand rig with its props.

Each picture is posed, as the hand exercises are: the hand rig (hand.py) holds, rolls and
rubs the props (props.py), and the props answer the hand: the soft ball squashes as the
fingers close on it, the golf ball turns under the palm (half as far as the hand slides, as a
ball rolling between a hand and a table does), the towel drapes over the hand that pats.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import replace

from neurocoach.core.picture import props, space
from neurocoach.core.picture.hand import (
    BONE_LENGTHS,
    FINGER_WIDTHS,
    FINGERS,
    KNUCKLES,
    RELAXED,
    hand,
    hand_frame,
)
from neurocoach.core.picture.scene import Params, Scene
from neurocoach.core.picture.shapes import Kind, Point, Shape, arrow, ellipse, line
from neurocoach.core.picture.space import Frame, Vec

# ---------------------------------------------------------------- helpers


def _place(frame: Frame, local: Vec) -> tuple[Point, float]:
    """A point in the hand's own space (across, along, out): on the card, and its depth."""
    view = frame.to_view(local)
    return frame.card(view), view[2]


def _limbs(shapes: list[Shape]) -> list[Shape]:
    """A hand's tubes in the order hand() draws them: forearm, index ... little, thumb."""
    return [s for s in shapes if s.kind is Kind.LIMB]


def _moved(shapes: list[Shape], dx: float, dy: float) -> list[Shape]:
    return [s.moved(dx, dy) for s in shapes]


def _deeper(shapes: list[Shape], by: float) -> list[Shape]:
    return [replace(s, depth=s.depth + by) for s in shapes]


def _recoloured(shapes: list[Shape], roles: Mapping[str, str]) -> list[Shape]:
    return [
        replace(s, fill=roles.get(s.fill, s.fill), line=roles.get(s.line, s.line)) for s in shapes
    ]


def _thumb_split(shapes: list[Shape]) -> tuple[list[Shape], list[Shape]]:
    """A hand's shapes split into the thumb (its tube and marks, drawn last) and the rest."""
    index = max(i for i, s in enumerate(shapes) if s.kind is Kind.LIMB)
    return shapes[:index], shapes[index:]


def _wrap(
    name: str, centre: Vec, radius: float, floor: float | None = None
) -> tuple[float, float, float]:
    """A finger's three bends that lay it round a ball at `centre` (the hand's own space).

    Each bone in turn bends toward the palm until its end touches the ball's surface (the
    finger's middle line one half finger width out from it), so the fingers lie on the ball
    and never pass into it; a bone that cannot reach the ball bends as close as it can.
    `floor`, if given, is a table under the palm (how far out of the palm it lies): a bone
    stops bending when it reaches it, so fingers drape over a ball onto the table.
    """
    s = math.radians(RELAXED[f"{name}.spread"])
    d: Vec = (math.sin(s), math.cos(s), 0.0)
    n: Vec = (0.0, 0.0, 1.0)
    base: Vec = (*KNUCKLES[name], 0.0)
    rel = space.combine((1.0, centre), (-1.0, base))
    cu, cv = space.dot(rel, d), space.dot(rel, n)
    off = space.dot(rel, rel) - cu * cu - cv * cv
    r = math.sqrt(max(0.05, (radius + FINGER_WIDTHS[name] * 0.5) ** 2 - off))
    pu = pv = bent = 0.0
    angles: list[float] = []
    for length in BONE_LENGTHS[name]:
        chosen, closest, gap = bent, math.inf, bent
        found = False
        for step in range(121):
            th = bent - 10 + step
            eu = pu + length * math.cos(math.radians(th))
            ev = pv + length * math.sin(math.radians(th))
            f = math.hypot(eu - cu, ev - cv) - r
            if floor is not None:
                f = min(f, floor - FINGER_WIDTHS[name] * 0.5 - ev)
            if f <= 0:
                chosen, found = th, True
                break
            if f < closest:
                closest, gap = f, th
        th = chosen if found else gap
        angles.append(th - bent)
        bent = th
        pu += length * math.cos(math.radians(th))
        pv += length * math.sin(math.radians(th))
    return angles[0], angles[1], angles[2]


def _grip(centre: Vec, radius: float, floor: float | None = None) -> dict[str, float]:
    pose: dict[str, float] = {}
    for name in FINGERS:
        for joint, angle in zip(
            ("mcp", "pip", "dip"), _wrap(name, centre, radius, floor), strict=True
        ):
            pose[f"{name}.{joint}"] = angle
    return pose


# ---------------------------------------------------------------- soft ball squeeze

_BALL = 2.1  # the soft ball's radius, in rig units (a 7 cm ball in a hand 8 cm across)
_SQUASH = 0.7  # how far props.squeeze_ball squashes at a full (gentle) squeeze
_GRIP_UNIT = 25.0
_GRIP_ORIGIN = (180.0, 270.0)
_GRIP_FRAME = hand_frame(_GRIP_ORIGIN, _GRIP_UNIT, (0.0, 1.0, 0.0), (0.8, 0.0, 0.6))


def _ball_centre(squeeze: float) -> Vec:
    flat = 1 - 0.35 * _SQUASH * squeeze
    return 0.15, 3.3, 0.55 + _BALL * flat


def _grip_key(squeeze: float) -> dict[str, float]:
    flat = 1 - 0.35 * _SQUASH * squeeze
    pose = _grip(_ball_centre(squeeze), _BALL * flat)
    pose.update(
        {"thumb.spread": 45, "thumb.lift": 60, "thumb.mcp": 20, "thumb.ip": 25, "squeeze": squeeze}
    )
    return pose


def _draw_grip(p: Params) -> list[Shape]:
    squeeze = p.get("squeeze", 0.0)
    frame = _GRIP_FRAME
    shapes = hand(p, frame, forearm=3.0)
    centre, z = _place(frame, _ball_centre(squeeze))
    o = frame.out
    across = math.degrees(math.atan2(-o[1], o[0]))
    shapes += props.squeeze_ball(centre, _BALL * frame.unit, _SQUASH * squeeze, across - 90, z)
    if squeeze > 0.2:
        k = min(1.0, (squeeze - 0.2) / 0.6)
        cy = centre[1]
        for x0, way in ((42.0, 1.0), (366.0, -1.0)):
            shapes += arrow([(x0, cy), (x0 + way * 30 * k, cy)], 10.0)
    return shapes


GRIP_SQUEEZE = Scene(
    "grip-squeeze",
    _draw_grip,
    ((0.0, _grip_key(0.0)), (1.2, _grip_key(1.0))),
)


# ---------------------------------------------------------------- golf ball under the palm

_GOLF = 1.4  # a golf ball's radius in rig units (a touch large, to be seen)
_GOLF_UNIT = 22.0
_GOLF_TILT = math.radians(12)  # the table is seen a little from above
_GOLF_BALL_X = 188.0
_GOLF_WRIST_Y = 214.0
_HEEL, _FINGER_BASE = 1.3, 3.0  # where the ball is under the palm, at either end
_MIDDLE = (_HEEL + _FINGER_BASE) / 2
# The fingers stay long and relaxed, sloping gently down to rest their tips on the table:
# the palm, not the fingers, is on the ball.
_GOLF_POSE = {
    **{f"{f}.{j}": a for f in FINGERS for j, a in (("mcp", 12), ("pip", 10), ("dip", 4))},
    "thumb.spread": 12,
    "thumb.lift": 0,
    "thumb.mcp": 5,
    "thumb.ip": 5,
}


def _draw_golf(p: Params) -> list[Shape]:
    roll = p.get("roll", 0.0)
    a = _HEEL + (_FINGER_BASE - _HEEL) * roll  # where on the palm the ball is
    unit = _GOLF_UNIT
    # The ball rolls between the palm and the table: it goes half as far as the hand.
    wrist_x = _GOLF_BALL_X - (_MIDDLE + 2 * (a - _MIDDLE)) * unit
    frame = hand_frame(
        (wrist_x, _GOLF_WRIST_Y),
        unit,
        (1.0, 0.0, 0.0),
        (0.0, -math.cos(_GOLF_TILT), -math.sin(_GOLF_TILT)),
    )
    ball: Vec = (-0.3, a, 0.55 + _GOLF)
    shapes = hand(_GOLF_POSE, frame, forearm=1.5)
    centre, z = _place(frame, ball)
    radius = _GOLF * unit
    spin = math.degrees((a - _MIDDLE) * unit / radius)
    shapes += props.golf_ball(centre, radius, spin, depth=z)
    floor_y = centre[1] + radius
    shapes += props.table(floor_y - 60, floor_y + 60)
    # A firm shadow under the white ball, so that it stands out from the table.
    shapes.append(
        ellipse(
            (centre[0] + 6, floor_y - 2), radius * 1.15, radius * 0.3, "ball_shadow", -50, line=""
        )
    )
    shapes += props.two_way_arrow((110, 96), (290, 96), 10.0)
    return shapes


GOLF_BALL_PALM = Scene(
    "golf-ball-palm",
    _draw_golf,
    ((0.0, {"roll": 0.0}), (2.5, {"roll": 1.0})),
    period=5.0,
)


# ---------------------------------------------------------------- lotion massage

_LOTION_UNIT = 27.0
# The left hand lies open, its palm toward us, fingers spread: four fingers and a thumb.
_PALM_UP = hand_frame((158.0, 300.0), _LOTION_UNIT, (-0.1, 1.0, 0.0), (0.0, 0.0, 1.0), left=True)
_OPEN_PALM = {
    **{f"{f}.{j}": a for f in FINGERS for j, a in (("mcp", 0), ("pip", 4), ("dip", 2))},
    "index.spread": 9,
    "ring.spread": -9,
    "little.spread": -18,
    "thumb.spread": 48,
    "thumb.lift": 12,
}
# The right hand holds it from the little finger's side: its fingers curled out of sight
# behind the palm, only its thumb comes round in front, onto the palm.
_RUBBING = {
    **{f"{f}.{j}": a for f in FINGERS for j, a in (("mcp", 85), ("pip", 100), ("dip", 50))},
    "thumb.spread": 10,
    "thumb.lift": 40,
    "thumb.mcp": 5,
    "thumb.ip": 10,
}
_CIRCLE = 0.75  # the rubbing circle's radius, in rig units


def _rubbing_hand(
    pose: Mapping[str, float], frame: Frame, tip: Point, forearm: float, roles: Mapping[str, str]
) -> list[Shape]:
    """A hand behind another, shifted so that its thumb's tip is at `tip` on the card; the
    thumb comes round in front (on the other hand's palm), the rest stays behind it."""
    shapes = hand(pose, frame, forearm=forearm)
    x, y = _limbs(shapes)[-1].points[-1]
    rest, thumb = _thumb_split(_moved(shapes, tip[0] - x, tip[1] - y))
    return _recoloured(_deeper(rest, -6.0) + _deeper(thumb, 6.0), roles)


def _draw_lotion(p: Params) -> list[Shape]:
    # The thumb goes round: the keys give points on the circle, eased from one to the next.
    turn = math.atan2(p.get("sin", 0.0), p.get("cos", 1.0))
    palm = _PALM_UP
    shapes = hand(_OPEN_PALM, palm, forearm=0.9)
    centre, _ = _place(palm, (0.0, 2.3, 0.6))
    r = _CIRCLE * palm.unit
    tip = (centre[0] + r * math.cos(turn), centre[1] + r * math.sin(turn))
    rubbing = hand_frame((0.0, 0.0), _LOTION_UNIT, (-1.0, 0.12, 0.0), (0.0, 0.0, 1.0))
    shapes += _rubbing_hand(_RUBBING, rubbing, tip, 1.7, {})
    shapes += props.round_arrow(centre, r + 30, 160, 440, 9.0)
    shapes += props.lotion((340.0, 200.0), 110.0, depth=-20)
    # A little lotion still on the palm, where the thumb has not yet rubbed it in.
    shapes.append(ellipse((centre[0] - 30, centre[1] + 36), 11, 7, "lotion", 5.0, line="fine"))
    return shapes


LOTION_HAND_MASSAGE = Scene(
    "lotion-hand-massage",
    _draw_lotion,
    tuple(
        (i * 0.6, {"cos": math.cos(i * math.pi / 2), "sin": math.sin(i * math.pi / 2)})
        for i in range(4)
    ),
    period=2.4,
)


# ---------------------------------------------------------------- partner massage

_PARTNER = {"skin": "partner_hand", "palm": "partner_palm", "sleeve": "partner_sleeve"}
_PARTNER_UNIT = 21.0
# The user's hand lies open, palm toward us, between the partner's two hands.
_OFFERED = hand_frame((200.0, 312.0), 28.0, (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))
_OFFERED_POSE = {**_OPEN_PALM, "thumb.spread": 24, "thumb.lift": 30}
_STROKE = (0.9, 3.3)  # each partner thumb strokes from the heel of the palm up to the fingers


def _stroke_point(side: int, k: float) -> Point:
    """Where a partner thumb is, `k` (0 to 1) of its stroke up the palm on `side` (-1: our
    left)."""
    along = _STROKE[0] + (_STROKE[1] - _STROKE[0]) * k
    # The user's right hand, palm toward us: its thumb side (+across) is on our right.
    point, _ = _place(_OFFERED, (side * 0.8 - 0.1, along, 0.6))
    return point


def _draw_partner(p: Params) -> list[Shape]:
    user = _OFFERED
    shapes = hand(_OFFERED_POSE, user, forearm=0.7)
    for side in (-1, 1):
        k = p.get("left" if side < 0 else "right", 0.0)
        tip = _stroke_point(side, k)
        frame = hand_frame(
            (0.0, 0.0), _PARTNER_UNIT, (-side * 1.0, 0.1, 0.0), (0.0, 0.0, 1.0), left=side < 0
        )
        shapes += _rubbing_hand(_RUBBING, frame, tip, 1.2, _PARTNER)
    # Stroking arrows up the palm, between the two thumbs: from the heel to the fingers.
    y0, y1 = _stroke_point(-1, 0.0)[1], _stroke_point(-1, 1.0)[1]
    mid = _place(user, (-0.1, 0.0, 0.6))[0][0]
    shapes += arrow([(mid, y0 + 4), (mid, y1 - 4)], 10.0)
    return shapes


PARTNER_HAND_MASSAGE = Scene(
    "partner-hand-massage",
    _draw_partner,
    ((0.0, {"left": 0.0, "right": 1.0}), (1.5, {"left": 1.0, "right": 0.0})),
    period=3.0,
)


# ---------------------------------------------------------------- warm water

_BOWL_LEFT, _BOWL_RIGHT, _RIM, _BOWL_BOTTOM, _WATER = 36.0, 334.0, 200.0, 368.0, 228.0
_OPEN = {
    **{f"{f}.{j}": a for f in FINGERS for j, a in (("mcp", -5), ("pip", 0), ("dip", 0))},
    "index.spread": 9,
    "ring.spread": -9,
    "little.spread": -18,
    "thumb.spread": 40,
    "thumb.lift": 15,
    "thumb.mcp": 0,
    "thumb.ip": 5,
}
_CLOSED = {
    **{f"{f}.{j}": a for f in FINGERS for j, a in (("mcp", 35), ("pip", 50), ("dip", 25))},
    "thumb.spread": 20,
    "thumb.lift": 35,
    "thumb.mcp": 25,
    "thumb.ip": 30,
}


def _mix(a: Mapping[str, float], b: Mapping[str, float], k: float) -> dict[str, float]:
    return {
        n: a.get(n, RELAXED.get(n, 0.0)) * (1 - k) + b.get(n, RELAXED.get(n, 0.0)) * k
        for n in set(a) | set(b)
    }


def _draw_warm(p: Params) -> list[Shape]:
    close = p.get("close", 0.0)
    pose = {**_mix(_OPEN, _CLOSED, close), "wrist": -15}
    shapes = props.bowl_side(_BOWL_LEFT, _BOWL_RIGHT, _RIM, _BOWL_BOTTOM, _WATER)
    for k, (x, y, left) in enumerate(((236.0, 240.0, True), (252.0, 257.0, False))):
        frame = hand_frame((x, y), 20.0, (-1.0, -0.3, 0.0), (-0.3, -1.0, -0.3), left=left)
        shapes += _deeper(hand(pose, frame, forearm=4.4), -10.0 + 8.0 * k)
    # Lukewarm, never hot: a bath thermometer stands in the water, its reading in the green
    # band, and nothing rises from the water (no steam, no orange).
    shapes += props.bath_thermometer((92.0, 340.0), 190.0, -82.0, _LUKEWARM, depth=40.12)
    return shapes


_LUKEWARM = 0.49  # the thermometer's reading: its column ends in the green band


WARM_WATER_HANDS = Scene(
    "warm-water-hands",
    _draw_warm,
    ((0.0, {"close": 0.0}), (3.0, {"close": 1.0})),
    period=6.0,
)


# ---------------------------------------------------------------- pat dry

_TABLE_TOP = 300.0
_RESTING = hand_frame((282.0, 292.0), 22.0, (-1.0, 0.0, 0.0), (0.0, -1.0, -0.25))
_PATTING_POSE = {
    **{f"{f}.{j}": a for f in FINGERS for j, a in (("mcp", 10), ("pip", 12), ("dip", 6))},
    "thumb.spread": 15,
    "thumb.lift": 10,
}


def _draw_dry(p: Params) -> list[Shape]:
    lift = p.get("lift", 0.0)
    slide = p.get("slide", 0.0)
    shapes = props.table(_TABLE_TOP - 40, _TABLE_TOP + 55)
    resting = hand({**_PATTING_POSE, "thumb.lift": 5}, _RESTING, forearm=1.9)
    shapes += resting
    low = 236.0  # where the patting hand's palm meets the towel on the resting hand
    y = low - 70.0 * lift
    x = 272.0 + slide
    frame = hand_frame((x, y), 22.0, (-1.0, -0.08, 0.0), (0.0, -1.0, -0.3))
    patting = hand(_PATTING_POSE, frame, forearm=2.2)
    shapes += _deeper(patting, 10.0)
    # The towel drapes over the patting hand's back and falls round it, onto the other hand
    # when it pats.
    over = [_place(frame, (0.0, u, -1.1))[0] for u in (-0.4, 1.4, 3.2, 5.0, 6.8, 8.4)]
    drop = 62.0 + 10.0 * lift
    shapes += props.draped_towel(over, drop, 0.25, depth=14.0)
    shapes += arrow([(x - 50, y - 78), (x - 50, y - 40)], 9.0)
    shapes += arrow([(x - 20, y - 40), (x - 20, y - 78)], 9.0)
    # A small cue for "then look at the skin": an eye, looking down at the hands.
    shapes += props.eye((62.0, 70.0), 26.0, look=0.4)
    shapes.append(line([(74.0, 104.0), (96.0, 150.0)], 5.0, "arrow", 100.0))
    shapes.append(line([(102.0, 164.0), (110.0, 180.0)], 5.0, "arrow", 100.0))
    return shapes


DRY_HANDS = Scene(
    "dry-hands",
    _draw_dry,
    (
        (0.0, {"lift": 1.0, "slide": 0.0}),
        (0.6, {"lift": 0.0, "slide": 0.0}),
        (1.2, {"lift": 1.0, "slide": -30.0}),
        (1.8, {"lift": 0.0, "slide": -30.0}),
    ),
    period=2.4,
)

CARE_SCENES: tuple[Scene, ...] = (
    GRIP_SQUEEZE,
    GOLF_BALL_PALM,
    LOTION_HAND_MASSAGE,
    PARTNER_HAND_MASSAGE,
    WARM_WATER_HANDS,
    DRY_HANDS,
)
