"""Clocks the engine can run on: the real monotonic one, and a hand-driven one for tests.

Remaining time is always a deadline minus the clock's reading. Nothing counts timer ticks, so a
late or missed tick can never add up to drift, and a fake clock can run a long routine at once.
"""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Seconds on a clock that never goes backwards (the origin is arbitrary)."""
        ...


class MonotonicClock:
    """The real clock: `time.monotonic`, unaffected by changes to the wall-clock time."""

    def now(self) -> float:
        return time.monotonic()


class ManualClock:
    """A clock that moves only when told to: tests and benchmarks fast-forward with it."""

    def __init__(self, start: float = 1000.0) -> None:
        self._now = start

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a monotonic clock cannot go backwards")
        self._now += seconds

    def set(self, when: float) -> None:
        self.advance(when - self._now)
