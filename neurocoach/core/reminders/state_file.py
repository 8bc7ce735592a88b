"""Where the reminders remember what they have told: a small JSON file in the data folder.

Written after every change, so that neither a restart nor a crash tells a time twice. A file
that cannot be read starts a fresh state (at worst one time is not told); one that cannot be
written (a full disk) leaves the coach reminding from memory, with a line in the log.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from neurocoach.core.atomic_file import write_atomically
from neurocoach.core.reminders.schedule import ReminderState, state_data, state_from_data

log = logging.getLogger(__name__)


def load_state(path: Path) -> ReminderState:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ReminderState()
    except (OSError, UnicodeDecodeError) as error:
        log.warning("%s: cannot be read (%s); reminders start afresh", path, error)
        return ReminderState()
    try:
        return state_from_data(json.loads(text))
    except ValueError as error:
        log.warning("%s: not a reminders file (%s); reminders start afresh", path, error)
        return ReminderState()


def save_state(path: Path, state: ReminderState) -> bool:
    """False when it could not be written (logged; the state is kept in memory)."""
    try:
        write_atomically(path, json.dumps(state_data(state), indent=1) + "\n")
    except OSError as error:
        log.warning("%s: could not be saved (%s)", path, error)
        return False
    return True
