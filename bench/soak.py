"""Eight hours of routines, back to back, through the real player window on a fast clock.

Prints memory (RSS) and the counts of live widgets and timers after each simulated hour, then
the growth from the first hour to the last (goal: under 5 MiB, counts not growing).

    python bench/soak.py [--hours 8]
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hours", type=float, default=8)
    args = parser.parse_args()
    os.environ["NEUROCOACH_HOME"] = tempfile.mkdtemp(prefix="neurocoach-soak-")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from neurocoach.core.history.store import HistoryStore
    from neurocoach.core.routine.catalog import load_catalog
    from neurocoach.core.session.clock import ManualClock
    from neurocoach.core.settings import Settings
    from neurocoach.paths import app_paths, bundled_routines_dir
    from neurocoach.ui.common import theme
    from neurocoach.ui.shell.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    theme.apply(app)
    paths = app_paths()
    paths.ensure()
    store = HistoryStore(paths.history_db)
    settings = Settings()
    settings.set("checkin_enabled", False)
    clock = ManualClock()
    window = MainWindow([bundled_routines_dir()], store, settings, clock)
    window.resize(1280, 800)
    window.show()
    routines = [e.routine for e in load_catalog([bundled_routines_dir()]) if e.routine]
    state = {"next": 0, "hour": 0}
    started_clock = clock.now()
    figures: list[tuple[int, float, int, int]] = []

    def start_next() -> None:
        window.show_routines()
        window.start_session(routines[state["next"] % len(routines)])
        state["next"] += 1
        assert window.session.driver is not None
        window.session.driver.session_ended.connect(lambda _o: QTimer.singleShot(0, start_next))

    def tick() -> None:
        clock.advance(1.0)
        hours = (clock.now() - started_clock) / 3600
        if hours >= state["hour"] + 1:
            state["hour"] += 1
            gc.collect()
            app.processEvents()
            timers = sum(1 for t in window.findChildren(QTimer) if t.isActive())
            figures.append((state["hour"], rss_mib(), len(QApplication.allWidgets()), timers))
            print(
                f"hour {state['hour']}: {figures[-1][1]:.1f} MiB, "
                f"{figures[-1][2]} widgets, {figures[-1][3]} active timers, "
                f"{state['next']} sessions",
                flush=True,
            )
        if hours >= args.hours:
            app.quit()

    fast = QTimer()
    fast.timeout.connect(tick)
    fast.start(1)  # about a thousand times real time: the player still refreshes as usual
    wall = time.perf_counter()
    start_next()
    app.exec()
    store.close()
    if not figures:
        raise SystemExit("figures are taken each simulated hour: give --hours 1 or more")
    first, last = figures[0], figures[-1]
    print(
        f"{args.hours:g} simulated hours, {state['next']} sessions, "
        f"{time.perf_counter() - wall:.0f} s of real time"
    )
    print(
        f"memory growth from hour 1 to hour {last[0]}: {last[1] - first[1]:+.1f} MiB "
        f"(goal < 5 MiB); widgets {first[2]} -> {last[2]}; active timers {first[3]} -> {last[3]}"
    )


if __name__ == "__main__":
    main()
