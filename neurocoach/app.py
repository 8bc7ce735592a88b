"""Starts NeuroCoach: reads the command line, builds the QApplication and the main window.

Qt is imported inside the functions, not at the top, so that --check, --help and --version
answer at once without loading Qt.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from neurocoach import __version__
from neurocoach.cli import check_files, parse_args
from neurocoach.paths import app_icon_pngs, app_paths, bundled_routines_dir, bundled_sounds_dir

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication

    from neurocoach.core.reminders.notifier import Notifier
    from neurocoach.core.session.sound import SessionAudio
    from neurocoach.core.settings import Settings
    from neurocoach.paths import AppPaths
    from neurocoach.ui.shell.background import Background
    from neurocoach.ui.shell.first_paint import FirstPaintWatcher
    from neurocoach.ui.shell.main_window import MainWindow

APP_ID = "org.neurocoach.NeuroCoach"


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.check:
        return check_files(args.check)
    if args.self_test:
        from neurocoach.self_test import run

        return run()
    return run_gui(args.routine, args.quit_after_paint, args.background)


def run_gui(
    routine_file: Path | None, quit_after_paint: bool = False, background: bool = False
) -> int:
    from neurocoach.ui.shell.one_coach_guard import OneCoachGuard, instance_key

    app = create_app()
    guard = OneCoachGuard(instance_key(str(app_paths().data_dir)), app)
    if not guard.claim(bring_forward=not background):
        if not background:
            print("NeuroCoach is already running: its window has been brought to the front.")
        return 0
    window = open_main_window(app, routine_file, background)
    guard.activated.connect(window.bring_forward)
    app.lastWindowClosed.connect(guard.stop_listening)  # the lock goes once all is saved
    first_paint = when_painted(window)
    if quit_after_paint:  # for bench/startup.py: the real start-up path, then leave
        first_paint.painted.connect(app.quit)
    try:
        return app.exec()
    finally:
        guard.close()
        window.store.close()


def when_painted(window: MainWindow) -> FirstPaintWatcher:
    """Start the sound layer just after the first paint, not before it and not when Enter is
    first pressed: its voice takes 1.3-1.5 s to start, so made on the first Enter, that key
    seemed to do nothing for over a second and invited a second press. Queued, so that a
    benchmark quitting at the paint leaves first."""
    from PySide6.QtCore import QTimer

    from neurocoach.ui.shell.first_paint import FirstPaintWatcher

    watcher = FirstPaintWatcher(window)
    watcher.painted.connect(lambda: QTimer.singleShot(0, lambda: listen(window)))
    return watcher


def listen(window: MainWindow) -> None:
    """The sound layer, then voice control beside it: the microphone opens only when the
    setting is on, and pocketsphinx is loaded only then. Voice control hears nothing while the
    coach's own voice or tones play (its echo guard is told of each)."""
    audio = window.audio()
    try:
        from neurocoach.audio.guide import AudioGuide
        from neurocoach.audio.voice_control import VoiceControl
    except ImportError as error:
        logging.getLogger(__name__).warning("voice control cannot load: %s", error)
        return
    from neurocoach.ui.shell.voice_commands import VoiceCommandRouter

    voice = VoiceControl(window.settings, parent=window)
    if isinstance(audio, AudioGuide):
        audio.speaker.started.connect(voice.coach_started_speaking)
        audio.speaker.idle.connect(voice.coach_finished_speaking)
        audio.tones.started.connect(voice.coach_played_tone)
    router = VoiceCommandRouter(window, voice, window.say)
    voice.command_heard.connect(router.on_command)
    voice.listening_changed.connect(router.refresh)

    def told(problem: str) -> None:
        window.tell(problem)
        window.say(problem)

    voice.problem_found.connect(told)
    window.voice_listener = voice


