"""Reminders through the real window: due at the time on an injected wall clock, "Start now"
opening the routine, "In 15 minutes", the coach's own prompt when the desktop shows none,
missed times told once, quiet during a session or once done, the spoken sentence, the
"Today" line, and closing that hides to the tray only when there is a tray."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMessageBox

from neurocoach.app import remind
from neurocoach.core.reminders.notifier import SNOOZE, START
from neurocoach.core.reminders.plan import Reminder
from neurocoach.core.reminders.schedule import SNOOZE_SECONDS, moment
from neurocoach.core.reminders.state_file import load_state
from neurocoach.paths import app_icon_pngs, app_paths
from neurocoach.ui.player.player_page import PlayerPage
from neurocoach.ui.reminders.reminder_prompt import ReminderPrompt
from neurocoach.ui.shell.background import NO_TRAY, Background
from tests.ui.helpers import App, add_session, start_routine

TODAY = dt.date.today()


def at(hh_mm: str, day: dt.date = TODAY) -> float:
    hour, minute = map(int, hh_mm.split(":"))
    return moment(day, dt.time(hour, minute))


@dataclass
class Shown:
    summary: str
    body: str
    actions: list[tuple[str, str]]
    chosen: Callable[[str], None]


@dataclass
class FakeNotifier:
    """Stands in for the desktop's notifications; `works=False` is a desktop without any."""

    works: bool = True
    shown: list[Shown] = field(default_factory=list)
    withdrawn: int = 0

    def notify(self, summary, body, actions: Sequence[tuple[str, str]], shown, chosen, closed=None):  # type: ignore[no-untyped-def]
        self.shown.append(Shown(summary, body, list(actions), chosen))
        shown(self.works)

    def withdraw_all(self) -> None:
        self.withdrawn += 1


class WallClock:
    def __init__(self, start: float) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def reminded(make_app):  # type: ignore[no-untyped-def]
    """The window with the reminders wired as app.py wires them, on a wall clock at 8:00."""

    def make(works: bool = True, plan: list[Reminder] | None = None, start: str = "8:00"):  # type: ignore[no-untyped-def]
        app: App = make_app()
        app.settings.set_reminders(plan or [Reminder(dt.time(9, 0), "tiny")])
        clock = WallClock(at(start))
        notifier = FakeNotifier(works)
        spoken: list[str] = []
        background = remind(app.window, app.settings, app_paths(), lambda: notifier, clock)
        background.reminders._say = spoken.append
        background.reminders.check()  # the first look (app.py queues it after the window)
        return app, background, clock, notifier, spoken

    yield make


def test_at_its_time_a_notification_offers_start_now_and_in_15_minutes(reminded) -> None:  # type: ignore[no-untyped-def]
    app, background, clock, notifier, spoken = reminded()
    clock.now = at("8:59")
    background.reminders.check()
    assert notifier.shown == []
    clock.now = at("9:00")
    background.reminders.check()
    (shown,) = notifier.shown
    assert shown.summary == "It is time for Tiny test routine"
    assert shown.actions == [(START, "Start now"), (SNOOZE, "Remind me in 15 minutes")]
    assert spoken == ["It is time for Tiny test routine."]
    assert app.window.routine_list.today.text().startswith(
        "Today: Tiny test routine at 9:00, not done yet"
    )
    clock.now = at("9:01")
    background.reminders.check()
    assert len(notifier.shown) == 1  # never twice for the same time
    shown.chosen(START)
    page = app.window.current_page()
    assert page is not None and page.objectName() == "before_start_page"
    assert page.routine.id == "tiny"  # type: ignore[attr-defined]
    app.press(Qt.Key.Key_Return)  # one Enter and the session runs
    assert isinstance(app.window.current_page(), PlayerPage)
    assert notifier.withdrawn == 1  # a reminder still shown is taken down


