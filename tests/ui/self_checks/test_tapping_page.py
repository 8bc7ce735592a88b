"""The tapping page with real key presses through the application's key filter: every fast
press counts during the trials, and the filter is back on after them, however they end."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from neurocoach.core.self_checks.measures import TAPPING_LEFT, TAPPING_RIGHT
from neurocoach.core.self_checks.tapping import (
    GET_READY_SECONDS,
    REST_SECONDS,
    TRIAL_SECONDS,
    Phase,
)
from neurocoach.core.session.clock import ManualClock
from neurocoach.ui.common import theme
from neurocoach.ui.self_checks.tapping_page import HOLD_REASON, TappingPage
from neurocoach.ui.shell import key_debounce
from neurocoach.ui.shell.key_debounce import KeyDebounceFilter

SPACE = Qt.Key.Key_Space


@dataclass
class Tapping:
    """The page under test, its clocks and the filter, as make_app sets them up."""

    page: TappingPage
    clock: ManualClock
    keys: KeyDebounceFilter
    key_clock: ManualClock
    qtbot: QtBot
    said: list[str] = field(default_factory=list)

    def press(self, key: Qt.Key, after: float = 1.0) -> None:
        """A real key press to the page's window, `after` seconds on the filter's clock."""
        self.key_clock.advance(after)
        handle = self.page.windowHandle()
        assert handle is not None
        self.qtbot.keyClick(handle, key)

    def hold_down(self, key: Qt.Key, repeats: int) -> None:
        """The auto-repeat presses of a key held down, as the window receives them."""
        for _ in range(repeats):
            self.key_clock.advance(0.03)
            held = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, " ", True)
            QApplication.sendEvent(self.page.windowHandle(), held)

    def wait_for(self, phase: Phase, seconds: float) -> None:
        """Let `seconds` pass on the page's clock; the page's timer notices the new phase."""
        self.clock.advance(seconds)
        self.qtbot.waitUntil(lambda: self.page.test.phase is phase, timeout=3000)

    def trial(self, taps: int) -> None:
        """From a get-ready: the Go, `taps` quick taps, and the end of the 10 seconds."""
        self.wait_for(Phase.TAPPING, GET_READY_SECONDS)
        for _ in range(taps):
            self.press(SPACE, after=0.01)
        following = Phase.DONE if self.page.test.trial == 3 and self._second_hand() else None
        self.wait_for(following or Phase.REST, TRIAL_SECONDS)
        if following is None:
            self.wait_for(Phase.READY, REST_SECONDS)

    def _second_hand(self) -> bool:
        return self.page.test.hand != self.page.test.dominant


@pytest.fixture
def tapping(qtbot: QtBot, qapp: QApplication) -> Iterator[Tapping]:
    theme.apply(qapp)
    key_clock = ManualClock()
    keys = KeyDebounceFilter(now=key_clock.now)  # as tests/ui/conftest.py's make_app has it
    keys.watch(qapp)
    clock = ManualClock()
    said: list[str] = []
    page = TappingPage(clock, said.append)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(lambda: qapp.focusWindow() is page.windowHandle())
    yield Tapping(page, clock, keys, key_clock, qtbot, said)
    keys.unwatch(qapp)
    page.close()
    assert not page.timer.isActive(), "the tapping timer was left running"
    assert key_debounce.held_off() == frozenset(), "the key filter was left off"


def test_every_quick_tap_counts_in_the_test_and_a_double_press_is_dropped_after(
    tapping: Tapping,
) -> None:
    page = tapping.page
    kept: list[object] = []
    page.finished.connect(kept.append)
    assert not page.timer.isActive()  # nothing to time on the intro
    tapping.press(Qt.Key.Key_R)
    assert key_debounce.held_off() == {HOLD_REASON}
    assert page.timer.isActive() and page.timer.objectName() == "tapping_timer"
    assert tapping.said == ["Right hand, trial 1 of 3. Get ready."]
    assert page.trial_title.text() == "Right hand, trial 1 of 3"
    tapping.wait_for(Phase.TAPPING, GET_READY_SECONDS)
    assert tapping.said[-1] == "Go."
    for _ in range(30):
        tapping.press(SPACE, after=0.01)  # 10 ms apart: the filter would drop all but one
    assert page.test.taps == 30 and page.tap_count.text() == "30"
    assert tapping.keys.ignored == 0
    assert page.tap_count.isVisibleTo(page)
    tapping.wait_for(Phase.REST, TRIAL_SECONDS)
    assert tapping.said[-1] == "Stop. Rest."
    assert page.status.text() == "That try: 30 taps. Next: Right hand, trial 2 of 3."
    assert not page.tap_count.isVisibleTo(page)
    tapping.wait_for(Phase.READY, REST_SECONDS)
    for taps in (32, 31):
        tapping.trial(taps)
    assert "Stop. Rest. Now switch to your left hand." in tapping.said
    assert page.test.hand == "left"
    for taps in (27, 29, 28):
        tapping.trial(taps)
    assert tapping.said[-1] == "Stop. All done."
    assert page.view == "results" and not page.timer.isActive()
    assert key_debounce.held_off() == frozenset()

    before = tapping.keys.ignored
    tapping.press(SPACE)
    tapping.press(SPACE, after=0.01)  # the filter is back on: a tremor's double press
    assert tapping.keys.ignored == before + 1

    first = page.findChild(QLabel, "result_1")
    assert first is not None and first.text() == "Right hand: 31 taps in 10 seconds"
    second = page.findChild(QLabel, "result_2")
    assert second is not None and second.text() == "Left hand: 28 taps in 10 seconds"
    tries = page.findChild(QLabel, "tries_1")
    assert tries is not None
    assert tries.text() == (
        "Your 3 tries (the hand you write with): 30, 32 and 31 taps. The middle count is kept."
    )
    assert "not a diagnosis" in page.typical.text()
    assert len(kept) == 1  # kept as the last trial ended, before any key
    with tapping.qtbot.waitSignal(page.back_requested):
        tapping.press(Qt.Key.Key_Escape)  # a stray Escape on the results loses nothing
    assert len(kept) == 1
    right, left = kept[0]
    assert (right.measure, right.value, right.detail) == (
        TAPPING_RIGHT,
        31.0,
        {"trials": [30, 32, 31], "dominant": True},
    )
    assert (left.measure, left.value) == (TAPPING_LEFT, 28.0)


def test_leaving_early_keeps_nothing_and_turns_the_filter_back_on(tapping: Tapping) -> None:
    page = tapping.page
    tapping.press(Qt.Key.Key_L)
    tapping.wait_for(Phase.TAPPING, GET_READY_SECONDS)
    tapping.press(SPACE, after=0.01)
    tapping.press(SPACE, after=0.01)
    assert page.test.taps == 2
    assert "not kept" in page.stop_note.text() and page.stop_note.isVisibleTo(page)
    with tapping.qtbot.waitSignal(page.back_requested):
        tapping.press(Qt.Key.Key_Escape)
    assert key_debounce.held_off() == frozenset()
    assert not page.timer.isActive()
    assert page.view == "intro" and page.test.phase is Phase.CHOOSING  # a fresh start
    before = tapping.keys.ignored
    tapping.press(SPACE)
    tapping.press(SPACE, after=0.01)
    assert tapping.keys.ignored == before + 1


def test_a_key_held_down_is_not_a_tap(tapping: Tapping) -> None:
    page = tapping.page
    tapping.press(Qt.Key.Key_R)
    tapping.wait_for(Phase.TAPPING, GET_READY_SECONDS)
    tapping.hold_down(SPACE, 10)  # the filter lets them by while held off; the page does not
    assert page.test.taps == 0
    tapping.press(SPACE, after=0.01)
    assert page.test.taps == 1
    tapping.hold_down(Qt.Key.Key_Escape, 1)  # nor is a held Escape a way out
    assert page.view == "trials"
    tapping.press(Qt.Key.Key_Escape)


def test_space_in_the_get_ready_or_the_rest_does_not_count(tapping: Tapping) -> None:
    page = tapping.page
    tapping.press(Qt.Key.Key_R)
    tapping.press(SPACE, after=0.01)
    tapping.press(SPACE, after=0.01)
    assert page.test.phase is Phase.READY and page.test.taps == 0
    tapping.wait_for(Phase.TAPPING, GET_READY_SECONDS)
    tapping.press(SPACE, after=0.01)
    tapping.wait_for(Phase.REST, TRIAL_SECONDS)
    tapping.press(SPACE, after=0.01)
    tapping.press(SPACE, after=0.01)
    assert page.test.counts["right"] == [1] and page.test.taps == 1
    tapping.press(Qt.Key.Key_Escape)


def test_a_tap_after_the_ten_seconds_is_not_counted_before_the_timer_fires(
    tapping: Tapping,
) -> None:
    page = tapping.page
    tapping.press(Qt.Key.Key_R)
    tapping.wait_for(Phase.TAPPING, GET_READY_SECONDS)
    page.timer.stop()  # a tick that has not come yet
    tapping.clock.advance(TRIAL_SECONDS)
    tapping.press(SPACE, after=0.01)
    assert page.test.taps == 0
    tapping.press(Qt.Key.Key_Escape)


def test_the_intro_asks_for_the_writing_hand_and_escape_leaves(tapping: Tapping) -> None:
    page = tapping.page
    assert "Stop if it hurts." in page.how.text()
    assert "Press R for right or L for left" in page.question.text()
    for button in (page.right_button, page.left_button, page.back_button):
        assert button.isVisibleTo(page) and button.focusPolicy() is Qt.FocusPolicy.NoFocus
    tapping.press(SPACE)  # not a choice
    assert page.view == "intro" and key_debounce.held_off() == frozenset()
    with tapping.qtbot.waitSignal(page.back_requested):
        tapping.press(Qt.Key.Key_Escape)


def test_hiding_the_page_stops_the_trials_and_turns_the_filter_back_on(
    tapping: Tapping,
) -> None:
    page = tapping.page
    tapping.press(Qt.Key.Key_R)
    assert key_debounce.held_off() == {HOLD_REASON}
    page.hide()
    assert key_debounce.held_off() == frozenset() and not page.timer.isActive()
    assert page.view == "intro"


def test_a_page_destroyed_in_the_trials_turns_the_filter_back_on(qapp: QApplication) -> None:
    page = TappingPage(ManualClock(), lambda words: None)
    page.begin("left")
    assert key_debounce.held_off() == {HOLD_REASON}
    shiboken6.delete(page)  # never shown, so never hidden: only `destroyed` can tell
    assert key_debounce.held_off() == frozenset()
