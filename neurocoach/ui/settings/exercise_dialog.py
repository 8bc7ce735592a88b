"""Adjust one exercise: its hold, repetitions and rest, for this user only.

Opened from the player ("Adjust this exercise") on the step under way, or from the settings
for any step of a routine; Previous and Next exercise move through the routine's steps.
What is changed here is kept per routine and exercise, and Reset brings back the routine's
own values. At large text on a small screen the values scroll up and down and the buttons
wrap into rows, so the window stays on the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from neurocoach.core.routine.model import Routine, Sides
from neurocoach.core.session.wording import duration_text
from neurocoach.core.settings import OVERRIDE_KEYS, OVERRIDE_LIMITS, Settings
from neurocoach.ui.common import theme
from neurocoach.ui.common.button_rows import SPACING, ButtonRows
from neurocoach.ui.common.controls import NumberField
from neurocoach.ui.common.screen_fit import fit_to_screen, free_area
from neurocoach.ui.common.widgets import big_button, scroll_area, text_label


class ExerciseDialog(QDialog):
    def __init__(
        self, routine: Routine, step_index: int, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exercise_dialog")
        self.setWindowTitle("Adjust this exercise")
        self.routine = routine
        self.settings = settings
        self.step_index = step_index
        self.body = body = QWidget(self)
        self.heading = text_label("", body, role="title")
        self.where = text_label("", body, role="muted")
        hold, reps, rest = (OVERRIDE_LIMITS[n] for n in OVERRIDE_KEYS)
        self.hold = NumberField("Hold each time", 1, *hold, 1, duration_text, body)
        self.reps = NumberField("Times (each side)", 1, *reps, 1, lambda v: f"{v:g}", body)
        self.rest = NumberField("Rest between times", 0, *rest, 1, duration_text, body)
        self.defaults = text_label("", body, role="muted")
        self.previous_button = big_button(
            "Previous exercise", "PgUp", self, stacked=True, icon="back"
        )
        self.next_button = big_button("Next exercise", "PgDn", self, stacked=True, icon="next")
        self.reset_button = big_button("Reset this exercise", "R", self, stacked=True, icon="reset")
        self.close_button = big_button(
            "Close", "Esc", self, primary=True, stacked=True, icon="close"
        )
        self.buttons = ButtonRows(
            [self.previous_button, self.next_button, self.reset_button, self.close_button], self
        )
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, self.where, self.hold, self.reps, self.rest, self.defaults):
            column.addWidget(widget)
        column.addStretch(1)
        self.scroll_area = scroll_area(body, self)
        self.scroll_area.installEventFilter(self)  # Page Up and Down move between exercises
        layout = QVBoxLayout(self)
        theme.page_margins(layout)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.buttons)
        self.hold.value_changed.connect(lambda v: self._adjust("hold_seconds", v))
        self.reps.value_changed.connect(lambda v: self._adjust("reps", v))
        self.rest.value_changed.connect(lambda v: self._adjust("rest_seconds", v))
        self.previous_button.clicked.connect(self._on_previous_clicked)
        self.next_button.clicked.connect(self._on_next_clicked)
        self.reset_button.clicked.connect(self._on_reset_clicked)
        self.close_button.clicked.connect(self.accept)
        self.show_step(step_index)
        self.hold.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            # Wide enough for the four buttons in one row if the screen is; else for the
            # values (the buttons wrap into rows).
            chrome = self.width() - self.buttons.width()
            buttons = (self.previous_button, self.next_button, self.reset_button, self.close_button)
            one_row = sum(min(b.hint_for(False).width(), b.hint_for(True).width()) for b in buttons)
            wanted = one_row + SPACING * (len(buttons) - 1) + chrome
            if wanted > free_area(self).width():  # (and room for a scroll bar beside them)
                bar = self.scroll_area.verticalScrollBar().sizeHint().width()
                wanted = self.body.sizeHint().width() + chrome + bar
            fit_to_screen(self, wanted, tight=True)

    def show_step(self, index: int) -> None:
        self.step_index = max(0, min(index, len(self.routine.steps) - 1))
        step = self.routine.steps[self.step_index]
        own = self.settings.exercise(self.routine, step)
        options = self.settings.session_options(self.routine)
        self.heading.setText(step.title)
        self.where.setText(
            f"{self.routine.title} · exercise {self.step_index + 1} of {len(self.routine.steps)}"
        )
        self.hold.set_value(round(options.hold_for(self.step_index, step)))
        self.reps.set_value(options.reps_for(self.step_index, step))
        times = "Times (each side)" if step.sides is Sides.LEFT_RIGHT else "Times"
        self.reps.label.setText(times)
        self.reps.setAccessibleName(times)
        self.rest.set_value(options.rest_for(self.step_index, step))
        self.defaults.setText(
            f"The routine's own: hold {duration_text(step.hold_seconds)}, "
            f"{step.reps} time{'' if step.reps == 1 else 's'}, "
            f"rest {duration_text(step.rest_seconds)}."
            + ("  (You have changed this exercise.)" if own.any else "")
        )
        self.previous_button.setEnabled(self.step_index > 0)
        self.next_button.setEnabled(self.step_index < len(self.routine.steps) - 1)

    def _adjust(self, name: str, value: float) -> None:
        self.settings.adjust_exercise(
            self.routine, self.routine.steps[self.step_index], name, value
        )
        self.show_step(self.step_index)

    @Slot()
    def _on_previous_clicked(self) -> None:
        self.show_step(self.step_index - 1)

    @Slot()
    def _on_next_clicked(self) -> None:
        self.show_step(self.step_index + 1)

    @Slot()
    def _on_reset_clicked(self) -> None:
        self.settings.reset_exercise(self.routine, self.routine.steps[self.step_index])
        self.show_step(self.step_index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Page Up and Down are the dialog's (the exercise before, the one after), not the
        scroll area's, which would otherwise take them to scroll."""
        if (
            watched is self.scroll_area
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
        ):
            self.keyPressEvent(event)
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_PageUp:
            self._on_previous_clicked()
        elif key == Qt.Key.Key_PageDown:
            self._on_next_clicked()
        elif key == Qt.Key.Key_R:
            self._on_reset_clicked()
        else:
            super().keyPressEvent(event)
            return
        event.accept()
