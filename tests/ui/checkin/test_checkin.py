"""The check-in before and after a session, by keyboard, and where its answers go."""

from __future__ import annotations

from PySide6.QtCore import Qt

from neurocoach.ui.checkin.checkin_page import CheckInPage
from neurocoach.ui.player.player_page import PlayerPage
from tests.ui.accessibility import audit
from tests.ui.helpers import select_routine


def to_checkin(app) -> CheckInPage:
    select_routine(app, "Tiny test routine")
    app.press(Qt.Key.Key_Return)
    app.press(Qt.Key.Key_Return)
    page = app.window.current_page()
    assert isinstance(page, CheckInPage)
    return page


def test_ratings_by_keyboard_before_and_after_are_stored(make_app) -> None:
    app = make_app(checkin=True)
    page = to_checkin(app)
    assert page.moment == "before" and audit(page) == []
    app.press(Qt.Key.Key_7)  # pain: the first row has the focus
    app.press(Qt.Key.Key_Tab)
    app.press(Qt.Key.Key_4)  # tingling
    app.press(Qt.Key.Key_Right)  # 5
    app.press(Qt.Key.Key_Return)  # save; numbness left out
    assert isinstance(app.window.current_page(), PlayerPage)
    app.window.session.driver.engine.stop()
    after = app.window.current_page()
    assert isinstance(after, CheckInPage) and after.moment == "after"
    app.qtbot.mouseClick(after.rows[("pain", "all")].buttons[3], Qt.MouseButton.LeftButton)
    app.press(Qt.Key.Key_Return)
    (session,) = app.store.sessions()
    assert {(r.moment, r.symptom, r.value) for r in app.store.ratings(session.id)} == {
        ("before", "pain", 7),
        ("before", "tingling", 5),
        ("after", "pain", 3),
    }
    assert app.window.current_page().objectName() == "finish_page"


def test_one_key_skips_it(make_app) -> None:
    app = make_app(checkin=True)
    to_checkin(app)
    app.press(Qt.Key.Key_Escape)
    assert isinstance(app.window.current_page(), PlayerPage)
    app.window.session.driver.engine.stop()
    app.press(Qt.Key.Key_Escape)
    assert app.window.current_page().objectName() == "finish_page"
    (session,) = app.store.sessions()
    assert app.store.ratings(session.id) == []


def test_hands_and_feet_separately_when_asked(make_app) -> None:
    app = make_app(checkin=True)
    app.settings.set("checkin_by_area", True)
    page = to_checkin(app)
    assert list(page.rows) == [
        ("pain", "hands"),
        ("pain", "feet"),
        ("tingling", "hands"),
        ("tingling", "feet"),
        ("numbness", "hands"),
        ("numbness", "feet"),
    ]
    app.press(Qt.Key.Key_2)
    app.press(Qt.Key.Key_Tab)
    app.press(Qt.Key.Key_6)
    app.press(Qt.Key.Key_Return)
    (session,) = app.store.sessions()
    assert {(r.area, r.value) for r in app.store.ratings(session.id)} == {("hands", 2), ("feet", 6)}


def test_down_moves_to_the_next_row_and_digits_rate_it(make_app) -> None:
    """3, Down, 5, Down, 7, Enter: pain 3, tingling 5, numbness 7 (Down changed pain before)."""
    from PySide6.QtWidgets import QApplication

    app = make_app(checkin=True)
    page = to_checkin(app)
    for key in (Qt.Key.Key_3, Qt.Key.Key_Down, Qt.Key.Key_5, Qt.Key.Key_Down):
        app.press(key)
    assert QApplication.focusWidget() is page.rows[("numbness", "all")]
    app.press(Qt.Key.Key_7)
    app.press(Qt.Key.Key_Up)
    assert QApplication.focusWidget() is page.rows[("tingling", "all")]
    app.press(Qt.Key.Key_Return)
    (session,) = app.store.sessions()
    assert {(r.symptom, r.value) for r in app.store.ratings(session.id)} == {
        ("pain", 3),
        ("tingling", 5),
        ("numbness", 7),
    }


def test_the_keys_that_ended_the_routine_rate_nothing_on_the_page_after(make_app) -> None:
    """Next pressed through the last step and on into the check-in after: the Right presses
    that land there give no rating; the first row has the focus, for a digit."""
    from PySide6.QtWidgets import QApplication

    app = make_app(checkin=True)
    to_checkin(app)
    app.press(Qt.Key.Key_Escape)  # no check-in before
    app.press(Qt.Key.Key_Right)  # to the second step
    app.press(Qt.Key.Key_Right)  # past the last: the routine ends
    after = app.window.current_page()
    assert isinstance(after, CheckInPage) and after.moment == "after"
    assert QApplication.focusWidget() is after.rows[("pain", "all")]
    for _ in range(3):
        app.press(Qt.Key.Key_Right)  # carried on from the player
    assert after.values() == {}
    app.press(Qt.Key.Key_Return)
    (session,) = app.store.sessions()
    assert app.store.ratings(session.id) == []
    assert app.window.current_page().objectName() == "finish_page"


def test_after_yes_stop_the_keyboard_is_on_the_check_in_after(make_app) -> None:
    """The session ends behind the stop question: when it closes, nobody (no window manager)
    hands the keyboard back, and the player that had it is gone. The first row must have it."""
    from PySide6.QtWidgets import QApplication

    app = make_app(checkin=True)
    to_checkin(app)
    app.press(Qt.Key.Key_Escape)  # no check-in before
    app.press(Qt.Key.Key_Escape)  # Stop?
    app.qtbot.waitUntil(lambda: app.window.stop_dialog is not None)
    app.qtbot.waitExposed(app.window.stop_dialog)
    app.press(Qt.Key.Key_Y)
    after = app.window.current_page()
    assert isinstance(after, CheckInPage) and after.moment == "after"
    app.qtbot.waitUntil(lambda: QApplication.focusWidget() is after.rows[("pain", "all")])
    assert QApplication.activeWindow() is app.window
