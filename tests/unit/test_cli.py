from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from neurocoach import __version__
from neurocoach.app import main
from neurocoach.cli import check_files
from neurocoach.paths import bundled_routines_dir


def test_check_accepts_the_bundled_routines() -> None:
    out = io.StringIO()
    files = sorted(bundled_routines_dir().glob("*.yaml"))
    assert check_files(files, out) == 0
    assert f"{len(files)} of {len(files)} routine files are fine." in out.getvalue()


def test_check_reports_file_line_column_and_fails(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        (bundled_routines_dir() / "quick-hands.yaml")
        .read_text()
        .replace("reps: 2", "reps: lots", 1)
    )
    good = bundled_routines_dir() / "quick-hands.yaml"
    assert main(["--check", str(good), str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{bad}:35:11: 'reps' must be a whole number, not text ('lots')" in out
    assert "1 of 2 routine files are fine." in out


def test_check_warns_of_a_picture_that_is_not_there(tmp_path: Path) -> None:
    """Such a routine plays (the step shows its title), but its author is told."""
    own = tmp_path / "own.yaml"
    text = (bundled_routines_dir() / "quick-hands.yaml").read_text()
    first = next(line for line in text.splitlines() if "illustration:" in line)
    own.write_text(text.replace(first, first.split(":")[0] + ": no-such-picture.svg", 1))
    out = io.StringIO()
    assert check_files([own], out) == 0
    assert "warning: step 1" in out.getvalue()
    assert "'no-such-picture.svg' is neither next to the routine" in out.getvalue()
    bundled = io.StringIO()
    check_files(sorted(bundled_routines_dir().glob("*.yaml")), bundled)
    assert "warning" not in bundled.getvalue()


def test_version_and_help_need_no_window() -> None:
    version = subprocess.run(
        [sys.executable, "-m", "neurocoach", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert version.stdout.strip() == f"NeuroCoach {__version__}"
    help_text = subprocess.run(
        [sys.executable, "-m", "neurocoach", "--help"], capture_output=True, text=True, check=True
    ).stdout
    for option in ("--check", "--version", "FILE.yaml", "NEUROCOACH_HOME"):
        assert option in help_text


def test_unknown_option_fails() -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--no-such-option"])
    assert caught.value.code == 2
