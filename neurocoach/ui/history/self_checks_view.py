"""The History's Self-checks view: each measure over time, with the change that matters in words.

Per measure a heading, a small table of dates and results, and how it moved from the first to
the latest; then a line per symptom for the 0-10 ratings before sessions. Every number and
word comes from the core (neurocoach.core.self_checks.change); this only lays them out. The
tables wrap at large text like the History's others (table_fit) and show up to four rows,
scrolling for more, so a long record does not push the ratings far down the page.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from neurocoach.core.history.store import Rating
from neurocoach.core.self_checks.change import (
    day_words,
    latest_change_words,
    measure_series,
    rating_change_lines,
    value_words,
)
from neurocoach.core.self_checks.measures import MEASURES, SelfCheckResult
from neurocoach.ui.common.widgets import text_label
from neurocoach.ui.history.table_fit import fit_columns

EMPTY_WORDS = (
    "No self-checks yet. Self-checks (Ctrl+K, or View > Self-checks…) has a tapping test, "
    "a chair stand, a balance check and a questionnaire."
)
ROWS_SHOWN = 4  # rows of a measure's table in view; more scroll inside it


class SelfChecksView(QWidget):
    """Shows the results it is given; built again (by the History page) when they change."""

    def __init__(
        self,
        results: Iterable[SelfCheckResult],
        ratings: Iterable[tuple[datetime, Rating]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("self_checks_view")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.series = measure_series(results)
        self.tables: list[QTableWidget] = []
        self.change_labels: dict[str, QLabel] = {}
        self.empty_note = text_label(EMPTY_WORDS, self, role="muted")
        self.empty_note.setObjectName("self_checks_empty")
        self.empty_note.setVisible(not self.series)
        column.addWidget(self.empty_note)
        for key, found in self.series.items():
            name = MEASURES[key].name
            column.addWidget(text_label(name, self, role="subtitle"))
            table = _results_table(name, found, self)
            self.tables.append(table)
            column.addWidget(table)
            words = text_label(latest_change_words(found), self)
            words.setObjectName(f"change_{key}")
            self.change_labels[key] = words
            column.addWidget(words)
        self.rating_lines = rating_change_lines(ratings)
        if self.rating_lines:
            column.addWidget(text_label("The 0-10 ratings before sessions", self, role="subtitle"))
            for line in self.rating_lines:
                column.addWidget(text_label(line, self))
        column.addStretch(1)
        if self.tables:
            self.setFocusProxy(self.tables[0])


def _results_table(name: str, results: list[SelfCheckResult], parent: QWidget) -> QTableWidget:
    """Date and result of each, the newest at the top (as the sessions list)."""
    table = QTableWidget(len(results), 2, parent)
    table.setObjectName(f"self_check_table_{results[0].measure}")
    table.setAccessibleName(f"{name}: each result with its date")
    table.setHorizontalHeaderLabels(["Date", "Result"])
    table.horizontalHeader().setSectionsClickable(False)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    for row, result in enumerate(reversed(results)):
        table.setItem(row, 0, QTableWidgetItem(day_words(result.taken_at)))
        table.setItem(row, 1, QTableWidgetItem(value_words(result)))
    fit_columns(table, widths=(300, 400), row_height=52, rows_shown=min(ROWS_SHOWN, len(results)))
    return table
