"""The history of sessions, kept in SQLite in the user's data directory.

Every completed step is committed when it happens (WAL journal, one transaction per event),
so a crash or a closed window loses at most the step in progress. A session whose end was
never written (the app was killed) reads back as interrupted.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from neurocoach.core.session.records import EndReason, StepRecord

SCHEMA_VERSION = 2
# Where this version keeps its sessions when the history was saved by a newer one.
OLDER_VERSION_FILE = "history-older-version.sqlite3"

_log = logging.getLogger(__name__)

# Each entry takes the database from the version before it to its own version. Never edit one
# that has shipped: add the next.
_MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        routine_id TEXT NOT NULL,
        routine_title TEXT NOT NULL,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        end_reason TEXT,
        step_count INTEGER NOT NULL
    );
    CREATE INDEX sessions_by_start ON sessions (started_at);
    CREATE TABLE session_steps (
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        step_index INTEGER NOT NULL,
        title TEXT NOT NULL,
        planned_hold_seconds REAL NOT NULL,
        actual_hold_seconds REAL NOT NULL,
        reps_planned INTEGER NOT NULL,
        reps_done INTEGER NOT NULL,
        skipped INTEGER NOT NULL,
        PRIMARY KEY (session_id, step_index)
    );
    """,
    2: """
    CREATE TABLE ratings (
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        moment TEXT NOT NULL CHECK (moment IN ('before', 'after')),
        symptom TEXT NOT NULL,
        area TEXT NOT NULL,
        value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10),
        PRIMARY KEY (session_id, moment, symptom, area)
    );
    """,
}


