"""The SessionController on its own: no window, a hand-driven clock, a real history."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from neurocoach.audio.silent import SilentAudio
from neurocoach.core.history.store import HistoryStore
from neurocoach.core.session.clock import ManualClock
from neurocoach.core.session.engine import SessionOutcome, SessionState
from neurocoach.core.session.records import EndReason
from neurocoach.core.settings import Settings
from neurocoach.ui.session.controller import SessionController
from tests.unit.core.helpers import make_routine, step


@pytest.fixture
def controller(qtbot: QtBot, tmp_path: Path):  # type: ignore[no-untyped-def]
    store = HistoryStore(tmp_path / "history.sqlite3")
    settings = Settings()
    settings.set("lead_in_seconds", 0)
    audio = SilentAudio("no sound in this test")
    made = SessionController(settings, lambda: store, lambda: audio, ManualClock())
    yield made
    made.close()
    if made.driver is not None:
        made.driver.refresh_timer.stop()
    store.close()


ROUTINE = make_routine(step("Squeeze", hold=10), step("Stretch", hold=20))


def test_a_second_start_while_one_runs_starts_nothing(controller: SessionController) -> None:
    first = controller.start(ROUTINE, {})
    assert first is not None and controller.active()
    assert controller.start(ROUTINE, {}) is None
    assert controller.driver is first


def test_dialogs_hold_the_session_until_the_last_one_closes(controller) -> None:
    controller.start(ROUTINE, {})
    engine = controller.engine
    assert engine is not None and engine.state is SessionState.RUNNING
    controller.hold("settings")
    controller.hold("adjusting")
    controller.hold("adjusting")  # the same reason twice counts once
    assert engine.state is SessionState.PAUSED
    controller.release("adjusting")
    assert engine.state is SessionState.PAUSED  # the settings are still open
    controller.release("settings")
    assert engine.state is SessionState.RUNNING


def test_a_session_the_user_paused_stays_paused_after_a_dialog(controller) -> None:
    controller.start(ROUTINE, {})
    engine = controller.engine
    assert engine is not None
    engine.pause()
    controller.hold("stop question")
    controller.release("stop question")
    assert engine.state is SessionState.PAUSED


def test_a_timing_setting_reaches_the_running_session(controller, qtbot: QtBot) -> None:
    controller.start(ROUTINE, {})
    engine = controller.engine
    assert engine is not None
    with qtbot.waitSignal(controller.timing_changed, timeout=1000):
        controller.settings.set("hold_scale", 200)
    later = [p for p in engine.phases if p.step_index == 1 and p.kind.value == "hold"]
    assert [p.duration for p in later] == [40.0]  # the next exercise: 20 s at 200 %
    with qtbot.assertNotEmitted(controller.timing_changed):
        controller.settings.set("volume", 40)  # sound: nothing to re-plan


def test_closing_ends_the_session_as_closed_and_saves_it(controller, qtbot: QtBot) -> None:
    controller.start(ROUTINE, {("pain", "all"): 4})
    with qtbot.waitSignal(controller.session_ended, timeout=1000) as ended:
        assert controller.close() == 0  # nothing left unsaved
    outcome = ended.args[0]
    assert isinstance(outcome, SessionOutcome) and outcome.reason is EndReason.CLOSED
    assert controller.saved() and not controller.active()
    assert controller.recorder is not None
    assert controller.recorder.store.sessions()[0].end_reason == "closed"


def test_a_question_that_comes_as_the_routine_ends_is_not_asked(controller) -> None:
    """Stop pressed just as the last hold ends: pausing catches up with the clock and the
    routine is over, so there is nothing left to hold (and no stop question to show)."""
    controller.start(make_routine(step("Only", hold=10)), {})
    clock = controller.clock
    assert isinstance(clock, ManualClock)
    clock.advance(11)  # the last deadline has passed; the driver has not woken yet
    assert controller.hold("stop question") is False
    assert not controller.active()
    assert controller.saved()
