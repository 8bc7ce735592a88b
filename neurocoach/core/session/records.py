"""What a session leaves behind: why it ended, and what was done in each step.

Kept apart from the engine so the history can read and write them without loading it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class EndReason(str, Enum):
    FINISHED = "finished"  # went through to the end
    STOPPED = "stopped"  # the user chose Stop
    CLOSED = "closed"  # the window was closed mid-session


@dataclass
class StepRecord:
    """What was planned and what was really done for one step (across all its visits)."""

    step_index: int
    title: str
    planned_hold_seconds: float
    reps_planned: int
    actual_hold_seconds: float = 0.0
    reps_done: int = 0
    skipped: bool = False
