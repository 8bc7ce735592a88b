"""Renders every bundled illustration, with each of its frames and the steps that use it,
into docs/illustrations.png: one sheet to look over with a critical eye.

    python tools/contact_sheet.py [OUT.png]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from neurocoach.core.routine.catalog import load_catalog  # noqa: E402
from neurocoach.core.routine.illustrations import frame_files  # noqa: E402
from neurocoach.paths import bundled_illustrations_dir, bundled_routines_dir  # noqa: E402

CELL = 240
LABEL = 64
COLUMNS = 5


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "docs" / "illustrations.png"
    app = QGuiApplication(sys.argv[:1])  # noqa: F841  (QPainter needs an application)
    users: dict[str, list[str]] = {}
    for entry in load_catalog([bundled_routines_dir()]):
        for step in entry.routine.steps if entry.routine else ():
            if step.illustration:
                users.setdefault(step.illustration, [])
                if step.title not in users[step.illustration]:
                    users[step.illustration].append(step.title)
    names = sorted(users)
    rows = []
    for name in names:
        frames = frame_files(bundled_illustrations_dir() / name)
        rows.append((name, frames))
    # Still pictures first, several to a line; then each moving one on a line of its frames.
    lines: list[list[tuple[str, Path, int]]] = []
    still = [(name, frames[0], 1) for name, frames in rows if len(frames) == 1]
    for start in range(0, len(still), COLUMNS):
        lines.append(still[start : start + COLUMNS])
    for name, frames in rows:
        if len(frames) > 1:
            lines.append([(name, frame, i) for i, frame in enumerate(frames, start=1)])
    width = max(len(cells) for cells in lines) * CELL
    height = len(lines) * (CELL + LABEL)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont("DejaVu Sans")
    font.setPixelSize(17)
    painter.setFont(font)
    for row, cells in enumerate(lines):
        for column, (name, frame, number) in enumerate(cells):
            x, y = column * CELL, row * (CELL + LABEL)
            target = QRectF(x + 8, y + 8, CELL - 16, CELL - 16)
            painter.setClipRect(target)  # an SVG may draw past its own box: keep it in its cell
            QSvgRenderer(str(frame)).render(painter, target)
            painter.setClipping(False)
            caption = " / ".join(users[name]) if number == 1 else f"frame {number}"
            painter.setPen(QColor("#111111"))
            painter.drawText(
                QRectF(x + 6, y + CELL - 4, CELL - 12, LABEL),
                int(
                    Qt.AlignmentFlag.AlignHCenter
                    | Qt.AlignmentFlag.AlignTop
                    | Qt.TextFlag.TextWordWrap
                ),
                caption,
            )
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    image.save(str(out))
    print(f"wrote {out}: {len(names)} illustrations")


if __name__ == "__main__":
    main()
