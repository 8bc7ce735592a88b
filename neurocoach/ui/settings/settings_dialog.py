"""The settings window: timing, sound, display, keys and reminders, every change applied at once.

Each control writes straight into the Settings object; whoever listens to it (the window, the
sound, a running session) takes the change from there. So there is no Apply or Cancel to
forget: Close (Escape) just closes, and Reset puts everything back to the defaults. The window
is never larger than the screen: its rows put their labels above their buttons when narrow,
and the settings scroll up and down (never sideways).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from neurocoach.core import foot_check
from neurocoach.core.foot_check import FootCheck
from neurocoach.core.settings import (
    REMINDERS,
    SETTINGS,
    TIMING,
    VOICE_CONTROL,
    Setting,
    Settings,
    sections,
)
from neurocoach.core.voice.listener import VoiceListener
from neurocoach.ui.common import theme
from neurocoach.ui.common.controls import (
    ChoiceField,
    FieldRow,
    ListField,
    NumberField,
    ToggleField,
)
from neurocoach.ui.common.screen_fit import fit_to_screen
from neurocoach.ui.common.widgets import big_button, scroll_area, text_label
from neurocoach.ui.common.wrapping_button import WrappingButton
from neurocoach.ui.settings.reminder_plan import ReminderPlan
from neurocoach.ui.settings.voice_control_panel import VoiceControlPanel


class SettingsDialog(QDialog):
    """Signals: foot_check_requested() for "Answer the foot check again" (F).

    The plan of reminders is made with the page, hidden, in its place at the top of the
    Reminders section (so Tab meets it there), and shown once `show_reminders` says which
    routines there are to choose from.

    `voice` gives the voice control listener (None while there is none): the microphones
    to choose from, and the level shown under the Voice control settings.
    """

    foot_check_requested = Signal()

    def __init__(
        self,
        settings: Settings,
        adjust_exercises: Callable[[], None] | None = None,
        adjusted_routine: str = "",
        voices: list[str] | None = None,
        parent: QWidget | None = None,
        voice: Callable[[], VoiceListener | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle("Settings")
        self.settings = settings
        self.voices = voices or []
        listener = voice() if voice is not None else None
        self.microphones = listener.microphones() if listener is not None else []
        self.fields: dict[str, FieldRow] = {}
        body = QWidget(self)
        column = QVBoxLayout(body)
        column.addWidget(text_label("Settings", body, role="title"))
        column.addWidget(
            text_label("Changes take effect at once, in a session too.", body, role="muted")
        )
        plan: ReminderPlan | None = None
        panel: VoiceControlPanel | None = None
        for heading, items in sections():
            column.addWidget(text_label(heading, body, role="subtitle"))
            if heading == REMINDERS:  # made here, after the settings above it, for Tab
                plan = ReminderPlan(settings, body)
                plan.hide()
                column.addWidget(plan)
            for item in items:
                field = self._field(item, body)
                self.fields[item.name] = field
                column.addWidget(field)
            if heading == TIMING and adjust_exercises is not None:
                # Which routine E changes, said on the button: not silently the one highlighted.
                words = (
                    f"Adjust the exercises of {adjusted_routine}…"
                    if adjusted_routine
                    else "Adjust single exercises…"
                )
                # A long routine name breaks the label into lines rather than widen the window.
                self.exercises_button = WrappingButton(words, "E", body)
                self.exercises_button.clicked.connect(adjust_exercises)
                column.addWidget(self.exercises_button)
            if heading == VOICE_CONTROL:  # under its settings, which it shows the effect of
                panel = VoiceControlPanel(settings, voice, body)
                column.addWidget(panel)
        assert plan is not None, "the Reminders section is declared in core/settings.py"
        assert panel is not None, "the Voice control section is declared in core/settings.py"
        self.reminder_plan = plan
        self.voice_panel = panel
        self._body, self._column = body, column
        self.foot_check_button: WrappingButton | None = None
        column.addStretch(1)
        self.scroll_area = scroll_area(body, self)
        self.reset_button = big_button("Reset to defaults", "", self, icon="reset")
        self.close_button = big_button("Close", "Esc", self, primary=True, icon="close")
        buttons = QHBoxLayout()
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        theme.page_margins(layout)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(buttons)
        self.reset_button.clicked.connect(self._on_reset_clicked)
        self.close_button.clicked.connect(self.accept)
        self._adjust_exercises = adjust_exercises
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)
        first = self.fields[SETTINGS[0].name]
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_reminders(self, routines: list[tuple[str, str]], highlighted: str = "") -> None:
        """Show the plan of reminders, with the routines (id, title) a reminder may be for,
        in the order to offer them; `highlighted` is a new reminder's routine."""
        self.reminder_plan.offer(routines, highlighted)
        self.reminder_plan.show()

    def show_foot_check(self, check: FootCheck | None, in_session: bool) -> None:
        """The foot check's answers, last: not a setting (Reset leaves them), but the person
        looks for them here. They are changed on the check's own pages, after a session."""
        body = self._body
        at = self._column.count() - 1  # before the stretch
        heading = text_label("Your feet", body, role="subtitle")
        if check is None:
            said = "You have not answered the foot check yet."
        else:
            when = f"{check.answered_at.astimezone():%d %B %Y}".lstrip("0")
            lines = "\n".join(f"• {line}" for line in foot_check.answers_text(check))
            said = f"Your answers of {when}:\n{lines}"
        if in_session:
            said += "\nYou can answer again when this session has ended."
        answers = text_label(said, body)
        answers.setObjectName("foot_answers")
        self.foot_check_button = WrappingButton("Answer the foot check again…", "F", body)
        self.foot_check_button.setEnabled(not in_session)
        self.foot_check_button.clicked.connect(self.foot_check_requested.emit)
        for offset, widget in enumerate((heading, answers, self.foot_check_button)):
            self._column.insertWidget(at + offset, widget)
        # Tab reaches it after the last setting, before Reset: in the order of the page.
        QWidget.setTabOrder(self.fields[SETTINGS[-1].name], self.foot_check_button)
        QWidget.setTabOrder(self.foot_check_button, self.reset_button)

    def _field(self, item: Setting, parent: QWidget) -> FieldRow:
        """The control for a setting, chosen by what the setting declares."""
        name, value = item.name, self.settings[item.name]
        if isinstance(item.default, bool):
            toggle = ToggleField(item.label, bool(value), parent)
            toggle.toggled.connect(lambda on, n=name: self.settings.set(n, on))
            return toggle
        if isinstance(item.default, str) and not item.choices:
            # Text chosen from what this computer offers: the speech engine's voices, or the
            # microphones; "" is the computer's own choice.
            options = self._offered(name, str(value))
            offered = ListField(item.label, options, str(value), parent)
            offered.chosen.connect(lambda v, n=name: self.settings.set(n, v))
            return offered
        if item.choices:
            choice = ChoiceField(item.label, dict(item.choices), str(value), parent)
            choice.chosen.connect(lambda v, n=name: self.settings.set(n, v))
            return choice
        assert item.minimum is not None and item.maximum is not None
        number = NumberField(
            item.label, float(value), item.minimum, item.maximum, item.step, item.shown, parent
        )
        number.value_changed.connect(lambda v, n=name: self.settings.set(n, v))
        return number

    def _offered(self, name: str, value: str) -> list[tuple[str, str]]:
        """The values (and their words) a text setting may take on this computer."""
        if name == "microphone":
            options = [("", "Standard microphone")]
            options += [(m, m) for m in self.microphones]
            if value and value not in self.microphones:  # unplugged: said, not lost
                options.append((value, f"{value} (not found now)"))
            return options
        return [("", "Standard voice")] + [(v, v) for v in self.voices]

    def refresh(self) -> None:
        """Show the settings' current values (after Reset, or a change made elsewhere)."""
        for name, field in self.fields.items():
            value = self.settings[name]
            if isinstance(field, NumberField):
                field.set_value(float(value))
            elif isinstance(field, ToggleField):
                field.set_on(bool(value))
            elif isinstance(field, (ChoiceField, ListField)):
                field.set_current(str(value))
        self.reminder_plan.refresh()  # Reset keeps the plan; a change elsewhere may not
        self.voice_panel.refresh()

    @Slot()
    def _on_reset_clicked(self) -> None:
        self.settings.reset()
        self.refresh()

    @Slot(QWidget, QWidget)
    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        body = self.scroll_area.widget()
        if new is not None and body is not None and body.isAncestorOf(new):
            if new in (self.fields["voice_control"], self.fields["microphone"]):
                # The level under them shows what they do: in view too, if there is room.
                self.scroll_area.ensureWidgetVisible(self.voice_panel.status, 40, 40)
            self.scroll_area.ensureWidgetVisible(new, 40, 40)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            fit_to_screen(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_E and self._adjust_exercises is not None:
            self._adjust_exercises()
            event.accept()
            return
        if event.key() == Qt.Key.Key_A and self.reminder_plan.isVisible():
            self.reminder_plan.add()  # (does nothing when the plan is full)
            event.accept()
            return
        button = self.foot_check_button
        if event.key() == Qt.Key.Key_F and button is not None and button.isEnabled():
            self.foot_check_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def done(self, result: int) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self._on_focus_changed)
        super().done(result)
