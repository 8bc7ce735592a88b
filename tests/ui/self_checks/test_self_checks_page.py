"""The Self-checks menu with real key presses: a number begins its check, unless the check is
not offered today, whose reason is shown instead."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from neurocoach.core.self_checks.measures import CHAIR_STAND, MNSI, SelfCheckResult
from neurocoach.core.self_checks.offers import HIGH_RISK_REASON, UNSTEADY_REASON, Offer, offers
from neurocoach.ui.common import theme
from neurocoach.ui.self_checks.self_checks_page import SelfChecksPage
from tests.ui.layout_checks import cut_off_labels
from tests.ui.sizes import button_problems

NOW = datetime(2026, 12, 2, 12, tzinfo=timezone.utc)
KEYS = {1: Qt.Key.Key_1, 2: Qt.Key.Key_2, 3: Qt.Key.Key_3, 4: Qt.Key.Key_4}


def build(
    qtbot: QtBot,
    qapp: QApplication,
    menu: Sequence[Offer],
    size: tuple[int, int] = (1280, 800),
) -> SelfChecksPage:
    page = SelfChecksPage(menu)
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: qapp.focusWindow() is page.windowHandle())
    return page


def press(qtbot: QtBot, page: SelfChecksPage, *keys: Qt.Key) -> None:
    handle = page.windowHandle()
    assert handle is not None
    for key in keys:
        qtbot.keyClick(handle, key)


def note(page: SelfChecksPage, key: str) -> str:
    """What is said about the check `key`: its note, and its reason when not offered."""
    label = page.findChild(QLabel, f"note_{key}")
    assert label is not None
    reason = page.findChild(QLabel, f"reason_{key}")
    return label.text() + ("" if reason is None else f"\n{reason.text()}")


def test_each_number_begins_its_check(qtbot: QtBot, qapp: QApplication) -> None:
    theme.apply(qapp)
    page = build(qtbot, qapp, offers([], False, False, NOW))
    titles = [page.findChild(QLabel, f"title_{o.key}").text() for o in page.offers]
    assert titles == [
        "Finger tapping",
        "Chair stand (30 seconds)",
        "Standing on one leg",
        "Questionnaire about your feet and legs (MNSI)",
    ]
    assert [(b.word, b.key_hint) for b in page.buttons] == [("Start", str(n)) for n in range(1, 5)]
    assert page.buttons[3].accessibleName() == (
        "Start Questionnaire about your feet and legs (MNSI), key 4"
    )
    assert all(b.isEnabled() for b in page.buttons)
    for number, key in (
        (1, "tapping"),
        (2, "chair_stand"),
        (3, "one_leg_stance"),
        (4, "mnsi"),
    ):
        with qtbot.waitSignal(page.check_chosen, timeout=1000) as chosen:
            press(qtbot, page, KEYS[number])
        assert chosen.args == [key]
    with qtbot.assertNotEmitted(page.check_chosen):
        press(qtbot, page, Qt.Key.Key_5, Qt.Key.Key_0)  # no such check


def test_the_last_result_and_due_are_shown_under_each(qtbot: QtBot, qapp: QApplication) -> None:
    theme.apply(qapp)
    results = [SelfCheckResult(CHAIR_STAND, datetime(2026, 11, 2, 12, tzinfo=timezone.utc), 12)]
    page = build(qtbot, qapp, offers(results, False, False, NOW))
    assert "Last done 2 November 2026: 12 stands" in note(page, "chair_stand")
    assert "Not done yet" in note(page, "tapping")
    assert note(page, "mnsi").startswith("Due this month.")  # never answered
    assert "Due this month" not in note(page, "chair_stand")
    answered = [SelfCheckResult(MNSI, NOW, 3)]
    page = build(qtbot, qapp, offers(answered, False, False, NOW))
    assert "Due this month" not in note(page, "mnsi")


def test_a_check_not_offered_shows_why_and_ignores_its_key(
    qtbot: QtBot, qapp: QApplication
) -> None:
    theme.apply(qapp)
    page = build(qtbot, qapp, offers([], feet_high_risk=True, unsteady_today=False, now=NOW))
    stand, stance = page.buttons[1], page.buttons[2]
    assert not stand.isEnabled() and not stance.isEnabled()
    assert HIGH_RISK_REASON in note(page, "chair_stand")
    assert HIGH_RISK_REASON in note(page, "one_leg_stance")
    assert HIGH_RISK_REASON not in note(page, "tapping")
    reason = page.findChild(QLabel, "reason_chair_stand")
    assert reason is not None and reason.y() > stand.parentWidget().y()  # under its button
    with qtbot.assertNotEmitted(page.check_chosen):
        press(qtbot, page, Qt.Key.Key_2, Qt.Key.Key_3)
        qtbot.mouseClick(stand, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.check_chosen, timeout=1000) as chosen:
        press(qtbot, page, Qt.Key.Key_4)
    assert chosen.args == ["mnsi"]


def test_on_an_unsteady_day_the_leg_checks_wait(qtbot: QtBot, qapp: QApplication) -> None:
    theme.apply(qapp)
    page = build(qtbot, qapp, offers([], feet_high_risk=False, unsteady_today=True, now=NOW))
    assert UNSTEADY_REASON in note(page, "one_leg_stance")
    with qtbot.assertNotEmitted(page.check_chosen):
        press(qtbot, page, Qt.Key.Key_3)
    with qtbot.waitSignal(page.check_chosen, timeout=1000) as chosen:
        press(qtbot, page, Qt.Key.Key_1)
    assert chosen.args == ["tapping"]


def test_a_held_number_chooses_once_and_escape_goes_back(qtbot: QtBot, qapp: QApplication) -> None:
    theme.apply(qapp)
    page = build(qtbot, qapp, offers([], False, False, NOW))
    chosen: list[str] = []
    page.check_chosen.connect(chosen.append)
    for repeat in (False, True, True, True):
        event = QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_1, Qt.KeyboardModifier.NoModifier, "1", repeat
        )
        QApplication.sendEvent(page.windowHandle(), event)
    assert chosen == ["tapping"]
    with qtbot.waitSignal(page.back_requested, timeout=1000):
        press(qtbot, page, Qt.Key.Key_Escape)


def test_the_menu_fits_at_200_percent_text_and_scrolls(qtbot: QtBot, qapp: QApplication) -> None:
    theme.apply(qapp, "light", 200)
    try:
        page = build(qtbot, qapp, offers([], True, False, NOW), size=(1024, 768))
        assert button_problems(page) == [] and cut_off_labels(page) == []
        body = page.scroller.widget()  # nothing wider than the window: no text cut at the side
        assert body.width() <= page.scroller.viewport().width()
        assert all(b.geometry().right() <= b.parentWidget().width() for b in page.buttons)
        bar = page.scroller.verticalScrollBar()
        qtbot.waitUntil(lambda: bar.maximum() > 0)
        press(qtbot, page, Qt.Key.Key_PageDown)
        assert bar.value() > 0
    finally:
        theme.apply(qapp)
