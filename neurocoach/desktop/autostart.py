"""The setting "Start NeuroCoach when I log in": an XDG autostart entry, written or removed.

Every desktop that follows the XDG Autostart specification (GNOME, KDE, Xfce, LXQt, Cinnamon,
MATE) starts at log-in the entries in ``$XDG_CONFIG_HOME/autostart``. Ours starts this same
installation (a venv, a wheel or a frozen build) with ``--background``: it waits in the tray
to remind at the planned times.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Sequence
from pathlib import Path

from neurocoach.core.atomic_file import write_atomically

DESKTOP_ID = "org.neurocoach.NeuroCoach"  # the same as app.APP_ID and packaging/linux/

# Desktop Entry Specification, "The Exec key": an argument holding any of these is quoted.
_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
# Inside double quotes, these four are preceded by a backslash.
_ESCAPED_IN_QUOTES = frozenset('"`$\\')
# The general escapes of a string value, applied to the whole Exec line after the quoting.
_STRING_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}


def autostart_file(folder: Path) -> Path:
    """Our entry in the autostart folder (paths.app_paths().autostart_dir)."""
    return folder / f"{DESKTOP_ID}.desktop"


def launch_command() -> list[str]:
    """How to start this installation in the background, with absolute paths, so that a
    venv or a frozen build is found at log-in without anything on PATH."""
    # absolute(), not resolve(): a venv's python is a symlink, and only the link knows the venv.
    executable = str(Path(sys.executable).absolute())
    if getattr(sys, "frozen", False):  # a PyInstaller build: the executable is the app
        return [executable, "--background"]
    return [executable, "-m", "neurocoach", "--background"]


def exec_argument(argument: str) -> str:
    """One argument as the Exec key writes it: quoted when it holds a reserved character,
    with ``%`` doubled (a lone ``%`` would start a field code such as ``%f``)."""
    if argument and not _RESERVED.intersection(argument):
        quoted = argument
    else:
        inner = "".join(f"\\{c}" if c in _ESCAPED_IN_QUOTES else c for c in argument)
        quoted = f'"{inner}"'
    return quoted.replace("%", "%%")


def exec_value(command: Sequence[str]) -> str:
    """The whole Exec value: the quoted arguments, then the string escapes (the spec undoes
    those first, so a literal backslash in a quoted argument ends up as four)."""
    line = " ".join(exec_argument(argument) for argument in command)
    return "".join(_STRING_ESCAPES.get(c, c) for c in line)


def desktop_entry(command: Sequence[str]) -> str:
    """The autostart entry that runs `command`.

    NoDisplay is left out on purpose. The autostart folder is not a menu folder, so the entry
    shows in no application menu anyway; but session settings such as GNOME's Startup
    Applications leave out the entries with NoDisplay=true, and that list is where a person
    looks to see, or to stop, what starts at log-in. Hidden is left out too: the autostart
    spec reads Hidden=true as "deleted", and turning the start off removes the file instead.
    """
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Name=NeuroCoach",
            "Comment=Reminds you of your hand and foot exercises at the times you planned",
            f"Exec={exec_value(command)}",
            f"Icon={DESKTOP_ID}",
            "Terminal=false",
            # It starts in the tray with no window: a startup notification would leave a busy
            # cursor spinning until the desktop gives up on it.
            "StartupNotify=false",
            # GNOME's switch for the entry; its session settings set it to false when a
            # person turns the start off there.
            "X-GNOME-Autostart-enabled=true",
            "",
        ]
    )


def set_autostart(folder: Path, on: bool, command: Sequence[str] | None = None) -> str | None:
    """Write (atomically) or remove our autostart entry; doing it twice is the same as once.

    Returns None when done, or a sentence for the person when the folder cannot be written
    (a read-only folder, a full disk); the setting itself is the caller's to keep or undo.
    """
    path = autostart_file(folder)
    try:
        if on:
            text = desktop_entry(launch_command() if command is None else command)
            if _read(path) != text:
                write_atomically(path, text)
        else:
            # no entry, or no folder at all (a file in its place): nothing starts at log-in
            with contextlib.suppress(FileNotFoundError, NotADirectoryError):
                path.unlink()
    except (OSError, UnicodeError) as error:
        # UnicodeError: a command path that is not valid UTF-8, which a desktop file cannot hold.
        task = "set to start" if on else "stopped from starting"
        return f"NeuroCoach could not be {task} when you log in: {_reason(error)} ({folder})."
    return None


def autostart_is_set(folder: Path) -> bool:
    """Whether our entry is there and not turned off in the desktop's own session settings
    (Hidden=true, or GNOME's X-GNOME-Autostart-enabled=false)."""
    text = _read(autostart_file(folder))
    if text is None:
        return False
    keys = _entry_keys(text)
    return (
        keys.get("Hidden", "false") != "true"
        and keys.get("X-GNOME-Autostart-enabled", "true") != "false"
    )


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def _entry_keys(text: str) -> dict[str, str]:
    """The unlocalised keys of the [Desktop Entry] group."""
    keys: dict[str, str] = {}
    group = ""
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            group = line[1:-1]
        elif group == "Desktop Entry" and "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            keys.setdefault(key.strip(), value.strip())
    return keys


def _reason(error: OSError | UnicodeError) -> str:
    """The system's words ("read-only file system", "no space left on device"), no numbers."""
    if isinstance(error, UnicodeError):
        return "its path has characters a desktop file cannot hold"
    words = error.strerror or str(error)
    return words[:1].lower() + words[1:]
