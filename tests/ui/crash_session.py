"""A session on a fast clock through the real window, for the crash test to kill.

    python -m tests.ui.crash_session ROUTINE_ID

Prints "saved STEP_INDEX REPS_DONE" after each step is committed to the history (the line comes
after the write), and "session ID" when the session has begun.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer

from neurocoach.app import create_app
from neurocoach.core.history.recovery import open_history
from neurocoach.core.routine.catalog import load_catalog
from neurocoach.core.session.clock import ManualClock
from neurocoach.core.session.records import StepRecord
from neurocoach.core.settings import Settings
from neurocoach.paths import app_paths, bundled_routines_dir
from neurocoach.ui.shell.main_window import MainWindow


def main() -> int:
    app = create_app()
    paths = app_paths()
    paths.ensure()
    store, _problem = open_history(paths.history_db)
    settings = Settings()
    settings.set("checkin_enabled", False)
    clock = ManualClock()
    window = MainWindow([bundled_routines_dir()], store, settings, clock)
    window.show()
    routine = next(
        e.routine
        for e in load_catalog([bundled_routines_dir()])
        if e.routine is not None and e.routine.id == sys.argv[1]
    )
    window.start_session(routine)
    assert window.session.driver is not None and window.session.recorder is not None
    print(f"session {window.session.recorder.session_id}", flush=True)

    def saved(record: StepRecord) -> None:
        print(f"saved {record.step_index} {record.reps_done}", flush=True)

    window.session.driver.engine.step_left.connect(saved)
    window.session.driver.session_ended.connect(lambda _outcome: app.quit())
    fast = QTimer()
    fast.timeout.connect(lambda: clock.advance(0.5))
    fast.start(2)
    app.exec()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
