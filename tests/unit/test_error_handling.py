"""The log file: capped in size, with three older files kept, and never in the way."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from neurocoach.error_handling import setup_logging


def file_handler(path: Path) -> logging.handlers.RotatingFileHandler:
    (handler,) = [
        h
        for h in logging.getLogger().handlers
        if isinstance(h, logging.handlers.RotatingFileHandler) and Path(h.baseFilename) == path
    ]
    return handler  # closed after the test by tests/conftest.py


def test_a_full_log_moves_aside_and_only_three_old_ones_are_kept(tmp_path: Path) -> None:
    path = setup_logging(tmp_path)
    assert path == tmp_path / "neurocoach.log"
    handler = file_handler(path)
    assert (handler.maxBytes, handler.backupCount, handler.encoding) == (1_000_000, 3, "utf-8")
    handler.maxBytes = 200  # the same rotation, sooner
    log = logging.getLogger("neurocoach.test")
    for n in range(30):
        log.info("line %02d %s", n, "x" * 30)  # about 80 bytes: two fill a file
    log.info("the newest")
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["neurocoach.log", "neurocoach.log.1", "neurocoach.log.2", "neurocoach.log.3"]
    assert "the newest" in path.read_text()
    assert "line 29" in path.read_text() + (tmp_path / "neurocoach.log.1").read_text()
    assert "line 00" not in "".join(p.read_text() for p in tmp_path.iterdir())  # the oldest went
    assert all(p.stat().st_size <= 200 for p in tmp_path.iterdir())


def test_a_log_already_full_at_start_is_moved_aside_first(tmp_path: Path) -> None:
    path = tmp_path / "neurocoach.log"
    path.write_text("old\n" * 250_000)  # 1 MB
    setup_logging(tmp_path)
    logging.getLogger("neurocoach.test").info("new start")
    assert path.read_text().endswith("neurocoach.test: new start\n")
    assert "old" not in path.read_text()
    assert (tmp_path / "neurocoach.log.1").read_text() == "old\n" * 250_000


def test_setup_logging_writes_to_the_file_once(tmp_path: Path) -> None:
    first = setup_logging(tmp_path)
    second = setup_logging(tmp_path)  # a second call adds no second handler
    assert first == second == tmp_path / "neurocoach.log"
    file_handler(first)  # exactly one
    logging.getLogger("neurocoach.test").warning("written once, in UTF-8: ça va")
    text = (tmp_path / "neurocoach.log").read_text(encoding="utf-8")
    assert text.count("written once, in UTF-8: ça va") == 1


def test_an_unwritable_log_folder_is_told_and_not_fatal(tmp_path: Path, caplog) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    assert setup_logging(blocked) is None
    assert "cannot write the log file" in caplog.text
