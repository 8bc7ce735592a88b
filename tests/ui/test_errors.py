"""An unexpected error is logged with its traceback and told in plain words; the app goes on."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from neurocoach.app import open_main_window
from neurocoach.error_handling import LOG_NAME


@pytest.mark.qt_no_exception_capture
def test_an_error_in_the_event_loop_is_logged_and_shown(qtbot, qapp, neurocoach_home) -> None:
    window = open_main_window(qapp)
    qtbot.addWidget(window)
    store = window.store  # opens the history (run_gui: after the first paint)
    saved_hook = sys.excepthook
    try:

        def broken() -> None:
            raise ValueError("a test fault, on purpose")

        QTimer.singleShot(0, broken)
        qtbot.waitUntil(lambda: window.findChild(QMessageBox, "message") is not None)
        box = window.findChild(QMessageBox, "message")
        assert "met a problem it did not expect" in box.text()
        assert "saved" in box.text()
        log = (neurocoach_home / "log" / LOG_NAME).read_text()
        assert "ValueError: a test fault, on purpose" in log
        assert "Traceback" in log
        assert window.isVisible()  # still running
        box.close()
    finally:
        sys.excepthook = saved_hook
        window.close()
        store.close()


def test_a_history_that_cannot_be_written_is_told_once_and_saved_later(make_app, monkeypatch):
    import sqlite3

    from tests.ui.helpers import start_routine

    app = make_app()
    real_begin = app.store.begin_session

    def full(*args):  # type: ignore[no-untyped-def]
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(app.store, "begin_session", full)
    start_routine(app)
    box = app.window.findChild(QMessageBox, "message")
    assert box is not None and "could not be saved just now" in box.text()
    box.close()
    app.window.session.driver.engine.stop()
    assert app.window.session._retry.isActive()
    monkeypatch.setattr(app.store, "begin_session", real_begin)
    app.window.session._on_retry_timeout()
    (session,) = app.store.sessions()
    assert session.end_reason == "stopped"
    assert not app.window.session._retry.isActive()
