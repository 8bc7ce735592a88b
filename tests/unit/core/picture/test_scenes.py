"""Every bundled picture: named by the routines that use it, inside its card at every
moment, moving smoothly between clearly different key poses, and in time with the phase."""

from __future__ import annotations

import pytest

from neurocoach.core.picture.scene import Scene, ease
from neurocoach.core.picture.scenes import SCENES
from neurocoach.core.picture.shapes import SIZE, Kind, Shape, ellipse
from neurocoach.core.routine.catalog import load_catalog
from neurocoach.paths import bundled_routines_dir

MARGIN = 4  # outline included, every shape keeps this far inside the card's edge


def used_names() -> set[str]:
    names = set()
    for entry in load_catalog([bundled_routines_dir()]):
        assert entry.routine is not None
        for step in entry.routine.steps:
            if step.illustration:
                names.add(step.illustration.removesuffix(".svg"))
    return names


def test_every_picture_a_bundled_routine_names_is_a_scene() -> None:
    assert used_names() - set(SCENES) == set()


def moments(scene: Scene, count: int = 24) -> list[float]:
    end = scene.period or scene.keys[-1][0] + 1.0
    return [end * i / count for i in range(count + 1)] + [t for t, _ in scene.keys]


@pytest.mark.parametrize("name", sorted(SCENES))
def test_the_picture_stays_inside_its_card_at_every_moment(name: str) -> None:
    scene = SCENES[name]
    for seconds in moments(scene):
        for shape in scene.shapes_at(seconds):
            left, top, right, bottom = shape.bounds()
            assert left >= MARGIN and top >= MARGIN, (name, seconds, shape.fill, shape.bounds())
            assert right <= SIZE - MARGIN and bottom <= SIZE - MARGIN, (name, seconds, shape.fill)


@pytest.mark.parametrize("name", sorted(n for n, s in SCENES.items() if s.moving))
def test_a_moving_picture_starts_and_ends_in_clearly_different_poses(name: str) -> None:
    scene = SCENES[name]
    first = scene.key_shapes()[0]
    others = scene.key_shapes()[1:]
    assert any(_moved(first, other) > 8 for other in others), name


def _moved(a: list[Shape], b: list[Shape]) -> float:
    """How far, at most, a point of the picture moved between two poses (card units)."""
    if len(a) != len(b):
        return float("inf")
    most = 0.0
    for sa, sb in zip(a, b, strict=True):
        for (x1, y1), (x2, y2) in zip(sa.points, sb.points, strict=False):
            most = max(most, abs(x1 - x2), abs(y1 - y2))
    return most


def test_numbers_ease_between_keys_and_loops_return_to_the_start() -> None:
    seen: list[float] = []
    scene = Scene(
        "test",
        lambda p: seen.append(p["x"]) or [ellipse((p["x"], 200), 10, 10, "golf")],
        ((0.0, {"x": 100}), (2.0, {"x": 300})),
        period=4.0,
    )
    assert scene.params_at(0)["x"] == 100
    assert scene.params_at(1.0)["x"] == pytest.approx(200)  # halfway, eased symmetrically
    assert 100 < scene.params_at(0.5)["x"] < 150  # slow out of the first pose
    assert scene.params_at(2.0)["x"] == 300
    assert scene.params_at(3.0)["x"] == pytest.approx(200)  # on its way back
    assert scene.params_at(4.0)["x"] == 100  # the loop starts again
    assert scene.shapes_at(9.0)[0].points[0][0] == pytest.approx(200)
    assert ease(0) == 0 and ease(1) == 1 and ease(0.5) == 0.5


def test_a_scene_that_does_not_loop_holds_its_last_pose() -> None:
    scene = Scene("stretch", lambda p: [], ((0.0, {"bend": 0.0}), (1.8, {"bend": 1.0})))
    assert scene.params_at(1.8)["bend"] == 1.0
    assert scene.params_at(600)["bend"] == 1.0


def test_keys_out_of_order_or_a_period_too_short_are_refused() -> None:
    with pytest.raises(ValueError):
        Scene("bad", lambda p: [], ((1.0, {}), (0.0, {})))
    with pytest.raises(ValueError):
        Scene("bad", lambda p: [], ((0.0, {}), (2.0, {})), period=2.0)


def test_every_picture_has_a_body_part_in_it() -> None:
    for name, scene in SCENES.items():
        assert any(s.kind is Kind.LIMB for s in scene.shapes_at(0)), name
