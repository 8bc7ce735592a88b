"""Killing the app mid-session (SIGKILL, no chance to clean up) loses at most the step in
progress: every step it reported saved is in the history, and the history stays consistent
through twenty-four kills and restarts."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
KILLS = 24


def run_and_kill(home: Path, delay: float) -> tuple[int | None, list[tuple[int, int]]]:
    env = {**os.environ, "NEUROCOACH_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.crash_session", "quick-hands"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(child.stdout.readline, "")))
    reader.start()
    deadline = time.monotonic() + 30
    while not any(line.startswith("session") for line in lines) and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(delay)  # somewhere in the session
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=10)
    reader.join(timeout=10)
    session = next((int(line.split()[1]) for line in lines if line.startswith("session")), None)
    saved = [tuple(map(int, line.split()[1:])) for line in lines if line.startswith("saved")]
    return session, saved  # type: ignore[return-value]


def test_kills_mid_session_lose_no_completed_step(tmp_path: Path) -> None:
    rng = random.Random(2026)
    reported: dict[int, list[tuple[int, int]]] = {}
    for _ in range(KILLS):
        session, saved = run_and_kill(tmp_path, rng.uniform(0.0, 1.6))
        assert session is not None, "the app did not start a session"
        reported[session] = saved
    db = sqlite3.connect(tmp_path / "data" / "history.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    sessions = {row[0]: row[1] for row in db.execute("SELECT id, end_reason FROM sessions")}
    assert set(reported) <= set(sessions)
    killed_with_steps = 0
    for session, saved in reported.items():
        stored = dict(
            db.execute(
                "SELECT step_index, reps_done FROM session_steps WHERE session_id = ?", (session,)
            ).fetchall()
        )
        for step_index, reps_done in saved:
            assert stored.get(step_index) == reps_done, (session, step_index)
        killed_with_steps += bool(saved) and sessions[session] is None
    # The kills fell in the middle of sessions: most had steps saved and no end written.
    assert killed_with_steps >= KILLS // 2
