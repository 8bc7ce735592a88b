"""Renders the app icon (assets/icons/org.neurocoach.NeuroCoach.svg) into the PNG sizes a
Linux desktop looks for, under packaging/linux/icons/hicolor/, and the two PNGs the app sets
as its window icon (assets/icons/*-64.png, *-256.png: PNG needs no SVG plugin at start-up).

    python tools/make_icons.py
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

REPO = Path(__file__).resolve().parents[1]
NAME = "org.neurocoach.NeuroCoach"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
APP_SIZES = (64, 256)


def main() -> None:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841  (QPainter needs an application)
    source = REPO / "assets" / "icons" / f"{NAME}.svg"
    renderer = QSvgRenderer(str(source))
    theme = REPO / "packaging" / "linux" / "icons" / "hicolor"
    scalable = theme / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, scalable / f"{NAME}.svg")
    for size in SIZES:
        folder = theme / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(QColor(0, 0, 0, 0))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        image.save(str(folder / f"{NAME}.png"))
        if size in APP_SIZES:
            image.save(str(REPO / "assets" / "icons" / f"{NAME}-{size}.png"))
    print(f"icons written under {theme}")


if __name__ == "__main__":
    main()
