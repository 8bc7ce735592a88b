"""The things an exercise uses, drawn true: a table, a chair, a bowl of water, balls, a towel.

Every drawer takes where the prop stands and how big it is, in card units (the card is 400 x
400, y grows down), and a `depth` for the painter's order: a prop under a hand is drawn at a
lower depth than the hand (hands and feet sit round depth 0; a table at -100 is safely
behind). Props built of several parts spread them over `depth` to `depth + 1`, so a hand at
depth + 2 or more is always in front. Colours are roles, as everywhere in the pictures.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from neurocoach.core.picture import space
from neurocoach.core.picture.shapes import (
    OUTLINE,
    Kind,
    Point,
    Shape,
    arc_points,
    arrow,
    blob,
    ellipse,
    line,
    rounded_rect,
)
from neurocoach.core.picture.space import Vec

FOLD = 4.0  # the width of a fold, seam or mark line, in card units


def _rotated(points: Sequence[Point], centre: Point, degrees: float) -> list[Point]:
    a = math.radians(degrees)
    c, s = math.cos(a), math.sin(a)
    cx, cy = centre
    return [(cx + (x - cx) * c - (y - cy) * s, cy + (x - cx) * s + (y - cy) * c) for x, y in points]


def _wave(
    start: Point, end: Point, amplitude: float, waves: float, phase: float = 0.0, count: int = 16
) -> list[Point]:
    """Points from `start` to `end`, swinging `amplitude` to either side, `waves` times."""
    (x1, y1), (x2, y2) = start, end
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    nx, ny = -(y2 - y1) / length, (x2 - x1) / length
    points: list[Point] = []
    for i in range(count + 1):
        t = i / count
        off = amplitude * math.sin((t * waves + phase) * 2 * math.pi)
        points.append((x1 + (x2 - x1) * t + nx * off, y1 + (y2 - y1) * t + ny * off))
    return points


# ---------------------------------------------------------------- a table, the floor, a chair


def table(
    top: float,
    front: float,
    left: float = 16.0,
    right: float = 384.0,
    edge: float = 22.0,
    inset: float = 22.0,
    depth: float = -100.0,
) -> list[Shape]:
    """A tabletop seen from the front and a little above, with its front edge below it.

    The top's far side is at `top` and its near side at `front` (card y); it narrows toward
    the back by `inset` on either side, as a surface seen from above does. The front edge is
    `edge` deep below `front`. Everything stays between `left` and `right`.
    """
    surface = [(left + inset, top), (right - inset, top), (right, front), (left, front)]
    return [
        blob(surface, "table", depth, sharp=True),
        blob(
            [(left, front), (right, front), (right, front + edge), (left, front + edge)],
            "table_edge",
            depth + 0.1,
            sharp=True,
        ),
        # Two grain lines make it wood, not a wall.
        line(
            [
                (left + inset + 30, top + (front - top) * 0.35),
                (left + (right - left) * 0.45, top + (front - top) * 0.3),
            ],
            FOLD * 0.7,
            "table_edge",
            depth + 0.05,
        ),
        line(
            [
                (left + (right - left) * 0.55, top + (front - top) * 0.7),
                (right - inset - 20, top + (front - top) * 0.75),
            ],
            FOLD * 0.7,
            "table_edge",
            depth + 0.05,
        ),
    ]


def floor(
    y: float, left: float = 14.0, right: float = 386.0, bottom: float = 386.0, depth: float = -100.0
) -> list[Shape]:
    """The floor from `y` down to `bottom`: a flat band with a firm line at its far edge."""
    return [
        blob(
            [(left, y), (right, y), (right, bottom), (left, bottom)],
            "floor",
            depth,
            line="",
            sharp=True,
        ),
        line([(left, y), (right, y)], OUTLINE, "ink", depth + 0.1),
    ]


def chair(
    front: float,
    seat: float,
    floor_y: float,
    depth_across: float = 120.0,
    back_height: float = 150.0,
    facing: int = -1,
    depth: float = -60.0,
) -> list[Shape]:
    """A simple sturdy wooden chair seen from the side.

    `front` is the x of the seat's front edge, `seat` the y of its top and `floor_y` where
    the legs stand; the seat runs `depth_across` back from the front, away from `facing`
    (-1: the chair faces left, its back on the right). The backrest rises `back_height`.
    """
    back = front - facing * depth_across
    lo, hi = min(front, back), max(front, back)
    thick = 16.0
    leg = 14.0
    shapes = [
        # Legs first, so the seat covers their tops.
        blob(
            [
                (front - leg / 2, seat),
                (front + leg / 2, seat),
                (front + leg / 2, floor_y),
                (front - leg / 2, floor_y),
            ],
            "chair",
            depth,
            sharp=True,
        ),
        blob(
            [
                (back - leg / 2, seat),
                (back + leg / 2, seat),
                (back + leg / 2 + facing * -4, floor_y),
                (back - leg / 2 + facing * -4, floor_y),
            ],
            "chair",
            depth,
            sharp=True,
        ),
        # A rail between the legs, halfway down.
        blob(
            [
                (lo, seat + (floor_y - seat) * 0.55),
                (hi, seat + (floor_y - seat) * 0.55),
                (hi, seat + (floor_y - seat) * 0.55 + 10),
                (lo, seat + (floor_y - seat) * 0.55 + 10),
            ],
            "chair",
            depth - 0.05,
            sharp=True,
        ),
        # The back post and its rest, leaning back a little.
        blob(
            [
                (back - leg / 2, seat),
                (back + leg / 2, seat),
                (back + leg / 2 - facing * 14, seat - back_height),
                (back - leg / 2 - facing * 14, seat - back_height),
            ],
            "chair",
            depth + 0.1,
            sharp=True,
        ),
        blob(
            rounded_rect(
                min(back, back - facing * 14) - 10,
                seat - back_height,
                max(back, back - facing * 14) + 10,
                seat - back_height * 0.55,
                5,
            ),
            "chair",
            depth + 0.2,
            sharp=True,
        ),
        blob(rounded_rect(lo - 6, seat, hi + 6, seat + thick, 5), "chair", depth + 0.3, sharp=True),
    ]
    return shapes


# ---------------------------------------------------------------- a washing-up bowl of water


def bowl(
    centre_x: float,
    rim: float,
    width: float = 240.0,
    height: float = 110.0,
    warm: bool = False,
    phase: float = 0.0,
    depth: float = -40.0,
) -> list[Shape]:
    """A washing-up bowl of water seen from the front and a little above.

    `rim` is the card y of the rim's centre line, `width` across the rim and `height` from
    the rim down to the bowl's foot. The water's surface shows inside the rim, with a
    waterline; `warm` adds three very faint, short, pale lines over it (lukewarm, never
    steam: see `warmth`), which shimmer with `phase` (0 to 1 is one round).

    Depths: the bowl's body at `depth`, the water at `depth + 0.2`, the warmth at
    `depth + 0.9`. Something dipped in the water (an elbow, a thermometer) goes between
    `depth + 0.2` and `depth + 0.9`.
    """
    half = width / 2
    ry = width * 0.13
    bottom = rim + height
    foot = half * 0.74
    body = [
        (centre_x - half, rim),
        (centre_x - half * 0.93, rim + height * 0.55),
        (centre_x - foot, bottom - 6),
        (centre_x - foot + 10, bottom),
        (centre_x + foot - 10, bottom),
        (centre_x + foot, bottom - 6),
        (centre_x + half * 0.93, rim + height * 0.55),
        (centre_x + half, rim),
    ]
    body_shape = blob(body, "bowl", depth, sharp=True)
    shapes = [
        body_shape,
        ellipse((centre_x, rim), half, ry, "bowl", depth + 0.05),
        ellipse((centre_x, rim + ry * 0.12), half - 11, ry - 5, "water", depth + 0.1),
        # The waterline, a little wavy, across the near half of the surface.
        line(
            _wave(
                (centre_x - half * 0.62, rim + ry * 0.42),
                (centre_x + half * 0.62, rim + ry * 0.42),
                2.5,
                3.0,
            ),
            FOLD,
            "water_line",
            depth + 0.15,
        ),
        # A band round the bowl's body: plastic, not glass.
        line(
            [
                (centre_x - half * 0.95, rim + height * 0.3),
                (centre_x, rim + height * 0.3 + ry * 0.6),
                (centre_x + half * 0.95, rim + height * 0.3),
            ],
            FOLD,
            "bowl_band",
            depth + 0.02,
        ),
    ]
    if warm:
        shapes.extend(warmth(centre_x, rim - ry * 0.3, width * 0.5, phase, depth + 0.9))
    return shapes


def warmth(
    centre_x: float,
    bottom: float,
    spread: float,
    phase: float = 0.0,
    depth: float = 50.0,
    count: int = 3,
    height: float = 24.0,
) -> list[Shape]:
    """Very faint, short, pale wavy lines over water: lukewarm, never hot.

    A few thin soft waves in the pale "lukewarm" role (never the orange of heat, never a
    plume of steam: the people these pictures are for may not feel heat, so nothing may say
    "hot"), spread over `spread` across; `phase` (0 to 1) lifts them a little and back.
    """
    shapes: list[Shape] = []
    lift = 3.0 * math.sin(phase * 2 * math.pi)
    for i in range(count):
        x = centre_x + spread * ((i + 0.5) / count - 0.5)
        base = bottom - 6 - lift - (3 if i % 2 else 0)
        points = _wave((x, base), (x, base - min(height, 28.0)), 2.5, 1.0, phase + i * 0.3, 10)
        shapes.append(line(points, 3.0, "lukewarm", depth))
    return shapes


def bowl_side(
    left: float,
    right: float,
    rim: float,
    bottom: float,
    water: float,
    depth_back: float = -40.0,
    depth_front: float = 40.0,
) -> list[Shape]:
    """A washing-up bowl seen from the side, as if its near wall were clear, to show feet in it.

    The bowl's far wall is drawn at `depth_back`, and the water in front of whatever stands
    in it at `depth_front` (a see-through tint, the "water_glass" role, with a wavy surface at
    card y `water`); the bowl's outline and rim come last. Put feet and marbles between the two
    depths.
    """
    slope = (right - left) * 0.07
    wall = [(left, rim), (right, rim), (right - slope, bottom), (left + slope, bottom)]
    frac = (water - rim) / (bottom - rim)
    wl, wr = left + slope * frac, right - slope * frac
    surface = _wave((wr, water), (wl, water), 2.5, 4.0, 0.0, 24)
    water_shape = [*surface, (left + slope, bottom), (right - slope, bottom)]
    return [
        blob(wall, "bowl_inside", depth_back, sharp=True),
        Shape(Kind.BLOB, tuple(water_shape), (), "water_glass", "", depth_front, sharp=True),
        line(surface, FOLD, "water_line", depth_front + 0.05),
        *[
            line([a, b], OUTLINE, "ink", depth_front + 0.1)
            for a, b in (
                ((left, rim), (left + slope, bottom)),
                ((left + slope, bottom), (right - slope, bottom)),
                ((right - slope, bottom), (right, rim)),
            )
        ],
        line([(left - 8, rim), (right + 8, rim)], 12.0, "bowl_rim", depth_front + 0.15),
    ]


# ---------------------------------------------------------------- balls


def marble(centre: Point, radius: float = 12.0, colour: int = 0, depth: float = 0.0) -> list[Shape]:
    """A round glass marble with a swirl and a bright shine (colour 0 blue, 1 green, 2 amber)."""
    role = ("marble", "marble_green", "marble_amber")[colour % 3]
    cx, cy = centre
    return [
        ellipse(centre, radius, radius, role, depth),
        line(
            arc_points((cx + radius * 0.1, cy + radius * 0.1), radius * 0.55, 20, 160, 7),
            max(2.0, radius * 0.18),
            "marble_swirl",
            depth + 0.01,
        ),
        ellipse(
            (cx - radius * 0.35, cy - radius * 0.38),
            radius * 0.3,
            radius * 0.2,
            "marble_shine",
            depth + 0.02,
            angle=-35,
            line="",
        ),
    ]


def marbles(centres: Sequence[Point], radius: float = 12.0, depth: float = 0.0) -> list[Shape]:
    """Several marbles, in turn blue, green and amber; later ones are drawn in front."""
    shapes: list[Shape] = []
    for i, c in enumerate(centres):
        shapes.extend(marble(c, radius, i, depth + i * 0.03))
    return shapes


def _on_sphere(p: Vec, axis: Vec, spin: float, tilt: float) -> Vec:
    turned = space.turn(p, axis, spin)
    return space.turn(turned, (1.0, 0.0, 0.0), tilt)


def tennis_ball(
    centre: Point,
    radius: float = 30.0,
    spin: float = 0.0,
    axis: Vec = (0.0, 0.0, 1.0),
    depth: float = 0.0,
) -> list[Shape]:
    """A yellow-green tennis ball with its white curved seam.

    `spin` turns the ball by that many degrees about `axis` (view space: x right, y up, z
    toward the viewer); the default axis is the one a ball rolling left or right turns about,
    so a ball that rolls shows its seam moving. Positive spin rolls it to the left.
    """
    shapes = [ellipse(centre, radius, radius, "tennis", depth)]
    a, b = 0.72, 0.28
    c = 2 * math.sqrt(a * b)
    runs: list[list[Point]] = []
    run: list[Point] = []
    for i in range(97):
        t = 2 * math.pi * i / 96
        p = (
            a * math.cos(t) + b * math.cos(3 * t),
            a * math.sin(t) - b * math.sin(3 * t),
            c * math.sin(2 * t),
        )
        x, y, z = _on_sphere(space.norm(p), axis, spin, 25.0)
        if z > 0.05:
            run.append((centre[0] + x * radius * 0.93, centre[1] - y * radius * 0.93))
        elif run:
            runs.append(run)
            run = []
    if run:
        if runs and len(runs[0]) and z > 0.05 and _close(runs[0][0], run[-1]):
            runs[0] = run + runs[0]
        else:
            runs.append(run)
    for r in runs:
        if len(r) >= 2:
            shapes.append(line(r, max(3.0, radius * 0.13), "tennis_seam", depth + 0.1))
    # A soft shine, up and left.
    shapes.append(
        ellipse(
            (centre[0] - radius * 0.4, centre[1] - radius * 0.45),
            radius * 0.22,
            radius * 0.13,
            "tennis_shine",
            depth + 0.05,
            angle=-35,
            line="",
        )
    )
    return shapes


def _close(a: Point, b: Point) -> bool:
    return math.hypot(a[0] - b[0], a[1] - b[1]) < 12.0


def golf_ball(
    centre: Point,
    radius: float = 22.0,
    spin: float = 0.0,
    axis: Vec = (0.0, 0.0, 1.0),
    depth: float = 0.0,
) -> list[Shape]:
    """A white golf ball covered in small round dimples, which move as it turns.

    `spin` turns it that many degrees about `axis` (view space, as for the tennis ball).
    """
    shapes = [ellipse(centre, radius, radius, "golf", depth)]
    count = 46
    golden = math.pi * (3 - math.sqrt(5))
    dimple = radius * 0.13
    for i in range(count):
        y = 1 - 2 * (i + 0.5) / count
        r = math.sqrt(1 - y * y)
        p: Vec = (r * math.cos(golden * i), y, r * math.sin(golden * i))
        x, yy, z = _on_sphere(p, axis, spin, 0.0)
        if z < 0.25:
            continue
        cx, cy = centre[0] + x * radius * 0.86, centre[1] - yy * radius * 0.86
        angle = math.degrees(math.atan2(-yy, x))
        # Seen at a slant a dimple narrows toward the ball's edge.
        shapes.append(
            ellipse((cx, cy), dimple * z, dimple, "golf_dimple", depth + 0.1, angle=angle, line="")
        )
    shapes.append(
        ellipse(
            (centre[0] - radius * 0.38, centre[1] - radius * 0.42),
            radius * 0.2,
            radius * 0.12,
            "marble_shine",
            depth + 0.2,
            angle=-35,
            line="",
        )
    )
    return shapes


def squeeze_ball(
    centre: Point,
    radius: float = 34.0,
    squash: float = 0.0,
    angle: float = 0.0,
    depth: float = 0.0,
) -> list[Shape]:
    """A soft squeeze ball that squashes: `squash` 0 is round, 1 fully squeezed.

    Squeezed, it flattens by up to 35 % along `angle` (degrees; 0 squeezes it top to bottom,
    as a hand closing over it from above would) and bulges out the other way, keeping its
    size; a few soft dimples show where it gives.
    """
    s = min(1.0, max(0.0, squash))
    flat = 1 - 0.35 * s
    wide = 1 / math.sqrt(flat) if s else 1.0
    cx, cy = centre
    shapes = [
        ellipse(
            centre, radius * wide * (1 + 0.1 * s), radius * flat, "squeeze_ball", depth, angle=angle
        )
    ]
    if s > 0.15:
        # Little creases where the fingers press in.
        for k in (-0.45, 0.0, 0.45):
            x = radius * wide * k
            pts = [
                (cx + x - 5, cy - radius * flat * 0.8),
                (cx + x, cy - radius * flat * 0.62),
                (cx + x + 5, cy - radius * flat * 0.8),
            ]
            shapes.append(line(_rotated(pts, centre, angle), 3.0, "squeeze_crease", depth + 0.1))
    shine = _rotated([(cx - radius * 0.4 * wide, cy - radius * 0.38 * flat)], centre, angle)[0]
    shapes.append(
        ellipse(
            shine,
            radius * 0.25,
            radius * 0.15 * flat,
            "marble_shine",
            depth + 0.2,
            angle=angle - 30,
            line="",
        )
    )
    return shapes


# ------------------------------------------------ lotion, towel, mirror, thermometer


def lotion(
    base: Point, height: float = 120.0, tilt: float = 0.0, depth: float = 0.0
) -> list[Shape]:
    """A pump bottle of lotion standing on `base` (the middle of its bottom), `height` tall.

    A white bottle with a coloured label band bearing a drop, and a pump on top with its
    spout to the right; `tilt` leans the whole bottle (degrees, clockwise).
    """
    bx, by = base
    w = height * 0.42
    body_top = by - height * 0.72
    neck_top = body_top - height * 0.08
    pump_top = neck_top - height * 0.12

    def place(points: list[Point]) -> list[Point]:
        return _rotated(points, base, tilt)

    label_top, label_bottom = body_top + height * 0.16, body_top + height * 0.5
    drop_c = (bx, (label_top + label_bottom) / 2 + height * 0.02)
    drop = [
        (drop_c[0], drop_c[1] - height * 0.11),
        *arc_points(drop_c, height * 0.065, -20, 200, 9),
    ]
    return [
        blob(
            place(rounded_rect(bx - w / 2, body_top, bx + w / 2, by, w * 0.22)),
            "lotion",
            depth,
            sharp=True,
        ),
        blob(
            place(
                [
                    (bx - w / 2 + 1, label_top),
                    (bx + w / 2 - 1, label_top),
                    (bx + w / 2 - 1, label_bottom),
                    (bx - w / 2 + 1, label_bottom),
                ]
            ),
            "lotion_cap",
            depth + 0.05,
            line="",
            sharp=True,
        ),
        blob(place(drop), "lotion", depth + 0.1, line=""),
        blob(
            place(rounded_rect(bx - w * 0.2, neck_top, bx + w * 0.2, body_top + 4, 3)),
            "lotion_cap",
            depth + 0.02,
            sharp=True,
        ),
        blob(
            place(rounded_rect(bx - w * 0.09, pump_top, bx + w * 0.09, neck_top + 2, 2)),
            "lotion_cap",
            depth + 0.01,
            sharp=True,
        ),
        blob(
            place(
                rounded_rect(
                    bx - w * 0.16, pump_top - height * 0.05, bx + w * 0.42, pump_top + 2, 3
                )
            ),
            "lotion_cap",
            depth + 0.03,
            sharp=True,
        ),
    ]


def towel(
    left: float,
    top: float,
    right: float,
    bottom: float,
    gather: float = 0.0,
    folds: int = 3,
    depth: float = -30.0,
) -> list[Shape]:
    """A soft towel lying in a loose heap, seen from the front and a little above.

    Its edges ripple (cloth, not a board) and fold lines run across it; `gather` (0 to 1)
    bunches it toward its middle, as fingers scrunching it would: it narrows, rises and its
    folds crowd together. A striped hem runs along the near edge.
    """
    g = min(1.0, max(0.0, gather))
    cx = (left + right) / 2
    half = (right - left) / 2 * (1 - 0.3 * g)
    top_y = top - (bottom - top) * 0.25 * g
    lo, r = cx - half, cx + half
    outline: list[Point] = []
    outline += _wave((lo + 10, top_y + 6), (r - 10, top_y), 3 + 4 * g, 2.5 + 2 * g, 0.1, 14)
    outline += _wave((r, top_y + 12), (r + 6, bottom - 14), 3.0, 1.5, 0.0, 6)[:-1]
    outline += _wave((r - 6, bottom), (lo + 6, bottom + 3), 3 + 3 * g, 3.0 + 2 * g, 0.3, 16)
    outline += _wave((lo - 6, bottom - 14), (lo, top_y + 14), 3.0, 1.5, 0.5, 6)[:-1]
    shapes = [blob(outline, "towel", depth)]
    n = folds + round(3 * g)
    for i in range(n):
        t = (i + 1) / (n + 1)
        x = lo + (r - lo) * t
        sway = 10 * math.sin(i * 1.7 + 0.4)
        pts = [
            (x + sway * 0.3, top_y + 10 + 6 * math.sin(i)),
            (x + sway, (top_y + bottom) / 2),
            (x + sway * 0.4, bottom - 12 - 8 * math.cos(i * 2.1)),
        ]
        shapes.append(line(pts, FOLD, "towel_fold", depth + 0.1))
    hem = _wave((lo + 8, bottom - 14), (r - 8, bottom - 12), 2.5, 3.0 + 2 * g, 0.3, 16)
    shapes.append(line(hem, FOLD + 1, "towel_hem", depth + 0.12))
    return shapes


def draped_towel(
    over: Sequence[Point],
    drop: float = 60.0,
    flare: float = 0.2,
    depth: float = 30.0,
) -> list[Shape]:
    """A soft towel hanging over something: its top follows `over` (left to right).

    It falls `drop` below the highest point of `over`, its sides flaring out by `flare` of
    the drop and its hem rippling; soft fold lines hang from the top. Good over a hand or a
    foot (put it at a higher depth than what it covers).
    """
    pts = list(over)
    (lx, ly), (rx, ry) = pts[0], pts[-1]
    hem_y = min(p[1] for p in pts) + drop
    spread = drop * flare
    outline = [*pts]
    outline += _wave((rx, ry), (rx + spread, hem_y), 2.5, 1.0, 0.0, 5)[1:-1]
    outline += _wave((rx + spread, hem_y), (lx - spread, hem_y), 4.0, 3.5, 0.2, 18)
    outline += _wave((lx - spread, hem_y), (lx, ly), 2.5, 1.0, 0.5, 5)[1:-1]
    shapes = [blob(outline, "towel", depth)]
    n = max(2, len(pts) - 1)
    for i in range(1, n):
        x, y = pts[i] if i < len(pts) else pts[-1]
        t = i / n
        bottom_x = lx - spread + (rx - lx + 2 * spread) * t
        shapes.append(
            line(
                [(x, y + 8), ((x + bottom_x) / 2 + 4, (y + hem_y) / 2), (bottom_x, hem_y - 10)],
                FOLD,
                "towel_fold",
                depth + 0.1,
            )
        )
    shapes.append(
        line(
            _wave((lx - spread + 6, hem_y - 12), (rx + spread - 6, hem_y - 12), 3.0, 3.5, 0.2, 18),
            FOLD + 1,
            "towel_hem",
            depth + 0.12,
        )
    )
    return shapes


def hand_mirror(
    centre: Point,
    radius: float = 60.0,
    handle: float = 90.0,
    handle_length: float = 80.0,
    depth: float = 0.0,
) -> list[Shape]:
    """A round hand mirror: glass in a frame, and a handle pointing `handle` degrees (90 down).

    Depths: the handle and frame at `depth`, the glass at `depth + 0.1` and its shine at
    `depth + 0.5`; a reflection drawn between `depth + 0.2` and `depth + 0.4`, inside a circle
    of `radius` - 4 round `centre`, shows in the glass.
    """
    cx, cy = centre
    a = math.radians(handle)
    start = (cx + math.cos(a) * (radius + 4), cy + math.sin(a) * (radius + 4))
    end = (cx + math.cos(a) * (radius + handle_length), cy + math.sin(a) * (radius + handle_length))
    return [
        Shape(Kind.LIMB, (start, end), (radius * 0.28,), "frame", "ink", depth - 0.05),
        ellipse(centre, radius + 9, radius + 9, "frame", depth),
        ellipse(centre, radius, radius, "mirror", depth + 0.1, line="fine"),
        line(
            [(cx - radius * 0.62, cy - radius * 0.05), (cx - radius * 0.05, cy - radius * 0.62)],
            radius * 0.09,
            "mirror_shine",
            depth + 0.5,
        ),
        line(
            [(cx - radius * 0.55, cy + radius * 0.22), (cx + radius * 0.22, cy - radius * 0.55)],
            radius * 0.05,
            "mirror_shine",
            depth + 0.5,
        ),
    ]


def bath_thermometer(
    bulb: Point,
    length: float = 130.0,
    angle: float = -90.0,
    reading: float = 0.52,
    depth: float = 0.0,
    tick: bool = True,
    tick_side: int = 1,
) -> list[Shape]:
    """A bath thermometer: a white tube with a bulb at `bulb`, pointing `angle` degrees.

    Its column (a calm blue, never the red of heat) rises `reading` (0 to 1) of the scale; a
    wide green band at `SAFE_BAND` of the scale marks lukewarm (about 32 to 37 degrees
    Celsius), with ticks along the tube, and `tick` puts a green check mark beside the band
    (on the tube's left seen upright, or its right for `tick_side` -1): the reading shown is
    the right one.
    """
    a = math.radians(angle)
    ux, uy = math.cos(a), math.sin(a)
    nx, ny = -uy, ux
    bx, by = bulb
    tube = 16.0
    low, high = SAFE_BAND

    def at(t: float, side: float = 0.0) -> Point:
        return bx + ux * length * t + nx * side, by + uy * length * t + ny * side

    shapes = [
        Shape(Kind.LIMB, (at(0.05), at(1.0)), (tube * 1.5,), "thermometer", "ink", depth),
        blob(
            [
                at(low, -tube * 0.7),
                at(high, -tube * 0.7),
                at(high, tube * 0.7),
                at(low, tube * 0.7),
            ],
            "safe",
            depth + 0.05,
            line="",
            sharp=True,
        ),
        Shape(
            Kind.LIMB,
            (at(0.05), at(column_top(reading))),
            (tube * 0.45,),
            "thermo_liquid",
            "",
            depth + 0.1,
        ),
        ellipse(bulb, tube * 0.95, tube * 0.95, "thermo_liquid", depth + 0.2),
    ]
    for i in range(7):
        t = 0.22 + i * 0.11
        shapes.append(line([at(t, tube * 0.35), at(t, tube * 0.7)], 2.5, "ink", depth + 0.15))
    if tick:
        # A bold check mark just off the tube, level with the green band.
        mid = (low + high) / 2
        k = -tube * tick_side
        shapes.append(
            line(
                [at(mid + 0.01, k * 3.7), at(mid - 0.06, k * 3.0), at(mid + 0.11, k * 1.7)],
                7.0,
                "safe",
                depth + 0.3,
            )
        )
    return shapes


SAFE_BAND = (0.42, 0.62)  # the lukewarm band, as a share of the thermometer's length


def column_top(reading: float) -> float:
    """Where a thermometer's column ends for `reading`, as a share of its length."""
    return 0.12 + 0.82 * min(1.0, max(0.0, reading))


def eye(centre: Point, size: float = 24.0, look: float = 0.0, depth: float = 100.0) -> list[Shape]:
    """An open eye, `size` across its half-width, its pupil turned `look` (-1 left to 1 right):
    a small "look at it" cue (check the skin)."""
    cx, cy = centre
    almond = [
        (cx - size, cy),
        (cx - size * 0.5, cy - size * 0.55),
        (cx + size * 0.5, cy - size * 0.55),
        (cx + size, cy),
        (cx + size * 0.5, cy + size * 0.55),
        (cx - size * 0.5, cy + size * 0.55),
    ]
    iris = (cx + look * size * 0.3, cy + size * 0.05)
    return [
        blob(almond, "eye_white", depth),
        ellipse(iris, size * 0.42, size * 0.42, "eye_iris", depth + 0.1, line=""),
        ellipse(iris, size * 0.18, size * 0.18, "ink", depth + 0.2, line=""),
        ellipse(
            (iris[0] - size * 0.12, iris[1] - size * 0.14),
            size * 0.08,
            size * 0.08,
            "marble_shine",
            depth + 0.3,
            line="",
        ),
    ]


# ---------------------------------------------------------------- movement arrows


def round_arrow(
    centre: Point,
    radius: float,
    start: float = 200.0,
    end: float = 480.0,
    width: float = 8.0,
    squash: float = 1.0,
    depth: float = 100.0,
) -> list[Shape]:
    """A circular movement arrow round `centre`, from `start` to `end` degrees (0 right, 90
    down; end > start goes clockwise), squashed to `squash` of its height (a circle seen on a
    surface at a slant)."""
    points = [
        (x, centre[1] + (y - centre[1]) * squash)
        for x, y in arc_points(centre, radius, start, end, 18)
    ]
    return arrow(points, width, depth)


def two_way_arrow(
    a: Point, b: Point, width: float = 8.0, bow: float = 0.0, depth: float = 100.0
) -> list[Shape]:
    """An arrow with a head at both ends, from `a` to `b`, bowed `bow` to its left."""
    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    length = math.hypot(b[0] - a[0], b[1] - a[1]) or 1.0
    nx, ny = (b[1] - a[1]) / length, -(b[0] - a[0]) / length
    m = (mid[0] + nx * bow, mid[1] + ny * bow)
    forward = arrow(
        [m, ((m[0] + b[0]) / 2 + nx * bow * 0.4, (m[1] + b[1]) / 2 + ny * bow * 0.4), b],
        width,
        depth,
    )
    back = arrow(
        [m, ((m[0] + a[0]) / 2 + nx * bow * 0.4, (m[1] + a[1]) / 2 + ny * bow * 0.4), a],
        width,
        depth,
    )
    return forward + back
