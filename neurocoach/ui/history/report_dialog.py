"""Export the history: a PDF report for a clinician, or a CSV file, for a chosen period.

The window keeps to the screen at any text size: the period's choices and the buttons wrap
into rows, and the notes box gives up height (it scrolls) before anything else does.
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from neurocoach.core.history.export import write_csv
from neurocoach.core.history.progress import Period
from neurocoach.core.history.store import HistoryStore
from neurocoach.core.session.wording import count_text
from neurocoach.ui.common import theme
from neurocoach.ui.common.button_rows import ButtonRows
from neurocoach.ui.common.controls import ChoiceField
from neurocoach.ui.common.file_dialogs import choose_file_to_save
from neurocoach.ui.common.screen_fit import fit_to_screen
from neurocoach.ui.common.widgets import big_button, scroll_area, text_label
from neurocoach.ui.history.clinician_report import write_report

PERIODS = {"30": "Last 30 days", "90": "Last 90 days", "365": "Last 12 months", "all": "Everything"}


class ReportDialog(QDialog):
    def __init__(self, store: HistoryStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("report_dialog")
        self.setWindowTitle("Report and export")
        self.store = store
        self.saved_to: Path | None = None
        # All but the buttons and what they did scroll up and down when the screen is short
        # (200 % text on a 768 px screen); those stay in view.
        body = QWidget(self)
        self.period = ChoiceField("Period", PERIODS, "90", body)
        notes_label = text_label("Notes for your doctor or therapist (optional):", body)
        self.notes = QPlainTextEdit(body)
        self.notes.setAccessibleName("Notes for your doctor or therapist")
        self.notes.setMinimumHeight(140)
        self.notes.setTabChangesFocus(True)
        self.status = text_label("", self, role="muted")
        self.pdf_button = big_button("Save report (PDF)…", "", self, primary=True, icon="report")
        self.csv_button = big_button("Save table (CSV)…", "", self, icon="save")
        self.close_button = big_button("Close", "Esc", self, icon="close")
        buttons = ButtonRows([self.pdf_button, self.csv_button, self.close_button], self)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(text_label("Report and export", body, role="title"))
        column.addWidget(self.period)
        column.addWidget(notes_label)
        column.addWidget(self.notes, 1)
        layout = QVBoxLayout(self)
        theme.page_margins(layout)
        self.scroll_area = scroll_area(body, self)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.status)  # where the file went: in view above the buttons
        layout.addWidget(buttons)
        self.pdf_button.clicked.connect(self._on_pdf_clicked)
        self.csv_button.clicked.connect(self._on_csv_clicked)
        self.close_button.clicked.connect(self.accept)
        self.period.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            fit_to_screen(self)

    def chosen_period(self, today: date | None = None) -> Period:
        today = today or date.today()
        choice = self.period.current
        if choice == "all":
            return Period.since_first(self.store.sessions(), today)
        return Period.last_days(int(choice), today)

    def _ask(self, title: str, name: str, filters: str) -> Path | None:
        return choose_file_to_save(self, title, str(Path.home() / name), filters)

    @Slot()
    def _on_pdf_clicked(self) -> None:
        path = self._ask(
            "Save the report", f"neurocoach-report-{date.today():%Y-%m-%d}.pdf", "PDF (*.pdf)"
        )
        if path is None:
            return
        pages = write_report(self.store, str(path), self.chosen_period(), self.notes.toPlainText())
        self._done(
            path, f"The report ({pages} page{'s' if pages != 1 else ''}) is saved as {path}."
        )

    @Slot()
    def _on_csv_clicked(self) -> None:
        path = self._ask(
            "Save the table", f"neurocoach-sessions-{date.today():%Y-%m-%d}.csv", "CSV (*.csv)"
        )
        if path is None:
            return
        period = self.chosen_period()
        since = datetime.combine(period.first, time.min).astimezone()
        rows = write_csv(self.store, path, since)
        verb = "is" if rows == 1 else "are"
        self._done(path, f"{count_text(rows, 'session')} {verb} saved as {path}.")

    def _done(self, path: Path, message: str) -> None:
        self.saved_to = path
        # A long path may break after any "/" (a zero-width space there), not widen the window.
        self.status.setText(message.replace(str(path), str(path).replace("/", "/\u200b")))
