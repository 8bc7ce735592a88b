"""An articulated right hand, posed by joint angles and seen from any side.

Every bundled hand picture is this one hand: a palm, four fingers of three bones each and a
thumb of three (its metacarpal makes the ball of the thumb), with nails and knuckle creases
on the back and the palm's lines and finger creases on the front, so that palm and back can
be told apart at a glance. The left hand is this hand mirrored on the screen.

A pose is a mapping of named angles in degrees (missing names keep the relaxed pose):
``index.mcp``, ``index.pip``, ``index.dip`` bend a finger's three joints toward the palm
(a negative ``mcp`` lifts it back), ``index.spread`` fans it toward the thumb;
``thumb.spread`` and ``thumb.lift`` swing the thumb out in the palm's plane and forward of
it, ``thumb.mcp`` and ``thumb.ip`` bend it; ``thumb.reach`` (0 to 1) brings the thumb's tip
to the tip of the finger ``thumb.to`` (0 index ... 3 little), and ``thumb.bow`` (0 to 1)
rounds it out, away from the palm, so that thumb and finger make an open "O"; ``wrist``
bends the hand toward the palm (negative: back), ``wrist.side`` toward the thumb.

Sizes are in rig units, about one finger's width; the frame says how big a unit is on the card.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from neurocoach.core.picture import space
from neurocoach.core.picture.shapes import Point, Shape, blob, ellipse, limb, line
from neurocoach.core.picture.space import Frame, Vec

FINGERS = ("index", "middle", "ring", "little")
# Knuckle (MCP) positions in the palm: across (toward the thumb), along (toward the fingers).
KNUCKLES = {
    "index": (1.3, 4.0),
    "middle": (0.42, 4.25),
    "ring": (-0.45, 4.05),
    "little": (-1.25, 3.6),
}
BONE_LENGTHS = {
    "index": (1.95, 1.2, 0.95),
    "middle": (2.15, 1.35, 1.0),
    "ring": (2.05, 1.3, 0.98),
    "little": (1.6, 1.0, 0.88),
}
FINGER_WIDTHS = {"index": 0.98, "middle": 1.0, "ring": 0.94, "little": 0.82}
_TAPER = (1.0, 0.93, 0.87)
_THUMB_BASE = (1.05, 0.75, 0.3)
_THUMB_LENGTHS = (1.95, 1.35, 1.1)
_THUMB_WIDTHS = (1.45, 1.08, 1.0)
# The palm's outline (across, along), as thick as _PALM_HALF_DEPTH on each side.
_PALM = [
    (-1.2, 0.0),
    (1.05, 0.0),
    (1.55, 0.9),
    (1.85, 2.3),
    (1.8, 3.9),
    (1.3, 4.4),
    (0.42, 4.6),
    (-0.45, 4.45),
    (-1.25, 4.0),
    (-1.75, 3.5),
    (-1.85, 2.0),
    (-1.6, 0.6),
]
_PALM_HALF_DEPTH = 0.55
RELAXED: dict[str, float] = {
    "index.spread": 5,
    "middle.spread": 0,
    "ring.spread": -5,
    "little.spread": -12,
    **{f"{f}.{j}": a for f in FINGERS for j, a in (("mcp", 8), ("pip", 10), ("dip", 5))},
    "thumb.spread": 30,
    "thumb.lift": 30,
    "thumb.mcp": 8,
    "thumb.ip": 15,
    "thumb.reach": 0,
    "thumb.to": 0,
    "thumb.bow": 0,
    "wrist": 0,
    "wrist.side": 0,
}
CREASE = 3.0  # the width of a crease or nail line, in card units


class PosedHand:
    """One pose of the hand worked out in view space: where each joint is."""

    def __init__(self, pose: Mapping[str, float], frame: Frame) -> None:
        self.p = {**RELAXED, **pose}
        self.arm = frame
        wrist = frame.turned(frame.across, self.p["wrist"])
        self.frame = wrist.turned(wrist.out, self.p["wrist.side"])
        self.fingers = {name: self._finger(name) for name in FINGERS}
        self.thumb = self._thumb()

    def at(self, local: Vec) -> Vec:
        return self.frame.to_view(local)

    def _finger(self, name: str) -> tuple[list[Vec], list[Vec]]:
        """The finger's joints (knuckle to tip) and each bone's palm-side normal, in view space."""
        spread = math.radians(self.p[f"{name}.spread"])
        d: Vec = (math.sin(spread), math.cos(spread), 0.0)
        n: Vec = (0.0, 0.0, 1.0)
        point: Vec = (*KNUCKLES[name], 0.0)
        joints, normals = [self.at(point)], []
        bent = 0.0
        for joint, length in zip(("mcp", "pip", "dip"), BONE_LENGTHS[name], strict=True):
            bent += self.p[f"{name}.{joint}"]
            direction = space.bend(d, n, bent)
            point = space.add(point, space.scale(direction, length))
            joints.append(self.at(point))
            normals.append(self.frame.direction(space.bend(n, space.scale(d, -1), bent)))
        return joints, normals

    def _thumb(self) -> tuple[list[Vec], list[Vec]]:
        up: Vec = (0.0, 1.0, 0.0)
        toward_thumb: Vec = (1.0, 0.0, 0.0)
        palm_side: Vec = (0.0, 0.0, 1.0)
        d = space.bend(space.bend(up, toward_thumb, self.p["thumb.spread"]), palm_side, 0.0)
        d = space.norm(
            space.combine(
                (math.cos(math.radians(self.p["thumb.lift"])), d),
                (math.sin(math.radians(self.p["thumb.lift"])), palm_side),
            )
        )
        hint = space.norm(space.combine((-1.0, toward_thumb), (0.8, palm_side)))
        b = _perpendicular(hint, d)
        free = [0.0, self.p["thumb.mcp"], self.p["thumb.mcp"] + self.p["thumb.ip"]]
        directions = [space.bend(d, b, a) for a in free]
        reach = min(1.0, max(0.0, self.p["thumb.reach"]))
        if reach > 0:
            target = self._thumb_target()
            # thumb.bow (0 to 1) rounds the reaching thumb out, away from the palm, so that
            # it and the finger it meets close round an open "O" instead of lying on the palm.
            bow = min(1.0, max(0.0, self.p["thumb.bow"]))
            bowed = space.norm(space.combine((-1.0, toward_thumb), (0.8 - 2.4 * bow, palm_side)))
            reached = _reach(_THUMB_BASE, target, bowed)
            directions = [
                space.norm(space.combine((1 - reach, f), (reach, r)))
                for f, r in zip(directions, reached, strict=True)
            ]
        point: Vec = _THUMB_BASE
        joints, normals = [self.at(point)], []
        for direction, length in zip(directions, _THUMB_LENGTHS, strict=True):
            point = space.add(point, space.scale(direction, length))
            joints.append(self.at(point))
            normals.append(self.frame.direction(_perpendicular(hint, direction)))
        return joints, normals

    def _thumb_target(self) -> Vec:
        """Where the thumb's pad meets the chosen finger's pad, in the hand's own space."""
        name = FINGERS[min(3, max(0, round(self.p["thumb.to"])))]
        spread = math.radians(self.p[f"{name}.spread"])
        d: Vec = (math.sin(spread), math.cos(spread), 0.0)
        n: Vec = (0.0, 0.0, 1.0)
        point: Vec = (*KNUCKLES[name], 0.0)
        bent = 0.0
        for joint, length in zip(("mcp", "pip", "dip"), BONE_LENGTHS[name], strict=True):
            bent += self.p[f"{name}.{joint}"]
            point = space.add(point, space.scale(space.bend(d, n, bent), length))
        pad = space.bend(n, space.scale(d, -1), bent)
        return space.add(point, space.scale(pad, FINGER_WIDTHS[name] * 0.8))


