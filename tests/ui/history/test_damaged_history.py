"""The History window over each damaged or odd history: it opens, every view is shown, rows
that could not be read are told in plain words, and a session done afterwards is listed.

A Qt warning or an uncaught exception fails these tests (pytest-qt's settings).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from neurocoach.core.history.recovery import open_history
from neurocoach.ui.common import theme
from neurocoach.ui.history.history_page import VIEWS, HistoryPage
from tests.ui.accessibility import audit
from tests.unit.core.history.test_damaged import T0, VARIANTS, record_session


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_the_history_window_opens_over_a_damaged_history(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, name: str
) -> None:
    theme.apply(qapp)
    path = tmp_path / "history.sqlite3"
    VARIANTS[name].build(path)
    store, _message = open_history(path)
    try:
        page = HistoryPage(store, today=(T0 + timedelta(days=400)).date())
        qtbot.addWidget(page)
        page.resize(1280, 800)
        page.show()
        qtbot.waitExposed(page)
        for number in range(len(VIEWS)):
            page.show_view(number)
        page.show_view(0)
        for row in range(page.model.rowCount()):
            page.table.selectRow(row)
        skipped = VARIANTS[name].skipped
        assert page.unread_note.isVisibleTo(page) == bool(skipped)
        if skipped:
            assert f"{skipped} saved entr" in page.unread_note.text()
            assert page.unread_note.text() == store.unread_words()
        assert audit(page) == []
        record_session(store)
        page.reload()
        assert page.sessions[0].routine_id == "after-recovery"
        assert "Finished" in page.model.data(page.model.index(0, 4))
        page.close()
    finally:
        store.close()
