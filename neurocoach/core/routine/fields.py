"""The keys of a routine file (format 1), each declared once, as data.

The loader reads a file by these declarations, and the JSON Schema that editors use is built
from them (`schema.py`), so the two cannot disagree about what a good file is. A rule says
what a value must be, not how to check it: the loader and the schema each make their own
checks of it. A rule's ``kind`` names it in words, for the loader's messages.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from neurocoach.core.routine.model import MAX_REPS, MAX_SECONDS, Area, Care, Sides

FORMAT_VERSION = 1
ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"


@dataclass(frozen=True)
class Text:
    """Some text, not only spaces."""

    kind = "text"


@dataclass(frozen=True)
class Seconds:
    """A number of seconds up to MAX_SECONDS: more than 0, or (``allow_zero``) 0 or more."""

    allow_zero: bool
    most = MAX_SECONDS
    kind = "seconds"


@dataclass(frozen=True)
class WholeNumber:
    """A whole number from 1 to ``most``."""

    most = MAX_REPS
    kind = "a whole number"


@dataclass(frozen=True)
class Choice:
    """One of an enumeration's values, read as the enumeration's member."""

    enum: type[Enum]

    @property
    def values(self) -> list[str]:
        return [str(member.value) for member in self.enum]

    @property
    def kind(self) -> str:
        *first, last = self.values
        return f"{', '.join(first)} or {last}" if first else last


@dataclass(frozen=True)
class ChoiceList:
    """A list of `item`'s choices, each at most once: ``[feet, warm-water]``."""

    item: Choice

    @property
    def kind(self) -> str:
        return f"a list of {', '.join(self.item.values)}"


@dataclass(frozen=True)
class Ident:
    """A short name that routines are told apart by (and the history remembers)."""

    pattern = ID_PATTERN
    kind = "a short name like quick-hands"


@dataclass(frozen=True)
class FormatNumber:
    """The format version this NeuroCoach reads, and only that."""

    version = FORMAT_VERSION
    kind = f"the number {FORMAT_VERSION}"


@dataclass(frozen=True)
class Illustration:
    """An SVG file name: beside the routine or bundled, never a path out of the folder."""

    kind = "an SVG file name"


@dataclass(frozen=True)
class StepList:
    """The steps, at least one, each a mapping of `STEP_FIELDS`."""

    kind = "a list of steps"


Rule = (
    Text
    | Seconds
    | WholeNumber
    | Choice
    | ChoiceList
    | Ident
    | FormatNumber
    | Illustration
    | StepList
)


@dataclass(frozen=True)
class Field:
    """One key of a routine or a step, with a description for authors (editors show it)."""

    key: str
    required: bool
    rule: Rule
    description: str


ROUTINE_FIELDS: tuple[Field, ...] = (
    Field(
        "format",
        True,
        FormatNumber(),
        f"The routine file format version. Always {FORMAT_VERSION} for now.",
    ),
    Field("id", True, Ident(), "A short, unique name: lower-case letters, digits and dashes."),
    Field("title", True, Text(), "The routine's name, shown in the list."),
    Field("description", True, Text(), "One line saying what the routine does."),
    Field("area", True, Choice(Area), "What the routine works on."),
    Field("source", True, Text(), "Where the content comes from (articles, leaflets, guidelines)."),
    Field("safety", True, Text(), "Cautions shown before the routine starts."),
    Field(
        "needs",
        False,
        Text(),
        "What to have at hand, shown before the routine starts: a chair, a towel, a ball...",
    ),
    Field("steps", True, StepList(), "The exercises, in order."),
)

# The keys are the names of `Step`'s fields, so a step is built from what was read, and a key
# left out takes the default that `Step` declares.
STEP_FIELDS: tuple[Field, ...] = (
    Field("title", True, Text(), "The exercise's name."),
    Field("instructions", True, Text(), "What to do, in plain words, shown on screen."),
    Field(
        "say",
        False,
        Text(),
        "What the voice says when the step begins (default: the instructions).",
    ),
    Field(
        "illustration",
        False,
        Illustration(),
        "A picture file, next to the routine or in the bundled assets.",
    ),
    Field(
        "hold_seconds",
        True,
        Seconds(allow_zero=False),
        "How long to hold the position or keep the movement going, each time.",
    ),
    Field("reps", False, WholeNumber(), "How many times (for each side). Default 1."),
    Field(
        "sides",
        False,
        Choice(Sides),
        "left-right: do it with the right, then the left. Default none.",
    ),
    Field("rest_seconds", False, Seconds(allow_zero=True), "Rest between repetitions. Default 0."),
    Field("caution", False, Text(), "A warning shown during the step."),
    Field(
        "care",
        False,
        ChoiceList(Choice(Care)),
        "What the step asks of the body, for the foot check: feet (it presses, rolls, rubs or"
        " soaks a foot; left out while a foot has a wound or is hot, red or swollen) and"
        " warm-water (skin goes into warm water; for someone who cannot feel warmth it waits"
        " for a thermometer reading of 37 °C or less).",
    ),
)
