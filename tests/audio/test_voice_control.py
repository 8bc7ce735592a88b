"""Voice control's Qt side: it follows the setting, never listens to the coach's own sound,
and says once (and only once) what stops it hearing, while everything else goes on."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtMultimedia import QAudioDevice
from pytestqt.qtbot import QtBot

from neurocoach.audio import voice_control
from neurocoach.audio.voice_control import VoiceControl, loudness
from neurocoach.core.session.clock import ManualClock
from neurocoach.core.settings import Settings
from neurocoach.core.voice.commands import COMMANDS_FOR, Command, Listening
from neurocoach.core.voice.spotter import Heard, SpotterUnavailableError


class FakeSpotter:
    def __init__(self) -> None:
        self.fed: list[bytes] = []
        self.skipped = 0.0
        self.commands: frozenset[Command] = frozenset()
        self.hear_next: list[Heard] = []

    def listen_for(self, commands: object) -> None:
        self.commands = frozenset(commands)  # type: ignore[arg-type]

    def reset(self) -> None:
        pass

    def skip(self, seconds: float) -> None:
        self.skipped += seconds

    def feed(self, pcm: bytes) -> list[Heard]:
        self.fed.append(pcm)
        heard, self.hear_next = self.hear_next, []
        return heard


class FakeIO:
    def __init__(self) -> None:
        self.waiting = b""

    def readAll(self) -> QByteArray:
        data, self.waiting = self.waiting, b""
        return QByteArray(data)


def made(
    qtbot: QtBot, settings: Settings, spotter: FakeSpotter, clock: ManualClock
) -> VoiceControl:
    voice = VoiceControl(settings, spotter_factory=lambda: spotter, clock=clock.now)  # type: ignore[arg-type,return-value]
    return voice


def test_off_it_makes_no_spotter_and_opens_nothing(qtbot: QtBot) -> None:
    made_spotters: list[FakeSpotter] = []
    voice = VoiceControl(Settings(), spotter_factory=lambda: made_spotters.append(FakeSpotter()))  # type: ignore[arg-type,func-returns-value]
    qtbot.wait(20)
    assert made_spotters == [] and not voice.listening and voice.level() == 0.0


def test_pocketsphinx_missing_is_said_once_and_the_rest_goes_on(qtbot: QtBot) -> None:
    def missing() -> FakeSpotter:
        raise SpotterUnavailableError("pocketsphinx is not installed (No module named x)")

    settings = Settings()
    voice = VoiceControl(settings, spotter_factory=missing)  # type: ignore[arg-type]
    told: list[str] = []
    voice.problem_found.connect(told.append)
    settings.set("voice_control", True)
    settings.set("voice_control", False)
    settings.set("voice_control", True)
    assert len(told) == 1 and "pocketsphinx" in told[0] and "keys work" in told[0]
    assert not voice.listening


def test_no_microphone_is_said_once(qtbot: QtBot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(VoiceControl, "_chosen_device", lambda self: None)
    settings = Settings()
    voice = VoiceControl(settings, spotter_factory=FakeSpotter)  # type: ignore[arg-type]
    told: list[str] = []
    voice.problem_found.connect(told.append)
    settings.set("voice_control", True)
    settings.set("microphone", "Another")
    assert told == [voice_control.no_microphone_message()]


def test_a_microphone_that_goes_away_is_said_and_listening_stops(qtbot: QtBot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(VoiceControl, "_open", lambda self: None)  # no real microphone here
    settings = Settings()
    voice = VoiceControl(settings, spotter_factory=FakeSpotter)  # type: ignore[arg-type]
    told: list[str] = []
    voice.problem_found.connect(told.append)
    settings.set("voice_control", True)
    voice._device = QAudioDevice()  # one that the computer no longer lists
    voice._on_devices_audio_inputs_changed()
    assert len(told) == 1 and "has gone" in told[0]
    assert not voice.listening


def test_the_coachs_own_voice_and_tones_are_never_searched(qtbot: QtBot) -> None:
    clock = ManualClock()
    spotter = FakeSpotter()
    voice = made(qtbot, Settings(), spotter, clock)
    voice._spotter = spotter  # type: ignore[assignment]
    io = FakeIO()
    voice._io = io  # type: ignore[assignment]
    chunk = b"\x10\x00" * 1024  # 64 ms
    heard: list[Command] = []
    voice.command_heard.connect(heard.append)

    io.waiting = chunk
    voice._on_read_timer_timeout()
    assert len(spotter.fed) == 1
    voice.coach_started_speaking("Next: finger lifts.")
    io.waiting = chunk
    voice._on_read_timer_timeout()
    assert len(spotter.fed) == 1 and spotter.skipped > 0
    clock.advance(2)
    voice.coach_finished_speaking()
    clock.advance(0.3)  # the tail: the last of it may still be in the speakers
    io.waiting = chunk
    voice._on_read_timer_timeout()
    assert len(spotter.fed) == 1
    clock.advance(0.3)
    voice.coach_played_tone(0.35)
    io.waiting = chunk
    voice._on_read_timer_timeout()
    assert len(spotter.fed) == 1
    clock.advance(0.9)
    spotter.hear_next = [Heard(Command.PAUSE, 1.0, 1.4, 1.7)]
    io.waiting = chunk
    voice._on_read_timer_timeout()
    assert len(spotter.fed) == 2 and heard == [Command.PAUSE]


def test_the_page_in_view_chooses_the_words(qtbot: QtBot) -> None:
    spotter = FakeSpotter()
    voice = made(qtbot, Settings(), spotter, ManualClock())
    voice._spotter = spotter  # type: ignore[assignment]
    voice.listen_for(Listening.QUESTION)
    assert spotter.commands == frozenset(COMMANDS_FOR[Listening.QUESTION])


def test_the_level_meter_reads_silence_as_nothing_and_full_scale_as_all() -> None:
    assert loudness(b"\x00\x00" * 100) == 0.0
    assert loudness(b"\xff\x7f" * 100) == pytest.approx(1.0, abs=1e-4)
    assert 0.3 < loudness(b"\x00\x04" * 100) < 0.7  # about -30 dB
