"""Which self-checks to offer today, what each was last, and when a questionnaire is due.

The menu asks this module rather than working it out: the leg checks are left out, with the
reason said, when a foot is at high risk (a fall with little feeling in the feet does most
harm) or when the person says they feel unsteady today. The MNSI is asked once a month and
the PGIC once a week: often enough to follow change, rarely enough that the answers are
thought about rather than repeated.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from neurocoach.core.self_checks import mnsi
from neurocoach.core.self_checks.change import COUNTED, day_words, number
from neurocoach.core.self_checks.measures import (
    CHAIR_STAND,
    MNSI,
    ONE_LEG_STANCE,
    PGIC,
    TAPPING_LEFT,
    TAPPING_RIGHT,
    SelfCheckResult,
)

TAPPING = "tapping"  # both hands' measures, offered as one check
KEYS = (TAPPING, CHAIR_STAND, ONE_LEG_STANCE, MNSI)
MNSI_EVERY = timedelta(days=30)
PGIC_EVERY = timedelta(days=7)

TITLES = {
    TAPPING: "Finger tapping",
    CHAIR_STAND: "Chair stand (30 seconds)",
    ONE_LEG_STANCE: "Standing on one leg",
    MNSI: "Questionnaire about your feet and legs (MNSI)",
}
ABOUT = {
    TAPPING: "How fast your index finger taps a key, each hand. About 3 minutes.",
    CHAIR_STAND: "How many times you can stand up from a chair and sit down in 30 seconds.",
    ONE_LEG_STANCE: "How long you can stand on one foot, with something firm within reach.",
    MNSI: "15 yes or no questions, once a month. About 3 minutes.",
}
DUE_WORDS = "Due this month"
NOT_DONE = "Not done yet"
HIGH_RISK_REASON = (
    "Not offered: your foot check says a foot is at high risk. Ask your doctor or "
    "podiatrist before balance tests."
)
UNSTEADY_REASON = "Not today: you said you feel unsteady. Try another day."
LEG_CHECKS = (CHAIR_STAND, ONE_LEG_STANCE)


@dataclass(frozen=True)
class Offer:
    """One check on the menu: `not_offered` is the plain reason it may not be done today."""

    key: str  # one of KEYS
    title: str
    about: str
    last: str  # "Last done 2 November 2026: 12 stands" or "Not done yet"
    due: bool
    not_offered: str | None


def latest(results: Sequence[SelfCheckResult], measure: str) -> SelfCheckResult | None:
    """The most recent result of `measure`, if any."""
    found = [result for result in results if result.measure == measure]
    return max(found, key=lambda result: result.taken_at) if found else None


def _due(results: Sequence[SelfCheckResult], measure: str, every: timedelta, now: datetime) -> bool:
    last = latest(results, measure)
    return last is None or now - last.taken_at >= every


def mnsi_due(results: Sequence[SelfCheckResult], now: datetime) -> bool:
    """Never answered, or answered 30 days or more ago."""
    return _due(results, MNSI, MNSI_EVERY, now)


def pgic_due(results: Sequence[SelfCheckResult], now: datetime) -> bool:
    """Never answered, or answered 7 days or more ago: asked after a session when due."""
    return _due(results, PGIC, PGIC_EVERY, now)


def _counted(result: SelfCheckResult) -> str:
    if result.measure == MNSI:
        return f"{number(result.value)} of {mnsi.MAX_SCORE}"
    return f"{number(result.value)} {COUNTED[result.measure]}"


def last_words(results: Sequence[SelfCheckResult], key: str) -> str:
    """When a check was last done and what it gave, or "Not done yet"."""
    if key == TAPPING:
        hands = [
            (name, found)
            for name, measure in (("right hand", TAPPING_RIGHT), ("left hand", TAPPING_LEFT))
            if (found := latest(results, measure)) is not None
        ]
        if not hands:
            return NOT_DONE
        when = max(found.taken_at for _, found in hands)
        said = ", ".join(f"{name} {_counted(found)}" for name, found in hands)
        return f"Last done {day_words(when)}: {said}"
    found = latest(results, key)
    if found is None:
        return NOT_DONE
    return f"Last done {day_words(found.taken_at)}: {_counted(found)}"


def _reason(key: str, feet_high_risk: bool, unsteady_today: bool) -> str | None:
    if key not in LEG_CHECKS:
        return None
    if feet_high_risk:
        return HIGH_RISK_REASON  # first: it lasts beyond today, and says whom to ask
    if unsteady_today:
        return UNSTEADY_REASON
    return None


def offers(
    results: Sequence[SelfCheckResult],
    feet_high_risk: bool,
    unsteady_today: bool,
    now: datetime,
) -> list[Offer]:
    """The four checks, in the menu's order, each with its last result and today's reason
    not to do it (if any). Only the MNSI has a schedule, so only it can be due."""
    return [
        Offer(
            key,
            TITLES[key],
            ABOUT[key],
            last_words(results, key),
            key == MNSI and mnsi_due(results, now),
            _reason(key, feet_high_risk, unsteady_today),
        )
        for key in KEYS
    ]
