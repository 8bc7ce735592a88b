"""Damaged and odd histories, made here on purpose: each either opens, or is set aside byte for
byte and a fresh one started; reading never raises; a session done afterwards lands.

`VARIANTS` is shared with the UI test that opens the History window over each of them.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from neurocoach.core.history.recovery import open_history
from neurocoach.core.history.store import HistoryStore
from neurocoach.core.session.clock import ManualClock
from neurocoach.core.session.engine import SessionEngine
from neurocoach.core.session.recorder import SessionRecorder
from neurocoach.core.session.records import EndReason, StepRecord
from neurocoach.core.session.timeline import SessionOptions
from tests.unit.core.helpers import make_routine, step

T0 = datetime(2026, 11, 1, 9, 30, tzinfo=timezone.utc)
GOOD_SESSIONS = 40
PAGE = 4096


def good_history(path: Path, journal: str = "WAL") -> None:
    """A real history of several pages: sessions with steps and check-ins."""
    store = HistoryStore(path)
    for n in range(GOOD_SESSIONS):
        sid = store.begin_session("quick-hands", "Quick hands", T0 + timedelta(days=n), 3)
        for i in range(3):
            store.record_step(sid, StepRecord(i, f"Step {i} " + "x" * 80, 10, 2, 10.5, 2, False))
        store.save_ratings(sid, "before", {("pain", "all"): n % 11, ("numbness", "feet"): 3})
        store.end_session(sid, T0 + timedelta(days=n, minutes=5), EndReason.FINISHED)
    store.close()
    if journal != "WAL":
        db = sqlite3.connect(path)
        db.execute(f"PRAGMA journal_mode = {journal}")
        db.close()


def run_sql(path: Path, script: str) -> None:
    """Change a history by hand, past the checks its tables declare (as an editor could)."""
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA ignore_check_constraints = ON")
    db.executescript(script)
    db.close()


def good_then(script: str, journal: str = "WAL") -> Callable[[Path], None]:
    def build(path: Path) -> None:
        good_history(path, journal)
        run_sql(path, script)

    return build


def overwrite(path: Path, seed: int, pages: list[int] | None = None) -> None:
    """Random bytes over some pages (numbered from 1), the file's length unchanged."""
    rng = random.Random(seed)
    data = bytearray(path.read_bytes())
    count = len(data) // PAGE
    for page in pages or rng.sample(range(2, count + 1), 2):
        data[(page - 1) * PAGE : page * PAGE] = rng.randbytes(PAGE)
    path.write_bytes(bytes(data))


def random_pages(seed: int, pages: list[int] | None = None) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        good_history(path)
        overwrite(path, seed, pages)

    return build


def truncated(keep: Callable[[int], int]) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        good_history(path)
        data = path.read_bytes()
        path.write_bytes(data[: keep(len(data))])

    return build


def fresh_with(script: str) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        run_sql(path, script)

    return build


def side_file(suffix: str, content: Callable[[], bytes], journal: str = "WAL"):
    def build(path: Path) -> None:
        good_history(path, journal)
        Path(f"{path}{suffix}").write_bytes(content())

    return build


def hot_journal(path: Path) -> None:
    """A crash in the middle of a transaction of a rollback-journal history."""
    good_history(path, "DELETE")
    crashed = path.with_name("crashing.sqlite3")
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA cache_size = 1")  # spill to the file before the commit
    db.execute("BEGIN")
    db.execute("UPDATE session_steps SET title = 'half-written ' || title")
    shutil.copy(path, crashed)
    shutil.copy(f"{path}-journal", f"{crashed}-journal")
    db.execute("ROLLBACK")
    db.close()
    path.unlink()
    crashed.rename(path)
    Path(f"{crashed}-journal").rename(f"{path}-journal")


def directory(with_files: bool) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        path.mkdir()
        if with_files:
            (path / "notes.txt").write_text("someone's notes")

    return build


