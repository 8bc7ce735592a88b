from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from neurocoach.core.history.progress import (
    current_streak,
    days_exercised,
    minutes_per_week,
    symptom_series,
    totals_per_routine,
)
from neurocoach.core.history.store import Rating, SessionSummary


def session(day: date, minutes: float, title: str = "Quick hands", done: int = 3):
    start = datetime(day.year, day.month, day.day, 10, tzinfo=timezone.utc).astimezone()
    return SessionSummary(
        1, "r", title, start, start + timedelta(minutes=minutes), "finished", 5, done, 0
    )


TODAY = date(2026, 11, 20)  # a Friday


def test_streak_counts_back_from_today_or_yesterday() -> None:
    days = {TODAY - timedelta(days=n) for n in (0, 1, 2, 4)}
    assert current_streak(days, TODAY) == 3
    assert current_streak(days - {TODAY}, TODAY) == 2  # not yet today: still a streak
    assert current_streak({TODAY - timedelta(days=3)}, TODAY) == 0


def test_days_count_only_sessions_where_something_was_done() -> None:
    sessions = [session(TODAY, 5), session(TODAY - timedelta(days=1), 1, done=0)]
    assert days_exercised(sessions) == {TODAY}


def test_minutes_per_week_monday_to_sunday() -> None:
    sessions = [
        session(TODAY, 6),
        session(date(2026, 11, 16), 4),  # Monday this week
        session(date(2026, 11, 15), 10),  # Sunday last week
        session(date(2026, 1, 1), 30),  # long ago: not in the last weeks
    ]
    weeks = minutes_per_week(sessions, TODAY, weeks=3)
    assert weeks == [(date(2026, 11, 2), 0), (date(2026, 11, 9), 10), (date(2026, 11, 16), 10)]


def test_totals_per_routine_most_used_first() -> None:
    sessions = [session(TODAY, 5), session(TODAY, 5), session(TODAY, 12, "Foot care")]
    totals = totals_per_routine(sessions)
    assert [(t.title, t.sessions, t.minutes) for t in totals] == [
        ("Quick hands", 2, 10),
        ("Foot care", 1, 12),
    ]


def test_symptom_series_averages_hands_and_feet() -> None:
    t1 = datetime(2026, 11, 1, tzinfo=timezone.utc)
    t2 = t1 + timedelta(days=1)
    history = [
        (t1, Rating("before", "pain", "hands", 6)),
        (t1, Rating("before", "pain", "feet", 4)),
        (t1, Rating("after", "pain", "all", 2)),
        (t2, Rating("before", "pain", "all", 3)),
        (t2, Rating("before", "numbness", "all", 7)),
    ]
    series = symptom_series(history)
    assert series["pain"] == [(t1, 5.0), (t2, 3.0)]
    assert series["numbness"] == [(t2, 7.0)]
    assert series["tingling"] == []
    assert symptom_series(history, "after")["pain"] == [(t1, 2.0)]


def test_the_words_for_results_and_feelings_come_from_the_core() -> None:
    from dataclasses import replace

    from neurocoach.core.history.progress import feelings_summary, result_words

    stopped = replace(session(TODAY, 3), end_reason="stopped")
    killed = replace(session(TODAY, 3), end_reason=None)
    assert (result_words(stopped), result_words(killed)) == ("Stopped", "Interrupted")
    nothing = replace(session(TODAY, 1), steps_done=0)  # Next pressed through every step
    assert result_words(nothing) == "Skipped, nothing done"
    assert result_words(session(TODAY, 3)) == "Finished"
    ratings = [
        Rating("before", "pain", "hands", 6),
        Rating("before", "pain", "feet", 4),
        Rating("after", "pain", "hands", 3),
        Rating("before", "numbness", "all", 5),
    ]
    assert feelings_summary(ratings) == "pain 5 → 3, numbness 5"


def test_minutes_this_week_start_on_monday() -> None:
    from neurocoach.core.history.progress import minutes_this_week

    sessions = [session(TODAY, 6), session(date(2026, 11, 16), 4), session(date(2026, 11, 15), 9)]
    assert minutes_this_week(sessions, TODAY) == 10  # Sunday the 15th was last week


def test_a_period_summary_counts_only_what_falls_inside() -> None:
    from neurocoach.core.history.progress import Period, summarise_period

    sessions = [
        session(TODAY, 6),
        session(TODAY - timedelta(days=1), 4),
        session(date(2026, 1, 1), 30),
    ]
    when = datetime(2026, 11, 19, 10, tzinfo=timezone.utc)
    ratings = [
        (when, Rating("before", "pain", "all", 6)),
        (when + timedelta(days=1), Rating("before", "pain", "all", 4)),
        (datetime(2026, 1, 1, 10, tzinfo=timezone.utc), Rating("before", "pain", "all", 9)),
    ]
    week = Period.last_days(7, TODAY)
    summary = summarise_period(sessions, ratings, week, TODAY)
    assert (summary.sessions, summary.days_exercised, summary.minutes) == (2, 2, 10)
    assert summary.streak == 2
    trend = summary.trends["pain"]
    assert (trend.first, trend.last, trend.average, trend.count) == (6, 4, 5, 2)
    assert "numbness" not in summary.trends
    assert summary.after["pain"] == []  # no ratings after a session in this history
    earlier = summarise_period(
        sessions, ratings, Period(date(2026, 1, 1), date(2026, 1, 31)), TODAY
    )
    assert earlier.streak is None and earlier.minutes == 30
    assert Period.since_first(sessions, TODAY).first == date(2026, 1, 1)
