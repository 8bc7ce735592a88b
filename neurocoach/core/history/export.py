"""The history as a CSV file: one row per session, with its check-in ratings as columns;
then, after an empty row, a second table of the self-checks, one row per result.

For a spreadsheet or a clinician's own tools. Times are local, as the user lived them. The
self-check table is written only when there are self-checks in the period, so a file of
sessions alone reads exactly as before; its header's first cell ("Self-check date") tells a
program reading row by row where the second table starts.
"""

from __future__ import annotations

import csv
import json
from datetime import datetime
from pathlib import Path

from neurocoach.core.history.progress import SYMPTOMS, minutes
from neurocoach.core.history.store import HistoryStore, Rating, SessionSummary
from neurocoach.core.self_checks.measures import SelfCheckResult

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
SELF_CHECK_COLUMNS = ("Self-check date", "Measure", "Value", "Unit", "Detail")


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


def self_check_cells(result: SelfCheckResult) -> list[str]:
    """One self-check as a row: its date, the measure's name, the value, unit, detail (JSON)."""
    about = result.about
    detail = json.dumps(result.detail, ensure_ascii=False, sort_keys=True)
    return [_local(result.taken_at), about.name, f"{result.value:g}", about.unit, detail]


def write_csv(store: HistoryStore, path: Path, since: datetime | None = None) -> int:
    """Write the sessions (since a time, oldest first) to `path`, then the self-checks since
    the same time; returns how many sessions."""
    sessions = [s for s in reversed(store.sessions()) if since is None or s.started_at >= since]
    ratings = store.ratings_by_session()
    checks = [c for c in store.self_checks() if since is None or c.taken_at >= since]
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
        if checks:
            rows = csv.writer(stream)
            rows.writerow([])
            rows.writerow(SELF_CHECK_COLUMNS)
            rows.writerows(self_check_cells(check) for check in checks)
    return len(sessions)
