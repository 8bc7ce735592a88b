"""One coach at a time: a second launch brings the running window forward and exits.

The first NeuroCoach listens on a local socket named for the user and data folder; a later
launch that can connect asks it to come to the front. A socket left behind by a crash is
cleared away, so it never blocks the next start.
"""

from __future__ import annotations

import getpass
import hashlib

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

WAIT_MS = 500


def instance_key(data_dir: str) -> str:
    digest = hashlib.sha1(f"{getpass.getuser()}:{data_dir}".encode()).hexdigest()[:16]
    return f"neurocoach-{digest}"


class SingleInstance(QObject):
    """Signals: activated() when another launch asks this one to come forward."""

    activated = Signal()

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.server: QLocalServer | None = None

    def claim(self) -> bool:
        """True: this is the only coach (and now listens). False: another one was told."""
        socket = QLocalSocket(self)
        socket.connectToServer(self.key)
        if socket.waitForConnected(WAIT_MS):
            socket.write(b"show\n")
            socket.flush()
            socket.waitForBytesWritten(WAIT_MS)
            socket.disconnectFromServer()
            return False
        QLocalServer.removeServer(self.key)  # a socket left by a crashed coach
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(self.key):
            return True  # cannot listen: still start, just without the guard
        self.server.newConnection.connect(self._on_server_new_connection)
        return True

    @Slot()
    def _on_server_new_connection(self) -> None:
        assert self.server is not None
        while self.server.hasPendingConnections():
            connection = self.server.nextPendingConnection()
            connection.disconnected.connect(connection.deleteLater)
            self.activated.emit()
