"""Running in the background, so reminders come: a tray icon, and closing that hides.

With reminders planned and "Keep running in the background" on, closing the window hides it
to the tray instead of quitting (said once, in the tray's own message); Quit (Ctrl+Q, or the
tray's Quit: `MainWindow.quit`) really quits. The tray (QSystemTrayIcon, which speaks
StatusNotifierItem to KDE, GNOME with AppIndicator, Xfce and others) offers Start now, Open
NeuroCoach, Stop reminders for today and Quit.

Where there is no tray (GNOME without the AppIndicator extension, a bare window manager),
the coach never hides with no way back: closing quits as usual, and a start in the
background keeps a window, minimised, that says why.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, SignalInstance, Slot
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from neurocoach.core.settings import Settings
from neurocoach.ui.reminders.reminder_controller import ReminderController
from neurocoach.ui.shell.main_window import MainWindow

NO_TRAY = (
    "NeuroCoach was started in the background to remind you, but this desktop has no tray "
    "to wait in, so its window stays open, minimised. Leave it open for the reminders to come."
)
TRAY_WAIT_SECONDS = 10  # at log-in, how long the panel may take to offer its tray

HIDDEN = (
    "NeuroCoach keeps running here, so that your reminders come. "
    "To close it altogether, choose Quit in this menu or press Ctrl+Q in its window."
)


class CoachTray(QObject):
    """The tray icon and its menu. Signals: open_requested(), start_requested(),
    quiet_requested(), quit_requested()."""

    open_requested = Signal()
    start_requested = Signal()
    quiet_requested = Signal()
    quit_requested = Signal()

    def __init__(self, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tray")
        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setToolTip("NeuroCoach")
        self.menu = QMenu()
        self.start_action = self._add("Start now", self.start_requested)
        self.open_action = self._add("Open NeuroCoach", self.open_requested)
        self.quiet_action = self._add("Stop reminders for today", self.quiet_requested)
        self.quiet_action.setCheckable(True)
        self.menu.addSeparator()
        self.quit_action = self._add("Quit", self.quit_requested)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._on_icon_activated)

    def _add(self, text: str, signal: SignalInstance) -> QAction:
        action = QAction(text, self.menu)
        action.triggered.connect(signal.emit)
        self.menu.addAction(action)
        return action

    def set_next(self, title: str | None, quiet: bool) -> None:
        """The menu's first line names what Start now starts; none left today: greyed."""
        self.start_action.setText(f"Start {title} now" if title else "Start now (nothing planned)")
        self.start_action.setEnabled(title is not None)
        self.quiet_action.setChecked(quiet)
        self.quiet_action.setEnabled(not quiet)

    @Slot(QSystemTrayIcon.ActivationReason)
    def _on_icon_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_requested.emit()

    def close(self) -> None:
        self.icon.hide()
        self.menu.deleteLater()


class Background(QObject):
    """Keeps the coach running when its window is closed, while reminders are planned.

    An event filter on the window's Close: the window itself still ends a session when it
    closes (what was done is saved) and needs to know nothing of trays."""

    def __init__(
        self,
        window: MainWindow,
        settings: Settings,
        reminders: ReminderController,
        title: Callable[[str], str],
        icon: QIcon,
        tray_available: Callable[[], bool] = QSystemTrayIcon.isSystemTrayAvailable,
    ) -> None:
        super().__init__(window)
        self.setObjectName("background")
        self.window = window
        self.settings = settings
        self.reminders = reminders
        self._title = title
        self._told_hidden = False
        self._icon = icon
        self._tray_available = tray_available
        self._looked = False
        self._tries = 0
        self._tray_timer = QTimer(self)
        self._tray_timer.setObjectName("tray_wait")
        self._tray_timer.setSingleShot(True)
        self._tray_timer.setInterval(1000)
        self._tray_timer.timeout.connect(self._wait_for_tray)
        self.tray: CoachTray | None = None
        window.installEventFilter(self)

    def look_for_tray(self) -> None:
        """Ask the desktop for a tray and put the icon in it. Done once the window is up
        (app.py), not before the first paint: with no session bus, Qt takes 30 ms to ask."""
        if self._looked:
            return
        self._looked = True
        if not self._tray_available():
            return
        self.tray = CoachTray(self._icon, self)
        self.tray.open_requested.connect(self.open_window)
        self.tray.start_requested.connect(self._on_tray_start_requested)
        self.tray.quiet_requested.connect(self.reminders.quiet_today)
        self.tray.quit_requested.connect(self.window.quit)
        self.tray.menu.aboutToShow.connect(self._refresh_menu)
        self._refresh_menu()
        self.settings.changed.connect(self._on_settings_changed)
        self._on_settings_changed("reminders")

    @property
    def wanted(self) -> bool:
        """Whether to stay running with the window closed: something to remind of, the
        setting on, and a tray to come back from."""
        return (
            self.tray is not None
            and bool(self.settings.reminders)
            and bool(self.settings["keep_running"])
        )

    def start_hidden(self) -> None:
        """`--background` (a start at log-in): in the tray; with no tray, a minimised
        window that says why, so the coach is never out of reach.

        At log-in the panel may come up after the coach: it is asked again each second for
        TRAY_WAIT_SECONDS before the window is shown instead."""
        self._tries = 0
        self._wait_for_tray()

    def _wait_for_tray(self) -> None:
        self.look_for_tray()
        if self.wanted:
            return  # in the tray; the window waits, hidden
        if self.tray is None and self._tries < TRAY_WAIT_SECONDS:
            self._tries += 1
            self._looked = False
            self._tray_timer.start()
            return
        self.window.showMinimized()  # nothing to remind of, or nowhere to wait
        if self.tray is None:
            self.window.tell(NO_TRAY)

    @Slot()
    def open_window(self) -> None:
        if self.window.isMinimized() or self.window.isHidden():
            self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            if not self.window.quitting and self.wanted:
                self.window.session.close()  # ended as "closed" and saved, as on a real close
                self.window.hide()
                event.ignore()
                if self.tray is not None and not self._told_hidden:
                    self._told_hidden = True
                    self.tray.icon.showMessage("NeuroCoach", HIDDEN)
                return True
            self.reminders.stop()  # closing for real: the app ends once all is saved
            self._tray_timer.stop()
            if self.tray is not None:
                self.tray.close()
        return super().eventFilter(watched, event)

    def _refresh_menu(self) -> None:
        if self.tray is None:
            return
        planned = self.reminders.next_planned()
        title = self._title(planned.reminder.routine_id) if planned is not None else None
        self.tray.set_next(title, self.reminders.is_quiet())

    def _on_tray_start_requested(self) -> None:
        planned = self.reminders.next_planned()
        if planned is not None:
            self.reminders.start_requested.emit(planned.reminder.routine_id)

    def _on_settings_changed(self, name: str) -> None:
        """The tray icon shows while there is something to remind of."""
        if self.tray is not None and name in ("reminders", "keep_running"):
            self.tray.icon.setVisible(bool(self.settings.reminders))
