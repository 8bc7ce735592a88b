"""One coach at a time: a later launch wakes the running coach and gives way, even on a busy
machine, and nothing a crash leaves behind blocks the next start."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLockFile

from neurocoach.paths import app_paths
from neurocoach.ui.shell import one_coach_guard
from neurocoach.ui.shell.one_coach_guard import OneCoachGuard, instance_key

ASKED = "another launch asked for this coach: bringing it forward"
GAVE_WAY = "already running"


@pytest.fixture
def runtime_dir(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Locks and sockets in a folder of the test's own (short: a socket path has ~100 bytes).
    Not for a whole coach: its sound and speech look for their servers there too."""
    folder = Path(tempfile.mkdtemp(prefix="nc-"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def coach_files() -> Iterator[OneCoachGuard]:
    """Where the test's coach keeps its lock and socket; removed after the test (a killed
    coach leaves them behind)."""
    guard = OneCoachGuard(instance_key(str(app_paths().data_dir)))
    yield guard
    guard.lock_path.unlink(missing_ok=True)
    Path(guard.server_name).unlink(missing_ok=True)


@pytest.fixture
def quick(monkeypatch: pytest.MonkeyPatch, runtime_dir: Path) -> None:
    """In one process the coach cannot answer while the later launch waits: do not wait long."""
    monkeypatch.setattr(one_coach_guard, "ACK_MS", 100)
    monkeypatch.setattr(one_coach_guard, "CONNECT_SECONDS", 1.0)


def test_a_second_launch_wakes_the_first_and_gives_way(qtbot, tmp_path: Path, quick) -> None:
    key = instance_key(str(tmp_path))
    first = OneCoachGuard(key)
    assert first.claim()
    assert first.listening
    second = OneCoachGuard(key)
    with qtbot.waitSignal(first.activated, timeout=3000):
        assert not second.claim()
    assert not second.listening
    first.close()
    assert not first.lock_path.exists()


def test_a_start_at_log_in_leaves_a_running_coach_as_it_is(qtbot, tmp_path: Path, quick) -> None:
    """`--background` with a coach already running: no window jumps forward, nothing else."""
    key = instance_key(str(tmp_path))
    first = OneCoachGuard(key)
    assert first.claim()
    woken: list[bool] = []
    first.activated.connect(lambda: woken.append(True))
    assert not OneCoachGuard(key).claim(bring_forward=False)
    qtbot.wait(200)
    assert woken == [] and first.listening
    first.close()


def test_a_coach_killed_midway_does_not_block_the_next_start(
    qtbot, tmp_path: Path, runtime_dir: Path
) -> None:
    key = instance_key(str(tmp_path / "crashed"))
    killed = subprocess.Popen(  # a coach killed at once: its lock and its socket stay behind
        [
            sys.executable,
            "-c",
            "import os, signal, sys\n"
            "from PySide6.QtCore import QCoreApplication\n"
            "from neurocoach.ui.shell.one_coach_guard import OneCoachGuard\n"
            "app = QCoreApplication([])\n"
            "guard = OneCoachGuard(sys.argv[1])\n"
            "assert guard.claim()\n"
            "os.kill(os.getpid(), signal.SIGKILL)\n",
            key,
        ]
    )
    assert killed.wait(timeout=30) == -9
    coach = OneCoachGuard(key)
    assert coach.lock_path.read_text().split("\n")[0] == str(killed.pid)  # a pid now gone
    assert Path(coach.server_name).exists()
    assert coach.claim()
    assert coach.listening
    assert coach.lock_path.read_text().split("\n")[0] == str(os.getpid())
    coach.close()
    assert not coach.lock_path.exists()
    assert not Path(coach.server_name).exists()


@pytest.mark.skipif(sys.platform == "win32", reason="plays the coach on a Unix socket")
def test_a_later_launch_waits_for_a_coach_still_starting_and_deletes_nothing(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, runtime_dir: Path
) -> None:
    # The stand-in coach is a thread of this process: it cannot answer while the launch waits
    # (PySide keeps the interpreter lock), so the launch keeps asking until it gives up.
    monkeypatch.setattr(one_coach_guard, "ACK_MS", 100)
    monkeypatch.setattr(one_coach_guard, "CONNECT_SECONDS", 2.5)
    key = instance_key(str(tmp_path))
    later = OneCoachGuard(key)
    lock = QLockFile(str(later.lock_path))  # the coach has the lock, and listens a second later
    assert lock.tryLock(0)
    heard: list[bytes] = []

    def coach_starting() -> None:
        time.sleep(1)
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
            server.bind(later.server_name)
            server.listen(1)
            server.settimeout(10)
            connection, _ = server.accept()
            with connection:
                heard.append(connection.recv(16))

    starting = threading.Thread(target=coach_starting)
    starting.start()
    try:
        assert not later.claim()
    finally:
        starting.join(timeout=15)
    assert heard == [b"show\n"]
    assert lock.isLocked() and later.lock_path.exists() and Path(later.server_name).exists()
    lock.unlock()


def test_a_coach_that_does_not_answer_is_left_alone(qtbot, tmp_path: Path, quick) -> None:
    key = instance_key(str(tmp_path))
    lock = QLockFile(str(OneCoachGuard(key).lock_path))  # a coach that never listens
    assert lock.tryLock(0)
    later = OneCoachGuard(key)
    started = time.monotonic()
    assert not later.claim()  # it gives way all the same, and takes nothing away
    assert time.monotonic() - started < 5
    assert lock.isLocked() and later.lock_path.exists()
    lock.unlock()


def test_a_coach_that_stops_answering_while_closing_is_followed_by_the_launch(
    qtbot, tmp_path: Path, quick
) -> None:
    """Closing, the coach stops listening but keeps its lock until its history is saved: a
    launch made then waits for the lock and becomes the coach, rather than give way to a
    coach that is about to go."""
    key = instance_key(str(tmp_path))
    first = OneCoachGuard(key)
    assert first.claim()
    first.stop_listening()
    assert not first.listening and first.lock_path.exists()
    letting_go = threading.Timer(0.5, first.close)
    letting_go.start()
    later = OneCoachGuard(key)
    try:
        assert later.claim()
        assert later.listening
    finally:
        letting_go.join()
        later.close()


def test_an_empty_lock_file_left_by_a_full_disk_is_cleared(
    tmp_path: Path, quick, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = instance_key(str(tmp_path))
    coach = OneCoachGuard(key)
    coach.lock_path.write_bytes(b"")  # created, but nothing could be written into it
    old = time.time() - 60
    os.utime(coach.lock_path, (old, old))
    try:
        assert coach.claim()
        assert coach.listening
    finally:
        coach.close()


def test_different_data_folders_are_different_coaches(
    qtbot, tmp_path: Path, runtime_dir: Path
) -> None:
    assert instance_key(str(tmp_path / "a")) != instance_key(str(tmp_path / "b"))
    a = OneCoachGuard(instance_key(str(tmp_path / "a")))
    b = OneCoachGuard(instance_key(str(tmp_path / "b")))
    assert a.claim() and b.claim()
    a.close()
    b.close()


def coach_command() -> list[str]:
    return [sys.executable, "-m", "neurocoach"]


def coach_env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def wait_until_up(coach: subprocess.Popen[bytes], log: Path, seconds: float) -> None:
    """The coach is up once it has opened its log: that comes after it took the lock."""
    deadline = time.monotonic() + seconds
    while not log.exists():
        assert coach.poll() is None, "the first coach did not start"
        assert time.monotonic() < deadline, "the first coach did not start in time"
        time.sleep(0.1)


def launch_again(seconds: float, n: int = 2) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            coach_command(), env=coach_env(), capture_output=True, text=True, timeout=seconds
        )
    except subprocess.TimeoutExpired:  # run() has killed it
        pytest.fail(f"launch {n} was still running after {seconds:.0f} s: a second coach")


def test_launching_twice_keeps_one_coach(neurocoach_home: Path, coach_files) -> None:
    first = subprocess.Popen(
        coach_command(), env=coach_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        log = neurocoach_home / "log" / "neurocoach.log"
        wait_until_up(first, log, 20)
        second = launch_again(30)
        assert second.returncode == 0
        assert GAVE_WAY in second.stdout
        assert first.poll() is None  # the first one is still there
    finally:
        first.kill()
        first.wait(timeout=10)


def test_later_launches_on_a_busy_machine_wake_the_coach_and_give_way(
    neurocoach_home: Path, coach_files: OneCoachGuard
) -> None:
    """Both CPUs loaded and six more launches, as when a second coach used to open from the
    third launch on (the old guard let one open in about half of such runs of three)."""
    deadline = time.monotonic() + 60
    log = neurocoach_home / "log" / "neurocoach.log"
    first = subprocess.Popen(
        coach_command(), env=coach_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    busy: list[subprocess.Popen[bytes]] = []
    try:
        wait_until_up(first, log, 20)
        busy = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(3)]
        time.sleep(0.5)
        launches = range(2, 8)
        for n in launches:
            left = deadline - time.monotonic()
            assert left > 5, f"out of time before launch {n}"
            later = launch_again(min(15.0, left), n)
            assert later.returncode == 0, f"launch {n}: {later.stderr}"
            assert GAVE_WAY in later.stdout, f"launch {n}: {later.stdout}"
            assert first.poll() is None, f"launch {n}: the first coach is gone"
        heard_by = min(deadline, time.monotonic() + 10)
        while log.read_text().count(ASKED) < len(launches) and time.monotonic() < heard_by:
            time.sleep(0.1)
        # It came forward for each launch (a launch whose answer was slow may ask twice).
        assert log.read_text().count(ASKED) >= len(launches)
        owner = coach_files.lock_path.read_text().split("\n")[0]
        assert owner == str(first.pid)  # and it is still the coach
    finally:
        for process in [*busy, first]:
            process.kill()
        for process in [*busy, first]:
            process.wait(timeout=10)
