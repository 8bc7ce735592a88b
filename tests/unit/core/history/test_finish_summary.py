"""The finish page's words: streak and week from the history, feelings, and saying less."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from neurocoach.core.history.finish_summary import (
    NOT_SAVED_WORDS,
    SAVED_WORDS,
    Reward,
    feelings_words,
    progress_sentence,
    summarise_finish,
)
from neurocoach.core.history.store import HistoryStore, Rating
from neurocoach.core.session.engine import SessionOutcome
from neurocoach.core.session.records import EndReason, StepRecord
from tests.unit.core.helpers import make_routine, step

ROUTINE = make_routine(step("A"), step("B"))
DONE = (StepRecord(0, "A", 10, 1, 10, 1), StepRecord(1, "B", 10, 1, 10, 1))
HALF = (StepRecord(0, "A", 10, 1, 10, 1), StepRecord(1, "B", 10, 1, 3, 0, skipped=True))
NONE = (StepRecord(0, "A", 10, 1, skipped=True),)
NOON = datetime.now().astimezone().replace(hour=12, minute=0, second=0, microsecond=0)
TODAY = NOON.date()


def add_session(
    store: HistoryStore, start: datetime, minutes: float, records=DONE, reason=EndReason.FINISHED
) -> int:
    sid = store.begin_session("t", "Test", start, len(records))
    for record in records:
        store.record_step(sid, record)
    store.end_session(sid, start + timedelta(minutes=minutes), reason)
    return sid


@pytest.fixture
def store(tmp_path: Path):
    history = HistoryStore(tmp_path / "history.db")
    yield history
    history.close()


def test_streak_and_week_come_from_the_history_counting_today(store: HistoryStore) -> None:
    monday = TODAY - timedelta(days=TODAY.weekday())
    for days_ago in (1, 2, 5):  # yesterday and the day before: a streak of 3 with today
        add_session(store, NOON - timedelta(days=days_ago), 10)
    sid = add_session(store, NOON, 6)
    summary = summarise_finish(
        SessionOutcome(EndReason.FINISHED, 0, 360, DONE), ROUTINE, store, sid, TODAY
    )
    this_week = 6 + sum(10 for d in (1, 2, 5) if TODAY - timedelta(days=d) >= monday)
    assert summary.progress == f"You have exercised 3 days in a row, and {this_week} min this week."
    assert summary.heading == "Well done! Routine complete."
    assert summary.done == "You did 2 of 2 steps of “Test” in 6\u00a0min."
    assert summary.saved == SAVED_WORDS and summary.reward is Reward.SUN
    assert summary.encouragement is None


def test_a_first_day_and_a_short_session_read_kindly() -> None:
    assert progress_sentence(1, 0.4) == "You exercised today: 1 min this week."
    assert progress_sentence(2, 12.4) == "You have exercised 2 days in a row, and 12 min this week."


def test_a_stop_is_met_gently_and_what_was_done_still_counts(store: HistoryStore) -> None:
    sid = add_session(store, NOON, 3, HALF, EndReason.STOPPED)
    summary = summarise_finish(
        SessionOutcome(EndReason.STOPPED, 0, 180, HALF), ROUTINE, store, sid, TODAY
    )
    assert summary.heading == "You stopped early, and that is fine."
    assert summary.encouragement == "Listen to your body. What you did still counts."
    assert summary.done == "You did 1 of 2 steps of “Test” in 3\u00a0min."
    assert summary.reward is Reward.LEAF
    assert summary.progress == "You exercised today: 3 min this week."


def test_nothing_done_no_reward_and_no_streak_talk(store: HistoryStore) -> None:
    add_session(store, NOON - timedelta(days=1), 10)  # a streak up to yesterday
    sid = add_session(store, NOON, 0.1, NONE, EndReason.STOPPED)
    outcome = SessionOutcome(EndReason.STOPPED, 0, 6, NONE)
    summary = summarise_finish(outcome, ROUTINE, store, sid, TODAY)
    assert summary.encouragement == "Come back whenever you feel ready."
    assert summary.reward is None and summary.progress is None


def test_ratings_before_and_after_in_words(store: HistoryStore) -> None:
    sid = add_session(store, NOON, 5)
    store.save_ratings(sid, "before", {("pain", "all"): 6, ("tingling", "all"): 5})
    store.save_ratings(sid, "after", {("pain", "all"): 4, ("numbness", "all"): 2})
    summary = summarise_finish(
        SessionOutcome(EndReason.FINISHED, 0, 300, DONE), ROUTINE, store, sid, TODAY
    )
    # Tingling was only rated before: nothing to say about this session.
    assert summary.feelings == ("Pain: 6 before, 4 after", "Numbness: 2 after")


def test_ratings_by_area_name_the_area_and_none_after_says_nothing() -> None:
    by_area = [
        Rating("before", "pain", "hands", 5),
        Rating("before", "pain", "feet", 7),
        Rating("after", "pain", "hands", 3),
        Rating("after", "pain", "feet", 7),
    ]
    assert feelings_words(by_area) == (
        "Pain in your hands: 5 before, 3 after",
        "Pain in your feet: 7 before, 7 after",
    )
    assert feelings_words([Rating("before", "pain", "all", 5)]) == ()


def test_not_saved_says_so_and_no_figures() -> None:
    outcome = SessionOutcome(EndReason.FINISHED, 0, 300, DONE)
    summary = summarise_finish(outcome, ROUTINE, None, None, TODAY)
    assert summary.saved == NOT_SAVED_WORDS
    assert summary.progress is None and summary.feelings == ()
    assert summary.reward is Reward.SUN  # the exercise was done all the same


def test_a_session_not_read_back_or_not_ended_gives_no_streak(store: HistoryStore) -> None:
    outcome = SessionOutcome(EndReason.FINISHED, 0, 300, DONE)
    add_session(store, NOON - timedelta(days=1), 10)
    unended = store.begin_session("t", "Test", NOON, 2)  # its end still waiting to be written
    assert summarise_finish(outcome, ROUTINE, store, unended, TODAY).progress is None
    assert summarise_finish(outcome, ROUTINE, store, 999, TODAY).progress is None


def test_a_history_that_cannot_be_read_says_less_and_does_not_crash(tmp_path: Path) -> None:
    class Broken(HistoryStore):
        def sessions(self, limit: int | None = None):  # type: ignore[no-untyped-def]
            raise sqlite3.OperationalError("disk I/O error")

        def ratings(self, session_id: int):  # type: ignore[no-untyped-def]
            raise sqlite3.OperationalError("disk I/O error")

    store = Broken(tmp_path / "history.db")
    try:
        outcome = SessionOutcome(EndReason.FINISHED, 0, 300, DONE)
        summary = summarise_finish(outcome, ROUTINE, store, 1, TODAY)
    finally:
        store.close()
    assert summary.progress is None and summary.feelings == ()
    assert summary.heading == "Well done! Routine complete."