def hand_frame(origin: Point, unit: float, along: Vec, out: Vec, left: bool = False) -> Frame:
    """A frame for `hand`: the wrist at `origin`, the fingers pointing `along`, the palm
    facing `out` (both in view space: x right, y up, z toward the viewer). The thumb's side
    follows from those two, so a right hand stays a right hand; `left` mirrors it into a left
    hand (for the other hand in a picture: a hand holding, pressing or rubbing)."""
    along, out = space.norm(along), space.norm(out)
    out = _perpendicular(out, along)
    across = space.cross(along, out)
    return Frame(origin, unit, space.scale(across, -1) if left else across, along, out)


def tips(pose: Mapping[str, float], frame: Frame) -> dict[str, Point]:
    """Where each fingertip and the thumb's tip are on the card, for props and arrows that
    must meet them (a tap's mark, a helping hand)."""
    posed = PosedHand(pose, frame)
    found = {name: frame.card(joints[-1]) for name, (joints, _) in posed.fingers.items()}
    found["thumb"] = frame.card(posed.thumb[0][-1])
    return found


def joints(pose: Mapping[str, float], frame: Frame, finger: str) -> list[Point]:
    """A finger's (or the thumb's) joints on the card, from its base to its tip."""
    posed = PosedHand(pose, frame)
    chain = posed.thumb if finger == "thumb" else posed.fingers[finger]
    return [frame.card(j) for j in chain[0]]


