"""Pictures in the player: every bundled step has one, left sides are mirrored, moving
exercises change frames with the session clock, and a missing picture never stops a routine."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from neurocoach.core.picture.scene import Scene
from neurocoach.core.picture.scenes import SCENES
from neurocoach.core.routine import illustrations
from neurocoach.core.routine.catalog import load_catalog
from neurocoach.core.routine.model import Side
from neurocoach.paths import bundled_illustrations_dir, bundled_routines_dir
from neurocoach.ui.common import theme
from neurocoach.ui.common.picture_painter import PicturePainter
from neurocoach.ui.player.illustration_view import ANIMATION_INTERVAL_MS, IllustrationView
from tests.ui.helpers import TINY_ROUTINE, start_routine
from tests.unit.core.helpers import step


def bundled_steps():
    for entry in load_catalog([bundled_routines_dir()]):
        assert entry.routine is not None
        for s in entry.routine.steps:
            yield pytest.param(entry.routine, s, id=f"{entry.routine.id}:{s.title}")


def ink_share(image: QImage) -> float:
    """The share of pixels that are not white: how much is drawn."""
    drawn = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            if QColor(image.pixel(x, y)).lightness() < 240:
                drawn += 1
    return drawn / ((image.width() // 4) * (image.height() // 4))


@pytest.mark.parametrize(("routine", "bundled_step"), list(bundled_steps()))
def test_every_bundled_step_has_a_moving_picture_that_draws(qapp, routine, bundled_step) -> None:
    assert bundled_step.illustration, "every bundled step names its picture"
    found = illustrations.picture_for(bundled_step.illustration, None, bundled_illustrations_dir())
    assert isinstance(found, Scene), bundled_step.illustration
    for shapes in found.key_shapes():
        assert ink_share(render(shapes)) > 0.1, f"{found.name} draws almost nothing"


def render(shapes, size: int = 200, theme_name: str = "light") -> QImage:
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    PicturePainter(theme_name).paint(painter, shapes, QRectF(0, 0, size, size))
    painter.end()
    return image


def small_grey(shapes) -> list[int]:
    image = render(shapes, 48)
    return [QColor(image.pixel(x, y)).lightness() for y in range(48) for x in range(48)]


def test_no_two_pictures_look_alike() -> None:
    """Each picture, at its start and halfway through its movement, against every other's:
    the share of a small copy's pixels that clearly differ. The same picture scores 0; the
    old drawings a first-time viewer could not tell apart scored 0.026 (finger taps and thumb
    to fingertips) and 0.041 (the two wrist stretches); the closest two now must differ in
    at least a tenth, and did in 0.14 when this was written."""
    names = sorted(SCENES)
    looks = {}
    for name in names:
        scene = SCENES[name]
        middle = (scene.period or scene.keys[-1][0]) / 2
        looks[name] = (small_grey(scene.shapes_at(0)), small_grey(scene.shapes_at(middle)))
    closest = []
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            share = min(
                sum(abs(x - y) > 40 for x, y in zip(pa, pb, strict=True)) / len(pa)
                for pa in looks[a]
                for pb in looks[b]
            )
            closest.append((share, a, b))
    closest.sort()
    print("closest pairs:", closest[:5])
    assert closest[0][0] > 0.1, closest[:3]


def test_the_left_side_is_the_right_side_mirrored(qtbot) -> None:
    view = IllustrationView(bundled_illustrations_dir())
    qtbot.addWidget(view)
    view.resize(300, 300)
    picture = step("Lotion", sides=True)
    picture = picture.__class__(**{**picture.__dict__, "illustration": "finger-taps.svg"})
    view.show_step(picture, Side.RIGHT, None)
    right = view.grab().toImage()
    view.show_step(picture, Side.LEFT, None)
    assert view.mirrored
    left = view.grab().toImage()
    flipped = right.flipped(Qt.Orientation.Horizontal)
    assert different_pixels(left, right) > 0.05  # the picture is not symmetric
    assert different_pixels(left, flipped) < 0.005  # but left is right, mirrored


def different_pixels(a: QImage, b: QImage) -> float:
    """The share of pixels that differ visibly (antialiased edges may differ a little)."""
    differ = 0
    for y in range(a.height()):
        for x in range(a.width()):
            ca, cb = QColor(a.pixel(x, y)), QColor(b.pixel(x, y))
            if abs(ca.lightness() - cb.lightness()) > 60:
                differ += 1
    return differ / (a.width() * a.height())


def test_the_picture_moves_with_the_session_clock_and_stops_for_a_pause(make_app) -> None:
    moving = TINY_ROUTINE.replace(
        "    hold_seconds: 4\n", "    hold_seconds: 4\n    illustration: finger-taps.svg\n"
    )
    app = make_app({"tiny.yaml": moving})
    player = start_routine(app)
    view = player.illustration
    assert view.scene is SCENES["finger-taps"] and view.seconds == 0
    assert view.animating  # getting ready shows the movement too
    start = view.grab().toImage()
    app.advance(0.5)
    assert view.seconds == pytest.approx(0.5, abs=0.02)  # the clock's time, not frames counted
    assert different_pixels(start, view.grab().toImage()) > 0.01  # the fingers moved
    app.press(Qt.Key.Key_Space)
    assert not view.animating
    still = view.seconds
    app.advance(2)
    assert view.seconds == still
    app.press(Qt.Key.Key_Space)
    assert view.animating
    app.advance(2.6)  # 3.1 s: the hold has started, its movement from the start
    assert player.banner.text() == "Go" and view.seconds < 0.2


def test_the_animation_asks_the_clock_often_enough_to_look_smooth() -> None:
    assert 1000 / ANIMATION_INTERVAL_MS >= 12


def test_a_picture_of_the_routines_own_with_frames_shows_them_in_turn(make_app) -> None:
    own = TINY_ROUTINE.replace(
        "    hold_seconds: 4\n", "    hold_seconds: 4\n    illustration: my-taps.svg\n"
    )
    app = make_app({"tiny.yaml": own})
    box = (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"{}>'
        '<rect width="{}" height="10"/></svg>'
    )
    (app.user_routines / "my-taps.svg").write_text(box.format(' data-frame-seconds="0.8"', 2))
    (app.user_routines / "my-taps.frame2.svg").write_text(box.format("", 5))
    (app.user_routines / "my-taps.frame3.svg").write_text(box.format("", 8))
    player = start_routine(app)
    view = player.illustration
    assert (view.scene, view.frame_count, view.frame) == (None, 3, 0)
    seen = []
    for _ in range(5):
        app.advance(0.4)
        seen.append(view.frame)
    assert seen == [0, 1, 1, 2, 2]


def test_each_theme_has_its_own_picture_card(qtbot) -> None:
    view = IllustrationView(bundled_illustrations_dir())
    qtbot.addWidget(view)
    view.resize(300, 300)
    view.show_step(
        step("Taps", sides=True).__class__(
            **{**step("Taps", sides=True).__dict__, "illustration": "finger-taps.svg"}
        ),
        Side.RIGHT,
        None,
    )
    lightness = {}
    saved = theme.current
    try:
        for palette in (theme.LIGHT, theme.DARK, theme.HIGH_CONTRAST):
            theme.current = palette
            corner = view.grab().toImage().pixel(30, 30)  # inside the card, by its corner
            lightness[palette.name] = QColor(corner).lightness()
    finally:
        theme.current = saved
    assert lightness["light"] > 230
    assert lightness["dark"] < 80 and lightness["high-contrast"] < 30


def test_a_missing_picture_shows_the_title_and_the_routine_runs_on(make_app, caplog) -> None:
    missing = TINY_ROUTINE.replace(
        "    hold_seconds: 4\n", "    hold_seconds: 4\n    illustration: not-there.svg\n"
    )
    app = make_app({"tiny.yaml": missing})
    with caplog.at_level(logging.WARNING):
        player = start_routine(app)
    assert player.illustration.showing_placeholder
    assert player.illustration.placeholder_text == "Squeeze"
    assert "not-there.svg" in caplog.text
    app.advance(3)
    assert player.banner.text() == "Go"


def test_a_broken_picture_file_is_a_placeholder_too(make_app, caplog, qtlog) -> None:
    broken = TINY_ROUTINE.replace(
        "    hold_seconds: 4\n", "    hold_seconds: 4\n    illustration: broken.svg\n"
    )
    app = make_app({"tiny.yaml": broken})
    (app.user_routines / "broken.svg").write_text("<svg this is not svg")
    with qtlog.disabled(), caplog.at_level(logging.WARNING):  # Qt complains about the file
        player = start_routine(app)
    assert player.illustration.showing_placeholder
    assert "could not be read as SVG" in caplog.text


def test_the_contact_sheet_draws_every_bundled_picture(tmp_path) -> None:
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[3] / "tools" / "contact_sheet.py"
    out = tmp_path / "sheet.png"
    done = subprocess.run(
        [sys.executable, str(script), str(out), "--theme", "dark"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert f"{len(SCENES)} pictures" in done.stdout
    assert QImage(str(out)).height() > 240 * len(SCENES)


@pytest.mark.parametrize("name", ["finger-taps", "marble-foot-bath", "wrist-stretch-palm-up"])
@pytest.mark.parametrize("side", [Side.RIGHT, Side.LEFT])
def test_the_picture_painted_in_parts_is_the_picture_painted_whole(qtbot, name, side) -> None:
    """The view paints the still part once and then only the moving part (and keeps its
    frames): at any moment it must show exactly what painting the whole pose would."""
    view = IllustrationView(bundled_illustrations_dir())
    qtbot.addWidget(view)
    view.resize(404, 404)
    picture = step("Picture", sides=True)
    view.show_step(
        picture.__class__(**{**picture.__dict__, "illustration": f"{name}.svg"}), side, None
    )
    scene = SCENES[name]
    for seconds in (0.0, 0.4, 1.3, 0.4, 2.2):  # 0.4 twice: the second time from the cache
        view.show_elapsed(seconds)
        shown = view.grab().toImage()
        whole = QImage(shown.size(), QImage.Format.Format_RGB32)
        whole.fill(QColor(theme.current.paper))
        painter = QPainter(whole)
        target = view.picture_rect()
        pictures = PicturePainter(theme.current.name)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = pictures.paint_card(painter, target, target.width() * 28 / 400)
        painter.setClipPath(card)
        if side is Side.LEFT:
            painter.translate(target.center().x() * 2, 0)
            painter.scale(-1, 1)
        pictures.paint(painter, scene.shapes_at(round(seconds * 12.5) / 12.5), target)
        painter.end()
        assert different_pixels(shown.convertToFormat(QImage.Format.Format_RGB32), whole) < 0.001
