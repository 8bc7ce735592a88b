"""When reminders come: on time, never twice, quiet in a session or once done, missed times
told once, and 9:00 staying 9:00 across the clocks changing."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from neurocoach.core.reminders.plan import EVERY_DAY, Reminder
from neurocoach.core.reminders.schedule import (
    GRACE_SECONDS,
    LONGEST_WAIT_SECONDS,
    SNOOZE_SECONDS,
    ReminderSchedule,
    ReminderState,
    moment,
    occurrences,
    state_data,
    state_from_data,
)

BERLIN = ZoneInfo("Europe/Berlin")
QUICK = Reminder(dt.time(9, 0), "quick-hands")
FEET = Reminder(dt.time(18, 0), "foot-care", frozenset({0, 2, 4}))  # Mon, Wed, Fri


def at(day: str, hh_mm: str, tz: dt.tzinfo = BERLIN) -> float:
    hour, minute = map(int, hh_mm.split(":"))
    return moment(dt.date.fromisoformat(day), dt.time(hour, minute), tz)


class Fixture:
    def __init__(self, plan: list[Reminder], tz: dt.tzinfo | None = BERLIN) -> None:
        self.plan = plan
        self.done: set[tuple[str, dt.date]] = set()
        self.saved: list[dict[str, object]] = []
        self.schedule = ReminderSchedule(
            lambda: self.plan,
            lambda routine, day: (routine, day) in self.done,
            tz=tz,
            save=lambda state: self.saved.append(state_data(state)),
        )

    def due(self, now: float, busy: bool = False) -> list[str]:
        return [o.key for o in self.schedule.check(now, busy).due]


def test_a_time_is_due_once_at_its_moment_and_never_again() -> None:
    f = Fixture([QUICK])
    assert f.due(at("2026-12-01", "8:00")) == []  # the first look: nothing missed
    assert f.due(at("2026-12-01", "8:59")) == []
    assert f.due(at("2026-12-01", "9:00")) == ["2026-12-01 quick-hands@9:00"]
    assert f.due(at("2026-12-01", "9:01")) == []
    assert f.due(at("2026-12-01", "9:05")) == []
    assert f.due(at("2026-12-02", "9:00")) == ["2026-12-02 quick-hands@9:00"]


def test_9_00_tomorrow_arrives_at_once_on_an_injected_clock() -> None:
    f = Fixture([QUICK, FEET])
    f.due(at("2026-11-30", "20:00"))  # a Monday evening
    tuesday = at("2026-12-01", "9:00")
    assert f.schedule.seconds_to_next(tuesday - 30) == pytest.approx(30)
    assert f.due(tuesday) == ["2026-12-01 quick-hands@9:00"]
    assert f.due(at("2026-12-01", "18:00")) == []  # foot care is Mon, Wed, Fri
    wednesday = f.schedule.check(at("2026-12-02", "18:00"))
    assert [o.key for o in wednesday.due] == ["2026-12-02 foot-care@18:00"]
    assert [o.key for o in wednesday.missed] == ["2026-12-02 quick-hands@9:00"]  # 9 h late


def test_a_time_long_past_is_missed_not_due_and_only_todays_are_told() -> None:
    f = Fixture([QUICK, FEET])
    f.due(at("2026-11-27", "20:00"))  # Friday evening; the computer is then off till Monday
    check = f.schedule.check(at("2026-11-30", "19:00"))
    assert check.due == ()
    # Saturday's and Sunday's 9:00 are not brought back; Monday's two are, once.
    assert [o.key for o in check.missed] == [
        "2026-11-30 quick-hands@9:00",
        "2026-11-30 foot-care@18:00",
    ]
    assert f.schedule.check(at("2026-11-30", "19:01")).missed == ()


def test_within_the_grace_a_late_look_still_counts_as_on_time() -> None:
    f = Fixture([QUICK])
    f.due(at("2026-12-01", "8:00"))
    late = at("2026-12-01", "9:00") + GRACE_SECONDS - 1
    assert f.due(late) == ["2026-12-01 quick-hands@9:00"]


def test_none_during_a_session_and_none_once_the_routine_is_done() -> None:
    f = Fixture([QUICK, FEET])
    f.due(at("2026-11-30", "8:00"))
    assert f.due(at("2026-11-30", "9:00"), busy=True) == []
    assert f.due(at("2026-11-30", "9:02")) == []  # not brought back after the session
    f.done.add(("foot-care", dt.date(2026, 11, 30)))
    assert f.due(at("2026-11-30", "18:00")) == []


def test_in_15_minutes_comes_back_once() -> None:
    f = Fixture([QUICK])
    f.due(at("2026-12-01", "8:00"))
    (first,) = f.schedule.check(at("2026-12-01", "9:00")).due
    later = f.schedule.snooze(first, at("2026-12-01", "9:01"))
    assert later.at == at("2026-12-01", "9:01") + SNOOZE_SECONDS
    assert f.due(at("2026-12-01", "9:15")) == []
    assert f.schedule.seconds_to_next(at("2026-12-01", "9:15")) == pytest.approx(60)
    assert f.due(at("2026-12-01", "9:16")) == ["2026-12-01 quick-hands@9:00"]
    assert f.due(at("2026-12-01", "9:31")) == []


def test_no_more_reminders_today_lasts_until_midnight() -> None:
    f = Fixture([QUICK, Reminder(dt.time(20, 0), "quick-hands")])
    f.due(at("2026-12-01", "8:00"))
    (first,) = f.schedule.check(at("2026-12-01", "9:00")).due
    f.schedule.snooze(first, at("2026-12-01", "9:00"))
    f.schedule.quiet_today(at("2026-12-01", "9:01"))
    assert f.schedule.is_quiet(at("2026-12-01", "23:59"))
    assert f.due(at("2026-12-01", "9:16")) == []  # the snooze went too
    assert f.due(at("2026-12-01", "20:00")) == []
    assert f.due(at("2026-12-02", "9:00")) == ["2026-12-02 quick-hands@9:00"]
    assert not f.schedule.is_quiet(at("2026-12-02", "9:00"))


def test_9_00_stays_9_00_when_the_clocks_go_forward_and_back() -> None:
    f = Fixture([QUICK])
    f.due(at("2026-03-28", "8:00"))  # Saturday before summer time (29 March 2026)
    saturday, sunday = at("2026-03-28", "9:00"), at("2026-03-29", "9:00")
    assert sunday - saturday == 23 * 3600
    assert f.due(saturday) == ["2026-03-28 quick-hands@9:00"]
    assert f.due(sunday - 3600) == []  # 9:00 by the old clock is 8:00 by the new one
    assert f.due(sunday) == ["2026-03-29 quick-hands@9:00"]
    assert dt.datetime.fromtimestamp(sunday, BERLIN).hour == 9
    autumn = occurrences([QUICK], at("2026-10-24", "0:00"), at("2026-10-25", "12:00"), BERLIN)
    assert [dt.datetime.fromtimestamp(o.at, BERLIN).hour for o in autumn] == [9, 9]
    assert autumn[1].at - autumn[0].at == 25 * 3600  # winter time on 25 October


def test_a_time_that_comes_twice_when_the_clocks_go_back_is_told_once() -> None:
    early = Reminder(dt.time(2, 30), "quick-hands")
    f = Fixture([early])
    f.due(at("2026-10-24", "12:00"))
    first = at("2026-10-25", "2:30")  # the first 2:30 (summer time)
    assert f.due(first) == ["2026-10-25 quick-hands@2:30"]
    assert f.due(first + 3600) == []  # the second 2:30


def test_a_time_the_clocks_skip_comes_at_the_same_moment_an_hour_later_on_the_clock() -> None:
    early = Reminder(dt.time(2, 30), "quick-hands")
    (skipped,) = occurrences([early], at("2026-03-29", "0:00"), at("2026-03-29", "12:00"), BERLIN)
    assert dt.datetime.fromtimestamp(skipped.at, BERLIN).strftime("%H:%M") == "03:30"


def test_a_clock_set_back_does_not_tell_a_time_again() -> None:
    f = Fixture([QUICK])
    f.due(at("2026-12-01", "8:00"))
    assert f.due(at("2026-12-01", "9:00")) == ["2026-12-01 quick-hands@9:00"]
    assert f.due(at("2026-12-01", "8:30")) == []  # someone set the clock back half an hour
    assert f.due(at("2026-12-01", "9:00")) == []


def test_the_state_survives_a_restart_so_nothing_is_told_twice() -> None:
    f = Fixture([QUICK])
    f.due(at("2026-12-01", "8:00"))
    (first,) = f.schedule.check(at("2026-12-01", "9:00")).due
    f.schedule.snooze(first, at("2026-12-01", "9:00"))
    data = f.saved[-1]
    again = ReminderSchedule(lambda: [QUICK], lambda r, d: False, state_from_data(data), BERLIN)
    assert again.check(at("2026-12-01", "9:05")).due == ()
    (snoozed,) = again.check(at("2026-12-01", "9:15")).due
    assert snoozed.key == first.key and snoozed.snoozed


@pytest.mark.parametrize("data", [None, [], {"checked_until": "x", "told": 3, "snoozed": [{}]}])
def test_a_broken_state_starts_afresh_without_a_crash(data: object) -> None:
    state = state_from_data(data)
    assert state == ReminderState()


def test_today_lists_the_planned_times_with_what_is_done() -> None:
    f = Fixture([FEET, QUICK])
    monday = at("2026-11-30", "12:00")
    f.done.add(("quick-hands", dt.date(2026, 11, 30)))
    today = f.schedule.today(monday)
    assert [(p.reminder.routine_id, p.done) for p in today] == [
        ("quick-hands", True),
        ("foot-care", False),
    ]
    assert f.schedule.next_planned(monday).reminder == FEET  # type: ignore[union-attr]
    assert [p.reminder for p in f.schedule.today(at("2026-12-01", "12:00"))] == [QUICK]


def test_the_wait_is_at_most_a_minute_because_timers_stop_while_asleep() -> None:
    f = Fixture([QUICK])
    assert f.schedule.seconds_to_next(at("2026-12-01", "3:00")) == LONGEST_WAIT_SECONDS


def test_the_computers_own_zone_is_used_without_one(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    try:
        day = dt.date(2026, 3, 29)
        assert moment(day, dt.time(9, 0)) == moment(day, dt.time(9, 0), BERLIN)
        f = Fixture([Reminder(dt.time(9, 0), "quick-hands", EVERY_DAY)], tz=None)
        f.due(moment(day, dt.time(8, 0)))
        assert f.due(moment(day, dt.time(9, 0))) == ["2026-03-29 quick-hands@9:00"]
    finally:
        monkeypatch.undo()
        time.tzset()


def test_the_state_is_written_when_a_time_is_dealt_with_not_at_every_look() -> None:
    """A look once a minute must not write (and fsync) a file once a minute; a restart from
    the older file still tells nothing twice and misses nothing."""
    f = Fixture([QUICK])
    f.due(at("2026-12-01", "8:00"))  # the first look: written
    written = len(f.saved)
    for minute in range(1, 59):
        f.due(at("2026-12-01", f"8:{minute:02d}"))
    assert len(f.saved) == written
    assert f.due(at("2026-12-01", "9:00")) == ["2026-12-01 quick-hands@9:00"]
    assert len(f.saved) == written + 1
    f.due(at("2026-12-01", "12:00"))  # nothing since 9:00: the file still says 9:00
    again = ReminderSchedule(
        lambda: [QUICK], lambda r, d: False, state_from_data(f.saved[-1]), BERLIN
    )
    check = again.check(at("2026-12-01", "12:01"))
    assert check.due == () and check.missed == ()
