"""A private D-Bus session bus and a recording notification server, for tests.

Nothing here reaches the person's own session: the bus is a dbus-daemon of our own, with a
configuration that lists no service folders, so no call can start the real notification
daemon (D-Bus activation) behind a test's back. Fixtures wrapping these are in conftest.py;
test files import what they use from here.
"""

from __future__ import annotations

import contextlib
import json
import os
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jeepney import DBusAddress, DBusErrorResponse, new_method_call
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection
from jeepney.wrappers import unwrap_msg

SERVER_SCRIPT = Path(__file__).with_name("notification_server.py")
NOTIFICATIONS = DBusAddress(
    "/org/freedesktop/Notifications",
    bus_name="org.freedesktop.Notifications",
    interface="org.freedesktop.Notifications",
)
TEST_CONTROL = DBusAddress(
    "/org/freedesktop/Notifications",
    bus_name="org.freedesktop.Notifications",
    interface="org.neurocoach.Test",
)
START_SECONDS = 5.0  # for a process to be ready; each is ready in well under a second
CALL_SECONDS = 2.0  # for a D-Bus reply

BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@dataclass
class SessionBus:
    """A running private session bus."""

    address: str
    process: subprocess.Popen[bytes]

    def connect(self) -> DBusConnection:
        """A new jeepney connection to this bus (close it, or use it in a with block)."""
        return open_dbus_connection(bus=self.address)

    def has_owner(self, name: str) -> bool:
        with self.connect() as connection:
            reply = connection.send_and_get_reply(
                message_bus.NameHasOwner(name), timeout=CALL_SECONDS
            )
        return bool(reply.body[0])


def read_line(process: subprocess.Popen[bytes], errors: Path, what: str) -> str:
    """The first line a child prints, within START_SECONDS; a clear failure otherwise (with
    what it wrote to `errors`, its stderr)."""
    stream = process.stdout
    assert stream is not None
    deadline = time.monotonic() + START_SECONDS
    with selectors.DefaultSelector() as selector:
        selector.register(stream, selectors.EVENT_READ)
        while time.monotonic() < deadline:
            if selector.select(deadline - time.monotonic()):
                line = stream.readline().decode().strip()
                if line:
                    return line
                break  # end of file: the process has ended
    end(process)
    raise AssertionError(f"{what} did not start: {errors.read_text(errors='replace').strip()}")


@contextlib.contextmanager
def running_session_bus(folder: Path) -> Iterator[SessionBus]:
    """A dbus-daemon of our own (its configuration in `folder`), ended on leaving."""
    daemon = shutil.which("dbus-daemon")
    assert daemon, "dbus-daemon is missing: apt-get install dbus-daemon"
    # The socket in a short folder of its own: a Unix socket's path has at most 107 bytes.
    sockets = Path(tempfile.mkdtemp(prefix="neurocoach-bus-"))
    config = folder / "session-bus.conf"
    config.write_text(BUS_CONFIG.format(socket=sockets / "bus"), encoding="utf-8")
    errors = folder / "session-bus.stderr"
    with errors.open("wb") as stderr:  # a file, not a pipe: a full pipe would block it
        process = subprocess.Popen(
            [daemon, f"--config-file={config}", "--nofork", "--nopidfile", "--print-address=1"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=stderr,
        )
    try:
        address = read_line(process, errors, "dbus-daemon")
        yield SessionBus(address, process)
    finally:
        end(process)
        shutil.rmtree(sockets, ignore_errors=True)


def end(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(START_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    if process.stdout is not None:
        process.stdout.close()


class NotificationServer:
    """tests/desktop/notification_server.py running on `bus`, and what it was asked.

    `owner` is the server's unique bus name: the sender of every signal it emits.
    """

    def __init__(self, bus: SessionBus, folder: Path, *, actions: bool = True) -> None:
        handle, record = tempfile.mkstemp(dir=folder, prefix="notification-calls-", suffix=".jsonl")
        os.close(handle)
        self.record = Path(record)  # the server's JSON lines
        self._errors = self.record.with_suffix(".stderr")
        command = [sys.executable, str(SERVER_SCRIPT), "--record", str(self.record)]
        if not actions:
            command.append("--no-actions")
        with self._errors.open("wb") as errors:
            self.process = subprocess.Popen(
                command,
                env={**os.environ, "DBUS_SESSION_BUS_ADDRESS": bus.address},
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=errors,
            )
        self._control: DBusConnection | None = None
        self._stopped = False
        try:
            ready = read_line(self.process, self._errors, "the notification server")
            assert ready.startswith("ready "), ready
            self.owner = ready.split()[1]
            self._control = bus.connect()
            owner = self._control.send_and_get_reply(
                message_bus.GetNameOwner(NOTIFICATIONS.bus_name), timeout=CALL_SECONDS
            )
            assert owner.body == (self.owner,), f"{owner.body} own the name, not the server"
        except BaseException:
            self._stopped = True
            if self._control is not None:
                self._control.close()
            end(self.process)
            raise

    def calls(self) -> list[dict[str, Any]]:
        """Every call so far, oldest first: one dict per JSON line of the record."""
        *lines, _being_written = self.record.read_text(encoding="utf-8").split("\n")
        return [json.loads(line) for line in lines if line.strip()]

    def wait_for_calls(self, n: int, timeout: float = 5.0) -> list[dict[str, Any]]:
        """The calls once there are at least `n`; fails after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            calls = self.calls()
            if len(calls) >= n:
                return calls
            if self.process.poll() is not None:
                raise AssertionError(f"the notification server ended: {self.errors()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"{len(calls)} calls after {timeout} s, not {n}: {calls}")
            time.sleep(0.01)

    def invoke(self, notification_id: int, action_key: str) -> None:
        """Press a button: ActionInvoked(id, key), then NotificationClosed(id, 2) unless the
        notification has the "resident" hint. Fails if no such notification or button."""
        self._tell("Invoke", "us", (notification_id, action_key))

    def close(self, notification_id: int, reason: int = 2) -> None:
        """The notification goes away: NotificationClosed(id, reason); 1 expired, 2 dismissed
        by the person (the default), 3 closed by CloseNotification, 4 undefined."""
        self._tell("Close", "uu", (notification_id, reason))

    def stop(self) -> None:
        """End the server (doing it twice is fine); fails if it had ended by itself."""
        if self._stopped:
            return
        self._stopped = True
        if self._control is not None:
            self._control.close()
            self._control = None
        crashed = self.process.poll()
        end(self.process)
        if crashed is not None:
            raise AssertionError(f"the notification server ended by itself: {self.errors()}")

    def errors(self) -> str:
        return self._errors.read_text(encoding="utf-8", errors="replace").strip()

    def _tell(self, method: str, signature: str, body: tuple[Any, ...]) -> None:
        assert self._control is not None, "the notification server was stopped"
        reply = self._control.send_and_get_reply(
            new_method_call(TEST_CONTROL, method, signature, body), timeout=CALL_SECONDS
        )
        try:
            unwrap_msg(reply)
        except DBusErrorResponse as error:
            raise AssertionError(
                f"the notification server refused {method}{body}: {error}"
            ) from None
