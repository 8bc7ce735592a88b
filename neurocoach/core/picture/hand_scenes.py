"""The hand exercises' pictures: key poses of the hand rig, each shown from the side that
makes its movement plain (the palm for thumb work, the side for fist shapes, above and to
the side for the wrist stretches, so that palm up and palm down look different)."""

from __future__ import annotations

import math

from neurocoach.core.picture import space
from neurocoach.core.picture.hand import FINGERS, hand, hand_frame, joints, tips
from neurocoach.core.picture.scene import Params, Scene
from neurocoach.core.picture.shapes import (
    Shape,
    arc_points,
    arrow,
    blob,
    clipped_to_card,
    ellipse,
    line,
)
from neurocoach.core.picture.space import Vec

UP: Vec = (0.0, 1.0, 0.0)
TOWARD: Vec = (0.0, 0.0, 1.0)  # toward the viewer


def _fingers(
    mcp: float, pip: float, dip: float, names: tuple[str, ...] = FINGERS
) -> dict[str, float]:
    return {f"{f}.{j}": a for f in names for j, a in (("mcp", mcp), ("pip", pip), ("dip", dip))}


def _turned(v: Vec, degrees: float, axis: Vec = UP) -> Vec:
    return space.turn(v, axis, degrees)


# --- finger taps and thumb to fingertips -----------------------------------------------------


def _touch(finger: int, reach: float, bend: float = 1.0) -> dict[str, float]:
    """The thumb's tip on the tip of finger `finger` (0 index ... 3 little), that finger
    curled to meet it and the thumb rounded out, so that the two close round an open "O";
    the other fingers stay straight and apart."""
    pose: dict[str, float] = {
        **_APART,
        "thumb.to": finger,
        "thumb.reach": reach,
        "thumb.bow": 1.0,
        "thumb.spread": 40,
        "thumb.lift": 60,
    }
    pose.update(_fingers(65 * bend, 50 * bend, 20 * bend, (FINGERS[finger],)))
    return pose


_APART: dict[str, float] = {
    **_fingers(0, 4, 2),
    "index.spread": 18,
    "middle.spread": 4,
    "ring.spread": -12,
    "little.spread": -28,
}


def _open(next_finger: int) -> dict[str, float]:
    return {
        **_APART,
        "thumb.to": next_finger,
        "thumb.reach": 0.0,
        "thumb.bow": 1.0,
        "thumb.spread": 40,
        "thumb.lift": 45,
        "tap": 0.0,
    }


def _camera(v: Vec, yaw: float, pitch: float) -> Vec:
    """A direction in the room (x right, y up, z toward the viewer) as the viewer sees it from
    `yaw` degrees round to the right and `pitch` degrees above."""
    return _turned(_turned(v, -yaw), pitch, (1.0, 0.0, 0.0))


_TAP_YAW, _TAP_PITCH = -18.0, 62.0
_TAP_WRIST, _TAP_UNIT = (278.0, 200.0), 30.0


def _taps_frame() -> space.Frame:
    # The forearm and the little finger's side of the hand lie on the table, the fingers
    # pointing left, the palm toward the viewer and the thumb on top; seen from above and a
    # little from the fingertips, so that the thumb and the tapped finger close in sight.
    return hand_frame(
        _TAP_WRIST,
        _TAP_UNIT,
        _camera((-1.0, 0.0, 0.0), _TAP_YAW, _TAP_PITCH),
        _camera((0.0, 0.0, 1.0), _TAP_YAW, _TAP_PITCH),
    )


