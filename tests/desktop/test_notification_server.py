"""The recording notification server answers as the spec says, and its signals reach a
client that keeps only what the name's owner sends."""

from __future__ import annotations

import time
from collections import deque

import pytest
from jeepney import DBusErrorResponse, HeaderFields, MatchRule, Message, new_method_call
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import DBusConnection, Proxy, open_dbus_connection
from jeepney.wrappers import unwrap_msg

from tests.desktop.dbus_helpers import (
    CALL_SECONDS,
    NOTIFICATIONS,
    NotificationServer,
    SessionBus,
)

SIGNALS = MatchRule(
    type="signal", interface=NOTIFICATIONS.interface, path=NOTIFICATIONS.object_path
)


class Client:
    """A notification client as the app's is written: it asks the bus for the signals of
    the notification interface and keeps those whose sender owns the name."""

    def __init__(self) -> None:
        self.connection: DBusConnection = open_dbus_connection()  # DBUS_SESSION_BUS_ADDRESS
        self.signals: deque[Message] = deque()
        self._filter = self.connection.filter(SIGNALS, queue=self.signals)
        bus = Proxy(message_bus, self.connection, timeout=CALL_SECONDS)
        bus.AddMatch(SIGNALS)
        (self.server,) = bus.GetNameOwner(NOTIFICATIONS.bus_name)

    def call(self, method: str, signature: str | None = None, body: tuple = ()) -> tuple:
        message = new_method_call(NOTIFICATIONS, method, signature, body)
        return unwrap_msg(self.connection.send_and_get_reply(message, timeout=CALL_SECONDS))

    def notify(self, summary: str, actions: list[str], replaces_id: int = 0, **hints) -> int:
        body = ("NeuroCoach", replaces_id, "org.neurocoach.NeuroCoach", summary, "Body")
        (notification_id,) = self.call("Notify", "susssasa{sv}i", (*body, actions, hints, -1))
        return notification_id

    def next_signal(self, timeout: float = CALL_SECONDS) -> tuple[str, tuple]:
        """The next signal from the name's owner, as (member, body)."""
        deadline = time.monotonic() + timeout
        while True:
            message = self.connection.recv_until_filtered(
                self.signals, timeout=max(deadline - time.monotonic(), 0)
            )
            if message.header.fields[HeaderFields.sender] == self.server:
                return message.header.fields[HeaderFields.member], message.body

    def no_signal_within(self, seconds: float) -> bool:
        try:
            self.next_signal(seconds)
        except TimeoutError:
            return True
        return False

    def close(self) -> None:
        self._filter.close()
        self.connection.close()


@pytest.fixture
def client(notification_server: NotificationServer):
    client = Client()
    assert client.server == notification_server.owner
    yield client
    client.close()


def test_notify_returns_increasing_ids_and_is_recorded_with_its_actions(
    client: Client, notification_server: NotificationServer
) -> None:
    first = client.notify("Hands, 10 minutes", ["start", "Start now", "later", "In 15 minutes"])
    second = client.notify("Feet", ["start", "Start now"], urgency=("y", 1))
    assert (first, second) == (1, 2)
    assert client.notify("Feet again", [], replaces_id=second) == second
    calls = notification_server.wait_for_calls(3)
    assert calls[0] == {
        "method": "Notify",
        "sender": client.connection.unique_name,
        "app_name": "NeuroCoach",
        "replaces_id": 0,
        "app_icon": "org.neurocoach.NeuroCoach",
        "summary": "Hands, 10 minutes",
        "body": "Body",
        "actions": ["start", "Start now", "later", "In 15 minutes"],
        "hints": [],
        "expire_timeout": -1,
        "id": 1,
    }
    assert calls[1]["hints"] == ["urgency"]
    assert (calls[2]["replaces_id"], calls[2]["id"]) == (2, 2)


def test_capabilities_and_server_information(
    client: Client, notification_server: NotificationServer
) -> None:
    assert client.call("GetCapabilities") == (["actions", "body"],)
    *_, spec_version = client.call("GetServerInformation")
    assert spec_version == "1.2"
    methods = [call["method"] for call in notification_server.wait_for_calls(2)]
    assert methods == ["GetCapabilities", "GetServerInformation"]


