"""Reminds at the planned times: asks the schedule on a timer, and tells the person.

The schedule (core) decides what is due; this only looks at the clock, shows a desktop
notification with "Start now" and "In 15 minutes" (or the coach's own prompt when there is
none), says one sentence when the voice is on, and passes on what was chosen. The timer
waits at most a minute at a time, and the time is read from the wall clock each time,
never counted, so sleep, daylight saving and a busy machine only make it late, not wrong.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import date, tzinfo
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from neurocoach.core.history.store import HistoryStore, SessionSummary
from neurocoach.core.reminders.notifier import SNOOZE, START, Notifier
from neurocoach.core.reminders.plan import time_words
from neurocoach.core.reminders.schedule import (
    Occurrence,
    Planned,
    ReminderSchedule,
    ReminderState,
    local_date,
)
from neurocoach.core.reminders.state_file import load_state, save_state
from neurocoach.core.reminders.today import Today, done_on, today_summary
from neurocoach.core.settings import Settings
from neurocoach.ui.common.messages import open_message
from neurocoach.ui.reminders.reminder_prompt import ReminderPrompt

log = logging.getLogger(__name__)

RECENT_SESSIONS = 200  # enough to see today's and the streak's; the history may be long


class ReminderController(QObject):
    """Signals: start_requested(str) with a routine's id ("Start now"), today_changed()
    (the routine list's "Today" line is out of date)."""

    start_requested = Signal(str)
    today_changed = Signal()

    def __init__(
        self,
        settings: Settings,
        history: Callable[[], HistoryStore],
        window: QWidget,
        busy: Callable[[], bool],
        title: Callable[[str], str],
        notifier: Callable[[], Notifier] | None = None,
        say: Callable[[str], None] | None = None,
        state_file: Path | None = None,
        now: Callable[[], float] = time.time,
        tz: tzinfo | None = None,
    ) -> None:
        super().__init__(window)
        self.setObjectName("reminders")
        self.settings = settings
        self._history = history
        self.window = window
        self._busy = busy
        self._title = title
        self._make_notifier = notifier
        self._notifier: Notifier | None = None
        self._say = say
        self._state_file = state_file
        self._now = now
        state = load_state(state_file) if state_file is not None else ReminderState()
        self.schedule = ReminderSchedule(
            lambda: settings.reminders, self._done, state, tz, self._save_state
        )
        self.prompt: ReminderPrompt | None = None
        self._day = local_date(now(), tz)
        self._timer = QTimer(self)
        self._timer.setObjectName("reminder_timer")
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check)
        settings.changed.connect(self._on_settings_changed)

    @property
    def notifier(self) -> Notifier | None:
        """The desktop's notifications, reached the first time one is needed."""
        if self._notifier is None and self._make_notifier is not None:
            self._notifier = self._make_notifier()
        return self._notifier

    # --- the clock -----------------------------------------------------------------------
    @Slot()
    def check(self) -> None:
        """Look at the clock now: remind of what is due, tell once what was missed."""
        now = self._now()
        found = self.schedule.check(now, self._busy())
        for occurrence in found.due:
            self._remind(occurrence)
        if found.missed:
            self._tell_missed(found.missed)
        day = local_date(now, self.schedule.tz)
        if day != self._day or found.due or found.missed:  # a new day, or a time has come
            self._day = day
            self.today_changed.emit()
        self._arm(now)

    def stop(self) -> None:
        self._timer.stop()

    def _arm(self, now: float) -> None:
        self._timer.start(round(self.schedule.seconds_to_next(now) * 1000) + 20)

    # --- what the person chose -----------------------------------------------------------
    def snooze(self, occurrence: Occurrence) -> None:
        self.schedule.snooze(occurrence, self._now())
        self._arm(self._now())

    def quiet_today(self) -> None:
        """ "Stop reminders for today" (the tray)."""
        self.schedule.quiet_today(self._now())
        if self._notifier is not None:
            self._notifier.withdraw_all()
        self._close_prompt()

    def is_quiet(self) -> bool:
        return self.schedule.is_quiet(self._now())

    def next_planned(self) -> Planned | None:
        return self.schedule.next_planned(self._now())

    def routine_started(self) -> None:
        """A session began however it was asked for: a reminder still shown is out of date."""
        if self._notifier is not None:
            self._notifier.withdraw_all()
        self._close_prompt()

    def today(self) -> Today:
        now = self._now()
        day = local_date(now, self.schedule.tz)
        planned = self.schedule.today(now)
        return today_summary(planned, self._sessions(), day, self._title, now)

    # --- telling -------------------------------------------------------------------------
    def _remind(self, occurrence: Occurrence) -> None:
        title = self._title(occurrence.routine_id)
        summary = f"It is time for {title}"
        body = f"Planned for {time_words(occurrence.reminder.time)}."
        log.info("reminding of %s", occurrence.key)

        def shown(ok: bool) -> None:
            if not ok:
                self._show_prompt(occurrence, summary, body)

        def chosen(key: str) -> None:
            if key == START:
                self.start_requested.emit(occurrence.routine_id)
            elif key == SNOOZE:
                self.snooze(occurrence)

        notifier = self.notifier
        if notifier is not None:
            actions = [(START, "Start now"), (SNOOZE, "Remind me in 15 minutes")]
            notifier.notify(summary, body, actions, shown, chosen)
        else:
            self._show_prompt(occurrence, summary, body)
        if self._say is not None and bool(self.settings["voice_enabled"]):
            self._say(f"{summary}.")

    def _show_prompt(self, occurrence: Occurrence, summary: str, body: str) -> None:
        """No notification could be shown: the window comes forward with the same choice."""
        self._close_prompt()
        window = self.window.window()
        if window.isHidden() or window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
        prompt = ReminderPrompt(summary, body, window)
        prompt.start_chosen.connect(lambda: self.start_requested.emit(occurrence.routine_id))
        prompt.later_chosen.connect(lambda: self.snooze(occurrence))
        prompt.finished.connect(prompt.deleteLater)
        prompt.finished.connect(self._on_prompt_finished)
        prompt.finished.connect(window.activateWindow)  # the keyboard back to the window
        self.prompt = prompt
        prompt.open()

    def _tell_missed(self, missed: tuple[Occurrence, ...]) -> None:
        """Once, in a sentence: a time passed while the computer was off or asleep."""
        names = ", ".join(
            f"{self._title(o.routine_id)} at {time_words(o.reminder.time)}" for o in missed
        )
        text = f"Missed while NeuroCoach was not running: {names}. You can still do it now."
        log.info("missed: %s", names)
        window = self.window.window()
        notifier = self.notifier
        if notifier is not None and (window.isHidden() or window.isMinimized()):
            notifier.notify("A reminder was missed", text, [], lambda ok: None, lambda k: None)
        else:
            open_message(window, "reminders_missed", "NeuroCoach", text)

    def _close_prompt(self) -> None:
        if self.prompt is not None:
            self.prompt.reject()

    @Slot(int)
    def _on_prompt_finished(self, _result: int) -> None:
        self.prompt = None

    # --- the history and the settings ----------------------------------------------------
    def _sessions(self) -> list[SessionSummary]:
        # A history that cannot be read reads as empty: the reminders come as if nothing done.
        return self._history().sessions(RECENT_SESSIONS)

    def _done(self, routine_id: str, day: date) -> bool:
        return done_on(self._sessions(), routine_id, day)

    def _save_state(self, state: ReminderState) -> None:
        if self._state_file is not None:
            save_state(self._state_file, state)

    def _on_settings_changed(self, name: str) -> None:
        if name == "reminders":
            self.check()
            self.today_changed.emit()
