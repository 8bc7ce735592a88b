"""The finger tapping self-check: the index finger taps one big key for 10 seconds, three
trials per hand with rests, and the median per hand is kept.

Adapted from the finger tapping test of the Halstead-Reitan battery (a tapping key, the index
finger, 10-second trials); Christianson & Leathem 2004 found a computerised version reliable.
The test is a plan of timed phases on an injected clock: every phase ends at a deadline read
from the clock, never after a number of timer ticks, so a late tick neither stretches nor cuts
a trial, and a tap is judged by when it happened, not by when the screen last caught up.
The typical counts are given in words as a guide; the measure is the person's own change.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from neurocoach.core.self_checks.measures import TAPPING_LEFT, TAPPING_RIGHT, SelfCheckResult

TRIAL_SECONDS = 10.0
TRIALS_PER_HAND = 3
REST_SECONDS = 15.0
GET_READY_SECONDS = 3.0

HANDS = ("right", "left")
HAND_NAMES = {"right": "Right hand", "left": "Left hand"}
MEASURE_FOR_HAND = {"right": TAPPING_RIGHT, "left": TAPPING_LEFT}
# The two hands typically differ by about this share; more is worth a neutral word.
TYPICAL_HAND_DIFFERENCE = 0.10


class Phase(Enum):
    CHOOSING = "choosing"  # not started: which hand does the person write with?
    READY = "ready"
    TAPPING = "tapping"
    REST = "rest"
    DONE = "done"  # all trials made: the results can be kept
    STOPPED = "stopped"  # left before the end: nothing is kept


DURATIONS = {
    Phase.READY: GET_READY_SECONDS,
    Phase.TAPPING: TRIAL_SECONDS,
    Phase.REST: REST_SECONDS,
}


@dataclass(frozen=True)
class Event:
    """A phase that began: `hand` and `trial` (from 1) are the trial it leads to or is (for a
    rest, the next one), and `words` what the coach says as it begins."""

    phase: Phase
    hand: str
    trial: int
    words: str
    switching: bool = False  # a rest before the other hand's first trial


def other_hand(hand: str) -> str:
    return "left" if hand == "right" else "right"


def trial_words(hand: str, trial: int) -> str:
    """ "Right hand, trial 1 of 3": what is shown and said before a trial."""
    return f"{HAND_NAMES[hand]}, trial {trial} of {TRIALS_PER_HAND}"


class TappingTest:
    """Six trials in order: three with the hand the person writes with, then three with the
    other. Taps count only in a tapping phase and only before its deadline."""

    def __init__(self, now: Callable[[], float]) -> None:
        self._now = now
        self.phase = Phase.CHOOSING
        self.dominant = ""
        self.hand = ""
        self.trial = 0  # from 1: the trial under way, or for a rest the next one
        self.taps = 0  # in the trial under way
        self.last_count = 0  # of the trial last finished, for the rest after it
        self.counts: dict[str, list[int]] = {hand: [] for hand in HANDS}
        self._deadline = 0.0

    # --- the plan --------------------------------------------------------------------------
    def start(self, dominant: str) -> list[Event]:
        """Begin with the first get-ready, `dominant` ("right" or "left") being the hand the
        person writes with; returns the event of the phase that began."""
        if dominant not in HANDS:
            raise ValueError(f"a hand is 'right' or 'left', not {dominant!r}")
        if self.phase is not Phase.CHOOSING:
            raise RuntimeError("the test has already started")
        self.dominant = dominant
        self.hand, self.trial = dominant, 1
        return [self._begin(Phase.READY, self._now())]

    def advance(self) -> list[Event]:
        """Move through every phase whose deadline has passed (several, if the clock jumped)
        and return what began, in order.

        A trial's 10 seconds run from when its tapping is begun here, that is when the person
        is told "Go", so a late tick never shortens a trial; and a clock jump stops at a
        trial's start rather than passing a trial by. The other phases follow on from each
        other's deadlines, so the test as a whole does not drift.
        """
        began: list[Event] = []
        now = self._now()
        while self.phase in DURATIONS and now >= self._deadline:
            ended = self._deadline
            if self.phase is Phase.READY:
                began.append(self._begin(Phase.TAPPING, now))
                continue  # (its deadline is 10 s from now: the loop ends here)
            if self.phase is Phase.TAPPING:
                self.counts[self.hand].append(self.taps)
                self.last_count = self.taps
                if self.trial < TRIALS_PER_HAND:
                    self.trial += 1
                elif self.hand == self.dominant:
                    self.hand, self.trial = other_hand(self.dominant), 1
                else:
                    self.phase = Phase.DONE
                    began.append(Event(Phase.DONE, self.hand, self.trial, "Stop. All done."))
                    break
                began.append(self._begin(Phase.REST, ended))
            else:  # a rest
                began.append(self._begin(Phase.READY, ended))
        return began

    def _begin(self, phase: Phase, at: float) -> Event:
        self.phase = phase
        self._deadline = at + DURATIONS[phase]
        if phase is Phase.READY:
            words = f"{trial_words(self.hand, self.trial)}. Get ready."
            return Event(phase, self.hand, self.trial, words)
        if phase is Phase.TAPPING:
            self.taps = 0
            return Event(phase, self.hand, self.trial, "Go.")
        switching = self.trial == 1  # a rest before trial 1 comes only at the change of hand
        words = "Stop. Rest."
        if switching:
            words += f" Now switch to your {self.hand} hand."
        return Event(phase, self.hand, self.trial, words, switching)

    def stop(self) -> None:
        """Leave before the end: no more taps count, and nothing can be kept."""
        if self.phase is not Phase.DONE:
            self.phase = Phase.STOPPED

    # --- what the person does --------------------------------------------------------------
    def tap(self) -> bool:
        """One press of the key; True if it counts (tapping, and before the deadline, even if
        the screen has not yet been told the time is up)."""
        if self.phase is not Phase.TAPPING or self._now() >= self._deadline:
            return False
        self.taps += 1
        return True

    # --- what is shown ---------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.phase in DURATIONS

    def remaining(self) -> float:
        """Seconds left in the phase under way (0 outside the trials)."""
        if not self.running:
            return 0.0
        return max(0.0, self._deadline - self._now())

    def duration(self) -> float:
        """The whole length of the phase under way (0 outside the trials)."""
        return DURATIONS.get(self.phase, 0.0)

    def medians(self) -> dict[str, float]:
        """The median count of each hand that has trials, the hand's result."""
        return {
            hand: float(statistics.median(counts)) for hand, counts in self.counts.items() if counts
        }

    def results(self, taken_at: datetime) -> list[SelfCheckResult]:
        """One result per hand (right, then left), from a finished test only."""
        if self.phase is not Phase.DONE:
            raise RuntimeError("only a finished tapping test has results")
        medians = self.medians()
        return [
            SelfCheckResult(
                MEASURE_FOR_HAND[hand],
                taken_at,
                medians[hand],
                {"trials": list(self.counts[hand]), "dominant": hand == self.dominant},
            )
            for hand in HANDS
        ]


def typical_words(medians: dict[str, float], dominant: str) -> str:
    """The typical counts in plain words, as a guide and never a diagnosis; and, when the two
    hands differ by more than the usual 10 % or so, a calm line saying so."""
    words = (
        "Many adults tap about 50 to 60 times in 10 seconds with the hand they write with, "
        "and about 10 % fewer with the other hand. This is a guide, not a diagnosis: what "
        "matters most is how your own counts change over time."
    )
    other = other_hand(dominant)
    if dominant not in medians or other not in medians:
        return words
    first, second = medians[dominant], medians[other]
    larger = max(first, second)
    if larger <= 0 or abs(first - second) <= TYPICAL_HAND_DIFFERENCE * larger:
        return words
    more, fewer = (dominant, other) if first > second else (other, dominant)
    share = round(100 * abs(first - second) / larger)
    return (
        f"{words}\n\nToday your {fewer} hand tapped about {share} % fewer times than your "
        f"{more} hand. A day's count changes with many things, such as tiredness, cold hands "
        "or a sore finger. If the difference stays the same over several checks, you may "
        "like to mention it at your next appointment."
    )
