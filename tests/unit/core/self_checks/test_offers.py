"""What the Self-checks menu offers: last results, reasons not to, and when a questionnaire
is due (at the edges of 30 and 7 days)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from neurocoach.core.self_checks import offers as offers_module
from neurocoach.core.self_checks.measures import (
    CHAIR_STAND,
    MNSI,
    ONE_LEG_STANCE,
    PGIC,
    TAPPING_LEFT,
    TAPPING_RIGHT,
    SelfCheckResult,
)
from neurocoach.core.self_checks.offers import (
    HIGH_RISK_REASON,
    UNSTEADY_REASON,
    mnsi_due,
    offers,
    pgic_due,
)

NOW = datetime(2026, 12, 2, 12, tzinfo=timezone.utc)
EARLIER = datetime(2026, 11, 2, 12, tzinfo=timezone.utc)


def taken(measure: str, value: float, when: datetime) -> SelfCheckResult:
    return SelfCheckResult(measure, when, value)


def by_key(found: list[offers_module.Offer]) -> dict[str, offers_module.Offer]:
    return {offer.key: offer for offer in found}


def test_four_checks_in_order_with_their_titles_none_done_yet() -> None:
    found = offers([], feet_high_risk=False, unsteady_today=False, now=NOW)
    assert [(o.key, o.title) for o in found] == [
        ("tapping", "Finger tapping"),
        ("chair_stand", "Chair stand (30 seconds)"),
        ("one_leg_stance", "Standing on one leg"),
        ("mnsi", "Questionnaire about your feet and legs (MNSI)"),
    ]
    assert all(o.last == "Not done yet" and o.not_offered is None and o.about for o in found)
    assert [o.due for o in found] == [False, False, False, True]  # the MNSI: never answered


def test_the_last_result_of_each_is_told_with_its_date() -> None:
    results = [
        taken(CHAIR_STAND, 9, EARLIER - timedelta(days=20)),
        taken(CHAIR_STAND, 12, EARLIER),
        taken(ONE_LEG_STANCE, 7.5, EARLIER),
        taken(TAPPING_RIGHT, 31, EARLIER),
        taken(TAPPING_LEFT, 28, EARLIER),
        taken(MNSI, 5, EARLIER),
    ]
    found = by_key(offers(results, False, False, NOW))
    assert found["chair_stand"].last == "Last done 2 November 2026: 12 stands"
    assert found["one_leg_stance"].last == "Last done 2 November 2026: 7.5 seconds"
    assert found["tapping"].last == (
        "Last done 2 November 2026: right hand 31 taps, left hand 28 taps"
    )
    assert found["mnsi"].last == "Last done 2 November 2026: 5 of 13"


def test_a_high_risk_foot_leaves_out_the_leg_checks_with_the_reason() -> None:
    found = by_key(offers([], feet_high_risk=True, unsteady_today=True, now=NOW))
    assert found["chair_stand"].not_offered == HIGH_RISK_REASON  # the lasting reason first
    assert found["one_leg_stance"].not_offered == HIGH_RISK_REASON
    assert found["tapping"].not_offered is None and found["mnsi"].not_offered is None
    assert "Ask your doctor or podiatrist" in HIGH_RISK_REASON


def test_feeling_unsteady_leaves_out_the_leg_checks_for_today() -> None:
    found = by_key(offers([], feet_high_risk=False, unsteady_today=True, now=NOW))
    assert found["chair_stand"].not_offered == UNSTEADY_REASON
    assert found["one_leg_stance"].not_offered == UNSTEADY_REASON
    assert UNSTEADY_REASON == "Not today: you said you feel unsteady. Try another day."
    assert found["tapping"].not_offered is None and found["mnsi"].not_offered is None


@pytest.mark.parametrize(
    ("ago", "due"),
    [
        (timedelta(days=30), True),
        (timedelta(days=30) - timedelta(seconds=1), False),
        (timedelta(days=29), False),
        (timedelta(days=45), True),
        (timedelta(0), False),
    ],
)
def test_the_mnsi_is_due_thirty_days_after_the_last(ago: timedelta, due: bool) -> None:
    results = [taken(MNSI, 4, NOW - ago - timedelta(days=60)), taken(MNSI, 4, NOW - ago)]
    assert mnsi_due(results, NOW) is due
    assert by_key(offers(results, False, False, NOW))["mnsi"].due is due


@pytest.mark.parametrize(
    ("ago", "due"),
    [
        (timedelta(days=7), True),
        (timedelta(days=7) - timedelta(seconds=1), False),
        (timedelta(days=6), False),
        (timedelta(days=8), True),
    ],
)
def test_the_pgic_is_due_seven_days_after_the_last(ago: timedelta, due: bool) -> None:
    assert pgic_due([taken(PGIC, 3, NOW - ago)], NOW) is due


def test_never_answered_is_due_and_other_measures_do_not_count() -> None:
    others = [taken(CHAIR_STAND, 12, NOW), taken(TAPPING_RIGHT, 30, NOW)]
    assert mnsi_due(others, NOW) and pgic_due(others, NOW)
    assert not mnsi_due([taken(MNSI, 2, NOW)], NOW)
    assert mnsi_due([taken(PGIC, 2, NOW)], NOW)  # a PGIC is not an MNSI
