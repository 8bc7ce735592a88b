"""Every colour the app puts on another, with the contrast the design promises for it.

Text reaches 7:1 against what it sits on (WCAG 2.2 SC 1.4.6, AAA); the edges of controls,
the focus ring, a progress ring and other meaningful graphics 3:1 (SC 1.4.11). The list is
the one source for the test that checks the ratios and for the table in docs/design.md
(`python -m neurocoach.ui.common.colour_pairs` prints it).
"""

from __future__ import annotations

from dataclasses import dataclass

from neurocoach.ui.common import theme

TEXT = 7.0
GRAPHIC = 3.0


@dataclass(frozen=True)
class ColourPair:
    theme: str
    role: str  # what is drawn, in the words of docs/design.md
    front: str
    back: str
    minimum: float  # TEXT or GRAPHIC

    @property
    def ratio(self) -> float:
        return contrast_ratio(self.front, self.back)


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast_ratio(a: str, b: str) -> float:
    """The WCAG contrast ratio of two "#rrggbb" colours, from 1 to 21."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def colour_pairs(p: theme.Palette) -> list[ColourPair]:
    """The pairs drawn in palette `p`'s theme: the stylesheet's, the buttons' words and keys,
    and each phase's banner and ring."""
    text = [
        ("body text", p.ink, p.paper),
        ("secondary text", p.muted, p.paper),
        ("button words", p.ink, p.button),
        ("button key", p.key_ink, p.button),
        ("primary button words", p.on_accent, p.accent),
        ("primary button key", p.key_on_accent, p.accent),
        ("disabled button words", p.quiet, p.paper),
        ("list rows", p.ink, p.row),
        ("selected row", p.on_accent, p.accent),
        ("problem text", p.problem, p.paper),
        ("problem in a row", p.problem, p.row),
        ("caution box", p.ink, p.caution),
        ("digits during a rest", p.rest_ink, p.paper),
    ]
    graphics = [
        ("button edge", p.edge, p.paper),
        ("focus ring on the page", p.focus, p.paper),
        ("focus ring on a button", p.focus, p.button),
        ("caution box edge", p.caution_edge, p.paper),
        ("scroll bar handle", p.handle, p.paper),
        ("picture card edge", p.card_edge, p.paper),
        ("progress bar fill", p.accent, p.track),
    ]
    for phase in theme.PHASES:
        look = theme.phase_look(phase, p)
        text.append((f"{phase} banner words", look.ink, look.fill))
        graphics.append((f"{phase} progress ring", look.ring, p.paper))
    return [ColourPair(p.name, role, a, b, TEXT) for role, a, b in text] + [
        ColourPair(p.name, role, a, b, GRAPHIC) for role, a, b in graphics
    ]


def all_pairs() -> list[ColourPair]:
    return [pair for palette in theme.PALETTES.values() for pair in colour_pairs(palette)]


def markdown_table() -> str:
    """The table of docs/design.md: every pair, its colours and its ratio."""
    lines = ["| theme | what | colour on background | ratio | needs |", "|---|---|---|---|---|"]
    for pair in all_pairs():
        lines.append(
            f"| {pair.theme} | {pair.role} | `{pair.front}` on `{pair.back}` "
            f"| {pair.ratio:.2f} | {pair.minimum:.0f}:1 |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown_table())
