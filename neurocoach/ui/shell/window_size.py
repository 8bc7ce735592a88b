"""How big the main window opens, and that it stays on the screen.

A person with low vision wants the coach large: on a big screen it opens over most of it, so
the countdown grows with it; on a small one, over all of it. A window larger than the screen
hides its edge, where the controls are: Qt grows a window whenever a page asks for more room
for a moment (a page being built, a dialog closing), and never shrinks it back. So the window
is brought back within the screen after any such growth.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtWidgets import QWidget

from neurocoach.ui.common.screen_fit import free_area, place_on_screen

BASE = QSize(1280, 800)  # at 100 % text: grows with the text, up to the screen
SCREEN_SHARE = 0.9  # on a big screen, the part of it the window opens over


def opening_size(free: QRect, text_scale: float) -> QSize:
    """The size to open at on a screen whose free area is `free`: big enough for the text,
    at least SCREEN_SHARE of a big screen, never more than the screen."""
    grow = text_scale / 100
    width = max(round(BASE.width() * grow), round(free.width() * SCREEN_SHARE))
    height = max(round(BASE.height() * grow), round(free.height() * SCREEN_SHARE))
    return QSize(min(width, free.width()), min(height, free.height()))


def open_on_screen(window: QWidget, text_scale: float) -> None:
    window.resize(opening_size(free_area(window), text_scale))
    place_on_screen(window)


class KeepOnScreen(QObject):
    """Watches a window: when it grows past its screen's free area (full screen and maximised
    aside), it is made to fit again, just after the growth has settled."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("keep_on_screen")
        self._window = window
        self._check = QTimer(self)
        self._check.setObjectName("keep_on_screen_check")
        self._check.setSingleShot(True)
        self._check.timeout.connect(self.fit)
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize:
            self._check.start(0)
        return False

    def fit(self) -> None:
        window = self._window
        states = Qt.WindowState.WindowFullScreen | Qt.WindowState.WindowMaximized
        if window.windowState() & states or not window.isVisible():
            return
        free = free_area(window)
        if window.width() <= free.width() and window.height() <= free.height():
            if not free.contains(window.frameGeometry()):
                place_on_screen(window, free)
            return
        window.resize(min(window.width(), free.width()), min(window.height(), free.height()))
        place_on_screen(window, free)
