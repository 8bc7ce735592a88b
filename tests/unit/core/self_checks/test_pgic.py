"""The Patient Global Impression of Change: seven answers, kept as given."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from neurocoach.core.self_checks import pgic
from neurocoach.core.self_checks.measures import PGIC

WHEN = datetime(2026, 11, 2, 9, tzinfo=timezone.utc)


def test_seven_answers_from_very_much_better_to_very_much_worse() -> None:
    assert list(pgic.OPTIONS) == [1, 2, 3, 4, 5, 6, 7]
    assert [pgic.words(value) for value in range(1, 8)] == [
        "Very much better",
        "Much better",
        "A little better",
        "No change",
        "A little worse",
        "Much worse",
        "Very much worse",
    ]


def test_the_question_keeps_the_published_shape() -> None:
    assert pgic.QUESTION.startswith("Since you started these exercises, how would you")
    assert "describe the change, if any, in the symptoms" in pgic.QUESTION


def test_a_result_keeps_the_number_and_its_words() -> None:
    result = pgic.result(3, WHEN)
    assert (result.measure, result.taken_at, result.value) == (PGIC, WHEN, 3.0)
    assert result.detail == {"answer": "A little better"}


@pytest.mark.parametrize("value", [0, 8, -1])
def test_a_value_outside_one_to_seven_is_refused(value: int) -> None:
    with pytest.raises(ValueError):
        pgic.words(value)
    with pytest.raises(ValueError):
        pgic.result(value, WHEN)


def test_the_source_is_named() -> None:
    assert "public domain" in pgic.SOURCE and "Guy 1976" in pgic.SOURCE
