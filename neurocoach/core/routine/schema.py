"""The JSON Schema of routine files, built from the declarations the loader reads by.

Editors (VS Code with the YAML extension, for example) use it to complete and check a routine
as it is typed. It is generated, never written by hand: `tools/make_routine_schema.py` writes
routines/routine.schema.json from `routine_schema()`, and a test checks that file is current.
The loader stays the judge: its messages are the ones a person should read.
"""

from __future__ import annotations

import json
from typing import Any

from neurocoach.core.routine import fields

SCHEMA_ID = f"https://neurocoach.invalid/schema/routine-{fields.FORMAT_VERSION}.json"


def routine_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a routine file, as plain JSON values."""
    seconds_most = fields.Seconds.most
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": f"NeuroCoach routine, format {fields.FORMAT_VERSION}",
        "description": "A guided exercise routine for NeuroCoach. See docs/routine-format.md.",
        **_mapping(fields.ROUTINE_FIELDS),
        "$defs": {
            "text": {"type": "string", "minLength": 1, "pattern": "\\S"},
            "seconds": {
                "type": "number",
                "maximum": int(seconds_most) if seconds_most.is_integer() else seconds_most,
            },
            "step": _mapping(fields.STEP_FIELDS),
        },
    }


def schema_text() -> str:
    """The schema as routines/routine.schema.json holds it, byte for byte."""
    return json.dumps(routine_schema(), indent=2, ensure_ascii=False) + "\n"


def _mapping(declared: tuple[fields.Field, ...]) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [field.key for field in declared if field.required],
        "properties": {
            field.key: {"description": field.description, **_value(field.rule)}
            for field in declared
        },
    }


def _value(rule: fields.Rule) -> dict[str, Any]:
    """What a value must be. An illustration is only text here: the loader's own checks (an
    .svg name, no path out of the folder) give messages a schema cannot."""
    match rule:
        case fields.Text() | fields.Illustration():
            return {"$ref": "#/$defs/text"}
        case fields.Seconds(allow_zero=True):
            return {"$ref": "#/$defs/seconds", "minimum": 0}
        case fields.Seconds():
            return {"$ref": "#/$defs/seconds", "exclusiveMinimum": 0}
        case fields.WholeNumber():
            return {"type": "integer", "minimum": 1, "maximum": rule.most}
        case fields.Choice():
            return {"enum": rule.values}
        case fields.ChoiceList():
            return {"type": "array", "uniqueItems": True, "items": {"enum": rule.item.values}}
        case fields.Ident():
            return {"type": "string", "pattern": rule.pattern}
        case fields.FormatNumber():
            return {"const": rule.version}
        case fields.StepList():
            return {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/step"}}
    raise TypeError(f"no schema for {rule!r}")  # a rule added to fields.py but not here
