from __future__ import annotations

import socket
from pathlib import Path

from neurocoach.ui.shell.single_instance import SingleInstance, instance_key, socket_path


def test_a_second_launch_wakes_the_first_and_gives_way(qtbot, tmp_path: Path) -> None:
    key = instance_key(str(tmp_path))
    first = SingleInstance(key)
    assert first.claim()
    second = SingleInstance(key)
    with qtbot.waitSignal(first.activated, timeout=3000):
        assert not second.claim()
    first.close()


def test_a_socket_left_by_a_crash_does_not_block_the_next_start(qtbot, tmp_path: Path) -> None:
    key = instance_key(str(tmp_path / "crashed"))
    stale = socket_path(key)
    left = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    left.bind(str(stale))  # as a killed coach leaves it: the file stays, nobody listens
    left.close()
    assert stale.exists()
    coach = SingleInstance(key)
    assert coach.claim()
    assert coach.listening
    coach.close()
    assert not stale.exists()


def test_different_data_folders_are_different_coaches(tmp_path: Path) -> None:
    assert instance_key(str(tmp_path / "a")) != instance_key(str(tmp_path / "b"))


def test_launching_twice_keeps_one_coach(neurocoach_home: Path) -> None:
    import os
    import subprocess
    import sys
    import time

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    first = subprocess.Popen(
        [sys.executable, "-m", "neurocoach"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        deadline = time.monotonic() + 20
        log = neurocoach_home / "log" / "neurocoach.log"
        while not log.exists() and time.monotonic() < deadline:
            time.sleep(0.1)  # the first coach is up once it has opened its log
        time.sleep(0.5)
        second = subprocess.run(
            [sys.executable, "-m", "neurocoach"],
            env=env,
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert second.returncode == 0
        assert "already running" in second.stdout
        assert first.poll() is None  # the first one is still there
    finally:
        first.terminate()
        first.wait(timeout=10)
