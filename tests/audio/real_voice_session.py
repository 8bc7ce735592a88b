"""Runs one routine with voice control on, through the real window, sound layer and microphone.

Used by test_real_voice.py in a child process:  python -m tests.audio.real_voice_session ROUTINE
The microphone is the system's default one (the test makes it a PulseAudio virtual microphone
that also hears the coach's own voice). Prints one JSON line per event, timed on the system's
monotonic clock: listening, each phase, each cue, each command heard, pause and resume, end.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer

from neurocoach.app import create_app, listen
from neurocoach.audio.guide import AudioGuide
from neurocoach.audio.voice_control import VoiceControl
from neurocoach.core.history.store import HistoryStore
from neurocoach.core.routine.catalog import load_entry
from neurocoach.core.session.cues import Cue
from neurocoach.core.settings import Settings
from neurocoach.paths import app_paths, bundled_sounds_dir
from neurocoach.ui.shell.main_window import MainWindow

QUIT_AFTER_S = 90


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
    settings.set("voice_control", True)
    window = MainWindow([], store, settings, audio_factory=None)
    guide = AudioGuide(bundled_sounds_dir(), settings, parent=window)
    window._audio_factory = lambda: guide
    window.show()
    listen(window)
    voice = window.voice_listener
    assert isinstance(voice, VoiceControl)
    voice.listening_changed.connect(lambda on: emit("listening", on=on))
    voice.command_heard.connect(lambda command: emit("command", words=command.words))
    voice.problem_found.connect(lambda problem: emit("problem", text=problem))
    entry = load_entry(routine_path)
    assert entry.routine is not None, entry.problems
    window.start_session(entry.routine)
    driver = window.session.driver
    assert driver is not None and driver.planner is not None
    engine = driver.engine
    emit("phase", phase=engine.phase.kind.value if engine.phase else None)
    engine.phase_started.connect(lambda phase: emit("phase", phase=phase.kind.value))
    engine.paused_changed.connect(lambda paused: emit("paused" if paused else "resumed"))

    def on_cue(cue: Cue) -> None:
        emit("cue", tones=[t.value for t in cue.tones], speech=cue.speech)

    driver.planner.cue_emitted.connect(on_cue)
    guide.speaker.idle.connect(lambda: emit("voice_idle"))
    engine.session_ended.connect(lambda _outcome: QTimer.singleShot(500, app.quit))
    QTimer.singleShot(QUIT_AFTER_S * 1000, app.quit)
    app.exec()
    window.session.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
