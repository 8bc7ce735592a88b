"""The leg checks page driven by real key presses to its window, on a hand-driven clock:
asked first whether the person feels steady, then the safety set-up, then the timed check
and what is kept."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from neurocoach.core.self_checks.legs import (
    CAPPED_WORDS,
    GO_WORDS,
    LIFT_WORDS,
    SAFETY_SET_UP,
    STOP_WORDS,
    TEN_LEFT_WORDS,
)
from neurocoach.core.self_checks.measures import CHAIR_STAND, ONE_LEG_STANCE, SelfCheckResult
from neurocoach.core.session.clock import ManualClock
from neurocoach.ui.common import theme
from neurocoach.ui.self_checks.legs_page import LegsCheckPage

K = Qt.Key


@dataclass
class Check:
    """The page under test with its clock, what it said, and what it sent out."""

    page: LegsCheckPage
    clock: ManualClock
    qtbot: QtBot
    said: list[str]
    kept: list[SelfCheckResult] = field(default_factory=list)
    left: list[bool] = field(default_factory=list)
    unsteady: list[bool] = field(default_factory=list)

    def press(self, *keys: Qt.Key) -> None:
        """Real key presses to the page's window, as a person's arrive."""
        for key in keys:
            window = self.page.windowHandle()
            assert window is not None
            self.qtbot.keyClick(window, key)

    def hold(self, key: Qt.Key, text: str = "") -> None:
        """A key held down: after its first press, the auto-repeats the keyboard sends."""
        self.press(key)
        window = self.page.windowHandle()
        for _ in range(5):
            held = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text, True)
            QApplication.sendEvent(window, held)

    def advance(self, seconds: float) -> None:
        """Let time pass on the clock, then let the page's timer fire once."""
        timer = self.page.timer
        assert timer.isActive()
        with self.qtbot.waitSignal(timer.timeout, timeout=3000):
            self.clock.advance(seconds)

    def shown_buttons(self) -> list[str]:
        return [
            name.split("/", 1)[1]
            for name, button in self.page.buttons.items()
            if button.isVisibleTo(self.page)
        ]


@pytest.fixture
def make_check(qtbot: QtBot, qapp: QApplication) -> Iterator[Callable[[str], Check]]:
    made: list[Check] = []

    def make(kind: str) -> Check:
        theme.apply(qapp)
        clock = ManualClock()
        said: list[str] = []
        page = LegsCheckPage(kind, clock, said.append)
        qtbot.addWidget(page)
        page.resize(1280, 800)
        page.show()
        qtbot.waitExposed(page)
        page.activateWindow()
        page.setFocus()
        check = Check(page, clock, qtbot, said)
        page.finished.connect(check.kept.append)
        page.back_requested.connect(lambda: check.left.append(True))
        page.unsteady_today.connect(lambda: check.unsteady.append(True))
        made.append(check)
        return check

    yield make
    for check in made:  # no timer may be left running, shown or hidden
        assert not check.page.timer.isActive()
        check.page.close()
        assert not check.page.timer.isActive()


def to_the_check(check: Check) -> None:
    """Steady today, the set-up made: on the instructions."""
    check.press(K.Key_Y)
    assert check.page.view == "safety"
    assert check.page.listing.text() == "\n".join(f"• {line}" for line in SAFETY_SET_UP)
    check.press(K.Key_Return)
    assert check.page.view == "how"


def through_the_30_seconds(check: Check) -> None:
    page = check.page
    to_the_check(check)
    assert "arms over your chest" in page.text.text()
    assert not page.timer.isActive()  # not before the timing
    check.press(K.Key_Return)
    assert page.view == "timing" and page.timer.isActive()
    assert check.said == [GO_WORDS]
    assert page.countdown.isVisibleTo(page) and page.countdown.text == "30"
    check.advance(20)
    assert check.said[-1] == TEN_LEFT_WORDS and page.countdown.text == "10"
    check.advance(10)
    assert check.said[-1] == STOP_WORDS
    assert page.view == "count" and not page.timer.isActive()
    assert page.live_title.text() == "How many times did you stand up?"
    assert page.count.text() == "0" and page.count.isVisibleTo(page)
    assert check.shown_buttons() == ["Leave, not kept", "\u2212", "+", "Done"]


def test_the_chair_stand_is_timed_and_the_count_typed_in_digits(make_check) -> None:
    check = make_check(CHAIR_STAND)
    page = check.page
    assert page.heading.text() == "30-second chair stand"
    assert page.question.text() == "Do you feel steady on your feet today?"
    through_the_30_seconds(check)
    check.press(K.Key_1)
    check.clock.advance(0.8)
    check.press(K.Key_2)
    assert page.count.text() == "12"
    check.press(K.Key_Backspace)
    assert page.count.text() == "0"
    check.press(K.Key_1)
    check.clock.advance(0.8)
    check.press(K.Key_4)
    assert page.count.text() == "14"
    check.press(K.Key_Return)
    assert page.view == "result"
    assert page.question.text() == "14 stands in 30 seconds"
    assert "not a diagnosis" in page.text.text() and "STEADI" in page.text.text()
    assert check.kept == []  # nothing kept before the person says so
    check.press(K.Key_Return)
    (result,) = check.kept
    assert (result.measure, result.value) == (CHAIR_STAND, 14.0)
    assert check.left == [] and check.unsteady == []
    assert page.view == "steady"  # ready for another time


