"""The routines a user can choose from: the bundled ones and their own, broken ones included.

A broken file never hides the others: it becomes an entry that carries its problems, so the
list can show it, greyed out, with the message that says how to fix it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from neurocoach.core.routine.loader import Problem, RoutineFileError, load_routine
from neurocoach.core.routine.model import Routine

ROUTINE_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class CatalogEntry:
    """One routine file: either its routine, or the problems that stop it from loading."""

    path: Path
    routine: Routine | None
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return self.routine is not None


def routine_files(folder: Path) -> list[Path]:
    """The routine files in a folder, in a stable order; a missing folder has none."""
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir() if p.suffix.lower() in ROUTINE_SUFFIXES and p.is_file()
    )


def load_entry(path: Path) -> CatalogEntry:
    """One routine file; a file that cannot be used gives an entry with its problems."""
    try:
        return CatalogEntry(path, load_routine(path))
    except RoutineFileError as error:
        return CatalogEntry(path, None, error.problems)


def load_catalog(folders: Iterable[Path]) -> list[CatalogEntry]:
    """Load every routine file in the folders, in order; an id used twice is a problem."""
    entries: list[CatalogEntry] = []
    owners: dict[str, Path] = {}
    for folder in folders:
        for path in routine_files(folder):
            entry = load_entry(path)
            if entry.routine is not None:
                first = owners.setdefault(entry.routine.id, path)
                if first != path:
                    clash = Problem(
                        str(path),
                        _line_of_id(path),
                        1,
                        f"the id {entry.routine.id!r} is already used by {first}; "
                        "give this routine its own id",
                    )
                    entry = CatalogEntry(path, None, (clash,))
            entries.append(entry)
    return entries


def _line_of_id(path: Path) -> int:
    """The line of the top-level ``id:`` key, so a clash message points at it."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((n for n, line in enumerate(lines, start=1) if line.startswith("id:")), 1)
