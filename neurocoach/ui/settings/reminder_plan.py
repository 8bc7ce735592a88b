"""The plan of reminders in the settings window: one row per time, each changed or removed
with a big button, and a button to add one.

Every change is kept at once (Settings.set_reminders), as with the other settings. Removing
asks nothing: what was removed is said under the list, and adding it again undoes it. The
rows are made once, as many as the plan can hold, and shown as needed, so Tab always meets
them in the order of the page, between the setting above and the toggles below.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from neurocoach.core.reminders.plan import MAX_REMINDERS, Reminder, reminder_words
from neurocoach.core.settings import Settings
from neurocoach.ui.common.controls import FieldRow
from neurocoach.ui.common.widgets import KeyedButton, announce, big_button, text_label
from neurocoach.ui.settings.reminder_dialog import ReminderDialog, missing_title


class ReminderRow(FieldRow):
    """One reminder in words, with Change… and Remove. The row takes no focus; its two
    buttons do, one Tab stop each."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__("", parent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.label.setProperty("role", "strong")
        self.change_button = big_button("Change…", "", self, icon="adjust")
        self.remove_button = big_button("Remove", "", self, icon="delete")
        self.row.addWidget(self.change_button)
        self.row.addWidget(self.remove_button)
        self.reminder: Reminder | None = None

    def show_reminder(self, reminder: Reminder, words: str) -> None:
        self.reminder = reminder
        self.label.setText(words)
        self.setAccessibleName(words)
        self.change_button.setAccessibleName(f"Change: {words}")
        self.remove_button.setAccessibleName(f"Remove: {words}")


class ReminderPlan(QFrame):
    """The list of reminders and Add. `offer` gives the routines to choose from (id and
    title, in the order to offer them) and the one highlighted, a new reminder's routine."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminder_plan")
        self.settings = settings
        self.routines: list[tuple[str, str]] = []
        self.highlighted = ""
        self.editor: ReminderDialog | None = None
        self._editing: Reminder | None = None  # the reminder the editor changes (None: new)
        self._focus_after: QWidget | None = None  # where the keyboard goes when it closes
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.rows = [ReminderRow(self) for _ in range(MAX_REMINDERS)]
        for row in self.rows:
            row.change_button.clicked.connect(lambda _=False, r=row: self._on_change_clicked(r))
            row.remove_button.clicked.connect(lambda _=False, r=row: self._on_remove_clicked(r))
            row.hide()
            column.addWidget(row)
        self.empty = text_label("No reminders yet.", self, role="strong")
        self.empty.setObjectName("no_reminders")
        self.status = text_label("", self)
        self.status.setObjectName("reminder_status")
        self.status.hide()
        self.add_button: KeyedButton = big_button("Add a reminder…", "A", self, icon="plus")
        self.add_button.clicked.connect(self.add)
        self.limit = text_label("", self, role="muted")
        self.limit.setObjectName("reminder_limit")
        # Why Add cannot be pressed is said above it, where it is read first.
        for widget in (self.empty, self.status, self.limit, self.add_button):
            column.addWidget(widget)
        self.refresh()

    def offer(self, routines: list[tuple[str, str]], highlighted: str = "") -> None:
        self.routines = list(routines)
        self.highlighted = highlighted
        self.refresh()

    def title(self, routine_id: str) -> str:
        return dict(self.routines).get(routine_id) or missing_title(routine_id)

    def refresh(self) -> None:
        """Show the plan as the settings hold it now."""
        plan = self.settings.reminders
        for row, reminder in zip(self.rows, plan, strict=False):
            row.show_reminder(reminder, reminder_words(reminder, self.title(reminder.routine_id)))
        for number, row in enumerate(self.rows):
            row.setVisible(number < len(plan))
        self.empty.setVisible(not plan)
        full = len(plan) >= MAX_REMINDERS
        self.add_button.setEnabled(bool(self.routines) and not full)
        if full:
            self.limit.setText(
                f"{MAX_REMINDERS} reminders is the most there can be. Remove one to add another."
            )
        elif not self.routines:
            self.limit.setText("There are no routines to be reminded of.")
        self.limit.setVisible(full or not self.routines)

    # --- changes -------------------------------------------------------------------------
    @Slot()
    def add(self) -> None:
        if self.add_button.isEnabled():
            self._edit(None, self.add_button)

    def _on_change_clicked(self, row: ReminderRow) -> None:
        if row.reminder is not None:
            self._edit(row.reminder, row.change_button)

    def _on_remove_clicked(self, row: ReminderRow) -> None:
        reminder = row.reminder
        if reminder is None or reminder not in self.settings.reminders:
            return
        index = self.settings.reminders.index(reminder)
        words = reminder_words(reminder, self.title(reminder.routine_id))
        self.settings.set_reminders(r for r in self.settings.reminders if r != reminder)
        self.refresh()
        self._say(f"Removed: {words}. Add it again to have it back.")
        # The keyboard stays in the list: on the reminder that took its place, else on Add.
        if index < len(self.settings.reminders):
            self.rows[index].change_button.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.add_button.isEnabled():
            self.add_button.setFocus(Qt.FocusReason.OtherFocusReason)
        elif index > 0:
            self.rows[index - 1].change_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _edit(self, reminder: Reminder | None, opener: QWidget) -> None:
        if self.editor is not None:
            return
        taken = frozenset(r.key for r in self.settings.reminders if r != reminder)
        editor = ReminderDialog(self.routines, reminder, self.highlighted, taken, self.window())
        self.editor, self._editing, self._focus_after = editor, reminder, opener
        editor.saved.connect(self._on_editor_saved)
        editor.finished.connect(self._on_editor_finished)
        editor.open()

    @Slot(object)
    def _on_editor_saved(self, reminder: Reminder) -> None:
        old = self._editing
        plan = [r for r in self.settings.reminders if r != old]
        self.settings.set_reminders([*plan, reminder])
        self.refresh()
        words = reminder_words(reminder, self.title(reminder.routine_id))
        self._say(f"Changed: {words}." if old is not None else f"Added: {words}.")
        if reminder in self.settings.reminders:
            row = self.rows[self.settings.reminders.index(reminder)]
            self._focus_after = row.change_button  # where it now is in the list

    @Slot(int)
    def _on_editor_finished(self, _result: int) -> None:
        editor, self.editor, self._editing = self.editor, None, None
        if editor is not None:
            editor.deleteLater()
        self.window().activateWindow()  # the keyboard back to the settings window
        target, self._focus_after = self._focus_after, None
        if target is not None and target.isVisible() and target.isEnabled():
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _say(self, words: str) -> None:
        self.status.setText(words)
        self.status.show()
        announce(self, words)
