"""The history of sessions, kept in SQLite in the user's data directory.

Every completed step is committed when it happens (WAL journal, one transaction per event),
so a crash or a closed window loses at most the step in progress. A session whose end was
never written (the app was killed) reads back as interrupted.

What it reads may have been damaged or edited by hand, so nothing read is trusted: a row that
cannot be used (a date that is not a date, a word where a number belongs) is left out and
counted (`skipped_rows`), and a file that cannot be used as a history is set aside unchanged.
"""

from __future__ import annotations

import json
import logging
import math
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from neurocoach.core.foot_check import QUESTIONS, FootCheck, answers_from
from neurocoach.core.history.schema import (
    BUSY_TIMEOUT_SECONDS,
    MIGRATIONS,
    SCHEMA_VERSION,
    check,
    check_unchanged,
    is_busy,
    refuse_newer,
    version_on_disk,
)
from neurocoach.core.self_checks.measures import MEASURES, SelfCheckResult
from neurocoach.core.session.records import EndReason, StepRecord

_log = logging.getLogger(__name__)

_STEP_OK = (
    "typeof(st.step_index) = 'integer' AND typeof(st.title) = 'text'"
    " AND typeof(st.planned_hold_seconds) IN ('integer', 'real')"
    " AND st.planned_hold_seconds BETWEEN 0 AND 1e9"
    " AND typeof(st.actual_hold_seconds) IN ('integer', 'real')"
    " AND st.actual_hold_seconds BETWEEN 0 AND 1e9"
    " AND typeof(st.reps_planned) = 'integer' AND typeof(st.reps_done) = 'integer'"
    " AND typeof(st.skipped) = 'integer' AND st.skipped IN (0, 1)"
)
_RATING_OK = (
    "r.moment IN ('before', 'after') AND typeof(r.symptom) = 'text'"
    " AND typeof(r.area) = 'text' AND typeof(r.value) = 'integer' AND r.value BETWEEN 0 AND 10"
)

# A self-check row of the right kinds; its time, measure and detail are checked as they are read.
_SELF_CHECK_OK = (
    "typeof(c.taken_at) = 'text' AND typeof(c.measure) = 'text'"
    " AND typeof(c.value) IN ('integer', 'real') AND typeof(c.detail) = 'text'"
)


@dataclass(frozen=True)
class Rating:
    """One symptom rating on the 0-10 scale, before or after a session."""

    moment: str  # "before" or "after"
    symptom: str  # "pain", "tingling", "numbness"
    area: str  # "all", "hands" or "feet"
    value: int


