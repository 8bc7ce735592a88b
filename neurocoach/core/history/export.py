"""The history as a CSV file: one row per session, with its check-in ratings as columns.

For a spreadsheet or a clinician's own tools. Times are local, as the user lived them.
"""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

from neurocoach.core.history.progress import SYMPTOMS, minutes
from neurocoach.core.history.store import HistoryStore, Rating, SessionSummary

RATING_AREAS = ("all", "hands", "feet")
BASE_COLUMNS = (
    "session",
    "started",
    "ended",
    "routine_id",
    "routine",
    "minutes",
    "result",
    "steps_done",
    "steps",
)
RATING_COLUMNS = tuple(
    f"{symptom}{'' if area == 'all' else '_' + area}_{moment}"
    for symptom in SYMPTOMS
    for area in RATING_AREAS
    for moment in ("before", "after")
)
COLUMNS = BASE_COLUMNS + RATING_COLUMNS


def result_word(session: SessionSummary) -> str:
    return session.end_reason or "interrupted"


def rating_cells(ratings: list[Rating]) -> dict[str, int]:
    cells = {}
    for rating in ratings:
        area = "" if rating.area == "all" else "_" + rating.area
        cells[f"{rating.symptom}{area}_{rating.moment}"] = rating.value
    return cells


def _local(when: datetime | None) -> str:
    return when.astimezone().isoformat(timespec="minutes") if when else ""


def write_csv(store: HistoryStore, path: Path, since: datetime | None = None) -> int:
    """Write the sessions (since a time, oldest first) to `path`; returns how many."""
    sessions = [s for s in reversed(store.sessions()) if since is None or s.started_at >= since]
    ratings = store.ratings_by_session()
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=COLUMNS)
        writer.writeheader()
        for session in sessions:
            row: dict[str, object] = {
                "session": session.id,
                "started": _local(session.started_at),
                "ended": _local(session.ended_at),
                "routine_id": session.routine_id,
                "routine": session.routine_title,
                "minutes": f"{minutes(session):.1f}",
                "result": result_word(session),
                "steps_done": session.steps_done,
                "steps": session.step_count,
            }
            row.update(rating_cells(ratings.get(session.id, [])))
            writer.writerow(row)
    return len(sessions)
