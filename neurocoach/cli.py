"""Command-line options, and ``--check`` for routine authors (which needs no window at all)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from neurocoach import __version__
from neurocoach.core.routine.illustrations import picture_for
from neurocoach.core.routine.loader import RoutineFileError, load_routine
from neurocoach.core.routine.model import Routine
from neurocoach.core.session.wording import count_text
from neurocoach.paths import bundled_illustrations_dir


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="neurocoach",
        description=(
            "NeuroCoach: a hands-free home exercise coach for people living with peripheral "
            "neuropathy. Pick a routine and it guides you through every step by itself."
        ),
        epilog=(
            "Every file NeuroCoach writes (history, your own routines) lives in your user data "
            "folder; set NEUROCOACH_HOME to keep them all in one other folder instead."
        ),
    )
    parser.add_argument(
        "routine", nargs="?", type=Path, metavar="FILE.yaml", help="open this routine file directly"
    )
    parser.add_argument(
        "--check",
        nargs="+",
        type=Path,
        metavar="FILE",
        help="check routine files and report every problem as file:line:column: message",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation (routines, pictures, sounds, a session) and exit",
    )
    parser.add_argument(
        "--background",
        action="store_true",
        help="start in the tray, to remind at the planned times (how a start at log-in runs)",
    )
    parser.add_argument("--version", action="version", version=f"NeuroCoach {__version__}")
    # For bench/startup.py: start exactly as a user would, then quit once the window is painted.
    parser.add_argument("--quit-after-paint", action="store_true", help=argparse.SUPPRESS)
    return parser


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def missing_pictures(routine: Routine, path: Path) -> list[str]:
    """A picture that is named but not found: the routine still plays (the step shows its
    title instead), but its author will want to know."""
    bundled = bundled_illustrations_dir()
    return [
        f"{path}: warning: step {number} ({step.title}): the picture {step.illustration!r} "
        "is neither next to the routine nor among the bundled pictures"
        for number, step in enumerate(routine.steps, start=1)
        if step.illustration and picture_for(step.illustration, path.parent, bundled) is None
    ]


def check_files(paths: Sequence[Path], out: TextIO | None = None) -> int:
    """Validate routine files; 0 when all are good, 1 when any has a problem."""
    out = out or sys.stdout
    bad = 0
    for path in paths:
        try:
            routine = load_routine(path)
        except RoutineFileError as error:
            bad += 1
            for problem in error.problems:
                print(problem, file=out)
            continue
        steps = count_text(len(routine.steps), "step")
        print(f"{path}: ok ({routine.title}, {steps})", file=out)
        for warning in missing_pictures(routine, path):
            print(warning, file=out)
    total = len(paths)
    print(f"{total - bad} of {total} routine files are fine.", file=out)
    return 1 if bad else 0
