"""The settings window and the exercise adjustments, driven by keys through the real window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from neurocoach.app import follow_settings
from neurocoach.core.settings_file import load_settings
from neurocoach.ui.common import theme
from neurocoach.ui.common.controls import NumberField, ToggleField
from neurocoach.ui.shell.key_debounce import KeyDebounceFilter
from tests.ui.helpers import start_routine
from tests.ui.sizes import assert_buttons_big_and_readable


def open_settings(app):
    app.window.settings_action.trigger()
    dialog = app.window.settings_windows.settings_dialog
    app.qtbot.waitExposed(dialog)
    app.qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_a_value_changes_with_the_keyboard_and_is_kept(make_app, tmp_path: Path) -> None:
    app = make_app()
    path = tmp_path / "settings.yaml"
    follow_settings(QApplication.instance(), app.settings, path)
    dialog = open_settings(app)
    assert_buttons_big_and_readable(dialog)
    hold = dialog.fields["hold_scale"]
    assert QApplication.focusWidget() is hold  # the first row has the focus
    app.press(Qt.Key.Key_Right)
    app.press(Qt.Key.Key_Right)
    assert hold.value_label.text() == "120 %"
    assert app.settings["hold_scale"] == 120
    app.press(Qt.Key.Key_Tab)  # to the next row: rest between exercises
    app.press(Qt.Key.Key_Right)
    assert app.settings["rest_between_steps"] == 5
    assert load_settings(path).settings["hold_scale"] == 120  # saved at once
    app.press(Qt.Key.Key_Escape)
    app.qtbot.waitUntil(lambda: app.window.settings_windows.settings_dialog is None)


def test_toggles_choices_and_reset(make_app, tmp_path: Path) -> None:
    app = make_app()
    follow_settings(QApplication.instance(), app.settings, tmp_path / "settings.yaml")
    dialog = open_settings(app)
    voice = dialog.fields["voice_enabled"]
    assert isinstance(voice, ToggleField) and voice.button.text() == "On"
    voice.setFocus()
    app.press(Qt.Key.Key_Space)
    assert app.settings["voice_enabled"] is False and voice.button.text() == "Off"
    colours = dialog.fields["theme"]
    colours.setFocus()
    app.press(Qt.Key.Key_Right)  # like my computer -> light
    app.press(Qt.Key.Key_Right)  # -> dark
    assert app.settings["theme"] == "dark" and theme.current.name == "dark"
    assert theme.DARK.paper in QApplication.instance().styleSheet()
    app.qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert app.settings["theme"] == "system" and app.settings["voice_enabled"] is True
    assert voice.button.text() == "On"
    theme.apply(QApplication.instance())


def test_the_debounce_setting_reaches_the_key_filter(make_app, tmp_path: Path) -> None:
    app = make_app()
    keys = KeyDebounceFilter(parent=QApplication.instance())
    try:
        follow_settings(QApplication.instance(), app.settings, tmp_path / "s.yaml")
        app.settings.set("key_debounce_ms", 1500)
        assert keys.seconds == 1.5
    finally:
        keys.deleteLater()


def test_a_new_hold_scale_lengthens_the_next_hold_of_a_running_session(make_app) -> None:
    app = make_app()
    player = start_routine(app)
    app.advance(3)  # the first hold (4 s) has begun
    dialog = open_settings(app)
    hold = dialog.fields["hold_scale"]
    assert isinstance(hold, NumberField)
    for _ in range(10):  # 100 % -> 200 %
        app.press(Qt.Key.Key_Right)
    app.press(Qt.Key.Key_Escape)
    app.qtbot.waitUntil(lambda: app.window.settings_windows.settings_dialog is None)
    assert player.countdown.text == "4"  # the hold under way keeps its length
    app.advance(4)  # rest 2 s
    app.advance(2)
    assert player.banner.text() == "Go · last one"
    assert player.countdown.text == "8"  # the next hold is twice as long


def test_adjust_this_exercise_from_the_player_pauses_and_applies(make_app) -> None:
    app = make_app()
    player = start_routine(app)
    app.advance(3)
    app.press(Qt.Key.Key_A)
    dialog = app.window.settings_windows.exercise_dialog
    app.qtbot.waitExposed(dialog)
    app.qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.heading.text() == "Squeeze"
    assert app.window.session.driver.engine.state.value == "paused"
    assert_buttons_big_and_readable(dialog)
    app.press(Qt.Key.Key_Tab)  # hold -> times
    app.press(Qt.Key.Key_Right)  # 2 -> 3 times
    assert dialog.reps.value == 3
    app.press(Qt.Key.Key_Escape)
    app.qtbot.waitUntil(lambda: app.window.settings_windows.exercise_dialog is None)
    assert app.window.session.driver.engine.state.value == "running"
    assert player.position.text() == "Step 1 of 2 · rep 1 of 3 · right hand"
    routine = app.window.session.driver.engine.routine
    assert app.settings.exercise(routine, routine.steps[0]).reps == 3


def test_wait_for_me_holds_until_space(make_app) -> None:
    app = make_app()
    app.settings.set("wait_for_me", True)
    player = start_routine(app)
    app.advance(3)
    # The fullest words that fit the banner on one line, the key always named.
    assert player.banner.text() in ("Go · press Space when done", "Go · Space when done")
    assert player.pause_button.accessibleName() == "Done"
    app.advance(30)
    assert player.countdown.text == "30"  # counting up the time held
    app.press(Qt.Key.Key_Space)
    assert player.banner.text() == "Rest"


def test_single_switch_any_key_pauses_and_resumes(make_app) -> None:
    app = make_app()
    app.settings.set("single_switch", True)
    player = start_routine(app)
    app.press(Qt.Key.Key_Return)
    assert player.banner.text().startswith("Paused")
    app.press(Qt.Key.Key_F)
    assert player.banner.text() == "Get ready"


def test_full_screen_player_when_asked(make_app) -> None:
    app = make_app()
    app.settings.set("fullscreen_player", True)
    start_routine(app)
    assert app.window.windowState() & Qt.WindowState.WindowFullScreen
    app.window.session.driver.engine.stop()
    assert not app.window.windowState() & Qt.WindowState.WindowFullScreen


def test_a_voice_is_chosen_from_those_the_computer_has(make_app) -> None:
    class Voices:
        def __init__(self) -> None:
            self.problems: list[str] = []

        def attach(self, planner) -> None:
            planner.voice = False

        def voices(self) -> list[str]:
            return ["Anne", "Bob"]

    app = make_app(audio_factory=Voices)
    dialog = open_settings(app)
    voice = dialog.fields["voice"]
    assert voice.value_label.text() == "Standard voice"
    voice.setFocus()
    app.press(Qt.Key.Key_Right)
    assert app.settings["voice"] == "Anne"
    app.press(Qt.Key.Key_Right)
    app.press(Qt.Key.Key_Right)  # no further than the last
    assert app.settings["voice"] == "Bob" and not voice.next_button.isEnabled()


def test_adjusting_from_the_settings_mid_session_opens_the_exercise_under_way(make_app) -> None:
    """Settings (which leaves the session running), then E: the exercise dialog holds the
    session, shows the step under way, and the session runs on once both are closed."""
    from neurocoach.core.session.engine import SessionState

    app = make_app()
    start_routine(app)
    app.press(Qt.Key.Key_Right)  # on to the second exercise
    engine = app.window.session.engine
    assert engine is not None and engine.phase is not None and engine.phase.step_index == 1
    open_settings(app)
    assert engine.state is SessionState.RUNNING
    app.press(Qt.Key.Key_E)
    exercise = app.window.settings_windows.exercise_dialog
    app.qtbot.waitExposed(exercise)
    assert exercise.heading.text() == "Wrist stretch"
    assert engine.state is SessionState.PAUSED
    app.press(Qt.Key.Key_Escape)
    app.qtbot.waitUntil(lambda: app.window.settings_windows.exercise_dialog is None)
    assert engine.state is SessionState.RUNNING
    app.press(Qt.Key.Key_Escape)
    app.qtbot.waitUntil(lambda: app.window.settings_windows.settings_dialog is None)


def test_each_side_is_said_only_for_steps_done_on_both_sides(make_app) -> None:
    app = make_app()
    start_routine(app)
    app.press(Qt.Key.Key_A)  # Squeeze: right, then left
    dialog = app.window.settings_windows.exercise_dialog
    app.qtbot.waitExposed(dialog)
    assert dialog.reps.label.text() == "Times (each side)"
    app.press(Qt.Key.Key_PageDown)  # Wrist stretch: one side only
    assert dialog.heading.text() == "Wrist stretch"
    assert dialog.reps.label.text() == "Times"
    app.press(Qt.Key.Key_Escape)
    app.qtbot.waitUntil(lambda: app.window.settings_windows.exercise_dialog is None)


def test_the_settings_say_which_routine_e_adjusts(make_app) -> None:
    """Not silently the one highlighted in the list: its name is on the button."""
    from tests.ui.helpers import select_routine

    app = make_app()
    select_routine(app, "Tiny test routine")
    dialog = open_settings(app)
    assert "Adjust the exercises of Tiny test routine" in dialog.exercises_button.text()
    app.press(Qt.Key.Key_Escape)
    app.qtbot.waitUntil(lambda: app.window.settings_windows.settings_dialog is None)
