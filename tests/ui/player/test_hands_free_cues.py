"""What a user hears and sees, through the real window, with a recording stand-in for sound.

The stand-in sits where the AudioGuide would: it receives every cue and says when the voice
has finished, so the test decides how long the instructions take to speak.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from neurocoach.audio.silent import SilentAudio
from neurocoach.core.session.cues import Cue, CuePlanner, Tone
from neurocoach.ui.player.player_page import FLASH_COLOURS
from tests.ui.helpers import select_routine, start_routine
from tests.unit.core.helpers import HE, HS, REST, SW, R, T


class RecordingAudio:
    def __init__(self) -> None:
        self.problems: list[str] = []
        self.heard: list[tuple[float, tuple[Tone, ...], str | None, bool]] = []
        self.planner: CuePlanner | None = None
        self.clock = None

    def attach(self, planner: CuePlanner) -> None:
        planner.voice = True
        planner.cue_emitted.connect(self._on_cue)
        self.planner = planner
        self.clock = planner.engine.clock
        self.start = self.clock.now()

    def _on_cue(self, cue: Cue) -> None:
        at = round(self.clock.now() - self.start, 3)
        self.heard.append((at, cue.tones, cue.speech, cue.interrupt))

    def finish_speaking(self) -> None:
        assert self.planner is not None
        self.planner.voice_finished()


def test_cues_follow_the_session_and_the_hold_waits_for_the_voice(make_app) -> None:
    audio = RecordingAudio()
    app = make_app(audio_factory=lambda: audio)
    player = start_routine(app)
    assert audio.heard == [
        (0, (R,), "Squeeze. Squeeze the ball. Start with your right hand.", False)
    ]
    assert player.flash_colour == FLASH_COLOURS[Tone.READY]
    app.qtbot.waitUntil(lambda: player.flash_colour is None, timeout=2000)

    app.advance(3)
    app.advance(2)  # the 3 s lead-in is over, but the voice is still talking: keep waiting
    # Not a 0 that stays for seconds (it looked hung): it says what is happening.
    assert player.banner.text() == "Get ready" and player.countdown.text == "Listen"
    assert "listening" in player.countdown.accessibleDescription()
    audio.finish_speaking()  # at 5 s
    assert player.banner.text() == "Go"
    assert player.countdown.text == "4"
    for _ in range(8):
        app.advance(1)
    audio.finish_speaking()  # "Rest." and "Last one." were said
    app.advance(1)  # 14 s: the second hold's last second
    app.advance(1)  # 15 s: the right hand is done
    assert player.banner.text() == "Switch to your left hand"
    assert player.flash_colour == FLASH_COLOURS[Tone.SWITCH]
    assert audio.heard[1:] == [
        (5, (HS,), None, False),
        (6, (T,), None, False),
        (7, (T,), None, False),
        (8, (T,), None, False),
        (9, (HE, REST), "Rest.", False),
        (11, (HS,), "Last one.", False),
        (12, (T,), None, False),
        (13, (T,), None, False),
        (14, (T,), None, False),
        (15, (HE, SW), "Switch to your left hand.", False),
    ]

    del audio.heard[:]
    app.press(Qt.Key.Key_Space)
    app.press(Qt.Key.Key_Space)
    app.press(Qt.Key.Key_Right)
    assert audio.heard == [
        (15, (), "Paused.", True),
        (15, (), "Carry on.", True),
        (15, (R,), "Wrist stretch. Stretch gently.", True),
    ]


def test_without_sound_the_session_runs_on_with_flashes(make_app) -> None:
    app = make_app(audio_factory=lambda: SilentAudio("No sound output was found."))
    app.window.routine_list.list.setCurrentRow(0)
    start_routine(app)
    player = app.window.current_page()
    app.advance(3)  # no voice: the lead-in does not wait
    assert player.banner.text() == "Go"
    assert player.flash_colour == FLASH_COLOURS[Tone.HOLD_START]


def test_missing_sound_is_told_once_before_starting(make_app) -> None:
    app = make_app(
        audio_factory=lambda: SilentAudio("No speech engine was found. Install speech-dispatcher.")
    )
    select_routine(app, "Tiny test routine")
    app.press(Qt.Key.Key_Return)
    page = app.window.current_page()
    assert page.notice.isVisible()
    assert "speech-dispatcher" in page.notice.text()
    app.press(Qt.Key.Key_Escape)
    app.press(Qt.Key.Key_Return)
    assert not app.window.current_page().notice.isVisible()
