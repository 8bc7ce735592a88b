"""What the screens may ask of voice control, without knowing the sound layer behind it."""

from __future__ import annotations

from typing import Protocol

from neurocoach.core.voice.commands import Listening


class VoiceListener(Protocol):
    """The microphone and the spotter, as the screens see them."""

    @property
    def listening(self) -> bool:
        """Voice control is on and the microphone is open."""
        ...

    def listen_for(self, listening: Listening) -> None:
        """The page in view, so only its words are heard."""
        ...

    def microphones(self) -> list[str]:
        """The names of the microphones that can be chosen here."""
        ...

    def level(self) -> float:
        """How loud the microphone is now, 0 (silence) to 1 (as loud as it can be)."""
        ...
