"""What a routine is, once loaded: plain immutable values that the engine and the UI share."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

MAX_SECONDS = 3600.0  # the longest hold or rest a routine (or a setting) may ask for
MAX_REPS = 100


class Area(str, Enum):
    """The part of the body a routine works on."""

    HANDS = "hands"
    FEET = "feet"
    BOTH = "both"


class Sides(str, Enum):
    """Whether a step is done once, or once for each hand or foot."""

    NONE = "none"
    LEFT_RIGHT = "left-right"


class Care(str, Enum):
    """What a step asks of the body that the foot check can make unsafe (see foot_check.py)."""

    FEET = "feet"  # presses, rolls, rubs or soaks a foot: not on a wounded or hot, swollen foot
    WARM_WATER = "warm-water"  # skin goes into warm water: unsafe if warmth cannot be felt


class Side(str, Enum):
    """The side being worked right now. Right comes first, as most people are right-handed."""

    RIGHT = "right"
    LEFT = "left"


@dataclass(frozen=True)
class Step:
    """One exercise: hold (or keep doing) a movement for ``hold_seconds``, ``reps`` times."""

    title: str
    instructions: str
    hold_seconds: float
    reps: int = 1
    sides: Sides = Sides.NONE
    rest_seconds: float = 0.0
    say: str | None = None
    illustration: str | None = None
    caution: str | None = None
    care: frozenset[Care] = frozenset()

    @property
    def side_order(self) -> tuple[Side | None, ...]:
        return (Side.RIGHT, Side.LEFT) if self.sides is Sides.LEFT_RIGHT else (None,)

    @property
    def spoken_text(self) -> str:
        """What the voice says when the step begins: ``say`` if the author wrote one."""
        return self.say if self.say else self.instructions


@dataclass(frozen=True)
class Routine:
    """A named sequence of steps, with where its content comes from and what to watch for."""

    id: str
    title: str
    description: str
    area: Area
    source: str
    safety: str
    steps: tuple[Step, ...]
    needs: str | None = None  # what to have at hand, said before it starts
    path: Path | None = None

    @property
    def cares(self) -> frozenset[Care]:
        """Everything its steps ask of the body that the foot check has a say in."""
        return frozenset().union(*(step.care for step in self.steps))
