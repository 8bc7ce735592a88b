"""The log-in start: the autostart entry written, removed, valid, and quoted as the spec says."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from neurocoach.desktop.autostart import (
    autostart_file,
    autostart_is_set,
    desktop_entry,
    launch_command,
    set_autostart,
)
from neurocoach.paths import app_paths

COMMAND = ["/opt/neurocoach/bin/python", "-m", "neurocoach", "--background"]

AWKWARD_ARGUMENTS = [
    "/home/ann marie/My Apps/bin/python",  # spaces
    "/home/o\"brien/it's/python",  # both quotes
    "/srv/100%/python",  # percent
    "/mnt/c/Users\\Ann\\python",  # backslashes
    "/opt/$HOME/`id`/a;b&c|d<e>f~g*h?i#j(k)l",  # every other reserved character
    "tab\there and new\nline",
    "",  # an empty argument
    "%f",  # looks like a field code
]


def parse_exec(value: str) -> list[str]:
    """The Exec value read back as the Desktop Entry Specification says: the string escapes
    first, then the quoting, then the field codes (only %% is expected here)."""
    unescaped, chars = [], iter(value)
    for c in chars:
        if c == "\\":
            following = next(chars)
            unescaped.append({"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}[following])
        else:
            unescaped.append(c)
    line = "".join(unescaped)
    arguments: list[str] = []
    current: list[str] | None = None
    position = 0
    while position < len(line):
        c = line[position]
        if c == " ":
            if current is not None:
                arguments.append("".join(current))
                current = None
        elif c == '"':
            assert current is None, f"a quote inside an unquoted argument: {line!r}"
            current, position = [], position + 1
            while line[position] != '"':
                if line[position] == "\\":
                    position += 1
                    assert line[position] in '"`$\\', f"a stray backslash in {line!r}"
                current.append(line[position])
                position += 1
            arguments.append("".join(current))
            current = None
        else:
            assert c not in "\t\n\"'\\><~|&;$*?#()`", f"{c!r} outside quotes in {line!r}"
            current = [*(current or []), c]
        position += 1
    if current is not None:
        arguments.append("".join(current))
    for argument in arguments:
        assert "%" not in argument.replace("%%", ""), f"a field code in {argument!r}"
    return [argument.replace("%%", "%") for argument in arguments]


def keys_of(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if line)


def validate(path: Path) -> None:
    """desktop-file-validate is in CI's package list: a machine without it fails here."""
    tool = shutil.which("desktop-file-validate")
    assert tool, "desktop-file-validate is missing: apt-get install desktop-file-utils"
    result = subprocess.run([tool, str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.fixture
def folder() -> Path:
    """The autostart folder the app uses: under NEUROCOACH_HOME (tmp_path) in tests."""
    return app_paths().autostart_dir


def test_the_entry_is_named_after_the_app_id(folder: Path) -> None:
    assert autostart_file(folder) == folder / "org.neurocoach.NeuroCoach.desktop"


def test_turning_it_on_writes_a_valid_entry_and_off_removes_it(folder: Path) -> None:
    assert not autostart_is_set(folder)
    assert set_autostart(folder, True, COMMAND) is None
    assert autostart_is_set(folder)
    validate(autostart_file(folder))
    keys = keys_of(autostart_file(folder))
    assert keys["Type"] == "Application"
    assert keys["Name"] == "NeuroCoach"
    assert keys["Icon"] == "org.neurocoach.NeuroCoach"
    assert keys["Terminal"] == "false"
    assert keys["X-GNOME-Autostart-enabled"] == "true"
    assert "NoDisplay" not in keys  # it would hide the entry from the session settings
    assert "Hidden" not in keys  # it would mean "deleted"
    assert parse_exec(keys["Exec"]) == COMMAND

    assert set_autostart(folder, False) is None
    assert not autostart_file(folder).exists()
    assert not autostart_is_set(folder)


def test_doing_it_twice_is_the_same_as_once(folder: Path) -> None:
    assert set_autostart(folder, True, COMMAND) is None
    first = autostart_file(folder).read_text()
    assert set_autostart(folder, True, COMMAND) is None
    assert autostart_file(folder).read_text() == first
    assert sorted(os.listdir(folder)) == [autostart_file(folder).name]  # no temporary left
    assert set_autostart(folder, False) is None
    assert set_autostart(folder, False) is None
    assert os.listdir(folder) == []


def test_turning_it_on_again_writes_the_command_of_today(folder: Path) -> None:
    """A venv moved or a build installed elsewhere: the next "on" points at the new place."""
    set_autostart(folder, True, ["/old/python", "-m", "neurocoach", "--background"])
    assert set_autostart(folder, True, COMMAND) is None
    assert parse_exec(keys_of(autostart_file(folder))["Exec"]) == COMMAND


@pytest.mark.parametrize(
    "lines", ["Hidden=true", "X-GNOME-Autostart-enabled=false"], ids=["Hidden", "GNOME"]
)
def test_an_entry_turned_off_in_the_session_settings_is_not_set(folder: Path, lines: str) -> None:
    set_autostart(folder, True, COMMAND)
    path = autostart_file(folder)
    text = path.read_text().replace("X-GNOME-Autostart-enabled=true\n", "")
    path.write_text(f"{text}{lines}\n")
    assert not autostart_is_set(folder)
    assert set_autostart(folder, True, COMMAND) is None  # turned on again here: on again
    assert autostart_is_set(folder)


@pytest.mark.parametrize("argument", AWKWARD_ARGUMENTS)
def test_awkward_paths_are_quoted_and_read_back_whole(argument: str, tmp_path: Path) -> None:
    command = [argument, "-m", "neurocoach", argument, "--background"]
    assert set_autostart(tmp_path, True, command) is None
    assert parse_exec(keys_of(autostart_file(tmp_path))["Exec"]) == command
    validate(autostart_file(tmp_path))


def test_every_awkward_path_at_once_is_valid(tmp_path: Path) -> None:
    path = autostart_file(tmp_path)
    path.write_text(desktop_entry(AWKWARD_ARGUMENTS), encoding="utf-8")
    validate(path)
    assert parse_exec(keys_of(path)["Exec"]) == AWKWARD_ARGUMENTS


def test_the_command_starts_this_installation_from_anywhere(folder: Path, tmp_path: Path) -> None:
    """The entry's own command, read back from the file and run from another folder with
    --version instead of --background, starts this very NeuroCoach."""
    assert launch_command() == [sys.executable, "-m", "neurocoach", "--background"]
    assert Path(launch_command()[0]).is_absolute()
    assert set_autostart(folder, True) is None
    validate(autostart_file(folder))
    command = parse_exec(keys_of(autostart_file(folder))["Exec"])
    assert command[-1] == "--background"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [*command[:-1], "--version"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("NeuroCoach ")


def test_a_frozen_build_is_started_by_its_own_executable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", "/opt/NeuroCoach/neurocoach")
    assert launch_command() == ["/opt/NeuroCoach/neurocoach", "--background"]


def test_a_read_only_folder_is_told_in_a_plain_sentence(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The system refuses every change in the folder, as a read-only mount does (a chmod
    would not do: the tests may run as root, whom permissions do not stop)."""
    set_autostart(folder, True, COMMAND)

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(folder))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    monkeypatch.setattr(os, "unlink", refuse)
    assert set_autostart(folder, True, ["/elsewhere/python"]) == (
        f"NeuroCoach could not be set to start when you log in: read-only file system ({folder})."
    )
    assert set_autostart(folder, False) == (
        "NeuroCoach could not be stopped from starting when you log in: "
        f"read-only file system ({folder})."
    )
    assert parse_exec(keys_of(autostart_file(folder))["Exec"]) == COMMAND  # left as it was


def test_a_full_disk_leaves_no_half_written_entry(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    problem = set_autostart(folder, True, COMMAND)
    assert problem == (
        f"NeuroCoach could not be set to start when you log in: no space left on device ({folder})."
    )
    assert os.listdir(folder) == []
    assert not autostart_is_set(folder)


def test_a_file_where_the_folder_should_be_is_told_in_a_plain_sentence(tmp_path: Path) -> None:
    (tmp_path / "config").write_text("not a folder")
    folder = tmp_path / "config" / "autostart"
    problem = set_autostart(folder, True, COMMAND)
    assert problem is not None
    assert problem.startswith("NeuroCoach could not be set to start when you log in: ")
    assert "Errno" not in problem and "Traceback" not in problem
    assert set_autostart(folder, False) is None  # nothing there to remove
    assert not autostart_is_set(folder)


def test_a_path_a_desktop_file_cannot_hold_is_told_in_a_plain_sentence(folder: Path) -> None:
    """A python whose path is not valid UTF-8 (Python shows such bytes as surrogates)."""
    problem = set_autostart(folder, True, ["/opt/caf\udce9/python", "--background"])
    assert problem == (
        "NeuroCoach could not be set to start when you log in: "
        f"its path has characters a desktop file cannot hold ({folder})."
    )
    assert not autostart_is_set(folder)
    assert os.listdir(folder) == []  # no half-written temporary either
