"""The grip, massage and warmth pictures: inside the card, moving, and true to the props."""

from __future__ import annotations

import itertools
import math

import pytest

from neurocoach.core.picture import care_scenes as care
from neurocoach.core.picture import props
from neurocoach.core.picture.care_scenes import CARE_SCENES
from neurocoach.core.picture.hand import FINGER_WIDTHS, FINGERS, PosedHand
from neurocoach.core.picture.scene import Scene
from neurocoach.core.picture.shapes import Kind, Shape

SCENES = {scene.name: scene for scene in CARE_SCENES}
MARGIN = 10.0


def _moments(scene: Scene) -> list[float]:
    length = scene.period if scene.period is not None else scene.keys[-1][0] + 1.0
    return [length * i / 20 for i in range(21)]


def _by_role(shapes: list[Shape], role: str) -> list[Shape]:
    return [s for s in shapes if s.fill == role]


def test_the_six_pictures_are_there() -> None:
    assert set(SCENES) == {
        "grip-squeeze",
        "golf-ball-palm",
        "lotion-hand-massage",
        "partner-hand-massage",
        "warm-water-hands",
        "dry-hands",
    }


@pytest.mark.parametrize("scene", CARE_SCENES, ids=lambda s: s.name)
def test_every_shape_stays_inside_the_card(scene: Scene) -> None:
    pictures = [scene.shapes_at(t) for t in _moments(scene)] + scene.key_shapes()
    for shapes in pictures:
        assert shapes
        for shape in shapes:
            left, top, right, bottom = shape.bounds()
            assert left >= MARGIN and top >= MARGIN, (scene.name, shape.fill, shape.bounds())
            assert right <= 400 - MARGIN and bottom <= 400 - MARGIN, (scene.name, shape.fill)
            assert not any(math.isnan(v) for p in shape.points for v in p)


@pytest.mark.parametrize("scene", CARE_SCENES, ids=lambda s: s.name)
def test_the_key_poses_differ(scene: Scene) -> None:
    keys = scene.key_shapes()
    assert len(keys) >= 2
    for a, b in itertools.pairwise(keys):
        assert a != b, scene.name


@pytest.mark.parametrize("scene", CARE_SCENES, ids=lambda s: s.name)
def test_it_moves_smoothly(scene: Scene) -> None:
    """Between two moments a twentieth of a round apart, nothing jumps across the card."""
    moments = _moments(scene)
    for t0, t1 in itertools.pairwise(moments):
        a, b = scene.shapes_at(t0), scene.shapes_at(t1)
        if len(a) != len(b):
            continue  # a mark appeared or went (an arrow, a dimple turning away)
        for s0, s1 in zip(a, b, strict=True):
            if s0.kind is s1.kind and len(s0.points) == len(s1.points):
                jump = max(math.dist(p, q) for p, q in zip(s0.points, s1.points, strict=True))
                assert jump < 80, (scene.name, t0, s0.fill)


def test_loops_and_holds() -> None:
    assert SCENES["grip-squeeze"].period is None
    assert SCENES["grip-squeeze"].keys[-1][0] == pytest.approx(1.2)
    for name in SCENES.keys() - {"grip-squeeze"}:
        assert SCENES[name].period is not None, name
    assert SCENES["warm-water-hands"].period >= 5  # type: ignore[operator]
    assert len(SCENES["lotion-hand-massage"].keys) == 4


def _ball(shapes: list[Shape]) -> Shape:
    (ball,) = [s for s in _by_role(shapes, "squeeze_ball") if s.kind is Kind.ELLIPSE]
    return ball


def test_the_squeezed_ball_is_smaller_across_and_the_fingers_close() -> None:
    scene = SCENES["grip-squeeze"]
    open_grip, squeezed = scene.key_shapes()
    a, b = _ball(open_grip).bounds(), _ball(squeezed).bounds()
    assert b[2] - b[0] < (a[2] - a[0]) * 0.92
    assert not any(s.fill == "arrow" for s in open_grip)
    assert any(s.fill == "arrow" for s in squeezed)
    start, end = scene.keys[0][1], scene.keys[-1][1]
    for finger in ("index", "middle", "ring", "little"):
        assert (
            end[f"{finger}.mcp"] + end[f"{finger}.pip"]
            > start[f"{finger}.mcp"] + start[f"{finger}.pip"] + 10
        )


def test_the_fingers_lie_on_the_ball_not_in_it() -> None:
    """Posed in 3-D, every finger joint is outside the ball, and the fingertips touch it."""
    scene = SCENES["grip-squeeze"]
    for _, params in scene.keys:
        squeeze = params["squeeze"]
        centre = care._GRIP_FRAME.to_view(care._ball_centre(squeeze))
        radius = care._BALL * (1 - 0.35 * care._SQUASH * squeeze)
        posed = PosedHand(params, care._GRIP_FRAME)
        for name in FINGERS:
            joints, _ = posed.fingers[name]
            for joint in joints[1:]:
                assert math.dist(joint, centre) >= radius + FINGER_WIDTHS[name] * 0.45, name
            assert math.dist(joints[-1], centre) <= radius + FINGER_WIDTHS[name] * 1.2, name


