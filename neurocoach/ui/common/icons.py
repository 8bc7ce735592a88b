"""Our own line icons, drawn beside the words of buttons in the text colour of the theme.

The SVGs (assets/icons/ui/NAME.svg, a 24 px grid, 2 px round strokes; docs/design.md) are
drawn in `currentColor`; here that becomes the colour they are painted in, so one file serves
light, dark and high contrast, and a primary button's icon takes the colour of its words.
Rendered pictures are kept, one per name, colour and size. A missing or broken icon is logged
once and gives nothing to draw: a button without its icon still has its words.
"""

from __future__ import annotations

import logging
from functools import cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from neurocoach.paths import bundled_ui_icons_dir
from neurocoach.ui.common import theme

_log = logging.getLogger(__name__)
_SIZES = (16, 24, 32, 48, 64)  # px: the sizes a QIcon from `icon` holds ready


@cache
def _source(name: str) -> str:
    """The SVG text of icon `name`, or "" (and one warning) if there is none."""
    path = bundled_ui_icons_dir() / f"{name}.svg"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        _log.warning("icon %r could not be read: %s", name, error)
        return ""
    if not QSvgRenderer(QByteArray(text.encode())).isValid():
        _log.warning("icon %r is not a valid SVG: %s", name, path)
        return ""
    return text


def exists(name: str) -> bool:
    return bool(name) and bool(_source(name))


@cache
def pixmap(name: str, size: int, colour: str, ratio: float = 1.0) -> QPixmap:
    """Icon `name` drawn `size` px square (device-independent) in `colour`; a null pixmap
    if there is no such icon."""
    text = _source(name) if name else ""
    if not text or size <= 0:
        return QPixmap()
    renderer = QSvgRenderer(QByteArray(text.replace("currentColor", colour).encode()))
    side = max(1, round(size * ratio))
    picture = QPixmap(QSize(side, side))
    picture.fill(Qt.GlobalColor.transparent)
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, side, side))
    painter.end()
    picture.setDevicePixelRatio(ratio)
    return picture


def icon(name: str, palette: theme.Palette | None = None) -> QIcon:
    """Icon `name` in the text colour of `palette` (by default, the theme applied now), its
    disabled look in the theme's quiet tone; an empty QIcon if there is no such icon."""
    return _icon(name, palette or theme.current)


@cache
def _icon(name: str, palette: theme.Palette) -> QIcon:
    result = QIcon()
    if not exists(name):
        return result
    for size in _SIZES:
        result.addPixmap(pixmap(name, size, palette.ink), QIcon.Mode.Normal)
        result.addPixmap(pixmap(name, size, palette.quiet), QIcon.Mode.Disabled)
        result.addPixmap(pixmap(name, size, palette.on_accent), QIcon.Mode.Selected)
    return result
