"""The player on the real clock, for bench/performance.py (run in a child process).

    python bench/countdown_child.py SECONDS

Runs a routine of SECONDS (a 5 s lead-in, then holds with an animated picture, with sound
and voice as the app sets them up) in the real window, and prints JSON lines: each change of
the displayed number with the monotonic truth at that moment, and the planned and actual end.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from neurocoach.app import create_app, make_audio
from neurocoach.core.history.store import HistoryStore
from neurocoach.core.routine.catalog import load_entry
from neurocoach.core.settings import Settings
from neurocoach.paths import app_paths
from neurocoach.ui.common import theme
from neurocoach.ui.player.player_page import PlayerPage
from neurocoach.ui.shell.main_window import MainWindow

ROUTINE = """\
format: 1
id: bench
title: Bench
description: For the benchmark.
area: hands
source: Written for the benchmark.
safety: None.
steps:
  - title: Finger taps
    instructions: Tap each fingertip to your thumb.
    illustration: finger-taps.svg
    hold_seconds: {first}
  - title: Squeeze
    instructions: Squeeze gently.
    illustration: grip-squeeze.svg
    hold_seconds: {second}
"""


def main() -> int:
    seconds = float(sys.argv[1])
    app = create_app()
    theme.apply(app)
    paths = app_paths()
    paths.ensure()
    store = HistoryStore(paths.history_db)
    settings = Settings()
    settings.set("checkin_enabled", False)
    settings.set("lead_in_seconds", 5)
    holds = seconds - 10  # two lead-ins of 5 s
    routine_file = paths.data_dir / "bench.yaml"
    text = ROUTINE.format(first=holds / 2, second=holds / 2)
    # BENCH_PICTURE=finger-taps.svg: the same picture in both holds (the one that moves most).
    if picture := os.environ.get("BENCH_PICTURE"):
        text = text.replace("finger-taps.svg", picture).replace("grip-squeeze.svg", picture)
    routine_file.write_text(text)
    sound = os.environ.get("BENCH_SOUND", "1") == "1"
    window = MainWindow(
        [], store, settings, audio_factory=(lambda: make_audio(settings, window)) if sound else None
    )
    window.resize(1280, 800)
    window.show()
    routine = load_entry(routine_file).routine
    assert routine is not None
    window._told_about_audio = True  # no message box in the way
    window.start_session(routine)
    driver = window.session.driver
    assert driver is not None
    engine = driver.engine
    player = window.current_page()
    assert isinstance(player, PlayerPage)
    started = engine.phase_started_at
    planned_end = started + sum(p.duration for p in engine.phases)
    last = {"text": player.countdown.text}  # already shown when the session began

    def on_tick() -> None:
        text = player.countdown.text
        if text != last["text"]:
            last["text"] = text
            now = time.monotonic()
            print(
                json.dumps(
                    {
                        "shown": text,
                        "unit": player.countdown.unit,
                        "t": now,
                        "truth": engine.remaining(),
                    }
                ),
                flush=True,
            )

    cpu_start = resource.getrusage(resource.RUSAGE_SELF)
    wall_start = time.monotonic()

    def on_end(_outcome: object) -> None:
        cpu = resource.getrusage(resource.RUSAGE_SELF)
        used = (cpu.ru_utime - cpu_start.ru_utime) + (cpu.ru_stime - cpu_start.ru_stime)
        print(
            json.dumps(
                {
                    "end": time.monotonic(),
                    "planned": planned_end,
                    "cpu": used,
                    "wall": time.monotonic() - wall_start,
                }
            ),
            flush=True,
        )
        app.quit()

    driver.ticked.connect(on_tick)
    driver.session_ended.connect(on_end)
    app.exec()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
