"""Nothing vanishes silently: a rotating log in the user's log folder, and a plain-language
message for any error nobody expected (the app then carries on).

Every session step is already saved as it is left, so the message can say so truthfully.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

LOG_NAME = "neurocoach.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3
log = logging.getLogger("neurocoach")


class SizeCappedLogFile(logging.FileHandler):
    """A log file moved aside (to .1, .2, .3, the oldest dropped) once it passes max_bytes.

    What logging.handlers.RotatingFileHandler does; ours because importing logging.handlers
    (it brings socket, pickle and queue) cost 6 ms before the first paint.
    """

    def __init__(self, path: Path, max_bytes: int = LOG_MAX_BYTES, backups: int = LOG_BACKUPS):
        self.max_bytes = max_bytes
        self.backups = backups
        super().__init__(path, encoding="utf-8")
        if self._full():
            self.rotate()

    def _full(self) -> bool:
        return self.stream is not None and self.stream.tell() >= self.max_bytes

    def emit(self, record: logging.LogRecord) -> None:
        super().emit(record)
        if self._full():
            self.rotate()

    def rotate(self) -> None:
        """Close the file and shift it and its backups along; the next record starts anew."""
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        path = Path(self.baseFilename)
        try:
            for n in range(self.backups - 1, 0, -1):
                older = path.with_name(f"{path.name}.{n}")
                if older.exists():
                    os.replace(older, path.with_name(f"{path.name}.{n + 1}"))
            os.replace(path, path.with_name(f"{path.name}.1"))
        except OSError as error:  # the log must never take the app down
            sys.stderr.write(f"NeuroCoach: the log file could not be rotated: {error}\n")


def setup_logging(log_dir: Path) -> Path | None:
    """Log to stderr and to a size-capped file (1 MB x 4); returns the file, if it can be
    written."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    if not any(isinstance(h, logging.StreamHandler) for h in root.handlers):
        root.addHandler(logging.StreamHandler())
    path = log_dir / LOG_NAME
    for handler in root.handlers:
        if isinstance(handler, SizeCappedLogFile) and Path(handler.baseFilename) == path:
            return path  # already logging there
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = SizeCappedLogFile(path)
    except OSError as error:
        log.warning("cannot write the log file %s: %s", path, error)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return path


def plain_message(log_file: Path | None) -> str:
    where = f" The details are in {log_file}." if log_file else ""
    return (
        "NeuroCoach met a problem it did not expect. What you have done so far is saved, and "
        f"you can carry on.{where} If it happens again, please send that file to the people "
        "who look after NeuroCoach."
    )


def install_excepthook(show: Callable[[str], None], log_file: Path | None) -> None:
    """Log any uncaught exception with its traceback, then tell the user in plain words."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        log.error("uncaught error:\n%s", "".join(traceback.format_exception(kind, error, tb)))
        try:
            show(plain_message(log_file))
        except Exception:  # the message itself must never take the app down
            log.exception("could not show the error message")

    sys.excepthook = hook
