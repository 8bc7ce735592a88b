"""Writes routines/routine.schema.json, the JSON Schema editors use, from the declarations
the loader reads by (neurocoach/core/routine/fields.py). Run it after changing those:

    python tools/make_routine_schema.py

tests/unit/core/routine/test_schema.py fails while the file and the code disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from a checkout, installed or not

from neurocoach.core.routine.schema import schema_text  # noqa: E402


def main() -> None:
    out = REPO / "routines" / "routine.schema.json"
    out.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
