"""One look for every window: large text, big controls, strong contrast, a thick focus ring.

The numbers come from ../shared/notes/accessibility.md: controls at least 64 px tall, body
text 18 pt, text contrast of at least 7:1 and a focus indicator nobody can miss.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

BODY_POINT_SIZE = 18
CONTROL_MIN_HEIGHT = 64

INK = "#111111"  # body text: 18.9:1 on white
PAPER = "#ffffff"
MUTED_INK = "#333333"  # secondary text: 12.6:1 on white
ACCENT = "#0b3d91"  # deep blue: 11.0:1 on white, white on it 11.0:1
FOCUS = "#c2410c"  # a thick orange ring, 5.2:1 on white
PROBLEM = "#9b1c1c"  # dark red text: 8.0:1 on white
PHASE_COLOURS = {  # background of the phase banner; black text on each is above 7:1
    "ready": "#ffd54f",
    "switch": "#ffb74d",
    "hold": "#81c784",
    "rest": "#90caf9",
    "paused": "#e0e0e0",
}

STYLESHEET = f"""
QWidget {{
    color: {INK};
    background: {PAPER};
    font-size: {BODY_POINT_SIZE}pt;
}}
QPushButton {{
    min-height: {CONTROL_MIN_HEIGHT}px;
    padding: 6px 22px;
    border: 3px solid {INK};
    border-radius: 12px;
    background: #e9eef7;
    font-weight: bold;
}}
QPushButton:hover {{ background: #dce5f5; }}
QPushButton:pressed {{ background: #c5d4ef; }}
QPushButton:focus {{ border: 6px solid {FOCUS}; padding: 3px 19px; }}
QPushButton[primary="true"] {{ background: {ACCENT}; color: {PAPER}; }}
QPushButton[primary="true"]:focus {{ border: 6px solid {FOCUS}; padding: 3px 19px; }}
QListView, QTableView {{
    border: 3px solid {INK};
    border-radius: 8px;
    outline: none;
}}
QListView:focus, QTableView:focus {{ border: 6px solid {FOCUS}; }}
QHeaderView::section {{
    background: #e9eef7;
    border: 1px solid {INK};
    padding: 8px;
    font-weight: bold;
}}
QScrollBar:vertical {{ width: 28px; background: #e9eef7; border: none; margin: 0; }}
QScrollBar::handle:vertical {{
    background: #4a4a4a; min-height: 64px; border-radius: 10px; margin: 3px;
}}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ background: none; }}
QMenuBar, QMenu {{ font-size: {BODY_POINT_SIZE}pt; }}
QMenu::item {{ padding: 10px 28px; }}
QMenu::item:selected, QMenuBar::item:selected {{ background: {ACCENT}; color: {PAPER}; }}
QFrame[role="placeholder"] QLabel {{ background: transparent; }}
QDialog {{ border: 4px solid {INK}; }}
QLabel[role="title"] {{ font-size: 30pt; font-weight: bold; }}
QLabel[role="subtitle"] {{ font-size: 22pt; font-weight: bold; }}
QLabel[role="muted"] {{ color: {MUTED_INK}; }}
QLabel[role="caution"] {{
    background: #fff4d6;
    border: 3px solid #8a5a00;
    border-radius: 8px;
    padding: 10px;
}}
QFrame[role="placeholder"] {{
    border: 3px dashed {MUTED_INK};
    border-radius: 12px;
    background: #f4f6fa;
}}
"""


def apply(app: QApplication) -> None:
    """Give the whole application the large, high-contrast look."""
    font = QFont(app.font())
    font.setPointSize(BODY_POINT_SIZE)
    app.setFont(font)
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(PAPER))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(INK))
    palette.setColor(QPalette.ColorRole.Base, QColor(PAPER))
    palette.setColor(QPalette.ColorRole.Text, QColor(INK))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor(PAPER))
    palette.setColor(QPalette.ColorRole.Button, QColor("#e9eef7"))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(INK))
    app.setPalette(palette)
    app.setStyleSheet(STYLESHEET)