def _perpendicular(v: Vec, to: Vec) -> Vec:
    """The part of `v` at right angles to the unit vector `to`, as a unit vector."""
    return space.norm(space.combine((1.0, v), (-space.dot(v, to), to)))


def _reach(base: Vec, target: Vec, hint: Vec) -> list[Vec]:
    """The thumb's three bone directions that bring its tip to `target`, bending toward `hint`."""
    offset = space.combine((1.0, target), (-1.0, base))
    distance = math.sqrt(space.dot(offset, offset))
    toward = space.norm(offset)
    side = _perpendicular(hint, toward)

    def chord(phi: float) -> tuple[float, float]:
        x = y = 0.0
        for k, length in zip((0.0, 1.0, 1.8), _THUMB_LENGTHS, strict=True):
            x += length * math.cos(phi * k)
            y += length * math.sin(phi * k)
        return math.hypot(x, y), math.atan2(y, x)

    low, high = 0.0, math.radians(85)
    for _ in range(24):  # the chord shortens as the thumb bends: halve the interval
        middle = (low + high) / 2
        if chord(middle)[0] > distance:
            low = middle
        else:
            high = middle
    phi = (low + high) / 2
    alpha = chord(phi)[1]
    start = space.combine((math.cos(alpha), toward), (-math.sin(alpha), side))
    across = space.combine((math.sin(alpha), toward), (math.cos(alpha), side))
    return [space.bend(start, across, math.degrees(phi * k)) for k in (0.0, 1.0, 1.8)]


def _mean_depth(points: list[Vec]) -> float:
    return sum(p[2] for p in points) / len(points)


def hand(
    pose: Mapping[str, float],
    frame: Frame,
    forearm: float = 4.5,
    depth: float = 0.0,
    sleeve: bool = True,
) -> list[Shape]:
    """The shapes of the hand in `pose`, its wrist at the frame's origin.

    The frame's axes are the hand's: `across` toward the thumb, `along` toward the fingers,
    `out` out of the palm. `forearm` is how far the arm runs back from the wrist, ending in a
    sleeve so that it never runs off the card.
    """
    posed = PosedHand(pose, frame)
    shapes: list[Shape] = []
    card = frame.card
    palm_out = posed.frame.out[2]  # > 0: the palm faces the viewer

    # The forearm, from the wrist back, and the sleeve that ends it.
    arm = posed.arm
    wrist = arm.to_view((-0.05, 0.3, 0.0))
    elbow = arm.to_view((-0.05, -forearm, 0.0))
    middle = arm.to_view((-0.05, -forearm / 2, 0.0))
    unit = frame.unit
    shapes.append(
        limb(
            [card(wrist), card(middle), card(elbow)],
            [2.75 * unit, 3.05 * unit],
            "skin",
            depth + _mean_depth([wrist, elbow]) - 0.2,
        )
    )
    if sleeve:
        cuff = [
            arm.to_view((dx, -forearm + dy, dz))
            for dx in (-1.95, 1.95)
            for dy in (0.0, -1.6)
            for dz in (-1.7, 1.7)
        ]
        shapes.append(
            blob(
                space.convex_hull([card(p) for p in cuff]),
                "sleeve",
                depth + _mean_depth([wrist, elbow]) - 0.1,
            )
        )

    # The palm: a slab, so that it keeps a thickness when seen from the side.
    slab = [posed.at((a, u, s * _PALM_HALF_DEPTH)) for a, u in _PALM for s in (-1, 1)]
    palm_depth = depth + posed.at((0.0, 2.2, 0.0))[2] + 0.6
    shapes.append(
        blob(
            space.convex_hull([card(p) for p in slab]),
            "palm" if palm_out > 0.15 else "skin",
            palm_depth,
        )
    )
    shapes.extend(_palm_marks(posed, palm_out, palm_depth + 0.01))

    for name in FINGERS:
        joints, normals = posed.fingers[name]
        width = FINGER_WIDTHS[name]
        finger_depth = depth + _mean_depth(joints[1:])
        shapes.append(
            limb(
                [card(j) for j in joints], [width * t * unit for t in _TAPER], "skin", finger_depth
            )
        )
        shapes.extend(_finger_marks(joints, normals, width, frame, finger_depth + 0.01))

    joints, normals = posed.thumb
    thumb_depth = depth + _mean_depth(joints[1:]) + 0.7
    shapes.append(
        limb([card(j) for j in joints], [w * unit for w in _THUMB_WIDTHS], "skin", thumb_depth)
    )
    shapes.extend(
        _finger_marks(
            joints, normals, _THUMB_WIDTHS[2], frame, thumb_depth + 0.01, joints_marked=(2,)
        )
    )
    return shapes


