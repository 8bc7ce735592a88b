"""A freedesktop notification server that records what it is asked, for tests.

Run as its own process on a private session bus (tests/desktop/dbus_helpers.py starts it):

    python notification_server.py --record calls.jsonl [--no-actions]

It owns org.freedesktop.Notifications at /org/freedesktop/Notifications and serves the
Desktop Notifications Specification 1.2: Notify (ids from 1, replaces_id honoured),
CloseNotification (NotificationClosed with reason 3), GetCapabilities and
GetServerInformation. Each of those calls is one JSON line in the record file, written and
flushed before the reply is sent, so a test that has its reply can read the line. A call it
refuses (a Notify whose signature is not susssasa{sv}i, as a signed id would make it, or a
CloseNotification of an id not shown) is answered with a D-Bus error, as real servers do,
and recorded with "error" and "reason".

A test makes it do what a person would, through a private interface on the same object:
org.neurocoach.Test.Invoke(us) presses a button (ActionInvoked, then NotificationClosed with
reason 2 unless the notification has the "resident" hint, as the spec says) and
org.neurocoach.Test.Close(uu) closes one with the reason given. The signals are broadcast
from this process's own connection, so a client that keeps only the signals sent by the
name's owner receives them. A notification never expires by itself.

It reads jeepney and the standard library only, and prints "ready <unique name>" once the
name is its own. It never exits by itself: end it with SIGTERM.
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from pathlib import Path
from typing import Any

from jeepney import (
    DBusAddress,
    HeaderFields,
    Message,
    MessageType,
    new_error,
    new_method_return,
    new_signal,
)
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, open_dbus_connection

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
TEST_INTERFACE = "org.neurocoach.Test"
EMITTER = DBusAddress(PATH, interface=INTERFACE)
INVALID_ARGS = "org.freedesktop.DBus.Error.InvalidArgs"
DO_NOT_QUEUE = 4
PRIMARY_OWNER = 1
# NotificationClosed reasons
EXPIRED, DISMISSED, CLOSED_BY_CALL, UNDEFINED = 1, 2, 3, 4


class RefusedError(Exception):
    """A call the spec (or this server) does not accept: answered with a D-Bus error."""

    def __init__(self, message: str, error_name: str = INVALID_ARGS, **recorded: Any) -> None:
        super().__init__(message)
        self.error_name = error_name
        self.recorded = recorded  # what the record line says beside the error


class NotificationServer:
    def __init__(self, connection: DBusConnection, record: Path, actions: bool) -> None:
        self.connection = connection
        self.record = record.open("a", encoding="utf-8")
        self.actions = actions
        self.next_id = 1
        self.shown: dict[int, dict[str, Any]] = {}  # id -> its action keys, resident

    def serve_forever(self) -> None:
        while True:
            message = self.connection.receive()
            if message.header.message_type is MessageType.method_call:
                self.answer(message)

    def answer(self, call: Message) -> None:
        fields = call.header.fields
        interface = fields.get(HeaderFields.interface)
        member = fields.get(HeaderFields.member)
        signature = fields.get(HeaderFields.signature, "")
        handlers = {
            (INTERFACE, "Notify"): ("susssasa{sv}i", self.notify),
            (INTERFACE, "CloseNotification"): ("u", self.close_notification),
            (INTERFACE, "GetCapabilities"): ("", self.get_capabilities),
            (INTERFACE, "GetServerInformation"): ("", self.get_server_information),
            (TEST_INTERFACE, "Invoke"): ("us", self.invoke),
            (TEST_INTERFACE, "Close"): ("uu", self.close),
            ("org.freedesktop.DBus.Peer", "Ping"): ("", lambda call: ("", ())),
        }
        found = [key for key in handlers if key[1] == member and interface in (None, key[0])]
        try:
            if not found:
                raise RefusedError(
                    f"no method {interface}.{member}", "org.freedesktop.DBus.Error.UnknownMethod"
                )
            expected, handler = handlers[found[0]]
            if signature != expected:
                raise RefusedError(f"{member} takes ({expected}), not ({signature})")
            reply_signature, body = handler(call)
            self.connection.send(new_method_return(call, reply_signature or None, body))
        except RefusedError as refused:
            if interface == INTERFACE or any(key[0] == INTERFACE for key in found):
                self.write(
                    {
                        "method": member,
                        **refused.recorded,
                        "error": refused.error_name,
                        "reason": str(refused),
                    }
                )
            self.connection.send(new_error(call, refused.error_name, "s", (str(refused),)))
        except Exception:
            traceback.print_exc()
            error = traceback.format_exc(limit=3)
            self.connection.send(
                new_error(call, "org.freedesktop.DBus.Error.Failed", "s", (error,))
            )

    def notify(self, call: Message) -> tuple[str, tuple[Any, ...]]:
        app_name, replaces_id, app_icon, summary, body, actions, hints, expire = call.body
        if len(actions) % 2:
            raise RefusedError("actions come in pairs: key, then the words on the button")
        if replaces_id:  # "the returned value is the same value as replaces_id"
            notification_id = replaces_id
        else:
            while self.next_id in self.shown:
                self.next_id += 1
            notification_id, self.next_id = self.next_id, self.next_id + 1
        resident = hints.get("resident", ("b", False))[1] is True
        self.shown[notification_id] = {"actions": actions[0::2], "resident": resident}
        self.write(
            {
                "method": "Notify",
                "sender": call.header.fields.get(HeaderFields.sender),
                "app_name": app_name,
                "replaces_id": replaces_id,
                "app_icon": app_icon,
                "summary": summary,
                "body": body,
                "actions": list(actions),
                "hints": sorted(hints),
                "expire_timeout": expire,
                "id": notification_id,
            }
        )
        return "u", (notification_id,)

    def close_notification(self, call: Message) -> tuple[str, tuple[Any, ...]]:
        (notification_id,) = call.body
        if notification_id not in self.shown:  # the spec: "an empty D-BUS Error message"
            raise RefusedError(f"no notification {notification_id}", id=notification_id)
        self.write({"method": "CloseNotification", "id": notification_id})
        self.closed(notification_id, CLOSED_BY_CALL)
        return "", ()

    def get_capabilities(self, call: Message) -> tuple[str, tuple[Any, ...]]:
        self.write({"method": "GetCapabilities"})
        return "as", ((["actions", "body"] if self.actions else ["body"]),)

    def get_server_information(self, call: Message) -> tuple[str, tuple[Any, ...]]:
        self.write({"method": "GetServerInformation"})
        return "ssss", ("NeuroCoach test server", "NeuroCoach", "1.0", "1.2")

    def invoke(self, call: Message) -> tuple[str, tuple[Any, ...]]:
        notification_id, action_key = call.body
        shown = self.shown.get(notification_id)
        if shown is None:
            raise RefusedError(f"no notification {notification_id} is shown")
        if not self.actions:
            raise RefusedError("this server has no actions (--no-actions)")
        if action_key not in shown["actions"]:
            raise RefusedError(f"notification {notification_id} has no action {action_key!r}")
        self.emit("ActionInvoked", "us", (notification_id, action_key))
        if not shown["resident"]:
            self.closed(notification_id, DISMISSED)
        return "", ()

    def close(self, call: Message) -> tuple[str, tuple[Any, ...]]:
        notification_id, reason = call.body
        if notification_id not in self.shown:
            raise RefusedError(f"no notification {notification_id} is shown")
        self.closed(notification_id, reason)
        return "", ()

    def closed(self, notification_id: int, reason: int) -> None:
        del self.shown[notification_id]
        self.emit("NotificationClosed", "uu", (notification_id, reason))

    def emit(self, signal: str, signature: str, body: tuple[Any, ...]) -> None:
        self.connection.send(new_signal(EMITTER, signal, signature, body))

    def write(self, line: dict[str, Any]) -> None:
        self.record.write(json.dumps(line) + "\n")
        self.record.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", type=Path, required=True, help="append each call here")
    parser.add_argument(
        "--no-actions", action="store_true", help='a server without buttons: no "actions"'
    )
    args = parser.parse_args(argv)
    connection = open_dbus_connection(bus="SESSION")
    reply = connection.send_and_get_reply(message_bus.RequestName(NAME, DO_NOT_QUEUE), timeout=5)
    if reply.body != (PRIMARY_OWNER,):
        print(f"{NAME} is owned already (RequestName answered {reply.body})", file=sys.stderr)
        return 1
    server = NotificationServer(connection, args.record, actions=not args.no_actions)
    print("ready", connection.unique_name, flush=True)
    server.serve_forever()
    return 0


if __name__ == "__main__":
    sys.exit(main())
