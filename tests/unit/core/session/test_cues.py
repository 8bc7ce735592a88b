"""What the user hears, in order, on a fake clock: tones, words, and the wait for the voice."""

from __future__ import annotations

from neurocoach.core.session.clock import ManualClock
from neurocoach.core.session.cues import Cue, CuePlanner, Tone
from neurocoach.core.session.engine import SessionEngine
from neurocoach.core.session.timeline import SessionOptions
from tests.unit.core.helpers import HE, HS, REST, SW, C, R, T, make_routine, step


class Session:
    """An engine and its planner on a manual clock, with every cue written down with its time."""

    def __init__(self, *steps, voice: bool = True, count_aloud: bool = False, lead_in=5):
        self.clock = ManualClock(start=0)
        self.engine = SessionEngine(
            make_routine(*steps), SessionOptions(lead_in_seconds=lead_in), self.clock
        )
        self.planner = CuePlanner(self.engine, voice=voice, count_aloud=count_aloud)
        self.heard: list[tuple[float, tuple[Tone, ...], str | None]] = []
        self.cues: list[Cue] = []
        self.planner.cue_emitted.connect(self._on_cue)

    def _on_cue(self, cue: Cue) -> None:
        self.cues.append(cue)
        self.heard.append((round(self.clock.now(), 3), cue.tones, cue.speech))

    def run(self, seconds: float, step_size: float = 0.25) -> None:
        end = self.clock.now() + seconds
        while self.clock.now() < end - 1e-9:
            self.clock.advance(min(step_size, end - self.clock.now()))
            self.engine.update()
            self.planner.update()


def test_two_sided_step_with_reps_rest_and_the_finish() -> None:
    s = Session(step("Squeeze", hold=5, reps=2, rest=2, sides=True), voice=True)
    s.engine.start()
    s.planner.voice_finished()  # the voice is quick: done before the lead-in ends
    s.run(4.75)
    s.planner.voice_finished()
    s.run(40)
    assert s.heard == [
        (0, (R,), "Squeeze. Do Squeeze. Start with your right hand."),
        (5, (HS,), None),
        (7, (T,), None),
        (8, (T,), None),
        (9, (T,), None),
        (10, (HE, REST), "Rest."),
        (12, (HS,), "Last one."),
        (14, (T,), None),
        (15, (T,), None),
        (16, (T,), None),
        (17, (HE, SW), "Switch to your left hand."),
        # The voice never said it had finished the switch words: the lead-in waits.
    ]
    assert s.engine.remaining() == 0
    s.planner.voice_finished()  # at 44.75 s: the left side starts now
    s.run(20)
    assert s.heard[11:] == [
        (44.75, (HS,), None),
        (46.75, (T,), None),
        (47.75, (T,), None),
        (48.75, (T,), None),
        (49.75, (HE, REST), "Rest."),
        (51.75, (HS,), "Last one."),
        (53.75, (T,), None),
        (54.75, (T,), None),
        (55.75, (T,), None),
        (56.75, (HE, C), "Well done, routine complete."),
    ]
    assert s.engine.outcome is not None and s.engine.outcome.finished


def test_the_hold_waits_for_long_instructions() -> None:
    s = Session(step("Glide", hold=10), step("Rest hands", hold=10))
    s.engine.start()
    s.run(8)  # the voice is still reading at 8 s, past the 5 s lead-in
    assert s.engine.phase.kind.value == "ready" and s.engine.remaining() == 0
    s.planner.voice_finished()
    assert s.heard[1] == (8, (HS,), None)  # the hold starts when the voice stops, not before
    assert s.engine.remaining() == 10


def test_without_voice_nothing_waits_and_nothing_is_said() -> None:
    s = Session(step("A", hold=4, sides=True), voice=False)
    s.engine.start()
    s.run(30)
    assert [t for _, t, _ in s.heard] == [
        (R,),
        (HS,),
        (T,),
        (T,),
        (T,),
        (HE, SW),
        (HS,),
        (T,),
        (T,),
        (T,),
        (HE, C),
    ]
    assert all(words is None for _, _, words in s.heard)
    assert s.heard[-1][0] == 5 + 4 + 5 + 4


def test_count_aloud_says_three_two_one() -> None:
    s = Session(step("A", hold=5), voice=True, count_aloud=True, lead_in=0)
    s.engine.start()
    s.run(6)
    assert [w for _, _, w in s.heard] == [
        "A. Do A.",
        "Three",
        "Two",
        "One",
        "Well done, routine complete.",
    ]


def test_skip_and_pause_interrupt_the_voice() -> None:
    s = Session(step("A", hold=10), step("B", hold=10), voice=True)
    s.engine.start()
    s.planner.voice_finished()
    s.run(6)
    s.engine.pause()
    s.run(30)
    s.engine.resume()
    s.engine.next_step()
    s.planner.voice_finished()
    s.run(1)
    s.engine.next_step()  # on the last step: the routine ends
    assert [(t, w, c.interrupt) for (_, t, w), c in zip(s.heard, s.cues, strict=True)] == [
        ((R,), "A. Do A.", False),
        ((HS,), None, False),
        ((), "Paused.", True),
        ((), "Carry on.", True),
        ((R,), "B. Do B.", True),  # a skip: no "hold end" tone, and the old words stop
        ((C,), "Well done, routine complete.", False),
    ]


def test_stop_says_so() -> None:
    s = Session(step("A", hold=10), voice=True)
    s.engine.start()
    s.engine.stop()
    assert s.heard[-1] == (0, (), "Session stopped.")
    assert s.cues[-1].interrupt


def test_extending_a_hold_restarts_the_last_seconds_ticks() -> None:
    s = Session(step("A", hold=5), voice=False, lead_in=0)
    s.engine.start()
    s.run(3.5)  # ticks at 3 and 2 left
    s.engine.extend()
    s.run(11.5)
    ticks = [time for time, tones, _ in s.heard if tones == (T,)]
    assert ticks == [2, 3, 12, 13, 14]


def test_the_water_check_rings_and_asks_for_the_thermometer() -> None:
    from dataclasses import replace as changed

    from neurocoach.core.routine.model import Care
    from neurocoach.core.session.clock import ManualClock
    from neurocoach.core.session.cues import CuePlanner, Tone
    from neurocoach.core.session.engine import SessionEngine
    from neurocoach.core.session.timeline import SessionOptions
    from tests.unit.core.helpers import make_routine, step

    wash = changed(step("Foot wash", hold=60), care=frozenset({Care.WARM_WATER}))
    options = SessionOptions(lead_in_seconds=5, check_water=True)
    engine = SessionEngine(make_routine(wash), options, ManualClock())
    planner = CuePlanner(engine, voice=True)
    cues = []
    planner.cue_emitted.connect(cues.append)
    engine.start()
    (first,) = cues
    assert first.tones == (Tone.READY,)
    assert first.speech is not None and "thermometer" in first.speech
    assert "37 degrees or less" in first.speech
