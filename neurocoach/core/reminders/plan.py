"""The plan: which routine to be reminded of, at what time of day, on which days.

People ask for reminders at fixed times ("Quick hands at 9:00 every day"), not every so many
minutes, so a reminder is a wall-clock time and a set of weekdays. Times are local: 9:00 stays
9:00 when the clocks change. Kept in the settings file, as plain words a person can read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # date.weekday() order
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
EVERY_DAY = frozenset(range(7))
WEEKDAYS = frozenset(range(5))
MAX_REMINDERS = 12  # a plan a person can still read on one page


@dataclass(frozen=True)
class Reminder:
    """One planned time: `days` are weekday numbers, Monday 0 (as `date.weekday()`)."""

    time: dt.time
    routine_id: str
    days: frozenset[int] = EVERY_DAY

    def on(self, day: dt.date) -> bool:
        return day.weekday() in self.days

    @property
    def key(self) -> str:
        """What tells one planned time from another (the routine may be planned twice a day)."""
        return f"{self.routine_id}@{time_words(self.time)}"


def time_words(when: dt.time) -> str:
    """9:00, 18:30: the 24-hour clock, as the settings file and the screens write it."""
    return f"{when.hour}:{when.minute:02d}"


def days_words(days: Iterable[int]) -> str:
    """ "every day", "on weekdays", "on Monday, Wednesday and Friday"."""
    chosen = sorted(set(days))
    if set(chosen) == EVERY_DAY:
        return "every day"
    if set(chosen) == WEEKDAYS:
        return "on weekdays"
    if set(chosen) == {5, 6}:
        return "at weekends"
    if not chosen:
        return "on no day"
    names = [DAY_NAMES[day] for day in chosen]
    if len(names) == 1:
        return f"on {names[0]}s"
    return "on " + ", ".join(names[:-1]) + " and " + names[-1]


def reminder_words(reminder: Reminder, title: str) -> str:
    """ "Quick hands at 9:00, every day"."""
    return f"{title} at {time_words(reminder.time)}, {days_words(reminder.days)}"


def parse_time(text: str) -> dt.time:
    """ "9:00" or "18:30" (also "09:00"); ValueError in plain words otherwise."""
    hours, colon, minutes = text.strip().partition(":")
    if not colon or not hours.isdigit() or not minutes.isdigit() or len(minutes) != 2:
        raise ValueError(f"a time is written like 9:00 or 18:30, not {text!r}")
    hour, minute = int(hours), int(minutes)
    if hour > 23 or minute > 59:
        raise ValueError(f"{text!r} is not a time of day")
    return dt.time(hour, minute)


def reminder_from_data(data: Any) -> Reminder:
    """One reminder as the settings file holds it:
    ``{time: "9:00", routine: quick-hands, days: [mon, wed, fri]}`` (days left out: every day).

    Raises ValueError saying what is wrong, for the file's warning.
    """
    if not isinstance(data, dict):
        raise ValueError("a reminder is written as time, routine and days")
    unknown = set(data) - {"time", "routine", "days"}
    if unknown:
        raise ValueError(f"a reminder has no {sorted(map(str, unknown))[0]!r}")
    time_text = data.get("time")
    if not isinstance(time_text, str):
        raise ValueError("a reminder needs a time, in quotes, like '9:00'")
    routine = data.get("routine")
    if not isinstance(routine, str) or not routine.strip():
        raise ValueError("a reminder needs the routine's id, like quick-hands")
    days_data = data.get("days", list(DAY_KEYS))
    if not isinstance(days_data, list) or not days_data:
        raise ValueError("a reminder's days are a list, like [mon, wed, fri]")
    days = set()
    for day in days_data:
        if not isinstance(day, str) or day.lower()[:3] not in DAY_KEYS:
            raise ValueError(f"{day!r} is not a day; write mon, tue, wed, thu, fri, sat or sun")
        days.add(DAY_KEYS.index(day.lower()[:3]))
    return Reminder(parse_time(time_text), routine.strip(), frozenset(days))


def reminder_data(reminder: Reminder) -> dict[str, Any]:
    """The reminder as the settings file writes it (the inverse of `reminder_from_data`)."""
    return {
        "time": time_words(reminder.time),
        "routine": reminder.routine_id,
        "days": [DAY_KEYS[day] for day in sorted(reminder.days)],
    }


def in_order(plan: Iterable[Reminder]) -> tuple[Reminder, ...]:
    """The plan as it is shown and kept: by time of day, then routine; one of each time."""
    kept: dict[str, Reminder] = {}
    for reminder in plan:
        kept.setdefault(reminder.key, reminder)
    return tuple(sorted(kept.values(), key=lambda r: (r.time, r.routine_id)))
