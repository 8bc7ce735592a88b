"""The change that matters, in words: the published thresholds, and plain words elsewhere."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from neurocoach.core.history.store import Rating
from neurocoach.core.self_checks.change import (
    MEANINGFUL_CHANGE,
    RATINGS,
    change_words,
    latest_change_words,
    measure_series,
    rating_change_lines,
    rating_change_words,
    value_words,
)
from neurocoach.core.self_checks.measures import (
    CHAIR_STAND,
    MNSI,
    ONE_LEG_STANCE,
    TAPPING_LEFT,
    TAPPING_RIGHT,
    SelfCheckResult,
)

# Noon UTC: the same calendar day in any time zone the tests run in.
T0 = datetime(2026, 11, 2, 12, tzinfo=timezone.utc)


def result(measure: str, value: float, days: int = 0) -> SelfCheckResult:
    return SelfCheckResult(measure, T0 + timedelta(days=days), value)


def test_a_chair_stand_change_past_2_5_stands_is_a_real_change() -> None:
    words = change_words(CHAIR_STAND, result(CHAIR_STAND, 12), result(CHAIR_STAND, 15, 28))
    assert words == (
        "12 → 15 stands since 2 November: up 3, more than the 2.5 that counts as a real change."
    )
    down = change_words(CHAIR_STAND, result(CHAIR_STAND, 15), result(CHAIR_STAND, 12, 28))
    assert "down 3, more than the 2.5" in down


def test_a_small_chair_stand_change_is_day_to_day_variation() -> None:
    words = change_words(CHAIR_STAND, result(CHAIR_STAND, 12), result(CHAIR_STAND, 13, 7))
    assert words == (
        "12 → 13 stands since 2 November: up 1: within day-to-day variation "
        "(a real change is about 2.5 stands or more)."
    )
    same = change_words(CHAIR_STAND, result(CHAIR_STAND, 12), result(CHAIR_STAND, 12, 7))
    assert same == "12 → 12 stands since 2 November: no change."


@pytest.mark.parametrize(
    ("measure", "earlier", "latest", "expected"),
    [
        (TAPPING_RIGHT, 48, 55, "48 → 55 taps since 2 November: up 7."),
        (TAPPING_LEFT, 50, 41, "50 → 41 taps since 2 November: down 9."),
        (ONE_LEG_STANCE, 6.5, 12.25, "6.5 → 12.2 seconds since 2 November: up 5.8."),
        (MNSI, 5, 4, "5 → 4 points since 2 November: down 1."),
    ],
)
def test_measures_without_a_threshold_say_the_change_without_judging(
    measure: str, earlier: float, latest: float, expected: str
) -> None:
    words = change_words(measure, result(measure, earlier), result(measure, latest, 40))
    assert words == expected
    for judging in ("real", "variation", "better", "worse", "matters"):
        assert judging not in words


def test_the_year_is_said_when_the_results_are_in_different_years() -> None:
    words = change_words(CHAIR_STAND, result(CHAIR_STAND, 10), result(CHAIR_STAND, 11, 90))
    assert words.startswith("10 → 11 stands since 2 November 2026:")


def test_ratings_a_fall_of_2_points_or_30_percent_matters() -> None:
    assert rating_change_words("pain", 6, 4) == (
        "Pain 6 → 4: down 2 points, a change that matters "
        "(2 points or 30\u00a0%, Farrar et al. 2001)."
    )
    assert "a change that matters" in rating_change_words("numbness", 3, 2)  # 33 %, 1 point
    assert rating_change_words("tingling", 8, 7) == (
        "Tingling 8 → 7: down 1 point, less than the 2 points or 30\u00a0% "
        "of a change that matters."
    )
    # Under a whole point is rounding on a scale of whole numbers, whatever its share.
    assert "less than" in rating_change_words("pain", 1.3, 0.7)
    assert rating_change_words("pain", 5, 5) == "Pain 5 → 5: no change."


def test_ratings_a_rise_as_large_is_worth_telling_the_clinician() -> None:
    words = rating_change_words("pain", 3, 6)
    assert words.startswith("Pain 3 → 6: up 3 points, as large as a change that matters")
    assert "clinician" in words
    assert "less than" in rating_change_words("pain", 0, 1)  # no share of nothing


def test_the_thresholds_are_the_published_ones() -> None:
    assert MEANINGFUL_CHANGE[CHAIR_STAND].points == 2.5
    assert (MEANINGFUL_CHANGE[RATINGS].points, MEANINGFUL_CHANGE[RATINGS].share) == (2, 0.3)
    assert "Farrar" in MEANINGFUL_CHANGE[RATINGS].source


def test_rating_lines_average_up_to_three_at_each_end() -> None:
    history = [
        (T0 + timedelta(days=n), Rating("before", "pain", "all", value))
        for n, value in enumerate([7, 6, 8, 5, 5, 4, 4, 3])
    ] + [
        (T0 + timedelta(days=n), Rating("after", "pain", "all", 0)) for n in range(8)
    ]  # after-session ratings are not compared
    history += [
        (T0, Rating("before", "numbness", "all", 4)),
        (T0 + timedelta(days=3), Rating("before", "numbness", "all", 3)),
        (T0, Rating("before", "tingling", "all", 5)),  # one rating: nothing to compare
    ]
    pain, numbness = rating_change_lines(history)
    assert pain.startswith("Pain 7 → 3.7: down 3.3 points, a change that matters")
    assert "(The average of the first 3 ratings before a session, since 2 November 2026" in pain
    assert numbness.startswith("Numbness 4 → 3: down 1 point")
    assert "(The rating before a session on 2 November 2026 against the latest.)" in numbness


def test_series_group_by_measure_oldest_first_in_the_order_of_the_measures() -> None:
    found = measure_series(
        [result(MNSI, 4, 5), result(CHAIR_STAND, 12, 3), result(MNSI, 6, 1), result("x", 1)]
    )
    assert list(found) == [CHAIR_STAND, MNSI]
    assert [r.value for r in found[MNSI]] == [6, 4]
    assert latest_change_words(found[CHAIR_STAND]).startswith("One result so far")
    assert latest_change_words(found[MNSI]) == "6 → 4 points since 3 November: down 2."
    assert value_words(found[CHAIR_STAND][0]) == "12 stands in 30 seconds"
