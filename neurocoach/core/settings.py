"""The user's settings: declared once with type, default and range; kept in a YAML file.

Declaring every setting in one table means the file, the defaults, the clamping and
the settings window all agree. The file is human-readable and versioned, written atomically
(a temporary file, then a rename), and a file that cannot be read is kept as a backup while
the defaults are used, so a bad edit never stops the app or loses the old file.
"""

from __future__ import annotations

import logging
import math
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode

from neurocoach.core import safe_yaml
from neurocoach.core.events import Event
from neurocoach.core.routine.model import MAX_REPS, MAX_SECONDS, Routine, Step
from neurocoach.core.session.timeline import SessionOptions, StepOverride

log = logging.getLogger(__name__)

SETTINGS_VERSION = 2


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
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not _finite(value):
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


def setting(name: str) -> Setting:
    return _BY_NAME[name]


def exercise_key(routine: Routine, step: Step) -> str:
    """How an exercise's adjustments are filed: by routine and step title, which (unlike a
    step's position) survive the routine's author adding a step before it."""
    return f"{routine.id}/{step.title}"


@dataclass
class Settings:
    """The current values, and the user's adjustments to single exercises.

    Events: changed(str), with the name of the setting (or "exercises") that changed.
    """

    values: dict[str, Any] = field(default_factory=lambda: {s.name: s.default for s in SETTINGS})
    exercises: dict[str, dict[str, float]] = field(default_factory=dict)
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

    def reset(self) -> None:
        """Every setting and every exercise back to the defaults."""
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


@dataclass(frozen=True)
class LoadedSettings:
    settings: Settings
    problem: str | None = None  # a message to show the user once, when the file was unusable


def load_settings(path: Path) -> LoadedSettings:
    """Read the settings file; defaults when it is missing; a backup and a message when bad.

    The file is read as untrusted YAML (`safe_yaml`): one that is not a regular file, too
    big, too deep, an alias bomb, not YAML or not plain YAML is set aside. A single bad value
    is clamped or defaulted, with a warning that names the file and the line it is on.
    """
    settings = Settings()
    try:
        text = safe_yaml.read_text(path)
    except FileNotFoundError:
        return LoadedSettings(settings)
    except safe_yaml.RefusedYamlError as refused:
        return _set_aside(settings, path, refused.refusals[0].message)
    try:
        root = safe_yaml.compose(text, "settings files")
        data, nodes = _top_level(root, path)
    except safe_yaml.RefusedYamlError as refused:
        first = refused.refusals[0]
        return _set_aside(settings, path, f"line {first.line}: {first.message}")
    except ValueError as error:
        return _set_aside(settings, path, str(error))
    _migrate(data)
    for name, value in data.items():
        where = f"{path}:{safe_yaml.line_of(nodes[name])}"
        if name == "version":
            continue
        if name == "exercises":
            _load_exercises(settings, nodes[name], path)
            continue
        if name not in _BY_NAME:
            log.warning("%s: ignoring unknown setting %r", where, name)
            continue
        warning = settings.set(name, value)
        if warning:
            log.warning("%s: %s", where, warning)
    return LoadedSettings(settings)


def _top_level(root: Node | None, path: Path) -> tuple[dict[str, Any], dict[str, Node]]:
    """The file's settings by name, each with the node of its value (for its line).

    Raises ValueError when the file is not a mapping with a whole-number version. A key that
    is not a word, or a value that cannot be built, is left out with a warning.
    """
    if not isinstance(root, MappingNode):
        raise ValueError("it is not a NeuroCoach settings file")
    data: dict[str, Any] = {}
    nodes: dict[str, Node] = {}
    for key_node, value_node in root.value:
        where = f"{path}:{safe_yaml.line_of(key_node)}"
        key = _plain(key_node)
        if not isinstance(key, str):
            log.warning("%s: ignoring a key that is not a setting's name", where)
            continue
        try:
            data[key] = None if key == "exercises" else safe_yaml.construct(value_node)
        except ValueError as error:
            log.warning("%s: ignoring %r: %s", where, key, error)
            continue
        nodes[key] = value_node
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ValueError("it is not a NeuroCoach settings file")
    return data, nodes


