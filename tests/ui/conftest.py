"""Fixtures that build the real main window over temporary folders, on a hand-driven clock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from neurocoach.core.history.store import HistoryStore
from neurocoach.core.session.clock import ManualClock
from neurocoach.core.settings import Settings
from neurocoach.paths import app_paths, bundled_routines_dir
from neurocoach.ui.common import theme
from neurocoach.ui.shell.key_debounce import KeyDebounceFilter
from neurocoach.ui.shell.main_window import MainWindow
from tests.ui.helpers import TINY_ROUTINE, App


@pytest.fixture
def make_app(qtbot: QtBot, qapp: QApplication) -> Iterator[callable]:  # type: ignore[valid-type]
    created: list[App] = []

    def make(
        extra_files: dict[str, str] | None = None,
        size: tuple[int, int] = (1280, 800),
        audio_factory=None,
        checkin: bool = False,
    ) -> App:
        theme.apply(qapp)
        paths = app_paths()
        paths.ensure()
        (paths.user_routines_dir / "tiny.yaml").write_text(TINY_ROUTINE)
        for name, text in (extra_files or {}).items():
            (paths.user_routines_dir / name).write_text(text)
        store = HistoryStore(paths.history_db)
        clock = ManualClock()
        key_clock = ManualClock()
        keys = KeyDebounceFilter(now=key_clock.now)
        keys.watch(qapp)
        settings = Settings()
        settings.set("lead_in_seconds", 3)
        settings.set("checkin_enabled", checkin)  # the check-in has tests of its own
        window = MainWindow(
            [bundled_routines_dir(), paths.user_routines_dir], store, settings, clock, audio_factory
        )
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        app = App(window, store, clock, keys, key_clock, qtbot, paths.user_routines_dir, settings)
        created.append(app)
        return app

    yield make
    for app in created:
        app.keys.unwatch(qapp)
        timers = app.window.findChildren(QTimer)
        app.window.close()
        app.store.close()
        # Closing the window ends any session; once pages set for deletion are gone, a timer
        # of ours still running is a leak.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        running = [t.objectName() for t in timers if shiboken6.isValid(t) and t.isActive()]
        assert running == [], f"timers left running: {running}"
