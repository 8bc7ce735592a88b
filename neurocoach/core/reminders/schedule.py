"""When to remind: each planned time turned into moments, and what is due, missed or quiet.

Plain Python on a wall clock handed in (epoch seconds), so a test can bring "9:00 tomorrow"
in a millisecond, and the GUI only has to ask now and then. Local times are turned into
moments one day at a time, so 9:00 stays 9:00 across a daylight-saving change; the moments
already dealt with are remembered (`ReminderState`), so a time is never told twice, and a
time that passed while the computer was off or asleep is told once, as missed, not replayed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from neurocoach.core.reminders.plan import EVERY_DAY, Reminder, in_order, parse_time, time_words

# A reminder shown later than this after its time is no longer "now": the computer was off
# or asleep. It is told once, with the others missed that day, instead of as a notification.
GRACE_SECONDS = 10 * 60
SNOOZE_SECONDS = 15 * 60
# How often the GUI asks at most: a timer does not run while the computer sleeps, so a
# long single wait could wake up far too late.
LONGEST_WAIT_SECONDS = 60.0
KEEP_TOLD_DAYS = 3


@dataclass(frozen=True)
class Occurrence:
    """One planned time on one day, at one moment (`at`, epoch seconds)."""

    reminder: Reminder
    day: dt.date
    at: float
    snoozed: bool = False

    @property
    def key(self) -> str:
        return f"{self.day.isoformat()} {self.reminder.key}"

    @property
    def routine_id(self) -> str:
        return self.reminder.routine_id


@dataclass
class ReminderState:
    """What has been dealt with, kept between runs (see `state_data`)."""

    checked_until: float | None = None  # every moment up to here has been dealt with
    told: dict[str, float] = field(default_factory=dict)  # occurrence key -> when
    snoozed: list[Occurrence] = field(default_factory=list)
    quiet_day: dt.date | None = None  # "Stop reminders for today"


@dataclass(frozen=True)
class Check:
    """What one look at the clock found: due now (notify), and missed (tell once)."""

    due: tuple[Occurrence, ...] = ()
    missed: tuple[Occurrence, ...] = ()


@dataclass(frozen=True)
class Planned:
    """One of today's planned times, for the "Today" list."""

    reminder: Reminder
    at: float
    done: bool


def moment(day: dt.date, when: dt.time, tz: dt.tzinfo | None = None) -> float:
    """The epoch seconds of a local time on a day. Without tz, the computer's own zone (the
    C library knows its daylight-saving rules). A time that does not exist on the day the
    clocks go forward comes an hour later; one that comes twice, the first time."""
    naive = dt.datetime.combine(day, when)
    if tz is None:
        return naive.timestamp()
    return naive.replace(tzinfo=tz).timestamp()


def local_date(at: float, tz: dt.tzinfo | None = None) -> dt.date:
    if tz is None:
        return dt.datetime.fromtimestamp(at).date()
    return dt.datetime.fromtimestamp(at, tz).date()


def occurrences(
    plan: Iterable[Reminder], after: float, until: float, tz: dt.tzinfo | None = None
) -> list[Occurrence]:
    """Every planned moment with after < at <= until, in order."""
    if until <= after:
        return []
    found = []
    day = local_date(after, tz) - dt.timedelta(days=1)
    last = local_date(until, tz) + dt.timedelta(days=1)
    reminders = in_order(plan)
    while day <= last:
        for reminder in reminders:
            if reminder.on(day):
                at = moment(day, reminder.time, tz)
                if after < at <= until:
                    found.append(Occurrence(reminder, day, at))
        day += dt.timedelta(days=1)
    found.sort(key=lambda o: (o.at, o.reminder.routine_id))
    return found


