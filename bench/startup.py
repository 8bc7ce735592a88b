"""Start-up time and peak memory of NeuroCoach against a bare PySide6 window, in one run.

Each sample is a fresh Python process that builds its window, shows it, lets the event
loop turn once (so the first paint happens) and exits. NeuroCoach runs its real start-up
(`main`, as the `neurocoach` command does: options, the one-coach check, settings,
history, routines, window). The bare window (a QMainWindow with one QLabel) is the floor;
NeuroCoach is reported as a ratio to it, measured side by side, so a busy or slow machine
moves both alike.

    python bench/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.resize(1280, 800)
window.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""

NEUROCOACH = """
from neurocoach.app import main
main(["--quit-after-paint"])  # exactly what `neurocoach` does (options parsed), then quits
"""


def sample(code: str, env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds from process start to exit, and the child's peak RSS in MiB."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen([sys.executable, "-c", code], env=env, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        if status != 0:
            errors.seek(0)
            sys.stderr.write(errors.read().decode(errors="replace"))
            raise SystemExit(f"benchmark child failed with status {status}")
    return elapsed, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


COMPILE = """
import compileall, os, neurocoach
compileall.compile_dir(os.path.dirname(neurocoach.__file__), quiet=1)
"""


def compare(env: dict[str, str], runs: int) -> tuple[list[tuple[float, float]], ...]:
    """(bare, NeuroCoach) samples, interleaved so drifts in machine load hit both."""
    # An installed app has its bytecode compiled (pip does it); a checkout run with
    # PYTHONDONTWRITEBYTECODE would otherwise compile every module on every start.
    subprocess.run([sys.executable, "-c", COMPILE], env=env, check=True)
    sample(BARE, env)  # warm the disk cache for both
    sample(NEUROCOACH, env)
    bare, coach = [], []
    for _ in range(runs):
        bare.append(sample(BARE, env))
        coach.append(sample(NEUROCOACH, env))
    return bare, coach


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, NEUROCOACH_HOME=home)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        bare, coach = compare(env, args.runs)
    b_time = statistics.median(t for t, _ in bare)
    c_time = statistics.median(t for t, _ in coach)
    b_mem = statistics.median(m for _, m in bare)
    c_mem = statistics.median(m for _, m in coach)
    print(f"runs: {args.runs} of each, interleaved; platform {env['QT_QPA_PLATFORM']}")
    print(f"{'':24}{'bare window':>14}{'NeuroCoach':>14}{'ratio':>9}")
    print(f"{'start-up, median (s)':24}{b_time:14.3f}{c_time:14.3f}{c_time / b_time:9.2f}")
    print(f"{'peak memory (MiB)':24}{b_mem:14.1f}{c_mem:14.1f}{c_mem / b_mem:9.2f}")


if __name__ == "__main__":
    main()
