"""The person's latest foot check answers, kept in the history, with who listens to them.

Read from the history once, then held: the before-start page, a session's plan, the
settings window and the report all ask here. A new set of answers is written at once; if
the history cannot take it (a full disk), the answers are still used until the coach closes,
and the caller is told, so a wound never goes unheeded because a file could not be written.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable

from neurocoach.core.events import Event
from neurocoach.core.foot_check import FootCheck
from neurocoach.core.history.store import HistoryStore

log = logging.getLogger(__name__)


class FootAnswers:
    """Events: changed(FootCheck), after new answers were given."""

    def __init__(self, store: Callable[[], HistoryStore]) -> None:
        self._store = store
        self._current: FootCheck | None = None
        self._read = False
        self.changed: Event[FootCheck] = Event()

    def current(self) -> FootCheck | None:
        """The latest answers, or None if the foot check was never answered."""
        if not self._read:
            self._current = self._store().foot_check()
            self._read = True
        return self._current

    def save(self, check: FootCheck) -> str | None:
        """Use and keep new answers; returns what went wrong, in words, if they could not be
        written (they are used all the same)."""
        self._current, self._read = check, True
        problem = None
        try:
            self._store().save_foot_check(check)
        except (sqlite3.Error, OSError) as error:
            log.error("history: the foot check could not be saved: %s", error)
            problem = (
                f"Your foot check answers could not be saved ({error}). They are used until "
                "you close NeuroCoach; you will be asked again next time."
            )
        self.changed.emit(check)
        return problem
