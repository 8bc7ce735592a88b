"""The coach's own notification client (neurocoach.desktop.notifications) against a server on
a real session bus: the call with its buttons, the button pressed coming back, and every
way of failing ending in shown(False), so the reminder is given some other way."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from jeepney import new_signal
from pytestqt.qtbot import QtBot

from neurocoach.core.reminders.notifier import SNOOZE, START
from neurocoach.desktop.notifications import DesktopNotifications
from tests.desktop.dbus_helpers import NOTIFICATIONS, NotificationServer, SessionBus

BUTTONS = [(START, "Start now"), (SNOOZE, "In 15 minutes")]


@dataclass
class Heard:
    shown: list[bool] = field(default_factory=list)
    chosen: list[str] = field(default_factory=list)
    closed: int = 0

    def notify(self, notifications: DesktopNotifications, summary: str = "It is time") -> None:
        notifications.notify(
            summary,
            "Planned for 9:00.",
            BUTTONS,
            self.shown.append,
            self.chosen.append,
            self._closed,
        )

    def _closed(self) -> None:
        self.closed += 1


@pytest.fixture
def notifications(qtbot: QtBot):  # type: ignore[no-untyped-def]
    made = DesktopNotifications()
    yield made
    made.close()


def test_the_call_carries_the_buttons_and_a_press_comes_back(
    notifications: DesktopNotifications, notification_server: NotificationServer, qtbot: QtBot
) -> None:
    heard = Heard()
    heard.notify(notifications, "It is time for Quick hands")
    qtbot.waitUntil(lambda: heard.shown == [True])
    (call,) = notification_server.wait_for_calls(1)
    assert call["method"] == "Notify"
    assert call["summary"] == "It is time for Quick hands"
    assert call["actions"] == ["default", "Start now", "snooze", "In 15 minutes"]
    assert call["app_name"] == "NeuroCoach" and "desktop-entry" in call["hints"]
    assert call["expire_timeout"] == 0  # stays until answered
    notification_server.invoke(call["id"], START)
    qtbot.waitUntil(lambda: heard.chosen == [START])
    # Answered, so it is taken down: dunst, unlike GNOME and KDE, leaves it on screen.
    calls = notification_server.wait_for_calls(2)
    assert calls[1]["method"] == "CloseNotification"
    assert heard.closed == 0  # an answer is not "closed unanswered"


def test_a_notification_closed_unanswered_is_told(
    notifications: DesktopNotifications, notification_server: NotificationServer, qtbot: QtBot
) -> None:
    heard = Heard()
    heard.notify(notifications)
    qtbot.waitUntil(lambda: heard.shown == [True])
    (call,) = notification_server.wait_for_calls(1)
    notification_server.close(call["id"])
    qtbot.waitUntil(lambda: heard.closed == 1)
    assert heard.chosen == []


def test_a_signal_from_anyone_but_the_server_is_ignored(
    notifications: DesktopNotifications,
    notification_server: NotificationServer,
    session_bus: SessionBus,
    qtbot: QtBot,
) -> None:
    heard = Heard()
    heard.notify(notifications)
    qtbot.waitUntil(lambda: heard.shown == [True])
    (call,) = notification_server.wait_for_calls(1)
    stranger = session_bus.connect()
    try:
        stranger.send(new_signal(NOTIFICATIONS, "ActionInvoked", "us", (call["id"], START)))
        qtbot.wait(200)
        assert heard.chosen == []
    finally:
        stranger.close()
    notification_server.invoke(call["id"], SNOOZE)
    qtbot.waitUntil(lambda: heard.chosen == [SNOOZE])


def test_no_server_on_the_bus_means_not_shown(
    notifications: DesktopNotifications, session_bus: SessionBus, qtbot: QtBot
) -> None:
    heard = Heard()
    heard.notify(notifications)
    qtbot.waitUntil(lambda: heard.shown == [False], timeout=2000)


def test_no_session_bus_at_all_means_not_shown(
    notifications: DesktopNotifications, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    heard = Heard()
    heard.notify(notifications)
    qtbot.waitUntil(lambda: heard.shown == [False], timeout=1000)


def test_a_bus_that_went_away_means_not_shown_and_the_next_one_connects_again(
    notifications: DesktopNotifications, notification_server: NotificationServer, qtbot: QtBot
) -> None:
    heard = Heard()
    heard.notify(notifications)
    qtbot.waitUntil(lambda: heard.shown == [True])
    assert notifications._connection is not None
    notifications._connection.sock.shutdown(2)  # as when the session bus ends
    qtbot.waitUntil(lambda: notifications._connection is None)
    assert heard.closed == 1  # what was shown is gone with it
    heard.notify(notifications)
    qtbot.waitUntil(lambda: heard.shown == [True, True])
