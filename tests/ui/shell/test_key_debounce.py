from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from neurocoach.ui.shell import key_debounce
from neurocoach.ui.shell.key_debounce import KeyDebounceFilter
from tests.ui.helpers import select_routine, start_routine


def test_a_second_press_within_the_debounce_time_is_ignored(make_app) -> None:
    app = make_app()
    player = start_routine(app)
    handle = app.window.windowHandle()
    app.qtbot.keyClick(handle, Qt.Key.Key_Right)  # no time passes between these two
    assert player.position.text() == "Step 2 of 2"
    app.key_clock.advance(0.3)
    app.qtbot.keyClick(handle, Qt.Key.Key_Left)  # another key is not a repeat
    assert player.position.text().startswith("Step 1 of 2")
    app.key_clock.advance(0.3)
    app.qtbot.keyClick(handle, Qt.Key.Key_Left)  # the same key 0.3 s later: ignored
    assert app.keys.ignored == 1
    app.qtbot.keyClick(handle, Qt.Key.Key_Right)
    assert player.position.text() == "Step 2 of 2"
    app.key_clock.advance(0.5)
    app.qtbot.keyClick(handle, Qt.Key.Key_Right)  # 0.5 s: still too soon
    assert player.position.text() == "Step 2 of 2"
    app.key_clock.advance(0.7)
    app.qtbot.keyClick(handle, Qt.Key.Key_Left)
    app.key_clock.advance(0.7)
    app.qtbot.keyClick(handle, Qt.Key.Key_Left)  # 0.7 s after the last Left: counts
    assert player.position.text().startswith("Step 1 of 2")


def test_held_keys_do_not_repeat(make_app) -> None:
    app = make_app()
    player = start_routine(app)
    app.key_clock.advance(5)
    repeat = QKeyEvent(
        QEvent.Type.KeyPress, Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier, "", True
    )
    QApplication.sendEvent(app.window.windowHandle(), repeat)
    assert player.position.text().startswith("Step 1 of 2")
    assert app.keys.ignored == 1


def test_zero_seconds_turns_it_off(make_app) -> None:
    app = make_app()
    app.keys.seconds = 0
    select_routine(app, "Tiny test routine")
    handle = app.window.windowHandle()
    app.qtbot.keyClick(handle, Qt.Key.Key_Return)
    app.qtbot.keyClick(handle, Qt.Key.Key_Return)
    assert app.window.session.driver is not None


def test_dialogs_are_debounced_too(make_app) -> None:
    """The filter follows the keyboard to each window that takes it, not just the main one."""
    app = make_app()
    start_routine(app)
    app.press(Qt.Key.Key_Escape)  # "Stop the routine?" opens in a window of its own
    dialog = QApplication.activeModalWidget()
    assert dialog is not None and dialog.windowHandle() is not app.window.windowHandle()
    handle = dialog.windowHandle()
    before = app.keys.ignored
    app.qtbot.keyClick(handle, Qt.Key.Key_Tab)
    app.qtbot.keyClick(handle, Qt.Key.Key_Tab)  # the same key at once: a tremor's double press
    assert app.keys.ignored == before + 1
    app.press(Qt.Key.Key_Escape)  # No, keep going
    app.qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert app.window.session.driver is not None and app.window.session.driver.running


def test_a_hold_lets_every_press_through_until_it_is_lifted(make_app) -> None:
    """The tapping test's fast presses of one key, and auto-repeats, all pass while held."""
    app = make_app()
    player = start_routine(app)
    handle = app.window.windowHandle()
    repeat = QKeyEvent(
        QEvent.Type.KeyPress, Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier, "", True
    )
    assert app.keys in key_debounce.watching()
    key_debounce.hold_off("a test")
    try:
        assert key_debounce.held_off() == {"a test"}
        app.qtbot.keyClick(handle, Qt.Key.Key_Left)
        app.qtbot.keyClick(handle, Qt.Key.Key_Left)  # no time between: passed all the same
        QApplication.sendEvent(handle, repeat)  # a held Right: passed, and acted on
        assert app.keys.ignored == 0
        assert player.position.text() == "Step 2 of 2"
    finally:
        key_debounce.resume("a test")
    assert key_debounce.held_off() == frozenset()
    app.qtbot.keyClick(handle, Qt.Key.Key_Left)  # as soon as the last Left seen while held
    QApplication.sendEvent(handle, repeat)
    assert app.keys.ignored == 2  # both dropped again
    assert player.position.text() == "Step 2 of 2"


def test_each_reason_is_lifted_on_its_own_and_an_unknown_one_is_harmless(make_app) -> None:
    app = make_app()
    start_routine(app)
    handle = app.window.windowHandle()
    key_debounce.resume("never held")  # nothing happens
    key_debounce.hold_off("one")
    key_debounce.hold_off("two")
    key_debounce.hold_off("two")  # held twice for one reason: lifted once
    key_debounce.resume("one")
    try:
        assert key_debounce.held_off() == {"two"}
        app.qtbot.keyClick(handle, Qt.Key.Key_Left)
        app.qtbot.keyClick(handle, Qt.Key.Key_Left)
        assert app.keys.ignored == 0  # still held for "two"
    finally:
        key_debounce.resume("two")
    app.qtbot.keyClick(handle, Qt.Key.Key_Left)
    assert app.keys.ignored == 1


def test_the_registry_holds_the_filters_that_watch(qapp: QApplication) -> None:
    keys = KeyDebounceFilter()
    assert keys not in key_debounce.watching()
    keys.watch(qapp)
    keys.watch(qapp)  # watching twice is listed once
    assert key_debounce.watching().count(keys) == 1
    keys.unwatch(qapp)
    assert keys not in key_debounce.watching()
