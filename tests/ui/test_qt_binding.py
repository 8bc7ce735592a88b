"""Guards against a broken Qt binding: PySide6 6.12.0 loses a reference to True or False on
every Signal.emit() made from Python. The player emits several times a second, so with that
version the interpreter aborts ("bool_dealloc") a few minutes into a session."""

from __future__ import annotations

import subprocess
import sys

EMITS = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class Source(QObject):
    ticked = Signal()
    changed = Signal(bool)
source = Source()
source.ticked.connect(lambda: None)
source.changed.connect(lambda value: None)
before = sys.getrefcount(True)
for _ in range(5000):
    source.ticked.emit()
    source.changed.emit(True)
print(before - sys.getrefcount(True))
"""


def test_emitting_signals_from_python_keeps_reference_counts() -> None:
    result = subprocess.run(
        [sys.executable, "-c", EMITS], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "0"
