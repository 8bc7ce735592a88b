"""Pictures in the player: every bundled step has one, left sides are mirrored, moving
exercises change frames with the session clock, and a missing picture never stops a routine."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from neurocoach.core.routine import illustrations
from neurocoach.core.routine.catalog import load_catalog
from neurocoach.core.routine.model import Side
from neurocoach.paths import bundled_illustrations_dir, bundled_routines_dir
from neurocoach.ui.player.illustration_view import IllustrationView
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
def test_every_bundled_step_has_a_picture_that_draws(qapp, routine, bundled_step) -> None:
    assert bundled_step.illustration, "every bundled step names its picture"
    first = illustrations.resolve(bundled_step.illustration, None, bundled_illustrations_dir())
    assert first is not None, bundled_step.illustration
    for frame in illustrations.frame_files(first):
        renderer = QSvgRenderer(str(frame))
        assert renderer.isValid(), frame
        image = QImage(200, 200, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        renderer.render(painter, QRectF(0, 0, 200, 200))
        painter.end()
        assert ink_share(image) > 0.1, f"{frame.name} draws almost nothing"


def test_the_left_side_is_the_right_side_mirrored(qtbot) -> None:
    view = IllustrationView(bundled_illustrations_dir())
    qtbot.addWidget(view)
    view.resize(300, 300)
    picture = step("Lotion", sides=True)
    picture = picture.__class__(**{**picture.__dict__, "illustration": "lotion-hand-massage.svg"})
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


def test_frames_follow_the_session_clock(make_app) -> None:
    moving = TINY_ROUTINE.replace(
        "    hold_seconds: 4\n", "    hold_seconds: 4\n    illustration: finger-taps.svg\n"
    )
    app = make_app({"tiny.yaml": moving})
    player = start_routine(app)
    view = player.illustration
    assert (view.frame_count, view.frame) == (4, 0)
    seen = []
    for _ in range(6):
        app.advance(0.4)
        seen.append(view.frame)
    # 0.8 s a frame (the picture says so), starting again with each phase: 3 s of get-ready,
    # then the hold.
    assert seen == [0, 1, 1, 2, 2, 3]
    app.advance(0.7)  # 3.1 s: the hold has started, and its movement from the first frame
    assert player.banner.text() == "Go" and view.frame == 0


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


def test_the_drawing_script_makes_exactly_the_shipped_pictures(tmp_path) -> None:
    import runpy
    from pathlib import Path

    folder = bundled_illustrations_dir()
    script = Path(__file__).resolve().parents[3] / "tools" / "draw_illustrations.py"
    runpy.run_path(str(script))["main"](tmp_path)
    made = sorted(p.name for p in tmp_path.glob("*.svg"))
    assert made == sorted(p.name for p in folder.glob("*.svg"))
    for name in made:
        assert (tmp_path / name).read_text() == (folder / name).read_text(), name
