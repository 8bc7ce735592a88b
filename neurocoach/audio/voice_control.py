"""Voice control: the microphone (QAudioSource) feeding the keyword spotter, on the Qt loop.

It follows the settings: `voice_control` opens or closes the microphone, `microphone` chooses
which one ("" is the system's default). What it hears is only searched while the coach is
quiet (`EchoGuard`), and only for the words of the page in view (`listen_for`).

Nothing here may stop the coach: no microphone, a microphone that goes away, or pocketsphinx
missing each give one plain sentence (`problem_found`, once for each), and the keys work as
ever. A microphone that comes back is opened again without a word.
"""

from __future__ import annotations

import logging
import math
import time
from array import array
from collections.abc import Callable

from PySide6.QtCore import QIODevice, QObject, QTimer, Signal, Slot
from PySide6.QtMultimedia import (
    QAudioDevice,
    QAudioFormat,
    QAudioSource,
    QMediaDevices,
    QtAudio,
)

from neurocoach.core.settings import Settings
from neurocoach.core.voice.commands import COMMANDS_FOR, Listening
from neurocoach.core.voice.echo_guard import EchoGuard
from neurocoach.core.voice.spotter import SAMPLE_RATE, CommandSpotter, SpotterUnavailableError

log = logging.getLogger(__name__)
READ_EVERY_MS = 64
BUFFER_BYTES = 2 * SAMPLE_RATE  # one second: a busy moment on the Qt loop loses no sound
LEVEL_FLOOR_DB = -60.0  # the level meter's zero


def no_microphone_message() -> str:
    return (
        "Voice control is on, but no microphone was found, so the coach cannot hear you. "
        "The keys work as always. Plug in a microphone or headset and it will be used."
    )


def microphone_lost_message(name: str) -> str:
    return (
        f"The microphone ({name}) has gone, so the coach cannot hear you now. The keys work "
        "as always; it will listen again when the microphone is back."
    )


def no_spotter_message(reason: str) -> str:
    return (
        "Voice control needs the pocketsphinx package, which could not be loaded "
        f"({reason}). The keys work as always. To get it: pip install pocketsphinx"
    )


