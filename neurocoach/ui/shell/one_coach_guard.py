"""One coach at a time: a second launch brings the running window forward and exits.

Qt's own classes, because the hand-written Unix socket used before failed on a busy machine:
a "show" that met the first coach's early close was taken for "nobody is running", and the
newcomer deleted the running coach's socket and opened a second coach.

- Who is the coach is decided by a QLockFile in the runtime folder, named for the user and
  data folder: whoever takes it is the coach. A lock left by a crashed coach is cleared by Qt
  (its process is gone), so it never blocks the next start.
- The coach then listens on a QLocalServer (first clearing a socket left by a crash). A later
  launch connects, retrying while the coach may still be starting, says "show" and gives way;
  it never deletes anything. Only if the lock comes free meanwhile (the coach has closed)
  does it become the coach itself.

Importing QtNetwork costs about 5 ms of start-up; a guard that holds under load is worth it.
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
import zlib
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

CONNECT_SECONDS = 5.0  # how long a later launch waits for a coach that is still starting
ACK_MS = 3000  # how long it then waits for the coach to say it came forward (asked again after)
SHOW = b"show\n"
ACK = b"ok\n"


def instance_key(data_dir: str) -> str:
    user = os.environ.get("USER") or os.environ.get("USERNAME") or str(os.getuid())
    return f"neurocoach-{zlib.crc32(f'{user}:{data_dir}'.encode()):08x}"


def runtime_dir() -> Path:
    return Path(os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir())


class OneCoachGuard(QObject):
    """Signals: activated() when another launch asks this one to come forward."""

    activated = Signal()

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.lock_path = runtime_dir() / f"{key}.lock"
        # a named pipe on Windows; elsewhere a socket file beside the lock
        self.server_name = key if sys.platform == "win32" else str(runtime_dir() / key)
        self._lock: QLockFile | None = None
        self._server: QLocalServer | None = None

    @property
    def listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    def claim(self, bring_forward: bool = True) -> bool:
        """True: this is the coach (and listens). False: another coach runs and was asked to
        come forward (unless `bring_forward` is False: a start in the background, at log-in,
        leaves a running coach as it is).

        A later launch keeps trying both ways until CONNECT_SECONDS have passed: the coach may
        still be starting (not yet listening), or closing (its lock about to be free, when
        this launch becomes the coach).
        """
        lock = QLockFile(str(self.lock_path))
        lock.setStaleLockTime(0)  # only a dead owner makes the lock stale, never its age
        deadline = time.monotonic() + CONNECT_SECONDS
        while True:
            if lock.tryLock(0):
                self._lock = lock
                self._listen()
                return True
            if lock.error() == QLockFile.LockError.LockFailedError and self._unreadable(lock):
                continue  # an empty lock file (a crash or a full disk while writing it)
            if lock.error() != QLockFile.LockError.LockFailedError:
                log.warning(
                    "cannot use the lock file %s (%s): starting without the one-coach check",
                    self.lock_path,
                    lock.error().name,
                )
                return True
            if not bring_forward or self._ask_the_coach():
                return False
            if time.monotonic() >= deadline:
                log.warning("another coach holds %s but does not answer", self.lock_path)
                return False
            time.sleep(0.1)

    def stop_listening(self) -> None:
        """The coach is closing: answer no more launches (they wait for the lock instead, and
        the next one becomes the coach once this one has saved its history and let go)."""
        if self._server is not None:
            self._server.close()  # removes the socket file
            self._server = None

    def close(self) -> None:
        self.stop_listening()
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def _unreadable(self, lock: QLockFile) -> bool:
        """A lock file that names no process and is older than a launch takes: Qt never
        counts it stale (its age does not count here), so it is cleared."""
        pid, _host, _app = lock.getLockInfo()
        try:
            age = time.time() - self.lock_path.stat().st_mtime
        except OSError:
            return False
        if pid or age < CONNECT_SECONDS:
            return False
        log.warning("clearing the unreadable lock file %s", self.lock_path)
        return lock.removeStaleLockFile()

    def _listen(self) -> None:
        QLocalServer.removeServer(self.server_name)  # a socket left by a crashed coach
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.server_name):
            # Still the only coach (it holds the lock); later launches give way unheard.
            log.warning("cannot listen on %s: %s", self.server_name, server.errorString())
            server.deleteLater()
            return
        server.newConnection.connect(self._on_new_connection)
        self._server = server

    def _ask_the_coach(self) -> bool:
        """Say "show" to the coach and wait for its answer; False if it could not be reached."""
        client = QLocalSocket(self)
        try:
            client.connectToServer(self.server_name)
            if not client.waitForConnected(500):
                return False
            client.write(SHOW)
            client.waitForBytesWritten(ACK_MS)
            # The coach says "ok" once it has come forward. No answer: it may be closing, so
            # try the lock again rather than leave the person with no coach at all.
            return client.waitForReadyRead(ACK_MS) and client.readLine().data() == ACK
        finally:
            client.abort()
            client.deleteLater()

    @Slot()
    def _on_new_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            # A slot that asks for its sender: with a functools.partial holding the socket,
            # PySide 6.11 crashed when the socket was deleted.
            connection.readyRead.connect(self._on_ready_read)
            connection.disconnected.connect(connection.deleteLater)
            self._read(connection)  # what came with the connection

    @Slot()
    def _on_ready_read(self) -> None:
        connection = self.sender()
        if isinstance(connection, QLocalSocket):
            self._read(connection)

    def _read(self, connection: QLocalSocket) -> None:
        if not connection.canReadLine():
            if connection.bytesAvailable() > len(SHOW):
                connection.abort()  # not one of ours
            return
        if connection.readLine(len(SHOW) + 1).data() == SHOW:
            log.info("another launch asked for this coach: bringing it forward")
            self.activated.emit()
            connection.write(ACK)
        connection.disconnectFromServer()  # once the answer is written
