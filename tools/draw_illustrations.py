"""Draws NeuroCoach's exercise illustrations as SVG files, in one plain, bold style.

Run it after changing a drawing:   python tools/draw_illustrations.py [FOLDER]
Then look at the contact sheet:    python tools/contact_sheet.py
It replaces every SVG file in assets/illustrations/ (or FOLDER).

The style, chosen for people with poor eyesight: thick black outlines, flat skin and one blue
(with a pale tint of it for water), big simple shapes on a white card, blue arrows for
movement. Every drawing shows the RIGHT hand or foot; the app mirrors it for the left side.
There is no text in the pictures: the left side is the right side mirrored, and mirrored
words would read backwards. An exercise that moves has frames: NAME.svg is the first,
NAME.frame2.svg the next, and so on; the player shows them in turn, each for the seconds
given in data-frame-seconds.

Limbs are drawn as thick round-capped polylines (a black stroke under a skin-coloured one),
which gives every finger its outline and lets a pose be written as joint angles.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from pathlib import Path

ILLUSTRATIONS = Path(__file__).resolve().parents[1] / "assets" / "illustrations"
SIZE = 400
INK = "#1a1a1a"
SKIN = "#f2c291"
BLUE = "#1e5bb8"
WATER = "#bcd6f5"
PAPER = "#ffffff"
LINE = 7  # outline width

Point = tuple[float, float]


def polar(origin: Point, length: float, degrees: float) -> Point:
    """A point `length` away from `origin`, at `degrees` (0 = right, 90 = down on screen)."""
    radians = math.radians(degrees)
    return origin[0] + length * math.cos(radians), origin[1] + length * math.sin(radians)


def fmt(points: list[Point]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


@dataclass
class Drawing:
    """One SVG picture, built shape by shape, in painting order."""

    frame_seconds: float | None = None
    parts: list[str] = field(default_factory=list)

    def group(self, transform: str) -> None:
        """Start a group of shapes moved, turned or scaled together (end it with `end`)."""
        self.parts.append(f'<g transform="{transform}">')

    def end(self) -> None:
        self.parts.append("</g>")

    def limb(self, points: list[Point], width: float, fill: str = SKIN) -> None:
        """A finger, arm or leg: a round-capped band with a black outline."""
        for colour, w in ((INK, width + 2 * LINE), (fill, width)):
            self.parts.append(
                f'<polyline points="{fmt(points)}" fill="none" stroke="{colour}" '
                f'stroke-width="{w:.1f}" stroke-linecap="round" stroke-linejoin="round"/>'
            )

    def shape(self, d: str, fill: str = SKIN, width: float = LINE) -> None:
        self.parts.append(
            f'<path d="{d}" fill="{fill}" stroke="{INK}" stroke-width="{width}" '
            'stroke-linejoin="round"/>'
        )

    def circle(self, centre: Point, radius: float, fill: str = PAPER, width: float = LINE) -> None:
        self.parts.append(
            f'<circle cx="{centre[0]:.1f}" cy="{centre[1]:.1f}" r="{radius:.1f}" fill="{fill}" '
            f'stroke="{INK}" stroke-width="{width}"/>'
        )

    def rect(self, x: float, y: float, w: float, h: float, fill: str, radius: float = 0) -> None:
        self.parts.append(
            f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{radius}" fill="{fill}" '
            f'stroke="{INK}" stroke-width="{LINE}" stroke-linejoin="round"/>'
        )

    def line(self, a: Point, b: Point, colour: str = INK, width: float = LINE) -> None:
        self.parts.append(
            f'<line x1="{a[0]:.1f}" y1="{a[1]:.1f}" x2="{b[0]:.1f}" y2="{b[1]:.1f}" '
            f'stroke="{colour}" stroke-width="{width}" stroke-linecap="round"/>'
        )

    def arrow(self, points: list[Point], both: bool = False) -> None:
        """A thick blue movement arrow along the points, with a head at the end (or both)."""
        self.parts.append(
            f'<polyline points="{fmt(points)}" fill="none" stroke="{BLUE}" stroke-width="12" '
            'stroke-linecap="round" stroke-linejoin="round"/>'
        )
        self._head(points[-2], points[-1])
        if both:
            self._head(points[1], points[0])

    def arc_arrow(self, centre: Point, radius: float, start: float, end: float) -> None:
        """A curved arrow around `centre` from `start` to `end` degrees (clockwise if larger)."""
        steps = 24
        points = [
            polar(centre, radius, start + (end - start) * i / steps) for i in range(steps + 1)
        ]
        self.arrow(points)

    def _head(self, tail: Point, tip: Point) -> None:
        angle = math.degrees(math.atan2(tip[1] - tail[1], tip[0] - tail[0]))
        left = polar(tip, 30, angle + 150)
        right = polar(tip, 30, angle - 150)
        self.parts.append(
            f'<polygon points="{fmt([tip, left, right])}" fill="{BLUE}" stroke="{BLUE}" '
            'stroke-width="4" stroke-linejoin="round"/>'
        )

    def svg(self, title: str) -> str:
        seconds = (
            f' data-frame-seconds="{self.frame_seconds:g}"'
            if self.frame_seconds is not None
            else ""
        )
        body = "\n  ".join(self.parts)
        card = f'x="4" y="4" width="{SIZE - 8}" height="{SIZE - 8}" rx="28"'
        # Arms and legs come in from the edge of the card, cut off by it like a photograph:
        # a white mat with a card-shaped hole covers whatever reaches past the edge.
        far, r, e = 1000, 28, SIZE - 4
        mat = (
            f"M {-far} {-far} H {far} V {far} H {-far} Z "
            f"M {4 + r} 4 H {e - r} A {r} {r} 0 0 1 {e} {4 + r} V {e - r} "
            f"A {r} {r} 0 0 1 {e - r} {e} H {4 + r} A {r} {r} 0 0 1 4 {e - r} V {4 + r} "
            f"A {r} {r} 0 0 1 {4 + r} 4 Z"
        )
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE}" '
            f'width="{SIZE}" height="{SIZE}"{seconds}>\n'
            f"  <title>{title}</title>\n"
            f'  <rect {card} fill="{PAPER}"/>\n'
            f"  {body}\n"
            f'  <path d="{mat}" fill="{PAPER}" fill-rule="evenodd"/>\n'
            f'  <rect {card} fill="none" stroke="{INK}" stroke-width="6"/>\n</svg>\n'
        )


# --- hands seen from the palm side (right hand, fingers up, thumb on the right) -------------

FINGER_BASES = {  # index, middle, ring, little: from the thumb side outwards
    "index": (248, 214),
    "middle": (214, 206),
    "ring": (180, 210),
    "little": (148, 222),
}
FINGER_LENGTHS = {"index": 108, "middle": 120, "ring": 108, "little": 86}
FINGER_ANGLES = {"index": -80, "middle": -89, "ring": -97, "little": -106}
FINGER_WIDTH = 30
PALM = (
    "M 128 214 Q 128 196 146 196 L 262 196 Q 282 196 284 222 L 290 320 "
    "Q 290 356 250 360 L 168 360 Q 128 356 128 320 Z"
)
THUMB_BASE = (272, 318)


def palm_hand(
    d: Drawing,
    touching: str | None = None,
    thumb_out: bool = False,
    curled: tuple[str, ...] = (),
    shift: Point = (0, 0),
) -> Point:
    """A right palm facing the viewer. `touching`: the finger whose tip meets the thumb's.

    Returns where the thumb tip is, for marks and arrows.
    """

    def moved(p: Point) -> Point:
        return p[0] + shift[0], p[1] + shift[1]

    meet = None
    if touching:
        base = FINGER_BASES[touching]
        meet = (base[0] + 46 - (248 - base[0]) * 0.15, base[1] - 58)
    for name, base in FINGER_BASES.items():
        if name == touching and meet is not None:
            knuckle = polar(base, 44, FINGER_ANGLES[name])
            d.limb([moved(base), moved(knuckle), moved(meet)], FINGER_WIDTH)
        elif name in curled:
            d.limb([moved(base), moved(polar(base, 40, FINGER_ANGLES[name]))], FINGER_WIDTH)
        else:
            tip = polar(base, FINGER_LENGTHS[name], FINGER_ANGLES[name])
            d.limb([moved(base), moved(tip)], FINGER_WIDTH)
    d.shape(_shifted_path(PALM, shift))
    if meet is not None:
        joint = (THUMB_BASE[0] + 34, THUMB_BASE[1] - 62)
        thumb: list[Point] = [THUMB_BASE, joint, (meet[0] + 6, meet[1] + 14)]
    elif thumb_out:
        thumb = [THUMB_BASE, polar(THUMB_BASE, 60, -10), polar(THUMB_BASE, 112, -14)]
    else:
        thumb = [THUMB_BASE, polar(THUMB_BASE, 56, -55), polar(THUMB_BASE, 104, -62)]
    d.limb([moved(p) for p in thumb], 34)
    return moved(thumb[-1])


def _shifted_path(path: str, shift: Point) -> str:
    if shift == (0, 0):
        return path
    out: list[str] = []
    numbers: list[float] = []
    for token in path.replace(",", " ").split():
        try:
            numbers.append(float(token))
        except ValueError:
            out.append(token)
            continue
        if len(numbers) == 2:
            out.append(f"{numbers[0] + shift[0]:.1f} {numbers[1] + shift[1]:.1f}")
            numbers = []
    return " ".join(out)


def tap_marks(d: Drawing, at: Point) -> None:
    """Short blue strokes around a touch, like a tap."""
    for angle in (-150, -100, -50, 0):
        d.line(polar(at, 30, angle), polar(at, 46, angle), BLUE, 8)


def fist_front(d: Drawing, thumb_across: bool = True) -> None:
    """A right fist seen from the palm side, thumb outside (in front of the fingers)."""
    for base in FINGER_BASES.values():
        d.limb([base, (base[0], base[1] - 26)], FINGER_WIDTH + 4)
    d.shape(PALM)
    for base in FINGER_BASES.values():
        d.limb([(base[0], base[1] + 18), (base[0], base[1] + 40)], FINGER_WIDTH + 2)
    if thumb_across:
        d.limb([THUMB_BASE, (250, 268), (176, 262)], 34)


# --- hands and arms seen from the side (fingers pointing right, palm down) ------------------


@dataclass
class SideHand:
    """A right hand and forearm seen from the thumb side. Angles in degrees; flexion bends
    the fingers toward the palm (down, when the palm faces down)."""

    wrist: Point = (170, 200)
    forearm_angle: float = 180  # the forearm goes from the wrist toward this direction
    hand_angle: float = 0  # the palm's direction from the wrist (0 = right)
    knuckle: float = 0  # finger flexion at the knuckles
    middle: float = 0  # at the middle joints
    tip: float = 0  # at the end joints
    palm_down: bool = True
    scale: float = 1.0

    def draw(self, d: Drawing, thumb: bool = True) -> Point:
        sign = 1 if self.palm_down else -1
        k = self.scale
        elbow = polar(self.wrist, 170 * k, self.forearm_angle)
        d.limb([elbow, self.wrist], 64 * k)
        knuckles = polar(self.wrist, 92 * k, self.hand_angle)
        angle = self.hand_angle + sign * self.knuckle
        joint1 = polar(knuckles, 50 * k, angle)
        angle += sign * self.middle
        joint2 = polar(joint1, 34 * k, angle)
        angle += sign * self.tip
        fingertip = polar(joint2, 28 * k, angle)
        d.limb([self.wrist, knuckles], 58 * k)
        d.limb([knuckles, joint1, joint2, fingertip], 34 * k)
        if thumb:
            base = polar(self.wrist, 30 * k, self.hand_angle + sign * 40)
            d.limb([base, polar(base, 58 * k, self.hand_angle + sign * 25)], 30 * k)
        return fingertip


def table(d: Drawing, y: float = 330) -> None:
    d.rect(24, y, SIZE - 48, 22, WATER, radius=6)


def bowl(d: Drawing, top: float = 220, marbles: bool = False) -> None:
    """A wide bowl of water seen from the side."""
    d.shape(f"M 50 {top} L 350 {top} L 322 360 Q 320 370 308 370 L 92 370 Q 80 370 78 360 Z", PAPER)


def water(d: Drawing, top: float = 236) -> None:
    d.shape(
        f"M 56 {top} L 344 {top} L 321 356 Q 319 364 308 364 L 92 364 Q 81 364 79 356 Z",
        WATER,
        width=0,
    )
    d.line((58, top), (342, top), BLUE, 6)


def see_through_water(d: Drawing, top: float = 236) -> None:
    """Water in front of what is in the bowl, so hands and feet show through it."""
    d.parts.append(
        f'<path d="M 56 {top} L 344 {top} L 321 356 Q 319 364 308 364 L 92 364 Q 81 364 79 356 '
        f'Z" fill="{WATER}" fill-opacity="0.45"/>'
    )
    d.line((58, top), (342, top), BLUE, 6)


def foot_side(
    d: Drawing, heel: Point = (120, 300), length: float = 190, leg_top: float = 40
) -> Point:
    """A right foot and lower leg seen from the inner side, toes to the right."""
    x, y = heel
    toe = x + length
    d.shape(
        f"M {x + 18} {leg_top} L {x + 78} {leg_top} L {x + 82} {y - 110} "
        f"Q {x + 92} {y - 70} {x + 130} {y - 52} L {toe - 18} {y - 30} "
        f"Q {toe + 6} {y - 22} {toe} {y} L {x + 8} {y} Q {x - 14} {y - 4} {x - 6} {y - 44} "
        f"Q {x} {y - 90} {x + 14} {y - 120} Z"
    )
    return toe, y


def foot_sole(d: Drawing, centre: Point = (170, 210)) -> None:
    """The sole of a right foot, toes up, with five toes."""
    cx, cy = centre
    d.shape(
        f"M {cx - 52} {cy + 130} Q {cx - 70} {cy + 40} {cx - 62} {cy - 40} "
        f"Q {cx - 50} {cy - 110} {cx + 10} {cy - 112} Q {cx + 62} {cy - 110} {cx + 64} {cy - 50} "
        f"Q {cx + 62} {cy} {cx + 40} {cy + 60} Q {cx + 30} {cy + 130} {cx - 4} {cy + 150} "
        f"Q {cx - 38} {cy + 158} {cx - 52} {cy + 130} Z"
    )
    toes = [
        (cx - 34, cy - 132, 21),
        (cx + 2, cy - 140, 16),
        (cx + 30, cy - 134, 14),
        (cx + 52, cy - 120, 13),
        (cx + 68, cy - 100, 12),
    ]
    for tx, ty, r in toes:
        d.circle((tx, ty), r, SKIN)


def bottle(d: Drawing, x: float = 310, y: float = 250) -> None:
    """A lotion bottle."""
    d.rect(x, y, 56, 96, BLUE, radius=12)
    d.rect(x + 16, y - 26, 24, 26, PAPER, radius=4)
    d.rect(x + 10, y + 30, 36, 34, PAPER, radius=4)


# --- the pictures ------------------------------------------------------------------------


def finger_taps() -> list[Drawing]:
    frames = []
    for finger in ("index", "middle", "ring", "little"):
        d = Drawing(frame_seconds=0.8)
        tip = palm_hand(d, touching=finger)
        tap_marks(d, tip)
        frames.append(d)
    return frames


def thumb_opposition() -> list[Drawing]:
    frames = []
    for finger in ("index", "middle", "ring", "little"):
        d = Drawing(frame_seconds=1.5)
        palm_hand(d, touching=finger)
        d.arc_arrow((200, 215), 150, -128, -52)
        frames.append(d)
    return frames


def finger_lifts() -> list[Drawing]:
    frames = []
    for lifted in (True, False):
        d = Drawing(frame_seconds=1.5)
        table(d, 300)
        hand = SideHand(wrist=(150, 266), forearm_angle=180, hand_angle=0)
        hand.draw(d)
        if lifted:
            raised = SideHand(wrist=(150, 266), hand_angle=0, knuckle=-34)
            knuckles = polar(raised.wrist, 92, 0)
            tip = polar(knuckles, 110, -34)
            d.limb([knuckles, tip], 30)
            d.arrow([(tip[0] + 30, tip[1] + 40), (tip[0] + 30, tip[1] - 20)])
        frames.append(d)
    return frames


def grip_squeeze() -> list[Drawing]:
    frames = []
    for squeezed in (False, True):
        d = Drawing(frame_seconds=1.0)
        if squeezed:
            for base in FINGER_BASES.values():
                d.limb([base, (base[0], base[1] - 24)], FINGER_WIDTH + 4)
            d.shape(PALM)
            d.parts.append(
                f'<ellipse cx="208" cy="270" rx="74" ry="62" fill="{BLUE}" stroke="{INK}" '
                f'stroke-width="{LINE}"/>'
            )
            for base in FINGER_BASES.values():  # fingers closed over the ball
                d.limb([(base[0], base[1] + 4), (base[0] + 4, base[1] + 58)], FINGER_WIDTH + 2)
            d.limb([THUMB_BASE, (262, 262), (214, 246)], 34)
            d.arrow([(58, 270), (100, 270)])
            d.arrow([(350, 270), (308, 270)])
        else:
            palm_hand(d)
            d.circle((208, 276), 66, BLUE)
        frames.append(d)
    return frames


def tendon_glides() -> list[Drawing]:
    shapes = [(0, 0, 0), (0, 90, 80), (85, 0, 0), (85, 85, 0), (90, 95, 80)]
    frames = []
    for knuckle, middle, tip in shapes:
        d = Drawing(frame_seconds=6)
        SideHand(
            wrist=(150, 350),
            forearm_angle=90,
            hand_angle=-90,
            knuckle=knuckle,
            middle=middle,
            tip=tip,
            palm_down=True,
            scale=1.55,
        ).draw(d, thumb=False)
        frames.append(d)
    return frames


def nerve_glide() -> list[Drawing]:
    frames = []
    d = Drawing(frame_seconds=5)
    fist_front(d)
    frames.append(d)
    d = Drawing(frame_seconds=5)
    palm_hand(d, thumb_out=False)
    frames.append(d)
    d = Drawing(frame_seconds=5)
    SideHand(wrist=(170, 230), forearm_angle=180, hand_angle=-70, palm_down=False).draw(d)
    d.arc_arrow((170, 230), 130, -20, -60)
    frames.append(d)
    d = Drawing(frame_seconds=5)
    palm_hand(d, thumb_out=True)
    d.arrow([(330, 250), (372, 250)])
    frames.append(d)
    return frames


def wrist_stretch(palm_down: bool) -> list[Drawing]:
    d = Drawing()
    hand = SideHand(wrist=(200, 140), forearm_angle=180, hand_angle=85, palm_down=palm_down)
    tip = hand.draw(d)
    # The other hand, flat against the fingers, eases them back toward the body.
    d.group(f"translate({tip[0] + 78} {tip[1] - 40}) rotate(-90) scale(0.55) translate(-208 -250)")
    d.limb([(208, 360), (208, 560)], 110)
    palm_hand(d)
    d.end()
    d.arc_arrow((200, 140), 150, 60, 100)
    return [d]


def check_water() -> list[Drawing]:
    d = Drawing()
    bowl(d)
    water(d)
    # An arm bent at the elbow, the elbow just in the water.
    shoulder, elbow, hand_end = (70, 40), (150, 250), (300, 120)
    d.limb([shoulder, elbow], 70)
    d.limb([elbow, hand_end], 60)
    d.circle(hand_end, 34, SKIN)
    # A bath thermometer standing in the water.
    d.rect(276, 150, 26, 150, PAPER, radius=13)
    d.circle((289, 300), 22, BLUE)
    d.line((289, 290), (289, 196), BLUE, 10)
    return [d]


def warm_water_hands() -> list[Drawing]:
    d = Drawing()
    bowl(d)
    for x, turn in ((130, 8), (270, -8)):
        d.group(f"translate({x} 262) rotate({180 + turn}) scale(0.56) translate(-208 -250)")
        d.limb([(208, 360), (208, 560)], 110)  # the forearm, going up out of the card
        palm_hand(d)
        d.end()
    see_through_water(d)
    return [d]


def dry_hands() -> list[Drawing]:
    d = Drawing()
    palm_hand(d, shift=(-40, 0))
    # A towel wrapped around the hand.
    d.shape("M 70 250 L 330 230 L 340 330 L 80 350 Z", WATER)
    for y in (270, 300):
        d.line((86, y + 12), (330, y - 6), BLUE, 8)
    return [d]


def lotion_hand_massage() -> list[Drawing]:
    d = Drawing()
    palm_hand(d, shift=(-50, 0))
    d.limb([(20, 380), (96, 316), (150, 284)], 40)  # the other thumb, rubbing the palm
    d.arc_arrow((160, 286), 44, 0, 300)
    bottle(d, 318, 262)
    return [d]


def golf_ball_palm() -> list[Drawing]:
    frames = []
    for offset in (-34, 34):
        d = Drawing(frame_seconds=1.0)
        table(d, 312)
        ball = (200 + offset, 272)
        d.circle(ball, 40, PAPER)
        for dx, dy in ((-14, -10), (10, -16), (2, 8), (-16, 14), (18, 6), (-2, -24)):
            d.circle((ball[0] + dx, ball[1] + dy), 4, BLUE, width=0)
        # The palm rests on the ball; the fingers reach down toward the table.
        SideHand(wrist=(ball[0] - 80, 200), hand_angle=8, knuckle=22, middle=10).draw(d)
        d.arrow([(110, 90), (290, 90)], both=True)
        frames.append(d)
    return frames


def partner_hand_massage() -> list[Drawing]:
    d = Drawing()
    palm_hand(d)
    for start, end in (((20, 390), (170, 300)), ((380, 390), (238, 296))):
        d.limb([start, end], 40)
    d.parts.append(  # a small heart: someone helping
        f'<path d="M 76 92 q -26 -30 -46 -6 q -16 22 46 62 q 62 -40 46 -62 q -20 -24 -46 6 z" '
        f'fill="{BLUE}" stroke="{INK}" stroke-width="5"/>'
    )
    return [d]


def marble_foot_bath() -> list[Drawing]:
    frames = []
    for wiggle in (0, 1):
        d = Drawing(frame_seconds=1.0)
        bowl(d, top=200)
        marbles = ((112, 344), (168, 350), (236, 346), (292, 350), (322, 336), (140, 330))
        for i, (mx, my) in enumerate(marbles):
            d.circle((mx + (8 if (i + wiggle) % 2 else 0), my), 13, PAPER, width=5)
        for x in (86, 196):
            foot_side(d, heel=(x, 330), length=112 + 10 * wiggle, leg_top=-10)
        see_through_water(d, top=216)
        frames.append(d)
    return frames


def dry_feet() -> list[Drawing]:
    d = Drawing()
    d.rect(24, 330, SIZE - 48, 22, WATER, radius=6)
    foot_side(d, heel=(90, 316), length=220)
    d.shape("M 150 180 L 330 210 L 320 330 L 140 300 Z", WATER)
    for y in (230, 262):
        d.line((160, y), (318, y + 28), BLUE, 8)
    return [d]


def tennis_ball_foot() -> list[Drawing]:
    frames = []
    for offset in (-40, 40):
        d = Drawing(frame_seconds=1.0)
        d.rect(24, 352, SIZE - 48, 22, WATER, radius=6)
        ball = (200 + offset, 314)
        d.circle(ball, 38, BLUE)
        d.parts.append(
            f'<path d="M {ball[0] - 28} {ball[1] - 22} q 26 22 0 44 M {ball[0] + 28} '
            f'{ball[1] - 22} q -26 22 0 44" fill="none" stroke="{PAPER}" stroke-width="6"/>'
        )
        foot_side(d, heel=(70, 276), length=250, leg_top=-10)
        d.arrow([(190, 90), (350, 90)], both=True)
        frames.append(d)
    return frames


def lotion_foot_massage() -> list[Drawing]:
    d = Drawing()
    d.rect(24, 330, SIZE - 48, 22, WATER, radius=6)
    foot_side(d, heel=(60, 316), length=230)
    SideHand(wrist=(200, 150), forearm_angle=-60, hand_angle=30, knuckle=20).draw(d)
    d.arc_arrow((250, 262), 40, -30, 270)
    bottle(d, 320, 120)
    return [d]


def check_feet() -> list[Drawing]:
    d = Drawing()
    foot_sole(d, (150, 220))
    d.circle((262, 200), 62, "none", width=14)
    d.parts.append(
        f'<circle cx="262" cy="200" r="62" fill="{WATER}" fill-opacity="0.45" stroke="{BLUE}" '
        'stroke-width="14"/>'
    )
    d.limb([(306, 246), (366, 316)], 22, BLUE)
    return [d]


PICTURES = {
    "finger-taps": ("Finger taps", finger_taps),
    "thumb-opposition": ("Thumb to fingertips", thumb_opposition),
    "finger-lifts": ("Finger lifts", finger_lifts),
    "grip-squeeze": ("Soft ball squeeze", grip_squeeze),
    "tendon-glides": ("Tendon glides", tendon_glides),
    "nerve-glide": ("Nerve glide", nerve_glide),
    "wrist-stretch-palm-down": ("Wrist stretch, palm down", lambda: wrist_stretch(True)),
    "wrist-stretch-palm-up": ("Wrist stretch, palm up", lambda: wrist_stretch(False)),
    "check-water": ("Check the water is lukewarm", check_water),
    "warm-water-hands": ("Warm your hands", warm_water_hands),
    "dry-hands": ("Dry your hands", dry_hands),
    "lotion-hand-massage": ("Lotion hand massage", lotion_hand_massage),
    "golf-ball-palm": ("Golf ball under the palm", golf_ball_palm),
    "partner-hand-massage": ("Partner hand massage", partner_hand_massage),
    "marble-foot-bath": ("Marble foot bath", marble_foot_bath),
    "dry-feet": ("Dry your feet", dry_feet),
    "tennis-ball-foot": ("Tennis ball under the foot", tennis_ball_foot),
    "lotion-foot-massage": ("Lotion foot massage", lotion_foot_massage),
    "check-feet": ("Check your feet", check_feet),
}


def main(folder: Path = ILLUSTRATIONS) -> None:
    for old in folder.glob("*.svg"):
        old.unlink()
    for name, (title, draw) in PICTURES.items():
        frames = draw()
        for number, drawing in enumerate(frames, start=1):
            suffix = "" if number == 1 else f".frame{number}"
            (folder / f"{name}{suffix}.svg").write_text(drawing.svg(title), encoding="utf-8")
        print(f"{name}: {len(frames)} frame{'s' if len(frames) > 1 else ''}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ILLUSTRATIONS)
