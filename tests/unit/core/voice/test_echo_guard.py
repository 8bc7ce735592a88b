from __future__ import annotations

from neurocoach.core.session.clock import ManualClock
from neurocoach.core.voice.echo_guard import EchoGuard


def test_it_listens_only_between_the_coachs_own_sounds() -> None:
    clock = ManualClock()
    guard = EchoGuard(clock.now, tail=0.5)
    assert guard.quiet()
    guard.speaking(True)
    clock.advance(3)
    assert not guard.quiet()
    guard.speaking(False)
    assert not guard.quiet()  # the end of the sentence is still in the speakers
    clock.advance(0.49)
    assert not guard.quiet()
    clock.advance(0.02)
    assert guard.quiet()


def test_a_tone_keeps_it_deaf_for_its_length_and_the_tail() -> None:
    clock = ManualClock()
    guard = EchoGuard(clock.now, tail=0.5)
    guard.sounding_for(0.35)
    clock.advance(0.8)
    assert not guard.quiet()
    clock.advance(0.1)
    assert guard.quiet()


def test_a_tone_during_speech_does_not_shorten_the_wait() -> None:
    clock = ManualClock()
    guard = EchoGuard(clock.now, tail=0.5)
    guard.sounding_for(2.0)
    guard.speaking(True)
    clock.advance(0.5)
    guard.speaking(False)  # the voice ended before the tone
    clock.advance(0.6)
    assert not guard.quiet()
    clock.advance(1.5)
    assert guard.quiet()
