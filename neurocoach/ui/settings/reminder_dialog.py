"""One reminder, new or changed: which routine, at what time, on which days.

Everything is reached with Tab and changed with the arrow keys or Space; nothing is typed.
Enter saves, Escape cancels, E chooses every day and W the weekdays. What would be saved is
said in words at the top, as the settings window will list it. A reminder that cannot be
saved (no day chosen, or the same routine already planned at that time) is refused with a
plain line above the buttons, not a pop-up that would take the keyboard away. At large text
on a small screen the choices scroll up and down and the buttons wrap into rows.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QApplication, QDialog, QVBoxLayout, QWidget

from neurocoach.core.reminders.plan import (
    DAY_NAMES,
    EVERY_DAY,
    WEEKDAYS,
    Reminder,
    reminder_words,
    time_words,
)
from neurocoach.ui.common import theme
from neurocoach.ui.common.button_rows import ButtonRows
from neurocoach.ui.common.controls import ListField, NumberField
from neurocoach.ui.common.screen_fit import fit_to_screen, free_area
from neurocoach.ui.common.widgets import (
    KeyedButton,
    announce,
    big_button,
    paint_label,
    scroll_area,
    text_label,
)

DEFAULT_TIME = dt.time(9, 0)
NOT_FOUND = "(this routine is not found)"


def missing_title(routine_id: str) -> str:
    """How a routine no longer offered is named: by its id, so the person can tell which."""
    return f"{routine_id} {NOT_FOUND}"


class DayButton(KeyedButton):
    """A day, chosen or not, switched with Space. A chosen day is filled and ticked; it asks
    room for the tick either way, so the days do not move as they are switched."""

    def __init__(self, day: int, parent: QWidget) -> None:
        super().__init__(DAY_NAMES[day], "", parent, icon="check")
        self.day = day
        self.setCheckable(True)
        self.setAutoDefault(False)  # Enter saves, whichever day has the focus; Space switches
        self.setAccessibleName(DAY_NAMES[day])
        self.toggled.connect(self._on_toggled)
        self._on_toggled(False)

    @Slot(bool)
    def _on_toggled(self, on: bool) -> None:
        self.setProperty("primary", on)
        self.setAccessibleDescription("chosen" if on else "not chosen")
        self.style().unpolish(self)
        self.style().polish(self)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.isChecked():
            super().paintEvent(event)
        else:
            paint_label(self, self._lines(self.stacked), "")


class ReminderDialog(QDialog):
    """Signals: saved(object) with the Reminder, once, as Save (Enter) closes the dialog.

    The time is two stepped fields, the hour and the minutes in quarter hours, rather than one
    field moving 15 minutes a step: the key filter drops the same key pressed again within
    0.6 s (and keys held down), so each step is a press of its own, and 9:00 to 18:00 is 9
    presses of the hour instead of 36. Minutes from the file that are not a quarter (9:10)
    stay as they are until the minutes are changed.
    """

    saved = Signal(object)

    def __init__(
        self,
        routines: list[tuple[str, str]],
        reminder: Reminder | None = None,
        default_routine: str = "",
        taken: frozenset[str] = frozenset(),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reminder_dialog")
        self.setWindowTitle("Change this reminder" if reminder is not None else "New reminder")
        self.original = reminder
        self.taken = taken  # the keys of the other reminders: one of each routine and time
        self.reminder: Reminder | None = None  # what was saved
        self.options = list(routines)
        offered = [value for value, _ in self.options]
        if reminder is not None and reminder.routine_id not in offered:
            self.options.append((reminder.routine_id, missing_title(reminder.routine_id)))
        if reminder is not None:
            routine, when, days = reminder.routine_id, reminder.time, reminder.days
        else:
            routine = default_routine if default_routine in offered else next(iter(offered), "")
            when, days = DEFAULT_TIME, EVERY_DAY

        self.body = body = QWidget(self)
        # What would be saved, in the list's words, heads the dialog (the window's title says
        # new or change): a title above it too would take a fifth of a small screen at 200 %.
        self.words = text_label("", body, role="subtitle")
        self.words.setObjectName("reminder_words")
        self.routine = ListField("Routine", self.options, routine, body)
        self.time_heading = text_label("", body, role="subtitle")
        self.hour = NumberField(
            "Hour, on the 24-hour clock", when.hour, 0, 23, 1, lambda v: f"{v:g}", body
        )
        self.minute = NumberField(
            "Minutes past the hour", when.minute, 0, 45, 15, lambda v: f"{round(v):02d}", body
        )
        self.days_heading = text_label("Days", body, role="subtitle")
        self.day_buttons = [DayButton(day, body) for day in range(7)]
        self.days_rows = ButtonRows(self.day_buttons, body)
        self.every_day_button = big_button("Every day", "E", body, icon="calendar")
        self.weekdays_button = big_button("Weekdays", "W", body, icon="calendar")
        self.quick_rows = ButtonRows([self.every_day_button, self.weekdays_button], body)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (
            self.words,
            self.routine,
            self.time_heading,
            self.hour,
            self.minute,
            self.days_heading,
            self.days_rows,
            self.quick_rows,
        ):
            column.addWidget(widget)
        column.addStretch(1)
        self.scroll_area = scroll_area(body, self)

        # Outside the scroll area, just above Save: seen where the person is looking.
        self.message = text_label("", self, role="caution")
        self.message.setObjectName("reminder_message")
        self.message.hide()
        self.cancel_button = big_button("Cancel", "Esc", self, icon="close")
        self.save_button = big_button("Save", "Enter", self, primary=True, icon="save")
        self.save_button.setAutoDefault(True)
        self.save_button.setDefault(True)
        self.buttons = ButtonRows([self.cancel_button, self.save_button], self)
        layout = QVBoxLayout(self)
        theme.page_margins(layout)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        for button in self.day_buttons:
            button.setChecked(button.day in days)
            button.toggled.connect(self._on_choice_changed)
        self.routine.chosen.connect(self._on_choice_changed)
        self.hour.value_changed.connect(self._on_choice_changed)
        self.minute.value_changed.connect(self._on_choice_changed)
        self.every_day_button.clicked.connect(self._on_every_day_clicked)
        self.weekdays_button.clicked.connect(self._on_weekdays_clicked)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self._on_save_clicked)
        self._listening = False
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)
            self._listening = True
        self._show_words()
        self.routine.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- what is chosen ------------------------------------------------------------------
    @property
    def time(self) -> dt.time:
        return dt.time(round(self.hour.value), round(self.minute.value))

    @property
    def days(self) -> frozenset[int]:
        return frozenset(b.day for b in self.day_buttons if b.isChecked())

    def chosen(self) -> Reminder:
        return Reminder(self.time, self.routine.current, self.days)

    def choose_days(self, days: frozenset[int]) -> None:
        for button in self.day_buttons:
            button.setChecked(button.day in days)

    def _title(self) -> str:
        return dict(self.options).get(self.routine.current, self.routine.current)

    def _show_words(self) -> None:
        self.words.setText(reminder_words(self.chosen(), self._title()))
        self.time_heading.setText(f"Time: {time_words(self.time)}")

    def _problem(self, reminder: Reminder) -> str:
        if not reminder.days:
            return (
                "Choose at least one day: Space turns on the day in focus, or press E for "
                "every day. Then Save."
            )
        if reminder.key in self.taken:
            return (
                f"There is already a reminder for {self._title()} at "
                f"{time_words(reminder.time)}. Choose another time, or change that one."
            )
        return ""

    def _refuse(self, problem: str) -> None:
        self.message.setText(problem)
        self.message.show()
        if self.isVisible():  # taller by the message, if the screen has room for it
            fit_to_screen(self, self.width(), tight=True)
        announce(self, problem)

    # --- slots ---------------------------------------------------------------------------
    @Slot()
    def _on_choice_changed(self) -> None:
        self._show_words()
        if self.message.isVisible() and not self._problem(self.chosen()):
            self.message.hide()  # put right: the refusal no longer holds

    @Slot()
    def _on_every_day_clicked(self) -> None:
        self.choose_days(EVERY_DAY)

    @Slot()
    def _on_weekdays_clicked(self) -> None:
        self.choose_days(WEEKDAYS)

    @Slot()
    def _on_save_clicked(self) -> None:
        if self.reminder is not None:
            return  # saved already: a second Enter from a shaky hand does nothing
        reminder = self.chosen()
        problem = self._problem(reminder)
        if problem:
            self._refuse(problem)
            if not reminder.days:  # the keyboard to the days, where the answer is
                self.day_buttons[0].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.reminder = reminder
        self.saved.emit(reminder)
        self.accept()

    @Slot(QWidget, QWidget)
    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self.body.isAncestorOf(new):
            self.scroll_area.ensureWidgetVisible(new, 40, 40)

    # --- events --------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            # As wide as the settings window it comes from (the days wrap into rows), or as
            # its content if that is narrower; never wider than the screen.
            chrome = self.width() - self.scroll_area.width()
            bar = self.scroll_area.verticalScrollBar().sizeHint().width()
            wanted = self.body.sizeHint().width() + chrome + bar
            parent = self.parentWidget()
            if parent is not None:
                wanted = min(wanted, parent.window().width())
            fit_to_screen(self, min(wanted, free_area(self).width()), tight=True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_E:
            self._on_every_day_clicked()
        elif key == Qt.Key.Key_W:
            self._on_weekdays_clicked()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def done(self, result: int) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication) and self._listening:
            app.focusChanged.disconnect(self._on_focus_changed)
            self._listening = False
        super().done(result)
