"""The desktop integration loads no widgets, screens or sound: the half of its layer contract
that import-linter cannot check (it sees PySide6 as one module; pyproject.toml has the rest)."""

from __future__ import annotations

import subprocess
import sys

FORBIDDEN = ("PySide6.QtWidgets", "neurocoach.ui", "neurocoach.audio", "neurocoach.app")
CODE = """
import importlib, pkgutil, sys
import neurocoach.desktop as package
for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
    importlib.import_module(module.name)
    print("imported", module.name)
for name in sorted(sys.modules):
    print("loaded", name)
"""


def test_importing_every_desktop_module_loads_no_widgets_screens_or_sound() -> None:
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    lines = [line.split() for line in result.stdout.splitlines()]
    assert ["imported", "neurocoach.desktop.autostart"] in lines
    loaded = [name for kind, name in lines if kind == "loaded"]
    assert [name for name in loaded if name.startswith(FORBIDDEN)] == []