def _draw_taps(p: Params) -> list[Shape]:
    frame = _taps_frame()
    shapes = [_tabletop()]
    shapes += hand(p, frame, forearm=1.7)
    tap = p.get("tap", 0.0)
    if tap > 0.5:  # the moment of the tap: short lines round the meeting tips
        finger = FINGERS[min(3, max(0, round(p["thumb.to"])))]
        found = tips(p, frame)
        x, y = (
            (found[finger][0] + found["thumb"][0]) / 2,
            (found[finger][1] + found["thumb"][1]) / 2,
        )
        for dx, dy in ((-1, -1), (0.0, -1.4), (1, -1), (-1.35, 0.1)):
            start = (x + dx * 34, y + dy * 34)
            end = (x + dx * 52, y + dy * 52)
            shapes.append(line([start, end], 7, "arrow", 200))
    return shapes


def _surface(
    frame: space.Frame,
    below: float,
    across: tuple[float, float],
    along: tuple[float, float],
    role: str,
) -> Shape:
    """A flat surface (a table top) under the palm, `below` rig units beneath its middle,
    seen from the hand's own view and cut to the card."""
    corners = [(a, u, below) for a in across for u in along]
    points = space.convex_hull([frame.card(frame.to_view(c)) for c in corners])
    return blob(clipped_to_card(points, 8), role, -60, sharp=True)


def _tabletop() -> Shape:
    """The table top under the resting arm, seen from the same place as the hand."""
    corners = [
        _camera((x, -2.0, z), _TAP_YAW, _TAP_PITCH) for x in (-14.0, 14.0) for z in (-5.0, 3.2)
    ]
    x, y = _TAP_WRIST
    points = [(x + c[0] * _TAP_UNIT, y - c[1] * _TAP_UNIT) for c in corners]
    return blob(clipped_to_card(space.convex_hull(points), 8), "table", -60, sharp=True)


def _tap_keys() -> tuple[tuple[float, Params], ...]:
    order = [0, 1, 2, 3, 2, 1]
    keys: list[tuple[float, Params]] = []
    for i, finger in enumerate(order):
        keys.append((i * 1.0, _open(finger)))
        keys.append((i * 1.0 + 0.5, {**_touch(finger, 1.0), "tap": 1.0}))
    return tuple(keys)


FINGER_TAPS = Scene("finger-taps", _draw_taps, _tap_keys(), period=6.0)


def _draw_opposition(p: Params) -> list[Shape]:
    # Held up and seen from the thumb's side, so that thumb and finger make a ring with the
    # card showing through it; a short round arrow shows the thumb's way round the tips.
    frame = hand_frame((210, 288), 27, UP, _turned(TOWARD, -76))
    shapes = hand(p, frame, forearm=1.5)
    shapes += arrow(arc_points((210, 170), 118, 200, 258, 8), 11)
    return shapes


def _opposition_keys() -> tuple[tuple[float, Params], ...]:
    keys: list[tuple[float, Params]] = [(0.0, _open(0))]
    t = 0.7
    for finger in range(4):
        touch = _touch(finger, 1.0)
        keys.append((t, touch))
        keys.append((t + 0.9, touch))  # hold each touch for a moment: an "O"
        keys.append((t + 1.5, _open(min(3, finger + 1))))
        t += 2.2
    return tuple(keys)


THUMB_OPPOSITION = Scene(
    "thumb-opposition", _draw_opposition, _opposition_keys(), period=_opposition_keys()[-1][0] + 0.8
)


# --- finger lifts ----------------------------------------------------------------------------


def _looking_down(pitch: float) -> tuple[Vec, Vec]:
    """Forward (away from the viewer, along the table) and up, seen from `pitch` degrees above."""
    s, c = math.sin(math.radians(pitch)), math.cos(math.radians(pitch))
    return (0.0, s, -c), (0.0, c, s)


