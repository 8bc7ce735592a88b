"""Decides what the user hears and sees at each moment of a session, so they need not watch.

The planner turns the engine's events into cues: short tones, a sentence for the voice, and a
flash of the screen's frame for people who cannot hear well. It knows nothing of sound
devices: the audio layer plays the cues, and tells the planner when the voice has finished,
so that a lead-in can wait for the instructions to be read before the hold starts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

from neurocoach.core.events import Event
from neurocoach.core.routine.model import Sides
from neurocoach.core.session.engine import SessionEngine, SessionOutcome
from neurocoach.core.session.timeline import Phase, PhaseKind
from neurocoach.core.session.wording import side_name, water_check_words


class Tone(str, Enum):
    """The cue sounds; each is a WAV file of the same name in assets/sounds."""

    READY = "ready"  # a new exercise: get into position
    HOLD_START = "hold-start"  # go
    TICK = "tick"  # each of the last three seconds of a hold
    HOLD_END = "hold-end"  # the hold is over
    SWITCH = "switch"  # change to the other side
    REST = "rest"  # relax
    COMPLETE = "complete"  # the routine is done


@dataclass(frozen=True)
class Cue:
    """One moment's cue: tones played one after another, an optional sentence, a flash."""

    tones: tuple[Tone, ...] = ()
    speech: str | None = None
    interrupt: bool = False  # cut off whatever the voice is saying (the user moved or paused)
    flash: bool = True


_COUNT_WORDS = {3: "Three", 2: "Two", 1: "One"}


class CuePlanner:
    """Listens to one engine and emits a `Cue` for each moment worth hearing.

    Events: cue_emitted(Cue).
    Call `update()` after each `engine.update()` (it finds the last three seconds), and
    `voice_finished()` when the voice has said everything it was given.
    """

    def __init__(
        self,
        engine: SessionEngine,
        voice: bool = True,
        count_aloud: bool = False,
    ) -> None:
        self.engine = engine
        self.voice = voice
        self.count_aloud = count_aloud
        self.cue_emitted: Event[Cue] = Event()
        self._previous: Phase | None = None
        self._shown = 0  # whole seconds left, as last seen in a hold
        engine.phase_started.connect(self._on_engine_phase_started)
        engine.paused_changed.connect(self._on_engine_paused_changed)
        engine.session_ended.connect(self._on_engine_session_ended)

    # --- called by the driver and the audio layer -------------------------------------------
    def update(self) -> None:
        """Tick at 3, 2 and 1 seconds left in a hold."""
        phase = self.engine.phase
        if phase is None or phase.kind is not PhaseKind.HOLD or self.engine.outcome is not None:
            return
        shown = math.ceil(self.engine.remaining() - 1e-9)
        if shown < self._shown and 1 <= shown <= 3:
            speech = _COUNT_WORDS[shown] if self.voice and self.count_aloud else None
            self.cue_emitted.emit(Cue((Tone.TICK,), speech))
        self._shown = shown

    def voice_finished(self) -> None:
        """The voice has nothing left to say: a waiting lead-in may end."""
        self.engine.release()

    def repeat(self) -> None:
        """Say the step's instructions again (R, or "repeat"), cutting off what is being said."""
        phase = self.engine.phase
        if phase is None or self.engine.outcome is not None or not self.voice:
            return
        self.cue_emitted.emit(Cue((), self._introduce(phase), interrupt=True, flash=False))

    # --- engine events -------------------------------------------------------------------
    def _on_engine_phase_started(self, phase: Phase) -> None:
        previous, self._previous = self._previous, phase
        self._shown = math.ceil(phase.duration)
        by_user = self.engine.moved_by_user
        ended_hold = previous is not None and previous.kind is PhaseKind.HOLD and not by_user
        tones: tuple[Tone, ...] = (Tone.HOLD_END,) if ended_hold else ()
        speech: str | None = None
        if phase.kind is PhaseKind.READY:
            tones += (Tone.READY,)
            speech = self._introduce(phase)
        elif phase.kind is PhaseKind.SWITCH:
            tones += (Tone.SWITCH,)
            speech = self._switch_words(phase)
        elif phase.kind is PhaseKind.REST:
            tones += (Tone.REST,)
            speech = "Rest."
        elif phase.kind is PhaseKind.CHECK:
            tones += (Tone.READY,)
            speech = water_check_words(phase.step.title)[2]
        else:
            tones += (Tone.HOLD_START,)
            if phase.reps > 1 and phase.rep == phase.reps:
                speech = "Last one."
            elif previous is None or previous.step_index != phase.step_index:
                # No lead-in before this hold: the step's words come with it.
                speech = self._introduce(phase)
        if self.voice and speech and phase.kind in (PhaseKind.READY, PhaseKind.SWITCH):
            self.engine.hold_back()  # before the words go out, so their end cannot be missed
        self._emit(tones, speech, interrupt=by_user)

    def _on_engine_paused_changed(self, paused: bool) -> None:
        self._emit((), "Paused." if paused else "Carry on.", interrupt=True)

    def _on_engine_session_ended(self, outcome: SessionOutcome) -> None:
        if outcome.finished:
            tones = (Tone.HOLD_END, Tone.COMPLETE) if self._ended_in_hold() else (Tone.COMPLETE,)
            self._emit(tones, "Well done, routine complete.", interrupt=False)
        else:
            self._emit((), "Session stopped.", interrupt=True)

    # --- wording -------------------------------------------------------------------------
    def _introduce(self, phase: Phase) -> str:
        step = phase.step
        words = f"{_sentence(step.title)} {_sentence(step.spoken_text)}"
        if step.sides is Sides.LEFT_RIGHT and phase.side is not None:
            words += f" Start with your {side_name(phase.side, self.engine.routine.area)}."
        return words

    def _switch_words(self, phase: Phase) -> str:
        assert phase.side is not None
        return f"Switch to your {side_name(phase.side, self.engine.routine.area)}."

    def _ended_in_hold(self) -> bool:
        previous = self._previous
        return (
            previous is not None
            and previous.kind is PhaseKind.HOLD
            and not self.engine.moved_by_user
        )

    def _emit(self, tones: tuple[Tone, ...], speech: str | None, interrupt: bool) -> None:
        self.cue_emitted.emit(
            Cue(tones, speech if self.voice else None, interrupt=interrupt, flash=bool(tones))
        )


def _sentence(text: str) -> str:
    """Ends the text with a full stop if it has none, so the voice pauses between parts."""
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."