def test_in_15_minutes_brings_it_back_once(reminded) -> None:  # type: ignore[no-untyped-def]
    app, background, clock, notifier, _spoken = reminded()
    clock.now = at("9:00")
    background.reminders.check()
    notifier.shown[0].chosen(SNOOZE)
    clock.now = at("9:00") + SNOOZE_SECONDS - 1
    background.reminders.check()
    assert len(notifier.shown) == 1
    clock.now = at("9:00") + SNOOZE_SECONDS
    background.reminders.check()
    assert len(notifier.shown) == 2
    assert app.window.current_page() is app.window.routine_list  # nothing started by itself


def test_without_desktop_notifications_the_window_comes_forward_with_the_choice(
    reminded,  # type: ignore[no-untyped-def]
) -> None:
    app, background, clock, _notifier, _spoken = reminded(works=False)
    clock.now = at("9:00")
    background.reminders.check()
    prompt = background.reminders.prompt
    assert isinstance(prompt, ReminderPrompt) and prompt.isVisible()
    assert prompt.heading.text() == "It is time for Tiny test routine"
    app.qtbot.keyClick(prompt, Qt.Key.Key_L)  # later
    app.qtbot.waitUntil(lambda: background.reminders.prompt is None)
    assert app.window.current_page() is app.window.routine_list
    clock.now = at("9:15")
    background.reminders.check()
    prompt = background.reminders.prompt
    assert prompt is not None
    app.qtbot.keyClick(prompt, Qt.Key.Key_Return)
    app.qtbot.waitUntil(lambda: app.window.current_page().objectName() == "before_start_page")


def test_none_during_a_session_and_none_once_done(reminded) -> None:  # type: ignore[no-untyped-def]
    plan = [Reminder(dt.time(9, 0), "tiny"), Reminder(dt.time(10, 0), "tiny")]
    app, background, clock, notifier, spoken = reminded(plan=plan)
    start_routine(app)
    clock.now = at("9:00")
    background.reminders.check()
    assert notifier.shown == [] and spoken == []
    app.window.session.stop()
    sid = app.store.begin_session("tiny", "Tiny test routine", dt.datetime.now(dt.timezone.utc), 1)
    from neurocoach.core.session.records import EndReason, StepRecord

    app.store.record_step(sid, StepRecord(0, "Squeeze", 4, 1, 4, 1, False))
    app.store.end_session(sid, dt.datetime.now(dt.timezone.utc), EndReason.FINISHED)
    clock.now = at("10:00")
    background.reminders.check()
    assert notifier.shown == []
    assert "✓ Tiny test routine at 9:00, done" in background.reminders.today().words()


def test_a_time_missed_while_the_coach_was_off_is_told_once(reminded, qtbot) -> None:  # type: ignore[no-untyped-def]
    app, background, clock, notifier, _spoken = reminded(start="7:00")
    background.reminders.stop()
    # The coach is closed at 7:00 and opened again at 11:00.
    clock.now = at("11:00")
    background.reminders.check()
    assert notifier.shown == []  # not replayed as if it were 9:00
    box = app.window.findChild(QMessageBox, "reminders_missed")
    assert box is not None and box.isVisible()
    assert "Tiny test routine at 9:00" in box.text()
    box.accept()
    qtbot.waitUntil(lambda: app.window.findChild(QMessageBox, "reminders_missed") is None)
    state = load_state(app_paths().reminders_state_file)
    assert state.checked_until == at("11:00")  # kept on disk: a restart does not tell it again
    background.reminders.check()
    assert app.window.findChild(QMessageBox, "reminders_missed") is None


def test_the_voice_says_nothing_when_it_is_off(reminded) -> None:  # type: ignore[no-untyped-def]
    app, background, clock, notifier, spoken = reminded()
    app.settings.set("voice_enabled", False)
    clock.now = at("9:00")
    background.reminders.check()
    assert len(notifier.shown) == 1 and spoken == []


