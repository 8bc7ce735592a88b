"""The change that matters, said in words: how a self-check or a 0-10 rating moved, and
whether that is more than the day-to-day variation a published threshold allows.

Only two thresholds are used, both published: about 2.5 stands for the 30-second chair stand,
and for the 0-10 ratings a change of 2 points or 30 % (Farrar et al. 2001). The tapping test,
the one-leg stance, the MNSI and the PGIC have none we rely on, so their change is said plainly,
without calling it good, bad or real. Every word the History view and the report show comes
from here, so they say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from neurocoach.core.history.progress import SYMPTOM_NAMES, SYMPTOMS, symptom_series
from neurocoach.core.history.store import Rating
from neurocoach.core.self_checks.measures import (
    CHAIR_STAND,
    MEASURES,
    MNSI,
    ONE_LEG_STANCE,
    PGIC,
    TAPPING_LEFT,
    TAPPING_RIGHT,
    SelfCheckResult,
)

RATINGS = "ratings"  # the key of MEANINGFUL_CHANGE for the 0-10 symptom ratings
# Ratings averaged at each end when a symptom's change is told: one day's rating swings with
# sleep and weather; three steady it. Fewer when there are fewer, so the two ends never overlap.
RATINGS_AVERAGED = 3
_PERCENT = "30\u00a0%"  # kept on one line with its number when the words wrap


@dataclass(frozen=True)
class MeaningfulChange:
    """A change at least `points` large counts, or (with `share`) one at least that share
    of the earlier value, as long as it is a whole point or more (less is rounding on a
    scale of whole numbers)."""

    points: float
    share: float | None
    unit: str
    source: str

    def reached(self, earlier: float, latest: float) -> bool:
        change = abs(latest - earlier)
        if change >= self.points:
            return True
        if self.share is None or earlier <= 0 or change < 1:
            return False
        return change >= self.share * earlier


MEANINGFUL_CHANGE: dict[str, MeaningfulChange] = {
    CHAIR_STAND: MeaningfulChange(
        2.5,
        None,
        "stands",
        "about 2.5 stands: the least change beyond test-retest variation (minimal detectable "
        "change) reported for the 30-second chair stand in older adults",
    ),
    RATINGS: MeaningfulChange(
        2,
        0.3,
        "points",
        f"Farrar et al. 2001, Pain 94: a fall of about 2 points or {_PERCENT} on a 0-10 pain "
        "rating matched people's own 'much improved'",
    ),
}

# What the number counts, said after it ("12 → 15 stands"): the unit's first words.
COUNTED = {
    TAPPING_RIGHT: "taps",
    TAPPING_LEFT: "taps",
    CHAIR_STAND: "stands",
    ONE_LEG_STANCE: "seconds",
    MNSI: "points",
    PGIC: "",
}


def number(value: float) -> str:
    """12, 7.5: one decimal at most, none when whole."""
    return f"{round(value, 1):g}"


def day_words(when: datetime) -> str:
    """The local date a result was taken: "2 November 2026"."""
    local = when.astimezone()
    return f"{local.day} {local:%B %Y}"


def value_words(result: SelfCheckResult) -> str:
    """The result with its unit: "15 stands in 30 seconds"."""
    return f"{number(result.value)} {result.about.unit}"


def measure_series(results: Iterable[SelfCheckResult]) -> dict[str, list[SelfCheckResult]]:
    """Each measure that has results, in the order of MEASURES, its results oldest first."""
    grouped: dict[str, list[SelfCheckResult]] = {key: [] for key in MEASURES}
    for result in results:
        if result.measure in grouped:
            grouped[result.measure].append(result)
    return {
        key: sorted(found, key=lambda result: result.taken_at)
        for key, found in grouped.items()
        if found
    }


def change_words(measure: str, earlier: SelfCheckResult, latest: SelfCheckResult) -> str:
    """How a measure moved from one result to a later one, and, where a published threshold
    exists, whether that is more than day-to-day variation."""
    counted = COUNTED.get(measure, "")
    moved = f"{number(earlier.value)} → {number(latest.value)}{' ' if counted else ''}{counted}"
    since = _since(earlier.taken_at, latest.taken_at)
    change = round(latest.value - earlier.value, 1)
    if change == 0:
        return f"{moved} since {since}: no change."
    said = f"{'up' if change > 0 else 'down'} {number(abs(change))}"
    threshold = MEANINGFUL_CHANGE.get(measure)
    if threshold is None:
        return f"{moved} since {since}: {said}."
    size = f"{number(threshold.points)}"
    if threshold.reached(earlier.value, latest.value):
        return f"{moved} since {since}: {said}, more than the {size} that counts as a real change."
    return (
        f"{moved} since {since}: {said}: within day-to-day variation "
        f"(a real change is about {size} {threshold.unit} or more)."
    )


def rating_change_words(symptom: str, earlier: float, latest: float) -> str:
    """How a 0-10 symptom rating moved (lower is better): a fall of 2 points or 30 % is a
    change that matters (Farrar et al. 2001); a rise as large is worth telling a clinician."""
    name = SYMPTOM_NAMES.get(symptom, symptom.capitalize())
    moved = f"{name} {number(earlier)} → {number(latest)}"
    change = round(latest - earlier, 1)
    if change == 0:
        return f"{moved}: no change."
    points = "point" if abs(change) == 1 else "points"
    said = f"{'up' if change > 0 else 'down'} {number(abs(change))} {points}"
    if not MEANINGFUL_CHANGE[RATINGS].reached(earlier, latest):
        return f"{moved}: {said}, less than the 2 points or {_PERCENT} of a change that matters."
    if change < 0:
        return (
            f"{moved}: {said}, a change that matters (2 points or {_PERCENT}, Farrar et al. 2001)."
        )
    return (
        f"{moved}: {said}, as large as a change that matters (2 points or {_PERCENT}): "
        "worth telling your clinician."
    )


def rating_change_lines(history: Iterable[tuple[datetime, Rating]]) -> list[str]:
    """A line for each symptom rated before at least two sessions: the average of its first
    ratings against its last (up to RATINGS_AVERAGED of each), in words, with what was
    compared."""
    lines = []
    series = symptom_series(history, "before")
    for symptom in SYMPTOMS:
        points = series.get(symptom, [])
        if len(points) < 2:
            continue
        count = min(RATINGS_AVERAGED, len(points) // 2)
        first = sum(value for _, value in points[:count]) / count
        last = sum(value for _, value in points[-count:]) / count
        if count == 1:
            how = f"the rating before a session on {day_words(points[0][0])} against the latest"
        else:
            how = (
                f"the average of the first {count} ratings before a session, since "
                f"{day_words(points[0][0])}, against the last {count}"
            )
        lines.append(f"{rating_change_words(symptom, first, last)} ({how[0].upper()}{how[1:]}.)")
    return lines


def latest_change_words(results: list[SelfCheckResult]) -> str:
    """The change from the first result of a measure to its latest, or, with one result,
    that there is nothing to compare yet."""
    if len(results) < 2:
        return "One result so far: a change shows once there are two."
    return change_words(results[0].measure, results[0], results[-1])


def _since(earlier: datetime, latest: datetime) -> str:
    """ "2 November", with the year only when the two results are in different years."""
    first, last = earlier.astimezone(), latest.astimezone()
    return f"{first.day} {first:%B}" + (f" {first.year}" if first.year != last.year else "")
