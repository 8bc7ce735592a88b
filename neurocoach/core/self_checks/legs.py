"""The legs and balance self-checks: the 30-second chair stand and standing on one leg.

The 30-second chair stand is the CDC STEADI test (Jones, Rikli & Beam 1999): arms crossed over
the chest, stand fully up and sit fully down as many times as possible in 30 seconds; the
person counts and enters the number afterwards. Standing on one leg with eyes open follows
Springer et al. 2007: up to three tries, each stopped at 45 seconds, the best one kept; a try
ends when the raised foot touches down or the person takes hold of the chair.

Both are timed on an injected monotonic clock, from deadlines read off it and never by
counting timer ticks, so a late or missed tick can neither stretch nor cut a try. Reduced
feeling in the feet makes falls more likely, so each check begins with its safety set-up, and
neither is offered for a foot at high risk or on a day the person feels unsteady.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from neurocoach.core.self_checks.change import MEANINGFUL_CHANGE
from neurocoach.core.self_checks.measures import CHAIR_STAND, ONE_LEG_STANCE, SelfCheckResult

KINDS = (CHAIR_STAND, ONE_LEG_STANCE)

SAFETY_SET_UP: tuple[str, ...] = (
    "A sturdy chair with no wheels, its back against a wall so that it cannot slide.",
    "Someone nearby while you do the check, if you can.",
    "Something firm within reach to hold: a kitchen counter or the back of the chair.",
    "Shoes on, or firm flat footwear: not bare feet or socks alone, as feet with less "
    "feeling slip and are easily hurt.",
    "A clear floor around you: no rugs, cables or clutter.",
    "Stop at once and sit down if you feel dizzy or short of breath, if pain grows, or if "
    "you feel you may fall.",
)


# --- the 30-second chair stand -------------------------------------------------------------
SECONDS = 30.0
MAX_STANDS = 60  # far above anyone's count (about 1 a second): a larger number is a slip
TEN_SECONDS = 10.0  # "10 seconds left" is said when this much is left

GO_WORDS = "Go."
TEN_LEFT_WORDS = "10 seconds left."
STOP_WORDS = "Stop. Sit down."


class ChairStand:
    """The 30 seconds of one chair stand; the count is the person's, entered afterwards."""

    def __init__(self, now: Callable[[], float]) -> None:
        self._now = now
        self._deadline: float | None = None
        self._said: set[str] = set()

    def start(self) -> None:
        """Begin the 30 seconds now, the moment "Go" is said."""
        if self._deadline is not None:
            raise RuntimeError("the chair stand has already started")
        self._deadline = self._now() + SECONDS

    @property
    def started(self) -> bool:
        return self._deadline is not None

    def remaining(self) -> float:
        """Seconds left: all 30 before the start, 0 once they are over."""
        if self._deadline is None:
            return SECONDS
        return max(0.0, self._deadline - self._now())

    def finished(self) -> bool:
        return self._deadline is not None and self._now() >= self._deadline

    def advance(self) -> list[str]:
        """What is now due to be said, once each and in order: "10 seconds left", then
        "Stop. Sit down." (both at once if the clock jumped past both)."""
        due: list[str] = []
        if self._deadline is None:
            return due
        left = self.remaining()
        if left <= TEN_SECONDS and TEN_LEFT_WORDS not in self._said:
            due.append(TEN_LEFT_WORDS)
        if left <= 0 and STOP_WORDS not in self._said:
            due.append(STOP_WORDS)
        self._said.update(due)
        return due

    def result(self, stands: int, taken_at: datetime) -> SelfCheckResult:
        """The count the person entered, once the 30 seconds are over."""
        if not self.finished():
            raise RuntimeError("only a finished chair stand has a result")
        if isinstance(stands, bool) or not isinstance(stands, int):
            raise ValueError(f"a count of stands is a whole number, not {stands!r}")
        if not 0 <= stands <= MAX_STANDS:
            raise ValueError(f"a count of stands is 0 to {MAX_STANDS}, not {stands}")
        return SelfCheckResult(CHAIR_STAND, taken_at, float(stands), {"seconds": SECONDS})


def norms_words() -> str:
    """The STEADI below-average counts by age in plain words: a guide, never a diagnosis."""
    change = math.ceil(MEANINGFUL_CHANGE[CHAIR_STAND].points)
    return (
        "As a guide: in their early 60s, most men stand up at least 14 times and most women "
        "at least 12; in their early 80s, at least 10 and 9. A count below these goes with a "
        "higher chance of a fall (CDC STEADI). This is not a diagnosis: what matters most is "
        f"how your own count changes over time, and a change of {change} stands or more is "
        "more than day-to-day variation. If your count is low or falls, you may like to talk "
        "to your doctor or physiotherapist about balance and preventing falls."
    )


# --- standing on one leg, eyes open --------------------------------------------------------
TRIES = 3
MAX_SECONDS = 45.0
GET_READY_SECONDS = 3.0
CAPPED_WORDS = "45 seconds: well done, put your foot down."
LIFT_WORDS = "Lift one foot now."


class Stance(Enum):
    IDLE = "idle"  # before a try, between tries, or after the last
    READY = "ready"  # the 3 seconds before a try
    HOLDING = "holding"  # a try under way: the seconds count up


@dataclass(frozen=True)
class StanceEvent:
    """Something that happened in `advance`: a try that began (`seconds` None) or one that
    reached 45 seconds and was ended (`seconds` 45.0), with what the coach says."""

    phase: Stance
    words: str
    seconds: float | None = None


