"""Shown once before a routine starts: what it is, how long it takes, what to have at hand,
the steps to come, its safety notes, and what happens after Start.

For a routine that works on the feet or uses warm water, it also says what the foot check's
answers change today (with F to answer again), and when to stop and call the doctor."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from neurocoach.core import foot_check
from neurocoach.core.foot_check import FootCheck
from neurocoach.core.routine.model import Area, Care, Routine
from neurocoach.core.session.timeline import SessionOptions, build_timeline, total_seconds
from neurocoach.core.session.wording import about_minutes, count_text
from neurocoach.core.voice.commands import Command, Listening
from neurocoach.ui.common import theme
from neurocoach.ui.common.button_rows import ButtonRows
from neurocoach.ui.common.widgets import big_button, scroll_area, text_label


class BeforeStartPage(QWidget):
    """Signals: start_requested(), back_requested(), foot_check_requested(). Enter starts,
    Escape goes back, F (for a routine with foot or warm-water steps) asks the foot check."""

    start_requested = Signal()
    back_requested = Signal()
    foot_check_requested = Signal()
    voice_listening = Listening.START

    def __init__(
        self,
        routine: Routine,
        options: SessionOptions,
        parent: QWidget | None = None,
        checkin: bool = False,
        feet: FootCheck | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("before_start_page")
        self.routine = routine
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        length = about_minutes(total_seconds(routine, options))
        title = text_label(routine.title, self, role="title")
        kept = [step for step in routine.steps if not options.leaves_out(step)]
        self.can_start = bool(build_timeline(routine, options))
        summary = text_label(
            f"{routine.description}\n{length} · {count_text(len(kept), 'step')}", self
        )
        needs = text_label(f"You need: {routine.needs}" if routine.needs else "", self)
        needs.setObjectName("needs")
        needs.setVisible(bool(routine.needs))
        self.steps = text_label(
            "The steps: "
            + ", ".join(f"{number}. {step.title}" for number, step in enumerate(kept, 1)),
            self,
        )
        self.steps.setObjectName("steps")
        safety_heading = text_label("Before you start", self, role="subtitle")
        self.safety = text_label(routine.safety, self, role="caution")
        self.safety.setObjectName("safety")
        self.feet = self._foot_words(routine, feet)
        when = self._when_to_call(routine)
        source = text_label(f"Where this comes from: {routine.source}", self, role="muted")
        self.notice = text_label("", self, role="caution")
        self.notice.setObjectName("notice")
        self.notice.hide()
        first = (
            "Press Enter to start. You are asked first how you feel (Escape skips it); then the "
            if checkin
            else "Press Enter to start. The "
        )
        hint = text_label(f"{first}coach leads you through every step by itself.", self)
        self.voice_words = text_label("", self, role="strong")
        self.voice_words.setObjectName("voice_words")
        self.voice_words.hide()

        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        shown = (self.notice, title, *self.feet, summary, needs, self.steps)
        for widget in (*shown, safety_heading, self.safety, *when, hint, source):
            body_layout.addWidget(widget)
        body_layout.addStretch(1)
        scroll = scroll_area(body, self)

        self.back_button = big_button("Back", "Esc", self, icon="back")
        self.foot_check_button = big_button("Foot check", "F", self, icon="list")
        self.foot_check_button.setVisible(bool(routine.cares))
        self.start_button = big_button("Start", "Enter", self, primary=True, icon="play")
        self.start_button.setEnabled(self.can_start)
        shown_buttons = [self.back_button, self.start_button]
        if routine.cares:
            shown_buttons.insert(1, self.foot_check_button)
        # Three big buttons at 200 % are wider than a 1024 px screen: they wrap, never widen.
        buttons = ButtonRows(shown_buttons, self, stretch=[0] * (len(shown_buttons) - 1) + [1])
        layout = QVBoxLayout(self)
        theme.page_margins(layout, top=theme.SPACE["s"])
        layout.addWidget(scroll, 1)
        # Over the buttons, not in the scrolled text: at 200 % that text runs below the window,
        # and the words to say must be in view.
        layout.addWidget(self.voice_words)
        layout.addWidget(buttons)
        self.start_button.clicked.connect(self.start_requested.emit)
        self.back_button.clicked.connect(self.back_requested.emit)
        self.foot_check_button.clicked.connect(self.foot_check_requested.emit)
        self.setFocusProxy(self.start_button)

    def _foot_words(self, routine: Routine, feet: FootCheck | None) -> tuple[QWidget, ...]:
        """What the foot check changes today, first on the page: it may leave steps out."""
        if not routine.cares or feet is None:
            return ()
        lines = foot_check.advice(feet, routine)
        when = f"{feet.answered_at.astimezone():%d %B %Y}".lstrip("0")
        said = f"From your foot check of {when} (F to answer again)"
        heading = text_label(said, self, role="subtitle")
        words = text_label(
            "\n".join(lines) if lines else "Nothing changes today: your answers need no care.",
            self,
            role="caution" if lines else "",
        )
        words.setObjectName("foot_advice")
        return heading, words

    def _when_to_call(self, routine: Routine) -> tuple[QWidget, ...]:
        """When to stop and call the doctor: on every routine that works on the feet."""
        if Care.FEET not in routine.cares and routine.area is not Area.FEET:
            return ()
        heading = text_label(foot_check.WHEN_TO_CALL_HEADING, self, role="subtitle")
        items = "\n".join(f"• {line}" for line in foot_check.WHEN_TO_CALL)
        words = text_label(f"{items}\n{foot_check.WHEN_TO_CALL_URGENT}", self)
        words.setObjectName("when_to_call")
        return heading, words

    def hear(self, command: Command) -> None:
        """ "Start": what Enter does."""
        if command is Command.START and self.can_start:
            self.start_requested.emit()

    def show_voice_words(self, words: str) -> None:
        """ "Say: start" while voice control listens."""
        self.voice_words.setText(words)
        self.voice_words.setVisible(bool(words))

    def show_notice(self, text: str) -> None:
        """Something the user should know before starting, such as that sound is missing."""
        self.notice.setText(text)
        self.notice.show()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.can_start:
                self.start_requested.emit()
        elif event.key() == Qt.Key.Key_Escape:
            self.back_requested.emit()
        elif event.key() == Qt.Key.Key_F and self.routine.cares:
            self.foot_check_requested.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()
