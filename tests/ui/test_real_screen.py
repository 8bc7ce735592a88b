"""Every page and dialog in a real X window, at the screen and text sizes our users have.

Each case starts Xvfb at a screen size, writes the text size into a fresh settings file, and
runs tests/ui/real_screen_walk.py: the app started as the `neurocoach` command starts it,
driven with real key presses through the X server. Offscreen tests size the window by hand;
here the app sizes itself for the screen, as it does for a user, and a page that asks for
more room than the screen has shows up as a window off the screen's edge.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import REPO

CASES = [  # (screen, text size): the four, and the smallest screen at large text
    ("1024x768", 100),
    ("1280x800", 200),
    ("1366x768", 150),
    ("1920x1080", 200),
    ("1024x768", 150),
    ("1024x768", 200),
]
PAGES = [
    "routine list",
    "before you start",
    "check-in before",
    "player",
    "paused player",
    "next step",
    "exercise dialog",
    "stop dialog",
    "check-in after",
    "finish",
    "history: sessions",
    "history: calendar",
    "history: minutes a week",
    "history: how I felt",
    "history: self-checks",
    "report dialog",
    "settings",
    "about box",
    "open a routine file",
    "foot check question",
    "foot check answers",
    "before warm water",
    "water check",
]


@pytest.fixture
def x_screen(request):
    """An Xvfb screen of the size asked for; its DISPLAY."""
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    assert not missing, f"install {' and '.join(missing)} (Debian: xvfb xdotool) for this test"
    read, write = os.pipe()  # Xvfb picks a free display itself and writes its number here
    server = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write),
            "-screen",
            "0",
            f"{request.param}x24",
            "-nolisten",
            "tcp",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=(write,),
    )
    os.close(write)
    with os.fdopen(read) as answer:
        number = answer.readline().strip()
    assert number, "Xvfb did not start"
    display = f":{number}"
    yield display
    server.terminate()
    server.wait(5)


@pytest.mark.parametrize(
    ("x_screen", "scale"), CASES, indirect=["x_screen"], ids=[f"{s}@{t}%" for s, t in CASES]
)
def test_every_page_fits_the_screen_with_nothing_cut(x_screen, scale, tmp_path) -> None:
    home = tmp_path / "home"
    env = {
        **os.environ,
        "DISPLAY": x_screen,
        "QT_QPA_PLATFORM": "xcb",
        "NEUROCOACH_HOME": str(home),
    }
    code = "from neurocoach.paths import app_paths; print(app_paths().settings_file)"
    settings = Path(
        subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        ).stdout.strip()
    )
    settings.parent.mkdir(parents=True, exist_ok=True)
    # Silent: the sound layer is real, but nothing is played into a sound server other tests
    # (the real-audio one) may be recording from.
    # Two reminders, so the routine list opens with "Today" and Settings lists a plan; set
    # twelve hours away, so none comes due during the walk.
    later = (datetime.now() + timedelta(hours=12)).strftime("%H:%M")
    settings.write_text(
        f"version: 2\ntext_scale: {scale}\nvoice_enabled: false\ntones_enabled: false\n"
        f"reminders:\n  - {{time: '{later}', routine: quick-hands}}\n"
        f"  - {{time: '{later}', routine: foot-care}}\n"
    )
    walk = subprocess.run(
        [sys.executable, "-m", "tests.ui.real_screen_walk"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=180,
    )
    lines = [json.loads(line) for line in walk.stdout.splitlines() if line.startswith("{")]
    assert walk.returncode == 0, walk.stderr[-3000:]
    assert [line.get("page") for line in lines] == PAGES, lines
    problems = {line["page"]: line["problems"] for line in lines if line["problems"]}
    for line in lines:
        print(f"{line['page']:22} window {line['window']} on {line['screen']}")
    assert problems == {}
