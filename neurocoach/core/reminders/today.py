""" "Today" at the top of the routine list: what is planned, what is done, and the streak.

Counted from the history the same way as the History window counts (`progress`), so the two
never disagree about a day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from neurocoach.core.history.progress import current_streak, days_exercised, did_exercise, local_day
from neurocoach.core.history.store import SessionSummary
from neurocoach.core.reminders.plan import time_words
from neurocoach.core.reminders.schedule import Planned


def done_on(sessions: Iterable[SessionSummary], routine_id: str, day: dt.date) -> bool:
    """A routine is done for the day once a session of it was finished with something done
    (a session stopped early, or skipped through, still leaves its reminders to come)."""
    return any(
        s.routine_id == routine_id
        and s.finished
        and did_exercise(s)
        and local_day(s.started_at) == day
        for s in sessions
    )


@dataclass(frozen=True)
class Today:
    lines: tuple[str, ...]  # one per planned time or unplanned routine done, ✓ when done
    streak: int

    def words(self) -> str:
        """The whole of it on one line or two, for the routine list."""
        if self.lines:
            said = " · ".join(self.lines)
        else:
            said = "nothing planned. Settings (Ctrl+,) can remind you at set times"
        if self.streak:
            said += f" · streak: {self.streak} day{'s' if self.streak != 1 else ''} in a row"
        return f"Today: {said}."


def today_summary(
    planned: Iterable[Planned],
    sessions: Iterable[SessionSummary],
    day: dt.date,
    title: Callable[[str], str],
    now: float | None = None,
) -> Today:
    """In words as well as marks, for eyes that miss a ✓: "done", "not done yet" once its
    time has come (`now`), and just the time for what is still to come."""
    sessions = list(sessions)
    lines = []
    planned_ids = set()
    for item in planned:
        planned_ids.add(item.reminder.routine_id)
        said = f"{title(item.reminder.routine_id)} at {time_words(item.reminder.time)}"
        if item.done:
            said = f"✓ {said}, done"
        elif now is not None and item.at <= now:
            said += ", not done yet"
        lines.append(said)
    for session in sorted(sessions, key=lambda s: s.started_at):
        if session.routine_id in planned_ids or local_day(session.started_at) != day:
            continue
        if done_on([session], session.routine_id, day):
            planned_ids.add(session.routine_id)
            lines.append(f"✓ {session.routine_title}, done")
    return Today(tuple(lines), current_streak(days_exercised(sessions), day))
