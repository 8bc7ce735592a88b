"""The Michigan Neuropathy Screening Instrument's patient questionnaire, scored as published.

Fifteen yes/no questions a person answers alone (Feldman et al. 1994, University of Michigan;
free to use, as in the PhenX Toolkit). The wording is kept as published, so that a score can
be read beside one taken in a clinic. Scoring: "yes" counts a point on items 1-3, 5-6, 8-9,
11-12 and 14-15; "no" counts on items 7 and 13 (being able to tell hot water from cold, and
to sense the feet, are the healthy answers); items 4 (cramps: circulation) and 10 (weakness
all over) are asked but not scored. The highest score is therefore 13.

The score is a count of signs, not a diagnosis, and its words say so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from neurocoach.core.self_checks.measures import MEASURES, MNSI, SelfCheckResult

SOURCE = (
    f"{MEASURES[MNSI].source}. Free to use; worded as in the PhenX Toolkit. "
    "Scores: Herman et al. 2012 (Diabetic Medicine)."
)


@dataclass(frozen=True)
class Item:
    """One question; `scored_answer` is the answer that counts a point (None: not scored)."""

    number: int
    text: str
    scored_answer: bool | None


ITEMS: tuple[Item, ...] = (
    Item(1, "Are your legs and/or feet numb?", True),
    Item(2, "Do you ever have any burning pain in your legs and/or feet?", True),
    Item(3, "Are your feet too sensitive to touch?", True),
    Item(4, "Do you get muscle cramps in your legs and/or feet?", None),
    Item(5, "Do you ever have any prickling feelings in your legs or feet?", True),
    Item(6, "Does it hurt when the bed covers touch your skin?", True),
    Item(
        7,
        "When you get into the tub or shower, are you able to tell the hot water from the "
        "cold water?",
        False,
    ),
    Item(8, "Have you ever had an open sore on your foot?", True),
    Item(9, "Has your doctor ever told you that you have diabetic neuropathy?", True),
    Item(10, "Do you feel weak all over most of the time?", None),
    Item(11, "Are your symptoms worse at night?", True),
    Item(12, "Do your legs hurt when you walk?", True),
    Item(13, "Are you able to sense your feet when you walk?", False),
    Item(14, "Is the skin on your feet so dry that it cracks open?", True),
    Item(15, "Have you ever had an amputation?", True),
)

MAX_SCORE = sum(1 for item in ITEMS if item.scored_answer is not None)  # 13


def _checked(answers: Sequence[bool]) -> list[bool]:
    if len(answers) != len(ITEMS):
        raise ValueError(f"the MNSI has {len(ITEMS)} answers, not {len(answers)}")
    return [bool(answer) for answer in answers]


def score(answers: Sequence[bool]) -> int:
    """The published score of 15 answers (True: yes), in the items' order."""
    return sum(
        1
        for item, answer in zip(ITEMS, _checked(answers), strict=True)
        if item.scored_answer is not None and answer == item.scored_answer
    )


def _unscored() -> str:
    numbers = [str(item.number) for item in ITEMS if item.scored_answer is None]
    return " and ".join(numbers)


def score_words(value: int) -> str:
    """What a score means, in plain words that stop short of a diagnosis."""
    unscored = len(ITEMS) - MAX_SCORE
    return (
        f"Your score: {value} of {MAX_SCORE}. Of the {len(ITEMS)} questions, {unscored} "
        f"(questions {_unscored()}) are asked but not scored. A higher score means more of "
        "the signs the questionnaire asks about. In studies, scores of 4 or more were "
        "common in people with neuropathy (Herman et al. 2012); your doctor can tell what "
        "yours means for you. This is not a diagnosis."
    )


def answer_lines(answers: Sequence[bool]) -> list[str]:
    """Each question with its answer, to check before keeping: "1. Are your ...? Yes"."""
    return [
        f"{item.number}. {item.text} {'Yes' if answer else 'No'}"
        for item, answer in zip(ITEMS, _checked(answers), strict=True)
    ]


def result(answers: Sequence[bool], taken_at: datetime) -> SelfCheckResult:
    """The score as one result, with every answer kept so it can be scored or shown again."""
    given = _checked(answers)
    return SelfCheckResult(MNSI, taken_at, float(score(given)), {"answers": given})