class VoiceControl(QObject):
    """Signals: command_heard(Command); problem_found(str), once for each problem;
    listening_changed(bool) when the microphone opens or closes."""

    command_heard = Signal(object)
    problem_found = Signal(str)
    listening_changed = Signal(bool)

    def __init__(
        self,
        settings: Settings,
        parent: QObject | None = None,
        spotter_factory: Callable[[], CommandSpotter] = CommandSpotter,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("voice_control")
        self.settings = settings
        self.guard = EchoGuard(clock)
        self._spotter_factory = spotter_factory
        self._spotter: CommandSpotter | None = None
        self._source: QAudioSource | None = None
        self._device: QAudioDevice | None = None
        self._io: QIODevice | None = None
        self._listening = Listening.NOTHING
        self._level = 0.0
        self._told: set[str] = set()
        self._devices = QMediaDevices(self)
        self._devices.audioInputsChanged.connect(self._on_devices_audio_inputs_changed)
        # The first open waits for the Qt loop: the app is up before the microphone is asked.
        self._open_later = QTimer(self)
        self._open_later.setObjectName("voice_control_open")
        self._open_later.setSingleShot(True)
        self._open_later.timeout.connect(self._follow_settings)
        # The sound is read every READ_EVERY_MS, not at each readyRead: PulseAudio hands it
        # over in pieces of about 13 ms, and reading each cost 4.5 % of a core in Python
        # (bench/voice_commands.py --pulse); 64 ms pieces cost a quarter of that.
        self._read_timer = QTimer(self)
        self._read_timer.setObjectName("voice_control_read")
        self._read_timer.setInterval(READ_EVERY_MS)
        self._read_timer.timeout.connect(self._on_read_timer_timeout)
        settings.changed.connect(self._on_settings_changed)
        if settings["voice_control"]:
            self._open_later.start(0)

    # --- what the screens ask (core.voice.listener.VoiceListener) ---------------------------
    @property
    def listening(self) -> bool:
        return self._io is not None

    def listen_for(self, listening: Listening) -> None:
        self._listening = listening
        if self._spotter is not None:
            self._spotter.listen_for(COMMANDS_FOR[listening])

    def microphones(self) -> list[str]:
        return [device.description() for device in QMediaDevices.audioInputs()]

    def level(self) -> float:
        return self._level if self.listening else 0.0

    # --- the coach's own sound (wired in app.py) ---------------------------------------------
    @Slot(str)
    def coach_started_speaking(self, _text: str = "") -> None:
        self.guard.speaking(True)

    @Slot()
    def coach_finished_speaking(self) -> None:
        self.guard.speaking(False)

    @Slot(float)
    def coach_played_tone(self, seconds: float) -> None:
        self.guard.sounding_for(seconds)

    # --- opening and closing ---------------------------------------------------------------
    def _on_settings_changed(self, name: str) -> None:
        if name in ("voice_control", "microphone"):
            self._follow_settings()

    @Slot()
    def _follow_settings(self) -> None:
        self._close()
        if not self.settings["voice_control"]:
            return
        if self._spotter is None:
            try:
                self._spotter = self._spotter_factory()
            except SpotterUnavailableError as error:
                log.warning("voice control: %s", error)
                self._tell(no_spotter_message(str(error)))
                return
            self._spotter.listen_for(COMMANDS_FOR[self._listening])
        self._open()

    def _chosen_device(self) -> QAudioDevice | None:
        inputs = QMediaDevices.audioInputs()
        wanted = str(self.settings["microphone"])
        for device in inputs:
            if wanted and device.description() == wanted:
                return device
        default = QMediaDevices.defaultAudioInput()
        if not default.isNull():
            return default
        return inputs[0] if inputs else None

    def _open(self) -> None:
        device = self._chosen_device()
        if device is None:
            self._tell(no_microphone_message())
            return
        audio_format = QAudioFormat()
        audio_format.setSampleRate(SAMPLE_RATE)
        audio_format.setChannelCount(1)
        audio_format.setSampleFormat(QAudioFormat.SampleFormat.Int16)
        source = QAudioSource(device, audio_format, self)
        source.setBufferSize(BUFFER_BYTES)
        source.stateChanged.connect(self._on_source_state_changed)
        io = source.start()
        if io is None or source.error() is not QtAudio.Error.NoError:
            log.warning(
                "voice control: %s would not open (%s)", device.description(), source.error()
            )
            source.deleteLater()
            self._tell(microphone_lost_message(device.description()))
            return
        self._source, self._device, self._io = source, device, io
        self._read_timer.start()
        log.info("voice control: listening on %s", device.description())
        self.listening_changed.emit(True)

    def _close(self) -> None:
        self._read_timer.stop()
        source, self._source, self._io = self._source, None, None
        self._level = 0.0
        if source is not None:
            source.stateChanged.disconnect(self._on_source_state_changed)
            source.stop()
            source.deleteLater()
            self.listening_changed.emit(False)
        if self._spotter is not None:
            self._spotter.reset()

    @Slot()
    def _on_devices_audio_inputs_changed(self) -> None:
        if not self.settings["voice_control"]:
            return
        ids = {bytes(device.id().data()) for device in QMediaDevices.audioInputs()}
        if self._device is not None and bytes(self._device.id().data()) not in ids:
            name = self._device.description()
            self._close()
            self._device = None
            self._tell(microphone_lost_message(name))
        elif self._source is None and self._spotter is not None:
            self._open()  # back, or a first one plugged in

    @Slot(QtAudio.State)
    def _on_source_state_changed(self, state: QtAudio.State) -> None:
        source = self._source
        if source is None or state is not QtAudio.State.StoppedState:
            return
        if source.error() is not QtAudio.Error.NoError:
            name = self._device.description() if self._device is not None else "microphone"
            log.warning("voice control: %s stopped (%s)", name, source.error())
            self._close()
            self._tell(microphone_lost_message(name))

    # --- listening -------------------------------------------------------------------------
    @Slot()
    def _on_read_timer_timeout(self) -> None:
        if self._io is None:
            return
        data = bytes(self._io.readAll().data())
        if not data:
            return
        self._level = loudness(data)
        spotter = self._spotter
        if spotter is None:
            return
        quiet = self.guard.quiet()
        if not quiet:
            spotter.skip(len(data) / (2 * SAMPLE_RATE))  # the coach's own sound: not searched
        else:
            for heard in spotter.feed(data):
                log.info("voice control: heard %r", heard.command.words)
                self.command_heard.emit(heard.command)

    def _tell(self, message: str) -> None:
        if message not in self._told:
            self._told.add(message)
            self.problem_found.emit(message)


def loudness(pcm: bytes) -> float:
    """A chunk's loudness for the level meter: 0 at -60 dB of full scale, 1 at full scale."""
    samples = array("h")
    samples.frombytes(pcm[: len(pcm) - len(pcm) % 2])
    if not samples:
        return 0.0
    mean_square = sum(s * s for s in samples) / len(samples)
    decibels = 10 * math.log10(max(mean_square, 1e-9) / 32768**2)
    return max(0.0, min(1.0, 1 - decibels / LEVEL_FLOOR_DB))
