from __future__ import annotations

from pathlib import Path

from neurocoach.app import open_main_window
from neurocoach.paths import bundled_routines_dir
from neurocoach.ui.foot_check.foot_check_page import FootCheckPage


def test_the_app_opens_over_neurocoach_home_only(qtbot, qapp, neurocoach_home: Path) -> None:
    own = neurocoach_home / "data" / "routines"
    own.mkdir(parents=True)
    (own / "mine.yaml").write_text(
        (bundled_routines_dir() / "quick-hands.yaml")
        .read_text()
        .replace("id: quick-hands", "id: mine")
    )
    window = open_main_window(qapp, bundled_routines_dir() / "warm-hands.yaml")
    qtbot.addWidget(window)
    store = window.store
    try:
        assert window.isVisible()
        assert (
            window.routine_list.list.count() == len(list(bundled_routines_dir().glob("*.yaml"))) + 1
        )
        page = window.current_page()
        # A warm-water routine, opened by someone who has never answered the foot check.
        assert isinstance(page, FootCheckPage) and page.routine.id == "warm-hands"
        assert store.path == neurocoach_home / "data" / "history.sqlite3"
        assert store.path.exists()
    finally:
        window.close()
        store.close()


def test_sound_modules_that_cannot_load_leave_a_silent_coach(qapp, monkeypatch) -> None:
    import sys

    from PySide6.QtCore import QObject

    from neurocoach.app import make_audio
    from neurocoach.core.session.clock import ManualClock
    from neurocoach.core.session.cues import CuePlanner
    from neurocoach.core.session.engine import SessionEngine
    from neurocoach.core.settings import Settings
    from tests.unit.core.helpers import make_routine, step

    monkeypatch.delitem(sys.modules, "neurocoach.audio.guide", raising=False)
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # as if libpulse0 were missing
    parent = QObject()
    audio = make_audio(Settings(), parent)
    assert "libpulse0" in audio.problems[0]
    planner = CuePlanner(SessionEngine(make_routine(step()), clock=ManualClock()))
    audio.attach(planner)
    assert planner.voice is False


def test_a_damaged_history_is_told_and_a_fresh_one_used(qtbot, qapp, neurocoach_home) -> None:
    from PySide6.QtWidgets import QMessageBox

    data = neurocoach_home / "data"
    data.mkdir(parents=True)
    (data / "history.sqlite3").write_bytes(b"garbage" * 500)
    window = open_main_window(qapp)
    qtbot.addWidget(window)
    store = window.store
    try:
        box = window.findChild(QMessageBox, "message")
        assert box is not None and "could not be read" in box.text()
        assert any(".damaged-" in p.name for p in data.iterdir())
        assert store.sessions() == []
    finally:
        for box in window.findChildren(QMessageBox):
            box.close()
        window.close()
        store.close()


def test_a_damaged_settings_file_is_told_and_the_defaults_used(qtbot, qapp, neurocoach_home):
    from PySide6.QtWidgets import QMessageBox

    config = neurocoach_home / "config"
    config.mkdir(parents=True)
    (config / "settings.yaml").write_text("version: 1\nvolume: [oops\n")
    window = open_main_window(qapp)
    qtbot.addWidget(window)
    store = window.store
    try:
        texts = [box.text() for box in window.findChildren(QMessageBox, "message")]
        assert any("settings file could not be read" in text for text in texts)
        assert (config / "settings.yaml.bad").read_text() == "version: 1\nvolume: [oops\n"
        assert window.settings["volume"] == 80
    finally:
        window.close()
        store.close()


