"""A month on one page, with the days exercised marked: big, plain, keyboard-friendly.

Qt's own calendar has small arrow buttons and tiny day cells; this one has 64 px Previous
and Next month buttons and day squares that say "done" in words for screen readers.
"""

from __future__ import annotations

import calendar
from datetime import date

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from neurocoach.core.session.wording import count_text
from neurocoach.ui.common import theme
from neurocoach.ui.common.widgets import big_button, text_label

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class MonthCalendar(QWidget):
    def __init__(self, days: set[date], today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("month_calendar")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.days = days
        self.today = today
        self.month = date(today.year, today.month, 1)
        self.previous_button = big_button("Previous month", "←", self)
        self.next_button = big_button("Next month", "→", self)
        self.title = text_label("", self, role="subtitle", wrap=False)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        top = QHBoxLayout()
        top.addWidget(self.previous_button)
        top.addWidget(self.title, 1)
        top.addWidget(self.next_button)
        self.grid = QGridLayout()
        self.grid.setSpacing(6)
        for column, name in enumerate(WEEKDAYS):
            head = text_label(name, self, role="muted", wrap=False)
            head.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.grid.addWidget(head, 0, column)
        self.cells: list[QLabel] = []
        for number in range(42):
            cell = QLabel(self)
            cell.setAlignment(Qt.AlignmentFlag.AlignCenter)
            cell.setMinimumSize(64, 56)
            self.cells.append(cell)
            self.grid.addWidget(cell, 1 + number // 7, number % 7)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.grid)
        self.previous_button.clicked.connect(self._on_previous_clicked)
        self.next_button.clicked.connect(self._on_next_clicked)
        self.show_month(self.month)

    def show_month(self, month: date) -> None:
        self.month = date(month.year, month.month, 1)
        self.title.setText(self.month.strftime("%B %Y"))
        weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
        dates = [day for week in weeks for day in week]
        done = 0
        colours = theme.current
        for cell, day in zip(self.cells, dates + [None] * (42 - len(dates)), strict=True):
            if day is None or day.month != month.month:
                cell.setText("")
                cell.setStyleSheet("")
                cell.setAccessibleName("")
                continue
            exercised = day in self.days
            done += exercised
            cell.setText(f"{day.day} ✓" if exercised else str(day.day))
            style = "border-radius: 8px; font-weight: bold;"
            if exercised:
                style += f"background: {colours.accent}; color: {colours.on_accent};"
            if day == self.today:
                style += f"border: 4px solid {colours.focus};"
            cell.setStyleSheet(style)
            cell.setAccessibleName(f"{day:%d %B}: {'exercised' if exercised else 'no exercise'}")
        self.setAccessibleName(f"{self.title.text()}: exercised on {count_text(done, 'day')}")
        self.next_button.setEnabled(self.month < date(self.today.year, self.today.month, 1))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Left:
            self._on_previous_clicked()
        elif event.key() == Qt.Key.Key_Right and self.next_button.isEnabled():
            self._on_next_clicked()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    @Slot()
    def _on_previous_clicked(self) -> None:
        year, month = (
            (self.month.year, self.month.month - 1)
            if self.month.month > 1
            else (self.month.year - 1, 12)
        )
        self.show_month(date(year, month, 1))

    @Slot()
    def _on_next_clicked(self) -> None:
        year, month = (
            (self.month.year, self.month.month + 1)
            if self.month.month < 12
            else (self.month.year + 1, 1)
        )
        self.show_month(date(year, month, 1))
