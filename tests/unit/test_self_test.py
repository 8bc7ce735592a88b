from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from neurocoach import self_test


def test_the_self_test_passes_on_a_complete_installation(qapp) -> None:
    out = io.StringIO()
    assert self_test.run(out) == 0
    text = out.getvalue()
    for line in ("routines: 5 loaded", "pictures: ", "sounds: 7 tones", "session: Quick hands"):
        assert line in text
    assert text.strip().endswith("self-test passed")


def test_the_self_test_fails_when_something_is_missing(qapp, tmp_path: Path, monkeypatch) -> None:
    import neurocoach.paths

    monkeypatch.setattr(neurocoach.paths, "bundled_routines_dir", lambda: tmp_path)
    out = io.StringIO()
    assert self_test.run(out) == 1
    assert "routines: FAILED: no routines in" in out.getvalue()


def test_the_app_names_itself_for_the_desktop() -> None:
    code = (
        "from neurocoach.app import create_app, APP_ID\n"
        "app = create_app()\n"
        "app.processEvents()\n"
        "print(app.applicationName(), app.desktopFileName() == APP_ID, "
        "not app.windowIcon().isNull())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.stdout.split() == ["NeuroCoach", "True", "True"]
