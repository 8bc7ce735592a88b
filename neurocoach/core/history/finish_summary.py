"""What the finish page says when a session ends: what was done, the streak and the week so
far, how the person felt, and which small reward to show.

Worked out here, from the session's outcome and the history, so the page only lays the words
out and the figures are the History window's own (progress.py counts both). A history that
cannot be read, or that does not yet hold this session, makes the page say less, never
something wrong: no streak is better than a streak that forgot today.
"""

from __future__ import annotations

import enum
import logging
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from neurocoach.core.history.progress import (
    AREAS,
    SYMPTOM_NAMES,
    SYMPTOMS,
    current_streak,
    days_exercised,
    minutes_this_week,
)
from neurocoach.core.history.store import HistoryStore, Rating
from neurocoach.core.routine.model import Routine
from neurocoach.core.session.engine import SessionOutcome
from neurocoach.core.session.wording import (
    count_text,
    outcome_encouragement,
    outcome_heading,
    outcome_summary,
    steps_done,
)

log = logging.getLogger(__name__)

SAVED_WORDS = "It is saved in your history."
NOT_SAVED_WORDS = "It could not be saved to your history (see the message shown earlier)."


class Reward(enum.Enum):
    """The small picture at the end: a sun for a routine done, a leaf for a part of one."""

    SUN = "sun"
    LEAF = "leaf"


@dataclass(frozen=True)
class FinishSummary:
    heading: str  # "Well done! Routine complete."
    encouragement: str | None  # a gentle word after stopping, else None
    done: str  # "You did 4 of 6 steps of “Quick hands” in 5 min 30 s."
    progress: str | None  # the streak and the week, when the history could be read
    feelings: tuple[str, ...]  # "Tingling: 6 before, 4 after", when rated after
    saved: str  # whether it is in the history
    reward: Reward | None  # None: nothing was done, nothing to celebrate


def reward_for(outcome: SessionOutcome) -> Reward | None:
    if steps_done(outcome) == 0:
        return None
    return Reward.SUN if outcome.finished else Reward.LEAF


def progress_sentence(streak: int, week_minutes: float) -> str:
    """The streak (counting today) and the week so far, in one plain sentence:
    "You have exercised 3 days in a row, and 42 min this week." """
    week = f"{max(1, round(week_minutes))} min this week"  # under a minute is not "0 min"
    if streak <= 1:
        return f"You exercised today: {week}."
    return f"You have exercised {count_text(streak, 'day')} in a row, and {week}."


def progress_words(store: HistoryStore, session_id: int, today: date) -> str | None:
    """The streak and the week's minutes, if the history holds this session, ended."""
    try:
        sessions = store.sessions()
    except (sqlite3.Error, ValueError, OverflowError) as error:  # never worth a crash here
        log.warning("history: could not read it for the finish page: %s", error)
        return None
    this = next((s for s in sessions if s.id == session_id), None)
    if this is None or this.ended_at is None:
        return None  # not read back, or its end still waiting to be written: it would not count
    days = days_exercised(sessions)
    if today not in days:
        return None  # nothing done today: no streak talk, and no week that looks like none
    return progress_sentence(current_streak(days, today), minutes_this_week(sessions, today))


_AREA_WORDS = {"hands": "in your hands", "feet": "in your feet"}


def feelings_words(ratings: Iterable[Rating]) -> tuple[str, ...]:
    """Each symptom rated after the session, with its rating before if there was one:
    "Tingling: 6 before, 4 after", "Pain in your feet: 3 after". Nothing when the check-in
    after was skipped or is off: a lone "before" says nothing about the session."""
    values = {(r.moment, r.symptom, r.area): r.value for r in ratings}
    lines = []
    for symptom in SYMPTOMS:
        for area in ("all", *AREAS):
            after = values.get(("after", symptom, area))
            if after is None:
                continue
            before = values.get(("before", symptom, area))
            name = SYMPTOM_NAMES[symptom]
            if area in _AREA_WORDS:
                name = f"{name} {_AREA_WORDS[area]}"
            shown = f"{after} after" if before is None else f"{before} before, {after} after"
            lines.append(f"{name}: {shown}")
    return tuple(lines)


def summarise_finish(
    outcome: SessionOutcome,
    routine: Routine,
    store: HistoryStore | None,
    session_id: int | None,
    today: date,
) -> FinishSummary:
    """The finish page's words. `store` and `session_id` are None when this session is not
    (or not all) in the history: then there is no streak or feelings to read back."""
    progress: str | None = None
    feelings: tuple[str, ...] = ()
    if store is not None and session_id is not None:
        progress = progress_words(store, session_id, today)
        try:
            feelings = feelings_words(store.ratings(session_id))
        except sqlite3.Error as error:
            log.warning("history: could not read the ratings for the finish page: %s", error)
    return FinishSummary(
        heading=outcome_heading(outcome),
        encouragement=outcome_encouragement(outcome),
        done=outcome_summary(outcome, routine),
        progress=progress,
        feelings=feelings,
        saved=SAVED_WORDS if session_id is not None else NOT_SAVED_WORDS,
        reward=reward_for(outcome),
    )