def _set_aside(settings: Settings, path: Path, reason: str) -> LoadedSettings:
    """Defaults, with the unusable file renamed so the user's old values are not lost."""
    try:
        backup = _keep_aside(path)
    except OSError as error:
        kept = f"It could not be set aside ({error.strerror}) and is left as it is."
    else:
        kept = f"The old file is kept as {backup.name}."
    message = (
        f"Your settings file could not be read ({_short(reason)}), so the standard "
        f"settings are used. {kept}"
    )
    log.warning("settings: %s", message)
    return LoadedSettings(settings, message)


def _migrate(data: dict[Any, Any]) -> None:
    """Bring an older file's values to this version's meaning (the file is rewritten on the
    next change): version 1 kept the hold time as a fraction (1.5), version 2 in % (150)."""
    if data["version"] < 2:
        scale = data.get("hold_scale")
        if isinstance(scale, (int, float)) and not isinstance(scale, bool):
            data["hold_scale"] = round(scale * 100)


def save_settings(settings: Settings, path: Path) -> None:
    """Write atomically: a crash mid-write leaves the old file, never half a new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data: dict[str, Any] = {"version": SETTINGS_VERSION}
    data.update({s.name: settings[s.name] for s in SETTINGS})
    data["exercises"] = {key: dict(entry) for key, entry in sorted(settings.exercises.items())}
    text = "# NeuroCoach settings. Edit with care; a bad file is set aside and replaced.\n"
    text += yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    handle, temporary = tempfile.mkstemp(prefix=".settings-", suffix=".yaml", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _load_exercises(settings: Settings, node: Node, path: Path) -> None:
    """The user's own values for single exercises; anything unusable is left out, with a
    warning at its line."""
    if not isinstance(node, MappingNode):
        log.warning("%s:%d: 'exercises' is not a mapping; ignored", path, safe_yaml.line_of(node))
        return
    for key_node, entry_node in node.value:
        line = safe_yaml.line_of(key_node)
        key = _plain(key_node)
        if not isinstance(key, str) or not isinstance(entry_node, MappingNode):
            log.warning("%s:%d: ignoring an exercise entry that is not 'name: values'", path, line)
            continue
        kept = {}
        for name_node, number_node in entry_node.value:
            name = _plain(name_node)
            number = _plain(number_node)
            if (
                name in OVERRIDE_LIMITS
                and isinstance(number, (int, float))
                and not isinstance(number, bool)
                and _finite(number)
            ):
                kept[name] = clamp_override(name, number)
            else:
                shown = name if isinstance(name, str) else "a value"
                where = f"{path}:{safe_yaml.line_of(name_node)}"
                log.warning("%s: ignoring %r for the exercise %r", where, shown, key)
        if kept:
            settings.exercises[key] = kept


def _keep_aside(path: Path) -> Path:
    backup = path.with_name(path.name + ".bad")
    number = 1
    while backup.exists():
        number += 1
        backup = path.with_name(f"{path.name}.bad{number}")
    os.replace(path, backup)
    return backup


def _short(reason: str) -> str:
    lines = reason.splitlines()
    return lines[0][:120] if lines else "no reason given"


def _plain(node: Node) -> Any:
    """A scalar's value; None for a list, a mapping, or a value that cannot be built."""
    if not isinstance(node, ScalarNode):
        return None
    try:
        return safe_yaml.construct(node)
    except ValueError:
        return None


def _finite(number: float) -> bool:
    """True for a number that is neither infinite nor NaN and fits a float (10**400 does not)."""
    try:
        return math.isfinite(number)
    except OverflowError:
        return False
