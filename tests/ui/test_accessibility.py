"""Every window and dialog, audited: big, labelled, named controls, in a sensible Tab order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.accessibility import audit, focus_chain, out_of_reading_order
from tests.ui.conftest import select_routine, start_routine


def open_dialog(app, action):
    action()
    dialog = app.window.findChild(QMessageBox) if False else None
    return dialog


def test_the_routine_list(make_app) -> None:
    app = make_app()
    assert audit(app.window) == []
    assert out_of_reading_order(focus_chain(app.window)) == []


def test_the_safety_page_the_player_and_the_finish_page(make_app) -> None:
    app = make_app()
    select_routine(app, "Tiny test routine")
    app.press(Qt.Key.Key_Return)
    assert audit(app.window) == []
    assert out_of_reading_order(focus_chain(app.window)) == []
    app.press(Qt.Key.Key_Return)
    assert audit(app.window) == []
    app.window.driver.engine.stop()
    assert audit(app.window) == []
    app.press(Qt.Key.Key_H)
    assert audit(app.window) == []


def test_the_dialogs(make_app) -> None:
    app = make_app()
    app.window.settings_action.trigger()
    settings = app.window.settings_dialog
    app.qtbot.waitExposed(settings)
    assert audit(settings) == []
    assert out_of_reading_order(focus_chain(settings)) == []
    settings.reject()
    app.qtbot.waitUntil(lambda: app.window.settings_dialog is None)
    start_routine(app)
    app.press(Qt.Key.Key_A)
    exercise = app.window.exercise_dialog
    app.qtbot.waitExposed(exercise)
    assert audit(exercise) == []
    assert out_of_reading_order(focus_chain(exercise)) == []
    exercise.reject()
    app.qtbot.waitUntil(lambda: app.window.exercise_dialog is None)
    app.press(Qt.Key.Key_Escape)
    stop = app.window.stop_dialog
    app.qtbot.waitExposed(stop)
    assert audit(stop) == []
    assert out_of_reading_order(focus_chain(stop)) == []
