"""The whole way, with real parts: the window's reminder goes over a real session bus to a
notification server, and "Start now" pressed there opens the routine, ready to start.
The wall clock is the test's, so "9:00 tomorrow" arrives in a millisecond."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from neurocoach.app import remind
from neurocoach.core.reminders.plan import Reminder
from neurocoach.core.reminders.schedule import SNOOZE_SECONDS, moment
from neurocoach.paths import app_paths
from neurocoach.ui.player.player_page import PlayerPage
from tests.desktop.dbus_helpers import NotificationServer
from tests.desktop.dunst_helpers import DUNST, Dunst

TOMORROW = dt.date.today() + dt.timedelta(days=1)


class WallClock:
    def __init__(self, start: float) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


def nine(app) -> tuple[object, WallClock]:  # type: ignore[no-untyped-def]
    """The window's reminders, as app.py wires them with the real desktop notifications,
    the evening before a reminder at 9:00, then the clock moved to 9:00 the next day."""
    app.settings.set_reminders([Reminder(dt.time(9, 0), "tiny")])
    clock = WallClock(moment(TOMORROW - dt.timedelta(days=1), dt.time(20, 0)))
    background = remind(app.window, app.settings, app_paths(), now=clock)
    background.reminders.check()
    clock.now = moment(TOMORROW, dt.time(9, 0))
    background.reminders.check()
    return background, clock


def test_start_now_over_dbus_opens_the_routine(
    make_app, notification_server: NotificationServer
) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    background, clock = nine(app)
    (call,) = notification_server.wait_for_calls(1)
    assert call["summary"] == "It is time for Tiny test routine"
    assert call["actions"] == ["default", "Start now", "snooze", "Remind me in 15 minutes"]
    notification_server.invoke(call["id"], "snooze")
    app.qtbot.waitUntil(lambda: len(background.reminders.schedule.state.snoozed) == 1)
    clock.now += SNOOZE_SECONDS
    background.reminders.check()
    calls = notification_server.wait_for_calls(3)  # Notify, CloseNotification, Notify
    again = calls[-1]
    assert again["method"] == "Notify" and again["summary"] == call["summary"]
    notification_server.invoke(again["id"], "default")
    app.qtbot.waitUntil(lambda: app.window.current_page().objectName() == "before_start_page")
    assert app.window.current_page().routine.id == "tiny"
    app.press(Qt.Key.Key_Return)
    assert isinstance(app.window.current_page(), PlayerPage)
    background.reminders.stop()


def test_start_now_in_dunst_opens_the_routine(make_app, dunst: Dunst) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    background, _clock = nine(app)
    dunst.until(lambda: dunst.displayed() >= 1 or None, "the reminder on dunst's screen")
    dunst.call(DUNST, "NotificationAction", "u", (0,))  # dunstctl action 0: "Start now"
    app.qtbot.waitUntil(lambda: app.window.current_page().objectName() == "before_start_page")
    assert app.window.current_page().routine.id == "tiny"
    background.reminders.stop()