def _draw_lifts(p: Params) -> list[Shape]:
    forward, up = _looking_down(30)
    forward = _turned(forward, -84)
    frame = hand_frame((147, 262), 27, forward, space.scale(up, -1))
    pose = dict(p)
    shapes = [_surface(frame, 0.62, (-4.5, 6.0), (-3.5, 9.5), "table")]
    shapes += hand(pose, frame, forearm=2.4)
    lifted = max(FINGERS, key=lambda f: -p.get(f"{f}.mcp", 0.0))
    if p.get(f"{lifted}.mcp", 0.0) < -10:
        chain = joints(pose, frame, lifted)
        x, y = chain[-1]
        # Its shadow stays on the table, so the lift reads as off the table.
        base_x, base_y = chain[0]
        shadow_x = base_x + (x - base_x) * 1.0
        shapes.append(ellipse((shadow_x, base_y - 62), 12, 6, "shadow", -55, line=""))
        shapes += arrow([(x + 34, y + 40), (x + 34, y - 10)], 12)
    return shapes


def _lift(finger: str | None) -> dict[str, float]:
    pose = _fingers(0, 4, 2)
    pose.update({"index.spread": 12, "middle.spread": 2, "ring.spread": -8, "little.spread": -20})
    pose.update({"thumb.spread": 48, "thumb.lift": -6, "thumb.mcp": 0, "thumb.ip": 0})
    if finger is not None:
        pose.update({f"{finger}.mcp": -38, f"{finger}.pip": 0, f"{finger}.dip": 0})
    return pose


def _lift_keys() -> tuple[tuple[float, Params], ...]:
    keys: list[tuple[float, Params]] = []
    for i, finger in enumerate(FINGERS):
        keys.append((i * 3.0, _lift(None)))
        keys.append((i * 3.0 + 0.7, _lift(finger)))
        keys.append((i * 3.0 + 2.2, _lift(finger)))  # held up for a moment
    return tuple(keys)


FINGER_LIFTS = Scene("finger-lifts", _draw_lifts, _lift_keys(), period=12.0)


# --- tendon glides ---------------------------------------------------------------------------

_GLIDE_SHAPES: tuple[dict[str, float], ...] = (
    {**_fingers(0, 0, 0), "thumb.spread": 12, "thumb.lift": 8, "thumb.mcp": 0, "thumb.ip": 0},
    # hook fist: knuckles straight, the two far joints bent
    {**_fingers(0, 95, 70), "thumb.spread": 12, "thumb.lift": 10, "thumb.mcp": 0, "thumb.ip": 0},
    # tabletop: bent at the knuckles only, fingers straight
    {**_fingers(88, 0, 0), "thumb.spread": 12, "thumb.lift": 10, "thumb.mcp": 0, "thumb.ip": 0},
    # straight fist: knuckles and middle joints bent, tips to the base of the palm
    {**_fingers(88, 95, 0), "thumb.spread": 12, "thumb.lift": 10, "thumb.mcp": 0, "thumb.ip": 0},
    # full fist, the thumb outside
    {
        **_fingers(90, 100, 75),
        "thumb.spread": 5,
        "thumb.lift": 45,
        "thumb.mcp": 35,
        "thumb.ip": 25,
    },
)


def _draw_glides(p: Params) -> list[Shape]:
    # From the little finger's side, a little turned to the palm: every bend in outline.
    frame = hand_frame((165, 300), 30, UP, _turned((1.0, 0.0, 0.0), -25))
    return hand(p, frame, forearm=1.2)


def _glide_keys() -> tuple[tuple[float, Params], ...]:
    keys: list[tuple[float, Params]] = []
    for i, shape in enumerate(_GLIDE_SHAPES):
        keys.append((i * 6.0, shape))
        keys.append((i * 6.0 + 4.8, shape))  # each shape held, as the step says
    return tuple(keys)


TENDON_GLIDES = Scene("tendon-glides", _draw_glides, _glide_keys(), period=30.0)


# --- nerve glide -----------------------------------------------------------------------------


def _nerve_position(
    spread: float, lift: float, wrist: float = 0, turn: float = 0, help: float = 0
) -> dict[str, float]:
    """The open hand of the nerve glide, its thumb swung out by `spread` and `lift`."""
    return {
        **_fingers(0, 0, 0),
        "thumb.spread": spread,
        "thumb.lift": lift,
        "thumb.mcp": 0,
        "thumb.ip": 0,
        "wrist": wrist,
        "turn": turn,
        "help": help,
    }


