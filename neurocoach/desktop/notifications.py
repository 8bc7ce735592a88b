"""Desktop notifications with buttons ("Start now", "In 15 minutes"), over D-Bus.

The freedesktop notification service (org.freedesktop.Notifications) is what GNOME, KDE,
Xfce, dunst and the rest all serve; QSystemTrayIcon.showMessage has no buttons, so we speak
the protocol ourselves, through jeepney (PySide6's QtDBus cannot send Notify's unsigned id).

Nothing here ever waits: the call is sent, and its reply and the server's signals are read
when the socket has something (a QSocketNotifier), so a hung notification server cannot
freeze the coach. Every failure (no session bus, no server, a server that goes away) ends in
`shown(False)`, so the caller can remind some other way.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from jeepney import DBusAddress, HeaderFields, MatchRule, MessageType, new_method_call
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection
from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Slot

log = logging.getLogger(__name__)

SERVICE = DBusAddress(
    "/org/freedesktop/Notifications",
    bus_name="org.freedesktop.Notifications",
    interface="org.freedesktop.Notifications",
)
DESKTOP_ENTRY = "org.neurocoach.NeuroCoach"  # which app it is from (its .desktop file's name)
# A reminder stays until answered: dunst's default takes it away after 10 s, easily missed.
NEVER_EXPIRES = 0
REPLY_MS = 3000  # a server that has not answered by then is taken as absent
CLOSED_DISMISSED = 2  # NotificationClosed's reason when the person closed it


@dataclass
class _Shown:
    shown: Callable[[bool], None]
    chosen: Callable[[str], None]
    closed: Callable[[], None]


class DesktopNotifications(QObject):
    """Shows notifications and passes on the button pressed. One D-Bus connection, made at
    the first notification (not at start-up), made again after it was lost. `icon`: a
    file:// address or an icon theme's name."""

    def __init__(
        self,
        app_name: str = "NeuroCoach",
        icon: str = "",
        parent: QObject | None = None,
        connect: Callable[[], DBusConnection] = open_dbus_connection,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("desktop_notifications")
        self.app_name = app_name
        self.icon = icon
        self._connect = connect
        self._connection: DBusConnection | None = None
        self._reader: QSocketNotifier | None = None
        self._server: str | None = None  # the unique bus name of the server that answered
        self._waiting: dict[int, tuple[_Shown, QTimer]] = {}  # call serial -> who asked
        self._shown: dict[int, _Shown] = {}  # notification id -> who asked

    def notify(
        self,
        summary: str,
        body: str,
        actions: Sequence[tuple[str, str]],
        shown: Callable[[bool], None],
        chosen: Callable[[str], None],
        closed: Callable[[], None] = lambda: None,
    ) -> None:
        """Show a notification with buttons (key, words). Later: `shown(True)` once the
        server has it, or `shown(False)`; then `chosen(key)` for a button, or `closed()`
        when it went away unanswered."""
        asked = _Shown(shown, chosen, closed)
        connection = self._connection or self._open()
        if connection is None:
            QTimer.singleShot(0, self, lambda: shown(False))
            return
        flat = [word for pair in actions for word in pair]
        hints = {"desktop-entry": ("s", DESKTOP_ENTRY), "urgency": ("y", 1)}
        message = new_method_call(
            SERVICE,
            "Notify",
            "susssasa{sv}i",
            (self.app_name, 0, self.icon, summary, body, flat, hints, NEVER_EXPIRES),
        )
        serial = self._send(message)
        if serial is None:
            QTimer.singleShot(0, self, lambda: shown(False))
            return
        timer = QTimer(self)
        timer.setObjectName("notification_reply")
        timer.setSingleShot(True)
        timer.timeout.connect(lambda: self._on_no_reply(serial))
        timer.start(REPLY_MS)
        self._waiting[serial] = (asked, timer)

    def withdraw_all(self) -> None:
        """Take down every notification still shown (the routine was started, or done)."""
        for notification_id in list(self._shown):
            self._shown.pop(notification_id)
            message = new_method_call(SERVICE, "CloseNotification", "u", (notification_id,))
            self._send(message)

    def close(self) -> None:
        """Let go of the bus (at quit); what is waiting hears `shown(False)`."""
        for serial in list(self._waiting):
            self._fail(serial)
        self._drop_connection()

    # --- the connection ------------------------------------------------------------------
    def _open(self) -> DBusConnection | None:
        try:
            connection = self._connect()
        except (OSError, KeyError, ValueError, RuntimeError) as error:
            # KeyError: no DBUS_SESSION_BUS_ADDRESS at all (a bare console, the tests)
            log.info("no session bus for notifications: %r", error)
            return None
        rule = MatchRule(type="signal", interface=SERVICE.interface, path=SERVICE.object_path)
        self._connection = connection
        self._send(message_bus.AddMatch(rule))
        reader = QSocketNotifier(connection.sock.fileno(), QSocketNotifier.Type.Read, self)
        reader.activated.connect(self._on_readable)
        self._reader = reader
        return connection

    def _send(self, message: Any) -> int | None:
        if self._connection is None:
            return None
        serial = int(next(self._connection.outgoing_serial))
        try:
            self._connection.send(message, serial=serial)
        except OSError as error:
            log.info("the session bus went away: %s", error)
            self._drop_connection()
            return None
        return serial

    def _drop_connection(self) -> None:
        if self._reader is not None:
            self._reader.setEnabled(False)
            self._reader.deleteLater()
            self._reader = None
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        self._server = None
        for notification_id in list(self._shown):
            self._shown.pop(notification_id).closed()

    @Slot()
    def _on_readable(self) -> None:
        while (connection := self._connection) is not None:  # None once dropped
            try:
                message = connection.receive(timeout=0)
            except TimeoutError:
                return  # nothing more for now
            except (OSError, ValueError) as error:
                log.info("the session bus went away: %s", error)
                for serial in list(self._waiting):
                    self._fail(serial)
                self._drop_connection()
                return
            self._dispatch(message)

    def _dispatch(self, message: Any) -> None:
        header = message.header
        kind = header.message_type
        if kind in (MessageType.method_return, MessageType.error):
            serial = header.fields.get(HeaderFields.reply_serial)
            if serial not in self._waiting:
                return
            asked, timer = self._waiting.pop(serial)
            timer.stop()
            timer.deleteLater()
            if kind is MessageType.error or not message.body:
                log.info("no notification shown: %s", message.body)
                asked.shown(False)
                return
            self._server = header.fields.get(HeaderFields.sender)
            self._shown[int(message.body[0])] = asked
            asked.shown(True)
        elif kind is MessageType.signal:
            if header.fields.get(HeaderFields.sender) != self._server:
                return  # only the server that showed ours speaks of them
            member = header.fields.get(HeaderFields.member)
            notification_id = int(message.body[0])
            if member == "ActionInvoked" and notification_id in self._shown:
                # Answered: taken down (GNOME and KDE do it themselves; dunst leaves it).
                asked = self._shown.pop(notification_id)
                self._send(new_method_call(SERVICE, "CloseNotification", "u", (notification_id,)))
                asked.chosen(str(message.body[1]))
            elif member == "NotificationClosed" and notification_id in self._shown:
                self._shown.pop(notification_id).closed()

    def _on_no_reply(self, serial: int) -> None:
        log.info("the notification server did not answer in %d ms", REPLY_MS)
        self._fail(serial)

    def _fail(self, serial: int) -> None:
        asked, timer = self._waiting.pop(serial)
        timer.stop()
        timer.deleteLater()
        asked.shown(False)
