"""Runs one routine through the real window and the real sound layer, on the real clock.

Used by test_real_audio.py in a child process:  python -m tests.audio.real_session ROUTINE
Prints one JSON line per phase boundary and per cue, each with its time on the system's
monotonic clock (the same clock the recording is timed with), then exits after the finish.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer

from neurocoach.app import create_app
from neurocoach.audio.guide import AudioGuide
from neurocoach.core.history.store import HistoryStore
from neurocoach.core.routine.catalog import load_entry
from neurocoach.core.session.cues import Cue
from neurocoach.core.settings import Settings
from neurocoach.paths import app_paths, bundled_sounds_dir
from neurocoach.ui.shell.main_window import MainWindow

AFTER_FINISH_MS = 3500  # let "well done, routine complete" be heard


def emit(kind: str, **fields: object) -> None:
    print(json.dumps({"kind": kind, "t": time.monotonic(), **fields}), flush=True)


def main() -> int:
    routine_path = Path(sys.argv[1])
    app = create_app()
    paths = app_paths()
    paths.ensure()
    store = HistoryStore(paths.history_db)
    settings = Settings()
    settings.set("lead_in_seconds", 2)
    settings.set("checkin_enabled", False)
    window = MainWindow([], store, settings, audio_factory=None)
    guide = AudioGuide(bundled_sounds_dir(), settings, parent=window)
    window._audio_factory = lambda: guide
    emit("audio", has_output=guide.has_output, can_speak=guide.can_speak, problems=guide.problems)
    window.show()
    entry = load_entry(routine_path)
    assert entry.routine is not None, entry.problems
    window.start_session(entry.routine)
    driver = window.session.driver
    assert driver is not None and driver.planner is not None
    engine = driver.engine

    def on_phase(_phase: object) -> None:
        phase = engine.phase
        assert phase is not None
        emit("phase", phase=phase.kind.value, boundary=engine.phase_started_at)

    def on_cue(cue: Cue) -> None:
        emit("cue", tones=[t.value for t in cue.tones], speech=cue.speech)

    # The first phase began before these were connected: report it too.
    on_phase(None)
    engine.phase_started.connect(on_phase)
    driver.planner.cue_emitted.connect(on_cue)

    def on_end(_outcome: object) -> None:
        emit("end", boundary=engine.outcome.ended_at if engine.outcome else None)
        QTimer.singleShot(AFTER_FINISH_MS, app.quit)

    engine.session_ended.connect(on_end)
    app.exec()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
