"""The foot check through the real window: asked before the first foot routine, answered with
real key presses, kept across a restart, and changing what the session does."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timezone

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from neurocoach.core.history.store import HistoryStore
from neurocoach.core.session.engine import CHECK_ANSWER_AFTER_SECONDS
from neurocoach.core.session.timeline import PhaseKind
from neurocoach.ui.foot_check.foot_check_page import FootCheckPage
from neurocoach.ui.player.player_page import PlayerPage
from neurocoach.ui.routines.before_start_page import BeforeStartPage
from neurocoach.ui.routines.routine_list_page import RoutineListPage
from neurocoach.ui.shell.main_window import MainWindow
from tests.ui.helpers import select_routine

FEET = """\
format: 1
id: test-feet
title: Test feet
description: A foot routine for the tests.
area: feet
source: Written for the tests.
safety: Sit down.
steps:
  - title: Fill the bowl
    instructions: Fill a bowl with water.
    hold_seconds: 10
    care: [feet]
  - title: Foot wash
    instructions: Wash your feet briefly.
    hold_seconds: 20
    care: [feet, warm-water]
  - title: Look at your feet
    instructions: Look all over both feet.
    hold_seconds: 15
"""
Y, N = Qt.Key.Key_Y, Qt.Key.Key_N


def page(app, kind):
    current = app.window.current_page()
    assert isinstance(current, kind), current
    return current


def open_feet(app) -> None:
    select_routine(app, "Test feet")
    app.press(Qt.Key.Key_Return)


def answer(app, *keys: Qt.Key) -> FootCheckPage:
    check = page(app, FootCheckPage)
    for key in keys:
        app.press(key)
    return check


def test_the_first_foot_routine_asks_and_a_wound_leaves_the_foot_work_out(make_app) -> None:
    app = make_app({"feet.yaml": FEET})
    open_feet(app)
    check = answer(app, Y, N, N, N)  # a wound
    assert check.index == 4
    meaning = check.meaning.text()
    assert "doctor or podiatrist soon" in meaning
    assert "Fill the bowl, Foot wash" in meaning
    assert "A sore, blister, ulcer or slow-healing wound on a foot: yes" in check.given.text()
    assert app.store.foot_check() is None  # nothing kept until the answers are checked
    app.press(Qt.Key.Key_Return)
    before = page(app, BeforeStartPage)
    assert before.steps.text() == "The steps: 1. Look at your feet"
    advice = before.findChild(QLabel, "foot_advice")
    assert advice is not None and "left out" in advice.text()
    when = before.findChild(QLabel, "when_to_call")
    assert when is not None and "hot, red or swollen" in when.text()
    saved = app.store.foot_check()
    assert saved is not None and saved.wound and not saved.cannot_feel_warmth
    app.press(Qt.Key.Key_Return)
    player = page(app, PlayerPage)
    assert [p.step.title for p in player.engine.phases] == ["Look at your feet"] * 2


def restarted(app):
    """The coach closed and started again: a new history and window over the same files."""
    app.window.session.close()
    app.window.hide()
    store = HistoryStore(app.store.path)
    window = MainWindow(app.window.routine_folders, store, app.settings, app.clock)
    app.qtbot.addWidget(window)
    window.resize(app.window.size())
    window.show()
    app.qtbot.waitExposed(window)
    window.activateWindow()
    return dataclasses.replace(app, window=window, store=store)


def test_the_answers_survive_a_restart_and_can_be_given_again(make_app) -> None:
    first = make_app({"feet.yaml": FEET})
    open_feet(first)
    answer(first, N, Y, N, N)  # a hot, swollen foot
    first.press(Qt.Key.Key_Return)
    again = restarted(first)
    open_feet(again)
    before = page(again, BeforeStartPage)  # not asked again
    assert "Look at your feet" in before.steps.text() and "Foot wash" not in before.steps.text()
    again.press(Qt.Key.Key_F)
    answer(again, N, N, N, N)
    again.press(Qt.Key.Key_Return)
    before = page(again, BeforeStartPage)
    assert "Foot wash" in before.steps.text()
    assert [c.hot_swollen for c in again.store.foot_checks()] == [True, False]


def test_without_a_sense_of_warmth_the_player_waits_for_the_thermometer(make_app) -> None:
    app = make_app({"feet.yaml": FEET})
    open_feet(app)
    answer(app, N, N, Y, N)
    app.press(Qt.Key.Key_Return)
    before = page(app, BeforeStartPage)
    assert "thermometer" in before.findChild(QLabel, "foot_advice").text()
    app.press(Qt.Key.Key_Return)
    player = page(app, PlayerPage)
    app.advance(3)  # get ready
    app.advance(10)  # the bowl is filled
    assert player.engine.phase.kind is PhaseKind.CHECK
    assert "37 °C or less?" in player.banner.text()
    assert player.step_title.text() == "Read the thermometer"
    assert player.countdown.text == "37 °C?"
    assert player.countdown._fraction() == 1  # a question waiting: no time runs out
    assert player.pause_button.word == "Yes"
    app.advance(600)  # however long it takes, it waits
    assert player.engine.phase.kind is PhaseKind.CHECK
    app.press(Qt.Key.Key_Space)
    phase = player.engine.phase
    assert (phase.kind, phase.step.title) == (PhaseKind.READY, "Foot wash")


def test_a_space_carried_on_into_the_water_check_does_not_answer_it(make_app) -> None:
    app = make_app({"feet.yaml": FEET})
    app.settings.set("wait_for_me", True)  # the bowl's hold ends with Space
    open_feet(app)
    answer(app, N, N, Y, N)
    app.press(Qt.Key.Key_Return)
    app.press(Qt.Key.Key_Return)
    player = page(app, PlayerPage)
    app.advance(3)
    assert player.engine.phase.kind is PhaseKind.HOLD
    app.press(Qt.Key.Key_Space)  # done filling the bowl...
    assert player.engine.phase.kind is PhaseKind.CHECK
    app.press(Qt.Key.Key_Space)  # ...and pressed again by a shaky hand
    assert player.engine.phase.kind is PhaseKind.CHECK
    app.advance(CHECK_ANSWER_AFTER_SECONDS)
    app.press(Qt.Key.Key_Right)  # no thermometer: leave the wash out
    assert player.engine.phase.step.title == "Look at your feet"


def test_a_held_down_key_answers_one_question(make_app, qapp: QApplication) -> None:
    app = make_app({"feet.yaml": FEET})
    open_feet(app)
    check = page(app, FootCheckPage)
    app.press(N)
    for _ in range(5):  # the auto-repeat of a key held down
        held = QKeyEvent(QEvent.Type.KeyPress, N, Qt.KeyboardModifier.NoModifier, "n", True)
        QApplication.sendEvent(check, held)
    assert check.index == 1


def test_escape_on_the_first_question_goes_back_and_keeps_nothing(make_app) -> None:
    app = make_app({"feet.yaml": FEET})
    open_feet(app)
    answer(app, Y)
    app.press(Qt.Key.Key_Escape)  # back to the first question
    assert page(app, FootCheckPage).index == 0
    app.press(Qt.Key.Key_Escape)
    page(app, RoutineListPage)
    assert app.store.foot_check() is None
    open_feet(app)
    page(app, FootCheckPage)  # asked again: a foot routine is never started unasked


def test_a_hand_routine_is_never_held_up_by_the_foot_check(make_app) -> None:
    app = make_app()
    select_routine(app, "Tiny test routine")
    app.press(Qt.Key.Key_Return)
    before = page(app, BeforeStartPage)
    assert not before.foot_check_button.isVisibleTo(before)
    assert before.findChild(QLabel, "when_to_call") is None


def test_settings_show_the_answers_and_lead_to_the_check(make_app) -> None:
    app = make_app({"feet.yaml": FEET})
    open_feet(app)
    answer(app, N, N, Y, Y)
    app.press(Qt.Key.Key_Return)
    app.press(Qt.Key.Key_Escape)  # back to the list
    app.window.settings_action.trigger()
    dialog = app.window.settings_windows.settings_dialog
    app.qtbot.waitExposed(dialog)
    shown = dialog.findChild(QLabel, "foot_answers")
    assert shown is not None and "Hard to tell warm water from cold: yes" in shown.text()
    app.press(Qt.Key.Key_F)
    app.qtbot.waitUntil(lambda: app.window.settings_windows.settings_dialog is None)
    answer(app, N, N, N, N)
    app.press(Qt.Key.Key_Return)
    page(app, RoutineListPage)
    assert not app.store.foot_check().cannot_feel_warmth


def test_help_says_when_to_stop_and_call_the_doctor(make_app) -> None:
    app = make_app()
    app.window.when_to_call_action.trigger()
    box = app.window.findChild(QMessageBox, "when_to_call")
    assert box is not None
    app.qtbot.waitExposed(box)
    assert "When to stop and call your doctor" in box.text()
    assert "Sudden weakness" in box.text() and "emergency" in box.informativeText()


def test_the_clinician_report_shows_the_answers_with_their_date(make_app, tmp_path) -> None:
    from datetime import date, timedelta

    from PySide6.QtPdf import QPdfDocument

    from neurocoach.core.foot_check import FootCheck
    from neurocoach.core.history.progress import Period
    from neurocoach.ui.history.clinician_report import write_report

    app = make_app()
    today = date(2026, 12, 2)
    earlier = datetime(2026, 11, 20, 9, tzinfo=timezone.utc)
    app.window.feet.save(FootCheck(earlier, False, False, True, False))
    app.window.feet.save(FootCheck(earlier + timedelta(days=10), True, False, True, False))
    target = tmp_path / "report.pdf"
    write_report(app.store, str(target), Period(today - timedelta(days=29), today), today=today)
    document = QPdfDocument()
    assert document.load(str(target)) == QPdfDocument.Error.None_
    text = " ".join(document.getAllText(p).text() for p in range(document.pageCount()))
    text = " ".join(text.split())
    document.close()
    assert "Foot check (the user's own answers)" in text
    assert "Answered on 30 November 2026:" in text
    assert "A sore, blister, ulcer or slow-healing wound on a foot: yes" in text
    assert "Hard to tell warm water from cold: yes" in text
    assert "Earlier, on 20 November 2026: yes to hard to tell warm water from cold." in text


def test_the_summary_scrolls_with_the_keys_when_it_is_longer_than_the_window(make_app) -> None:
    from neurocoach.ui.common import theme

    app = make_app({"feet.yaml": FEET}, size=(1024, 768))
    theme.apply(QApplication.instance(), "light", 200)
    app.settings.set("text_scale", 200)
    try:
        open_feet(app)
        check = answer(app, Y, Y, Y, Y)
        bar = check.scroller.verticalScrollBar()
        app.qtbot.waitUntil(lambda: bar.maximum() > 0)
        assert bar.value() == 0
        app.press(Qt.Key.Key_PageDown)
        assert bar.value() > 0
        app.press(Qt.Key.Key_Up)
        app.press(Qt.Key.Key_PageUp)
        assert bar.value() == 0
        app.press(Qt.Key.Key_C)  # change my answers: back to the first question, at the top
        assert check.index == 0 and bar.value() == 0
    finally:
        theme.apply(QApplication.instance())
