"""A big button shows an icon beside its word and its key quieter after it, in every theme,
and gives up the icon, never a word, when it is short of room."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget

from neurocoach.ui.common import theme
from neurocoach.ui.common.button_rows import ButtonRows
from neurocoach.ui.common.widgets import big_button, button_label
from tests.ui.sizes import button_problems


@pytest.fixture
def parent(qtbot, qapp):
    widget = QWidget()
    qtbot.addWidget(widget)
    yield widget
    theme.apply(qapp)


def shown(qtbot, parent: QWidget, button, width: int = 0) -> QImage:
    button.ensurePolished()  # the stylesheet's font and padding, which the size depends on
    button.resize(max(width, button.sizeHint().width()), button.sizeHint().height())
    parent.show()
    qtbot.waitExposed(parent)
    return button.grab().toImage()


def columns_with(image: QImage, colour: str) -> list[int]:
    """The x of each column of the picture holding a pixel of exactly `colour`."""
    wanted = QColor(colour).rgb()
    return [
        x
        for x in range(image.width())
        if any(image.pixel(x, y) == wanted for y in range(image.height()))
    ]


def test_the_label_is_the_word_and_the_key() -> None:
    assert button_label("Start", "Enter") == "Start  Enter"
    assert button_label("Pause", "Space", stacked=True) == "Pause\nSpace"
    assert button_label("Close", "") == "Close"


@pytest.mark.parametrize("name", ["light", "dark", "high-contrast"])
def test_the_key_is_painted_quieter_after_the_word(qtbot, qapp, parent, name) -> None:
    palette = theme.apply(qapp, name)
    button = big_button("History", "Ctrl+H", parent, icon="history")
    assert button.text() == "History  Ctrl+H" and button.accessibleName() == "History"
    image = shown(qtbot, parent, button)
    words, key = columns_with(image, palette.ink), columns_with(image, palette.key_ink)
    assert words and key
    if palette.key_ink != palette.ink:
        assert min(key) > max(words) - 5  # the key comes after the word


def test_a_primary_button_paints_its_icon_in_the_colour_of_its_words(qtbot, parent) -> None:
    with_icon = big_button("Start", "Enter", parent, primary=True, icon="play")
    without = big_button("Start", "Enter", parent, primary=True)
    assert with_icon.sizeHint().width() > without.sizeHint().width()
    words = theme.current.on_accent
    with_icon.ensurePolished()
    width = with_icon.sizeHint().width()  # the same width for both: the content is centred
    first_with = min(columns_with(shown(qtbot, parent, with_icon, width), words))
    first_without = min(columns_with(shown(qtbot, parent, without, width), words))
    assert first_with < first_without - 8  # an icon in the words' colour before the word


def test_an_unknown_icon_leaves_the_words(qtbot, parent, caplog) -> None:
    button = big_button("Start", "Enter", parent, icon="no-such-icon")
    assert button.icon_name == ""
    shown(qtbot, parent, button)
    assert button_problems(parent) == []


def test_a_disabled_button_is_quiet_not_dashed(qtbot, parent) -> None:
    for palette in theme.PALETTES.values():
        assert "dashed" not in theme.stylesheet(palette)
    button = big_button("Less", "", parent, icon="back")
    button.setEnabled(False)
    image = shown(qtbot, parent, button)
    assert columns_with(image, theme.current.quiet)
    assert not columns_with(image, theme.current.ink)


@pytest.mark.parametrize("scale", [100, 200])
def test_icons_go_before_a_word_is_cut(qtbot, qapp, parent, scale) -> None:
    theme.apply(qapp, "light", scale)
    words = [("Start", "Enter", "play"), ("History", "Ctrl+H", "history")]
    buttons = [big_button(w, k, parent, icon=i) for w, k, i in words]
    rows = ButtonRows(buttons, parent)
    parent.show()
    for width in (2000, 600, 300):
        rows.resize(width, rows.heightForWidth(width))
        rows.arrange()
        QApplication.processEvents()
        for button in buttons:
            assert button_problems(rows) == [], (width, button.text())
            assert button.height() >= 64
    wide = buttons[0].hint_for(False, True).width() + buttons[1].hint_for(False, True).width()
    rows.resize(wide + 100, rows.heightForWidth(wide + 100))
    rows.arrange()
    assert all(button.show_icon for button in buttons)
    narrow = buttons[1].hint_for(True, False).width()
    rows.resize(narrow, rows.heightForWidth(narrow))
    rows.arrange()
    assert not any(button.show_icon for button in buttons)


def test_a_new_word_keeps_its_icon_and_key(qtbot, parent) -> None:
    button = big_button("Pause", "Space", parent, primary=True, icon="pause")
    button.set_word("Resume")
    button.set_icon("play")
    assert button.text() == "Resume  Space" and button.icon_name == "play"
    shown(qtbot, parent, button)
    assert button_problems(parent) == []
