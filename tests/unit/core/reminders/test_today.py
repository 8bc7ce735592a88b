""" "Today": what is planned, what is done, and the streak, counted as the History counts."""

from __future__ import annotations

import datetime as dt

from neurocoach.core.history.store import SessionSummary
from neurocoach.core.reminders.plan import Reminder
from neurocoach.core.reminders.schedule import Planned
from neurocoach.core.reminders.today import done_on, today_summary

DAY = dt.date(2026, 12, 2)
TITLES = {
    "quick-hands": "Quick hands",
    "foot-care": "Foot care",
    "warm-hands": "Warm hands",
    "hand-massage": "Hand massage",
}


def session(
    routine: str, day: dt.date, end: str | None = "finished", done: int = 2
) -> SessionSummary:
    start = dt.datetime.combine(day, dt.time(10, 0)).astimezone()
    return SessionSummary(
        1, routine, TITLES[routine], start, start + dt.timedelta(minutes=5), end, 2, done, 30.0
    )


def test_a_routine_is_done_once_finished_with_something_done() -> None:
    assert done_on([session("quick-hands", DAY)], "quick-hands", DAY)
    assert not done_on([session("quick-hands", DAY, "stopped")], "quick-hands", DAY)
    assert not done_on([session("quick-hands", DAY, done=0)], "quick-hands", DAY)  # skipped through
    assert not done_on([session("quick-hands", DAY - dt.timedelta(days=1))], "quick-hands", DAY)
    assert not done_on([session("foot-care", DAY)], "quick-hands", DAY)


def test_today_lists_the_plan_with_marks_then_what_else_was_done_and_the_streak() -> None:
    planned = [
        Planned(Reminder(dt.time(9, 0), "quick-hands"), 9.0, True),
        Planned(Reminder(dt.time(12, 0), "warm-hands"), 12.0, False),
        Planned(Reminder(dt.time(18, 0), "foot-care"), 18.0, False),
    ]
    sessions = [
        session("quick-hands", DAY),
        session("hand-massage", DAY),
        session("quick-hands", DAY - dt.timedelta(days=1)),
        session("quick-hands", DAY - dt.timedelta(days=2)),
    ]
    today = today_summary(planned, sessions, DAY, TITLES.__getitem__, now=13.0)
    assert today.words() == (
        "Today: ✓ Quick hands at 9:00, done · Warm hands at 12:00, not done yet"
        " · Foot care at 18:00 · ✓ Hand massage, done · streak: 3 days in a row."
    )


def test_with_nothing_planned_it_says_where_to_plan() -> None:
    today = today_summary([], [], DAY, TITLES.__getitem__)
    assert today.words() == "Today: nothing planned. Settings (Ctrl+,) can remind you at set times."
