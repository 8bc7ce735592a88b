"""The Voice control section of the settings: the microphone's level, the words, the microphone."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from neurocoach.core.settings import Settings
from neurocoach.core.voice.commands import Listening
from neurocoach.ui.common import theme
from neurocoach.ui.common.controls import ListField, ToggleField
from neurocoach.ui.settings.settings_dialog import SettingsDialog
from neurocoach.ui.settings.settings_windows import SettingsWindows
from neurocoach.ui.settings.voice_control_panel import (
    LEVEL_EVERY_MS,
    LISTENING,
    NO_MICROPHONE,
    NOT_ON,
    VoiceControlPanel,
)
from tests.ui.layout_checks import cut_off_labels, overlapping


class FakeListener:
    """A VoiceListener whose microphone the test opens and speaks into."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.opened = True  # the microphone opens whenever voice control is on
        self.loudness = 0.0
        self.heard_for = Listening.NOTHING

    @property
    def listening(self) -> bool:
        return bool(self.settings["voice_control"]) and self.opened

    def listen_for(self, listening: Listening) -> None:
        self.heard_for = listening

    def microphones(self) -> list[str]:
        return ["USB headset", "Webcam microphone"]

    def level(self) -> float:
        return self.loudness


@pytest.fixture
def settings() -> Settings:
    return Settings()  # in memory: no file of anyone's is read or written


@pytest.fixture
def make_dialog(qtbot: QtBot, qapp: QApplication) -> Iterator[callable]:  # type: ignore[valid-type]
    made: list[SettingsDialog] = []

    def make(settings: Settings, listener: FakeListener | None, size=(1100, 800)):
        dialog = SettingsDialog(settings, voice=(lambda: listener) if listener else None)
        qtbot.addWidget(dialog)
        dialog.resize(*size)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        made.append(dialog)
        return dialog

    theme.apply(qapp)
    yield make
    for dialog in made:
        timer = dialog.voice_panel.timer
        dialog.close()
        assert not timer.isActive(), "the level is read only while the settings are open"
    theme.apply(qapp)


def test_the_bar_follows_the_microphone(make_dialog, settings: Settings, qtbot: QtBot) -> None:
    settings.set("voice_control", True)
    listener = FakeListener(settings)
    dialog = make_dialog(settings, listener)
    panel: VoiceControlPanel = dialog.voice_panel
    assert panel.timer.isActive() and panel.timer.objectName()
    assert panel.status.text() == LISTENING
    listener.loudness = 0.6
    qtbot.waitUntil(lambda: panel.meter.level == pytest.approx(0.6), timeout=5 * LEVEL_EVERY_MS)
    listener.loudness = 0.1
    qtbot.waitUntil(lambda: panel.meter.level == pytest.approx(0.1), timeout=5 * LEVEL_EVERY_MS)
    assert panel.meter.accessibleDescription() == "10 %"


def test_off_shows_nothing_heard_and_says_so(make_dialog, settings: Settings, qtbot) -> None:
    listener = FakeListener(settings)
    listener.loudness = 0.8  # (a listener that hears with voice control off: never shown)
    dialog = make_dialog(settings, listener)
    panel = dialog.voice_panel
    qtbot.wait(3 * LEVEL_EVERY_MS)
    assert panel.meter.level == 0
    assert panel.status.text() == NOT_ON


def test_turning_it_on_with_the_keyboard_changes_the_words(
    make_dialog, settings: Settings, qtbot: QtBot
) -> None:
    listener = FakeListener(settings)
    listener.loudness = 0.5
    dialog = make_dialog(settings, listener)
    panel = dialog.voice_panel
    toggle = dialog.fields["voice_control"]
    assert isinstance(toggle, ToggleField) and not toggle.on
    toggle.setFocus()
    qtbot.keyClick(toggle, Qt.Key.Key_Space)
    assert settings["voice_control"] is True
    assert panel.status.text() == LISTENING  # at once, not at the next reading
    qtbot.waitUntil(lambda: panel.meter.level == pytest.approx(0.5), timeout=5 * LEVEL_EVERY_MS)
    listener.opened = False  # the microphone is lost
    qtbot.waitUntil(lambda: panel.status.text() == NO_MICROPHONE, timeout=5 * LEVEL_EVERY_MS)
    assert panel.meter.level == 0
    qtbot.mouseClick(toggle.button, Qt.MouseButton.LeftButton)
    assert settings["voice_control"] is False and panel.status.text() == NOT_ON


def test_reset_turns_it_off_and_the_standard_microphone_back(
    make_dialog, settings: Settings, qtbot: QtBot
) -> None:
    settings.set("voice_control", True)
    settings.set("microphone", "USB headset")
    dialog = make_dialog(settings, FakeListener(settings))
    microphone = dialog.fields["microphone"]
    assert microphone.value_label.text() == "USB headset"
    qtbot.mouseClick(dialog.reset_button, Qt.MouseButton.LeftButton)
    assert settings["voice_control"] is False and settings["microphone"] == ""
    assert dialog.fields["voice_control"].button.text() == "Off"
    assert microphone.value_label.text() == "Standard microphone"
    assert dialog.voice_panel.status.text() == NOT_ON


