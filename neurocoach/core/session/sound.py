"""What the screens need from the sound layer, declared where both can see it.

The sound (neurocoach.audio) is built on QtMultimedia and QtTextToSpeech, and only the
composition root (app.py) knows it; the screens and the session controller hold something
of this shape. A Protocol, so the real AudioGuide, the SilentAudio stand-in and a test's fake
each fit without inheriting anything.
"""

from __future__ import annotations

from typing import Protocol

from neurocoach.core.session.cues import CuePlanner


class SessionAudio(Protocol):
    """Plays one session's cues at a time; says once what it cannot do here. It follows the
    sound settings itself, from the Settings it was made with."""

    @property
    def problems(self) -> list[str]:
        """Plain sentences about what is missing (no sound output, no voice), for the user."""
        ...

    def attach(self, planner: CuePlanner) -> None:
        """Follow this planner's cues from now on (the last session's are dropped)."""
        ...

    def voices(self) -> list[str]:
        """The names of the voices that can be chosen here (none without a speech engine)."""
        ...

    def announce(self, text: str) -> None:
        """Say one sentence outside a session (a reminder), when the voice is on."""
        ...
