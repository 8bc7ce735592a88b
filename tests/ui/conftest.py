"""Fixtures that build the real main window over temporary folders, on a hand-driven clock."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from neurocoach.core.history.store import HistoryStore
from neurocoach.core.session.clock import ManualClock
from neurocoach.core.settings import Settings
from neurocoach.paths import app_paths, bundled_routines_dir
from neurocoach.ui.common import theme
from neurocoach.ui.player.player_page import PlayerPage
from neurocoach.ui.shell.key_debounce import KeyDebounceFilter
from neurocoach.ui.shell.main_window import MainWindow

TINY_ROUTINE = """\
format: 1
id: tiny
title: Tiny test routine
description: Two short steps for the tests.
area: hands
source: Written for the tests.
safety: Nothing to worry about.
steps:
  - title: Squeeze
    instructions: Squeeze the ball.
    hold_seconds: 4
    reps: 2
    rest_seconds: 2
    sides: left-right
  - title: Wrist stretch
    instructions: Stretch gently.
    hold_seconds: 600
"""


@dataclass
class App:
    """The window under test, with what a test needs to drive it."""

    window: MainWindow
    store: HistoryStore
    clock: ManualClock
    keys: KeyDebounceFilter
    key_clock: ManualClock
    qtbot: QtBot
    user_routines: Path
    settings: Settings

    def press(self, key: Qt.Key) -> None:
        """A real key press to the active window (an open dialog, else the main window),
        as a person's would arrive: 1 s apart, so the debounce filter lets it through."""
        self.key_clock.advance(1.0)
        modal = QApplication.activeModalWidget()
        owner = modal
        while owner is not None and owner is not self.window:
            owner = owner.parentWidget()
        target = modal if modal is not None and owner is self.window else self.window
        handle = target.windowHandle()
        assert handle is not None
        self.qtbot.keyClick(handle, key)

    def advance(self, seconds: float) -> None:
        """Let time pass on the session clock, then wait for the UI's next timer tick."""
        driver = self.window.driver
        if driver is None or not driver.running:
            self.clock.advance(seconds)
            return
        with self.qtbot.waitSignal(driver.refresh_timer.timeout, timeout=3000):
            self.clock.advance(seconds)


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


def start_routine(app: App, title: str = "Tiny test routine") -> PlayerPage:
    """Choose a routine and start it, as a person would: Enter on the list, Enter to start."""
    select_routine(app, title)
    app.press(Qt.Key.Key_Return)
    app.press(Qt.Key.Key_Return)
    player = app.window.current_page()
    assert isinstance(player, PlayerPage)
    return player


def select_routine(app: App, title: str) -> None:
    """Move through the list with the Down key until the routine is the current row."""
    routine_list = app.window.routine_list.list
    for _ in range(routine_list.count()):
        entry = routine_list.current_entry()
        if entry is not None and entry.routine is not None and entry.routine.title == title:
            return
        app.press(Qt.Key.Key_Down)
    raise AssertionError(f"{title} is not in the list")


def visit_dialogs(app: App, inspect) -> None:  # type: ignore[no-untyped-def]
    """Open the settings, the exercise adjustment and the stop question in turn, and hand each
    to `inspect` while it is on screen."""
    app.window.settings_action.trigger()
    settings = app.window.settings_dialog
    app.qtbot.waitExposed(settings)
    inspect(settings)
    settings.reject()
    app.qtbot.waitUntil(lambda: app.window.settings_dialog is None)
    start_routine(app)
    app.press(Qt.Key.Key_A)
    exercise = app.window.exercise_dialog
    app.qtbot.waitExposed(exercise)
    inspect(exercise)
    exercise.reject()
    app.qtbot.waitUntil(lambda: app.window.exercise_dialog is None)
    app.press(Qt.Key.Key_Escape)
    stop = app.window.stop_dialog
    app.qtbot.waitExposed(stop)
    inspect(stop)
