"""Dialogs and message boxes follow the design: 24 px of padding, our icons, none on OK."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton, QWidget

from neurocoach.ui.common import theme
from neurocoach.ui.common.confirm_dialog import ConfirmStopDialog
from neurocoach.ui.common.messages import open_message
from tests.ui.sizes import button_problems


def margins(widget: QWidget) -> tuple[int, int, int, int]:
    layout = widget.layout()
    assert layout is not None
    m = layout.contentsMargins()
    return m.left(), m.top(), m.right(), m.bottom()


@pytest.fixture(autouse=True)
def themed(qapp):
    theme.apply(qapp, "light")
    yield
    theme.apply(qapp)


def test_the_confirm_dialog_has_room_round_it_and_icons(qtbot) -> None:
    dialog = ConfirmStopDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert margins(dialog) == (theme.PAGE_MARGIN,) * 4
    assert (dialog.yes_button.icon_name, dialog.no_button.icon_name) == ("stop", "play")
    assert dialog.no_button.text() == "No, keep going  Enter"
    assert button_problems(dialog) == []


def test_a_message_box_has_room_round_it_and_no_icon_on_ok(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    open_message(parent, "message", "NeuroCoach", "Something to say.", "Line 3: details")
    box = parent.findChild(QMessageBox, "message")
    assert box is not None
    qtbot.waitExposed(box)
    assert margins(box) == (theme.PAGE_MARGIN,) * 4
    assert not box.iconPixmap().isNull()  # our warning sign, not the style's
    ok = box.findChild(QDialogButtonBox).findChildren(QPushButton)
    assert ok and all(button.icon().isNull() for button in ok)
    box.close()
