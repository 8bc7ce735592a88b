"""The Patient Global Impression of Change: one question, seven answers, asked once a week.

After Guy 1976 (the Clinical Global Impression of improvement), as kept in the NINDS common
data elements: public domain. The published question begins "Since beginning treatment ...,
how would you describe the change (if any) in ..."; here the treatment is the exercises and
the condition the symptoms in the hands and feet. The answer is the person's own view of
the change, which the numbers of the other checks cannot give; it is neither good nor bad
in itself, so it is kept as given (1 very much better to 7 very much worse).
"""

from __future__ import annotations

from datetime import datetime

from neurocoach.core.self_checks.measures import MEASURES, PGIC, SelfCheckResult

SOURCE = f"{MEASURES[PGIC].source}; after Guy 1976."

QUESTION = (
    "Since you started these exercises, how would you describe the change, if any, in the "
    "symptoms in your hands and feet?"
)

OPTIONS: dict[int, str] = {
    1: "Very much better",
    2: "Much better",
    3: "A little better",
    4: "No change",
    5: "A little worse",
    6: "Much worse",
    7: "Very much worse",
}


def words(value: int) -> str:
    """The words of answer `value` (1 to 7)."""
    if value not in OPTIONS:
        raise ValueError(f"a PGIC answer is 1 to 7, not {value!r}")
    return OPTIONS[value]


def result(value: int, taken_at: datetime) -> SelfCheckResult:
    """The answer as one result; its words are kept too, as the person saw them."""
    return SelfCheckResult(PGIC, taken_at, float(value), {"answer": words(value)})
