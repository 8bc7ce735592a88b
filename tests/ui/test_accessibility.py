"""Every window and dialog, audited: big, labelled, named controls, in a sensible Tab order."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from tests.ui.accessibility import audit, focus_chain, out_of_reading_order
from tests.ui.helpers import select_routine, start_routine, visit_dialogs


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
    app.window.session.driver.engine.stop()
    assert audit(app.window) == []
    app.press(Qt.Key.Key_H)
    assert audit(app.window) == []


def test_the_dialogs(make_app) -> None:
    app = make_app()

    def inspect(dialog) -> None:
        assert audit(dialog) == []
        assert out_of_reading_order(focus_chain(dialog)) == []

    visit_dialogs(app, inspect)


def test_the_message_boxes(make_app) -> None:
    app = make_app({"zz-broken.yaml": "format: 1\nid: [oops\n"})
    app.window.tell("Your settings file could not be read.")
    told = app.window.findChild(QMessageBox, "message")
    app.qtbot.waitExposed(told)
    assert audit(told) == []
    told.close()
    routine_list = app.window.routine_list.list
    routine_list.setCurrentRow(routine_list.count() - 1)
    app.window.show_entry(routine_list.current_entry())
    problems = app.window.findChild(QMessageBox, "routine_problems")
    app.qtbot.waitExposed(problems)
    assert audit(problems) == []


def test_screen_readers_hear_each_step_and_the_time_left(make_app, monkeypatch) -> None:
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    heard: list[str] = []

    def listen(event) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            heard.append(event.message())

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(listen))
    app = make_app()
    player = start_routine(app)
    countdown = QAccessible.queryAccessibleInterface(player.countdown)
    assert countdown.text(QAccessible.Text.Name) == "Time left"
    assert countdown.text(QAccessible.Text.Description) == "3 seconds left"
    app.advance(1)
    assert countdown.text(QAccessible.Text.Description) == "2 seconds left"
    app.advance(2)
    assert heard == [
        "Get ready. Squeeze. Step 1 of 2 · rep 1 of 2 · right hand",
        "Go. Squeeze. Step 1 of 2 · rep 1 of 2 · right hand",
    ]
    page = QAccessible.queryAccessibleInterface(player)
    assert page.text(QAccessible.Text.Description) == heard[-1]


def test_f11_makes_the_window_full_screen_and_back(make_app) -> None:
    app = make_app()
    start_routine(app)
    app.press(Qt.Key.Key_F11)
    assert app.window.windowState() & Qt.WindowState.WindowFullScreen
    app.press(Qt.Key.Key_F11)
    assert not app.window.windowState() & Qt.WindowState.WindowFullScreen


def ring_pixels(widget) -> int:
    """How many pixels of the widget are in the focus ring's colour."""
    from PySide6.QtGui import QColor

    from neurocoach.ui.common import theme

    image = widget.grab().toImage()
    ring = QColor(theme.current.focus)
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = QColor(image.pixel(x, y))
            if (
                abs(c.red() - ring.red())
                + abs(c.green() - ring.green())
                + abs(c.blue() - ring.blue())
                < 30
            ):
                count += 1
    return count


def test_the_focus_ring_is_thick_and_plain_to_see(make_app) -> None:
    app = make_app()
    app.window.settings_action.trigger()
    dialog = app.window.settings_windows.settings_dialog
    app.qtbot.waitExposed(dialog)
    app.qtbot.waitUntil(dialog.isActiveWindow)
    row = dialog.fields["hold_scale"]
    close = dialog.close_button
    row.setFocus()
    app.qtbot.waitUntil(row.hasFocus)
    focused_row, unfocused_button = ring_pixels(row), ring_pixels(close)
    close.setFocus()
    app.qtbot.waitUntil(close.hasFocus)
    unfocused_row, focused_button = ring_pixels(row), ring_pixels(close)
    # A ring at least 5 px thick all round: about 2 x (width + height) x 5 pixels.
    assert focused_row >= 2 * (row.width() + row.height()) * 5 * 0.8
    assert focused_button >= 2 * (close.width() + close.height()) * 5 * 0.8
    assert unfocused_row == 0 and unfocused_button == 0


def test_body_text_is_at_least_18_points(make_app) -> None:
    app = make_app()
    player = start_routine(app)
    for label in (player.instructions, player.next_label, player.step_title):
        assert label.font().pointSizeF() >= 18, label.objectName()
    assert app.window.routine_list.list.font().pointSizeF() >= 18


def test_buttons_act_on_release_not_on_press(make_app) -> None:
    app = make_app()
    player = start_routine(app)
    before = player.position.text()
    app.qtbot.mousePress(player.next_button, Qt.MouseButton.LeftButton)
    assert player.position.text() == before  # pressing alone does nothing
    app.qtbot.mouseRelease(player.next_button, Qt.MouseButton.LeftButton)
    assert player.position.text() != before


def test_a_double_click_on_the_list_does_not_start_anything(make_app) -> None:
    app = make_app()
    routine_list = app.window.routine_list.list
    rect = routine_list.visualItemRect(routine_list.item(1))
    app.qtbot.mouseDClick(routine_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert app.window.current_page() is app.window.routine_list
    assert routine_list.currentRow() == 1  # a click just chooses; Start or Enter starts
