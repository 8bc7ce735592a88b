"""The finger tapping self-check: which hand the person writes with, six timed trials on the
Space bar, then the middle count of each hand in huge digits, with the typical range in words.
The results are kept the moment the last trial ends, so no stray key can throw them away.

Fast presses of one key are the measure here, so the key filter that drops a tremor's double
press is held off for the trials, and only for them: from the first get-ready to the last
"Stop", and lifted whenever the page is left, hidden or destroyed. A key held down (its
auto-repeat) is never a tap. The time is the core's (`TappingTest`, on the page's clock); the
timer only asks it what has begun, often while a trial runs and not at all otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QHideEvent, QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from neurocoach.core.self_checks.tapping import (
    HAND_NAMES,
    TRIALS_PER_HAND,
    Event,
    Phase,
    TappingTest,
    other_hand,
    trial_words,
    typical_words,
)
from neurocoach.core.session.clock import Clock
from neurocoach.core.session.wording import count_text
from neurocoach.ui.common import theme
from neurocoach.ui.common.button_rows import ButtonRows
from neurocoach.ui.common.widgets import (
    SCROLL_KEYS,
    announce,
    big_button,
    scroll_area,
    scroll_by_key,
    set_bold_size,
    text_label,
)
from neurocoach.ui.player.countdown_display import CountdownDisplay
from neurocoach.ui.shell import key_debounce

HOLD_REASON = "tapping test"
TICK_MS = 50  # while a trial runs: the count-down and a trial's end shown within a blink
HUGE_SCALE = 3.0  # the live tap count, in times the title's size
BIG_SCALE = 1.5  # each hand's result
RING_PHASES = {Phase.READY: "ready", Phase.TAPPING: "hold", Phase.REST: "rest"}


def _resume_keys(_page: QObject | None = None) -> None:
    """Lift the page's hold on the key filter: connected to `destroyed`, when the page's own
    methods can no longer be called."""
    key_debounce.resume(HOLD_REASON)


class TappingPage(QWidget):
    """Signals: finished(list[SelfCheckResult]) as soon as the last trial ends (the results
    screen then shows them, kept); back_requested() on Enter or Escape from the results, or
    Escape before the end, which keeps nothing of unfinished trials."""

    finished = Signal(object)
    back_requested = Signal()

    def __init__(
        self, clock: Clock, say: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tapping_page")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.clock = clock
        self.say = say
        self.test = TappingTest(clock.now)
        self.view = "intro"  # "intro", "trials" or "results"

        self.timer = QTimer(self)
        self.timer.setObjectName("tapping_timer")
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._on_timer_timeout)
        self.destroyed.connect(_resume_keys)  # never left off, however the page goes

        # --- the intro and the results, which can be long at large text: they scroll ---
        self.heading = text_label("Finger tapping", self, role="title")
        self.about = text_label(
            "This check counts how fast your index finger can tap: three tries of 10 "
            "seconds with each hand, with a rest between them. It takes about three minutes.",
            self,
        )
        self.how = text_label(
            "Sit at a table, rest your forearm on it, and tap the Space bar with your index "
            "finger as fast as is comfortable. Stop if it hurts.",
            self,
        )
        self.how.setObjectName("how")
        self.leaving = text_label(
            "Esc stops the check at any time; the tries made so far are then not kept.",
            self,
            role="muted",
        )
        self.question = text_label(
            "Which hand do you write with? Press R for right or L for left.",
            self,
            role="subtitle",
        )
        self.question.setObjectName("question")
        # Each hand's result, then its tries: the hand written with first, as they were done.
        self.hand_results = [text_label("", self) for _ in HAND_NAMES]
        self.trial_counts = [text_label("", self) for _ in HAND_NAMES]
        for number, (result, tries) in enumerate(
            zip(self.hand_results, self.trial_counts, strict=True), 1
        ):
            result.setObjectName(f"result_{number}")
            tries.setObjectName(f"tries_{number}")
        self.typical = text_label("", self)
        self.typical.setObjectName("typical")
        self._intro = (self.about, self.how, self.leaving, self.question)
        self._results = (*self.hand_results, *self.trial_counts, self.typical)
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.heading, *self._intro):
            body_layout.addWidget(widget)
        for result, tries in zip(self.hand_results, self.trial_counts, strict=True):
            body_layout.addWidget(result)
            body_layout.addWidget(tries)
        body_layout.addWidget(self.typical)
        body_layout.addStretch(1)
        self.scroller = scroll_area(body, self)

        # --- the trials: nothing to scroll, the count-down as large as the page allows ---
        self.trials = QWidget(self)
        self.trial_title = text_label("", self.trials, role="title")
        self.trial_title.setObjectName("trial_title")
        self.status = text_label("", self.trials, role="subtitle")
        self.status.setObjectName("status")
        self.countdown = CountdownDisplay(self.trials)
        self.tap_count = text_label("0", self.trials, wrap=False)
        self.tap_count.setObjectName("tap_count")
        self.tap_count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.tap_count.setAccessibleName("Taps")
        self.stop_note = text_label(
            "Esc stops the check. The tries made so far are then not kept.",
            self.trials,
            role="muted",
        )
        # The count says what it counts: beside the seconds, a bare number could be either.
        self.taps_caption = text_label("Taps:", self.trials, role="subtitle", wrap=False)
        self.taps_caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        counted = QHBoxLayout()  # beside the number, not under it: the number keeps its height
        counted.addWidget(self.taps_caption)
        counted.addWidget(self.tap_count, 1)
        row = QHBoxLayout()
        row.addWidget(self.countdown, 1)
        row.addLayout(counted, 1)
        trials_layout = QVBoxLayout(self.trials)
        trials_layout.setContentsMargins(0, 0, 0, 0)
        trials_layout.addWidget(self.trial_title)
        trials_layout.addWidget(self.status)
        trials_layout.addLayout(row, 1)
        trials_layout.addWidget(self.stop_note)

        self.back_button = big_button("Back", "Esc", self, icon="back")
        self.right_button = big_button("Right", "R", self, primary=True)
        self.left_button = big_button("Left", "L", self, primary=True)
        self.stop_button = big_button("Stop", "Esc", self, icon="stop")
        self.keep_button = big_button("Done", "Enter", self, primary=True, icon="check")
        for button in (self.back_button, self.right_button, self.left_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys only: Space is a tap
        for button in (self.stop_button, self.keep_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.intro_buttons = ButtonRows(
            [self.back_button, self.right_button, self.left_button], self, stretch=[0, 1, 1]
        )
        self.trial_buttons = ButtonRows([self.stop_button], self)
        self.result_buttons = ButtonRows([self.keep_button], self)

        layout = QVBoxLayout(self)
        theme.page_margins(layout, top=theme.SPACE["s"])
        layout.addWidget(self.scroller, 1)
        layout.addWidget(self.trials, 1)
        for rows in (self.intro_buttons, self.trial_buttons, self.result_buttons):
            layout.addWidget(rows)

        self.back_button.clicked.connect(self.leave)
        self.right_button.clicked.connect(lambda: self.begin("right"))
        self.left_button.clicked.connect(lambda: self.begin("left"))
        self.stop_button.clicked.connect(self.leave)
        self.keep_button.clicked.connect(self.keep)
        self._show_intro()

    # --- what the person does ------------------------------------------------------------
    def begin(self, dominant: str) -> None:
        """Start the trials with `dominant`, the hand the person writes with, first."""
        if self.view != "intro":
            return
        key_debounce.hold_off(HOLD_REASON)  # before the first tap can come
        events = self.test.start(dominant)
        self.view = "trials"
        self._show_screen()
        self.timer.start()
        self._on_events(events)

    @Slot()
    def leave(self) -> None:
        """Escape: out of the check, keeping nothing (trials under way are stopped)."""
        self._end_trials()
        self.test.stop()
        self._reset()
        self.back_requested.emit()

    @Slot()
    def keep(self) -> None:
        """Enter (or Escape) on the results: they were kept when the last trial ended."""
        if self.view != "results":
            return
        self._reset()
        self.back_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if event.isAutoRepeat():
            event.accept()  # a key held down is not a tap, and chooses nothing
            return
        if key == Qt.Key.Key_Escape:
            self.leave()
        elif self.view == "trials":
            if key == Qt.Key.Key_Space and self.test.tap():
                self.tap_count.setText(str(self.test.taps))
            # any other key, or Space outside the tapping, does nothing in the trials
        elif self.view == "intro" and key in (Qt.Key.Key_R, Qt.Key.Key_L):
            self.begin("right" if key == Qt.Key.Key_R else "left")
        elif self.view == "results" and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.keep()
        elif key in SCROLL_KEYS and self.view != "trials":
            scroll_by_key(self.scroller, key)  # the buttons take no focus: keys scroll
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def hideEvent(self, event: QHideEvent) -> None:
        """Hidden during the trials (another page, the window closed): the check is stopped,
        nothing kept, and the key filter comes back on."""
        super().hideEvent(event)
        if self.view == "trials":
            self._end_trials()
            self.test.stop()
            self._reset()
        _resume_keys()

    # --- the trials ----------------------------------------------------------------------
    @Slot()
    def _on_timer_timeout(self) -> None:
        self._on_events(self.test.advance())

    def _on_events(self, events: list[Event]) -> None:
        if self.test.phase is Phase.DONE:
            self._end_trials()
            self.view = "results"
            self._show_results()
            # Kept at once: three minutes of tapping are never lost to one stray key.
            self.finished.emit(self.test.results(datetime.now(timezone.utc)))
        elif events:
            self._show_phase(events[-1])
        self.countdown.set_time(self.test.remaining(), self.test.duration())
        if events:
            words = events[-1].words  # after a jump, only what is now under way is said
            self.say(words)
            announce(self, words)

    def _end_trials(self) -> None:
        self.timer.stop()
        _resume_keys()

    def _show_phase(self, event: Event) -> None:
        phase = event.phase
        tapping = phase is Phase.TAPPING
        trial = trial_words(event.hand, event.trial)
        if phase is Phase.READY:
            self.trial_title.setText(trial)
            self.status.setText("Get ready: rest your index finger on the Space bar.")
        elif tapping:
            self.trial_title.setText(trial)
            self.status.setText("Go! Tap the Space bar as fast as is comfortable.")
            self.tap_count.setText("0")
        else:
            self.trial_title.setText("Rest")
            switch = f" Now switch to your {event.hand} hand." if event.switching else ""
            done = count_text(self.test.last_count, "tap")
            self.status.setText(f"That try: {done}.{switch} Next: {trial}.")
        self.tap_count.setVisible(tapping)
        self.taps_caption.setVisible(tapping)
        self.countdown.set_phase("switch" if event.switching else RING_PHASES.get(phase, "ready"))
        self.countdown.set_resting(phase is Phase.REST)

    # --- showing -------------------------------------------------------------------------
    def _reset(self) -> None:
        """Back to the intro with a fresh test, for the next time the page is shown."""
        self.test = TappingTest(self.clock.now)
        self._show_intro()

    def _show_intro(self) -> None:
        self.view = "intro"
        self.heading.setText("Finger tapping")
        self._show_screen()

    def _show_screen(self) -> None:
        intro, trials, results = (self.view == s for s in ("intro", "trials", "results"))
        self.scroller.setVisible(not trials)
        self.trials.setVisible(trials)
        for widget in self._intro:
            widget.setVisible(intro)
        for widget in self._results:
            widget.setVisible(results)
        self.intro_buttons.setVisible(intro)
        self.trial_buttons.setVisible(trials)
        self.result_buttons.setVisible(results)
        self.scroller.verticalScrollBar().setValue(0)
        set_bold_size(self.tap_count, HUGE_SCALE)
        if intro:
            announce(self, f"{self.heading.text()}. {self.how.text()} {self.question.text()}")

    def _show_results(self) -> None:
        medians = self.test.medians()
        dominant = self.test.dominant
        order = (dominant, other_hand(dominant))
        for hand, result, tries in zip(order, self.hand_results, self.trial_counts, strict=True):
            result.setText(f"{HAND_NAMES[hand]}: {medians[hand]:g} taps in 10 seconds")
            set_bold_size(result, BIG_SCALE)
            counts = self.test.counts[hand]
            listed = ", ".join(str(c) for c in counts[:-1]) + f" and {counts[-1]}"
            writes = " (the hand you write with)" if hand == dominant else ""
            tries.setText(
                f"Your {TRIALS_PER_HAND} tries{writes}: {listed} taps. The middle count is kept."
            )
        self.typical.setText(typical_words(medians, dominant))
        self.heading.setText("Your tapping results, kept in your history")
        self._show_screen()
        spoken = ". ".join(result.text() for result in self.hand_results)
        announce(self, f"{self.heading.text()}. {spoken}. Press Enter to keep them.")
