"""The desktop tests' session bus, recording server and dunst, for the window's reminders."""

from tests.desktop.conftest import (  # noqa: F401 (fixtures)
    dunst,
    notification_server,
    session_bus,
    start_notification_server,
    x_display,
)
