"""The window opens large on a big screen, as big as the text needs on a small one, and never
stays larger than its screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QLabel, QMainWindow

from neurocoach.ui.shell.window_size import KeepOnScreen, opening_size


@pytest.mark.parametrize(
    ("screen", "scale", "size"),
    [
        ((1024, 768), 100, (1024, 768)),  # a small screen: all of it
        ((1280, 800), 200, (1280, 800)),
        ((1920, 1080), 100, (1728, 972)),  # a big one: most of it, so the countdown grows
        ((2560, 1440), 150, (2304, 1296)),
        ((3840, 2160), 200, (3456, 1944)),
    ],
)
def test_opening_size(screen, scale, size) -> None:
    assert opening_size(QRect(0, 0, *screen), scale) == QSize(*size)


def test_a_window_grown_past_the_screen_is_brought_back(qtbot) -> None:
    window = QMainWindow()
    window.setCentralWidget(QLabel("small content"))
    qtbot.addWidget(window)
    KeepOnScreen(window)
    window.show()
    qtbot.waitExposed(window)
    free = window.screen().availableGeometry()
    window.resize(free.width() + 300, free.height() + 200)  # as a page asking too much does
    qtbot.waitUntil(lambda: window.height() <= free.height() and window.width() <= free.width())
    assert free.contains(window.frameGeometry())
