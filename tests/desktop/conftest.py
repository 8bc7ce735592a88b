"""Fixtures for the desktop tests: a private session bus and a recording notification
server on it (the machinery is in dbus_helpers.py, which test files import)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.desktop.dbus_helpers import NotificationServer, SessionBus, running_session_bus
from tests.desktop.dunst_helpers import dunst, x_display  # noqa: F401 (fixtures)


@pytest.fixture
def session_bus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[SessionBus]:
    """A dbus-daemon of the test's own, set as DBUS_SESSION_BUS_ADDRESS; ended afterwards."""
    with running_session_bus(tmp_path) as bus:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", bus.address)
        yield bus


@pytest.fixture
def start_notification_server(
    session_bus: SessionBus, tmp_path: Path
) -> Iterator[Callable[..., NotificationServer]]:
    """`start_notification_server(actions=True)`: a recording server on the session bus,
    ready (it owns org.freedesktop.Notifications) when returned, stopped afterwards."""
    started: list[NotificationServer] = []

    def start(*, actions: bool = True) -> NotificationServer:
        server = NotificationServer(session_bus, tmp_path, actions=actions)
        started.append(server)
        return server

    yield start
    problems = []
    for server in started:
        try:
            server.stop()
        except AssertionError as problem:
            problems.append(str(problem))
    assert not problems, problems


@pytest.fixture
def notification_server(
    start_notification_server: Callable[..., NotificationServer],
) -> NotificationServer:
    """A recording server with buttons ("actions") on the test's session bus."""
    return start_notification_server()
