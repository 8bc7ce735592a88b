"""The user's settings: declared once with type, default and range; kept in a YAML file.

Declaring every setting in one table means the file, the defaults, the clamping and (later)
the settings window all agree. The file is human-readable and versioned, written atomically
(a temporary file, then a rename), and a file that cannot be read is kept as a backup while
the defaults are used, so a bad edit never stops the app or loses the old file.
"""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from neurocoach.core.timeline import SessionOptions

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class Setting:
    """One setting: what it is called, its type, default, and allowed range."""

    name: str
    default: bool | int | float | str
    label: str
    minimum: float | None = None
    maximum: float | None = None

    def clean(self, value: Any) -> tuple[Any, str | None]:
        """The value made valid, and a warning if it had to be changed."""
        kind = type(self.default)
        if kind is bool:
            if isinstance(value, bool):
                return value, None
            return self.default, f"{self.name} must be true or false; using {self.default}"
        if kind in (int, float):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
                return self.default, f"{self.name} must be a number; using {self.default}"
            number = kind(value)
            low = self.minimum if self.minimum is not None else number
            high = self.maximum if self.maximum is not None else number
            clamped = kind(min(max(number, low), high))
            if clamped != number:
                return clamped, f"{self.name} {value} is out of range; using {clamped}"
            return clamped, None
        if isinstance(value, str):
            return value, None
        return self.default, f"{self.name} must be text; using {self.default!r}"


SETTINGS: tuple[Setting, ...] = (
    Setting("lead_in_seconds", 5.0, "Get-ready time before each exercise", 0, 30),
    Setting("hold_scale", 1.0, "Hold time, compared with the routine", 0.5, 3.0),
    Setting("voice_enabled", True, "Spoken instructions"),
    Setting("tones_enabled", True, "Cue tones"),
    Setting("count_aloud", False, "Say three, two, one at the end of each hold"),
    Setting("volume", 80, "Volume of tones and voice", 0, 100),
    Setting("speech_rate", 0.0, "Speed of the voice (-1 slow, 0 normal, 1 fast)", -1.0, 1.0),
    Setting("voice", "", "Voice (empty: the system's default)"),
)
_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass
class Settings:
    """The current values; unknown names are refused, so a typo cannot pass silently."""

    values: dict[str, Any] = field(default_factory=lambda: {s.name: s.default for s in SETTINGS})

    def __getitem__(self, name: str) -> Any:
        return self.values[_BY_NAME[name].name]

    def set(self, name: str, value: Any) -> str | None:
        """Set a value (clamped into range); returns a warning when it had to be changed."""
        cleaned, warning = _BY_NAME[name].clean(value)
        self.values[name] = cleaned
        return warning

    def session_options(self) -> SessionOptions:
        return SessionOptions(
            lead_in_seconds=float(self["lead_in_seconds"]), hold_scale=float(self["hold_scale"])
        )


@dataclass(frozen=True)
class LoadedSettings:
    settings: Settings
    problem: str | None = None  # a message to show the user once, when the file was unusable


def load_settings(path: Path) -> LoadedSettings:
    """Read the settings file; defaults when it is missing; a backup and a message when bad."""
    settings = Settings()
    if not path.exists():
        return LoadedSettings(settings)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("version"), int):
            raise ValueError("it is not a NeuroCoach settings file")
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError) as error:
        backup = _keep_aside(path)
        message = (
            f"Your settings file could not be read ({_short(error)}), so the standard settings "
            f"are used. The old file is kept as {backup.name}."
        )
        log.warning("settings: %s", message)
        return LoadedSettings(settings, message)
    for name, value in data.items():
        if name == "version":
            continue
        if name not in _BY_NAME:
            log.warning("settings: ignoring unknown setting %r in %s", name, path)
            continue
        warning = settings.set(name, value)
        if warning:
            log.warning("settings: %s", warning)
    return LoadedSettings(settings)


def save_settings(settings: Settings, path: Path) -> None:
    """Write atomically: a crash mid-write leaves the old file, never half a new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"version": SETTINGS_VERSION, **{s.name: settings[s.name] for s in SETTINGS}}
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


def _keep_aside(path: Path) -> Path:
    backup = path.with_name(path.name + ".bad")
    number = 1
    while backup.exists():
        number += 1
        backup = path.with_name(f"{path.name}.bad{number}")
    os.replace(path, backup)
    return backup


def _short(error: Exception) -> str:
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text[:120]
