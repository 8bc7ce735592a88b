"""The core must stay plain Python: no Qt, so it can be tested and reused without a window."""

from __future__ import annotations

import ast
from pathlib import Path

import neurocoach.core

CORE = Path(neurocoach.core.__file__).parent


def imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_imports_neither_qt_nor_the_ui() -> None:
    files = sorted(CORE.glob("*.py"))
    assert len(files) > 5
    for path in files:
        for name in imported_modules(path):
            assert not name.startswith(("PySide6", "shiboken6", "neurocoach.ui")), (path.name, name)
