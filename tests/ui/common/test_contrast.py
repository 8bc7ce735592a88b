"""Contrast of every colour pair the app draws, in every theme, by the WCAG formula.

Text against its background must reach 7:1 (WCAG 2.2 SC 1.4.6); the edges of controls and
meaningful graphics (focus ring, progress bar, flashes) 3:1 (SC 1.4.11). The colours come from
the palettes the stylesheet and the hand-painted widgets are built from.
"""

from __future__ import annotations

import pytest

from neurocoach.ui.common import theme
from neurocoach.ui.player.player_page import FLASH_COLOURS

TEXT = 7.0
GRAPHIC = 3.0


def luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("palette", list(theme.PALETTES.values()), ids=lambda p: p.name)
def test_text_reaches_seven_to_one(palette: theme.Palette) -> None:
    pairs = {
        "body text": (palette.ink, palette.paper),
        "secondary text": (palette.muted, palette.paper),
        "primary button": (palette.on_accent, palette.accent),
        "other buttons": (palette.ink, palette.button),
        "disabled buttons": (palette.muted, palette.button),
        "list rows": (palette.ink, palette.row),
        "selected row": (palette.on_accent, palette.accent),
        "problem text": (palette.problem, palette.paper),
        "problem in a row": (palette.problem, palette.row),
        "caution box": (palette.ink, palette.caution),
        "digits during a rest": (palette.rest_ink, palette.paper),
    }
    low = {name: round(contrast(*pair), 2) for name, pair in pairs.items()}
    assert all(value >= TEXT for value in low.values()), low


@pytest.mark.parametrize("palette", list(theme.PALETTES.values()), ids=lambda p: p.name)
def test_edges_and_graphics_reach_three_to_one(palette: theme.Palette) -> None:
    pairs = {
        "control borders": (palette.ink, palette.paper),
        "focus ring on the page": (palette.focus, palette.paper),
        "focus ring on a button": (palette.focus, palette.button),
        "caution box edge": (palette.caution_edge, palette.paper),
        "progress bar outline": (palette.ink, palette.paper),
        "progress bar fill": (palette.accent, palette.track),
        "countdown digits": (palette.ink, palette.paper),
    }
    for tone, colour in FLASH_COLOURS.items():
        pairs[f"{tone.value} flash"] = (colour, palette.paper)
    low = {name: round(contrast(*pair), 2) for name, pair in pairs.items()}
    assert all(value >= GRAPHIC for value in low.values()), low


def test_the_phase_banners_and_pictures_read_in_every_theme() -> None:
    for name, background in theme.PHASE_COLOURS.items():
        assert contrast(theme.BANNER_INK, background) >= TEXT, name
    assert contrast(theme.BANNER_INK, theme.CARD) >= TEXT


def test_the_stylesheet_uses_these_palettes() -> None:
    for palette in theme.PALETTES.values():
        sheet = theme.stylesheet(palette)
        for colour in (palette.ink, palette.paper, palette.accent, palette.focus):
            assert colour in sheet
