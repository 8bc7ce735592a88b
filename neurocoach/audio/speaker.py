"""The voice: QTextToSpeech behind a queue, so it never talks over itself.

It says when it has nothing left to say (`idle`), which lets a lead-in wait for the end of the
instructions. It never hangs a session: if the speech engine goes silent without saying it
has finished, a watchdog declares it idle after a generous time for the words given.
"""

from __future__ import annotations

import logging
from collections import deque

from PySide6.QtCore import QLocale, QObject, QTimer, Signal, Slot
from PySide6.QtTextToSpeech import QTextToSpeech

log = logging.getLogger(__name__)

IDLE_SETTLE_MS = 80  # a Ready state must last this long to count: stop() then say() blips
WORDS_PER_SECOND_FLOOR = 1.0  # the watchdog's allowance: slower than any real voice


def missing_speech_message() -> str:
    return (
        "No speech engine was found, so instructions are shown and signalled with tones but "
        "not spoken. To hear them on Linux, install speech-dispatcher with its espeak-ng "
        "voice (for example: sudo apt install speech-dispatcher speech-dispatcher-espeak-ng), "
        "then restart NeuroCoach."
    )


class Speaker(QObject):
    """Signals: started(str) when a sentence starts, idle() when everything has been said."""

    started = Signal(str)
    idle = Signal()

    def __init__(self, engine_name: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speaker")
        self.problem: str | None = None
        self._queue: deque[str] = deque()
        self._speaking: str | None = None
        self._settle = QTimer(self)
        self._settle.setObjectName("speech_settle")
        self._settle.setSingleShot(True)
        self._settle.timeout.connect(self._on_settle_timeout)
        self._watchdog = QTimer(self)
        self._watchdog.setObjectName("speech_watchdog")
        self._watchdog.setSingleShot(True)
        self._watchdog.timeout.connect(self._on_watchdog_timeout)
        self._tts: QTextToSpeech | None = None
        engines = QTextToSpeech.availableEngines()
        real = [name for name in engines if name != "mock"]
        name = engine_name if engine_name in engines else (real[0] if real else "")
        if not name:
            self.problem = missing_speech_message()
            log.warning("speech: no engine (available: %s)", engines)
            return
        self._tts = QTextToSpeech(name, self)
        if self._tts.state() is QTextToSpeech.State.Error:
            log.warning("speech engine %s failed: %s", name, self._tts.errorString())
            self.problem = missing_speech_message()
            self._tts = None
            return
        self._tts.stateChanged.connect(self._on_tts_state_changed)
        self._choose_english()

    @property
    def available(self) -> bool:
        return self._tts is not None

    @property
    def busy(self) -> bool:
        return self._speaking is not None or bool(self._queue)

    def set_volume(self, percent: int) -> None:
        if self._tts is not None:
            self._tts.setVolume(max(0, min(100, percent)) / 100)

    def set_rate(self, rate: float) -> None:
        if self._tts is not None:
            self._tts.setRate(max(-1.0, min(1.0, rate)))

    def set_voice(self, name: str) -> None:
        if self._tts is None or not name:
            return
        for voice in self._tts.availableVoices():
            if voice.name() == name:
                self._tts.setVoice(voice)
                return
        log.warning("speech: no voice called %r; keeping %r", name, self._tts.voice().name())

    def voice_names(self) -> list[str]:
        """The voices the user can choose from (for the routines' language)."""
        if self._tts is None:
            return []
        return [voice.name() for voice in self._tts.availableVoices()]

    def say(self, text: str, interrupt: bool = False) -> None:
        """Say the text after whatever is being said; with interrupt, instead of it."""
        if interrupt:
            self.stop()
        if self._tts is None:
            QTimer.singleShot(0, self, self._declare_idle)
            return
        self._queue.append(text)
        if self._speaking is None:
            self._say_next()

    def stop(self) -> None:
        self._queue.clear()
        self._speaking = None
        self._settle.stop()
        self._watchdog.stop()
        if self._tts is not None and self._tts.state() is QTextToSpeech.State.Speaking:
            self._tts.stop()

    def _say_next(self) -> None:
        assert self._tts is not None
        text = self._queue.popleft()
        self._speaking = text
        self._settle.stop()
        allowance = len(text.split()) / WORDS_PER_SECOND_FLOOR + 5
        self._watchdog.start(int(allowance * 1000))
        self._tts.say(text)
        self.started.emit(text)

    @Slot(QTextToSpeech.State)
    def _on_tts_state_changed(self, state: QTextToSpeech.State) -> None:
        if state is QTextToSpeech.State.Speaking:
            self._settle.stop()
        elif state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error):
            if state is QTextToSpeech.State.Error and self._tts is not None:
                log.warning("speech error: %s", self._tts.errorString())
            self._settle.start(IDLE_SETTLE_MS)

    @Slot()
    def _on_settle_timeout(self) -> None:
        if self._tts is not None and self._tts.state() is QTextToSpeech.State.Speaking:
            return
        self._finished_one()

    @Slot()
    def _on_watchdog_timeout(self) -> None:
        log.warning("speech: the engine did not finish %r in time; going on", self._speaking)
        self._finished_one()

    def _finished_one(self) -> None:
        self._watchdog.stop()
        self._speaking = None
        if self._queue:
            self._say_next()
        else:
            self._declare_idle()

    @Slot()
    def _declare_idle(self) -> None:
        if not self.busy:
            self.idle.emit()

    def _choose_english(self) -> None:
        """The routines are written in English: prefer an English voice over the system's."""
        assert self._tts is not None
        if self._tts.locale().language() is QLocale.Language.English:
            return
        for locale in self._tts.availableLocales():
            if locale.language() is QLocale.Language.English:
                self._tts.setLocale(locale)
                return
