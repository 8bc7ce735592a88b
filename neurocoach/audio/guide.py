"""Plays a session's cues: tones through the TonePlayer, words through the Speaker.

It is the one place that knows whether sound is possible here. When there is no audio output
or no speech engine, the session runs on with the visual cues, and `problems` says plainly
what is missing and how to get it, so the window can tell the user once.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtMultimedia import QMediaDevices

from neurocoach.audio.speaker import Speaker
from neurocoach.audio.tone_player import TonePlayer
from neurocoach.core.session.cues import Cue, CuePlanner, Tone
from neurocoach.core.settings import Settings

log = logging.getLogger(__name__)


def no_output_message() -> str:
    return (
        "No sound output was found, so NeuroCoach cannot play its tones or speak. The screen "
        "still flashes at each change. Check that speakers or headphones are connected and "
        "switched on (on Linux, that PulseAudio or PipeWire is running), then restart."
    )


class AudioGuide(QObject):
    """Follows one CuePlanner at a time (`attach`), and plays what it asks for."""

    def __init__(
        self,
        sounds: Path,
        settings: Settings,
        speech_engine: str = "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("audio_guide")
        self.has_output = bool(QMediaDevices.audioOutputs())
        self.tones = TonePlayer(sounds, self, output=self.has_output)
        self.speaker = Speaker(speech_engine, self)
        self.problems: list[str] = []
        if not self.has_output:
            self.problems.append(no_output_message())
        elif self.speaker.problem:
            self.problems.append(self.speaker.problem)
        if self.tones.missing:
            log.warning("cue tones missing: %s", ", ".join(self.tones.missing))
        self._planner: CuePlanner | None = None
        self.speaker.idle.connect(self._on_speaker_idle)
        self.apply(settings)
        settings.changed.connect(self._on_settings_changed)

    @property
    def can_speak(self) -> bool:
        return self.has_output and self.speaker.available

    def apply(self, settings: Settings) -> None:
        """Take the sound settings now (they also apply in the middle of a session)."""
        self.settings = settings
        self.tones.enabled = bool(settings["tones_enabled"])
        self.tones.set_volume(int(settings["volume"]))
        self.speaker.set_volume(int(settings["volume"]))
        self.speaker.set_rate(float(settings["speech_rate"]))
        self.speaker.set_voice(str(settings["voice"]))

    def _on_settings_changed(self, _name: str) -> None:
        self.apply(self.settings)

    def voices(self) -> list[str]:
        return self.speaker.voice_names() if self.can_speak else []

    def voice_on(self) -> bool:
        return self.can_speak and bool(self.settings["voice_enabled"])

    def announce(self, text: str) -> None:
        """A reminder's sentence, after the get-ready tone (none come during a session)."""
        if not self.voice_on():
            return
        if self.has_output:
            self.tones.play((Tone.READY,))
        self.speaker.say(text)

    def attach(self, planner: CuePlanner) -> None:
        self.detach()
        self._planner = planner
        planner.voice = self.voice_on()
        planner.cue_emitted.connect(self._on_planner_cue)

    def detach(self) -> None:
        if self._planner is not None:
            self._planner.cue_emitted.disconnect(self._on_planner_cue)
            self._planner = None

    def _on_planner_cue(self, cue: Cue) -> None:
        if self.has_output:
            if cue.interrupt:
                self.tones.stop()
            self.tones.play(cue.tones)
        if cue.speech and self.voice_on():
            self.speaker.say(cue.speech, interrupt=cue.interrupt)
        elif cue.interrupt:
            self.speaker.stop()

    @Slot()
    def _on_speaker_idle(self) -> None:
        if self._planner is not None:
            self._planner.voice_finished()
