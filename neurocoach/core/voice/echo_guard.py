"""Keeps the coach from obeying its own voice: it listens only between its own sounds.

The coach says "Next: finger lifts" and plays tones; a microphone in the same room hears them.
While it speaks or plays a tone, and for `TAIL_SECONDS` after, what the microphone hears is not
searched at all. The tail covers the sound still in the speakers and the sound system's
buffers when the speech engine says it has finished.
"""

from __future__ import annotations

from collections.abc import Callable

TAIL_SECONDS = 0.5


class EchoGuard:
    """Told when the coach makes sound; says whether the microphone may be listened to now."""

    def __init__(self, clock: Callable[[], float], tail: float = TAIL_SECONDS) -> None:
        self._clock = clock
        self.tail = tail
        self._speaking = False
        self._quiet_from = float("-inf")

    def speaking(self, on: bool) -> None:
        """The voice started (True) or has said everything (False)."""
        if self._speaking and not on:
            self._quiet_from = max(self._quiet_from, self._clock() + self.tail)
        self._speaking = on

    def sounding_for(self, seconds: float) -> None:
        """A tone of this length starts now."""
        self._quiet_from = max(self._quiet_from, self._clock() + seconds + self.tail)

    def quiet(self) -> bool:
        """Nothing of the coach's own can be in the microphone now."""
        return not self._speaking and self._clock() >= self._quiet_from
