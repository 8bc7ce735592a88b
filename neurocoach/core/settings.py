"""The user's settings: each declared once, with its type, default, range, section and words.

Declaring every setting in one table means the file, the defaults, the clamping and the
settings window all agree. The values live in `Settings`, which tells who listens when one
changes; `settings_file.py` reads and writes them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from neurocoach.core.events import Event
from neurocoach.core.reminders.plan import MAX_REMINDERS, Reminder, in_order
from neurocoach.core.routine.model import MAX_REPS, MAX_SECONDS, Routine, Step
from neurocoach.core.session.timeline import SessionOptions, StepOverride


@dataclass(frozen=True)
class Setting:
    """One setting, declared once: its name, type (from the default), range or choices, the
    step the settings window's minus and plus buttons move it by, and how the window shows it
    (its section, label, unit, and the words for its choices or special values).

    A number is stored in the unit the user sees (a percentage is stored as 150, not 1.5), so
    the file, the window and the checks all speak of the same value.
    """

    name: str
    default: bool | int | float | str
    label: str
    section: str
    minimum: float | None = None
    maximum: float | None = None
    step: float = 1
    choices: tuple[tuple[str, str], ...] = ()  # (value, the words shown for it)
    unit: str = ""
    words: Callable[[float], str] | None = None  # how a number reads, when the unit is not enough

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(value for value, _ in self.choices)

    def shown(self, value: float) -> str:
        """The value as the settings window shows it: "150 %", "0.6 s", "normal"."""
        if self.words is not None:
            return self.words(value)
        return f"{value:g} {self.unit}".strip()

    def clean(self, value: Any) -> tuple[Any, str | None]:
        """The value made valid, and a warning if it had to be changed."""
        kind = type(self.default)
        if kind is bool:
            if isinstance(value, bool):
                return value, None
            return self.default, f"{self.name} must be true or false; using {self.default}"
        if kind in (int, float):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not finite(value):
                return self.default, f"{self.name} must be a number; using {self.default}"
            number = kind(value)
            low = self.minimum if self.minimum is not None else number
            high = self.maximum if self.maximum is not None else number
            clamped = kind(min(max(number, low), high))
            if clamped != number:
                return clamped, f"{self.name} {value} is out of range; using {clamped}"
            return clamped, None
        if isinstance(value, str) and (not self.choices or value in self.values):
            return value, None
        if self.choices:
            return self.default, f"{self.name} must be one of {', '.join(self.values)}"
        return self.default, f"{self.name} must be text; using {self.default!r}"


def _speech_rate_words(value: float) -> str:
    if abs(value) < 0.05:
        return "normal"
    return f"slower {round(-value * 10)}" if value < 0 else f"faster {round(value * 10)}"


def _debounce_words(value: float) -> str:
    return "off" if value == 0 else f"{value / 1000:.1f} s"


THEMES = (
    ("system", "Like my computer"),
    ("light", "Light"),
    ("dark", "Dark"),
    ("high-contrast", "High contrast"),
)
TIMING, SOUND, CHECKIN, DISPLAY, KEYS = "Timing", "Sound", "How I feel", "Display", "Keys"
REMINDERS = "Reminders"
VOICE_CONTROL = "Voice control"

SETTINGS: tuple[Setting, ...] = (
    Setting(
        "hold_scale", 100, "Hold time, compared with the routine", TIMING, 50, 300, 10, unit="%"
    ),
    Setting("rest_between_steps", 0.0, "Rest between exercises", TIMING, 0, 120, 5, unit="s"),
    Setting(
        "lead_in_seconds", 5.0, "Get-ready time before each exercise", TIMING, 0, 30, 1, unit="s"
    ),
    Setting("wait_for_me", False, "Wait for me: a hold ends when I press Space", TIMING),
    Setting("voice_enabled", True, "Spoken instructions", SOUND),
    # The voices are the speech engine's: the window offers what it finds.
    Setting("voice", "", "Voice", SOUND),
    Setting("tones_enabled", True, "Cue tones", SOUND),
    Setting("count_aloud", False, "Say three, two, one at the end of each hold", SOUND),
    Setting("volume", 80, "Volume of tones and voice", SOUND, 0, 100, 10, unit="%"),
    Setting(
        "speech_rate",
        0.0,
        "Speed of the voice (slower or faster)",
        SOUND,
        -1.0,
        1.0,
        0.1,
        words=_speech_rate_words,
    ),
    Setting(
        "voice_control",
        False,
        "Voice control: the coach listens for spoken commands",
        VOICE_CONTROL,
    ),
    # The microphones are the computer's: the window offers what it finds ("" is the default).
    Setting("microphone", "", "Microphone", VOICE_CONTROL),
    Setting("checkin_enabled", True, "Ask how I feel before and after", CHECKIN),
    Setting("checkin_by_area", False, "Rate hands and feet separately", CHECKIN),
    Setting("text_scale", 100, "Text size", DISPLAY, 100, 200, 10, unit="%"),
    Setting("theme", "system", "Colours", DISPLAY, choices=THEMES),
    Setting("fullscreen_player", False, "Open the exercise screen full screen", DISPLAY),
    Setting(
        "key_debounce_ms",
        600,
        "Ignore the same key pressed again within",
        KEYS,
        0,
        2000,
        100,
        unit="ms",
        words=_debounce_words,
    ),
    Setting("single_switch", False, "Single switch: any key pauses and resumes", KEYS),
    # The times themselves are the plan (`Settings.reminders`), shown above these two.
    Setting(
        "keep_running", True, "Keep running in the background, so that reminders come", REMINDERS
    ),
    Setting("start_at_login", False, "Start NeuroCoach when I log in", REMINDERS),
)
_BY_NAME = {s.name: s for s in SETTINGS}
# What a session's timing depends on: a change to one of these changes every routine's length.
TIMING_SETTINGS = frozenset(s.name for s in SETTINGS if s.section == TIMING)

# The user's own values for one exercise, and the range each may take.
OVERRIDE_LIMITS: dict[str, tuple[float, float]] = {
    "hold_seconds": (1.0, MAX_SECONDS),
    "reps": (1, MAX_REPS),
    "rest_seconds": (0.0, MAX_SECONDS),
}
OVERRIDE_KEYS = tuple(OVERRIDE_LIMITS)


def sections() -> list[tuple[str, list[Setting]]]:
    """The settings by section, in the order they are declared: how the window lists them."""
    grouped: dict[str, list[Setting]] = {}
    for item in SETTINGS:
        grouped.setdefault(item.section, []).append(item)
    return list(grouped.items())


def clamp_override(name: str, value: float) -> float:
    """One exercise's own hold, reps or rest brought into its range (reps whole)."""
    low, high = OVERRIDE_LIMITS[name]
    clamped = min(max(value, low), high)
    return float(int(clamped)) if name == "reps" else float(clamped)


