"""Ignores a key pressed again too soon, and keys held down, for hands with tremor.

Like the BounceKeys accessibility feature: the same key again within the debounce time is
dropped, so an accidental double press never skips two steps or starts and stops at once.
Auto-repeat (a key held down) is dropped too. It acts on every window of the application.

A few moments need every press, such as the finger tapping test, where fast presses of one
key are the measure: `hold_off` lets every key through on every watching filter, for a
reason, until `resume` with the same reason. The reasons are one module-level set that
every filter reads, so that a hold reaches every filter (one made during it too) and is
lifted in one place; a registry of the watching filters (`watching`) shows which it reaches.
While held, a filter still notes the last key, so the first press after is judged as usual.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtGui import QGuiApplication, QKeyEvent, QWindow

DEFAULT_DEBOUNCE_SECONDS = 0.6
_MODIFIER_KEYS = {0x01000020, 0x01000021, 0x01000022, 0x01000023}  # Shift, Ctrl, Meta, Alt

_watching: list[KeyDebounceFilter] = []  # the filters between `watch` and `unwatch`
_held_for: set[str] = set()  # why the filters are off; empty: they are on


def hold_off(reason: str) -> None:
    """Let every key through every watching filter, auto-repeats too, until `resume(reason)`."""
    _held_for.add(reason)


def resume(reason: str) -> None:
    """Lift the hold made for `reason` (harmless if there is none); the filters come back on
    when no reason is left."""
    _held_for.discard(reason)


def held_off() -> frozenset[str]:
    """The reasons the filters are off for (empty when they are on)."""
    return frozenset(_held_for)


def watching() -> tuple[KeyDebounceFilter, ...]:
    """The filters a hold reaches: those watching an application."""
    return tuple(_watching)


class KeyDebounceFilter(QObject):
    """An event filter for the application's windows (see `watch`); ``seconds`` 0 turns
    debouncing off, and `hold_off` turns it off for every filter for a while."""

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
        paint, for nothing. Watching again is harmless: it is still one filter, unwatched once.
        """
        if self in _watching:
            return
        app.focusWindowChanged.connect(self._on_focus_window_changed)
        self._on_focus_window_changed(app.focusWindow())
        _watching.append(self)

    def unwatch(self, app: QGuiApplication) -> None:
        if self not in _watching:
            return
        _watching.remove(self)
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
        held = bool(_held_for)
        if event.isAutoRepeat():
            if held:
                return False
            self.ignored += 1
            return True
        now = self._now()
        if not held and key == self._last_key and now - self._last_at < self.seconds:
            self.ignored += 1
            return True
        self._last_key = key
        self._last_at = now
        return False
