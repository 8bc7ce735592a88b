"""The self-checks through the real window: opened with Ctrl+K, done with real key presses,
kept in the history, left out when they would not be safe, and offered after a session."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from neurocoach.core.foot_check import FootCheck
from neurocoach.core.self_checks import measures
from neurocoach.core.self_checks.tapping import Phase
from neurocoach.ui.player.finish_page import FinishPage
from neurocoach.ui.routines.routine_list_page import RoutineListPage
from neurocoach.ui.self_checks.legs_page import LegsCheckPage
from neurocoach.ui.self_checks.mnsi_page import MnsiPage
from neurocoach.ui.self_checks.pgic_page import PgicPage
from neurocoach.ui.self_checks.self_checks_page import SelfChecksPage
from neurocoach.ui.self_checks.tapping_page import TappingPage
from neurocoach.ui.shell import key_debounce
from tests.ui.helpers import App, add_session, start_routine


def open_menu(app: App) -> SelfChecksPage:
    app.key_clock.advance(1.0)
    app.qtbot.keyClick(app.window.windowHandle(), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    page = app.window.current_page()
    assert isinstance(page, SelfChecksPage)
    return page


def finish_tiny_routine(app: App) -> FinishPage:
    start_routine(app)
    for _ in range(10):
        page = app.window.current_page()
        if isinstance(page, FinishPage):
            return page
        app.advance(400)  # the clock jumps: the engine catches up at once
    raise AssertionError("the routine did not finish")


def test_ctrl_k_opens_the_menu_and_escape_comes_back(make_app) -> None:
    app = make_app()
    menu = open_menu(app)
    app.press(Qt.Key.Key_1)
    assert isinstance(app.window.current_page(), TappingPage)
    app.press(Qt.Key.Key_Escape)
    assert isinstance(app.window.current_page(), SelfChecksPage)
    app.press(Qt.Key.Key_Escape)
    assert isinstance(app.window.current_page(), RoutineListPage)
    assert menu is not None


def test_a_tapping_test_with_quick_presses_is_counted_and_kept(make_app) -> None:
    app = make_app()
    open_menu(app)
    app.press(Qt.Key.Key_1)
    page = app.window.current_page()
    assert isinstance(page, TappingPage)
    app.press(Qt.Key.Key_Space)  # not yet a tap: the hand is not chosen
    app.press(Qt.Key.Key_R)
    handle = app.window.windowHandle()
    taps = [20, 22, 21, 18, 19, 17]  # right hand three times, then the left
    for count in taps:
        app.qtbot.waitUntil(lambda: page.test.phase is Phase.READY, timeout=3000)
        app.clock.advance(3.0)
        app.qtbot.waitUntil(lambda: page.test.phase is Phase.TAPPING, timeout=3000)
        assert "tapping test" in key_debounce.held_off()
        for _ in range(count):
            app.key_clock.advance(0.05)  # far quicker than the 0.6 s the filter lets through
            app.qtbot.keyClick(handle, Qt.Key.Key_Space)
        app.clock.advance(10.0)
        app.qtbot.waitUntil(lambda: page.test.phase is not Phase.TAPPING, timeout=3000)
        app.clock.advance(15.0)
    app.qtbot.waitUntil(lambda: page.test.phase is Phase.DONE, timeout=3000)
    assert key_debounce.held_off() == frozenset()
    assert page.test.counts == {"right": [20, 22, 21], "left": [18, 19, 17]}
    # Kept as the trials ended, while the results are still on screen.
    kept = {r.measure: r.value for r in app.store.self_checks()}
    assert kept == {measures.TAPPING_RIGHT: 21, measures.TAPPING_LEFT: 18}
    app.press(Qt.Key.Key_Return)
    assert len(app.store.self_checks()) == 2
    menu = app.window.current_page()
    assert isinstance(menu, SelfChecksPage)
    # Back on, after the test: a quick second press of the same key is dropped again.
    ignored = app.keys.ignored
    app.key_clock.advance(1.0)
    app.qtbot.keyClick(handle, Qt.Key.Key_Escape)
    app.window.show_self_checks()
    app.key_clock.advance(0.05)
    app.qtbot.keyClick(handle, Qt.Key.Key_Escape)
    assert app.keys.ignored == ignored + 1
    assert isinstance(app.window.current_page(), SelfChecksPage)


def test_leg_checks_are_not_offered_for_a_foot_at_high_risk(make_app) -> None:
    app = make_app()
    app.window.feet.save(FootCheck(datetime.now(timezone.utc), False, False, False, True))
    open_menu(app)
    for number in (Qt.Key.Key_2, Qt.Key.Key_3):
        app.press(number)
        assert isinstance(app.window.current_page(), SelfChecksPage)
    app.press(Qt.Key.Key_4)
    assert isinstance(app.window.current_page(), MnsiPage)


def test_unsteady_today_leaves_the_leg_checks_out_for_the_day(make_app) -> None:
    app = make_app()
    open_menu(app)
    app.press(Qt.Key.Key_2)
    page = app.window.current_page()
    assert isinstance(page, LegsCheckPage)
    app.press(Qt.Key.Key_N)  # "Do you feel steady on your feet today?" No.
    app.press(Qt.Key.Key_Escape)
    assert isinstance(app.window.current_page(), SelfChecksPage)
    app.press(Qt.Key.Key_3)
    assert isinstance(app.window.current_page(), SelfChecksPage)


def answer_mnsi(app: App) -> None:
    page = app.window.current_page()
    assert isinstance(page, MnsiPage)
    app.press(Qt.Key.Key_Return)  # past the intro
    for number in range(15):
        app.press(Qt.Key.Key_Y if number < 5 else Qt.Key.Key_N)
    app.press(Qt.Key.Key_Return)


def test_a_result_that_cannot_be_saved_is_shown_to_write_down(make_app, monkeypatch) -> None:
    app = make_app()

    def full(_result: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(app.store, "save_self_check", full)
    open_menu(app)
    app.press(Qt.Key.Key_4)
    answer_mnsi(app)
    app.qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert "could not be saved" in box.text() and "disk is full" in box.text()
    assert "MNSI questionnaire: 6 points of 13" in box.text()  # yes to 1-3, 5; no to 7, 13
    box.accept()


def test_the_weekly_question_comes_after_a_finished_session_from_the_second_week(
    make_app,
) -> None:
    app = make_app()
    add_session(app.store, 10, 5)
    finish_tiny_routine(app)
    app.press(Qt.Key.Key_Return)
    page = app.window.current_page()
    assert isinstance(page, PgicPage)
    app.press(Qt.Key.Key_3)
    app.press(Qt.Key.Key_Return)
    (kept,) = app.store.self_checks()
    assert (kept.measure, kept.value) == (measures.PGIC, 3)
    assert isinstance(app.window.current_page(), RoutineListPage)
    # Answered this week: the monthly questionnaire is next, after the next session.
    finish_tiny_routine(app)
    app.press(Qt.Key.Key_Return)
    assert isinstance(app.window.current_page(), MnsiPage)
    app.press(Qt.Key.Key_Escape)  # not now
    assert isinstance(app.window.current_page(), RoutineListPage)
    finish_tiny_routine(app)  # not asked again today
    app.press(Qt.Key.Key_Return)
    assert isinstance(app.window.current_page(), RoutineListPage)


def test_a_new_user_goes_straight_back_to_the_routines(make_app) -> None:
    app = make_app()
    finish_tiny_routine(app)
    app.press(Qt.Key.Key_Return)
    assert isinstance(app.window.current_page(), RoutineListPage)


def test_a_questionnaire_done_lately_is_not_offered(make_app) -> None:
    app = make_app()
    add_session(app.store, 40, 5)
    now = datetime.now(timezone.utc)
    for measure, days_ago in ((measures.PGIC, 2), (measures.MNSI, 20)):
        when = now - timedelta(days=days_ago)
        app.store.save_self_check(measures.SelfCheckResult(measure, when, 3))
    finish_tiny_routine(app)
    app.press(Qt.Key.Key_Return)
    assert isinstance(app.window.current_page(), RoutineListPage)
