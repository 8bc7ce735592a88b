"""Contrast of every colour pair the app draws, in every theme, by the WCAG formula.

Text against its background must reach 7:1 (WCAG 2.2 SC 1.4.6); the edges of controls and
meaningful graphics (focus ring, progress bar and ring, flashes) 3:1 (SC 1.4.11). The pairs
come from neurocoach.ui.common.colour_pairs, the list the design (docs/design.md) is made of;
the formula is worked out here again, apart from the app's.
"""

from __future__ import annotations

import colorsys
from pathlib import Path

import pytest

from neurocoach.ui.common import colour_pairs, theme
from neurocoach.ui.player.player_page import FLASH_COLOURS

TEXT = 7.0
GRAPHIC = 3.0
DESIGN = Path(__file__).parents[3] / "docs" / "design.md"


def luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def hsv(colour: str) -> tuple[float, float, float]:
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return colorsys.rgb_to_hsv(red, green, blue)


def test_the_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert colour_pairs.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize(
    "pair", colour_pairs.all_pairs(), ids=lambda pair: f"{pair.theme}: {pair.role}"
)
def test_every_pair_reaches_its_minimum(pair: colour_pairs.ColourPair) -> None:
    needed = TEXT if pair.minimum == colour_pairs.TEXT else GRAPHIC
    assert contrast(pair.front, pair.back) >= needed, (pair.front, pair.back)


@pytest.mark.parametrize("palette", list(theme.PALETTES.values()), ids=lambda p: p.name)
def test_every_phase_has_its_look_in_every_theme(palette: theme.Palette) -> None:
    roles = {pair.role for pair in colour_pairs.colour_pairs(palette)}
    for phase in ("ready", "hold", "rest", "switch", "paused", "done"):
        look = theme.phase_look(phase, palette)
        assert contrast(look.ink, look.fill) >= TEXT, phase
        assert contrast(look.ring, palette.paper) >= GRAPHIC, phase
        assert {f"{phase} banner words", f"{phase} progress ring"} <= roles


@pytest.mark.parametrize("palette", list(theme.PALETTES.values()), ids=lambda p: p.name)
def test_a_glance_tells_the_phases_apart(palette: theme.Palette) -> None:
    """Each coloured phase's ring has a hue of its own, at least 25 degrees from the others';
    paused is the one without colour."""
    hues = {}
    for phase in ("ready", "hold", "rest", "switch", "done"):
        hue, saturation, _ = hsv(theme.phase_look(phase, palette).ring)
        assert saturation > 0.3, phase
        hues[phase] = hue * 360
    for a in hues:
        for b in hues:
            if a < b:
                apart = abs(hues[a] - hues[b])
                assert min(apart, 360 - apart) >= 25, (a, b)
    assert hsv(theme.phase_look("paused", palette).ring)[1] < 0.1


def test_high_contrast_banners_are_not_pastel() -> None:
    for phase in ("ready", "hold", "rest", "switch", "done"):
        _, saturation, value = hsv(theme.phase_look(phase, theme.HIGH_CONTRAST).fill)
        assert saturation >= 0.7 and value >= 0.9, phase


def test_phase_look_follows_the_theme_applied(qapp) -> None:
    theme.apply(qapp, "dark")
    try:
        assert theme.phase_look("rest") == theme.phase_look("rest", theme.DARK)
        assert theme.phase_look("rest") != theme.phase_look("rest", theme.LIGHT)
        assert theme.phase_look("no such phase") == theme.phase_look("paused")
    finally:
        theme.apply(qapp)


def test_the_picture_card_matches_each_theme() -> None:
    assert theme.LIGHT.card == "#ffffff"
    assert luminance(theme.DARK.card) < 0.05  # a dark card, not a white one
    assert theme.HIGH_CONTRAST.card == "#000000"
    assert theme.HIGH_CONTRAST.card_edge in ("#ffffff", "#ffff00")


@pytest.mark.parametrize("palette", list(theme.PALETTES.values()), ids=lambda p: p.name)
def test_flashes_reach_three_to_one(palette: theme.Palette) -> None:
    low = {
        tone.value: round(contrast(colour, palette.paper), 2)
        for tone, colour in FLASH_COLOURS.items()
    }
    assert all(value >= GRAPHIC for value in low.values()), low


def test_the_old_names_still_read_in_the_light_theme() -> None:
    for name, background in theme.PHASE_COLOURS.items():
        assert background == theme.phase_look(name, theme.LIGHT).fill
        assert contrast(theme.BANNER_INK, background) >= TEXT, name
    assert contrast(theme.BANNER_INK, theme.CARD) >= TEXT


def test_the_design_lists_every_pair_with_its_ratio() -> None:
    """docs/design.md carries the table the code makes, so the two cannot drift apart."""
    assert colour_pairs.markdown_table() in DESIGN.read_text(encoding="utf-8")


def test_the_stylesheet_uses_these_palettes() -> None:
    for palette in theme.PALETTES.values():
        sheet = theme.stylesheet(palette)
        for colour in (palette.ink, palette.paper, palette.accent, palette.focus, palette.edge):
            assert colour in sheet
