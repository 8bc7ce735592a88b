"""Renders every bundled picture's key poses, with the steps that use them, into
docs/illustrations.png: one sheet to look over with a critical eye (a row per picture).

    python tools/contact_sheet.py [OUT.png] [--theme light|dark|high-contrast]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from neurocoach.core.picture.scene import Params  # noqa: E402
from neurocoach.core.picture.scenes import SCENES  # noqa: E402
from neurocoach.core.routine.catalog import load_catalog  # noqa: E402
from neurocoach.paths import bundled_routines_dir  # noqa: E402
from neurocoach.ui.common.picture_painter import PicturePainter, card_colours  # noqa: E402

CELL = 240
LABEL = 30
TITLE = 40
MOST_KEYS = 7


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", type=Path, default=REPO / "docs" / "illustrations.png")
    parser.add_argument("--theme", default="light", choices=("light", "dark", "high-contrast"))
    args = parser.parse_args()
    app = QGuiApplication(sys.argv[:1])  # noqa: F841  (QPainter needs an application)
    users: dict[str, list[str]] = {}
    for entry in load_catalog([bundled_routines_dir()]):
        for step in entry.routine.steps if entry.routine else ():
            name = (step.illustration or "").removesuffix(".svg")
            if name in SCENES and step.title not in users.setdefault(name, []):
                users[name].append(step.title)
    names = sorted(users)
    pictures = PicturePainter(args.theme)
    width = MOST_KEYS * CELL
    height = len(names) * (TITLE + CELL + LABEL)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(card_colours(args.theme)["card"]).darker(108))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont("DejaVu Sans")
    font.setPixelSize(18)
    ink = QColor(card_colours(args.theme)["ink"] if args.theme == "high-contrast" else "#111111")
    for row, name in enumerate(names):
        scene = SCENES[name]
        y = row * (TITLE + CELL + LABEL)
        painter.setPen(ink)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(
            QRectF(8, y + 8, width - 16, TITLE - 8),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            f"{name}: " + " / ".join(users[name]),
        )
        font.setBold(False)
        keys = _distinct_keys(scene.keys)[:MOST_KEYS]
        for column, (seconds, params) in enumerate(keys):
            target = QRectF(column * CELL + 8, y + TITLE, CELL - 16, CELL - 16)
            card = pictures.paint_card(painter, target, target.width() * 0.07)
            painter.save()
            painter.setClipPath(card)
            pictures.paint(painter, scene.draw(params), target)
            painter.restore()
            painter.setPen(ink)
            painter.setFont(font)
            painter.drawText(
                QRectF(column * CELL, y + TITLE + CELL - 14, CELL, LABEL),
                int(Qt.AlignmentFlag.AlignHCenter),
                f"{seconds:g} s",
            )
    painter.end()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(args.out))
    print(f"wrote {args.out}: {len(names)} pictures")


def _distinct_keys(keys: tuple[tuple[float, Params], ...]) -> list[tuple[float, Params]]:
    """The key poses, each once: a pose held (the same numbers twice running) shows once."""
    shown: list[tuple[float, Params]] = []
    for seconds, params in keys:
        if not shown or dict(shown[-1][1]) != dict(params):
            shown.append((seconds, params))
    return shown


if __name__ == "__main__":
    main()
