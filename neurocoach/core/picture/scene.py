"""An exercise's picture over time: a few key poses, and smooth movement between them.

A scene is a drawing function and its key poses, each a mapping of named numbers (joint
angles, where a ball is) at a moment in seconds from the start of the phase. Between keys
every number eases from one value to the next, so the movement is smooth at any frame rate
and the picture can be asked for at any moment: the player asks for the moment its clock
says, and the picture never keeps time itself. A looping scene goes back to its first key
after `period` seconds and starts again; one that does not loop stays at its last key (a
stretch is reached, then held).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from neurocoach.core.picture.shapes import Shape

Params = Mapping[str, float]


def ease(t: float) -> float:
    """Slow out of one pose and slow into the next, as a person moves."""
    t = min(1.0, max(0.0, t))
    return t * t * (3 - 2 * t)


@dataclass(frozen=True)
class Scene:
    name: str
    draw: Callable[[Params], list[Shape]]
    keys: tuple[tuple[float, Params], ...]
    period: float | None = None  # seconds for one round of a loop; None: once, then hold

    def __post_init__(self) -> None:
        times = [t for t, _ in self.keys]
        if not self.keys or times != sorted(times) or times[0] != 0:
            raise ValueError(f"scene {self.name}: keys must start at 0 s and go forward")
        if self.period is not None and self.period <= times[-1]:
            raise ValueError(f"scene {self.name}: the period must end after the last key")

    @property
    def moving(self) -> bool:
        return len(self.keys) > 1

    def params_at(self, seconds: float) -> dict[str, float]:
        """Every number of the scene `seconds` into the phase."""
        keys = list(self.keys)
        if self.period is not None:
            seconds %= self.period
            keys.append((self.period, self.keys[0][1]))
        times = [t for t, _ in keys]
        index = bisect.bisect_right(times, seconds) - 1
        if index >= len(keys) - 1 or index < 0:
            return dict(keys[-1 if index >= 0 else 0][1])
        (t0, a), (t1, b) = keys[index], keys[index + 1]
        k = ease((seconds - t0) / (t1 - t0))
        names = set(a) | set(b)
        return {n: a.get(n, b.get(n, 0.0)) * (1 - k) + b.get(n, a.get(n, 0.0)) * k for n in names}

    def shapes_at(self, seconds: float) -> list[Shape]:
        return self.draw(self.params_at(seconds))

    def moving_box(self, samples: int = 24) -> tuple[float, float, float, float] | None:
        """The part of the card where anything ever moves (left, top, right, bottom), from the
        picture at `samples` moments over a round; None for a still picture. Outside it the
        picture is the same at every moment, so a screen need only paint this part again."""
        if not self.moving:
            return None
        end = self.period or self.keys[-1][0]
        first = self.shapes_at(0.0)
        box: list[float] | None = None
        for i in range(1, samples + 1):
            shapes = self.shapes_at(end * i / samples)
            changed = [s for s in shapes if s not in first] + [s for s in first if s not in shapes]
            for shape in changed:
                left, top, right, bottom = shape.bounds()
                if box is None:
                    box = [left, top, right, bottom]
                else:
                    box = [
                        min(box[0], left),
                        min(box[1], top),
                        max(box[2], right),
                        max(box[3], bottom),
                    ]
        if box is None:
            return None
        return box[0] - 2, box[1] - 2, box[2] + 2, box[3] + 2

    def key_shapes(self) -> list[list[Shape]]:
        """The picture at each key pose: what a contact sheet shows."""
        return [self.draw(params) for _, params in self.keys]
