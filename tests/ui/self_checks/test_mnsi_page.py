"""The MNSI page with real key presses: fifteen answers, one per screen, checked on a
summary with the score before they are kept."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from neurocoach.core.self_checks import mnsi
from neurocoach.core.self_checks.measures import MNSI
from neurocoach.ui.common import theme
from neurocoach.ui.self_checks.mnsi_page import INTRO, MnsiPage
from tests.ui.layout_checks import cut_off_labels
from tests.ui.sizes import button_problems

Y, N, ENTER, ESC = Qt.Key.Key_Y, Qt.Key.Key_N, Qt.Key.Key_Return, Qt.Key.Key_Escape


class Driver:
    def __init__(self, page: MnsiPage, qtbot: QtBot) -> None:
        self.page = page
        self.qtbot = qtbot

    def press(self, *keys: Qt.Key) -> None:
        handle = self.page.windowHandle()
        assert handle is not None
        for key in keys:
            self.qtbot.keyClick(handle, key)

    def hold_down(self, key: Qt.Key, text: str, repeats: int, first: bool = False) -> None:
        """The presses of a key held down, as the window receives them: with `first`, the
        first press too, then only auto-repeats."""
        for number in range(repeats):
            repeat = not (first and number == 0)
            held = QKeyEvent(
                QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text, repeat
            )
            QApplication.sendEvent(self.page.windowHandle(), held)


def build(qtbot: QtBot, qapp: QApplication, size: tuple[int, int] = (1280, 800)) -> Driver:
    page = MnsiPage()
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: qapp.focusWindow() is page.windowHandle())
    return Driver(page, qtbot)


@pytest.fixture
def mnsi_page(qtbot: QtBot, qapp: QApplication) -> Iterator[Driver]:
    theme.apply(qapp)
    yield build(qtbot, qapp)


# Yes on 1, 2, 5, 11, 12 (5 points); no on 7 (a point); yes on 13 (none); no elsewhere.
ANSWERS = [Y, Y, N, N, Y, N, N, N, N, N, Y, Y, Y, N, N]
SCORE = 6


def test_the_intro_says_what_comes_and_names_the_source(mnsi_page: Driver) -> None:
    page = mnsi_page.page
    assert page.index == INTRO
    assert "15 questions" in page.intro.text() and "about 3 minutes" in page.intro.text()
    assert "how you usually feel" in page.intro.text()
    assert page.source.isVisibleTo(page) and "Feldman et al. 1994" in page.source.text()
    mnsi_page.press(Y, N)  # nothing to answer yet
    assert page.index == INTRO and page.answers == [None] * 15


def test_fifteen_answers_with_the_keys_then_the_score_and_enter_keeps_them(
    mnsi_page: Driver, qtbot: QtBot
) -> None:
    page = mnsi_page.page
    mnsi_page.press(ENTER)
    assert page.index == 0 and page.question.text() == "Are your legs and/or feet numb?"
    assert page.heading.text() == "Question 1 of 15"
    assert not page.yes_button.hasFocus() and not page.no_button.hasFocus()
    for number, key in enumerate(ANSWERS, 1):
        assert page.heading.text() == f"Question {number} of 15"
        assert page.question.text() == mnsi.ITEMS[number - 1].text
        assert not page.before.isVisibleTo(page)  # first time through: no earlier answer
        mnsi_page.press(key)
    assert page.on_summary
    assert page.heading.text() == "Your answers"
    assert page.score.text() == mnsi.score_words(SCORE)
    assert page.score.text().startswith(f"Your score: {SCORE} of 13.")
    given = page.given.text().split("\n")
    assert given[0] == "1. Are your legs and/or feet numb? Yes"
    assert given[2] == "3. Are your feet too sensitive to touch? No"
    assert len(given) == 15
    assert page.source.isVisibleTo(page)
    mnsi_page.press(Y, N)  # the summary is for checking: Y and N change nothing
    assert page.on_summary
    with qtbot.waitSignal(page.finished, timeout=1000) as kept:
        mnsi_page.press(ENTER)
    result = kept.args[0]
    assert result.measure == MNSI and result.value == SCORE
    assert result.detail == {"answers": [key == Y for key in ANSWERS]}
    assert result.taken_at.tzinfo is not None


def test_a_held_down_key_answers_one_question(mnsi_page: Driver) -> None:
    page = mnsi_page.page
    mnsi_page.press(ENTER)
    mnsi_page.hold_down(Y, "y", 7, first=True)  # Y held down: one press, six repeats
    assert page.index == 1 and page.answers[:2] == [True, None]
    mnsi_page.hold_down(N, "n", 5, first=True)
    assert page.index == 2 and page.answers[:3] == [True, False, None]


def test_a_held_enter_does_not_run_through_the_kept_answers(mnsi_page: Driver) -> None:
    page = mnsi_page.page
    mnsi_page.press(ENTER, *ANSWERS)
    mnsi_page.press(Qt.Key.Key_C)
    mnsi_page.hold_down(ENTER, "\r", 10)
    assert page.index == 0


def test_answers_can_be_changed_keeping_the_others_with_enter(
    mnsi_page: Driver, qtbot: QtBot
) -> None:
    page = mnsi_page.page
    mnsi_page.press(ENTER, *ANSWERS)
    mnsi_page.press(Qt.Key.Key_C)  # change my answers
    assert page.index == 0 and page.question.text() == mnsi.ITEMS[0].text
    assert page.before.isVisibleTo(page)
    assert page.before.text().startswith("Your answer before: Yes.")
    assert page.keep_answer_button.isVisibleTo(page)
    mnsi_page.press(*[ENTER] * 11)  # items 1-11 kept as they were
    assert page.index == 11 and page.before.text().startswith("Your answer before: Yes.")
    mnsi_page.press(N)  # item 12: yes becomes no
    mnsi_page.press(ENTER, ENTER, ENTER)
    assert page.on_summary
    assert page.score.text().startswith(f"Your score: {SCORE - 1} of 13.")
    assert "12. Do your legs hurt when you walk? No" in page.given.text()
    with qtbot.waitSignal(page.finished, timeout=1000) as kept:
        mnsi_page.press(ENTER)
    assert kept.args[0].value == SCORE - 1


def test_escape_goes_back_a_question_and_leaves_from_the_intro(
    mnsi_page: Driver, qtbot: QtBot
) -> None:
    page = mnsi_page.page
    mnsi_page.press(ENTER, Y, N)
    mnsi_page.press(ESC)
    assert page.index == 1 and page.before.text().startswith("Your answer before: No.")
    mnsi_page.press(Y)  # changed
    assert page.answers[:3] == [True, True, None]
    mnsi_page.press(ESC, ESC)
    assert page.index == 0
    mnsi_page.press(ESC)
    assert page.index == INTRO
    with qtbot.assertNotEmitted(page.finished), qtbot.waitSignal(page.back_requested, timeout=1000):
        mnsi_page.press(ESC)


def test_escape_on_the_summary_goes_back_to_the_last_question(mnsi_page: Driver) -> None:
    page = mnsi_page.page
    mnsi_page.press(ENTER, *ANSWERS)
    mnsi_page.press(ESC)
    assert page.index == 14 and page.question.text() == "Have you ever had an amputation?"
    mnsi_page.press(ENTER)  # keep the answer given
    assert page.on_summary


def test_the_summary_fits_at_large_text_and_scrolls_with_the_keys(
    qtbot: QtBot, qapp: QApplication
) -> None:
    theme.apply(qapp, "light", 200)
    try:
        driver = build(qtbot, qapp, size=(1024, 768))
        page = driver.page
        driver.press(ENTER)
        assert button_problems(page) == [] and cut_off_labels(page) == []
        driver.press(*ANSWERS)
        bar = page.scroller.verticalScrollBar()
        qtbot.waitUntil(lambda: bar.maximum() > 0)
        assert button_problems(page) == [] and cut_off_labels(page) == []
        assert page.scroller.widget().width() <= page.scroller.viewport().width()
        driver.press(Qt.Key.Key_PageDown)
        assert bar.value() > 0
        driver.press(Qt.Key.Key_C)
        assert page.index == 0 and bar.value() == 0
        assert button_problems(page) == []  # with Keep my answer beside Yes and No
    finally:
        theme.apply(qapp)
