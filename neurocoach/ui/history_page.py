"""Past sessions, newest first, in a large read-only table."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from neurocoach.core.history import HistoryStore, SessionSummary
from neurocoach.core.wording import duration_text
from neurocoach.ui.widgets import big_button, text_label

COLUMNS = ("When", "Routine", "Time", "Steps done", "Result")


def result_text(session: SessionSummary) -> str:
    if session.end_reason is None:
        return "Interrupted"
    return {"finished": "Finished", "stopped": "Stopped", "closed": "Closed early"}.get(
        session.end_reason, session.end_reason
    )


def row_values(session: SessionSummary) -> tuple[str, ...]:
    local = session.started_at.astimezone()
    when = local.strftime("%a %d %b %Y, %H:%M")
    took = duration_text(session.duration_seconds) if session.duration_seconds is not None else "–"
    steps = f"{session.steps_done} of {session.step_count}"
    return when, session.routine_title, took, steps, result_text(session)


class HistoryPage(QWidget):
    """Signals: back_requested() (Escape, Backspace or the Back button)."""

    back_requested = Signal()

    def __init__(self, store: HistoryStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history_page")
        self.store = store
        heading = text_label("Your sessions", self, role="title")
        self.empty_note = text_label(
            "No sessions yet. Finished and stopped sessions appear here.", self, role="muted"
        )
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("history_table")
        self.table.setAccessibleName("Past sessions, newest first")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(56)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(False)  # titles only: nothing happens on a click
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.back_button = big_button("Back", "Esc", self, primary=True)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.back_button)
        self.back_button.clicked.connect(self.back_requested.emit)
        self.setFocusProxy(self.table)
        self.reload()

    def reload(self) -> None:
        sessions = self.store.sessions()
        self.table.setRowCount(len(sessions))
        for row, session in enumerate(sessions):
            for column, value in enumerate(row_values(session)):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.empty_note.setVisible(not sessions)
        if sessions:
            self.table.selectRow(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_Backspace):
            self.back_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)
