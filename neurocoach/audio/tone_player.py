"""Plays the cue tones with QSoundEffect: one preloaded effect per tone, for low latency.

Tones asked for together (the end of a hold and the start of a rest) play one after another,
never on top of each other. Without a sound output no effect is loaded (QSoundEffect would only
complain about a device that is not there), but the tones still run through the queue and
`played`, so the cues stay in order and can be checked.
"""

from __future__ import annotations

import logging
import wave
from collections import deque
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Signal, Slot
from PySide6.QtMultimedia import QSoundEffect

from neurocoach.core.session.cues import Tone

log = logging.getLogger(__name__)
GAP_MS = 60


class TonePlayer(QObject):
    """Signals: started(float) as a tone starts, with its length in seconds (voice control
    does not listen to the coach's own tones)."""

    started = Signal(float)

    def __init__(self, folder: Path, parent: QObject | None = None, *, output: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("tone_player")
        self.enabled = True
        self.volume = 1.0
        self.missing: list[str] = []
        self._effects: dict[Tone, QSoundEffect] = {}
        self._lengths_ms: dict[Tone, int] = {}
        for tone in Tone:
            path = folder / f"{tone.value}.wav"
            try:
                with wave.open(str(path), "rb") as sound:
                    self._lengths_ms[tone] = round(1000 * sound.getnframes() / sound.getframerate())
            except (OSError, wave.Error, EOFError):
                log.warning("cue tone %s is missing or unreadable", path)
                self.missing.append(path.name)
                continue
            if not output:
                continue
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            self._effects[tone] = effect
        self._queue: deque[Tone] = deque()
        self._next = QTimer(self)
        self._next.setObjectName("tone_queue")
        self._next.setSingleShot(True)
        self._next.timeout.connect(self._on_next_timeout)
        self.played: list[Tone] = []  # every tone started, in order: for tests and diagnostics

    def set_volume(self, percent: int) -> None:
        self.volume = max(0, min(100, percent)) / 100
        for effect in self._effects.values():
            effect.setVolume(self.volume)

    def play(self, tones: tuple[Tone, ...]) -> None:
        if not self.enabled or not tones:
            return
        self._queue.extend(tones)
        if not self._next.isActive():
            self._play_next()

    def stop(self) -> None:
        self._queue.clear()
        self._next.stop()

    @Slot()
    def _on_next_timeout(self) -> None:
        self._play_next()

    def _play_next(self) -> None:
        if not self._queue:
            return
        tone = self._queue.popleft()
        if tone in self._lengths_ms:  # a tone whose file is missing is skipped
            effect = self._effects.get(tone)
            if effect is not None:
                effect.play()
                self.started.emit(self._lengths_ms[tone] / 1000)
            self.played.append(tone)
        if self._queue:
            self._next.start(self._lengths_ms.get(tone, 0) + GAP_MS)