def ready_words(try_number: int) -> str:
    """ "Try 1 of 3. Hold the chair and get ready.": said at each get-ready."""
    return f"Try {try_number} of {TRIES}. Hold the chair and get ready."


class OneLegStance:
    """Up to three tries of standing on one leg; each is capped at 45 seconds."""

    def __init__(self, now: Callable[[], float]) -> None:
        self._now = now
        self.phase = Stance.IDLE
        self.tries: list[float] = []
        self._started = 0.0  # of the try under way, or of the get-ready
        self._deadline = 0.0  # the get-ready's end, or the 45 seconds' end

    @property
    def running(self) -> bool:
        """A get-ready or a try under way: the clock matters."""
        return self.phase is not Stance.IDLE

    @property
    def try_number(self) -> int:
        """The try under way or about to be made, from 1."""
        return len(self.tries) + 1  # the try under way is added to them when it ends

    def can_try(self) -> bool:
        return self.phase is Stance.IDLE and len(self.tries) < TRIES

    def get_ready(self) -> str:
        """Begin the 3 seconds before a try; returns what the coach says."""
        if not self.can_try():
            raise RuntimeError("no try can begin now")
        self.phase = Stance.READY
        self._deadline = self._now() + GET_READY_SECONDS
        return ready_words(self.try_number)

    def start_try(self) -> None:
        """Begin a try now, the moment the person is told to lift a foot (after a get-ready,
        or without one)."""
        if self.phase is Stance.HOLDING or len(self.tries) >= TRIES:
            raise RuntimeError("no try can begin now")
        self.phase = Stance.HOLDING
        self._started = self._now()
        self._deadline = self._started + MAX_SECONDS

    def held(self) -> float:
        """Seconds held so far in the try under way (0 outside one), never above 45."""
        if self.phase is not Stance.HOLDING:
            return 0.0
        return min(MAX_SECONDS, max(0.0, self._now() - self._started))

    def remaining(self) -> float:
        """Seconds left in the get-ready or the try under way (0 otherwise)."""
        if not self.running:
            return 0.0
        return max(0.0, self._deadline - self._now())

    def stop_try(self) -> float:
        """The foot touched down or the person held on: the seconds held, read off the clock
        (45 at most, even if the screen has not caught up with the cap yet)."""
        if self.phase is not Stance.HOLDING:
            raise RuntimeError("no try is under way")
        seconds = round(self.held(), 1)
        self.tries.append(seconds)
        self.phase = Stance.IDLE
        return seconds

    def advance(self) -> list[StanceEvent]:
        """Move on from deadlines that have passed: the get-ready's end begins the try (timed
        from now, when "lift" is said, so a late tick never shortens it); a try that reached
        45 seconds ends with exactly 45."""
        events: list[StanceEvent] = []
        now = self._now()
        if self.phase is Stance.READY and now >= self._deadline:
            self.start_try()
            events.append(StanceEvent(Stance.HOLDING, LIFT_WORDS))
        elif self.phase is Stance.HOLDING and now >= self._deadline:
            events.append(StanceEvent(Stance.IDLE, CAPPED_WORDS, self.stop_try()))
        return events

    def best(self) -> float:
        """The longest try (0 before any)."""
        return max(self.tries, default=0.0)

    def result(self, taken_at: datetime) -> SelfCheckResult:
        """The best of the tries made, with each try; at least one try, none under way."""
        if not self.tries or self.phase is not Stance.IDLE:
            raise RuntimeError("a result needs at least one finished try and none under way")
        return SelfCheckResult(ONE_LEG_STANCE, taken_at, self.best(), {"tries": list(self.tries)})


def stance_words() -> str:
    """What the best time means, in plain words: a guide, never a diagnosis."""
    return (
        "Balance on one leg gets shorter with age, and reduced feeling in the feet often "
        "shortens it more. This is not a diagnosis: what matters most is how your own best "
        "time changes over time. If it is short or getting shorter, or you have had a fall, "
        "you may like to talk to your doctor or physiotherapist about balance and preventing "
        "falls."
    )


# --- entering a number with big buttons or digit keys -------------------------------------
DIGIT_SECONDS = 1.5  # a digit within this long of the one before adds to it: "1", "2" is 12


class CountEntry:
    """A whole number from 0 to `maximum`, entered with + and - or typed as digits.

    A digit typed soon after another adds to it (1 then 2 is 12) unless that would pass the
    maximum; otherwise it starts a new number. The window is 1.5 s rather than 1 s because
    the key filter drops the same key again within its debounce time (0.6 s by default), so
    "11" needs the second press to come a little later than a tremor's double press would.
    """

    def __init__(self, now: Callable[[], float], maximum: int = MAX_STANDS) -> None:
        self._now = now
        self.maximum = maximum
        self.value = 0
        self._last_digit_at: float | None = None

    def digit(self, digit: int) -> int:
        if not 0 <= digit <= 9:
            raise ValueError(f"a digit is 0 to 9, not {digit}")
        now = self._now()
        follows = self._last_digit_at is not None and now - self._last_digit_at <= DIGIT_SECONDS
        joined = self.value * 10 + digit
        self.value = joined if follows and joined <= self.maximum else min(digit, self.maximum)
        self._last_digit_at = now
        return self.value

    def up(self) -> int:
        self.value = min(self.maximum, self.value + 1)
        self._last_digit_at = None
        return self.value

    def down(self) -> int:
        self.value = max(0, self.value - 1)
        self._last_digit_at = None
        return self.value

    def clear(self) -> int:
        self.value = 0
        self._last_digit_at = None
        return self.value
