"""Rows of big buttons wrap rather than cut their labels or push past the window's edge."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from neurocoach.ui.common import theme
from neurocoach.ui.common.button_rows import ButtonRows
from neurocoach.ui.common.widgets import big_button
from tests.ui.sizes import BUTTON_PADDING, MIN_CONTROL

LABELS = [("Back", "←"), ("Pause", "Space"), ("+10 s", "+"), ("Next", "→"), ("Adjust", "A")]


@pytest.fixture
def rows(qtbot, qapp: QApplication, request):
    theme.apply(qapp, "light", request.param)
    parent = QWidget()
    qtbot.addWidget(parent)
    buttons = [big_button(word, key, parent) for word, key in [*LABELS, ("Stop", "Esc")]]
    widget = ButtonRows(buttons, parent)
    yield widget
    theme.apply(qapp)


def lay_out(widget: ButtonRows, width: int) -> None:
    widget.resize(width, widget.heightForWidth(width))
    widget.arrange()


def whole_label(button) -> bool:
    metrics = button.fontMetrics()
    needed = max(metrics.horizontalAdvance(line) for line in button.text().split("\n"))
    return needed + BUTTON_PADDING <= button.width()


@pytest.mark.parametrize("rows", [100, 150, 200], indirect=True)
@pytest.mark.parametrize("width", [992, 1248, 1334, 1888])
def test_every_button_shows_its_whole_label_inside_the_width(rows, width) -> None:
    lay_out(rows, width)
    for button in rows.buttons:
        assert whole_label(button), button.text()
        assert button.height() >= MIN_CONTROL and button.width() >= MIN_CONTROL
        assert button.geometry().left() >= 0 and button.geometry().right() < width
    tops = {button.geometry().top() for button in rows.buttons}
    bottom = max(button.geometry().bottom() for button in rows.buttons)
    assert bottom < rows.heightForWidth(width)  # the height asked for holds them all
    # No two buttons overlap.
    for a in rows.buttons:
        for b in rows.buttons:
            if a is not b:
                assert not a.geometry().intersects(b.geometry())
    print(f"{width} px: {len(tops)} row(s), {rows.heightForWidth(width)} px tall")


@pytest.mark.parametrize("rows", [100], indirect=True)
def test_one_row_when_there_is_room_more_when_there_is_not(rows) -> None:
    lay_out(rows, 1888)
    assert len({b.geometry().top() for b in rows.buttons}) == 1
    lay_out(rows, 500)
    assert len({b.geometry().top() for b in rows.buttons}) >= 2
    assert rows.heightForWidth(500) > rows.heightForWidth(1888)


@pytest.mark.parametrize("rows", [200], indirect=True)
def test_rows_are_balanced_and_a_longer_word_is_placed_again(rows) -> None:
    lay_out(rows, 992)
    per_row = {}
    for button in rows.buttons:
        per_row.setdefault(button.geometry().top(), []).append(button)
    sizes = sorted(len(row) for row in per_row.values())
    assert sizes[-1] - sizes[0] <= 1  # 3 + 3 or 2 + 2 + 2, never 5 + 1
    pause = rows.buttons[1]
    pause.set_word("Resume")  # wider: the buttons are placed again, none cut
    QApplication.processEvents()
    assert whole_label(pause), pause.text()