def test_the_routine_list_opens_with_today(reminded) -> None:  # type: ignore[no-untyped-def]
    app, _background, _clock, _notifier, _spoken = reminded()
    today = app.window.routine_list.today
    assert today.isVisible()
    assert today.text().startswith("Today: Tiny test routine at 9:00")
    add_session(app.store, 1, 5)  # yesterday
    app.settings.set_reminders([])
    assert today.text() == (
        "Today: nothing planned. Settings (Ctrl+,) can remind you at set times"
        " · streak: 1 day in a row."
    )


def test_with_no_tray_closing_quits_and_a_background_start_keeps_a_window(
    reminded, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from neurocoach.ui.shell import background as module

    monkeypatch.setattr(module, "TRAY_WAIT_SECONDS", 0)
    app, background, _clock, _notifier, _spoken = reminded()
    assert background.tray is None  # the offscreen platform has none, like GNOME without it
    assert not background.wanted
    background.start_hidden()
    assert app.window.isVisible()  # minimised (no window manager here), never hidden
    box = app.window.findChild(QMessageBox, "message")
    assert box is not None and box.text() == NO_TRAY
    box.accept()
    app.window.close()
    assert not app.window.isVisible()


def with_tray(app: App, old: Background, tray_available: Callable[[], bool]) -> Background:
    """The window's Background again, on a desktop that has a tray when `tray_available`."""
    icon = QIcon(str(app_icon_pngs()[0]))
    reminders, title = old.reminders, app.window.routine_list.title_for
    return Background(app.window, app.settings, reminders, title, icon, tray_available)


# The offscreen platform has no tray: Qt says so when the tray icon is made to believe in one.
@pytest.mark.qt_log_ignore("No such signal QPlatformNativeInterface::systemTrayWindowChanged")
def test_with_a_tray_closing_hides_and_quit_quits(reminded, qtbot) -> None:  # type: ignore[no-untyped-def]
    app, old, _clock, _notifier, _spoken = reminded()
    background = with_tray(app, old, lambda: True)
    assert background.tray is None  # not asked before the window is up
    background.look_for_tray()
    assert background.tray is not None and background.wanted
    tray = background.tray
    tray.menu.aboutToShow.emit()
    assert tray.start_action.text() == "Start Tiny test routine now"
    start_routine(app)
    app.window.close()
    assert app.window.isHidden()  # in the tray, not gone
    assert not app.window.session.active()  # the session ended, and was saved, as on a close
    assert app.store.sessions()[0].end_reason == "closed"
    tray.open_action.trigger()
    assert app.window.isVisible()
    tray.quiet_action.trigger()
    assert old.reminders.is_quiet()
    tray.menu.aboutToShow.emit()
    assert tray.quiet_action.isChecked() and not tray.quiet_action.isEnabled()
    app.settings.set("keep_running", False)
    assert not background.wanted
    app.settings.set("keep_running", True)
    tray.quit_action.trigger()
    assert not app.window.isVisible() and app.window.quitting


@pytest.mark.qt_log_ignore("No such signal QPlatformNativeInterface::systemTrayWindowChanged")
def test_a_log_in_start_waits_for_a_panel_that_comes_up_late(reminded, qtbot) -> None:  # type: ignore[no-untyped-def]
    """At log-in the coach may start before the panel: it asks again, and stays hidden once
    the tray is there, with no message about a missing tray."""
    app, old, _clock, _notifier, _spoken = reminded()
    app.window.hide()
    asked: list[int] = []

    def panel_ready() -> bool:
        asked.append(1)
        return len(asked) >= 3  # the third time

    background = with_tray(app, old, panel_ready)
    background.start_hidden()
    qtbot.waitUntil(lambda: background.tray is not None, timeout=5000)
    assert len(asked) == 3
    assert background.wanted and app.window.isHidden()
    assert app.window.findChild(QMessageBox, "message") is None
    app.window.quit()
    assert not background.reminders._timer.isActive()
