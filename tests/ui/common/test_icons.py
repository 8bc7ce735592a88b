"""Our icons: drawn to one grid, in the theme's colours, and never a crash when one is missing."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QColor, QIcon, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from neurocoach.paths import bundled_ui_icons_dir
from neurocoach.ui.common import icons, theme

NAMES = [
    *("play", "pause", "stop", "back", "next", "skip", "plus", "adjust", "check", "close"),
    *("reset", "delete", "save", "history", "settings", "open", "report", "calendar"),
    *("chart", "heart", "list", "home", "info", "warning", "stopwatch"),
]


def test_the_design_names_every_icon_there_is() -> None:
    files = {path.stem for path in bundled_ui_icons_dir().glob("*.svg")}
    assert files == set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_each_icon_is_drawn_to_the_grid(name: str) -> None:
    text = (bundled_ui_icons_dir() / f"{name}.svg").read_text(encoding="utf-8")
    assert 'viewBox="0 0 24 24"' in text
    assert 'stroke-width="2"' in text and 'stroke-linecap="round"' in text
    assert 'stroke="currentColor"' in text
    renderer = QSvgRenderer(QByteArray(text.encode()))
    assert renderer.isValid()
    # Drawn ten times the size in the middle of a larger picture: nothing may fall outside
    # the viewBox (a renderer need not clip to it).
    image = QImage(300, 300, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    renderer.render(painter, QRectF(30, 30, 240, 240))
    painter.end()
    outside = [
        (x, y)
        for x in range(0, 300, 2)
        for y in range(0, 300, 2)
        if not (30 <= x < 270 and 30 <= y < 270) and image.pixelColor(x, y).alpha() > 0
    ]
    assert outside == [], name


def colours_in(icon: QIcon, mode: QIcon.Mode = QIcon.Mode.Normal) -> set[str]:
    image = icon.pixmap(24, 24, mode).toImage()
    found = set()
    for x in range(image.width()):
        for y in range(image.height()):
            colour = image.pixelColor(x, y)
            if colour.alpha() == 255:
                found.add(colour.name())
    return found


@pytest.mark.parametrize("palette", list(theme.PALETTES.values()), ids=lambda p: p.name)
def test_an_icon_takes_the_text_colour_of_each_theme(qapp, palette: theme.Palette) -> None:
    icon = icons.icon("check", palette)
    assert not icon.isNull()
    assert colours_in(icon) == {QColor(palette.ink).name()}
    assert colours_in(icon, QIcon.Mode.Disabled) == {QColor(palette.quiet).name()}


def test_the_icon_follows_the_theme_applied(qapp) -> None:
    theme.apply(qapp, "dark")
    try:
        assert colours_in(icons.icon("play")) == {QColor(theme.DARK.ink).name()}
    finally:
        theme.apply(qapp)
    assert colours_in(icons.icon("play")) == {QColor(theme.LIGHT.ink).name()}


def test_a_missing_icon_is_empty_and_logged(qapp, caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="neurocoach.ui.common.icons"):
        assert icons.icon("no-such-icon").isNull()
        assert icons.pixmap("no-such-icon", 24, "#000000").isNull()
    assert "no-such-icon" in caplog.text
    assert not icons.exists("no-such-icon") and not icons.exists("")