_NERVE_POSITIONS: tuple[dict[str, float], ...] = (
    # 1 a fist, the thumb outside
    {**_nerve_position(5, 45), **_fingers(90, 100, 70), "thumb.mcp": 35, "thumb.ip": 25},
    _nerve_position(8, 0),  # 2 fingers and thumb straight, together
    _nerve_position(8, 0, wrist=-55),  # 3 the wrist bent back
    _nerve_position(75, -5, wrist=-55),  # 4 the thumb out to the side
    _nerve_position(75, -5, wrist=-55, turn=1),  # 5 the palm turned to face up
    _nerve_position(88, -8, wrist=-55, turn=1, help=1),  # 6 the other hand eases the thumb
)


_NERVE_ELBOW = (100.0, 322.0)
_NERVE_WRIST = -55.0  # the wrist bent back, from the third position on
_NERVE_UNIT = 21.0
_NERVE_FOREARM = 6.0


def _nerve_frame(turn: float) -> space.Frame:
    """The right forearm held up before the body from the elbow, seen from one place for all
    six positions: first the back of the hand to the viewer; `turn` (0 to 1) lowers the
    forearm a little and rolls it until the palm faces up, toward the top of the card."""
    up_along = space.norm((0.35, 1.0, 0.0))
    up_out = space.turn(space.scale(TOWARD, -1), up_along, 20)
    # Palm up: the bent-back hand lies flat, its palm to the sky (and a little to the
    # viewer), the fingers pointing right; the forearm is what that leaves at the wrist.
    flat = hand_frame((0.0, 0.0), 1.0, (1.0, -0.12, 0.0), (0.0, 0.8, 0.6))
    flat = flat.turned(flat.across, -_NERVE_WRIST)
    flat_along, flat_out = flat.along, flat.out
    along = space.norm(space.combine((1 - turn, up_along), (turn, flat_along)))
    out = space.norm(space.combine((1 - turn, up_out), (turn, flat_out)))
    reach = _NERVE_FOREARM * _NERVE_UNIT
    wrist = (_NERVE_ELBOW[0] + along[0] * reach, _NERVE_ELBOW[1] - along[1] * reach)
    return hand_frame(wrist, _NERVE_UNIT, along, out)


def _draw_nerve(p: Params) -> list[Shape]:
    frame = _nerve_frame(p.get("turn", 0.0))
    shapes = hand(p, frame, forearm=_NERVE_FOREARM)
    help_ = p.get("help", 0.0)
    if help_ > 0.01:
        # The other hand takes the thumb's tip between its fingers and eases it outward.
        chain = joints(p, frame, "thumb")
        (bx, by), (tx, ty) = chain[1], chain[-1]
        dx, dy = tx - bx, ty - by
        length = math.hypot(dx, dy) or 1.0
        dx, dy = dx / length, dy / length
        grip = (tx + dx * 8, ty + dy * 8)
        shapes += _helper(grip, math.degrees(math.atan2(dy, dx)) + 90, 14, 1.2)
        start = (tx - dy * 52 - dx * 12, ty + dx * 52 - dy * 12)
        shapes += arrow([start, (start[0] + dx * 44, start[1] + dy * 44)], 11)
    return shapes


def _nerve_keys() -> tuple[tuple[float, Params], ...]:
    keys: list[tuple[float, Params]] = []
    for i, position in enumerate(_NERVE_POSITIONS):
        keys.append((i * 5.0, position))
        keys.append((i * 5.0 + 3.8, position))
    return tuple(keys)


NERVE_GLIDE = Scene("nerve-glide", _draw_nerve, _nerve_keys(), period=30.0)


# --- wrist stretches -------------------------------------------------------------------------


