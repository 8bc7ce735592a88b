"""Remembers what was read from a file, so that an unchanged file is not parsed again.

Reading the routine and settings files takes PyYAML (10 ms to import) and our checks (5 ms
for the bundled routines), all before the first window can be drawn. An entry is trusted only
while its file has exactly the size, modification time, change time and inode it had when it
was read, and while the code that read it is the same (`code_stamp`). Anything else, a
damaged or foreign cache file included, is simply a miss: the file is read again.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from pathlib import Path
from typing import Any

from neurocoach import __version__

FORMAT = 1
_READERS = ("loader.py", "routine.py", "settings.py", "illustrations.py")
log = logging.getLogger(__name__)

FileKey = list[int]


def file_key(path: Path) -> FileKey | None:
    """What must not have changed for an entry to stand; None when the file cannot be seen."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino]


def code_stamp() -> str:
    """The version and the reading modules' own times: a checkout whose loader was edited
    does not trust what its older code read."""
    here = Path(__file__).resolve().parent
    parts = [__version__]
    for name in _READERS:
        key = file_key(here / name)
        parts.append(str(key[1]) if key else "-")
    return "|".join(parts)


class FileCache:
    """Entries by kind ("routine", "settings") and path; `save` writes the ones used now."""

    def __init__(self, path: Path | None, stamp: str | None = None) -> None:
        self.path = path
        self.stamp = code_stamp() if stamp is None else stamp
        self._stored: dict[str, Any] = {}
        self._used: dict[str, Any] = {}
        self._dirty = False
        if path is not None:
            self._stored = self._read(path)

    def _read(self, path: Path) -> dict[str, Any]:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, UnicodeDecodeError, ValueError) as error:
            log.info("cache %s not used: %s", path, error)
            return {}
        if (
            not isinstance(data, dict)
            or data.get("format") != FORMAT
            or data.get("stamp") != self.stamp
            or not isinstance(data.get("entries"), dict)
        ):
            return {}
        entries: dict[str, Any] = data["entries"]
        return entries

    def get(self, kind: str, path: Path) -> Any | None:
        """What was stored for this unchanged file, or None."""
        name = f"{kind}:{path}"
        entry = self._stored.get(name)
        if not isinstance(entry, dict) or "data" not in entry:
            return None
        if entry.get("key") != file_key(path):
            return None
        # Kept for the next save; entries no run uses are dropped when something changes.
        self._used[name] = entry
        return entry["data"]

    def put(self, kind: str, path: Path, key: FileKey | None, data: Any) -> None:
        """Store plain JSON data read from the file when it had `key` (taken before reading,
        so a change made during the read is a miss next time)."""
        if key is None:
            return
        try:
            json.dumps(data)
        except (TypeError, ValueError):
            return  # not plain data (a YAML date, say): read the file each time instead
        entry = {"key": key, "data": data}
        name = f"{kind}:{path}"
        self._stored[name] = entry
        self._used[name] = entry
        self._dirty = True

    def save(self) -> None:
        """When something was stored, write the entries used in this run, atomically; a cache
        that cannot be written costs only time."""
        if self.path is None or not self._dirty:
            return
        text = json.dumps({"format": FORMAT, "stamp": self.stamp, "entries": self._used})
        temporary = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, self.path)
        except OSError as error:
            log.info("cache %s not saved: %s", self.path, error)
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)
            return
        self._dirty = False
