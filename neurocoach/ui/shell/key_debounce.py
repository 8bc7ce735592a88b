"""Ignores a key pressed again too soon, and keys held down, for hands with tremor.

Like the BounceKeys accessibility feature: the same key again within the debounce time is
dropped, so an accidental double press never skips two steps or starts and stops at once.
Auto-repeat (a key held down) is dropped too. It acts on every window of the application.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtGui import QGuiApplication, QKeyEvent, QWindow

DEFAULT_DEBOUNCE_SECONDS = 0.6
_MODIFIER_KEYS = {0x01000020, 0x01000021, 0x01000022, 0x01000023}  # Shift, Ctrl, Meta, Alt


class KeyDebounceFilter(QObject):
    """An event filter for the application's windows (see `watch`); ``seconds`` 0 turns
    debouncing off."""

    def __init__(
        self,
        seconds: float = DEFAULT_DEBOUNCE_SECONDS,
        parent: QObject | None = None,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("key_debounce")
        self.seconds = seconds
        self._now = now
        self._last_key: int | None = None
        self._last_at = float("-inf")
        self.ignored = 0  # how many presses were dropped, for tests and diagnostics

    def watch(self, app: QGuiApplication) -> None:
        """Filter each window as it takes the keyboard, dialogs included.

        Keys only ever go to the focus window, so this sees every press. A filter on the whole
        application would see every paint and timer event too, and PySide builds the Python
        types of each new kind of event and object it is handed: 30-40 ms before the first
        paint, for nothing.
        """
        app.focusWindowChanged.connect(self._on_focus_window_changed)
        self._on_focus_window_changed(app.focusWindow())

    def unwatch(self, app: QGuiApplication) -> None:
        app.focusWindowChanged.disconnect(self._on_focus_window_changed)
        for window in app.allWindows():
            window.removeEventFilter(self)

    @Slot(QWindow)
    def _on_focus_window_changed(self, window: QWindow | None) -> None:
        if window is not None:
            window.installEventFilter(self)  # once: installing it again only moves it first

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A press is offered first to the window, then to the focused widget and its parents;
        # judging it once, at the window, keeps those later deliveries from looking like repeats.
        if event.type() is not QEvent.Type.KeyPress or not isinstance(watched, QWindow):
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if key in _MODIFIER_KEYS:
            return False
        if event.isAutoRepeat():
            self.ignored += 1
            return True
        now = self._now()
        if key == self._last_key and now - self._last_at < self.seconds:
            self.ignored += 1
            return True
        self._last_key = key
        self._last_at = now
        return False
