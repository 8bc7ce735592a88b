"""Stands in for the AudioGuide when Qt's sound modules cannot even be loaded.

The session then runs on with its visual cues, and the problem is told once, like any other
missing piece of sound.
"""

from __future__ import annotations

from neurocoach.core.session.cues import CuePlanner


class SilentAudio:
    """A SessionAudio that plays nothing and says why once."""

    def __init__(self, problem: str) -> None:
        self.problems = [problem]

    def attach(self, planner: CuePlanner) -> None:
        planner.voice = False  # nothing will say when it has finished: never wait for it

    def voices(self) -> list[str]:
        return []

    def announce(self, text: str) -> None:
        """Nothing can be said: the reminder's notification or prompt is all there is."""


def missing_modules_message(error: Exception) -> str:
    return (
        f"Sound could not be started ({error}), so the coach shows and flashes but stays "
        "silent. On Linux, installing libpulse0 usually fixes this "
        "(for example: sudo apt install libpulse0); then restart NeuroCoach."
    )
