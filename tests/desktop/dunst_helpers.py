"""Debian's dunst, the real notification server, on an Xvfb screen and our private bus,
for the tests (fixtures `x_display` and `dunst`, imported by the conftest files).

A button is pressed the way a dunst user does it from the keyboard: dunst's context menu
(`dunstctl context`, here org.dunstproject.cmd0.ContextMenuCall over D-Bus), with the
menu program ("dmenu" in dunstrc) replaced by a script that picks the button the test wrote
into a file. dunst must be installed: Debian package dunst (CI installs it).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections import deque
from collections.abc import Iterator
from pathlib import Path

import pytest
from jeepney import DBusAddress, HeaderFields, MatchRule, Message, Properties, new_method_call
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, Proxy
from jeepney.wrappers import unwrap_msg

from tests.desktop.dbus_helpers import CALL_SECONDS, NOTIFICATIONS, START_SECONDS, SessionBus

DUNST = DBusAddress(
    NOTIFICATIONS.object_path, bus_name=NOTIFICATIONS.bus_name, interface="org.dunstproject.cmd0"
)
SIGNALS = MatchRule(type="signal", interface=NOTIFICATIONS.interface)
# dunst offers each button to the menu program as a line "#Start now (Hands) [2,start]".
PICKER = """#!/bin/sh
grep -m1 -F "$(cat '{choice}')"
"""
DUNSTRC = """[global]
    dmenu = {picker}
    browser = /bin/true
"""


@pytest.fixture
def x_display() -> Iterator[str]:
    """An Xvfb screen for dunst to draw on; its DISPLAY."""
    assert shutil.which("Xvfb"), "Xvfb is missing: apt-get install xvfb"
    read, write = os.pipe()  # Xvfb picks a free display itself and writes its number here
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1024x768x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=(write,),
    )
    os.close(write)
    with os.fdopen(read) as answer:
        number = answer.readline().strip()
    assert number, "Xvfb did not start"
    yield f":{number}"
    server.terminate()
    server.wait(5)


class Dunst:
    """dunst on the test's bus, and a client connection that hears its signals."""

    def __init__(self, bus: SessionBus, display: str, folder: Path) -> None:
        assert shutil.which("dunst"), "dunst is missing: apt-get install dunst"
        self.choice = folder / "dunst-choice"
        picker = folder / "dunst-picker"
        picker.write_text(PICKER.format(choice=self.choice))
        picker.chmod(0o755)
        config = folder / "dunstrc"
        config.write_text(DUNSTRC.format(picker=picker))
        self.errors = folder / "dunst.stderr"
        with self.errors.open("w") as errors:
            self.process = subprocess.Popen(
                ["dunst", "-config", str(config)],
                env={
                    **{k: v for k, v in os.environ.items() if k != "WAYLAND_DISPLAY"},  # X only
                    "DISPLAY": display,
                    "DBUS_SESSION_BUS_ADDRESS": bus.address,
                },
                stdout=subprocess.DEVNULL,
                stderr=errors,
            )
        self.connection: DBusConnection = bus.connect()
        self.signals: deque[Message] = deque()
        self.connection.filter(SIGNALS, queue=self.signals)
        self.bus = Proxy(message_bus, self.connection, timeout=CALL_SECONDS)
        self.bus.AddMatch(SIGNALS)
        try:
            self.owner = self.until(self._owner, "dunst to own org.freedesktop.Notifications")
        except BaseException:
            self.stop()
            raise

    def _owner(self) -> str | None:
        if self.process.poll() is not None:
            raise AssertionError(f"dunst ended: {self.errors.read_text()}")
        (owned,) = self.bus.NameHasOwner(NOTIFICATIONS.bus_name)
        return self.bus.GetNameOwner(NOTIFICATIONS.bus_name)[0] if owned else None

    def call(self, address: DBusAddress, method: str, signature=None, body=()) -> tuple:
        message = new_method_call(address, method, signature, body)
        return unwrap_msg(self.connection.send_and_get_reply(message, timeout=CALL_SECONDS))

    def notify(self, summary: str, actions: list[str]) -> int:
        body = ("NeuroCoach", 0, "", summary, "Body", actions, {}, 0)  # 0: never expires
        (notification_id,) = self.call(NOTIFICATIONS, "Notify", "susssasa{sv}i", body)
        # dunst queues it first; its menu and its keys act on the ones on the screen
        self.until(lambda: self.displayed() >= 1 or None, f"notification {notification_id} shown")
        return notification_id

    def displayed(self) -> int:
        message = Properties(DUNST).get("displayedLength")
        reply = unwrap_msg(self.connection.send_and_get_reply(message, timeout=CALL_SECONDS))
        return int(reply[0][1])

    def press(self, notification_id: int, action_key: str) -> None:
        """Choose a button in dunst's context menu, as `dunstctl context` does."""
        self.choice.write_text(f"[{notification_id},{action_key}]")
        self.call(DUNST, "ContextMenuCall")

    def next_signal(self) -> tuple[str, tuple]:
        """The next signal sent by the name's owner, as (member, body)."""
        deadline = time.monotonic() + START_SECONDS
        while True:
            remaining = max(deadline - time.monotonic(), 0)
            message = self.connection.recv_until_filtered(self.signals, timeout=remaining)
            if message.header.fields[HeaderFields.sender] == self.owner:
                return message.header.fields[HeaderFields.member], message.body

    def until(self, check, what: str):
        deadline = time.monotonic() + START_SECONDS
        while (result := check()) is None:
            assert time.monotonic() < deadline, f"waited {START_SECONDS} s for {what}"
            time.sleep(0.01)
        return result

    def stop(self) -> None:
        self.connection.close()
        self.process.terminate()
        self.process.wait(5)


@pytest.fixture
def dunst(session_bus: SessionBus, x_display: str, tmp_path: Path) -> Iterator[Dunst]:
    server = Dunst(session_bus, x_display, tmp_path)
    yield server
    server.stop()
