"""The self-checks' measures: what each one is called, its unit, and one result as it is kept.

The 0-10 ratings say how someone feels; these are measures with published scoring that a
clinician can read beside them. Each result is one number with its date (a tapping test gives
two: one per hand), plus the detail it came from (each trial, each answer), so a later version
can show more without the person doing the check again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

TAPPING_RIGHT = "tapping_right"
TAPPING_LEFT = "tapping_left"
CHAIR_STAND = "chair_stand"
ONE_LEG_STANCE = "one_leg_stance"
MNSI = "mnsi"
PGIC = "pgic"


@dataclass(frozen=True)
class Measure:
    key: str
    name: str  # as the history and the report name it
    unit: str  # after the number: "12 stands in 30 seconds"
    higher_is_better: bool | None  # None: neither (the PGIC is a rating of change itself)
    source: str  # where its scoring and norms come from, named in the app and the report


MEASURES: dict[str, Measure] = {
    m.key: m
    for m in (
        Measure(
            TAPPING_RIGHT,
            "Finger tapping, right hand",
            "taps in 10 seconds",
            True,
            "Finger tapping test (Halstead-Reitan battery), adapted to a computer key; "
            "Christianson & Leathem 2004",
        ),
        Measure(
            TAPPING_LEFT,
            "Finger tapping, left hand",
            "taps in 10 seconds",
            True,
            "Finger tapping test (Halstead-Reitan battery), adapted to a computer key; "
            "Christianson & Leathem 2004",
        ),
        Measure(
            CHAIR_STAND,
            "30-second chair stand",
            "stands in 30 seconds",
            True,
            "30-Second Chair Stand, CDC STEADI; Jones, Rikli & Beam 1999",
        ),
        Measure(
            ONE_LEG_STANCE,
            "Standing on one leg, eyes open",
            "seconds (best of up to 3 tries)",
            True,
            "Single-leg stance, eyes open; norms by age, Springer et al. 2007",
        ),
        Measure(
            MNSI,
            "MNSI questionnaire",
            "points of 13 (higher: more signs of neuropathy)",
            False,
            "Michigan Neuropathy Screening Instrument, patient questionnaire; "
            "Feldman et al. 1994 (University of Michigan)",
        ),
        Measure(
            PGIC,
            "Overall change since starting",
            "on a scale of 1 (very much better) to 7 (very much worse)",
            None,
            "Patient Global Impression of Change (PGIC), 7 points; public domain (NINDS "
            "common data elements)",
        ),
    )
}


@dataclass(frozen=True)
class SelfCheckResult:
    """One measure's result: `value` in the measure's unit; `detail` holds only plain JSON
    values (numbers, strings, booleans, lists, dicts), such as each trial's count."""

    measure: str  # a key of MEASURES
    taken_at: datetime  # aware, UTC
    value: float
    detail: dict[str, object] = field(default_factory=dict)

    @property
    def about(self) -> Measure:
        return MEASURES[self.measure]
