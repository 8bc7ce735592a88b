"""The list of past sessions: a table model that builds no widget per cell, so ten thousand
sessions open as fast as ten."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from neurocoach.core.history.progress import feelings_summary, result_words
from neurocoach.core.history.store import Rating, SessionSummary
from neurocoach.core.session.wording import duration_text
from neurocoach.ui.history.table_fit import fit_columns

COLUMNS = ("When", "Routine", "Minutes", "Steps", "Result")

_Index = QModelIndex | QPersistentModelIndex


def row_values(session: SessionSummary) -> tuple[str, ...]:
    when = session.started_at.astimezone().strftime("%a %d %b %Y, %H:%M")
    seconds = session.duration_seconds
    took = "–" if seconds is None else ("under 1" if seconds < 60 else str(round(seconds / 60)))
    steps = f"{session.steps_done} of {session.step_count}"
    return when, session.routine_title, took, steps, result_words(session)


def details_text(session: SessionSummary, ratings: list[Rating]) -> str:
    """The selected session in a sentence, with how the user felt before and after."""
    when = session.started_at.astimezone().strftime("%A %d %B %Y at %H:%M")
    took = duration_text(session.duration_seconds) if session.duration_seconds else "no time"
    words = (
        f"{session.routine_title}, {when}: {result_words(session).lower()}, "
        f"{session.steps_done} of {session.step_count} steps in {took}."
    )
    feeling = feelings_summary(ratings)
    return words + (f" How you felt (before → after): {feeling}." if feeling else "")


class SessionTableModel(QAbstractTableModel):
    def __init__(
        self,
        sessions: list[SessionSummary],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.sessions = sessions

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.sessions)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        return row_values(self.sessions[index.row()])[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section]
        return None


def session_table(model: SessionTableModel, parent: QWidget) -> QTableView:
    table = QTableView(parent)
    table.setObjectName("history_table")
    table.setAccessibleName("Past sessions, newest first")
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionsClickable(False)  # titles only: nothing happens on a click
    header.setStretchLastSection(True)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    # The widths chosen for 100 % text while they do; wider, or wrapped, for larger text;
    # a header and three rows at least, however short the screen (the page scrolls then);
    # minutes and steps left out when narrow (the line under the table says them).
    fit_columns(table, widths=(340, 420, 140, 130), row_height=56, least_rows=3, optional=(2, 3))
    return table
