"""Progress a user (and their clinician) can see: sessions, a calendar, minutes and routines,
how the symptoms went and the self-checks, with export to a PDF report or a CSV file.

Five views behind five big buttons (the self-checks' in self_checks_view.py); all but the
sessions are built the first time they are shown, so the window opens at once even with
years of sessions. On a short screen at large text the page
scrolls up and down (Back and Report stay in view); rows of buttons wrap, and the tables wrap
their text rather than cut it or scroll sideways.
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import date

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from neurocoach.core.history.progress import (
    current_streak,
    days_exercised,
    minutes_per_week,
    minutes_this_week,
    symptom_series,
    totals_per_routine,
)
from neurocoach.core.history.store import HistoryStore
from neurocoach.core.session.wording import count_text
from neurocoach.ui.common import theme
from neurocoach.ui.common.button_rows import ButtonRows
from neurocoach.ui.common.confirm_dialog import ConfirmDialog
from neurocoach.ui.common.controls import LabelBesideOrAbove
from neurocoach.ui.common.widgets import big_button, scroll_area, text_label
from neurocoach.ui.history.month_calendar import MonthCalendar
from neurocoach.ui.history.progress_charts import minutes_chart, symptoms_chart
from neurocoach.ui.history.self_checks_view import SelfChecksView
from neurocoach.ui.history.session_table import SessionTableModel, details_text, session_table
from neurocoach.ui.history.table_fit import fit_columns

VIEWS = ("Sessions", "Calendar", "Minutes and routines", "How I felt", "Self-checks")
VIEW_ICONS = ("list", "calendar", "chart", "heart", "stopwatch")
SELF_CHECKS_VIEW = 4
VIEW_START_SHOWN = 120  # px of the view in sight below the buttons when the page must scroll

_log = logging.getLogger(__name__)


class HistoryPage(QWidget):
    """Signals: back_requested() (Escape, Backspace or the Back button), report_requested()."""

    back_requested = Signal()
    report_requested = Signal()

    def __init__(
        self, store: HistoryStore, today: date | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("history_page")
        self.store = store
        self.today = today or date.today()
        body = QWidget(self)  # all but Back and Report, which stay in view
        heading = text_label("Your progress", body, role="title")
        self.summary = text_label("", body, role="subtitle")
        self.summary.setObjectName("history_summary")
        self.empty_note = text_label(
            "No sessions yet. Finished and stopped sessions appear here.", body, role="muted"
        )
        # What of the history could not be read (damaged or hand-edited rows), in plain words.
        self.unread_note = text_label("", body, role="muted")
        self.unread_note.setObjectName("history_unread")
        self.unread_note.setVisible(False)
        self.view_buttons = QButtonGroup(self)
        view_buttons = [
            big_button(name, str(n + 1), body, stacked=True, icon=icon)
            for n, (name, icon) in enumerate(zip(VIEWS, VIEW_ICONS, strict=True))
        ]
        for number, button in enumerate(view_buttons):
            button.setCheckable(True)
            self.view_buttons.addButton(button, number)
        switcher = ButtonRows(view_buttons, body)
        self.views = _ShownPageStack(body)
        self.sessions_view = QWidget(self.views)
        self.views.addWidget(self.sessions_view)
        for _ in VIEWS[1:]:
            self.views.addWidget(QWidget(self.views))  # built when first shown
        self.delete_button = big_button("Delete session", "Del", self.sessions_view, icon="delete")
        self.details = text_label("", self.sessions_view)
        self.details.setObjectName("session_details")
        self.back_button = big_button("Back", "Esc", self, primary=True, icon="back")
        self.report_button = big_button("Report and export…", "R", self, icon="report")
        bottom = ButtonRows([self.back_button, self.report_button], self, stretch=[1, 0])
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading)
        column.addWidget(self.summary)
        column.addWidget(self.empty_note)
        column.addWidget(self.unread_note)
        column.addWidget(switcher)
        column.addWidget(self.views, 1)
        self.scroll_area = scroll_area(body, self)
        layout = QVBoxLayout(self)
        theme.page_margins(layout, top=theme.SPACE["s"])
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(bottom)
        self.calendar: MonthCalendar | None = None
        self.confirm_delete: ConfirmDialog | None = None
        self.totals_table: QTableWidget | None = None
        self.self_checks_view: SelfChecksView | None = None
        self._built: set[int] = {0}
        self.view_buttons.idClicked.connect(self.show_view)

        self.back_button.clicked.connect(self.back_requested.emit)
        self.report_button.clicked.connect(self.report_requested.emit)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.reload()
        self.show_view(0)

    def reload(self) -> None:
        self.sessions = self.store.sessions()
        self.days = days_exercised(self.sessions)
        minutes_now = round(minutes_this_week(self.sessions, self.today))
        streak = current_streak(self.days, self.today)
        self.summary.setText(
            f"Exercised on {count_text(len(self.days), 'day')} · streak "
            f"{count_text(streak, 'day')} · {minutes_now} min this week"
        )
        self.empty_note.setVisible(not self.sessions)
        self.model = SessionTableModel(self.sessions, self)
        old = self.sessions_view.layout()
        if old is None:
            self.table = session_table(self.model, self.sessions_view)
            self.table.installEventFilter(self)
            column = QVBoxLayout(self.sessions_view)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(self.table, 1)
            # The details beside Delete, or above it when the page is narrow.
            delete = QHBoxLayout()
            delete.setContentsMargins(0, 0, 0, 0)
            delete.addWidget(self.delete_button)
            column.addLayout(LabelBesideOrAbove(self.details, delete))
        else:
            self.table.setModel(self.model)
            fit_columns(self.table)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.details.setText("")
        if self.sessions:
            self.table.selectRow(0)
            self._on_row_changed(self.model.index(0, 0))
        self.delete_button.setEnabled(bool(self.sessions))
        for number in list(self._built - {0}):
            self._rebuild(number)
        self._show_unread()

    def _show_unread(self, problem: str | None = None) -> None:
        words = " ".join(w for w in (problem, self.store.unread_words()) if w)
        self.unread_note.setText(words)
        self.unread_note.setVisible(bool(words))

    @Slot(int)
    def show_view(self, number: int) -> None:
        if number not in self._built:
            self._rebuild(number)
            self._built.add(number)
        self.view_buttons.button(number).setChecked(True)
        for shown, button in enumerate(self.view_buttons.buttons()):
            # The view on screen has the filled button, as the chosen number on the check-in.
            button.setProperty("primary", shown == number)
            button.setAccessibleDescription("shown now" if shown == number else "")
            button.style().unpolish(button)
            button.style().polish(button)
        self.views.setCurrentIndex(number)
        current = self.views.currentWidget()
        target = self.table if number == 0 or current is None else current.focusProxy() or current
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        # From the top (the heading and the view buttons in sight), scrolled down only as far
        # as it takes to see the start of the view with the keyboard: not to the view's top.
        self.scroll_area.verticalScrollBar().setValue(0)
        body = self.scroll_area.widget()
        if body is not None:
            top = target.mapTo(body, QPoint(0, 0)).y()
            self.scroll_area.ensureVisible(0, top, 0, VIEW_START_SHOWN)

    def _rebuild(self, number: int) -> None:
        old = self.views.widget(number)
        view = QWidget(self.views)
        column = QVBoxLayout(view)
        column.setContentsMargins(0, 0, 0, 0)
        if number == 1:
            self.calendar = MonthCalendar(self.days, self.today, view)
            column.addWidget(self.calendar)
            column.addStretch(1)
            view.setFocusProxy(self.calendar)
        elif number == 2:
            chart = minutes_chart(minutes_per_week(self.sessions, self.today, weeks=6), view)
            self.totals_table = self._totals(view)
            self.totals_table.installEventFilter(self)
            column.addWidget(chart, 1)
            column.addWidget(self.totals_table)
            view.setFocusProxy(self.totals_table)
        elif number == SELF_CHECKS_VIEW:
            checks = SelfChecksView(self.store.self_checks(), self.store.rating_history(), view)
            for table in checks.tables:
                table.installEventFilter(self)
            self.self_checks_view = checks
            column.addWidget(checks)
            view.setFocusProxy(checks)
            self._show_unread()
        else:
            series = symptom_series(self.store.rating_history())
            chart = symptoms_chart(series, view)
            column.addWidget(chart, 1)
            view.setFocusProxy(chart)
            self._show_unread()
        self.views.insertWidget(number, view)
        if old is not None:
            self.views.removeWidget(old)
            old.deleteLater()

    def _on_row_changed(self, current: object, _previous: object = None) -> None:
        row = current.row() if hasattr(current, "row") else -1
        if 0 <= row < len(self.sessions):
            session = self.sessions[row]
            # One session's ratings, read when it is chosen: not all of them at opening.
            self.details.setText(details_text(session, self.store.ratings(session.id)))
            self._show_unread()

    def _totals(self, parent: QWidget) -> QTableWidget:
        totals = totals_per_routine(self.sessions)
        table = QTableWidget(len(totals), 3, parent)
        table.setObjectName("routine_totals")
        table.setAccessibleName("Sessions and minutes for each routine")
        table.setHorizontalHeaderLabels(["Routine", "Sessions", "Minutes"])
        table.horizontalHeader().setSectionsClickable(False)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, total in enumerate(totals):
            for column, value in enumerate((total.title, total.sessions, round(total.minutes))):
                table.setItem(row, column, QTableWidgetItem(str(value)))
        # Up to three rows in view, their columns and heights from the text (see table_fit).
        fit_columns(table, widths=(520, 160), row_height=52, rows_shown=min(3, len(totals)))
        return table

    @Slot()
    def _on_delete_clicked(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        session = self.sessions[rows[0].row()]
        when = session.started_at.astimezone().strftime("%d %B %Y, %H:%M")
        self.confirm_delete = ConfirmDialog(
            "Delete this session?",
            f"{session.routine_title}, {when}. This cannot be undone.",
            "Yes, delete",
            "No, keep it",
            self,
            yes_icon="delete",
            no_icon="close",
        )
        self.confirm_delete.finished.connect(
            lambda result, sid=session.id: self._on_confirm_finished(result, sid)
        )
        self.confirm_delete.open()

    def _on_confirm_finished(self, result: int, session_id: int) -> None:
        dialog, self.confirm_delete = self.confirm_delete, None
        if dialog is not None:
            dialog.deleteLater()
        if result == QDialog.DialogCode.Accepted:
            try:
                self.store.delete_session(session_id)
            except sqlite3.Error as error:
                _log.warning("history: could not delete session %s: %s", session_id, error)
                self._show_unread(f"The session could not be deleted just now ({error}).")
                return
            self.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The view keys 1-5 work in the tables too (which would take digits for searching)."""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and _view_key(event.key())
            and not event.modifiers()
        ):
            self.show_view(event.key() - Qt.Key.Key_1)
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if _view_key(key):
            self.show_view(key - Qt.Key.Key_1)
            event.accept()
            return
        if key in (Qt.Key.Key_Escape, Qt.Key.Key_Backspace):
            self.back_requested.emit()
        elif key == Qt.Key.Key_Delete and self.views.currentIndex() == 0:
            self._on_delete_clicked()
        elif key == Qt.Key.Key_R:
            self.report_requested.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()


def _view_key(key: int) -> bool:
    """1 to 5: the number on each view's button."""
    return Qt.Key.Key_1 <= key < Qt.Key.Key_1 + len(VIEWS)


class _ShownPageStack(QStackedWidget):
    """A stack as large as the view shown, not the largest of them: the sessions and the
    charts need not scroll on a small screen because the calendar would."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(self._on_current_changed)

    def sizeHint(self) -> QSize:
        shown = self.currentWidget()
        return shown.sizeHint() if shown is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        shown = self.currentWidget()
        return shown.minimumSizeHint() if shown is not None else super().minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        shown = self.currentWidget()
        return shown is not None and shown.hasHeightForWidth()

    def heightForWidth(self, width: int) -> int:
        shown = self.currentWidget()
        return shown.heightForWidth(width) if shown is not None else -1

    @Slot(int)
    def _on_current_changed(self, _index: int) -> None:
        self.updateGeometry()