V1 = """
CREATE TABLE sessions (id INTEGER PRIMARY KEY, routine_id TEXT NOT NULL,
  routine_title TEXT NOT NULL, started_at TEXT NOT NULL, ended_at TEXT, end_reason TEXT,
  step_count INTEGER NOT NULL);
"""
STEPS = """
CREATE TABLE session_steps (session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE
  CASCADE, step_index INTEGER NOT NULL, title TEXT NOT NULL, planned_hold_seconds REAL NOT NULL,
  actual_hold_seconds REAL NOT NULL, reps_planned INTEGER NOT NULL, reps_done INTEGER NOT NULL,
  skipped INTEGER NOT NULL, PRIMARY KEY (session_id, step_index));
"""
RATINGS = """
CREATE TABLE ratings (session_id INTEGER NOT NULL, moment TEXT NOT NULL, symptom TEXT NOT NULL,
  area TEXT NOT NULL, value INTEGER NOT NULL, PRIMARY KEY (session_id, moment, symptom, area));
"""
LOOSE = """
CREATE TABLE sessions (id INTEGER, routine_id TEXT, routine_title TEXT, started_at TEXT,
  ended_at TEXT, end_reason TEXT, step_count INTEGER);
INSERT INTO sessions VALUES (1, 'a', 'A', '2026-11-01T09:00:00+00:00', NULL, NULL, 2),
  (2, NULL, 'A', '2026-11-01T09:00:00+00:00', NULL, NULL, 2), (NULL, 'a', 'A', NULL, NULL, NULL,
  NULL);
CREATE TABLE session_steps (session_id INTEGER, step_index INTEGER, title TEXT,
  planned_hold_seconds REAL, actual_hold_seconds REAL, reps_planned INTEGER, reps_done INTEGER,
  skipped INTEGER);
CREATE TABLE ratings (session_id INTEGER, moment TEXT, symptom TEXT, area TEXT, value INTEGER);
INSERT INTO ratings VALUES (1, 'before', 'pain', 'all', NULL);
PRAGMA user_version = 2;
"""
BAD_DATES = """
INSERT INTO sessions (routine_id, routine_title, started_at, step_count) VALUES
  ('x', 'Bad', 'yesterday', 1), ('x', 'Bad', '', 1), ('x', 'Bad', '2026-13-45T10:00:00+00:00', 1);
INSERT INTO sessions (routine_id, routine_title, started_at, ended_at, end_reason, step_count)
  VALUES ('x', 'Bad', '2026-11-02T10:00:00+00:00', 'never', 'finished', 1),
  ('x', 'Bad', '2026-11-02T10:00:00+00:00', '2026-11-01T10:00:00+00:00', 'finished', 1);
INSERT INTO ratings SELECT id, 'before', 'pain', 'all', 5 FROM sessions WHERE started_at = '';
"""
FAR_DATES = """
INSERT INTO sessions (routine_id, routine_title, started_at, step_count) VALUES
  ('x', 'Far', '0001-01-01T00:00:00+00:00', 1), ('x', 'Far', '9999-12-31T23:59:59+00:00', 1),
  ('x', 'No zone', '2026-11-03T10:00:00', 1);
"""
ODD_NULLS = """
INSERT INTO sessions (routine_id, routine_title, started_at, ended_at, end_reason, step_count)
  VALUES ('x', 'Ended, no reason', '2026-11-04T10:00:00+00:00', '2026-11-04T10:05:00+00:00',
  NULL, 1), ('x', 'Reason, no end', '2026-11-05T10:00:00+00:00', NULL, 'finished', 1);
"""
WRONG_TYPES = """
INSERT INTO sessions (routine_id, routine_title, started_at, ended_at, step_count) VALUES
  (X'0001', 'Blob id', '2026-11-02T10:00:00+00:00', NULL, 1),
  ('x', X'00ff', '2026-11-02T10:00:00+00:00', NULL, 1),
  ('x', 'Words for steps', '2026-11-02T10:00:00+00:00', NULL, 'five'),
  ('x', 'Blob start', X'00', NULL, 1),
  ('x', 'Number start', 12345, NULL, 1),
  ('x', 'Blob end', '2026-11-02T10:00:00+00:00', X'01', 1);
INSERT INTO session_steps VALUES (1, 10, 'Bad', 'ten', 5, 1, 1, 0), (1, 11, X'00', 5, 5, 1, 1, 0),
  (1, 12, 'Bad', 5, 5, 1, 1, 'maybe'), (1, 13, 'Bad', 5, -3, 1, 1, 0),
  (1, 14, 'Bad', 5, 9e999, 1, 1, 0);
INSERT INTO ratings VALUES (1, 'during', 'pain', 'all', 5), (1, 'after', 'pain', 'all', 'high'),
  (1, 'after', 'tingling', 'all', 42), (1, 'after', X'00', 'all', 3);
"""
BAD_SELF_CHECKS = """
INSERT INTO self_checks VALUES ('2026-11-03T09:00:00+00:00', 'chair_stand', 12, '{}'),
  ('not a time', 'chair_stand', 12, '{}'), ('2026-11-03T09:00:00+00:00', 'grip', 30, '{}'),
  ('2026-11-03T09:00:00+00:00', 'mnsi', 3, '{answers'), ('2026-11-03T09:00:00+00:00', 'mnsi',
  'three', '{}');
"""


