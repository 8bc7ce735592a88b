"""The log file: capped in size, with three older files kept, and never in the way."""

from __future__ import annotations

import logging
from pathlib import Path

from neurocoach.error_handling import SizeCappedLogFile, setup_logging


def record(text: str) -> logging.LogRecord:
    return logging.LogRecord("neurocoach.test", logging.INFO, __file__, 1, text, None, None)


def test_a_full_log_moves_aside_and_only_three_old_ones_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "neurocoach.log"
    handler = SizeCappedLogFile(path, max_bytes=100, backups=3)
    try:
        for n in range(30):
            handler.emit(record(f"line {n:02d} " + "x" * 30))  # 40 bytes: three fill a file
        handler.emit(record("the newest"))
    finally:
        handler.close()
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["neurocoach.log", "neurocoach.log.1", "neurocoach.log.2", "neurocoach.log.3"]
    assert path.read_text() == "the newest\n"
    assert "line 29" in (tmp_path / "neurocoach.log.1").read_text()
    assert "line 00" not in "".join(p.read_text() for p in tmp_path.iterdir())  # the oldest went
    assert all(p.stat().st_size <= 120 for p in tmp_path.iterdir())


def test_a_log_already_full_at_start_is_moved_aside_first(tmp_path: Path) -> None:
    path = tmp_path / "neurocoach.log"
    path.write_text("old\n" * 50)
    handler = SizeCappedLogFile(path, max_bytes=100)
    try:
        handler.emit(record("new start"))
    finally:
        handler.close()
    assert path.read_text() == "new start\n"
    assert (tmp_path / "neurocoach.log.1").read_text() == "old\n" * 50


def test_setup_logging_writes_to_the_file_once(tmp_path: Path) -> None:
    root = logging.getLogger()
    first = setup_logging(tmp_path)
    second = setup_logging(tmp_path)  # a second call adds no second handler
    try:
        assert first == second == tmp_path / "neurocoach.log"
        logging.getLogger("neurocoach.test").warning("written once")
        assert (tmp_path / "neurocoach.log").read_text().count("written once") == 1
    finally:
        for handler in [h for h in root.handlers if isinstance(h, SizeCappedLogFile)]:
            root.removeHandler(handler)
            handler.close()


def test_an_unwritable_log_folder_is_told_and_not_fatal(tmp_path: Path, caplog) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    assert setup_logging(blocked) is None
    assert "cannot write the log file" in caplog.text
