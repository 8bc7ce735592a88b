"""Start-up time and peak memory of NeuroCoach against a bare PySide6 window, in one run.

Each sample is a fresh Python process that builds its window, shows it, and exits once the
window has been painted (its first Paint event, and its children's in the same pass).
NeuroCoach runs its real start-up (`main`, as the `neurocoach` command does: options, the
one-coach check, settings, history, routines, window). The bare window (a QMainWindow with
one QLabel) is the floor; NeuroCoach is reported as a ratio to it, measured side by side, so
a busy or slow machine moves both alike.

    python bench/startup.py [--runs 11] [--before DIR]

With --before, a checkout of an older commit (say `git worktree add /tmp/before HEAD~5`) is
started in the same rounds too, so a change's effect on start-up is read from one run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from typing import NamedTuple

BARE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class QuitAfterPaint(QObject):  # as neurocoach.ui.shell.first_paint does for NeuroCoach
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)  # once the whole window has been drawn
        return False

app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("Hello"))
window.resize(1280, 800)
window.installEventFilter(QuitAfterPaint(window))
window.show()
app.exec()
"""

NEUROCOACH = """
from neurocoach.app import main
main(["--quit-after-paint"])  # exactly what `neurocoach` does (options parsed), then quits
"""


class Sample(NamedTuple):
    wall: float  # seconds from process start to exit
    cpu: float  # the child's user + system seconds
    memory: float  # the child's peak RSS, MiB


def sample(code: str, env: dict[str, str]) -> Sample:
    """One fresh process: how long it took, how much CPU and memory it used."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen([sys.executable, "-c", code], env=env, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        if status != 0:
            errors.seek(0)
            sys.stderr.write(errors.read().decode(errors="replace"))
            raise SystemExit(f"benchmark child failed with status {status}")
    # ru_maxrss is in KiB on Linux
    return Sample(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


COMPILE = """
import compileall, os, neurocoach
compileall.compile_dir(os.path.dirname(neurocoach.__file__), quiet=1)
"""


def compare(env: dict[str, str], runs: int) -> tuple[list[Sample], list[Sample]]:
    """(bare, NeuroCoach) samples, interleaved so drifts in machine load hit both."""
    # An installed app has its bytecode compiled (pip does it); a checkout run with
    # PYTHONDONTWRITEBYTECODE would otherwise compile every module on every start.
    subprocess.run([sys.executable, "-c", COMPILE], env=env, check=True)
    sample(BARE, env)  # warm the disk cache for both
    sample(NEUROCOACH, env)
    bare: list[Sample] = []
    coach: list[Sample] = []
    for _ in range(runs):
        bare.append(sample(BARE, env))
        coach.append(sample(NEUROCOACH, env))
    return bare, coach


def compare_first_start(env: dict[str, str], runs: int) -> tuple[list[Sample], list[Sample]]:
    """As `compare`, but each NeuroCoach start in an empty NEUROCOACH_HOME: the first start
    after installing, with no settings file yet and nothing read before (PyYAML is loaded)."""
    bare: list[Sample] = []
    coach: list[Sample] = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as home:
            bare.append(sample(BARE, env))
            coach.append(sample(NEUROCOACH, dict(env, NEUROCOACH_HOME=home)))
    return bare, coach


class Summary(NamedTuple):
    bare: Sample  # medians
    coach: Sample
    ratio: Sample  # the median of the ratios of each interleaved pair


def summarise(bare: list[Sample], coach: list[Sample]) -> Summary:
    """Medians, and ratios pair by pair: this shared machine's speed drifts by 10-20 % from
    minute to minute, and a bare run and the NeuroCoach run just after it see the same."""

    def medians(samples: list[Sample]) -> Sample:
        return Sample(*(statistics.median(values) for values in zip(*samples, strict=True)))

    ratios = [
        Sample(*(c / b for b, c in zip(pair_b, pair_c, strict=True)))
        for pair_b, pair_c in zip(bare, coach, strict=True)
    ]
    return Summary(medians(bare), medians(coach), medians(ratios))


def compare_before(
    env: dict[str, str], old_env: dict[str, str], runs: int
) -> tuple[list[Sample], ...]:
    """(bare, older checkout, this checkout) samples, interleaved in each round."""
    subprocess.run([sys.executable, "-c", COMPILE], env=env, check=True)
    subprocess.run([sys.executable, "-c", COMPILE], env=old_env, check=True)
    for each in (env, old_env):
        sample(NEUROCOACH, each)  # warm the disk cache, write the settings once
    bare: list[Sample] = []
    old: list[Sample] = []
    new: list[Sample] = []
    for _ in range(runs):
        bare.append(sample(BARE, env))
        old.append(sample(NEUROCOACH, old_env))
        new.append(sample(NEUROCOACH, env))
    return bare, old, new


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--before", help="an older checkout to start in the same rounds")
    args = parser.parse_args()
    if args.before:
        with tempfile.TemporaryDirectory() as home, tempfile.TemporaryDirectory() as old_home:
            env = dict(os.environ, NEUROCOACH_HOME=home)
            env.setdefault("QT_QPA_PLATFORM", "offscreen")
            # Its own home, and its neurocoach found before the installed one.
            old_env = dict(env, NEUROCOACH_HOME=old_home, PYTHONPATH=args.before)
            bare, old, new = compare_before(env, old_env, args.runs)
        before, after = summarise(bare, old), summarise(bare, new)
        print(f"runs: {args.runs} rounds of bare, before ({args.before}), after; interleaved")
        print(f"{'':26}{'bare':>8}{'before':>8}{'after':>8}{'before x':>10}{'after x':>9}")
        for label, field in (("start-up, wall (s)", 0), ("start-up, CPU (s)", 1)):
            print(
                f"{label:26}{before.bare[field]:8.3f}{before.coach[field]:8.3f}"
                f"{after.coach[field]:8.3f}{before.ratio[field]:10.2f}{after.ratio[field]:9.2f}"
            )
        print(
            f"{'peak memory (MiB)':26}{before.bare[2]:8.1f}{before.coach[2]:8.1f}"
            f"{after.coach[2]:8.1f}{before.ratio[2]:10.2f}{after.ratio[2]:9.2f}"
        )
        print("(medians; a ratio is the median of each round's ratio to its bare window)")
        return
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, NEUROCOACH_HOME=home)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        result = summarise(*compare(env, args.runs))
        first = summarise(*compare_first_start(env, args.runs))
    print(f"runs: {args.runs} of each, interleaved; platform {env['QT_QPA_PLATFORM']}")
    print(f"{'':26}{'bare window':>12}{'NeuroCoach':>12}{'ratio':>8}")
    b, c, r = result
    print(f"{'start-up, wall (s)':26}{b.wall:12.3f}{c.wall:12.3f}{r.wall:8.2f}")
    print(f"{'start-up, CPU (s)':26}{b.cpu:12.3f}{c.cpu:12.3f}{r.cpu:8.2f}")
    print(f"{'peak memory (MiB)':26}{b.memory:12.1f}{c.memory:12.1f}{r.memory:8.2f}")
    b, c, r = first
    print(f"{'first start, wall (s)':26}{b.wall:12.3f}{c.wall:12.3f}{r.wall:8.2f}")
    print("(medians; the ratio is the median of the ratios of each bare/NeuroCoach pair)")


if __name__ == "__main__":
    main()
