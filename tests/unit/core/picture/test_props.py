from __future__ import annotations

import math

from neurocoach.core.picture import props
from neurocoach.core.picture.shapes import SIZE, Kind, Shape


def _box(shapes: list[Shape]) -> tuple[float, float, float, float]:
    boxes = [s.bounds() for s in shapes]
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def _inside(shapes: list[Shape]) -> bool:
    left, top, right, bottom = _box(shapes)
    return left >= 0 and top >= 0 and right <= SIZE and bottom <= SIZE


def test_default_props_stay_on_the_card() -> None:
    for shapes in (
        props.table(180, 300),
        props.floor(300),
        props.chair(140, 180, 300),
        props.bowl(200, 200, warm=True),
        props.bowl_side(60, 340, 180, 330, 215),
        props.towel(40, 150, 360, 300),
        props.towel(40, 150, 360, 300, gather=1.0),
        props.draped_towel([(100, 150), (200, 110), (300, 160)], 120),
        props.lotion((120, 340)),
        props.hand_mirror((200, 160), 80),
        props.bath_thermometer((280, 330), 200),
        props.round_arrow((200, 200), 80),
    ):
        assert _inside(shapes)


def test_warm_water_adds_only_faint_short_pale_lines_when_asked() -> None:
    cold = props.bowl(200, 200)
    warm = props.bowl(200, 200, warm=True)
    assert not [s for s in cold if s.line == "lukewarm"]
    lines = [s for s in warm if s.line == "lukewarm"]
    assert 2 <= len(lines) <= 4
    assert all(s.kind is Kind.LINE and s.widths[0] <= 3.5 for s in lines)  # thin
    assert all(s.bounds()[3] - s.bounds()[1] < 40 for s in lines)  # short: no plume of steam
    assert not [s for s in warm if "warm" in (s.fill, s.line)]  # never the orange of heat
    assert {s.fill for s in warm} >= {"bowl", "water"}
    shimmer = props.bowl(200, 200, warm=True, phase=0.25)
    assert [s.points for s in shimmer if s.line == "lukewarm"] != [s.points for s in lines]


def test_the_bath_thermometer_reads_lukewarm_in_its_green_band() -> None:
    shapes = props.bath_thermometer((200, 330), 200, reading=0.49)
    (band,) = [s for s in shapes if s.kind is Kind.BLOB and s.fill == "safe"]
    column = next(s for s in shapes if s.kind is Kind.LIMB and s.fill == "thermo_liquid")
    top_y = column.points[-1][1]
    assert band.bounds()[1] < top_y < band.bounds()[3]  # the column ends in the band
    assert not [s for s in shapes if s.fill == "mercury"]  # not the red of heat
    assert [s for s in shapes if s.kind is Kind.LINE and s.line == "safe"]  # the check mark
    hot = props.bath_thermometer((200, 330), 200, reading=0.95)
    hot_column = next(s for s in hot if s.kind is Kind.LIMB and s.fill == "thermo_liquid")
    assert hot_column.points[-1][1] < band.bounds()[1]


def test_the_tennis_ball_is_yellow_green_and_its_seam_turns_with_it() -> None:
    still = props.tennis_ball((200, 200), 30)
    rolled = props.tennis_ball((200, 200), 30, spin=60)
    assert still[0].fill == "tennis"
    seam = [s for s in still if s.line == "tennis_seam"]
    assert seam
    assert [s.points for s in seam] != [s.points for s in rolled if s.line == "tennis_seam"]


def test_the_golf_ball_has_dimples_that_move_as_it_turns() -> None:
    ball = props.golf_ball((200, 200), 30)
    dimples = [s for s in ball if s.fill == "golf_dimple"]
    assert len(dimples) > 10
    turned = [s for s in props.golf_ball((200, 200), 30, spin=40) if s.fill == "golf_dimple"]
    assert [d.points for d in dimples] != [d.points for d in turned]


def test_a_squeezed_ball_flattens_but_keeps_its_size() -> None:
    round_ = props.squeeze_ball((200, 200), 30)[0]
    squashed = props.squeeze_ball((200, 200), 30, squash=1.0)[0]
    assert round_.widths == (30, 30)
    assert squashed.widths[1] < 25 and squashed.widths[0] > 32
    area = squashed.widths[0] * squashed.widths[1]
    assert math.isclose(area, 900, rel_tol=0.15)


def test_marbles_are_round_and_shine() -> None:
    shapes = props.marbles([(100, 200), (140, 200), (180, 200)], 12)
    balls = [s for s in shapes if s.fill.startswith("marble") and s.fill != "marble_shine"]
    assert len(balls) == 3 and all(s.widths == (12, 12) for s in balls)
    assert len({s.fill for s in balls}) == 3
    assert len([s for s in shapes if s.fill == "marble_shine"]) == 3


def test_the_towel_is_soft_and_gathers() -> None:
    flat = props.towel(40, 150, 360, 300)
    gathered = props.towel(40, 150, 360, 300, gather=1.0)
    body = flat[0]
    assert body.kind is Kind.BLOB and not body.sharp  # cloth, not a board
    assert len(body.points) > 20
    assert _box(gathered)[2] - _box(gathered)[0] < _box(flat)[2] - _box(flat)[0]
    assert len([s for s in gathered if s.line == "towel_fold"]) > len(
        [s for s in flat if s.line == "towel_fold"]
    )


def test_the_mirror_is_glass_in_a_frame_with_a_handle() -> None:
    shapes = props.hand_mirror((200, 160), 60)
    fills = [s.fill for s in shapes]
    assert "mirror" in fills and "frame" in fills
    handle = [s for s in shapes if s.kind is Kind.LIMB]
    assert handle and handle[0].points[-1][1] > 160 + 60  # pointing down by default