def test_the_started_app_debounces_keys_at_its_window(qtbot, qapp) -> None:
    from PySide6.QtCore import Qt

    from neurocoach.app import create_app
    from neurocoach.ui.shell.key_debounce import KeyDebounceFilter

    app = create_app()
    keys = app.findChild(KeyDebounceFilter, "key_debounce")
    assert keys is not None
    window = open_main_window(app)
    qtbot.addWidget(window)
    store = window.store
    try:
        qtbot.waitUntil(lambda: app.focusWindow() is window.windowHandle())
        row = window.routine_list.list.currentRow()
        qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Down)
        qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Down)  # at once: dropped
        assert keys.ignored == 1
        assert window.routine_list.list.currentRow() == row + 1
    finally:
        keys.unwatch(app)
        keys.deleteLater()
        window.close()
        store.close()


def test_the_sound_is_made_just_after_the_first_paint(qtbot, tmp_path) -> None:
    """Not before the window is seen (it is slow to load), and not on the first Enter (its
    voice takes over a second to start, and the key would seem to do nothing)."""
    from neurocoach.app import when_painted
    from neurocoach.audio.silent import SilentAudio
    from neurocoach.core.history.store import HistoryStore
    from neurocoach.ui.shell.main_window import MainWindow

    made: list[SilentAudio] = []

    def make_audio() -> SilentAudio:
        made.append(SilentAudio("no sound in this test"))
        return made[-1]

    store = HistoryStore(tmp_path / "history.sqlite3")
    window = MainWindow([bundled_routines_dir()], store, audio_factory=make_audio)
    qtbot.addWidget(window)
    try:
        watcher = when_painted(window)
        window.show()
        assert not made  # not before the window is seen
        qtbot.waitSignal(watcher.painted, timeout=5000).wait()
        qtbot.waitUntil(lambda: len(made) == 1, timeout=5000)
        assert window.audio() is made[0]  # made once, kept
    finally:
        window.close()
        store.close()


def test_a_history_from_a_newer_version_is_left_alone_and_the_coach_goes_on(
    qtbot, qapp, neurocoach_home
) -> None:
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    data = neurocoach_home / "data"
    data.mkdir(parents=True)
    newer = data / "history.sqlite3"
    db = sqlite3.connect(newer)
    db.execute("CREATE TABLE sessions_of_the_future (id INTEGER)")
    db.execute("PRAGMA user_version = 99")
    db.close()
    before = newer.read_bytes()
    window = open_main_window(qapp)
    qtbot.addWidget(window)
    try:
        texts = [box.text() for box in window.findChildren(QMessageBox, "message")]
        assert any("saved by a newer version of NeuroCoach" in text for text in texts)
        assert window.routine_list.list.count() > 0  # the coach carries on
        assert window.store.path.name == "history-older-version.sqlite3"
        assert window.store.sessions() == []
    finally:
        for box in window.findChildren(QMessageBox):
            box.close()
        window.close()
        window.store.close()
    assert newer.read_bytes() == before


def test_start_at_log_in_writes_and_removes_the_autostart_file(qtbot, qapp, neurocoach_home):
    """The setting, changed as the settings window changes it, writes a desktop file that
    starts this installation in the background, and takes it away again."""
    window = open_main_window(qapp)
    qtbot.addWidget(window)
    entry = neurocoach_home / "autostart" / "org.neurocoach.NeuroCoach.desktop"
    try:
        window.settings.set("start_at_login", True)
        text = entry.read_text()
        assert "--background" in text and "Exec=" in text
        window.settings.set("start_at_login", False)
        assert not entry.exists()
    finally:
        window.close()
        window.store.close()


def test_a_background_start_with_no_tray_keeps_a_window_and_says_why(qtbot, qapp, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from neurocoach.ui.shell import background
    from neurocoach.ui.shell.background import NO_TRAY

    monkeypatch.setattr(background, "TRAY_WAIT_SECONDS", 1)  # the panel is given 1 s, not 10
    window = open_main_window(qapp, background=True)
    qtbot.addWidget(window)
    try:
        assert not window.isVisible()  # waiting for a panel that may still be starting
        qtbot.waitUntil(window.isVisible, timeout=3000)  # minimised (no window manager here)
        box = window.findChild(QMessageBox, "message")
        assert box is not None and box.text() == NO_TRAY
    finally:
        window.close()
        window.store.close()
