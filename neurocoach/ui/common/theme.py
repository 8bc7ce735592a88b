"""One look for every window: large text, big controls, strong contrast, a thick focus ring.

The numbers are what our users need (low vision, numb or shaky fingers): controls at least
64 px tall, body text 18 pt (scaled by the text-size setting up to 200 %), text contrast of
at least 7:1 and a focus indicator nobody can miss. Three palettes (light, dark, high
contrast); "system" follows the computer's light or dark preference. Widgets that paint by
hand read the colours from `current`, so they follow a change of theme at once.

docs/design.md writes the design language down (spacing, type, radii, focus, icons and the
colour of each phase); this module is its one source in code.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLayout

BODY_POINT_SIZE = 18
KEY_HINT_SCALE = 0.8  # a button's key is named in text this much smaller than its word
CONTROL_MIN_HEIGHT = 64

# The spacing scale, in px. Every gap in the app is one of these (docs/design.md says which).
SPACE = {"xs": 4, "s": 8, "m": 12, "l": 16, "xl": 24, "xxl": 32, "xxxl": 48}
PAGE_MARGIN = SPACE["xl"]  # between a page's (or dialog's) content and the window's edge
SECTION_GAP = SPACE["xl"]  # between groups on a page: a heading and the group before it
CONTROL_GAP = SPACE["m"]  # between two buttons, or a label and its control
# Two radii: controls (buttons, fields, lists, banners, cards) and small parts inside them.
RADIUS = {"control": 12, "inner": 8}


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
    # Added with the design language; keyword defaults are the light theme's.
    card: str = "#ffffff"  # the picture card's background
    card_edge: str = "#6b7689"  # and its edge
    edge: str = "#5b6b85"  # the edge of buttons, lists, menus and fields: 3:1 on the paper
    key_ink: str = "#3d4a5c"  # a key named on a button: quieter than the word, still 7:1
    key_on_accent: str = "#dde6f7"  # the same on a primary button
    quiet: str = "#555555"  # the words of a disabled button
    handle: str = "#7a8497"  # a scroll bar's handle: a mid tone, 3:1 on the paper
    handle_hover: str = "#4a5568"


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
    card="#1f252e",
    card_edge="#8a9bb5",
    edge="#8a9bb5",
    key_ink="#c5ccd8",
    key_on_accent="#1b2a55",
    quiet="#b8b8b8",
    handle="#7d8699",
    handle_hover="#b0b8c6",
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
    card="#000000",
    card_edge="#ffffff",
    edge="#ffffff",
    key_ink="#ffffff",
    key_on_accent="#000000",
    quiet="#c0c0c0",
    handle="#c0c0c0",
    handle_hover="#ffffff",
)
PALETTES = {p.name: p for p in (LIGHT, DARK, HIGH_CONTRAST)}

current: Palette = LIGHT
current_scale: float = 1.0


@dataclass(frozen=True)
class PhaseLook:
    """How a phase of a session looks: the banner's `fill` and the `ink` of its words (7:1
    on the fill), and the `ring` that shows the hold's progress on the page (3:1 on the
    paper). Each phase has a hue of its own, so a glance tells going from resting."""

    fill: str
    ink: str
    ring: str


PHASES = ("ready", "hold", "rest", "switch", "paused", "done")
_PHASE_LOOKS: dict[str, dict[str, PhaseLook]] = {
    # Light: soft fills with near-black words; rings in the deep shade of the same hue.
    "light": {
        "ready": PhaseLook("#ffd54f", "#111111", "#b45309"),  # amber: get ready
        "hold": PhaseLook("#81c784", "#111111", "#1b7a3a"),  # green: go, hold
        "rest": PhaseLook("#90caf9", "#111111", "#1565c0"),  # blue: rest
        "switch": PhaseLook("#ce93d8", "#111111", "#7b1fa2"),  # purple: other side
        "paused": PhaseLook("#e0e0e0", "#111111", "#616161"),  # grey: nothing moves
        "done": PhaseLook("#80cbc4", "#111111", "#00796b"),  # teal: finished
    },
    # Dark: deep fills with white words (no glare); rings in the bright shade.
    "dark": {
        "ready": PhaseLook("#6b4e00", "#ffffff", "#ffca28"),
        "hold": PhaseLook("#1e5631", "#ffffff", "#66bb6a"),
        "rest": PhaseLook("#0d4672", "#ffffff", "#64b5f6"),
        "switch": PhaseLook("#5a2470", "#ffffff", "#ce93d8"),
        "paused": PhaseLook("#3d3d3d", "#ffffff", "#9e9e9e"),
        "done": PhaseLook("#00584d", "#ffffff", "#4db6ac"),
    },
    # High contrast: full-strength colours with black words, never pastel.
    "high-contrast": {
        "ready": PhaseLook("#ffff00", "#000000", "#ffff00"),
        "hold": PhaseLook("#00ff00", "#000000", "#00ff00"),
        "rest": PhaseLook("#00e5ff", "#000000", "#00e5ff"),
        "switch": PhaseLook("#ff40ff", "#000000", "#ff40ff"),
        "paused": PhaseLook("#ffffff", "#000000", "#ffffff"),
        "done": PhaseLook("#ff8000", "#000000", "#ff8000"),
    },
}


def phase_look(phase: str, palette: Palette | None = None) -> PhaseLook:
    """The colours of `phase` (one of PHASES) in `palette`'s theme (by default, the one
    applied). An unknown phase looks paused: nothing claims to be going."""
    looks = _PHASE_LOOKS.get((palette or current).name, _PHASE_LOOKS["light"])
    return looks.get(phase, looks["paused"])


# Kept for the code that reads the light theme's banners directly.
PHASE_COLOURS = {phase: phase_look(phase, LIGHT).fill for phase in PHASES}
BANNER_INK = "#111111"
CARD = LIGHT.card


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


def key_hint_point_size(scale: float | None = None) -> int:
    """The point size a button names its key in: smaller than its word, never below 14 pt."""
    return max(14, round(role_point_size("", scale) * KEY_HINT_SCALE))


def page_margins(layout: QLayout, top: int | None = None) -> None:
    """Give a page's or dialog's outer layout the design's margin and gap."""
    layout.setContentsMargins(
        PAGE_MARGIN, PAGE_MARGIN if top is None else top, PAGE_MARGIN, PAGE_MARGIN
    )
    layout.setSpacing(CONTROL_GAP)