def test_a_server_without_actions_says_so(start_notification_server) -> None:
    server = start_notification_server(actions=False)
    client = Client()
    try:
        assert client.call("GetCapabilities") == (["body"],)
        notification_id = client.notify("Hands", ["start", "Start now"])
        with pytest.raises(AssertionError, match="no actions"):
            server.invoke(notification_id, "start")
    finally:
        client.close()


def test_invoke_sends_action_invoked_from_the_owner_then_closes(
    client: Client, notification_server: NotificationServer
) -> None:
    notification_id = client.notify("Hands", ["start", "Start now", "later", "In 15 minutes"])
    notification_server.invoke(notification_id, "later")
    assert client.next_signal() == ("ActionInvoked", (notification_id, "later"))
    assert client.next_signal() == ("NotificationClosed", (notification_id, 2))
    with pytest.raises(AssertionError, match="no notification"):
        notification_server.invoke(notification_id, "start")  # it is gone


def test_a_resident_notification_stays_after_its_button(
    client: Client, notification_server: NotificationServer
) -> None:
    notification_id = client.notify("Hands", ["start", "Start now"], resident=("b", True))
    notification_server.invoke(notification_id, "start")
    assert client.next_signal() == ("ActionInvoked", (notification_id, "start"))
    assert client.no_signal_within(0.1)
    notification_server.invoke(notification_id, "start")
    assert client.next_signal() == ("ActionInvoked", (notification_id, "start"))


def test_only_a_button_the_notification_has_can_be_pressed(
    client: Client, notification_server: NotificationServer
) -> None:
    notification_id = client.notify("Hands", ["start", "Start now"])
    with pytest.raises(AssertionError, match="no action 'snooze'"):
        notification_server.invoke(notification_id, "snooze")


def test_close_sends_notification_closed_with_the_reason(
    client: Client, notification_server: NotificationServer
) -> None:
    first = client.notify("Hands", ["start", "Start now"])
    second = client.notify("Feet", ["start", "Start now"])
    notification_server.close(first)
    assert client.next_signal() == ("NotificationClosed", (first, 2))
    notification_server.close(second, reason=1)
    assert client.next_signal() == ("NotificationClosed", (second, 1))


def test_close_notification_closes_with_reason_3_and_refuses_an_unknown_id(
    client: Client, notification_server: NotificationServer
) -> None:
    notification_id = client.notify("Hands", ["start", "Start now"])
    assert client.call("CloseNotification", "u", (notification_id,)) == ()
    assert client.next_signal() == ("NotificationClosed", (notification_id, 3))
    with pytest.raises(DBusErrorResponse):
        client.call("CloseNotification", "u", (notification_id,))
    calls = notification_server.wait_for_calls(3)
    assert [call["method"] for call in calls] == [
        "Notify",
        "CloseNotification",
        "CloseNotification",
    ]
    assert "error" in calls[2] and calls[2]["id"] == notification_id


def test_a_notify_with_a_signed_id_is_refused_as_real_servers_do(
    client: Client, notification_server: NotificationServer
) -> None:
    """QtDBus sends a Python int as signed: GNOME's, KDE's and dunst's servers refuse it."""
    body = ("NeuroCoach", 0, "", "Hands", "Body", [], {}, -1)
    with pytest.raises(DBusErrorResponse, match="InvalidArgs"):
        client.call("Notify", "sisssasa{sv}i", body)
    (call,) = notification_server.wait_for_calls(1)
    assert call["method"] == "Notify" and call["error"].endswith("InvalidArgs")


def test_no_server_means_no_owner_and_no_activation(session_bus: SessionBus) -> None:
    """The private bus starts nothing by itself (no service folders), so the app's "no
    server" path can be tested: the call fails at once."""
    assert not session_bus.has_owner(NOTIFICATIONS.bus_name)
    with session_bus.connect() as connection:
        message = new_method_call(NOTIFICATIONS, "GetCapabilities")
        reply = connection.send_and_get_reply(message, timeout=CALL_SECONDS)
    with pytest.raises(DBusErrorResponse, match="ServiceUnknown"):
        unwrap_msg(reply)


def test_a_second_server_on_the_same_bus_fails_clearly(
    notification_server: NotificationServer, start_notification_server
) -> None:
    with pytest.raises(AssertionError, match="owned already"):
        start_notification_server()
    with pytest.raises(AssertionError, match=r"0 calls after 0\.05 s, not 1"):
        notification_server.wait_for_calls(1, timeout=0.05)
