"""One coach at a time: a second launch brings the running window forward and exits.

The first NeuroCoach listens on a local socket named for the user and data folder; a later
launch that can connect asks it to come to the front. A socket left behind by a crash is
cleared away, so it never blocks the next start.

On Linux and macOS this is a plain Unix socket watched by a QSocketNotifier: it costs next to
nothing at start-up (QtNetwork alone takes longer to load than the whole first window).
Elsewhere QLocalServer does the same, loaded only there.
"""

from __future__ import annotations

import os
import socket
import tempfile
import zlib
from pathlib import Path

from PySide6.QtCore import QObject, QSocketNotifier, Signal, Slot

WAIT_SECONDS = 0.5


def instance_key(data_dir: str) -> str:
    user = os.environ.get("USER") or os.environ.get("USERNAME") or str(os.getuid())
    return f"neurocoach-{zlib.crc32(f'{user}:{data_dir}'.encode()):08x}"


def socket_path(key: str) -> Path:
    base = os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir()
    return Path(base) / key


class SingleInstance(QObject):
    """Signals: activated() when another launch asks this one to come forward."""

    activated = Signal()

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.path = socket_path(key)
        self.server: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None

    @property
    def listening(self) -> bool:
        return self.server is not None

    def claim(self) -> bool:
        """True: this is the only coach (and now listens). False: another one was told."""
        if not hasattr(socket, "AF_UNIX"):  # pragma: no cover - Windows
            return self._claim_with_qt()
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
                client.settimeout(WAIT_SECONDS)
                client.connect(str(self.path))
                client.sendall(b"show\n")
            return False
        except OSError:
            pass  # nobody listening: this is the only coach
        self.path.unlink(missing_ok=True)  # a socket left by a crashed coach
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            server.bind(str(self.path))
            os.chmod(self.path, 0o600)
            server.listen(4)
        except OSError:
            server.close()
            return True  # cannot listen: still start, just without the guard
        server.setblocking(False)
        self.server = server
        self._notifier = QSocketNotifier(server.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_notifier_activated)
        return True

    def close(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        if self.server is not None:
            self.server.close()
            self.server = None
            self.path.unlink(missing_ok=True)

    @Slot()
    def _on_notifier_activated(self) -> None:
        assert self.server is not None
        while True:
            try:
                connection, _ = self.server.accept()
            except (BlockingIOError, OSError):
                return
            connection.close()
            self.activated.emit()

    def _claim_with_qt(self) -> bool:  # pragma: no cover - Windows
        from PySide6.QtNetwork import QLocalServer, QLocalSocket

        client = QLocalSocket(self)
        client.connectToServer(self.key)
        if client.waitForConnected(int(WAIT_SECONDS * 1000)):
            client.write(b"show\n")
            client.waitForBytesWritten(int(WAIT_SECONDS * 1000))
            return False
        QLocalServer.removeServer(self.key)
        server = QLocalServer(self)
        if server.listen(self.key):
            server.newConnection.connect(self.activated.emit)
        return True