def test_a_microphone_is_chosen_from_those_the_computer_has(
    make_dialog, settings: Settings, qtbot: QtBot
) -> None:
    dialog = make_dialog(settings, FakeListener(settings))
    microphone = dialog.fields["microphone"]
    assert isinstance(microphone, ListField)
    assert [words for _, words in microphone.options] == [
        "Standard microphone",
        "USB headset",
        "Webcam microphone",
    ]
    microphone.setFocus()
    qtbot.keyClick(microphone, Qt.Key.Key_Right)
    assert settings["microphone"] == "USB headset"
    qtbot.keyClick(microphone, Qt.Key.Key_Right)
    assert settings["microphone"] == "Webcam microphone"
    assert dialog.fields["voice"].value_label.text() == "Standard voice"


def test_a_microphone_no_longer_there_is_said_not_lost(make_dialog, settings: Settings) -> None:
    settings.set("microphone", "Old headset")
    dialog = make_dialog(settings, FakeListener(settings))
    assert dialog.fields["microphone"].value_label.text() == "Old headset (not found now)"
    assert settings["microphone"] == "Old headset"


def test_without_a_listener_it_still_builds(make_dialog, settings: Settings, qtbot) -> None:
    dialog = make_dialog(settings, None)
    panel = dialog.voice_panel
    assert not panel.timer.isActive()  # nothing to read
    assert dialog.fields["microphone"].options == [("", "Standard microphone")]
    assert panel.status.text() == NOT_ON
    settings.set("voice_control", True)
    assert panel.status.text() == NO_MICROPHONE and panel.meter.level == 0


def test_the_words_it_knows_are_listed(make_dialog, settings: Settings) -> None:
    panel = make_dialog(settings, None).voice_panel
    assert panel.words.text() == (
        "The coach knows these words: pause, go on, next, back, repeat, more time, stop. "
        "On the stop question: yes, no. On the routine list: start."
    )
    assert panel.how.text() == (
        "Say each word on its own, with a short pause before and after. "
        "While the coach is speaking it does not listen."
    )


def test_tab_passes_the_panel_by(make_dialog, settings: Settings, qtbot: QtBot) -> None:
    dialog = make_dialog(settings, FakeListener(settings))
    microphone = dialog.fields["microphone"]
    microphone.setFocus()
    qtbot.keyClick(microphone, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is dialog.fields["checkin_enabled"]  # the next section's first setting
    panel = dialog.voice_panel
    assert not any(
        w.focusPolicy() & Qt.FocusPolicy.TabFocus for w in [panel, *panel.findChildren(QWidget)]
    )


def test_the_level_stops_when_the_settings_close(make_dialog, settings, qtbot) -> None:
    dialog = make_dialog(settings, FakeListener(settings))
    timer = dialog.voice_panel.timer
    assert timer.isActive()
    dialog.reject()
    assert not timer.isActive()


def test_the_settings_windows_pass_the_listener_on(qtbot: QtBot, qapp, settings) -> None:
    class Session:
        engine = None

        def routine(self):
            return None

        def active(self) -> bool:
            return False

    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1100, 800)
    listener = FakeListener(settings)
    windows = SettingsWindows(
        settings, Session(), lambda: [], lambda: None, window, voice=lambda: listener
    )
    windows.show_settings()
    dialog = windows.settings_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert [v for v, _ in dialog.fields["microphone"].options] == ["", *listener.microphones()]
    dialog.reject()
    assert windows.settings_dialog is None


def test_at_200_percent_text_on_1024_pixels_the_words_wrap(
    make_dialog, settings: Settings, qapp, qtbot: QtBot
) -> None:
    theme.apply(qapp, "light", 200)
    settings.set("voice_control", True)
    dialog = make_dialog(settings, FakeListener(settings), size=(1024, 768))
    # Offscreen the screen is 2560x1600, and the dialog opens as tall as its content: kept
    # here to what a 1024x768 screen has room for (tests/ui/test_real_screen.py does so for real).
    dialog.resize(1024, 768)
    qtbot.waitUntil(lambda: dialog.width() <= 1024 and dialog.height() <= 768)
    panel = dialog.voice_panel
    dialog.scroll_area.ensureWidgetVisible(panel)
    qtbot.wait(10)
    viewport = dialog.scroll_area.viewport()
    # The panel never widens the settings: its words wrap, its bar shrinks.
    assert panel.minimumSizeHint().width() < viewport.width() // 2
    for label in (panel.meter_label, panel.status, panel.words, panel.how):
        right = label.mapTo(viewport, label.rect().topRight()).x()
        assert label.wordWrap() and right <= viewport.width()
    assert panel.words.height() > 2 * panel.words.fontMetrics().height()  # in several lines
    assert panel.meter.height() >= 64 and panel.meter.width() <= viewport.width()
    assert cut_off_labels(panel) == []
    assert overlapping(panel) == []