def test_the_count_can_be_made_with_plus_and_minus_and_changed(make_check) -> None:
    check = make_check(CHAIR_STAND)
    page = check.page
    through_the_30_seconds(check)
    for _ in range(6):
        check.press(K.Key_Plus)
    for _ in range(6):
        check.press(K.Key_Up)
    check.press(K.Key_Down)
    assert page.count.text() == "11"
    check.press(K.Key_Return)
    assert page.question.text() == "11 stands in 30 seconds"
    check.press(K.Key_C)  # change the count
    assert page.view == "count" and page.count.text() == "11"
    check.press(K.Key_Minus)
    page.buttons["count/+"].click()
    page.buttons["count/+"].click()
    check.press(K.Key_Return)
    check.press(K.Key_Return)
    assert [r.value for r in check.kept] == [12.0]


def test_standing_on_one_leg_keeps_the_best_of_three_tries(make_check) -> None:
    check = make_check(ONE_LEG_STANCE)
    page = check.page
    to_the_check(check)
    assert "Press Space, or ask someone to" in page.text.text()
    check.press(K.Key_Return)  # try 1: a get-ready first
    assert page.view == "timing" and page.timer.isActive()
    assert check.said == ["Try 1 of 3. Hold the chair and get ready."]
    assert page.live_title.text() == "Try 1 of 3" and page.countdown.text == "3"
    check.press(K.Key_Space)  # in the get-ready, Space ends nothing
    assert page.view == "timing"
    check.advance(3)
    assert check.said[-1] == LIFT_WORDS and page.countdown.text == "0"
    check.advance(8.4)
    assert page.countdown.text == "8"  # the seconds held, counting up
    check.press(K.Key_Space)
    assert page.view == "between" and not page.timer.isActive()
    assert page.heading.text() == "That try: 8.4 seconds"
    assert check.said[-1] == "Foot down: 8.4 seconds."
    assert check.shown_buttons() == ["Leave, not kept", "Finish", "Another try"]

    check.press(K.Key_Return)  # try 2: held until the coach stops it
    assert page.live_title.text() == "Try 2 of 3"
    check.advance(3)
    check.advance(30)
    assert page.countdown.text == "30"
    check.advance(20)  # past 45 s: stopped at exactly 45
    assert check.said[-1] == CAPPED_WORDS
    assert page.heading.text() == "That try: 45 seconds" and not page.timer.isActive()

    check.press(K.Key_Return)  # try 3, the last: straight on to the result
    check.advance(3)
    check.advance(10)
    check.press(K.Key_Space)
    assert page.view == "result"
    assert page.question.text() == "Your best: 45 seconds"
    assert page.text.text() == "Your tries: 8.4, 45 and 10 seconds. The best is kept."
    assert "not a diagnosis" in page.listing.text()
    check.press(K.Key_Return)
    (result,) = check.kept
    assert (result.measure, result.value) == (ONE_LEG_STANCE, 45.0)
    assert result.detail == {"tries": [8.4, 45.0, 10.0]}


def test_finish_after_one_try_keeps_it(make_check) -> None:
    check = make_check(ONE_LEG_STANCE)
    to_the_check(check)
    check.press(K.Key_Return)
    check.advance(3)
    check.advance(5)
    check.press(K.Key_Space)
    check.press(K.Key_F)
    assert check.page.view == "result"
    check.press(K.Key_Return)
    assert [(r.value, r.detail) for r in check.kept] == [(5.0, {"tries": [5.0]})]


def test_a_held_down_key_acts_once(make_check) -> None:
    check = make_check(ONE_LEG_STANCE)
    page = check.page
    check.hold(K.Key_Y, "y")
    assert page.view == "safety"
    check.hold(K.Key_Return)  # one Enter: the set-up made, not the try started too
    assert page.view == "how" and not page.timer.isActive()
    check.press(K.Key_Return)
    check.advance(3)
    check.advance(4)
    check.hold(K.Key_Space, " ")  # the foot down, once: not on into the next try
    assert page.view == "between" and page.stance.tries == [4.0]


def test_feeling_unsteady_today_offers_no_check(make_check) -> None:
    check = make_check(CHAIR_STAND)
    page = check.page
    check.press(K.Key_N)
    assert check.unsteady == [True]
    assert page.view == "unsteady"
    assert page.heading.text() == "Leave the leg checks for another day"
    assert check.shown_buttons() == ["Back"]
    check.press(K.Key_Return, K.Key_Y, K.Key_Space)  # nothing here starts a check
    assert page.view == "unsteady" and not page.timer.isActive()
    check.press(K.Key_Escape)
    assert check.left == [True] and check.kept == []


@pytest.mark.parametrize("kind", [CHAIR_STAND, ONE_LEG_STANCE])
def test_escape_while_timing_leaves_and_keeps_nothing(make_check, kind: str) -> None:
    check = make_check(kind)
    to_the_check(check)
    check.press(K.Key_Return)
    check.advance(5)
    check.press(K.Key_Escape)
    assert check.left == [True] and check.kept == []
    assert not check.page.timer.isActive() and check.page.view == "steady"


def test_escape_on_the_count_keeps_nothing(make_check) -> None:
    check = make_check(CHAIR_STAND)
    through_the_30_seconds(check)
    check.press(K.Key_1, K.Key_Escape)
    assert check.left == [True] and check.kept == []


def test_hidden_while_timing_the_timer_stops(make_check) -> None:
    check = make_check(CHAIR_STAND)
    to_the_check(check)
    check.press(K.Key_Return)
    assert check.page.timer.isActive()
    check.page.hide()
    assert not check.page.timer.isActive() and check.page.view == "steady"
    assert check.kept == []
