"""Debian's dunst, the real notification server, on an Xvfb screen and our private bus:
what our recording server promises (ids, buttons, ActionInvoked from the name's owner,
NotificationClosed) a real server does too. (The machinery: dunst_helpers.py.)"""

from __future__ import annotations

from tests.desktop.dbus_helpers import NOTIFICATIONS
from tests.desktop.dunst_helpers import DUNST, Dunst


def test_dunst_takes_a_notification_with_buttons(dunst: Dunst) -> None:
    (capabilities,) = dunst.call(NOTIFICATIONS, "GetCapabilities")
    assert "actions" in capabilities
    first = dunst.notify("Hands, 10 minutes", ["start", "Start now", "later", "In 15 minutes"])
    second = dunst.notify("Feet", ["start", "Start now"])
    assert 0 < first < second


def test_a_button_chosen_in_dunst_sends_action_invoked_from_the_owner(dunst: Dunst) -> None:
    notification_id = dunst.notify("Hands", ["start", "Start now", "later", "In 15 minutes"])
    dunst.press(notification_id, "later")
    assert dunst.next_signal() == ("ActionInvoked", (notification_id, "later"))


def test_the_default_action_is_invoked_by_dunstctl_action(dunst: Dunst) -> None:
    notification_id = dunst.notify("Hands", ["default", "Open", "later", "In 15 minutes"])
    dunst.call(DUNST, "NotificationAction", "u", (0,))  # dunstctl action 0
    assert dunst.next_signal() == ("ActionInvoked", (notification_id, "default"))


def test_closing_in_dunst_sends_notification_closed(dunst: Dunst) -> None:
    notification_id = dunst.notify("Hands", ["start", "Start now"])
    dunst.call(DUNST, "NotificationCloseLast")  # dunstctl close
    assert dunst.next_signal() == ("NotificationClosed", (notification_id, 2))


def test_close_notification_sends_reason_3(dunst: Dunst) -> None:
    notification_id = dunst.notify("Hands", ["start", "Start now"])
    dunst.call(NOTIFICATIONS, "CloseNotification", "u", (notification_id,))
    assert dunst.next_signal() == ("NotificationClosed", (notification_id, 3))
