"""The voice queue, on Qt's mock speech engine (it speaks nothing but keeps real timing)."""

from __future__ import annotations

from itertools import pairwise

import pytest
from PySide6.QtCore import QObject, Slot
from PySide6.QtTextToSpeech import QTextToSpeech

from neurocoach.audio.speaker import Speaker


@pytest.fixture
def speaker(qtbot, qapp):
    voice = Speaker("mock")
    yield voice
    voice.stop()
    voice.deleteLater()


class EventLog(QObject):
    """Writes down the speaker's starts and the engine's states, in the order they happen."""

    def __init__(self, speaker: Speaker) -> None:
        super().__init__()
        self.events: list[str] = []
        speaker.started.connect(self.on_started)
        speaker._tts.stateChanged.connect(self.on_state)

    @Slot(str)
    def on_started(self, text: str) -> None:
        self.events.append(f"start {text}")

    @Slot(QTextToSpeech.State)
    def on_state(self, state: QTextToSpeech.State) -> None:
        self.events.append(state.name)


def test_sentences_are_said_one_after_another_never_together(speaker, qtbot) -> None:
    log = EventLog(speaker)
    with qtbot.waitSignal(speaker.idle, timeout=5000):
        speaker.say("first sentence here")
        speaker.say("second one")
        speaker.say("third")
    starts = [e for e in log.events if e.startswith("start")]
    assert starts == ["start first sentence here", "start second one", "start third"]
    # Between two sentences the engine always went back to Ready: nothing overlapped.
    for before, after in pairwise(starts):
        between = log.events[log.events.index(before) + 1 : log.events.index(after)]
        assert "Ready" in between, log.events
    assert log.events[-1] == "Ready"
    assert not speaker.busy


def test_interrupt_drops_what_was_queued(speaker, qtbot) -> None:
    started: list[str] = []
    speaker.started.connect(started.append)
    speaker.say("a long sentence with many words in it")
    speaker.say("this one is dropped")
    with qtbot.waitSignal(speaker.idle, timeout=5000):
        speaker.say("Paused.", interrupt=True)
    assert started == ["a long sentence with many words in it", "Paused."]


def test_idle_comes_once_the_voice_is_done(speaker, qtbot) -> None:
    speaker.say("one two three four five")
    assert speaker.busy
    with qtbot.waitSignal(speaker.idle, timeout=5000):
        pass
    assert not speaker.busy


def test_no_speech_engine_is_explained(qtbot, qapp, monkeypatch) -> None:
    monkeypatch.setattr(QTextToSpeech, "availableEngines", staticmethod(lambda: ["mock"]))
    voice = Speaker()
    assert not voice.available
    assert "speech-dispatcher" in (voice.problem or "")
    with qtbot.waitSignal(voice.idle, timeout=1000):
        voice.say("nobody hears this")  # still says it is done, so nothing waits forever
