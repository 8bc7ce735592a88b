from __future__ import annotations

import math

import pytest

from neurocoach.core.picture.foot import SideFoot, TopFoot, foot_side, foot_sole, foot_top
from neurocoach.core.picture.foot_scenes import FOOT_SCENES
from neurocoach.core.picture.shapes import SIZE, Shape

MARGIN = 12.0
NAMES = (
    "check-water",
    "marble-foot-bath",
    "dry-feet",
    "tennis-ball-foot",
    "lotion-foot-massage",
    "check-feet",
)


def _inside(shapes: list[Shape], margin: float = MARGIN) -> bool:
    for shape in shapes:
        left, top, right, bottom = shape.bounds()
        if any(math.isnan(v) for p in shape.points for v in p):
            return False
        if left < margin or top < margin or right > SIZE - margin or bottom > SIZE - margin:
            return False
    return True


def test_every_foot_picture_has_its_scene() -> None:
    assert tuple(s.name for s in FOOT_SCENES) == NAMES


@pytest.mark.parametrize("scene", FOOT_SCENES, ids=lambda s: s.name)
def test_scene_stays_inside_the_card_at_every_moment(scene) -> None:  # type: ignore[no-untyped-def]
    period = scene.period or 1.0
    for i in range(20):
        shapes = scene.shapes_at(period * i / 20)
        assert shapes
        assert _inside(shapes), f"{scene.name} at {period * i / 20:.2f} s"


@pytest.mark.parametrize("scene", FOOT_SCENES, ids=lambda s: s.name)
def test_scene_moves_and_its_key_poses_differ(scene) -> None:  # type: ignore[no-untyped-def]
    assert scene.moving and scene.period is not None
    keys = scene.key_shapes()
    assert keys[0] != keys[1]
    # Halfway between two keys is neither of them: the movement is eased, not a jump.
    halfway = scene.shapes_at(scene.keys[1][0] / 2)
    assert halfway != keys[0] and halfway != keys[1]


def test_scenes_look_different_from_each_other() -> None:
    firsts = [scene.key_shapes()[0] for scene in FOOT_SCENES]
    fills = [frozenset(s.fill for s in shapes) for shapes in firsts]
    for i in range(len(fills)):
        for j in range(i + 1, len(fills)):
            assert fills[i] != fills[j], (NAMES[i], NAMES[j])


def test_curled_toes_move_the_toe_tip_down_and_back() -> None:
    flat = SideFoot({}, (250, 250), 9).points()["toe"]
    curled = SideFoot({"toes": 60}, (250, 250), 9).points()["toe"]
    lifted = SideFoot({"toes": -30}, (250, 250), 9).points()["toe"]
    assert curled[1] > flat[1] + 10  # lower on the card
    assert curled[0] > flat[0] + 5  # pulled back toward the heel (toes point left)
    assert lifted[1] < flat[1] - 5


def test_pointing_the_foot_lowers_the_toes_and_the_shin_leans() -> None:
    flat = SideFoot({}, (250, 250), 9).points()
    pointed = SideFoot({"ankle": 30}, (250, 250), 9).points()
    assert pointed["toe"][1] > flat["toe"][1] + 40
    assert pointed["ankle"] == flat["ankle"]
    upright = foot_side({}, (250, 250), 9)
    leaning = foot_side({"shin": 20, "ankle": -20}, (250, 250), 9)
    assert upright != leaning


def test_the_side_view_has_a_nail_an_ankle_bone_and_a_trouser() -> None:
    shapes = foot_side({}, (250, 250), 9)
    fills = [s.fill for s in shapes]
    assert "nail" in fills and "trouser" in fills
    assert _inside(shapes, 0)


def test_from_above_five_toes_of_falling_size_with_nails() -> None:
    shapes = foot_top({}, (200, 330), 10)
    nails = [s for s in shapes if s.fill == "nail"]
    assert len(nails) == 5
    sizes = [n.widths[0] * n.widths[1] for n in nails]
    assert sizes == sorted(sizes, reverse=True)
    curled = foot_top({"toes": 70}, (200, 330), 10)
    curled_tip = TopFoot({"toes": 70}, (200, 330), 10).toe(0)[0][2]
    flat_tip = TopFoot({}, (200, 330), 10).toe(0)[0][2]
    assert curled_tip[1] < flat_tip[1] - 1.0  # curled toes look shorter from above
    assert curled != shapes


def test_toes_are_short_and_round_the_big_toe_biggest() -> None:
    """Toes, not fingers: each no longer than about its width, side by side, and the big toe
    clearly the widest, from above and from the side."""
    posed = TopFoot({}, (200, 330), 10)
    toes = [posed.toe(i) for i in range(5)]
    for joints, width in toes:
        length = math.dist(joints[0], joints[-1])
        assert length <= width * 0.8
    widths = [w for _, w in toes]
    assert widths[0] > 1.5 * widths[1] and widths == sorted(widths, reverse=True)
    side = SideFoot({}, (250, 250), 9)
    big = side.big_toe()
    assert math.dist(big[0], big[-1]) < 4.0  # rig units: a short plump toe, not a flipper


def test_a_rolled_trouser_leg_has_a_cuff() -> None:
    plain = foot_side({}, (250, 250), 9)
    rolled = foot_side({}, (250, 250), 9, trouser=12, rolled=True)
    assert not [s for s in plain if s.fill == "cuff"]
    (cuff,) = [s for s in rolled if s.fill == "cuff"]
    assert cuff.bounds()[3] < 250 - 10 * 9  # well up the shin


def test_the_marble_bath_trousers_end_above_the_water_and_marbles_are_big() -> None:
    from neurocoach.core.picture import foot_scenes

    scene = next(s for s in FOOT_SCENES if s.name == "marble-foot-bath")
    for shapes in scene.key_shapes():
        for s in shapes:
            if s.fill in ("trouser", "cuff"):
                assert s.bounds()[3] < foot_scenes._BATH_WATER
        marbles = [s for s in shapes if s.fill in ("marble", "marble_green", "marble_amber")]
        assert len(marbles) >= 5 and all(m.widths[0] >= 15 for m in marbles)


def test_the_check_feet_mirror_is_big_and_moves() -> None:
    scene = next(s for s in FOOT_SCENES if s.name == "check-feet")
    a, b = scene.key_shapes()
    (glass_a,) = [s for s in a if s.fill == "mirror"]
    (glass_b,) = [s for s in b if s.fill == "mirror"]
    assert glass_a.widths[0] >= 60
    assert abs(glass_a.points[0][0] - glass_b.points[0][0]) > 60
    soles = [s for s in a if s.fill == "sole"]
    assert max(s.bounds()[3] for s in soles) - min(s.bounds()[1] for s in soles) > 100


def test_the_sole_is_pale_and_has_no_nails() -> None:
    shapes = foot_sole((200, 330), 10)
    fills = {s.fill for s in shapes}
    assert "sole" in fills and "nail" not in fills


def test_spread_widens_the_gaps_between_the_toes() -> None:
    closed = TopFoot({}, (200, 330), 10).points()
    spread = TopFoot({"spread": 20}, (200, 330), 10).points()
    assert abs(spread["gap4"][0] - spread["gap1"][0]) > abs(closed["gap4"][0] - closed["gap1"][0])