class ReminderSchedule:
    """Decides what to remind of, and when; the GUI asks it on a timer and when woken.

    None is due during a session, none once that day's routine is done, none twice for the
    same time, none after "Stop reminders for today". `save` is called whenever the state
    changes, so a restart (or a crash) does not tell a time again.
    """

    def __init__(
        self,
        plan: Callable[[], Iterable[Reminder]],
        done: Callable[[str, dt.date], bool],
        state: ReminderState | None = None,
        tz: dt.tzinfo | None = None,
        save: Callable[[ReminderState], None] | None = None,
    ) -> None:
        self._plan = plan
        self._done = done
        self.state = state or ReminderState()
        self.tz = tz
        self._save = save

    def check(self, now: float, busy: bool = False) -> Check:
        """Deal with every moment since the last check. `busy`: a session is running.

        A moment missed by more than GRACE_SECONDS (the computer was off or asleep) is
        missed, told once; only today's are, so a week away does not bring a week of them.
        """
        state = self.state
        if state.checked_until is None:  # the first run with a plan: nothing is missed
            state.checked_until = now
            self._changed()
            return Check()
        today = local_date(now, self.tz)
        waiting = occurrences(self._plan(), state.checked_until, now, self.tz)
        waiting += [o for o in state.snoozed if o.at <= now]
        state.snoozed = [o for o in state.snoozed if o.at > now]
        due, missed = [], []
        for occurrence in sorted(waiting, key=lambda o: o.at):
            if occurrence.key in state.told and not occurrence.snoozed:
                continue
            state.told[occurrence.key] = now
            if self._quiet(occurrence, today) or busy or self._is_done(occurrence):
                continue
            if now - occurrence.at > GRACE_SECONDS:
                if occurrence.day == today:
                    missed.append(occurrence)
            else:
                due.append(occurrence)
        # A clock set back does not bring old times again: `told` remembers them.
        state.checked_until = now
        self._forget_old(today)
        if waiting:
            # Written only when a moment was dealt with, not at every look (once a minute):
            # a `checked_until` left older on disk is safe, as every moment since then that
            # was dealt with is in `told`, and the rest did pass while the coach was away.
            self._changed()
        return Check(tuple(due), tuple(missed))

    def snooze(self, occurrence: Occurrence, now: float) -> Occurrence:
        """ "In 15 minutes": the same reminder again, once, a quarter of an hour from now."""
        later = replace(occurrence, at=now + SNOOZE_SECONDS, snoozed=True)
        self.state.snoozed = [o for o in self.state.snoozed if o.key != occurrence.key]
        self.state.snoozed.append(later)
        self._changed()
        return later

    def quiet_today(self, now: float) -> None:
        """ "Stop reminders for today": until midnight, and the snoozed ones too."""
        self.state.quiet_day = local_date(now, self.tz)
        self.state.snoozed = []
        self._changed()

    def is_quiet(self, now: float) -> bool:
        return self.state.quiet_day == local_date(now, self.tz)

    def seconds_to_next(self, now: float) -> float:
        """How long the GUI may wait before asking again: to the next moment, at most a
        minute (a timer stands still while the computer sleeps)."""
        until = now + LONGEST_WAIT_SECONDS
        coming = [o.at for o in occurrences(self._plan(), now, until, self.tz)]
        coming += [o.at for o in self.state.snoozed if o.at <= until]
        wait = min(coming, default=until) - now
        return max(0.0, min(wait, LONGEST_WAIT_SECONDS))

    def today(self, now: float) -> list[Planned]:
        """Today's planned times, in order, each with whether its routine is done today."""
        day = local_date(now, self.tz)
        return [
            Planned(
                reminder, moment(day, reminder.time, self.tz), self._done(reminder.routine_id, day)
            )
            for reminder in in_order(self._plan())
            if reminder.on(day)
        ]

    def next_planned(self, now: float) -> Planned | None:
        """The first of today's times whose routine is not yet done (for "Start now")."""
        return next((p for p in self.today(now) if not p.done), None)

    def _quiet(self, occurrence: Occurrence, today: dt.date) -> bool:
        return self.state.quiet_day == today and occurrence.day == today

    def _is_done(self, occurrence: Occurrence) -> bool:
        return self._done(occurrence.routine_id, occurrence.day)

    def _forget_old(self, today: dt.date) -> None:
        oldest = (today - dt.timedelta(days=KEEP_TOLD_DAYS)).isoformat()
        self.state.told = {k: v for k, v in self.state.told.items() if k[:10] >= oldest}
        if self.state.quiet_day is not None and self.state.quiet_day < today:
            self.state.quiet_day = None

    def _changed(self) -> None:
        if self._save is not None:
            self._save(self.state)


def state_data(state: ReminderState) -> dict[str, object]:
    """The state as JSON-ready data (the inverse of `state_from_data`)."""
    return {
        "checked_until": state.checked_until,
        "told": dict(state.told),
        "snoozed": [
            {
                "routine": o.routine_id,
                "time": time_words(o.reminder.time),
                "day": o.day.isoformat(),
                "at": o.at,
            }
            for o in state.snoozed
        ],
        "quiet_day": state.quiet_day.isoformat() if state.quiet_day else None,
    }


def state_from_data(data: object) -> ReminderState:
    """A state read back; anything unusable is dropped (the worst is a reminder told again,
    or one not told, never a crash). Raises nothing."""
    state = ReminderState()
    if not isinstance(data, dict):
        return state
    checked = data.get("checked_until")
    if isinstance(checked, (int, float)) and not isinstance(checked, bool):
        state.checked_until = float(checked)
    told = data.get("told")
    if isinstance(told, dict):
        state.told = {
            str(k): float(v)
            for k, v in told.items()
            if isinstance(v, (int, float)) and not isinstance(v, bool)
        }
    for item in data.get("snoozed") or []:
        try:
            reminder = Reminder(parse_time(item["time"]), str(item["routine"]), EVERY_DAY)
            day = dt.date.fromisoformat(item["day"])
            state.snoozed.append(Occurrence(reminder, day, float(item["at"]), snoozed=True))
        except (KeyError, TypeError, ValueError):
            continue
    quiet = data.get("quiet_day")
    if isinstance(quiet, str):
        with contextlib.suppress(ValueError):
            state.quiet_day = dt.date.fromisoformat(quiet)
    return state
