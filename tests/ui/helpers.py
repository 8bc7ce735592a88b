"""What the UI tests share: a tiny routine, the window under test and how a person drives it.

Kept apart from conftest.py (which only holds fixtures), so tests import these by name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from neurocoach.core.history.store import HistoryStore
from neurocoach.core.self_checks import measures
from neurocoach.core.session.clock import ManualClock
from neurocoach.core.session.records import EndReason, StepRecord
from neurocoach.core.settings import Settings
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
        driver = self.window.session.driver
        if driver is None or not driver.running:
            self.clock.advance(seconds)
            return
        with self.qtbot.waitSignal(driver.refresh_timer.timeout, timeout=3000):
            self.clock.advance(seconds)


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
    settings = app.window.settings_windows.settings_dialog
    app.qtbot.waitExposed(settings)
    inspect(settings)
    settings.reject()
    app.qtbot.waitUntil(lambda: app.window.settings_windows.settings_dialog is None)
    start_routine(app)
    app.press(Qt.Key.Key_A)
    exercise = app.window.settings_windows.exercise_dialog
    app.qtbot.waitExposed(exercise)
    inspect(exercise)
    exercise.reject()
    app.qtbot.waitUntil(lambda: app.window.settings_windows.exercise_dialog is None)
    app.press(Qt.Key.Key_Escape)
    stop = app.window.stop_dialog
    app.qtbot.waitExposed(stop)
    inspect(stop)


# --- a history to look at -------------------------------------------------------------
NOW = datetime.now(timezone.utc).replace(microsecond=0)


def add_session(
    store: HistoryStore, days_ago: float, minutes: float, title="Quick hands", ratings=None
):
    start = NOW - timedelta(days=days_ago)
    sid = store.begin_session("quick-hands", title, start, 2)
    store.record_step(sid, StepRecord(0, "Finger taps", 20, 2, 20, 2, False))
    store.end_session(sid, start + timedelta(minutes=minutes), EndReason.FINISHED)
    for moment, values in (ratings or {}).items():
        store.save_ratings(sid, moment, values)
    return sid


def with_self_checks(app: App) -> None:
    """Each timed check and the questionnaire done twice, 20 and 3 days ago."""
    for days_ago, step in ((20, 0), (3, 1)):
        when = NOW - timedelta(days=days_ago)
        for measure, value in (
            (measures.TAPPING_RIGHT, 48 + 4 * step),
            (measures.TAPPING_LEFT, 44 + 3 * step),
            (measures.CHAIR_STAND, 9 + 3 * step),
            (measures.ONE_LEG_STANCE, 6.5 + step),
            (measures.MNSI, 5 - step),
        ):
            app.store.save_self_check(measures.SelfCheckResult(measure, when, value))


def filled(app: App) -> None:
    """Four sessions over ten days, two with ratings."""
    add_session(
        app.store, 0, 6, ratings={"before": {("pain", "all"): 6}, "after": {("pain", "all"): 4}}
    )
    add_session(app.store, 1, 5, ratings={"before": {("pain", "all"): 7}})
    add_session(app.store, 2, 10, "Foot wash, massage and check")
    add_session(app.store, 9, 8)