def _wrist_frame(palm_up: bool) -> space.Frame:
    """The arm straight out toward the viewer's right, seen from above and in front: the
    palm-up hand shows its palm (lighter, with its lines), the palm-down hand its back."""
    tilt: Vec = (1.0, 0.0, 0.0)
    ahead = space.turn(space.norm((0.85, 0.0, 0.52)), tilt, 42)
    facing = space.turn((0.0, 1.0 if palm_up else -1.0, 0.0), tilt, 42)
    return hand_frame((150, 122), 26, ahead, facing)


def _helper(at: tuple[float, float], angle: float, unit: float, forearm: float) -> list[Shape]:
    """The other (left) hand, its back to the viewer, its fingers pointing `angle` degrees on
    the card (0 right, 90 down) with their middle joints at `at`, curled a little round
    what they hold."""
    fx, fy = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    reach = 5.6 * unit  # from the wrist to the fingers' middle joints
    origin = (at[0] - fx * reach, at[1] - fy * reach)
    frame = hand_frame(origin, unit, (fx, -fy, 0.0), (0.0, 0.0, -1.0), left=True)
    pose = {
        **_fingers(22, 34, 16),
        "index.spread": 0,
        "ring.spread": -1,
        "little.spread": -4,
        "thumb.spread": 38,
        "thumb.lift": 18,
        "thumb.mcp": 8,
        "thumb.ip": 8,
    }
    return hand(pose, frame, forearm=forearm, depth=6.0)


def _draw_wrist(p: Params, palm_up: bool) -> list[Shape]:
    frame = _wrist_frame(palm_up)
    bend = p["bend"]
    pose = {
        **_fingers(4, 6, 2),
        "index.spread": 2,
        "ring.spread": -2,
        "little.spread": -6,
        "thumb.spread": 22,
        "thumb.lift": 12,
        "thumb.mcp": 0,
        "thumb.ip": 0,
    }
    # Palm down, the hand bends down toward the palm; palm up, it bends back, fingers down.
    pose["wrist"] = 62 * bend if not palm_up else -62 * bend
    shapes = hand(pose, frame, forearm=3.3)
    chain = joints(pose, frame, "middle")
    near = min(1.0, bend / 0.35)  # at the start the other hand is on its way, not yet on
    if palm_up:
        # The other hand's fingers wrap across the front (palm side) of the bent-back
        # fingers near their tips and draw them back and down; its own arm comes from
        # below, apart from the stretched hand.
        (dx, dy), (tx, ty) = chain[2], chain[3]
        away = 1 - near
        at = (dx + (tx - dx) * 0.2 - 80 * away, dy + (ty - dy) * 0.2 + 20 * away)
        shapes += _helper(at, -62 + 34 * bend, 16, 1.0)
    else:
        # The other hand lies on the back of the fingers, from above, and presses them down.
        at = (chain[1][0], chain[1][1] - 30 * (1 - near))
        shapes += _helper(at, 90 + 48 * bend, 16, 0.9)
    # One arrow round the wrist, from where the fingers start to where they are eased to.
    wrist = frame.origin
    shapes += arrow(arc_points(wrist, 232, -6, 46, 10), 11)
    return shapes


WRIST_PALM_DOWN = Scene(
    "wrist-stretch-palm-down",
    lambda p: _draw_wrist(p, palm_up=False),
    ((0.0, {"bend": 0.0}), (1.8, {"bend": 1.0})),
)
WRIST_PALM_UP = Scene(
    "wrist-stretch-palm-up",
    lambda p: _draw_wrist(p, palm_up=True),
    ((0.0, {"bend": 0.0}), (1.8, {"bend": 1.0})),
)

HAND_SCENES: tuple[Scene, ...] = (
    FINGER_TAPS,
    THUMB_OPPOSITION,
    FINGER_LIFTS,
    TENDON_GLIDES,
    NERVE_GLIDE,
    WRIST_PALM_DOWN,
    WRIST_PALM_UP,
)
