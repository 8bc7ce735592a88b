"""The AudioGuide between a session's cue planner and the real tone player and voice."""

from __future__ import annotations

from neurocoach.audio.guide import AudioGuide
from neurocoach.core.session.clock import ManualClock
from neurocoach.core.session.cues import CuePlanner, Tone
from neurocoach.core.session.engine import SessionEngine
from neurocoach.core.session.timeline import SessionOptions
from neurocoach.core.settings import Settings
from neurocoach.paths import bundled_sounds_dir
from tests.unit.core.helpers import make_routine, step


def session(guide: AudioGuide) -> tuple[SessionEngine, CuePlanner, ManualClock]:
    clock = ManualClock()
    engine = SessionEngine(
        make_routine(step("Squeeze", hold=5, reps=2, rest=2)),
        SessionOptions(lead_in_seconds=1),
        clock,
    )
    planner = CuePlanner(engine)
    guide.attach(planner)
    return engine, planner, clock


def test_tones_play_in_order_and_the_lead_in_waits_for_the_real_voice(qtbot, qapp) -> None:
    guide = AudioGuide(bundled_sounds_dir(), Settings(), speech_engine="mock")
    guide.has_output = True  # the cues are played whether or not a sound card is present
    engine, planner, clock = session(guide)
    assert planner.voice is guide.voice_on()
    spoken: list[str] = []
    guide.speaker.started.connect(spoken.append)
    engine.start()
    clock.advance(1.5)
    engine.update()
    assert engine.phase.kind.value == "ready"  # the mock voice is still reading the step
    qtbot.waitUntil(lambda: engine.phase.kind.value == "hold", timeout=5000)
    assert spoken == ["Squeeze. Do Squeeze."]
    clock.advance(5)
    engine.update()
    qtbot.waitUntil(lambda: guide.tones.played[-2:] == [Tone.HOLD_END, Tone.REST], timeout=3000)
    assert guide.tones.played == [Tone.READY, Tone.HOLD_START, Tone.HOLD_END, Tone.REST]
    guide.deleteLater()


def test_settings_turn_tones_and_voice_off(qtbot, qapp) -> None:
    settings = Settings()
    settings.set("tones_enabled", False)
    settings.set("voice_enabled", False)
    guide = AudioGuide(bundled_sounds_dir(), settings, speech_engine="mock")
    guide.has_output = True
    engine, planner, clock = session(guide)
    assert planner.voice is False
    engine.start()
    clock.advance(1)
    engine.update()  # no voice: the lead-in does not wait
    assert engine.phase.kind.value == "hold"
    assert guide.tones.played == []
    assert not guide.speaker.busy
    guide.deleteLater()


def test_without_an_output_it_says_so_and_nothing_waits(qtbot, qapp, monkeypatch) -> None:
    from PySide6.QtMultimedia import QMediaDevices

    monkeypatch.setattr(QMediaDevices, "audioOutputs", staticmethod(lambda: []))
    guide = AudioGuide(bundled_sounds_dir(), Settings(), speech_engine="mock")
    assert guide.problems and "No sound output" in guide.problems[0]
    engine, planner, clock = session(guide)
    assert planner.voice is False
    engine.start()
    clock.advance(1)
    engine.update()
    assert engine.phase.kind.value == "hold"
    assert guide.tones.played == []
    assert guide.tones._effects == {}  # nothing loaded for a device that is not there
    guide.deleteLater()


def test_volume_rate_and_voice_settings_reach_the_players(qtbot, qapp) -> None:
    settings = Settings()
    settings.set("volume", 30)
    settings.set("speech_rate", -0.5)
    guide = AudioGuide(bundled_sounds_dir(), settings, speech_engine="mock")
    assert abs(guide.tones.volume - 0.3) < 0.01
    assert all(abs(e.volume() - 0.3) < 0.01 for e in guide.tones._effects.values())
    assert abs(guide.speaker._tts.volume() - 0.3) < 0.01
    assert guide.speaker._tts.rate() == -0.5
    voices = [v.name() for v in guide.speaker._tts.availableVoices()]
    settings.set("voice", voices[-1])
    guide.apply(settings)
    assert guide.speaker._tts.voice().name() == voices[-1]
    guide.deleteLater()


def test_missing_sound_files_leave_the_rest_working(qtbot, qapp, tmp_path) -> None:
    import shutil

    for name in ("ready.wav", "rest.wav"):
        shutil.copy(bundled_sounds_dir() / name, tmp_path / name)
    guide = AudioGuide(tmp_path, Settings(), speech_engine="mock")
    guide.has_output = True
    assert sorted(guide.tones.missing) == [
        "complete.wav",
        "hold-end.wav",
        "hold-start.wav",
        "switch.wav",
        "tick.wav",
    ]
    engine, _planner, clock = session(guide)
    engine.start()
    clock.advance(1.5)
    engine.update()
    qtbot.waitUntil(lambda: engine.phase.kind.value == "hold", timeout=5000)
    assert guide.tones.played == [Tone.READY]  # the one that exists; the missing one is skipped
    guide.deleteLater()
