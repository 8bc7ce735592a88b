"""The PGIC page with real key presses: a number chooses, another changes, Enter keeps, Esc
leaves; it fits a small screen at 200 % text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from neurocoach.core.self_checks import pgic
from neurocoach.core.self_checks.measures import PGIC
from neurocoach.ui.common import theme
from neurocoach.ui.self_checks.pgic_page import PgicPage
from tests.ui.layout_checks import cut_off_labels, overlapping
from tests.ui.sizes import button_problems

ENTER, ESC = Qt.Key.Key_Return, Qt.Key.Key_Escape


def build(qtbot: QtBot, qapp: QApplication, size: tuple[int, int] = (1280, 800)) -> PgicPage:
    page = PgicPage()
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: qapp.focusWindow() is page.windowHandle())
    return page


@pytest.fixture
def page(qtbot: QtBot, qapp: QApplication) -> Iterator[PgicPage]:
    theme.apply(qapp)
    yield build(qtbot, qapp)


def press(qtbot: QtBot, page: PgicPage, *keys: Qt.Key) -> None:
    handle = page.windowHandle()
    assert handle is not None
    for key in keys:
        qtbot.keyClick(handle, key)


def chosen(page: PgicPage) -> list[int]:
    return [value for value, button in page.options.items() if button.isChecked()]


def test_the_question_its_seven_answers_and_the_source_are_shown(page: PgicPage) -> None:
    assert page.question.text() == pgic.QUESTION
    assert [(b.word, b.key_hint) for b in page.options.values()] == [
        (words, str(value)) for value, words in pgic.OPTIONS.items()
    ]
    tops = [button.y() for button in page.options.values()]
    assert tops == sorted(tops) and len(set(tops)) == 7  # one column, in order
    assert "public domain" in page.source.text() and "Guy 1976" in page.source.text()
    assert page.source.property("role") == "muted"
    assert not page.keep_button.isEnabled() and chosen(page) == []


def test_a_number_chooses_another_changes_and_enter_keeps(page: PgicPage, qtbot: QtBot) -> None:
    with qtbot.assertNotEmitted(page.finished):
        press(qtbot, page, Qt.Key.Key_3)
    assert chosen(page) == [3] and page.options[3].property("primary") is True
    assert page.chosen.text() == "Your answer: 3, A little better."
    assert page.keep_button.isEnabled()
    press(qtbot, page, Qt.Key.Key_2)  # changed before keeping
    assert chosen(page) == [2] and page.options[3].property("primary") is False
    assert page.chosen.text() == "Your answer: 2, Much better."
    with qtbot.waitSignal(page.finished, timeout=1000) as kept:
        press(qtbot, page, ENTER)
    result = kept.args[0]
    assert (result.measure, result.value) == (PGIC, 2.0)
    assert result.detail == {"answer": "Much better"}


def test_enter_with_nothing_chosen_keeps_nothing_and_other_digits_do_nothing(
    page: PgicPage, qtbot: QtBot
) -> None:
    with qtbot.assertNotEmitted(page.finished), qtbot.assertNotEmitted(page.skipped):
        press(qtbot, page, ENTER, Qt.Key.Key_8, Qt.Key.Key_0, Qt.Key.Key_9)
    assert chosen(page) == [] and page.value is None


def test_a_held_number_chooses_once_and_a_held_enter_keeps_nothing_unchosen(
    page: PgicPage, qtbot: QtBot, qapp: QApplication
) -> None:
    def held(key: Qt.Key, text: str) -> None:
        event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text, True)
        QApplication.sendEvent(page.windowHandle(), event)

    with qtbot.assertNotEmitted(page.finished):
        for _ in range(5):
            held(Qt.Key.Key_5, "5")
            held(ENTER, "\r")
    assert page.value is None
    press(qtbot, page, Qt.Key.Key_7)
    assert chosen(page) == [7]


def test_escape_is_not_now(page: PgicPage, qtbot: QtBot) -> None:
    press(qtbot, page, Qt.Key.Key_4)
    with qtbot.assertNotEmitted(page.finished), qtbot.waitSignal(page.skipped, timeout=1000):
        press(qtbot, page, ESC)


def test_a_click_chooses_too(page: PgicPage, qtbot: QtBot) -> None:
    qtbot.mouseClick(page.options[6], Qt.MouseButton.LeftButton)
    assert chosen(page) == [6] and page.value == 6


def test_it_fits_a_small_screen_at_200_percent_text(qtbot: QtBot, qapp: QApplication) -> None:
    theme.apply(qapp, "light", 200)
    try:
        page = build(qtbot, qapp, size=(1024, 768))
        assert page.width() <= 1024 and page.height() <= 768
        assert page.minimumSizeHint().width() <= 1024
        assert page.minimumSizeHint().height() <= 768
        assert button_problems(page) == []
        assert cut_off_labels(page) == [] and overlapping(page) == []
        assert page.scroller.widget().width() <= page.scroller.viewport().width()
        assert page.keep_button.isVisible() and page.not_now_button.isVisible()
        press(qtbot, page, Qt.Key.Key_7)  # the last answer, scrolled into view when chosen
        viewport = page.scroller.viewport()
        bottom = page.options[7].mapTo(viewport, page.options[7].rect().bottomLeft())
        assert 0 <= bottom.y() <= viewport.height()
    finally:
        theme.apply(qapp)