def create_app() -> QApplication:
    """The QApplication with our name, look and tremor-friendly key filter."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from neurocoach.ui.shell.key_debounce import KeyDebounceFilter

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("NeuroCoach")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    # PNGs rather than the SVG: Qt's SVG icon engine took 20 ms to load before the first paint.
    icon = QIcon()
    for png in app_icon_pngs():
        icon.addFile(str(png))
    app.setWindowIcon(icon)
    KeyDebounceFilter(parent=app).watch(app)  # the look comes with the settings
    return app


def open_main_window(
    app: QApplication, routine_file: Path | None = None, background: bool = False
) -> MainWindow:
    """Build and show the main window over the user's (or NEUROCOACH_HOME's) folders; in
    the background (the tray), if asked and there is a tray to wait in."""
    from neurocoach.core.history.recovery import open_history
    from neurocoach.core.settings_file import load_settings, save_settings
    from neurocoach.error_handling import install_excepthook, setup_logging
    from neurocoach.ui.shell.main_window import MainWindow
    from neurocoach.ui.shell.window_size import KeepOnScreen, open_on_screen

    paths = app_paths()
    paths.ensure()
    log_file = setup_logging(paths.log_dir)
    loaded = load_settings(paths.settings_file)
    if not paths.settings_file.exists():
        try:  # a file the user can find and read; a read-only folder only loses that
            save_settings(loaded.settings, paths.settings_file)
        except OSError as error:
            logging.getLogger(__name__).warning("settings could not be saved: %s", error)
    store, history_problem = open_history(paths.history_db)
    window = MainWindow(
        [bundled_routines_dir(), paths.user_routines_dir],
        store,
        loaded.settings,
        audio_factory=lambda: make_audio(loaded.settings, window),
    )
    open_on_screen(window, float(loaded.settings["text_scale"]))
    KeepOnScreen(window)
    keeper = remind(window, loaded.settings, paths)
    if background:
        keeper.start_hidden()
    else:
        window.show()
        # Take the keyboard at once: the arrow keys must work without a click first.
        window.raise_()
        window.activateWindow()
    follow_settings(app, loaded.settings, paths.settings_file, paths.autostart_dir, window.tell)
    install_excepthook(window.tell, log_file)
    for problem in (loaded.problem, history_problem):
        if problem:
            window.tell(problem)
    if routine_file is not None:
        window.open_routine_file(routine_file)
    return window


def remind(
    window: MainWindow,
    settings: Settings,
    paths: AppPaths,
    notifier: Callable[[], Notifier] | None = None,
    now: Callable[[], float] = time.time,
) -> Background:
    """The reminders, the "Today" line, the tray and the closing that only hides.

    The desktop's notifications (D-Bus) are reached at the first reminder, not at start-up
    (`notifier` stands in for them in tests, as `now` for the wall clock). The clock is first
    looked at once the window is up: what was missed while the coach was off is told then."""
    from PySide6.QtCore import QTimer

    from neurocoach.ui.reminders.reminder_controller import ReminderController
    from neurocoach.ui.shell.background import Background

    def desktop_notifications() -> Notifier:
        from neurocoach.desktop.notifications import DesktopNotifications

        return DesktopNotifications(icon=app_icon_pngs()[-1].as_uri(), parent=window)

    def say(text: str) -> None:
        audio = window.audio()
        if audio is not None:
            audio.announce(text)

    reminders = ReminderController(
        settings,
        lambda: window.store,
        window,
        window.session.active,
        window.routine_list.title_for,
        notifier or desktop_notifications,
        say,
        paths.reminders_state_file,
        now,
    )

    def show_today() -> None:
        window.routine_list.set_today(reminders.today().words())

    reminders.start_requested.connect(window.start_routine)
    reminders.today_changed.connect(show_today)
    window.session.session_started.connect(lambda _driver: reminders.routine_started())
    window.session.session_ended.connect(lambda _outcome: show_today())
    show_today()
    QTimer.singleShot(0, reminders.check)  # missed while off: told once, after the window
    background = Background(
        window, settings, reminders, window.routine_list.title_for, window.windowIcon()
    )
    QTimer.singleShot(0, background.look_for_tray)  # after the window is up (or hidden)
    return background


def follow_settings(
    app: QApplication,
    settings: Settings,
    path: Path,
    autostart_dir: Path | None = None,
    tell: Callable[[str], None] | None = None,
) -> None:
    """Apply the look and the key filter now, and again (and save) whenever a setting changes;
    write or remove the log-in start when that setting changes."""
    from neurocoach.core.settings_file import save_settings
    from neurocoach.ui.common import theme
    from neurocoach.ui.shell.key_debounce import KeyDebounceFilter

    keys = app.findChild(KeyDebounceFilter, "key_debounce")

    def apply(name: str) -> None:
        if name in ("", "theme", "text_scale"):
            theme.apply(app, str(settings["theme"]), float(settings["text_scale"]))
        if keys is not None and name in ("", "key_debounce_ms"):
            keys.seconds = float(settings["key_debounce_ms"]) / 1000

    def log_in_start() -> None:
        from neurocoach.desktop.autostart import set_autostart

        assert autostart_dir is not None
        problem = set_autostart(autostart_dir, bool(settings["start_at_login"]))
        if problem and tell is not None:
            tell(problem)

    def changed(name: str) -> None:
        apply(name)
        if name == "start_at_login" and autostart_dir is not None:
            log_in_start()
        try:
            save_settings(settings, path)
        except OSError as error:
            logging.getLogger(__name__).warning("settings could not be saved: %s", error)

    apply("")
    if settings["start_at_login"] and autostart_dir is not None:
        log_in_start()  # written again if this installation has moved (only if it has)
    settings.changed.connect(changed)


def make_audio(settings: Settings, parent: QObject) -> SessionAudio:
    """The sound layer, imported when first made (see `when_painted`).

    If they cannot load at all (a missing system library), the app stays silent but works.
    """
    try:
        from neurocoach.audio.guide import AudioGuide
    except ImportError as error:
        from neurocoach.audio.silent import SilentAudio, missing_modules_message

        logging.getLogger(__name__).warning("sound modules failed to load: %s", error)
        return SilentAudio(missing_modules_message(error))
    return AudioGuide(bundled_sounds_dir(), settings, parent=parent)


if __name__ == "__main__":
    sys.exit(main())