class NewerHistoryError(RuntimeError):
    """The database was written by a newer NeuroCoach: it is left untouched."""


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

    def __init__(self, path: Path) -> None:
        self.path = path
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
            _refuse_newer(path, _version_on_disk(path))
        self._db = sqlite3.connect(str(path), isolation_level=None)
        try:
            self._db.execute("PRAGMA foreign_keys = ON")
            # Read before anything is written: even choosing the journal writes to the file.
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            _refuse_newer(path, version)
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            check = self._db.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise sqlite3.DatabaseError(f"the database is damaged: {check}")
            if version < SCHEMA_VERSION:
                self._migrate(version)
        except BaseException:
            self._db.close()
            raise

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
                for statement in _MIGRATIONS[number].split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {number}")
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def close(self) -> None:
        self._db.close()

    def begin_session(
        self, routine_id: str, routine_title: str, started_at: datetime, step_count: int
    ) -> int:
        with self._db:
            cursor = self._db.execute(
                "INSERT INTO sessions (routine_id, routine_title, started_at, step_count)"
                " VALUES (?, ?, ?, ?)",
                (routine_id, routine_title, _iso(started_at), step_count),
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def record_step(self, session_id: int, record: StepRecord) -> None:
        """Write (or rewrite, after Previous) what was done for one step, committed at once."""
        with self._db:
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
        with self._db:
            self._db.execute(
                "UPDATE sessions SET ended_at = ?, end_reason = ? WHERE id = ?",
                (_iso(ended_at), reason.value, session_id),
            )

    def sessions(self, limit: int | None = None) -> list[SessionSummary]:
        """Past sessions, newest first."""
        rows = self._db.execute(
            "SELECT s.id, s.routine_id, s.routine_title, s.started_at, s.ended_at, s.end_reason,"
            " s.step_count,"
            " COALESCE(SUM(CASE WHEN st.skipped = 0 THEN 1 ELSE 0 END), 0),"
            " COALESCE(SUM(st.actual_hold_seconds), 0.0)"
            " FROM sessions s LEFT JOIN session_steps st ON st.session_id = s.id"
            " GROUP BY s.id ORDER BY s.started_at DESC, s.id DESC LIMIT ?",
            (-1 if limit is None else limit,),
        ).fetchall()
        return [
            SessionSummary(
                id=row[0],
                routine_id=row[1],
                routine_title=row[2],
                started_at=_parse(row[3]),
                ended_at=_parse(row[4]) if row[4] else None,
                end_reason=row[5],
                step_count=row[6],
                steps_done=row[7],
                actual_hold_seconds=row[8],
            )
            for row in rows
        ]

    def save_ratings(
        self, session_id: int, moment: str, values: dict[tuple[str, str], int]
    ) -> None:
        """Keep a check-in: {(symptom, area): 0-10}; a second check-in replaces the first."""
        with self._db:
            self._db.execute(
                "DELETE FROM ratings WHERE session_id = ? AND moment = ?", (session_id, moment)
            )
            self._db.executemany(
                "INSERT INTO ratings (session_id, moment, symptom, area, value)"
                " VALUES (?, ?, ?, ?, ?)",
                [(session_id, moment, s, a, int(v)) for (s, a), v in values.items()],
            )

    def ratings(self, session_id: int) -> list[Rating]:
        rows = self._db.execute(
            "SELECT moment, symptom, area, value FROM ratings WHERE session_id = ?"
            " ORDER BY moment DESC, symptom, area",
            (session_id,),
        ).fetchall()
        return [Rating(*row) for row in rows]

    def rating_history(self) -> list[tuple[datetime, Rating]]:
        """Every rating with its session's start, oldest first: for charts and reports."""
        rows = self._db.execute(
            "SELECT s.started_at, r.moment, r.symptom, r.area, r.value FROM ratings r"
            " JOIN sessions s ON s.id = r.session_id ORDER BY s.started_at, r.moment DESC"
        ).fetchall()
        return [(_parse(row[0]), Rating(*row[1:])) for row in rows]

    def ratings_by_session(self) -> dict[int, list[Rating]]:
        """All ratings, grouped by session, in one query (for the History list)."""
        grouped: dict[int, list[Rating]] = {}
        for row in self._db.execute(
            "SELECT session_id, moment, symptom, area, value FROM ratings"
            " ORDER BY session_id, moment DESC, symptom, area"
        ):
            grouped.setdefault(row[0], []).append(Rating(*row[1:]))
        return grouped

    def delete_session(self, session_id: int) -> None:
        """Remove a session with its steps and ratings."""
        with self._db:
            self._db.execute("DELETE FROM sessions WHERE id = ?", (session_id,))

    def steps(self, session_id: int) -> list[StepRecord]:
        rows = self._db.execute(
            "SELECT step_index, title, planned_hold_seconds, reps_planned, actual_hold_seconds,"
            " reps_done, skipped FROM session_steps WHERE session_id = ? ORDER BY step_index",
            (session_id,),
        ).fetchall()
        return [
            StepRecord(
                r[0], r[1], r[2], r[3], actual_hold_seconds=r[4], reps_done=r[5], skipped=bool(r[6])
            )
            for r in rows
        ]


def _version_on_disk(path: Path) -> int | None:
    """The schema version of an existing database, read without changing a byte of it.

    Even a plain connection that only reads can change a file: by rolling back a journal left
    behind, or by folding the write-ahead log in, and leaving files beside it. So the version
    is read from the file's header (SQLite's file format keeps it at offset 60); only when a
    write-ahead log holds newer changes is it asked of SQLite, on a read-only connection.
    None when there is no database to read: opening it for real then says what is wrong.
    """
    try:
        with path.open("rb") as stream:
            header = stream.read(100)
    except OSError:
        return None
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return None
    log = path.with_name(f"{path.name}-wal")
    if not (log.is_file() and log.stat().st_size > 0):
        return int.from_bytes(header[60:64], "big", signed=True)
    try:
        db = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except (sqlite3.Error, ValueError):
        return None
    try:
        return int(db.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.Error:
        return None
    finally:
        db.close()


def _refuse_newer(path: Path, version: int | None) -> None:
    if version is not None and version > SCHEMA_VERSION:
        raise NewerHistoryError(
            f"{path} was written by a newer NeuroCoach (schema {version}); it is left as it is"
        )


def _iso(when: datetime) -> str:
    if when.tzinfo is None:
        raise ValueError("history times must carry a time zone")
    return when.astimezone(timezone.utc).isoformat(timespec="milliseconds")


def _parse(text: str) -> datetime:
    return datetime.fromisoformat(text)


def open_history(path: Path) -> tuple[HistoryStore, str | None]:
    """Open the history; if it cannot be used, carry on with another one, and say so.

    Nothing is ever deleted: the damaged file (and its journal) is renamed with the time, so a
    helper can try to rescue it. A history from a newer version is not touched at all: this
    version keeps its sessions in a file of its own beside it.
    """
    try:
        return HistoryStore(path), None
    except NewerHistoryError:
        return _beside_newer(path)
    except (OSError, sqlite3.OperationalError) as error:
        if path.exists() and _is_damaged(path):
            return _start_afresh(path, error)
        message = (
            f"Your history folder {path.parent} cannot be written to ({error}). Sessions are "
            "kept only until NeuroCoach is closed; check the folder (or the disk) and restart."
        )
        return HistoryStore(Path(":memory:")), message
    except sqlite3.DatabaseError as error:
        return _start_afresh(path, error)


def _is_damaged(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return not stream.read(16).startswith(b"SQLite format 3")
    except OSError:
        return False


def _start_afresh(path: Path, error: Exception) -> tuple[HistoryStore, str]:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        part = Path(str(path) + suffix)
        if part.exists():
            part.rename(Path(str(kept) + suffix))
    message = (
        f"Your history could not be read ({error}), so a new, empty one has been started. "
        f"The old file is kept as {kept.name} in {path.parent}."
    )
    return HistoryStore(path), message


def _beside_newer(path: Path) -> tuple[HistoryStore, str]:
    """A history of this version's own next to a newer version's, reused on later starts.

    The newer version does not read it: its sessions stay there, out of the newer history.
    """
    side = path.with_name(OLDER_VERSION_FILE)
    left = (
        "Your history was saved by a newer version of NeuroCoach, so this version leaves it "
        "as it is."
    )
    try:
        store = HistoryStore(side)
    except (NewerHistoryError, OSError, sqlite3.Error) as error:
        _log.warning("cannot open %s beside a newer history: %s", side, error)
        return HistoryStore(Path(":memory:")), (
            f"{left} A separate file for today's sessions could not be made, so they are kept "
            "only until NeuroCoach is closed. Install the newer version again to see all your "
            "sessions."
        )
    return store, (
        f"{left} The sessions you do with this version are kept in a separate file, "
        f"{side.name}, in {side.parent}. Install the newer version again to see all the "
        "sessions it saved."
    )