@dataclass(frozen=True)
class SessionSummary:
    """One past session as the History view lists it."""

    id: int
    routine_id: str
    routine_title: str
    started_at: datetime
    ended_at: datetime | None
    end_reason: str | None  # None: the app never wrote an end (it was killed)
    step_count: int
    steps_done: int
    actual_hold_seconds: float

    @property
    def finished(self) -> bool:
        return self.end_reason == EndReason.FINISHED.value

    @property
    def duration_seconds(self) -> float | None:
        if self.ended_at is None:
            return None
        return (self.ended_at - self.started_at).total_seconds()


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class HistoryStore:
    """Reads and writes the session history database."""

    def __init__(self, path: Path, busy_timeout: float = BUSY_TIMEOUT_SECONDS) -> None:
        self.path = path
        self.busy_timeout = busy_timeout
        # Rows left out because they could not be used, as (table, rowid): see skipped_rows.
        self._skipped: set[tuple[str, int]] = set()
        self.read_problem: str | None = None  # the last error met while reading, in words
        checked = str(path) == ":memory:" or not path.exists() or path.stat().st_size == 0
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
            refuse_newer(path, version_on_disk(path, busy_timeout))
            if not checked:
                checked = check_unchanged(path, busy_timeout)
        self._db = sqlite3.connect(str(path), isolation_level=None, timeout=busy_timeout)
        try:
            self._db.execute("PRAGMA foreign_keys = ON")
            # Read before anything is written: even choosing the journal writes to the file.
            version = check(self._db, path, full=not checked)
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            if version < SCHEMA_VERSION:
                self._migrate(version)
        except BaseException:
            self._db.close()
            raise

    @property
    def skipped_rows(self) -> int:
        """How many rows read so far could not be used and were left out."""
        return len(self._skipped)

    def unread_words(self) -> str | None:
        """What could not be read, in plain words for the History window (None: all of it)."""
        parts = []
        if self._skipped:
            count = len(self._skipped)
            entries, are = ("entry", "is") if count == 1 else ("entries", "are")
            parts.append(f"{count} saved {entries} could not be read and {are} left out.")
        if self.read_problem:
            parts.append(f"Part of your history could not be read just now ({self.read_problem}).")
        return " ".join(parts) or None

    def _migrate(self, version: int) -> None:
        """Bring an older database up to date, after keeping a copy of it as it was."""
        if version > 0:
            backup = self.path.with_name(f"{self.path.name}.v{version}.bak")
            target = sqlite3.connect(str(backup))
            with target:
                self._db.backup(target)
            target.close()
        for number in range(version + 1, SCHEMA_VERSION + 1):
            self._db.execute("BEGIN")
            try:
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {number}")
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _writing(self) -> Iterator[None]:
        """One transaction; a file another program holds is said to be in use, in words."""
        try:
            with self._db:
                yield
        except sqlite3.OperationalError as error:
            if is_busy(error):
                raise sqlite3.OperationalError(
                    f"the history is in use by another program ({error})"
                ) from error
            raise

    def _read(self, sql: str, parameters: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        """Rows of a query; an error (a damaged page, a lock held too long) reads as none."""
        try:
            rows: list[tuple[object, ...]] = self._db.execute(sql, parameters).fetchall()
        except sqlite3.DatabaseError as error:
            _log.warning("history: could not read %s: %s", self.path, error)
            self.read_problem = str(error)
            return []
        return rows

    def _skip(self, table: str, rowid: object) -> None:
        self._skipped.add((table, rowid if isinstance(rowid, int) else -1))

    def begin_session(
        self, routine_id: str, routine_title: str, started_at: datetime, step_count: int
    ) -> int:
        with self._writing():
            cursor = self._db.execute(
                "INSERT INTO sessions (routine_id, routine_title, started_at, step_count)"
                " VALUES (?, ?, ?, ?)",
                (routine_id, routine_title, _iso(started_at), step_count),
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def record_step(self, session_id: int, record: StepRecord) -> None:
        """Write (or rewrite, after Previous) what was done for one step, committed at once."""
        with self._writing():
            self._db.execute(
                "INSERT OR REPLACE INTO session_steps (session_id, step_index, title,"
                " planned_hold_seconds, actual_hold_seconds, reps_planned, reps_done, skipped)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    session_id,
                    record.step_index,
                    record.title,
                    record.planned_hold_seconds,
                    record.actual_hold_seconds,
                    record.reps_planned,
                    record.reps_done,
                    int(record.skipped),
                ),
            )

    def end_session(self, session_id: int, ended_at: datetime, reason: EndReason) -> None:
        with self._writing():
            self._db.execute(
                "UPDATE sessions SET ended_at = ?, end_reason = ? WHERE id = ?",
                (_iso(ended_at), reason.value, session_id),
            )

    def sessions(self, limit: int | None = None) -> list[SessionSummary]:
        """Past sessions, newest first; a session that cannot be read is left out."""
        rows = self._read(
            "SELECT s.rowid, s.id, s.routine_id, s.routine_title, s.started_at, s.ended_at,"
            " s.end_reason, s.step_count,"
            f" COALESCE(SUM(CASE WHEN {_STEP_OK} AND st.skipped = 0 THEN 1 ELSE 0 END), 0),"
            f" COALESCE(SUM(CASE WHEN {_STEP_OK} THEN st.actual_hold_seconds END), 0.0),"
            f" group_concat(CASE WHEN NOT ({_STEP_OK}) THEN st.rowid END)"
            " FROM sessions s LEFT JOIN session_steps st ON st.session_id = s.id GROUP BY s.rowid"
        )
        found = []
        for row in rows:
            for bad_step in str(row[10] or "").split(","):
                if bad_step.isdigit():
                    self._skip("session_steps", int(bad_step))
            summary = _summary(row[1:10])
            if summary is None:
                self._skip("sessions", row[0])
            else:
                found.append(summary)
        found.sort(key=lambda s: (s.started_at, s.id), reverse=True)
        return found if limit is None else found[:limit]

    def save_ratings(
        self, session_id: int, moment: str, values: dict[tuple[str, str], int]
    ) -> None:
        """Keep a check-in: {(symptom, area): 0-10}; a second check-in replaces the first."""
        with self._writing():
            self._db.execute(
                "DELETE FROM ratings WHERE session_id = ? AND moment = ?", (session_id, moment)
            )
            self._db.executemany(
                "INSERT INTO ratings (session_id, moment, symptom, area, value)"
                " VALUES (?, ?, ?, ?, ?)",
                [(session_id, moment, s, a, int(v)) for (s, a), v in values.items()],
            )

    def ratings(self, session_id: int) -> list[Rating]:
        rows = self._read(
            f"SELECT r.rowid, {_RATING_OK}, r.moment, r.symptom, r.area, r.value FROM ratings r"
            " WHERE r.session_id = ? ORDER BY r.moment DESC, r.symptom, r.area",
            (session_id,),
        )
        return [rating for _, rating in self._ratings(rows)]

    def rating_history(self) -> list[tuple[datetime, Rating]]:
        """Every rating with its session's start, oldest first: for charts and reports."""
        rows = self._read(
            f"SELECT r.rowid, {_RATING_OK}, r.moment, r.symptom, r.area, r.value,"
            " s.rowid, s.started_at FROM ratings r JOIN sessions s ON s.id = r.session_id"
            " ORDER BY r.moment DESC"
        )
        found = []
        for row, rating in self._ratings(rows):
            when = _parse_time(row[7])
            if when is None:
                self._skip("sessions", row[6])
            else:
                found.append((when, rating))
        found.sort(key=lambda pair: pair[0])  # stable: "before" stays ahead of "after"
        return found

    def ratings_by_session(self) -> dict[int, list[Rating]]:
        """All ratings, grouped by session, in one query (for the History list)."""
        grouped: dict[int, list[Rating]] = {}
        rows = self._read(
            f"SELECT r.rowid, {_RATING_OK}, r.moment, r.symptom, r.area, r.value,"
            " r.session_id FROM ratings r ORDER BY r.session_id, r.moment DESC, r.symptom, r.area"
        )
        for row, rating in self._ratings(rows):
            if isinstance(row[6], int):
                grouped.setdefault(row[6], []).append(rating)
        return grouped

    def _ratings(
        self, rows: list[tuple[object, ...]]
    ) -> Iterator[tuple[tuple[object, ...], Rating]]:
        """Rows of (rowid, usable, moment, symptom, area, value, ...) as ratings, bad ones out."""
        for row in rows:
            if row[1]:
                yield row, Rating(str(row[2]), str(row[3]), str(row[4]), int(row[5]))  # type: ignore[call-overload]
            else:
                self._skip("ratings", row[0])

    # --- the foot check ------------------------------------------------------------------
    def save_foot_check(self, check: FootCheck) -> None:
        """Keep a new set of answers; the earlier ones stay, for the clinician's report."""
        keys = [question.key for question in QUESTIONS]
        with self._writing():
            self._db.execute(
                f"INSERT INTO foot_checks (answered_at, {', '.join(keys)})"
                f" VALUES (?{', ?' * len(keys)})",
                (_iso(check.answered_at), *(int(check.answer(key)) for key in keys)),
            )

    def foot_checks(self) -> list[FootCheck]:
        """Every set of answers, oldest first (a row that cannot be read is left out)."""
        keys = [question.key for question in QUESTIONS]
        rows = self._read(f"SELECT rowid, answered_at, {', '.join(keys)} FROM foot_checks")
        found = []
        for rowid, answered_at, *answers in rows:
            when = _parse_time(answered_at)
            if when is None or any(answer not in (0, 1) for answer in answers):
                self._skip("foot_checks", rowid)
                continue
            found.append(answers_from(dict(zip(keys, map(bool, answers), strict=True)), when))
        found.sort(key=lambda check: check.answered_at)
        return found

    def foot_check(self) -> FootCheck | None:
        """The latest answers, or None if the foot check was never answered."""
        checks = self.foot_checks()
        return checks[-1] if checks else None

    # --- the self-checks -----------------------------------------------------------------
    def save_self_check(self, result: SelfCheckResult) -> None:
        """Keep one result; every earlier one stays, for the History view and the report."""
        self.save_self_checks([result])

    def save_self_checks(self, results: list[SelfCheckResult]) -> None:
        """Keep results taken together (both hands' tapping) in one transaction: both or none."""
        rows = [_self_check_row(result) for result in results]  # refused before any is written
        with self._writing():
            self._db.executemany(
                "INSERT INTO self_checks (taken_at, measure, value, detail) VALUES (?, ?, ?, ?)",
                rows,
            )

    def self_checks(self, measure: str | None = None) -> list[SelfCheckResult]:
        """Every result (of one measure, or of all), oldest first; a row that cannot be used
        (a time that is not one, a measure this version does not know, a detail that is not
        a JSON object) is left out and counted."""
        sql = (
            f"SELECT c.rowid, {_SELF_CHECK_OK}, c.taken_at, c.measure, c.value, c.detail"
            " FROM self_checks c"
        )
        rows = self._read(sql + " WHERE c.measure = ?", (measure,)) if measure else self._read(sql)
        found = []
        for rowid, usable, taken_at, key, value, detail in rows:
            result = _self_check(taken_at, key, value, detail) if usable else None
            if result is None:
                self._skip("self_checks", rowid)
            else:
                found.append(result)
        found.sort(key=lambda result: result.taken_at)  # stable: as saved, within one time
        return found

    def delete_session(self, session_id: int) -> None:
        """Remove a session with its steps and ratings."""
        with self._writing():
            self._db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    def steps(self, session_id: int) -> list[StepRecord]:
        rows = self._read(
            f"SELECT st.rowid, {_STEP_OK}, st.step_index, st.title, st.planned_hold_seconds,"
            " st.reps_planned, st.actual_hold_seconds, st.reps_done, st.skipped"
            " FROM session_steps st WHERE st.session_id = ? ORDER BY st.step_index",
            (session_id,),
        )
        found = []
        for r in rows:
            if not r[1]:
                self._skip("session_steps", r[0])
                continue
            found.append(
                StepRecord(
                    r[2],  # type: ignore[arg-type]
                    r[3],  # type: ignore[arg-type]
                    r[4],  # type: ignore[arg-type]
                    r[5],  # type: ignore[arg-type]
                    actual_hold_seconds=r[6],  # type: ignore[arg-type]
                    reps_done=r[7],  # type: ignore[arg-type]
                    skipped=bool(r[8]),
                )
            )
        return found


def _iso(when: datetime) -> str:
    if when.tzinfo is None:
        raise ValueError("history times must carry a time zone")
    return when.astimezone(timezone.utc).isoformat(timespec="milliseconds")


def _parse_time(value: object) -> datetime | None:
    """A time read back, or None when it is not one (times without a zone are UTC's)."""
    if not isinstance(value, str):
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    # Far from now, a date cannot be shown in local time or counted in weeks without overflowing.
    return when if 1900 <= when.year <= 9000 else None


def _self_check_row(result: SelfCheckResult) -> tuple[str, str, float, str]:
    """A result as it is written; one no reader could use again is refused, not stored."""
    if result.measure not in MEASURES or not math.isfinite(result.value):
        raise ValueError(f"not a self-check result that can be kept: {result!r}")
    detail = json.dumps(result.detail, ensure_ascii=False, allow_nan=False)
    return (_iso(result.taken_at), result.measure, float(result.value), detail)


def _self_check(
    taken_at: object, measure: object, value: object, detail: object
) -> SelfCheckResult | None:
    """A self-check read back (its kinds already checked in SQL), or None if unusable."""
    when = _parse_time(taken_at)
    if when is None or measure not in MEASURES or not isinstance(value, (int, float)):
        return None
    if not math.isfinite(value) or not isinstance(detail, str):
        return None
    try:
        found = json.loads(detail)
    except (ValueError, RecursionError):  # not JSON, or nested past Python's depth
        return None
    if not isinstance(found, dict):
        return None
    return SelfCheckResult(str(measure), when.astimezone(timezone.utc), float(value), found)


def _summary(row: tuple[object, ...]) -> SessionSummary | None:
    """A session read back: (id, routine id, title, start, end, reason, steps, done, held)."""
    sid, routine_id, title, started_text, ended_text, reason, count, done, held = row
    started = _parse_time(started_text)
    ended = None if ended_text is None else _parse_time(ended_text)
    if (
        not isinstance(sid, int)
        or not isinstance(routine_id, str)
        or not isinstance(title, str)
        or started is None
        or (ended_text is not None and (ended is None or ended < started))
        or not (reason is None or isinstance(reason, str))
        or not isinstance(count, int)
        or not isinstance(done, int)
        or not isinstance(held, (int, float))
        or not math.isfinite(held)
    ):
        return None
    return SessionSummary(sid, routine_id, title, started, ended, reason, count, done, float(held))
