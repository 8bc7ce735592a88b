"""Spoken commands through the real main window: each does what its key does, on the page in
view, and the page shows the words it listens for while the microphone is open.

The listener here stands in for the microphone and the spotter (core/voice is tested on real
speech in tests/unit/core/voice, and the whole chain in tests/audio/test_real_voice.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from neurocoach.core.session.engine import SessionState
from neurocoach.core.voice.commands import Command, Listening
from neurocoach.ui.common.confirm_dialog import ConfirmStopDialog
from neurocoach.ui.player.player_page import PlayerPage
from neurocoach.ui.routines.before_start_page import BeforeStartPage
from neurocoach.ui.shell.voice_commands import HEARD_SHOWN_MS, VoiceCommandRouter
from tests.ui.helpers import App, select_routine, start_routine


class FakeListener:
    def __init__(self, listening: bool = True) -> None:
        self.listening = listening
        self.heard_for: list[Listening] = []

    def listen_for(self, listening: Listening) -> None:
        self.heard_for.append(listening)

    def microphones(self) -> list[str]:
        return ["Test microphone"]

    def level(self) -> float:
        return 0.0


@pytest.fixture
def voiced(make_app) -> tuple[App, VoiceCommandRouter, FakeListener, list[str]]:  # type: ignore[no-untyped-def]
    app = make_app()
    listener = FakeListener()
    said: list[str] = []
    router = VoiceCommandRouter(app.window, listener, said.append)
    return app, router, listener, said


def test_start_on_the_list_and_on_the_safety_page_starts_the_highlighted_routine(voiced) -> None:  # type: ignore[no-untyped-def]
    app, router, listener, _said = voiced
    select_routine(app, "Tiny test routine")
    assert listener.heard_for[-1] is Listening.START
    assert app.window.routine_list.voice_words.text() == (
        "Say: start (for the routine highlighted)"
    )
    router.on_command(Command.START)
    page = app.window.current_page()
    assert isinstance(page, BeforeStartPage)
    assert page.routine.title == "Tiny test routine"
    assert not page.voice_words.isHidden()
    router.on_command(Command.START)
    player = app.window.current_page()
    assert isinstance(player, PlayerPage)
    assert listener.heard_for[-1] is Listening.PLAYER
    assert player.voice_words.text() == "Say: pause, go on, next, back, repeat, more time, stop"


def test_pause_and_go_on_each_do_one_thing_however_often_heard(voiced) -> None:  # type: ignore[no-untyped-def]
    app, router, _listener, _said = voiced
    player = start_routine(app)
    engine = player.engine
    router.on_command(Command.PAUSE)
    assert engine.state is SessionState.PAUSED
    router.on_command(Command.PAUSE)  # heard twice, or said again: still paused
    assert engine.state is SessionState.PAUSED
    router.on_command(Command.GO_ON)
    assert engine.state is SessionState.RUNNING
    router.on_command(Command.GO_ON)
    assert engine.state is SessionState.RUNNING


def test_next_back_and_more_time_move_as_their_keys_do(voiced) -> None:  # type: ignore[no-untyped-def]
    app, router, _listener, _said = voiced
    player = start_routine(app)
    engine = player.engine
    first = engine.phase.step_index
    router.on_command(Command.NEXT)
    assert engine.phase.step_index == first + 1
    router.on_command(Command.BACK)
    assert engine.phase.step_index == first
    before = engine.remaining()
    router.on_command(Command.MORE_TIME)
    assert engine.remaining() == pytest.approx(before + 10, abs=0.01)


def test_a_command_acted_on_shows_what_was_heard_then_the_words_again(voiced) -> None:  # type: ignore[no-untyped-def]
    app, router, _listener, _said = voiced
    player = start_routine(app)
    words = player.voice_words.text()
    assert words.startswith("Say: ")
    router.on_command(Command.PAUSE)
    assert player.voice_words.text() == "Heard: pause"
    assert not player.voice_words.isHidden()
    router.refresh()  # the focus moved, say: still shown
    assert player.voice_words.text() == "Heard: pause"
    router.on_command(Command.NEXT)
    assert player.voice_words.text() == "Heard: next"
    app.qtbot.waitUntil(lambda: player.voice_words.text() == words, timeout=HEARD_SHOWN_MS + 2000)
    router.on_command(Command.YES)  # not a player word: nothing done, nothing shown
    assert player.voice_words.text() == words


def test_repeat_says_the_instructions_again_and_so_does_r(voiced) -> None:  # type: ignore[no-untyped-def]
    app, router, _listener, _said = voiced
    player = start_routine(app)
    planner = player.driver.planner
    assert planner is not None
    planner.voice = True  # a voice is on (no sound layer in this window)
    cues = []
    planner.cue_emitted.connect(cues.append)
    router.on_command(Command.REPEAT)
    app.press(Qt.Key.Key_R)
    spoken = [c.speech for c in cues]
    assert len(spoken) == 2 and spoken[0] == spoken[1]
    assert player.engine.phase.step.title.rstrip(".") in spoken[0]
    assert all(c.interrupt for c in cues)


def test_stop_asks_by_voice_and_yes_no_answer_it(voiced) -> None:  # type: ignore[no-untyped-def]
    app, router, listener, said = voiced
    player = start_routine(app)
    router.on_command(Command.STOP)
    dialog = app.window.stop_dialog
    assert isinstance(dialog, ConfirmStopDialog)
    app.qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog)
    router.refresh()
    assert listener.heard_for[-1] is Listening.QUESTION
    assert "Say: yes, no" in dialog.note.text()
    assert "Heard" not in dialog.note.text()  # what the question asks, not what stopped
    assert said == ["Stop the routine? Say yes or no."]
    router.on_command(Command.PAUSE)  # a player word does nothing on the question
    assert app.window.stop_dialog is dialog
    router.on_command(Command.NO)
    assert app.window.stop_dialog is None
    assert player.engine.state is SessionState.RUNNING
    router.refresh()
    assert player.voice_words.text().startswith("Say: ")  # "no" was said to the question
    router.on_command(Command.STOP)
    app.qtbot.waitUntil(lambda: QApplication.activeModalWidget() is app.window.stop_dialog)
    router.refresh()
    router.on_command(Command.YES)
    assert player.engine.outcome is not None


def test_a_yes_on_the_player_or_a_start_in_a_session_does_nothing(voiced) -> None:  # type: ignore[no-untyped-def]
    app, router, _listener, _said = voiced
    player = start_routine(app)
    router.on_command(Command.YES)
    router.on_command(Command.START)
    assert app.window.current_page() is player
    assert player.engine.outcome is None


def test_without_a_microphone_no_words_are_shown(make_app) -> None:  # type: ignore[no-untyped-def]
    app = make_app()
    VoiceCommandRouter(app.window, FakeListener(listening=False))
    player = start_routine(app)
    assert player.voice_words.isHidden()
    assert app.window.routine_list.voice_words.isHidden()
