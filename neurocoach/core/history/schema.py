"""The history file's schema and the checks made before anything writes to it.

The migrations that build each version, and what a file must hold to be used as a history:
a version this NeuroCoach knows, SQLite's own check, and each table with the columns the
migrations make. The checks read only (a file found unusable is set aside as it was), and
SQLite's errors are sorted into what to do: wait (busy), blame the folder, or set aside.
"""

from __future__ import annotations

import functools
import sqlite3
from pathlib import Path

SCHEMA_VERSION = 4
# How long to wait for another program (a second NeuroCoach, a backup tool) to finish with the
# file before giving up: SQLite's busy timeout.
BUSY_TIMEOUT_SECONDS = 5.0

# Each entry takes the database from the version before it to its own version. Never edit one
# that has shipped: add the next.
MIGRATIONS: dict[int, str] = {
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
    3: """
    CREATE TABLE foot_checks (
        answered_at TEXT NOT NULL,
        wound INTEGER NOT NULL CHECK (wound IN (0, 1)),
        hot_swollen INTEGER NOT NULL CHECK (hot_swollen IN (0, 1)),
        cannot_feel_warmth INTEGER NOT NULL CHECK (cannot_feel_warmth IN (0, 1)),
        high_risk INTEGER NOT NULL CHECK (high_risk IN (0, 1))
    );
    """,
    # The self-checks: one row per measure's result (a tapping test gives two, one per hand).
    # `detail` is JSON text (each trial, each answer), kept so a later version can show more.
    4: """
    CREATE TABLE self_checks (
        taken_at TEXT NOT NULL,
        measure TEXT NOT NULL,
        value REAL NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX self_checks_by_measure ON self_checks (measure, taken_at);
    """,
}


class NewerHistoryError(RuntimeError):
    """The database was written by a newer NeuroCoach: it is left untouched."""


class DamagedHistoryError(sqlite3.DatabaseError):
    """A file SQLite can read that is not a usable history (tables missing or different)."""


# A row of each table that can be used, as SQL, so a session's totals and its steps agree.
def version_on_disk(path: Path, busy_timeout: float = BUSY_TIMEOUT_SECONDS) -> int | None:
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
        db = _read_only(path, busy_timeout)
    except (sqlite3.Error, ValueError):
        return None
    try:
        return int(db.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.Error:
        return None
    finally:
        db.close()


def _read_only(path: Path, busy_timeout: float) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=busy_timeout)


def check_unchanged(path: Path, busy_timeout: float) -> bool:
    """Check an existing file on a read-only connection, so a file found unusable is set aside
    exactly as it was (a connection that can write would fold its log in on closing).

    False when a read-only connection cannot tell: a journal left by a crash must be played
    back first (SQLite does that on the connection that can write, which then checks).
    """
    made = [Path(f"{path}{suffix}") for suffix in ("-wal", "-shm")]
    made = [side for side in made if not side.exists()]
    try:
        db = _read_only(path, busy_timeout)
    except sqlite3.Error:
        return False
    try:
        check(db, path, full=True)
    except sqlite3.Error as error:
        db.close()
        if error_code(error) in (_CANTOPEN, _READONLY):
            return False
        if not is_busy(error):  # it is set aside as it was: without our empty log beside it
            for side in made:
                side.unlink(missing_ok=True)
        raise
    db.close()
    return True


def check(db: sqlite3.Connection, path: Path, full: bool) -> int:
    """The schema version, after making sure the file is a history this version can use."""
    version = int(db.execute("PRAGMA user_version").fetchone()[0])
    refuse_newer(path, version)
    if not full:
        return version
    check = db.execute("PRAGMA quick_check").fetchone()[0]
    if check != "ok":
        raise DamagedHistoryError(f"the database is damaged: {check}")
    present = dict(db.execute("SELECT name, type FROM sqlite_master").fetchall())
    if version <= 0:
        if any(not str(name).startswith("sqlite_") for name in present):
            raise DamagedHistoryError("it holds tables, but no history version")
        return version
    for table, columns in _tables_at(version).items():
        if present.get(table) != "table":
            raise DamagedHistoryError(f"the table {table} is missing")
        if _columns(db, table) != columns:
            raise DamagedHistoryError(f"the table {table} does not have the expected columns")
        db.execute(f"SELECT rowid FROM {table} LIMIT 0")  # rows are counted by their rowid
    return version


@functools.cache
def _tables_at(version: int) -> dict[str, frozenset[tuple[object, ...]]]:
    """Each table with its columns, as the migrations up to `version` make them."""
    db = sqlite3.connect(":memory:")
    try:
        for number in range(1, version + 1):
            db.executescript(MIGRATIONS[number])
        names = [
            row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        return {name: _columns(db, name) for name in names}
    finally:
        db.close()


def _columns(db: sqlite3.Connection, table: str) -> frozenset[tuple[object, ...]]:
    """Each column's name, type, NOT NULL and place in the key: what reading relies on."""
    return frozenset(
        (name, str(kind).upper(), notnull, key)
        for _, name, kind, notnull, _default, key in db.execute(f"PRAGMA table_info({table})")
    )


# SQLite's primary result codes, the ones that say what to do.
_PERM, _BUSY, _LOCKED, _READONLY, _IOERR, _FULL, _CANTOPEN = 3, 5, 6, 8, 10, 13, 14


def error_code(error: BaseException) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def is_busy(error: BaseException) -> bool:
    """Another program holds the file (past the busy timeout)."""
    return error_code(error) in (_BUSY, _LOCKED)


def is_folder_problem(error: BaseException) -> bool:
    """The folder or the disk, not the file, is at fault: nothing to set aside."""
    return isinstance(error, OSError) or error_code(error) in (
        _PERM,
        _READONLY,
        _IOERR,
        _FULL,
        _CANTOPEN,
    )


def refuse_newer(path: Path, version: int | None) -> None:
    if version is not None and version > SCHEMA_VERSION:
        raise NewerHistoryError(
            f"{path} was written by a newer NeuroCoach (schema {version}); it is left as it is"
        )
