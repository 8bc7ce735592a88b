"""One look for every window: large text, big controls, strong contrast, a thick focus ring.

The numbers are what our users need (low vision, numb or shaky fingers): controls at least
64 px tall, body text 18 pt (scaled by the text-size setting up to 200 %), text contrast of
at least 7:1 and a focus indicator nobody can miss. Three palettes (light, dark, high
contrast); "system" follows the computer's light or dark preference. Widgets that paint by
hand read the colours from `current`, so they follow a change of theme at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

BODY_POINT_SIZE = 18
CONTROL_MIN_HEIGHT = 64
CARD = "#ffffff"  # pictures always sit on a white card: clear in every theme
PHASE_COLOURS = {  # background of the phase banner; its text is always near-black
    "ready": "#ffd54f",
    "switch": "#ffb74d",
    "hold": "#81c784",
    "rest": "#90caf9",
    "paused": "#e0e0e0",
}
BANNER_INK = "#111111"


@dataclass(frozen=True)
class Palette:
    name: str
    paper: str  # window background
    ink: str  # body text
    muted: str  # secondary text
    accent: str  # primary buttons, selection
    on_accent: str  # text on the accent
    button: str  # other buttons
    focus: str  # the focus ring
    caution: str  # background of caution boxes
    caution_edge: str
    row: str  # unselected list rows
    problem: str  # text saying something is wrong
    track: str  # the empty part of the progress bar
    rest_ink: str  # the countdown's digits during a rest: not the exercise's black


LIGHT = Palette(
    "light",
    "#ffffff",
    "#111111",
    "#333333",
    "#0b3d91",
    "#ffffff",
    "#e9eef7",
    "#c2410c",
    "#fff4d6",
    "#8a5a00",
    "#f4f6fa",
    "#9b1c1c",
    "#cfcfcf",
    "#004d73",
)
DARK = Palette(
    "dark",
    "#121212",
    "#f2f2f2",
    "#d6d6d6",
    "#9cc2ff",
    "#0a0a0a",
    "#2b3340",
    "#ffb454",
    "#3a2f12",
    "#e0b000",
    "#1f252e",
    "#ffb0b0",
    "#4a4a4a",
    "#90caf9",
)
HIGH_CONTRAST = Palette(
    "high-contrast",
    "#000000",
    "#ffffff",
    "#ffffff",
    "#ffff00",
    "#000000",
    "#000000",
    "#00ffff",
    "#000000",
    "#ffff00",
    "#000000",
    "#ff9e9e",
    "#808080",
    "#00ffff",
)
PALETTES = {p.name: p for p in (LIGHT, DARK, HIGH_CONTRAST)}

current: Palette = LIGHT
current_scale: float = 1.0


def palette_for(name: str) -> Palette:
    if name == "system":
        hints = QGuiApplication.styleHints()
        dark = hints is not None and hints.colorScheme() == Qt.ColorScheme.Dark
        return DARK if dark else LIGHT
    return PALETTES.get(name, LIGHT)


ROLE_POINT_SIZES = {"title": 30, "subtitle": 22}  # at 100 %; any other role is body text


def role_point_size(role: str, scale: float | None = None) -> int:
    """The point size of text in `role` at the text size (by default, the one applied)."""
    return round(
        ROLE_POINT_SIZES.get(role, BODY_POINT_SIZE) * (current_scale if scale is None else scale)
    )


def stylesheet(p: Palette, scale: float = 1.0) -> str:
    body = role_point_size("", scale)
    title = role_point_size("title", scale)
    subtitle = role_point_size("subtitle", scale)
    # The menu bar stays 64 px tall or more: larger text needs less padding for that.
    menu_padding = round(18 - 14 * (scale - 1))
    return f"""
QWidget {{ color: {p.ink}; background: {p.paper}; font-size: {body}pt; }}
QDialogButtonBox QPushButton {{ min-height: {CONTROL_MIN_HEIGHT}px; min-width: 120px; }}
QPushButton {{
    padding: 6px 22px;
    border: 3px solid {p.ink};
    border-radius: 12px;
    background: {p.button};
    color: {p.ink};
    font-weight: bold;
}}
QPushButton:focus {{ border: 6px solid {p.focus}; padding: 3px 19px; }}
QPushButton:disabled {{ color: {p.muted}; border-style: dashed; }}
QPushButton[primary="true"] {{ background: {p.accent}; color: {p.on_accent}; }}
QPushButton[primary="true"]:focus {{ border: 6px solid {p.focus}; padding: 3px 19px; }}
QListView, QTableView {{ border: 3px solid {p.ink}; border-radius: 8px; outline: none; }}
QListView:focus, QTableView:focus {{ border: 6px solid {p.focus}; }}
QTableView::item:selected {{ background: {p.accent}; color: {p.on_accent}; }}
QHeaderView::section {{
    background: {p.button}; color: {p.ink}; border: 1px solid {p.ink}; padding: 8px;
    font-weight: bold;
}}
QScrollBar:vertical {{ width: {CONTROL_MIN_HEIGHT}px; background: {p.button}; border: none; }}
QScrollBar:horizontal {{ height: {CONTROL_MIN_HEIGHT}px; background: {p.button}; border: none; }}
QScrollBar::handle {{ background: {p.muted}; border-radius: 12px; margin: 8px; }}
QScrollBar::handle:vertical {{ min-height: {CONTROL_MIN_HEIGHT}px; }}
QScrollBar::handle:horizontal {{ min-width: {CONTROL_MIN_HEIGHT}px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
QMenuBar, QMenu {{ font-size: {body}pt; }}
QMenuBar::item {{ padding: {menu_padding}px 20px; }}
QMenu::item {{ padding: 10px 28px; }}
QMenu::item:selected, QMenuBar::item:selected {{ background: {p.accent}; color: {p.on_accent}; }}
QDialog {{ border: 4px solid {p.ink}; }}
QFrame[role="field"] {{ border: 3px solid transparent; border-radius: 10px; }}
QFrame[role="field"]:focus {{ border: 6px solid {p.focus}; }}
QLabel[role="title"] {{ font-size: {title}pt; font-weight: bold; }}
QLabel[role="subtitle"] {{ font-size: {subtitle}pt; font-weight: bold; }}
QLabel[role="strong"] {{ font-weight: bold; }}
QLabel[role="muted"] {{ color: {p.muted}; }}
QLabel[role="caution"] {{
    background: {p.caution}; border: 3px solid {p.caution_edge}; border-radius: 8px;
    padding: 10px;
}}
"""


def apply(app: QApplication, theme: str = "light", text_scale: float = 100) -> Palette:
    """Give the whole application the large, high-contrast look (again, after a change)."""
    global current, current_scale
    current = palette_for(theme)
    current_scale = max(1.0, min(2.0, text_scale / 100))
    font = QFont(app.font())
    font.setPointSize(round(BODY_POINT_SIZE * current_scale))
    app.setFont(font)
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, current.paper),
        (QPalette.ColorRole.WindowText, current.ink),
        (QPalette.ColorRole.Base, current.paper),
        (QPalette.ColorRole.Text, current.ink),
        (QPalette.ColorRole.Highlight, current.accent),
        (QPalette.ColorRole.HighlightedText, current.on_accent),
        (QPalette.ColorRole.Button, current.button),
        (QPalette.ColorRole.ButtonText, current.ink),
    ):
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)
    app.setStyleSheet(stylesheet(current, current_scale))
    return current
