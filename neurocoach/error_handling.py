"""Nothing vanishes silently: a rotating log in the user's log folder, and a plain-language
message for any error nobody expected (the app then carries on).

Every session step is already saved as it is left, so the message can say so truthfully.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

LOG_NAME = "neurocoach.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3
log = logging.getLogger("neurocoach")


def setup_logging(log_dir: Path) -> Path | None:
    """Log to stderr and to a rotating file (1 MB, and three older ones); returns the file, if
    it can be written."""
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    if not any(isinstance(h, logging.StreamHandler) for h in root.handlers):
        root.addHandler(logging.StreamHandler())
    path = log_dir / LOG_NAME
    for handler in root.handlers:
        if (
            isinstance(handler, logging.handlers.RotatingFileHandler)
            and Path(handler.baseFilename) == path
        ):
            return path  # already logging there
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
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