def stylesheet(p: Palette, scale: float = 1.0) -> str:
    body = role_point_size("", scale)
    title = role_point_size("title", scale)
    subtitle = role_point_size("subtitle", scale)
    control, inner = RADIUS["control"], RADIUS["inner"]
    # The menu bar stays 64 px tall or more: larger text needs less padding for that.
    menu_padding = round(18 - 14 * (scale - 1))
    # Buttons keep their text in one place whatever the state: border + padding is always
    # 25 px at the sides and 9 px above and below (tests/ui/sizes.py counts on it).
    return f"""
QWidget {{ color: {p.ink}; background: {p.paper}; font-size: {body}pt; }}
QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
QDialogButtonBox QPushButton {{ min-height: {CONTROL_MIN_HEIGHT}px; min-width: 120px; }}
QPushButton {{
    padding: 7px 23px;
    border: 2px solid {p.edge};
    border-radius: {control}px;
    background: {p.button};
    color: {p.ink};
    font-weight: bold;
}}
QPushButton:hover {{ border-color: {p.ink}; }}
QPushButton:pressed {{ background: {p.row}; }}
QPushButton[primary="true"] {{
    background: {p.accent}; color: {p.on_accent}; border-color: {p.accent};
}}
QPushButton:focus, QPushButton[primary="true"]:focus {{
    border: 6px solid {p.focus}; padding: 3px 19px;
}}
QPushButton:disabled, QPushButton[primary="true"]:disabled {{
    color: {p.quiet}; background: {p.paper}; border: 1px solid {p.track}; padding: 8px 24px;
    font-weight: normal;
}}
QListView, QTableView {{
    border: 2px solid {p.edge}; border-radius: {control}px; outline: none;
}}
QListView:focus, QTableView:focus {{ border: 6px solid {p.focus}; }}
QTableView::item:selected {{ background: {p.accent}; color: {p.on_accent}; }}
QHeaderView::section {{
    background: {p.row}; color: {p.ink}; border: none; border-bottom: 2px solid {p.edge};
    padding: {SPACE["s"]}px {SPACE["m"]}px; font-weight: bold;
}}
QLineEdit {{
    border: 2px solid {p.edge}; border-radius: {inner}px; padding: 6px 10px;
    background: {p.paper}; color: {p.ink}; min-height: 40px;
}}
QLineEdit:focus {{ border: 4px solid {p.focus}; padding: 4px 8px; }}
QScrollBar:vertical {{ width: {CONTROL_MIN_HEIGHT}px; border: none; background: transparent; }}
QScrollBar:horizontal {{ height: {CONTROL_MIN_HEIGHT}px; border: none; background: transparent; }}
QScrollBar::handle {{ background: {p.handle}; border-radius: {control}px; }}
QScrollBar::handle:hover, QScrollBar::handle:pressed {{ background: {p.handle_hover}; }}
QScrollBar::handle:vertical {{ min-height: {CONTROL_MIN_HEIGHT}px; margin: 4px 20px; }}
QScrollBar::handle:horizontal {{ min-width: {CONTROL_MIN_HEIGHT}px; margin: 20px 4px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: {p.track}; }}
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical {{ margin: 0 30px; }}
QScrollBar::add-page:horizontal, QScrollBar::sub-page:horizontal {{ margin: 30px 0; }}
QMenuBar, QMenu {{ font-size: {body}pt; }}
QMenuBar {{ border-bottom: 1px solid {p.track}; padding: 0 {SPACE["s"]}px; }}
QMenuBar::item {{ padding: {menu_padding}px 20px; border-radius: {inner}px; }}
QMenu {{ border: 2px solid {p.edge}; padding: {SPACE["s"]}px; }}
QMenu::item {{ padding: {SPACE["m"]}px {SPACE["xxl"]}px; border-radius: {inner}px; }}
QMenu::item:disabled {{ color: {p.quiet}; }}
QMenu::separator {{ height: 2px; background: {p.track}; margin: {SPACE["s"]}px {SPACE["m"]}px; }}
QMenu::item:selected, QMenuBar::item:selected {{ background: {p.accent}; color: {p.on_accent}; }}
QDialog, QMessageBox {{ border: 2px solid {p.edge}; }}
QMessageBox QLabel#qt_msgbox_label {{ font-weight: bold; }}
QFrame[role="field"] {{ border: 3px solid transparent; border-radius: {control}px; }}
QFrame[role="field"]:focus {{ border: 6px solid {p.focus}; }}
QLabel[role="title"] {{ font-size: {title}pt; font-weight: bold; }}
QLabel[role="subtitle"] {{ font-size: {subtitle}pt; font-weight: bold; }}
QLabel[role="strong"] {{ font-weight: bold; }}
QLabel[role="muted"] {{ color: {p.muted}; }}
QLabel[role="caution"] {{
    background: {p.caution}; border: 2px solid {p.caution_edge}; border-radius: {control}px;
    padding: {SPACE["m"]}px {SPACE["l"]}px;
}}
QToolTip {{ color: {p.ink}; background: {p.paper}; border: 2px solid {p.edge}; padding: 8px; }}
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
        (QPalette.ColorRole.PlaceholderText, current.muted),
        (QPalette.ColorRole.ToolTipBase, current.paper),
        (QPalette.ColorRole.ToolTipText, current.ink),
    ):
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)
    app.setStyleSheet(stylesheet(current, current_scale))
    return current
