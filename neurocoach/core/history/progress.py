"""Figures that show progress: days exercised, the current streak, minutes a week, totals per
routine, and symptom ratings over time. Plain functions over the history's rows, so the
History window, the reports and the tests all count the same way.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from neurocoach.core.history.store import Rating, SessionSummary
from neurocoach.core.session.records import EndReason

SYMPTOMS = ("pain", "tingling", "numbness")
SYMPTOM_NAMES = {"pain": "Pain", "tingling": "Tingling", "numbness": "Numbness"}
AREAS = ("hands", "feet")
RESULT_WORDS = {
    EndReason.FINISHED.value: "Finished",
    EndReason.STOPPED.value: "Stopped",
    EndReason.CLOSED.value: "Closed early",
}


def result_words(session: SessionSummary) -> str:
    """How a session ended, in words; one whose end was never written was interrupted."""
    if session.end_reason is None:
        return "Interrupted"
    if session.finished and not did_exercise(session):
        return "Skipped, nothing done"  # Next pressed through every step
    return RESULT_WORDS.get(session.end_reason, session.end_reason)


def feelings_summary(ratings: Iterable[Rating]) -> str:
    """ "pain 6 → 3, numbness 5": each symptom before → after (hands and feet averaged)."""
    values: dict[str, dict[str, list[int]]] = {}
    for rating in ratings:
        values.setdefault(rating.symptom, {}).setdefault(rating.moment, []).append(rating.value)
    parts = []
    for symptom in SYMPTOMS:
        if symptom not in values:
            continue
        shown = [
            f"{round(sum(v) / len(v))}"
            for m in ("before", "after")
            if (v := values[symptom].get(m))
        ]
        parts.append(f"{symptom} {' → '.join(shown)}")
    return ", ".join(parts)


def local_day(when: datetime) -> date:
    return when.astimezone().date()


def did_exercise(session: SessionSummary) -> bool:
    """A session counts when at least one step was really done."""
    return session.steps_done > 0


def days_exercised(sessions: Iterable[SessionSummary]) -> set[date]:
    return {local_day(s.started_at) for s in sessions if did_exercise(s)}


def current_streak(days: set[date], today: date) -> int:
    """Days in a row with exercise, up to today (or up to yesterday, if not yet today)."""
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def minutes(session: SessionSummary) -> float:
    return (session.duration_seconds or 0.0) / 60


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())  # Monday


def minutes_this_week(sessions: Iterable[SessionSummary], today: date) -> float:
    """Minutes exercised from this Monday on, by the local calendar."""
    ((_monday, spent),) = minutes_per_week(sessions, today, weeks=1)
    return spent


def minutes_per_week(
    sessions: Iterable[SessionSummary], today: date, weeks: int = 8
) -> list[tuple[date, float]]:
    """The last `weeks` weeks, oldest first, Monday to Sunday, with minutes exercised."""
    first = week_start(today) - timedelta(weeks=weeks - 1)
    totals: dict[date, float] = {first + timedelta(weeks=i): 0.0 for i in range(weeks)}
    for session in sessions:
        start = week_start(local_day(session.started_at))
        if start in totals:
            totals[start] += minutes(session)
    return sorted(totals.items())


@dataclass(frozen=True)
class RoutineTotal:
    title: str
    sessions: int
    minutes: float


def totals_per_routine(sessions: Iterable[SessionSummary]) -> list[RoutineTotal]:
    count: dict[str, int] = defaultdict(int)
    spent: dict[str, float] = defaultdict(float)
    for session in sessions:
        count[session.routine_title] += 1
        spent[session.routine_title] += minutes(session)
    return sorted(
        (RoutineTotal(title, count[title], spent[title]) for title in count),
        key=lambda total: (-total.sessions, total.title),
    )


def symptom_series(
    history: Iterable[tuple[datetime, Rating]], moment: str = "before"
) -> dict[str, list[tuple[datetime, float]]]:
    """Each symptom's ratings over time at one moment; hands and feet are averaged."""
    grouped: dict[str, dict[datetime, list[int]]] = {s: defaultdict(list) for s in SYMPTOMS}
    for when, rating in history:
        if rating.moment == moment and rating.symptom in grouped:
            grouped[rating.symptom][when].append(rating.value)
    return {
        symptom: [(when, sum(values) / len(values)) for when, values in sorted(points.items())]
        for symptom, points in grouped.items()
    }


@dataclass(frozen=True)
class Period:
    """A span of whole local days, both ends included."""

    first: date
    last: date

    @classmethod
    def last_days(cls, days: int, today: date) -> Period:
        return cls(today - timedelta(days=days - 1), today)

    @classmethod
    def since_first(cls, sessions: Iterable[SessionSummary], today: date) -> Period:
        """From the first session's day (or today, with none) to today."""
        return cls(min((local_day(s.started_at) for s in sessions), default=today), today)

    def contains(self, when: datetime) -> bool:
        return self.first <= local_day(when) <= self.last

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


@dataclass(frozen=True)
class SymptomTrend:
    """One symptom's ratings over a period: where it started, ended, and its average."""

    first: float
    last: float
    average: float
    count: int


@dataclass(frozen=True)
class PeriodSummary:
    """What a clinician's report says about a period, worked out once, here."""

    period: Period
    sessions: int
    finished: int
    days_exercised: int
    minutes: float
    streak: int | None  # only when the period ends today
    routines: list[RoutineTotal]
    series: dict[str, list[tuple[datetime, float]]]  # before each session
    after: dict[str, list[tuple[datetime, float]]]  # after each session
    trends: dict[str, SymptomTrend]


def summarise_period(
    sessions: Iterable[SessionSummary],
    ratings: Iterable[tuple[datetime, Rating]],
    period: Period,
    today: date,
) -> PeriodSummary:
    inside = [s for s in sessions if period.contains(s.started_at)]
    days = days_exercised(inside)
    inside_ratings = [(w, r) for w, r in ratings if period.contains(w)]
    series = symptom_series(inside_ratings)
    trends = {
        symptom: SymptomTrend(
            points[0][1], points[-1][1], sum(v for _, v in points) / len(points), len(points)
        )
        for symptom, points in series.items()
        if points
    }
    return PeriodSummary(
        period=period,
        sessions=len(inside),
        finished=sum(1 for s in inside if s.finished),
        days_exercised=len(days),
        minutes=sum(minutes(s) for s in inside),
        streak=current_streak(days, today) if period.last == today else None,
        routines=totals_per_routine(inside),
        series=series,
        after=symptom_series(inside_ratings, "after"),
        trends=trends,
    )
