"""The MNSI questionnaire scored as published: which answer counts on each item."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from neurocoach.core.self_checks import mnsi
from neurocoach.core.self_checks.measures import MNSI

# Feldman et al. 1994: "yes" counts on these items, "no" on 7 and 13, and 4 and 10 not at all.
SCORED_ANSWER = {
    1: True,
    2: True,
    3: True,
    4: None,
    5: True,
    6: True,
    7: False,
    8: True,
    9: True,
    10: None,
    11: True,
    12: True,
    13: False,
    14: True,
    15: True,
}
WHEN = datetime(2026, 11, 2, 9, tzinfo=timezone.utc)


def test_there_are_fifteen_items_in_order_each_scored_as_published() -> None:
    assert [item.number for item in mnsi.ITEMS] == list(range(1, 16))
    assert {item.number: item.scored_answer for item in mnsi.ITEMS} == SCORED_ANSWER
    assert mnsi.MAX_SCORE == 13


def test_the_wording_is_the_published_wording() -> None:
    texts = {item.number: item.text for item in mnsi.ITEMS}
    assert texts[1] == "Are your legs and/or feet numb?"
    assert texts[7] == (
        "When you get into the tub or shower, are you able to tell the hot water from the "
        "cold water?"
    )
    assert texts[13] == "Are you able to sense your feet when you walk?"
    assert texts[15] == "Have you ever had an amputation?"


@pytest.mark.parametrize("number", range(1, 16))
def test_each_item_alone_counts_only_with_its_scored_answer(number: int) -> None:
    """From the all-healthy answers (score 0), flip one item: a point only where it counts."""
    healthy = [
        not SCORED_ANSWER[n] if SCORED_ANSWER[n] is not None else False for n in SCORED_ANSWER
    ]
    assert mnsi.score(healthy) == 0
    flipped = list(healthy)
    flipped[number - 1] = not flipped[number - 1]
    assert mnsi.score(flipped) == (0 if SCORED_ANSWER[number] is None else 1)


def test_all_yes_scores_eleven_and_all_no_scores_two() -> None:
    assert mnsi.score([True] * 15) == 11  # 7 and 13 do not count for yes
    assert mnsi.score([False] * 15) == 2  # only 7 and 13 count for no


def test_every_scored_answer_together_is_the_maximum() -> None:
    worst = [bool(answer) for answer in SCORED_ANSWER.values()]
    assert mnsi.score(worst) == mnsi.MAX_SCORE


@pytest.mark.parametrize("count", [0, 14, 16])
def test_anything_but_fifteen_answers_is_refused(count: int) -> None:
    with pytest.raises(ValueError, match="15"):
        mnsi.score([True] * count)
    with pytest.raises(ValueError):
        mnsi.result([True] * count, WHEN)


def test_the_words_give_the_score_and_are_no_diagnosis() -> None:
    words = mnsi.score_words(5)
    assert words.startswith("Your score: 5 of 13.")
    assert "Of the 15 questions, 2 (questions 4 and 10) are asked but not scored." in words
    assert "Herman et al. 2012" in words
    assert words.endswith("This is not a diagnosis.")


def test_the_result_keeps_the_score_and_every_answer() -> None:
    answers = [True, False] * 7 + [True]
    result = mnsi.result(answers, WHEN)
    assert result.measure == MNSI and result.taken_at == WHEN
    assert result.value == mnsi.score(answers)
    assert result.detail == {"answers": answers}


def test_the_answers_are_listed_with_their_questions() -> None:
    lines = mnsi.answer_lines([True] + [False] * 14)
    assert lines[0] == "1. Are your legs and/or feet numb? Yes"
    assert lines[14] == "15. Have you ever had an amputation? No"


def test_the_source_is_named() -> None:
    assert "Feldman et al. 1994" in mnsi.SOURCE and "University of Michigan" in mnsi.SOURCE
