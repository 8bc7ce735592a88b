"""Shared test set-up: headless Qt, and every file the app writes kept inside tmp_path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# Offscreen, on a screen larger than any window under test (Qt's offscreen screen is 800x800,
# smaller than the 1280x800 and 1920x1080 windows the tests use, and windows keep to their
# screen). The real screen sizes are tested in a real X window: tests/ui/test_real_screen.py.
os.environ.setdefault(
    "QT_QPA_PLATFORM", f"offscreen:configfile={REPO / 'tests' / 'offscreen_screen.json'}"
)


@pytest.fixture(autouse=True)
def neurocoach_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point NEUROCOACH_HOME at a temporary folder for every test: no real user file is touched."""
    home = tmp_path / "neurocoach-home"
    monkeypatch.setenv("NEUROCOACH_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def no_log_files_left_open():
    """The app adds a log file under NEUROCOACH_HOME; close it after each test."""
    import logging
    import logging.handlers

    yield
    root = logging.getLogger()
    for handler in [
        h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)
    ]:
        root.removeHandler(handler)
        handler.close()
