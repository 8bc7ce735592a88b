"""Opening the history whatever state its file is in: it opens, or it is set aside as it was
and a fresh one started, and the person is told in plain words.

Nothing is ever deleted or changed: a file that cannot be used as a history (with its
journal) is renamed with the time, so a helper can try to rescue it. A history from a newer
version is left alone and this version keeps its own beside it. A file another program holds
is waited for.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

from neurocoach.core.history.schema import (
    BUSY_TIMEOUT_SECONDS,
    NewerHistoryError,
    is_busy,
    is_folder_problem,
)
from neurocoach.core.history.store import HistoryStore

_log = logging.getLogger(__name__)

# Where this version keeps its sessions when the history was saved by a newer one.
OLDER_VERSION_FILE = "history-older-version.sqlite3"


def open_history(
    path: Path, busy_timeout: float = BUSY_TIMEOUT_SECONDS
) -> tuple[HistoryStore, str | None]:
    """Open the history; if it cannot be used, carry on with another one, and say so.

    Nothing is ever deleted or changed: a file that cannot be used as a history (and its
    journal) is renamed with the time, as it was, so a helper can try to rescue it. A history
    from a newer version is not touched at all: this version keeps its sessions in a file of
    its own beside it. A file another program holds is waited for (`busy_timeout`).
    """
    if path.is_dir():
        return _start_afresh(path, "there is a folder where the file should be", busy_timeout)
    try:
        return HistoryStore(path, busy_timeout), None
    except NewerHistoryError:
        return _beside_newer(path, busy_timeout)
    except (OSError, sqlite3.Error) as error:
        if is_busy(error):
            return _in_memory(
                f"Your history ({path.name} in {path.parent}) is in use by another program, "
                f"perhaps a second NeuroCoach, and was still busy after {busy_timeout:g} "
                "seconds. Sessions are kept only until NeuroCoach is closed; close the other "
                "program and restart NeuroCoach."
            )
        if is_folder_problem(error) and not (path.is_file() and _is_damaged(path)):
            return _in_memory(
                f"Your history folder {path.parent} cannot be written to ({error}). Sessions "
                "are kept only until NeuroCoach is closed; check the folder (or the disk) and "
                "restart."
            )
        return _start_afresh(path, error, busy_timeout)


def _in_memory(message: str) -> tuple[HistoryStore, str]:
    _log.warning("history kept in memory: %s", message)
    return HistoryStore(Path(":memory:")), message


def _is_damaged(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return not stream.read(16).startswith(b"SQLite format 3")
    except OSError:
        return False


# The files SQLite keeps for one database; they go together.
_PARTS = ("", "-wal", "-shm", "-journal")


def _start_afresh(
    path: Path, error: Exception | str, busy_timeout: float
) -> tuple[HistoryStore, str]:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = path.with_name(f"{path.name}.damaged-{stamp}")
    number = 1
    while any(Path(f"{kept}{suffix}").exists() for suffix in _PARTS):
        number += 1  # never over an earlier one, set aside in the same second
        kept = path.with_name(f"{path.name}.damaged-{stamp}-{number}")
    try:
        for suffix in _PARTS:
            part = Path(f"{path}{suffix}")
            if part.exists() or part.is_symlink():
                part.rename(Path(f"{kept}{suffix}"))
    except OSError as move_error:
        return _in_memory(
            f"Your history could not be read ({error}), and it could not be set aside "
            f"({move_error}). Sessions are kept only until NeuroCoach is closed; check the "
            f"folder {path.parent} and restart."
        )
    message = (
        f"Your history could not be read ({error}), so a new, empty one has been started. "
        f"The old file is kept as {kept.name} in {path.parent}."
    )
    try:
        return HistoryStore(path, busy_timeout), message
    except (NewerHistoryError, OSError, sqlite3.Error) as again:
        return _in_memory(
            f"{message} The new one could not be made either ({again}), so sessions are kept "
            "only until NeuroCoach is closed."
        )


def _beside_newer(path: Path, busy_timeout: float) -> tuple[HistoryStore, str]:
    """A history of this version's own next to a newer version's, reused on later starts.

    The newer version does not read it: its sessions stay there, out of the newer history.
    """
    side = path.with_name(OLDER_VERSION_FILE)
    left = (
        "Your history was saved by a newer version of NeuroCoach, so this version leaves it "
        "as it is."
    )
    try:
        store = HistoryStore(side, busy_timeout)
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
