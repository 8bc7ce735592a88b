"""The settings file: read as untrusted YAML, checked value by value, written atomically.

A file that cannot be read is set aside (as settings.yaml.bad) while the standard settings are
used, so a bad edit never stops the app or loses the old file; a bad value is clamped or
defaulted, with its file and line in the log. The file is versioned and migrated forward.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from neurocoach.core import safe_yaml
from neurocoach.core.atomic_file import write_atomically
from neurocoach.core.reminders.plan import reminder_data, reminder_from_data
from neurocoach.core.settings import (
    OVERRIDE_LIMITS,
    SETTINGS,
    Settings,
    clamp_override,
    finite,
    is_setting,
)

log = logging.getLogger(__name__)

SETTINGS_VERSION = 2
_READ_ALONE = ("exercises", "reminders")  # read entry by entry, each bad one left out alone


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
        if name == "reminders":
            _load_reminders(settings, nodes[name], path)
            continue
        if not is_setting(name):
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
            data[key] = None if key in _READ_ALONE else safe_yaml.construct(value_node)
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
        if isinstance(scale, (int, float)) and not isinstance(scale, bool) and finite(scale * 100):
            data["hold_scale"] = round(scale * 100)  # a value that cannot be, is clamped later


def save_settings(settings: Settings, path: Path) -> None:
    """Write atomically: a crash mid-write leaves the old file, never half a new one."""
    data: dict[str, Any] = {"version": SETTINGS_VERSION}
    data.update({s.name: settings[s.name] for s in SETTINGS})
    data["exercises"] = {key: dict(entry) for key, entry in sorted(settings.exercises.items())}
    data["reminders"] = [reminder_data(reminder) for reminder in settings.reminders]
    text = "# NeuroCoach settings. Edit with care; a bad file is set aside and replaced.\n"
    text += yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    write_atomically(path, text)


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
                and finite(number)
            ):
                kept[name] = clamp_override(name, number)
            else:
                shown = name if isinstance(name, str) else "a value"
                where = f"{path}:{safe_yaml.line_of(name_node)}"
                log.warning("%s: ignoring %r for the exercise %r", where, shown, key)
        if kept:
            settings.exercises[key] = kept


def _load_reminders(settings: Settings, node: Node, path: Path) -> None:
    """The plan of reminders; a reminder that cannot be used is left out, with a warning at
    its line, and the others are kept."""
    if not isinstance(node, SequenceNode):
        log.warning("%s:%d: 'reminders' is not a list; ignored", path, safe_yaml.line_of(node))
        return
    plan = []
    for item in node.value:
        try:
            plan.append(reminder_from_data(safe_yaml.construct(item)))
        except ValueError as error:
            log.warning("%s:%d: ignoring a reminder: %s", path, safe_yaml.line_of(item), error)
    settings.set_reminders(plan)


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