def _palm_marks(posed: PosedHand, palm_out: float, depth: float) -> list[Shape]:
    """The palm's three lines when the palm is seen; the knuckles when the back is."""
    card = posed.frame.card
    marks: list[Shape] = []
    if palm_out > 0.35:
        surface = _PALM_HALF_DEPTH + 0.02
        for path in (
            [(-1.75, 3.05), (-0.9, 3.2), (0.1, 3.45), (0.95, 3.8)],  # heart line
            [(1.55, 2.85), (0.6, 2.45), (-0.4, 2.2), (-1.3, 2.05)],  # head line
            [(1.45, 2.75), (0.75, 2.0), (0.45, 1.2), (0.55, 0.35)],  # life line
        ):
            marks.append(
                line([card(posed.at((a, u, surface))) for a, u in path], CREASE, "crease", depth)
            )
    elif palm_out < -0.35:
        for name in FINGERS:
            across, along = KNUCKLES[name]
            half = FINGER_WIDTHS[name] * 0.32
            points = [
                card(posed.at((across - half, along - 0.35, -_PALM_HALF_DEPTH - 0.02))),
                card(posed.at((across, along - 0.22, -_PALM_HALF_DEPTH - 0.02))),
                card(posed.at((across + half, along - 0.35, -_PALM_HALF_DEPTH - 0.02))),
            ]
            marks.append(line(points, CREASE, "crease", depth))
    return marks


def _finger_marks(
    joints: list[Vec],
    normals: list[Vec],
    width: float,
    frame: Frame,
    depth: float,
    joints_marked: tuple[int, ...] = (1, 2),
) -> list[Shape]:
    """A nail on the last bone when its back is seen; creases at the bends on either side."""
    card = frame.card
    unit = frame.unit
    marks: list[Shape] = []
    tip, last = joints[-1], joints[-2]
    back = space.scale(normals[-1], -1)
    (x1, y1), (x2, y2) = card(last), card(tip)
    bone = math.hypot(x2 - x1, y2 - y1)
    if back[2] > 0.3 and bone > 0.45 * unit:
        # The nail sits toward the tip, on the back of the last bone.
        centre = space.add(
            space.combine((0.35, last), (0.65, tip)), space.scale(back, width * 0.38)
        )
        angle = math.degrees(math.atan2(y2 - y1, x2 - x1))
        breadth = width * unit * 0.3 * min(1.0, back[2] * 1.3)
        marks.append(ellipse(card(centre), bone * 0.3, breadth, "nail", depth, angle, "fine"))
    for index in joints_marked:
        before, here, after = joints[index - 1], joints[index], joints[index + 1]
        (ax, ay), (bx, by) = card(before), card(after)
        length = math.hypot(bx - ax, by - ay) or 1.0
        across = (-(by - ay) / length, (bx - ax) / length)
        palm_side = normals[index][2]
        if abs(palm_side) < 0.35:
            continue  # seen from the side: no crease to show
        half = width * unit * (0.3 if palm_side > 0 else 0.22)
        cx, cy = card(here)
        shift = 0.0 if palm_side > 0 else 0.12 * unit
        points: list[Point] = [
            (cx + across[0] * half - shift * across[1], cy + across[1] * half + shift * across[0]),
            (cx - across[0] * half - shift * across[1], cy - across[1] * half + shift * across[0]),
        ]
        marks.append(line(points, CREASE, "crease", depth))
    return marks
