"""Tells when a window has been painted for the first time.

Work that can wait (starting the sound, and in the start-up benchmark, quitting) is done
after the user sees the window, not before. A zero timer started after
show() is not enough: on X11 the window is painted only when the server exposes it, which can
come after such a timer.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget


class FirstPaintWatcher(QObject):
    """Signals: painted() once, queued after the first paint of the window has finished."""

    painted = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint:
            # The window is painted before its children, in one pass: queued, the signal
            # comes once the whole window has been drawn.
            self.done = True
            self.window.removeEventFilter(self)
            QTimer.singleShot(0, self.painted.emit)
        return False
