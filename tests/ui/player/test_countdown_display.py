"""The countdown's ring: what is left of the phase, in the phase's colour, read at a glance."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from neurocoach.ui.common import theme
from neurocoach.ui.player.countdown_display import CountdownDisplay, format_seconds


def ring_share(image: QImage, colour: QColor) -> float:
    """The share of the widget's edge band (where the ring runs) painted in `colour`."""
    band = 8
    hits = total = 0
    for x in range(0, image.width(), 2):
        for y in list(range(2, band)) + list(range(image.height() - band, image.height() - 2)):
            total += 1
            hits += QColor(image.pixel(x, y)).rgb() == colour.rgb()
    return hits / total


@pytest.fixture
def countdown(qtbot):
    widget = CountdownDisplay()
    qtbot.addWidget(widget)
    widget.resize(600, 300)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_ring_empties_as_the_phase_goes(countdown) -> None:
    colour = QColor(theme.phase_look("hold").ring)
    countdown.set_phase("hold")
    countdown.set_time(10, 10)
    full = ring_share(countdown.grab().toImage(), colour)
    countdown.set_time(5, 10)
    half = ring_share(countdown.grab().toImage(), colour)
    countdown.set_time(1, 10)
    little = ring_share(countdown.grab().toImage(), colour)
    assert full > 0.8
    assert half == pytest.approx(full / 2, abs=0.12)
    assert little < 0.2


def test_what_is_left_runs_clockwise_back_to_the_top(countdown) -> None:
    """A quarter left: the ring's last quarter, from the left side round to the top middle;
    the right side is empty."""
    colour = QColor(theme.phase_look("hold").ring)
    countdown.set_phase("hold")
    countdown.set_time(2.5, 10)
    image = countdown.grab().toImage()
    y = image.height() // 2
    left_side = [QColor(image.pixel(x, y)).rgb() for x in range(0, 20)]
    right_side = [QColor(image.pixel(x, y)).rgb() for x in range(image.width() - 20, image.width())]
    assert colour.rgb() in left_side
    assert colour.rgb() not in right_side


def test_each_phase_has_its_own_ring_colour_and_a_pause_greys_it(countdown) -> None:
    countdown.set_time(10, 10)
    seen = {}
    for phase in ("ready", "hold", "rest", "switch"):
        countdown.set_phase(phase)
        colour = QColor(theme.phase_look(phase).ring)
        assert ring_share(countdown.grab().toImage(), colour) > 0.8, phase
        seen[phase] = colour.rgb()
    assert len(set(seen.values())) == 4
    countdown.set_dimmed(True)
    grey = QColor(theme.phase_look("paused").ring)
    assert ring_share(countdown.grab().toImage(), grey) > 0.8


def test_long_holds_count_minutes_and_the_last_minute_seconds() -> None:
    assert format_seconds(600) == ("10", "min")
    assert format_seconds(61) == ("2", "min")
    assert format_seconds(59.2) == ("1", "min")  # 60 s left, rounded up: still a minute
    assert format_seconds(59.0) == ("59", "")
    assert format_seconds(0.2) == ("1", "") and format_seconds(0) == ("0", "")


@pytest.mark.parametrize("start", [9.9, 7.6, 5.1, 2.4, 0.3])
def test_a_step_of_the_ring_repaints_only_where_it_changed(countdown, start) -> None:
    """The ring moves four times a second: it repaints the piece it moved over and its dot,
    not the whole ring and not the digits, and that piece holds every pixel that changed."""
    countdown.set_phase("hold")
    countdown.set_time(start, 10)
    before = countdown.grab().toImage()
    steps = countdown._ring_steps()
    countdown._remaining = start - 0.2  # as set_time does, without painting
    after = countdown.grab().toImage()
    dirty = countdown._ring_moved(steps)
    changed = [
        (x, y)
        for y in range(before.height())
        for x in range(before.width())
        if before.pixel(x, y) != after.pixel(x, y)
    ]
    assert changed, "the ring moved"
    assert all(dirty.contains(x, y) for x, y in changed)
    assert dirty.width() * dirty.height() < countdown.width() * countdown.height() / 8
    assert not dirty.intersects(countdown._digits_rect().toAlignedRect())
