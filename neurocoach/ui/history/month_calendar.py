"""A month on one page, with the days exercised marked: big, plain, keyboard-friendly.

Qt's own calendar has small arrow buttons and tiny day cells; this one has 64 px Previous
and Next month buttons and day squares that say "done" in words for screen readers. When the
buttons and the month's name do not fit on one line (200 % text on a small screen), the
name goes above the buttons; the day squares grow with the text.
"""

from __future__ import annotations

import calendar
from datetime import date

from PySide6.QtCore import QRect, QSize, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from neurocoach.core.session.wording import count_text
from neurocoach.ui.common import theme
from neurocoach.ui.common.item_layout import ItemListLayout
from neurocoach.ui.common.widgets import KeyedButton, big_button, text_label

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class MonthCalendar(QWidget):
    def __init__(self, days: set[date], today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("month_calendar")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.days = days
        self.today = today
        self.month = date(today.year, today.month, 1)
        self.previous_button = big_button("Previous month", "←", self, icon="back")
        self.next_button = big_button("Next month", "→", self, icon="next")
        self.title = text_label("", self, role="subtitle", wrap=False)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        top = _MonthHeader(self.previous_button, self.title, self.next_button)
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
            # As tall as the bold day and its tick need at the text size, and 56 px at least.
            cell.setMinimumSize(64, max(56, cell.fontMetrics().height() + 12))
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


class _MonthHeader(ItemListLayout):
    """Previous month, the month's name and Next month on one line while they fit (the keys
    beside the buttons' words, or under them); else the name on a line of its own above the
    two buttons, side by side or one above the other. Whichever takes the least height."""

    def __init__(self, previous: KeyedButton, title: QWidget, following: KeyedButton) -> None:
        super().__init__()
        self._buttons = (previous, following)
        for widget in (previous, title, following):
            self.addWidget(widget)

    def _plan(self, width: int) -> tuple[bool, list[QRect]]:
        """(keys under the words, where Previous, the name and Next go) in `width`."""
        title = self._items[1].sizeHint()
        gap = self.spacing()
        for stacked in (False, True):  # all on one line
            previous, following = (b.hint_for(stacked) for b in self._buttons)
            middle = width - previous.width() - following.width() - 2 * gap
            if middle >= title.width():
                height = max(previous.height(), title.height(), following.height())
                return stacked, [
                    QRect(0, 0, previous.width(), height),
                    QRect(previous.width() + gap, 0, middle, height),
                    QRect(width - following.width(), 0, following.width(), height),
                ]
        top = title.height() + gap
        name = QRect(0, 0, width, title.height())
        for stacked in (False, True):  # the name above the buttons, side by side
            previous, following = (b.hint_for(stacked) for b in self._buttons)
            if previous.width() + gap + following.width() <= width:
                height = max(previous.height(), following.height())
                left = previous.width() + (width - previous.width() - gap - following.width()) // 2
                return stacked, [
                    QRect(0, top, left, height),
                    name,
                    QRect(left + gap, top, width - left - gap, height),
                ]
        previous, following = (b.hint_for(False) for b in self._buttons)
        return False, [
            QRect(0, top, width, previous.height()),
            name,
            QRect(0, top + previous.height() + gap, width, following.height()),
        ]

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        stacked, places = self._plan(rect.width())
        for button in self._buttons:
            button.set_stacked(stacked)
        for item, place in zip(self._items, places, strict=True):
            item.setGeometry(place.translated(rect.topLeft()))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(place.bottom() + 1 for place in self._plan(width)[1])

    def sizeHint(self) -> QSize:
        width = sum(item.sizeHint().width() for item in self._items) + 2 * self.spacing()
        return QSize(width, self.heightForWidth(width))

    def minimumSize(self) -> QSize:
        """As narrow as its widest part; as tall as it is at its present width."""
        width = max(item.minimumSize().width() for item in self._items)
        present = self.geometry().width() or self.sizeHint().width()
        return QSize(width, self.heightForWidth(max(width, present)))

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)