def is_setting(name: object) -> bool:
    return isinstance(name, str) and name in _BY_NAME


def setting(name: str) -> Setting:
    return _BY_NAME[name]


def exercise_key(routine: Routine, step: Step) -> str:
    """How an exercise's adjustments are filed: by routine and step title, which (unlike a
    step's position) survive the routine's author adding a step before it."""
    return f"{routine.id}/{step.title}"


@dataclass
class Settings:
    """The current values, the user's adjustments to single exercises, and the plan of
    reminders.

    Events: changed(str), with the name of the setting (or "exercises", or "reminders") that
    changed.
    """

    values: dict[str, Any] = field(default_factory=lambda: {s.name: s.default for s in SETTINGS})
    exercises: dict[str, dict[str, float]] = field(default_factory=dict)
    reminders: tuple[Reminder, ...] = ()
    changed: Event[str] = field(default_factory=Event, compare=False, repr=False)

    def __getitem__(self, name: str) -> Any:
        return self.values[_BY_NAME[name].name]

    def set(self, name: str, value: Any) -> str | None:
        """Set a value (clamped into range); returns a warning when it had to be changed."""
        cleaned, warning = _BY_NAME[name].clean(value)
        if self.values.get(name) != cleaned:
            self.values[name] = cleaned
            self.changed.emit(name)
        return warning

    def set_reminders(self, plan: Iterable[Reminder]) -> None:
        """The plan, kept in order of time, at most MAX_REMINDERS of them."""
        ordered = in_order(plan)[:MAX_REMINDERS]
        if ordered != self.reminders:
            self.reminders = ordered
            self.changed.emit("reminders")

    def reset(self) -> None:
        """Every setting and every exercise back to the defaults. The plan of reminders is
        kept: it is the person's own, like the history, not a preference."""
        for item in SETTINGS:
            self.set(item.name, item.default)
        if self.exercises:
            self.exercises.clear()
            self.changed.emit("exercises")

    # --- single exercises ----------------------------------------------------------------
    def exercise(self, routine: Routine, step: Step) -> StepOverride:
        saved = self.exercises.get(exercise_key(routine, step), {})
        return StepOverride(
            hold_seconds=saved.get("hold_seconds"),
            reps=int(saved["reps"]) if "reps" in saved else None,
            rest_seconds=saved.get("rest_seconds"),
        )

    def adjust_exercise(self, routine: Routine, step: Step, name: str, value: float) -> None:
        """Set one of hold_seconds, reps or rest_seconds for this exercise only."""
        if name not in OVERRIDE_LIMITS:
            raise KeyError(name)
        value = clamp_override(name, value)
        entry = self.exercises.setdefault(exercise_key(routine, step), {})
        entry[name] = int(value) if name == "reps" else value
        self.changed.emit("exercises")

    def reset_exercise(self, routine: Routine, step: Step) -> None:
        if self.exercises.pop(exercise_key(routine, step), None) is not None:
            self.changed.emit("exercises")

    def session_options(self, routine: Routine | None = None) -> SessionOptions:
        overrides = {}
        if routine is not None:
            for index, step in enumerate(routine.steps):
                override = self.exercise(routine, step)
                if override.any:
                    overrides[index] = override
        return SessionOptions(
            lead_in_seconds=float(self["lead_in_seconds"]),
            hold_scale=float(self["hold_scale"]) / 100,
            rest_between_steps=float(self["rest_between_steps"]),
            wait_for_me=bool(self["wait_for_me"]),
            overrides=overrides,
        )


def finite(number: float) -> bool:
    """True for a number that is neither infinite nor NaN and fits a float (10**400 does not)."""
    try:
        return math.isfinite(number)
    except OverflowError:
        return False
