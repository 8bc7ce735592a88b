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
    rounded_rect,
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
    """The thumb's tip on the tip of finger `finger` (0 index ... 3 little), that finger bent
    to meet it; the others stay relaxed."""
    pose: dict[str, float] = {"thumb.to": finger, "thumb.reach": reach}
    name = FINGERS[finger]
    pose.update(_fingers(38 * bend, 42 * bend, 18 * bend, (name,)))
    return pose


def _open(next_finger: int) -> dict[str, float]:
    pose: dict[str, float] = {"thumb.to": next_finger, "thumb.reach": 0.0, "tap": 0.0}
    pose.update(_fingers(6, 8, 4))
    return pose


def _draw_taps(p: Params) -> list[Shape]:
    # Seen a little from the thumb's side, the forearm resting on the table below.
    frame = hand_frame((215, 250), 25, _turned((0.18, 1, 0), -8), _turned(TOWARD, -38))
    shapes = hand(p, frame, forearm=2.9)
    shapes += _table_edge()
    tap = p.get("tap", 0.0)
    if tap > 0.5:  # the moment of the tap: short lines round the meeting tips
        finger = FINGERS[min(3, max(0, round(p["thumb.to"])))]
        tip = tips(p, frame)[finger]
        for dx, dy in ((-1, -1), (1, -1), (1.3, 0.2), (-1.3, 0.2)):
            start = (tip[0] + dx * 24, tip[1] + dy * 24)
            end = (tip[0] + dx * 38, tip[1] + dy * 38)
            shapes.append(line([start, end], 6, "arrow", 200))
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


def _table_edge() -> list[Shape]:
    return [blob(rounded_rect(14, 330, 386, 386, 10), "table", -50, sharp=True)]


def _tap_keys() -> tuple[tuple[float, Params], ...]:
    order = [0, 1, 2, 3, 2, 1]
    keys: list[tuple[float, Params]] = []
    for i, finger in enumerate(order):
        keys.append((i * 1.0, _open(finger)))
        keys.append((i * 1.0 + 0.5, {**_touch(finger, 1.0), "tap": 1.0}))
    return tuple(keys)


FINGER_TAPS = Scene("finger-taps", _draw_taps, _tap_keys(), period=6.0)


def _draw_opposition(p: Params) -> list[Shape]:
    # Held up, palm to the viewer; a round arrow shows the thumb's way round the tips.
    frame = hand_frame((200, 282), 25, UP, _turned(TOWARD, -30))
    shapes = hand(p, frame, forearm=2.4)
    shapes += arrow(arc_points((205, 112), 92, 200, 320, 10), 8)
    return shapes


def _opposition_keys() -> tuple[tuple[float, Params], ...]:
    keys: list[tuple[float, Params]] = [(0.0, _open(0))]
    t = 0.6
    for finger in range(4):
        touch = _touch(finger, 1.0, bend=1.3)
        keys.append((t, touch))
        keys.append((t + 0.7, touch))  # hold each touch for a moment: an "O"
        t += 1.3
    keys.append((t, _open(0)))
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
        shapes += arrow([(x + 30, y + 28), (x + 30, y - 8)], 7)
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
    # From the thumb's side, a little turned, so that every bend shows in outline.
    frame = hand_frame((175, 285), 27, UP, _turned((1.0, 0.0, 0.0), -58))
    return hand(p, frame, forearm=1.9)


def _glide_keys() -> tuple[tuple[float, Params], ...]:
    keys: list[tuple[float, Params]] = []
    for i, shape in enumerate(_GLIDE_SHAPES):
        keys.append((i * 6.0, shape))
        keys.append((i * 6.0 + 4.8, shape))  # each shape held, as the step says
    return tuple(keys)


TENDON_GLIDES = Scene("tendon-glides", _draw_glides, _glide_keys(), period=30.0)


# --- nerve glide -----------------------------------------------------------------------------

_NERVE_POSITIONS: tuple[dict[str, float], ...] = (
    # 1 a fist, the thumb outside
    {
        **_fingers(90, 100, 70),
        "thumb.spread": 5,
        "thumb.lift": 45,
        "thumb.mcp": 35,
        "thumb.ip": 25,
        "wrist": 0,
        "turn": 0,
        "help": 0,
    },
    # 2 fingers and thumb straight, together
    {
        **_fingers(0, 0, 0),
        "thumb.spread": 8,
        "thumb.lift": 0,
        "thumb.mcp": 0,
        "thumb.ip": 0,
        "wrist": 0,
        "turn": 0,
        "help": 0,
    },
    # 3 the wrist bent back
    {
        **_fingers(0, 0, 0),
        "thumb.spread": 8,
        "thumb.lift": 0,
        "thumb.mcp": 0,
        "thumb.ip": 0,
        "wrist": -55,
        "turn": 0,
        "help": 0,
    },
    # 4 the thumb out to the side
    {
        **_fingers(0, 0, 0),
        "thumb.spread": 75,
        "thumb.lift": -5,
        "thumb.mcp": 0,
        "thumb.ip": 0,
        "wrist": -55,
        "turn": 0,
        "help": 0,
    },
    # 5 the palm turned to face up
    {
        **_fingers(0, 0, 0),
        "thumb.spread": 75,
        "thumb.lift": -5,
        "thumb.mcp": 0,
        "thumb.ip": 0,
        "wrist": -55,
        "turn": 1,
        "help": 0,
    },
    # 6 the other hand eases the thumb a little further out
    {
        **_fingers(0, 0, 0),
        "thumb.spread": 88,
        "thumb.lift": -8,
        "thumb.mcp": 0,
        "thumb.ip": 0,
        "wrist": -55,
        "turn": 1,
        "help": 1,
    },
)