def test_the_golf_ball_rolls_half_as_far_as_the_hand_and_turns() -> None:
    scene = SCENES["golf-ball-palm"]
    start, end = scene.key_shapes()

    def ball(shapes: list[Shape]) -> tuple[float, float]:
        (golf,) = _by_role(shapes, "golf")
        return golf.points[0]

    def wrist(shapes: list[Shape]) -> float:
        return next(s for s in shapes if s.kind is Kind.LIMB).points[0][0]

    ball_moved = ball(end)[0] - ball(start)[0]
    hand_moved = wrist(end) - wrist(start)
    assert abs(hand_moved) > 60
    assert ball_moved == pytest.approx(hand_moved / 2, abs=2)
    dimples = [[d.points[0] for d in _by_role(s, "golf_dimple")] for s in (start, end)]
    assert dimples[0] != dimples[1]
    assert any(s.fill == "table" for s in start)


def test_the_lotion_thumb_goes_round_a_circle() -> None:
    scene = SCENES["lotion-hand-massage"]
    tips = [
        [s for s in shapes if s.kind is Kind.LIMB][-1].points[-1] for shapes in scene.key_shapes()
    ]
    assert len({(round(x), round(y)) for x, y in tips}) == 4
    cx = sum(x for x, _ in tips) / 4
    cy = sum(y for _, y in tips) / 4
    radii = [math.hypot(x - cx, y - cy) for x, y in tips]
    assert min(radii) > 5 and max(radii) - min(radii) < 3
    assert any(s.fill == "lotion" for s in scene.key_shapes()[0])


def test_the_partner_is_a_second_person() -> None:
    for shapes in SCENES["partner-hand-massage"].key_shapes():
        fills = {s.fill for s in shapes}
        assert {"skin", "sleeve", "partner_hand", "partner_sleeve"} <= fills
        assert len(_by_role(shapes, "partner_sleeve")) == 2
        assert len(_by_role(shapes, "sleeve")) == 1
        assert any(s.fill == "arrow" for s in shapes)  # the stroke is shown


def test_the_partners_thumbs_are_on_the_palm_each_on_its_own_half() -> None:
    keys = SCENES["partner-hand-massage"].key_shapes()
    heights = []
    for shapes in keys:
        (palm,) = _by_role(shapes, "palm")
        left, top, right, bottom = palm.bounds()
        middle = (left + right) / 2
        partner_limbs = [s for s in _by_role(shapes, "partner_hand") if s.kind is Kind.LIMB]
        thumbs = [s for s in partner_limbs if s.depth > palm.depth]
        assert len(thumbs) == 2
        tips = sorted(thumb.points[-1] for thumb in thumbs)
        for x, y in tips:
            assert left < x < right and top < y < bottom
        # One on either half of the palm: the thumbs never cross.
        assert tips[0][0] < middle < tips[1][0]
        heights.append(tips[0][1] - tips[1][1])
    # They stroke in turn: one thumb high while the other is low, then the other way round.
    assert heights[0] * heights[1] < 0 and abs(heights[0] - heights[1]) > 80


def test_the_water_is_lukewarm_never_hot() -> None:
    """A thermometer in the water reads in its green band; nothing says hot (no steam)."""
    scene = SCENES["warm-water-hands"]
    for shapes in scene.key_shapes():
        fills = {s.fill for s in shapes}
        assert fills & {"water", "water_glass"}
        assert not [s for s in shapes if "warm" in (s.fill, s.line)]
        assert not [s for s in shapes if s.line == "lukewarm"]  # not even faint lines
        assert "thermometer" in fills and "safe" in fills
        low, high = props.SAFE_BAND
        assert low < props.column_top(care._LUKEWARM) < high
        water = next(s for s in shapes if s.fill in ("water", "water_glass"))
        hands = [s for s in shapes if s.fill == "skin" and s.kind is Kind.LIMB]
        assert any(h.depth < water.depth for h in hands)  # under the water, seen through it
    a, b = scene.key_shapes()
    assert a != b


def test_the_golf_ball_is_under_the_palm_not_the_fingers() -> None:
    assert care._HEEL >= 1.0 and care._FINGER_BASE <= 3.2  # knuckles at 3.6 to 4.25
    for shapes in SCENES["golf-ball-palm"].key_shapes():
        (golf,) = _by_role(shapes, "golf")
        assert _by_role(shapes, "ball_shadow")
        # From the heel of the hand (a unit past the wrist) to short of the knuckles.
        wrist = next(s for s in shapes if s.kind is Kind.LIMB).points[0][0]
        unit = care._GOLF_UNIT
        assert wrist + 1.0 * unit <= golf.points[0][0] <= wrist + 3.2 * unit
    # The fingers slope gently to the table, no claw: each bends less than 35 degrees.
    for name in FINGERS:
        assert sum(care._GOLF_POSE[f"{name}.{j}"] for j in ("mcp", "pip", "dip")) < 35


def test_the_dry_hands_show_a_look_at_the_skin_cue() -> None:
    for shapes in SCENES["dry-hands"].key_shapes():
        assert _by_role(shapes, "eye_white")


def test_the_towel_pats_down_and_lifts() -> None:
    scene = SCENES["dry-hands"]
    keys = scene.key_shapes()

    def towel_bottom(shapes: list[Shape]) -> float:
        return max(s.bounds()[3] for s in _by_role(shapes, "towel"))

    assert towel_bottom(keys[1]) > towel_bottom(keys[0]) + 30
    for shapes in keys:
        (towel,) = _by_role(shapes, "towel")
        assert len(towel.points) > 20 and not towel.sharp  # soft, rippling cloth
        assert any(s.line == "towel_fold" for s in shapes)
