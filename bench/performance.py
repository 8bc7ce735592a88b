"""Every performance figure in one run, side by side with a bare PySide6 window.

    python bench/performance.py [--runs 11] [--countdown 120]

Prints a table: start-up time and peak memory as ratios to a bare window (same run,
interleaved), CPU while a countdown runs with sound and pictures, countdown accuracy over a
real run, loading every bundled routine plus 200 generated ones, and opening the History
window with 10,000 sessions. Takes about four minutes (the countdown runs in real time).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from startup import compare, compare_first_start, summarise  # noqa: E402

BUDGETS = {
    "start-up": "<= 1.6 x bare",
    "memory": "<= 1.6 x bare",
    "cpu": "<= 2 % of a core",
    "accuracy": "<= 50 ms",
    "history": "<= 0.3 s",
}


def countdown(seconds: float, env: dict[str, str]) -> dict[str, float]:
    """Run the player for real; return CPU share, the worst display lag and the end error."""
    out = subprocess.run(
        [sys.executable, str(HERE / "countdown_child.py"), str(seconds)],
        env=env,
        capture_output=True,
        text=True,
        timeout=seconds + 120,
        check=True,
    ).stdout
    events = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    (end,) = [e for e in events if "end" in e]
    lags = []
    for shown in (e for e in events if "shown" in e and not e["unit"]):
        # The number changed to N when the truth had just gone below N: how far below?
        lags.append(max(0.0, float(shown["shown"]) - shown["truth"]))
    return {
        "cpu": 100 * end["cpu"] / end["wall"],
        "lag_ms": 1000 * max(lags),
        "end_ms": 1000 * (end["end"] - end["planned"]),
        "changes": len(lags),
    }


BARE_IDLE = """
import resource, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.resize(1280, 800)
window.show()
start = {}

def begin():
    start["cpu"] = resource.getrusage(resource.RUSAGE_SELF)

def end():
    now = resource.getrusage(resource.RUSAGE_SELF)
    used = (now.ru_utime - start["cpu"].ru_utime) + (now.ru_stime - start["cpu"].ru_stime)
    print(used)
    app.quit()

QTimer.singleShot(500, begin)
QTimer.singleShot(500 + int(SECONDS * 1000), end)
app.exec()
"""


def bare_idle(seconds: float, env: dict[str, str]) -> float:
    """CPU share of a bare PySide6 window left open as long: the floor beside the countdown."""
    out = subprocess.run(
        [sys.executable, "-c", BARE_IDLE.replace("SECONDS", repr(seconds))],
        env=env,
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        check=True,
    ).stdout
    return 100 * float(out.split()[-1]) / seconds


def routines_load(count: int = 200) -> tuple[float, int]:
    from neurocoach.core.routine.catalog import load_catalog
    from neurocoach.paths import bundled_routines_dir

    folder = Path(tempfile.mkdtemp(prefix="neurocoach-routines-"))
    model = (bundled_routines_dir() / "hand-exercises.yaml").read_text()
    for n in range(count):
        (folder / f"generated-{n:03d}.yaml").write_text(
            model.replace("id: hand-exercises", f"id: generated-{n:03d}")
        )
    started = time.perf_counter()
    entries = load_catalog([bundled_routines_dir(), folder])
    took = time.perf_counter() - started
    assert all(e.ok for e in entries), [e.problems for e in entries if not e.ok][:1]
    return took, len(entries)


def history_window(sessions: int = 10_000) -> float:
    out = subprocess.run(
        [sys.executable, str(HERE / "history_bench.py"), "--sessions", str(sessions)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout
    line = next(line for line in out.splitlines() if line.startswith("History window"))
    return float(line.split(":")[1].split()[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--countdown", type=float, default=120)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="neurocoach-perf-")
    env = dict(os.environ, NEUROCOACH_HOME=home, QT_QPA_PLATFORM="offscreen")
    start = summarise(*compare(env, args.runs))
    first = summarise(*compare_first_start(env, args.runs))
    run = countdown(args.countdown, env)
    floor = bare_idle(min(args.countdown, 60), env)
    load_time, load_count = routines_load()
    history = history_window()
    rows = [
        (
            "start-up to first paint",
            f"{start.coach.wall:.3f} s vs {start.bare.wall:.3f} s",
            f"{start.ratio.wall:.2f} x",
            BUDGETS["start-up"],
        ),
        (
            "first start (nothing read yet)",
            f"{first.coach.wall:.3f} s vs {first.bare.wall:.3f} s",
            f"{first.ratio.wall:.2f} x",
            "-",
        ),
        (
            "start-up CPU time",
            f"{start.coach.cpu:.3f} s vs {start.bare.cpu:.3f} s",
            f"{start.ratio.cpu:.2f} x",
            "-",
        ),
        (
            "peak memory at start-up",
            f"{start.coach.memory:.1f} MiB vs {start.bare.memory:.1f} MiB",
            f"{start.ratio.memory:.2f} x",
            BUDGETS["memory"],
        ),
        (
            f"CPU, {args.countdown:g} s countdown",
            "sound, voice, moving pictures on",
            f"{run['cpu']:.2f} %",
            BUDGETS["cpu"],
        ),
        ("CPU, a bare window left open", "the floor, beside it", f"{floor:.2f} %", "-"),
        (
            "countdown display lag",
            f"worst of {run['changes']} changes",
            f"{run['lag_ms']:.0f} ms",
            BUDGETS["accuracy"],
        ),
        (
            "end-time error",
            "session end vs planned",
            f"{run['end_ms']:.0f} ms",
            BUDGETS["accuracy"],
        ),
        ("load routines", f"{load_count} files (200 generated)", f"{load_time:.3f} s", "-"),
        ("History, 10,000 sessions", "shown and painted", f"{history:.3f} s", BUDGETS["history"]),
    ]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.platform()}"
    )
    print(f"{'measure':32}{'detail':34}{'figure':>12}  budget")
    for name, detail, figure, budget in rows:
        print(f"{name:32}{detail:34}{figure:>12}  {budget}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"(peak RSS of this script: {peak} MiB)")


if __name__ == "__main__":
    main()
