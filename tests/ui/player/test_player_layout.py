"""What a person with poor eyesight needs from the player: huge digits, big controls."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from tests.ui.helpers import select_routine, start_routine
from tests.ui.sizes import assert_buttons_big_and_readable


@pytest.mark.parametrize("size", [(1280, 800), (1024, 700), (1920, 1080)])
def test_countdown_digits_are_over_a_quarter_of_the_window_height(make_app, size) -> None:
    app = make_app(size=size)
    player = start_routine(app)
    app.qtbot.waitUntil(lambda: player.countdown.height() > 0)
    app.press(Qt.Key.Key_Right)  # to the 10-minute step: the widest text, "10 min"
    app.advance(3)
    assert (player.countdown.text, player.countdown.unit) == ("10", "min")
    quarter = app.window.height() / 4
    assert player.countdown.digit_height() >= quarter
    app.advance(540)
    assert (player.countdown.text, player.countdown.unit) == ("1", "min")
    app.advance(1.5)
    assert (player.countdown.text, player.countdown.unit) == ("59", "")
    assert player.countdown.digit_height() >= quarter
    app.advance(53.5)
    assert player.countdown.text == "5"
    assert player.countdown.digit_height() >= quarter


def test_every_player_control_is_big_and_labelled(make_app) -> None:
    app = make_app()
    player = start_routine(app)
    assert len(player.findChildren(QPushButton)) == 6
    assert_buttons_big_and_readable(player)


@pytest.mark.parametrize("size", [(1024, 700), (1280, 800)])
def test_every_page_and_the_stop_dialog_have_big_readable_buttons(make_app, size) -> None:
    app = make_app(size=size)
    assert_buttons_big_and_readable(app.window.current_page())
    select_routine(app, "Tiny test routine")
    app.press(Qt.Key.Key_Return)
    assert_buttons_big_and_readable(app.window.current_page())
    app.press(Qt.Key.Key_Return)
    app.press(Qt.Key.Key_Escape)
    dialog = app.window.stop_dialog
    app.qtbot.waitExposed(dialog)
    assert_buttons_big_and_readable(dialog)
    app.press(Qt.Key.Key_Y)
    app.qtbot.waitUntil(lambda: app.window.stop_dialog is None)
    assert_buttons_big_and_readable(app.window.current_page())
    app.press(Qt.Key.Key_H)
    assert_buttons_big_and_readable(app.window.current_page())


@pytest.mark.parametrize(
    ("size", "least"),
    # The picture shares the space with a countdown at least a quarter of the window high,
    # the step title, four lines of instructions and a caution; in a small window the
    # countdown's digits ("10 min") also need more of the width.
    [((1280, 800), 0.31), ((1920, 1080), 0.34), ((1024, 700), 0.25)],
)
def test_the_picture_takes_a_large_part_of_the_player(make_app, size, least) -> None:
    app = make_app(size=size)
    player = start_routine(app)
    app.qtbot.waitUntil(lambda: player.illustration.width() > 0)
    picture = player.illustration.picture_rect()
    share = picture.width() * picture.height() / (player.width() * player.height())
    print(f"{size}: picture {picture.width():.0f} px square, {share:.1%} of the player")
    assert share >= least


def test_paused_digits_turn_quiet_and_come_back(make_app) -> None:
    """From across the room: paused digits are drawn in the quiet colour, not the ink."""
    from PySide6.QtGui import QColor

    from neurocoach.ui.common import theme

    app = make_app()
    player = start_routine(app)

    def ink_pixels() -> int:
        image = player.countdown.grab().toImage()
        ink = QColor(theme.current.ink).rgb()
        return sum(
            image.pixel(x, y) == ink
            for x in range(0, image.width(), 4)
            for y in range(0, image.height() * 3 // 4, 4)
        )

    running = ink_pixels()
    app.press(Qt.Key.Key_Space)
    assert player.engine.state.value == "paused"
    assert running > 50 and ink_pixels() == 0
    app.press(Qt.Key.Key_Space)
    assert ink_pixels() > 50


def test_a_rest_shows_rest_and_what_comes_next_not_the_exercise(make_app) -> None:
    app = make_app()
    player = start_routine(app)
    app.advance(3)  # the lead-in is over: squeeze
    assert player.step_title.text() == "Squeeze"
    app.advance(4)  # the first squeeze is done: rest
    assert player.banner.text() == "Rest"
    assert player.step_title.text() == "Rest"
    assert "Then: Squeeze again for 4 s." in player.instructions.text()
    app.advance(2)
    assert player.step_title.text() == "Squeeze"


def digit_pixels(player, colour: str) -> int:
    from PySide6.QtGui import QColor

    image = player.countdown.grab().toImage()
    wanted = QColor(colour).rgb()
    return sum(
        image.pixel(x, y) == wanted
        for x in range(0, image.width(), 4)
        for y in range(0, image.height() * 3 // 4, 4)
    )


def test_a_rest_counts_in_the_rest_colour_not_the_exercise_black(make_app) -> None:
    from neurocoach.ui.common import theme

    app = make_app()
    player = start_routine(app)
    app.advance(3)  # squeezing
    assert digit_pixels(player, theme.current.ink) > 50
    assert digit_pixels(player, theme.current.rest_ink) == 0
    app.advance(4)  # resting
    assert player.banner.text() == "Rest"
    assert digit_pixels(player, theme.current.rest_ink) > 50
    assert digit_pixels(player, theme.current.ink) == 0


@pytest.mark.parametrize(
    ("scale", "size"),
    [(100, (1280, 800)), (150, (1366, 768)), (200, (1280, 800)), (200, (1024, 768))],
)
def test_nothing_moves_when_pausing_or_when_the_phase_changes(make_app, scale, size) -> None:
    from PySide6.QtWidgets import QApplication, QWidget

    from neurocoach.ui.common import theme

    app = make_app(size=size)
    theme.apply(QApplication.instance(), "light", scale)
    app.settings.set("text_scale", scale)
    try:
        player = start_routine(app)
        app.advance(3.5)  # the first squeeze, on the left hand

        def places() -> dict[str, tuple[int, int, int, int]]:
            QApplication.processEvents()
            return {
                w.objectName(): w.geometry().getRect()
                for w in player.findChildren(QWidget)
                if w.parentWidget() is player and w.isVisible() and w.objectName()
            }

        holding = places()
        app.press(Qt.Key.Key_Space)
        assert player.engine.state.value == "paused"
        assert places() == holding
        app.press(Qt.Key.Key_Space)
        app.advance(3.6)  # into the rest
        assert player.banner.text() == "Rest"
        assert places() == holding
    finally:
        theme.apply(QApplication.instance())