@dataclass(frozen=True)
class Variant:
    build: Callable[[Path], None]
    kept: bool | None  # True: set aside; False: opens; None: either (SQLite decides)
    skipped: int = 0  # rows left out once everything has been read
    sessions: int | None = None  # sessions read before the new one (when it opens)


def junk(size: int) -> Callable[[], bytes]:
    return lambda: random.Random(size).randbytes(size)


VARIANTS: dict[str, Variant] = {
    "zero-length": Variant(lambda p: p.write_bytes(b""), False, sessions=0),
    "not-sqlite": Variant(lambda p: p.write_bytes(b"this is not a database" * 300), True),
    "truncated-header": Variant(truncated(lambda n: 60), True),
    "truncated-half": Variant(truncated(lambda n: n // 2), True),
    "truncated-mid-page": Variant(truncated(lambda n: n - PAGE - 1000), True),
    "random-page-1": Variant(random_pages(9, [1]), True),
    **{f"random-pages-{seed}": Variant(random_pages(seed), True) for seed in range(4)},
    "no-tables": Variant(fresh_with("PRAGMA user_version = 2;"), True),
    "no-ratings-table": Variant(fresh_with(V1 + STEPS + "PRAGMA user_version = 2;"), True),
    "no-steps-table": Variant(fresh_with(V1 + RATINGS + "PRAGMA user_version = 2;"), True),
    "v1-no-steps-table": Variant(fresh_with(V1 + "PRAGMA user_version = 1;"), True),
    "other-program-no-version": Variant(fresh_with("CREATE TABLE notes (text TEXT);"), True),
    "ours-no-version": Variant(fresh_with(V1 + STEPS + RATINGS), True),
    "sessions-is-a-view": Variant(
        fresh_with(
            "CREATE TABLE s (x); CREATE VIEW sessions AS SELECT * FROM s;"
            + STEPS
            + RATINGS
            + "PRAGMA user_version = 2;"
        ),
        True,
    ),
    "wrong-column-sessions": Variant(
        good_then("ALTER TABLE sessions RENAME COLUMN started_at TO start;"), True
    ),
    "wrong-column-ratings": Variant(
        good_then("ALTER TABLE ratings RENAME COLUMN value TO score;"), True
    ),
    "extra-column-steps": Variant(good_then("ALTER TABLE session_steps ADD COLUMN x;"), True),
    "nulls-where-not-allowed": Variant(fresh_with(LOOSE), True),
    "bad-dates": Variant(good_then(BAD_DATES), False, skipped=5, sessions=GOOD_SESSIONS),
    "far-dates": Variant(good_then(FAR_DATES), False, skipped=2, sessions=GOOD_SESSIONS + 1),
    "nulls-where-allowed": Variant(good_then(ODD_NULLS), False, sessions=GOOD_SESSIONS + 2),
    "wrong-types": Variant(good_then(WRONG_TYPES), False, skipped=15, sessions=GOOD_SESSIONS),
    "bad-self-checks": Variant(
        good_then(BAD_SELF_CHECKS), False, skipped=4, sessions=GOOD_SESSIONS
    ),
    "wrong-column-self-checks": Variant(
        good_then("ALTER TABLE self_checks RENAME COLUMN detail TO details;"), True
    ),
    "wal-junk": Variant(side_file("-wal", junk(9000)), False, sessions=GOOD_SESSIONS),
    "wal-junk-after-header": Variant(
        side_file("-wal", lambda: bytes.fromhex("377f0682002de218") + junk(9000)()),
        False,
        sessions=GOOD_SESSIONS,
    ),
    "shm-junk": Variant(side_file("-shm", junk(32768)), False, sessions=GOOD_SESSIONS),
    "journal-junk": Variant(
        side_file("-journal", junk(3000), journal="DELETE"), False, sessions=GOOD_SESSIONS
    ),
    "hot-journal": Variant(hot_journal, False, sessions=GOOD_SESSIONS),
    "directory": Variant(directory(with_files=False), True),
    "directory-with-files": Variant(directory(with_files=True), True),
    "v1-with-bad-dates": Variant(
        lambda p: run_sql(
            p,
            V1 + STEPS + "PRAGMA user_version = 1; INSERT INTO sessions VALUES"
            " (1, 'a', 'A', '2026-11-01T09:00:00+00:00', NULL, NULL, 1),"
            " (2, 'a', 'A', 'not a date', NULL, NULL, 1);",
        ),
        False,
        skipped=1,
        sessions=1,
    ),
}


def snapshot(path: Path) -> dict[str, bytes | dict[str, bytes]]:
    """The bytes of a history and of the files SQLite keeps beside it (a folder: its files)."""
    found: dict[str, bytes | dict[str, bytes]] = {}
    for suffix in ("", "-wal", "-journal"):
        part = Path(f"{path}{suffix}")
        if part.is_dir():
            found[suffix] = {f.name: f.read_bytes() for f in part.iterdir()}
        elif part.exists():
            found[suffix] = part.read_bytes()
    return found


def record_session(store: HistoryStore, routine_id: str = "after-recovery") -> None:
    """A session done through the real path: the engine on a hand-driven clock, recorded."""
    clock = ManualClock()
    routine = make_routine(step("A", hold=5), step("B", hold=5), routine_id=routine_id)
    engine = SessionEngine(routine, SessionOptions(lead_in_seconds=0), clock)
    recorder = SessionRecorder(engine, store, wall_now=lambda: T0 + timedelta(days=400))
    engine.start()
    recorder.save_ratings("before", {("pain", "all"): 4})
    clock.advance(30)
    engine.update()
    assert engine.outcome is not None
    assert recorder.unsaved == 0 and recorder.problem is None


def read_everything(store: HistoryStore) -> None:
    """Every read the History window, the report and the export make; none may raise."""
    for session in store.sessions():
        store.ratings(session.id)
        store.steps(session.id)
    store.rating_history()
    store.ratings_by_session()
    store.sessions(limit=3)
    store.self_checks()
    store.foot_checks()


def kept_copies(folder: Path, name: str) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.startswith(f"{name}.damaged-"))


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_a_damaged_or_odd_history_opens_or_is_set_aside_as_it_was(
    tmp_path: Path, name: str
) -> None:
    variant = VARIANTS[name]
    path = tmp_path / "history.sqlite3"
    variant.build(path)
    before = snapshot(path)
    store, message = open_history(path)
    assert str(store.path) == str(path)  # a file on disk, not one in memory
    kept = kept_copies(tmp_path, path.name)
    if kept:
        assert variant.kept is not False, message
        assert message is not None and "could not be read" in message
        assert kept[0].name in message
        assert snapshot(kept[0]) == before  # byte for byte, with its journal
        assert store.sessions() == []
    else:
        assert variant.kept is not True, message
        assert message is None
    read_everything(store)
    if variant.sessions is not None:
        assert len(store.sessions()) == variant.sessions
    assert store.skipped_rows == variant.skipped
    assert (store.unread_words() is None) == (variant.skipped == 0)
    assert store.read_problem is None
    record_session(store)
    store.close()
    again, message = open_history(path)
    assert message is None
    landed = [s for s in again.sessions() if s.routine_id == "after-recovery"]
    assert len(landed) == 1 and landed[0].finished and landed[0].steps_done == 2
    assert [r.value for r in again.ratings(landed[0].id)] == [4]
    again.close()


def test_the_bad_rows_are_left_out_and_the_good_ones_kept(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    VARIANTS["wrong-types"].build(path)
    store = HistoryStore(path)
    sessions = store.sessions()
    assert store.skipped_rows == 6 + 5  # six sessions, and five steps of the first session
    first = next(s for s in sessions if s.id == 1)
    assert (first.steps_done, first.actual_hold_seconds) == (3, 31.5)  # the good steps only
    assert [s.step_index for s in store.steps(1)] == [0, 1, 2]
    assert [(r.moment, r.symptom) for r in store.ratings(1)] == [
        ("before", "numbness"),
        ("before", "pain"),
    ]
    assert store.skipped_rows == 15  # and four ratings; reading again counts nothing twice
    store.sessions()
    store.ratings(1)
    assert store.skipped_rows == 15
    assert store.unread_words() == "15 saved entries could not be read and are left out."
    store.close()


def test_a_time_without_a_zone_is_read_as_utc_and_one_far_off_is_left_out(
    tmp_path: Path,
) -> None:
    path = tmp_path / "history.sqlite3"
    VARIANTS["far-dates"].build(path)
    store = HistoryStore(path)
    titles = {s.routine_title: s for s in store.sessions()}
    assert titles["No zone"].started_at == datetime(2026, 11, 3, 10, tzinfo=timezone.utc)
    assert "Far" not in titles and store.skipped_rows == 2
    store.close()


def test_two_damaged_files_set_aside_in_the_same_second_are_both_kept(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    for text in (b"first damaged file", b"second damaged file"):
        path.write_bytes(text * 200)
        store, message = open_history(path)
        assert message is not None
        store.close()
        path.unlink()
        for part in tmp_path.glob("history.sqlite3-*"):
            part.unlink()
    kept = kept_copies(tmp_path, path.name)
    assert sorted(p.read_bytes()[:6] for p in kept) == [b"first ", b"second"]


@contextmanager
def held_exclusively(path: Path, seconds: float | None) -> Iterator[threading.Event]:
    """Another program holding the history in an exclusive transaction, for `seconds` (None:
    until the block ends)."""
    held, done = threading.Event(), threading.Event()

    def hold() -> None:
        db = sqlite3.connect(path, isolation_level=None)
        db.execute("BEGIN EXCLUSIVE")
        held.set()
        done.wait(seconds)
        db.execute("ROLLBACK")
        db.close()

    thread = threading.Thread(target=hold)
    thread.start()
    assert held.wait(5)
    try:
        yield held
    finally:
        done.set()
        thread.join()


@pytest.mark.parametrize("journal", ["DELETE", "WAL"])
def test_a_history_locked_for_a_moment_is_waited_for(tmp_path: Path, journal: str) -> None:
    path = tmp_path / "history.sqlite3"
    good_history(path, journal)
    with held_exclusively(path, seconds=1.5):
        store, message = open_history(path)
        assert message is None and str(store.path) == str(path)
        record_session(store)  # its first write waits for the other program too
    store.close()
    again, _message = open_history(path)
    assert len(again.sessions()) == GOOD_SESSIONS + 1
    assert kept_copies(tmp_path, path.name) == []
    again.close()


def test_a_history_that_stays_locked_is_said_to_be_in_use(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    good_history(path, "DELETE")
    before = snapshot(path)
    with held_exclusively(path, seconds=None):
        store, message = open_history(path, busy_timeout=0.3)
    assert message is not None
    assert "in use by another program" in message and "cannot be written" not in message
    assert str(store.path) == ":memory:"
    assert snapshot(path) == before and kept_copies(tmp_path, path.name) == []
    store.close()


def test_a_write_to_a_history_held_by_another_program_says_so(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    store = HistoryStore(path, busy_timeout=0.2)
    held = held_exclusively(path, seconds=None)
    with held, pytest.raises(sqlite3.OperationalError, match="in use by another program"):
        store.begin_session("a", "A", T0, 1)
    store.close()


def test_a_folder_where_the_history_should_be_is_moved_aside_whole(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    VARIANTS["directory-with-files"].build(path)
    store, message = open_history(path)
    (kept,) = kept_copies(tmp_path, path.name)
    assert message is not None and "a folder where the file should be" in message
    assert (kept / "notes.txt").read_text() == "someone's notes"
    assert path.is_file()
    store.close()


def test_if_a_damaged_history_cannot_be_moved_the_coach_still_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"garbage" * 500)

    def refuse(self: Path, target: Path) -> Path:
        raise PermissionError("read-only folder")

    monkeypatch.setattr(Path, "rename", refuse)
    store, message = open_history(path)
    assert message is not None and "could not be set aside" in message
    assert str(store.path) == ":memory:" and path.read_bytes() == b"garbage" * 500
    store.close()


def test_the_variants_are_what_they_say(tmp_path: Path) -> None:
    """The generator makes real damage: a variant meant to be set aside fails SQLite's own
    check or lacks what a history needs, and one meant to open passes it."""
    for name, variant in VARIANTS.items():
        path = tmp_path / name / "history.sqlite3"
        path.parent.mkdir()
        variant.build(path)
        if variant.kept is False and not name.startswith(("zero", "hot", "journal")):
            db = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", name
            db.close()
    assert len(VARIANTS) >= 30
    assert os.listdir(tmp_path)
