"""The JSON Schema shipped for editors is the one the code builds, and agrees with the loader."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from neurocoach.core.routine.loader import RoutineFileError, load_routine_text
from neurocoach.core.routine.schema import routine_schema, schema_text
from neurocoach.paths import bundled_routines_dir

SCHEMA_FILE = bundled_routines_dir() / "routine.schema.json"
SCHEMA = routine_schema()
GOOD = (bundled_routines_dir() / "quick-hands.yaml").read_text()


def schema_accepts(text: str) -> bool:
    try:
        jsonschema.validate(yaml.safe_load(text), SCHEMA)
    except jsonschema.ValidationError:
        return False
    return True


def loader_accepts(text: str) -> bool:
    try:
        load_routine_text(text, "x.yaml")
    except RoutineFileError:
        return False
    return True


def test_the_shipped_file_is_what_the_code_generates() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "routines/routine.schema.json is out of date: run python tools/make_routine_schema.py"
    )
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == SCHEMA


def test_the_schema_is_itself_valid() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize(
    "path", sorted(bundled_routines_dir().glob("*.yaml")), ids=lambda p: p.name
)
def test_every_bundled_routine_matches_the_schema(path: Path) -> None:
    assert schema_accepts(path.read_text())


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("hold_seconds: 20", "hold_second: 20"),
        ("hold_seconds: 20", "hold_seconds: 0"),
        ("hold_seconds: 20", "hold_seconds: 4000"),
        ("hold_seconds: 20", "hold_seconds: twenty"),
        ("area: hands", "area: arms"),
        ("format: 1", "format: 2"),
        ("id: quick-hands", "id: Quick Hands"),
        ("reps: 2", "reps: 0"),
        ("reps: 2", "reps: 2.5"),
        ("sides: left-right", "sides: both"),
        ("rest_seconds: 5", "rest_seconds: -1"),
        ("title: Quick hands", "title: ''"),
        ("title: Quick hands", "title: '   '"),
        ("reps: 2", "reps: 2\n    care: feet"),
        ("reps: 2", "reps: 2\n    care: [toes]"),
        ("reps: 2", "reps: 2\n    care: [feet, feet]"),
    ],
)
def test_schema_and_loader_refuse_the_same_mistakes(old: str, new: str) -> None:
    assert old in GOOD
    bad = GOOD.replace(old, new, 1)
    assert not loader_accepts(bad)
    assert not schema_accepts(bad)


def test_an_id_ending_in_a_new_line_is_refused_as_editors_read_the_pattern() -> None:
    # Editors match the pattern as JavaScript does, where "$" is the very end; Python's
    # jsonschema lets "$" match before a final newline, so only the loader is asked here.
    assert not loader_accepts(GOOD.replace("id: quick-hands", "id: |\n  quick-hands", 1))


def test_schema_and_loader_accept_the_care_list() -> None:
    for care in ("[]", "[feet]", "[feet, warm-water]", "\n      - warm-water"):
        good = GOOD.replace("reps: 2", f"reps: 2\n    care: {care}", 1)
        assert loader_accepts(good) and schema_accepts(good), care
    routine = load_routine_text(
        GOOD.replace("reps: 2", "reps: 2\n    care: [warm-water, feet]", 1), "x.yaml"
    )
    assert {care.value for care in routine.cares} == {"feet", "warm-water"}


def test_schema_and_loader_accept_the_optional_fields_left_out() -> None:
    minimal = """\
format: 1
id: minimal
title: Minimal
description: Smallest routine.
area: both
source: Tests.
safety: None needed.
steps:
  - title: Rest
    instructions: Sit still.
    hold_seconds: 10
"""
    assert loader_accepts(minimal) and schema_accepts(minimal)
