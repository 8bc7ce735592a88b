"""What the screens need from the desktop's notifications, declared where both can see it.

The real one (neurocoach.desktop.notifications) speaks D-Bus, and only the composition root
(app.py) knows it; the reminders hold something of this shape, and a test's fake fits too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

START, SNOOZE = "default", "snooze"  # "default": what clicking the notification itself does


class Notifier(Protocol):
    def notify(
        self,
        summary: str,
        body: str,
        actions: Sequence[tuple[str, str]],
        shown: Callable[[bool], None],
        chosen: Callable[[str], None],
        closed: Callable[[], None] = ...,
    ) -> None:
        """Show a notification with buttons (key, words); later `shown(True)` or
        `shown(False)` (it could not be shown), then `chosen(key)` or `closed()`."""
        ...

    def withdraw_all(self) -> None:
        """Take down what is still shown (the routine was started another way)."""
        ...