def _draw_nerve(p: Params) -> list[Shape]:
    # The forearm held up before the body from the elbow, seen from the front: one view for
    # all six positions. "turn" rolls the forearm from palm-forward to palm-up.
    along = (0.35, 1.0, 0.0)
    out = space.turn(space.scale(TOWARD, -1), along, 55)
    frame = hand_frame((215, 205), 21, along, out)
    turn = p.get("turn", 0.0)
    frame = frame.turned(frame.along, -70 * turn)
    shapes = hand(p, frame, forearm=6.2)
    if p.get("help", 0.0) > 0.01:
        tip = tips(p, frame)["thumb"]
        helper = hand_frame(
            (tip[0] + 58, tip[1] + 88), 19, (-0.7, 0.7, 0.0), (0.0, 0.0, 1.0), left=True
        )
        grip = {**_fingers(40, 45, 20), "thumb.spread": 20, "thumb.lift": 30}
        shapes += hand(grip, helper, forearm=2.0, depth=3.0)
        shapes += arrow([(tip[0] + 20, tip[1] - 30), (tip[0] + 48, tip[1] - 6)], 7)
    return shapes


def _nerve_keys() -> tuple[tuple[float, Params], ...]:
    keys: list[tuple[float, Params]] = []
    for i, position in enumerate(_NERVE_POSITIONS):
        keys.append((i * 5.0, position))
        keys.append((i * 5.0 + 3.8, position))
    return tuple(keys)


NERVE_GLIDE = Scene("nerve-glide", _draw_nerve, _nerve_keys(), period=30.0)


# --- wrist stretches -------------------------------------------------------------------------


def _draw_wrist(p: Params, palm_up: bool) -> list[Shape]:
    # The arm straight out toward the viewer's right, seen a little from above: bent down,
    # the hand shows the viewer its back (knuckles, nails) in the palm-down stretch and its
    # palm (lighter, with its lines) in the palm-up one.
    tilt: Vec = (1.0, 0.0, 0.0)
    ahead = space.turn(space.norm((0.75, 0.0, 0.66)), tilt, 22)
    facing = space.turn((0.0, 1.0 if palm_up else -1.0, 0.0), tilt, 22)
    frame = hand_frame((175, 120), 22, ahead, facing)
    bend = p["bend"]
    pose = {
        **_fingers(4, 6, 2),
        "thumb.spread": 18,
        "thumb.lift": 10,
        "thumb.mcp": 0,
        "thumb.ip": 0,
    }
    # Palm down, the hand bends down toward the palm; palm up, it bends back, fingers down.
    pose["wrist"] = 65 * bend if not palm_up else -65 * bend
    shapes = hand(pose, frame, forearm=5.0)
    chain = joints(pose, frame, "middle")
    (kx, ky), (mx, my) = chain[0], chain[-1]
    length = math.hypot(mx - kx, my - ky) or 1.0
    dx, dy = (mx - kx) / length, (my - ky) / length
    unit = 17
    if palm_up:
        # The other hand takes the fingertips from below and draws them back toward the body.
        tip = chain[-1]
        origin = (min(tip[0] + 70, 318), min(tip[1] + 38, 322))
        helper = hand_frame(origin, unit, (-0.85, 0.5, 0.0), (0.0, 0.3, -1.0), left=True)
        pose_helper = {**_fingers(50, 60, 30), "thumb.spread": 30, "thumb.lift": 40}
        shapes += hand(pose_helper, helper, forearm=1.4, depth=6.0)
        shapes += arrow(arc_points((tip[0] - 10, tip[1] - 50), 75, 80, 150, 8), 7)
    else:
        # The other hand lies on the back of the bent fingers and eases them down.
        a = math.radians(-35)  # turned toward upright: its arm comes from above, right
        hx, hy = dx * math.cos(a) + dy * math.sin(a), -dx * math.sin(a) + dy * math.cos(a)
        origin = (kx - hx * 3.0 * unit + 0.6 * unit, ky - hy * 3.0 * unit)
        helper = hand_frame(origin, unit, (hx, -hy, 0.0), (0.0, 0.0, -1.0), left=True)
        shapes += hand(_fingers(8, 10, 5), helper, forearm=1.8, depth=6.0)
        shapes += arrow(arc_points((175, 120), 215, 20, 62, 8), 7)
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
