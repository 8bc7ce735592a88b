"""The legs and balance self-checks: the 30-second chair stand, or standing on one leg.

Safety comes before the measure: the page first asks whether the person feels steady today
(if not, it says to leave the leg checks for another day and offers only Back), then shows
the set-up (a sturdy chair against a wall, someone nearby, something to hold), and only then
the check. Every answer is a key (the buttons never take focus, so an Enter or Space carried
on from the page before cannot answer for the person) and a key held down acts once.

The time is the core's (`ChairStand`, `OneLegStance`, on the page's clock); the timer only
asks it what is due, and runs only while a check is being timed. Escape leaves at any point,
keeping nothing; a result is kept only with Enter on the result screen.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import datetime, timezone

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QHideEvent, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from neurocoach.core.self_checks import legs
from neurocoach.core.self_checks.change import number
from neurocoach.core.self_checks.legs import (
    CAPPED_WORDS,
    GET_READY_SECONDS,
    GO_WORDS,
    MAX_SECONDS,
    SAFETY_SET_UP,
    TRIES,
    ChairStand,
    CountEntry,
    OneLegStance,
    Stance,
)
from neurocoach.core.self_checks.measures import CHAIR_STAND, MEASURES, ONE_LEG_STANCE
from neurocoach.core.session.clock import Clock
from neurocoach.ui.common import theme
from neurocoach.ui.common.button_rows import ButtonRows
from neurocoach.ui.common.widgets import (
    ENTER_KEYS,
    SCROLL_KEYS,
    KeyedButton,
    announce,
    big_button,
    scroll_area,
    scroll_by_key,
    set_bold_size,
    text_label,
)
from neurocoach.ui.player.countdown_display import CountdownDisplay

TICK_MS = 100  # while timing: the display and the 45-second cap within a blink
BIG_SCALE = 1.5  # a result
DIGITS = {getattr(Qt.Key, f"Key_{d}"): d for d in range(10)}
UP_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Plus, Qt.Key.Key_Equal)  # = is + without Shift
DOWN_KEYS = (Qt.Key.Key_Down, Qt.Key.Key_Minus)

CHAIR_HOW = (
    "Sit in the middle of the chair, feet flat on the floor, and cross your arms over your "
    "chest. When the coach says Go, stand up fully and sit down fully, as many times as you "
    "can in 30 seconds, at a pace that is safe for you. Count your stands: you will enter the "
    "number at the end. If you cannot stand up without pushing with your arms, sit and stop: "
    "the count is then 0."
)
STANCE_HOW = (
    "Stand beside the chair or counter, close enough to hold it, with your eyes open. Hold "
    "it and lift one foot a little off the floor; if you feel steady, let go and keep your "
    "hand just above it. Press Space, or ask someone to, when your foot touches down or you "
    "hold on. Each try stops at 45 seconds. Up to three tries: the best one is kept."
)
UNSTEADY_WORDS = (
    "Thank you for saying. On a day you feel unsteady, these checks are not safe: leave them "
    "for another day, and hold on to something firm as you move about. If feeling unsteady "
    "is new or getting worse, or you have had a fall, tell your doctor."
)
LEAVING = "Esc stops the check at any time; nothing is kept."


class NumberDisplay(QWidget):
    """The number of stands in digits as tall as the space allows, drawn by hand as the
    countdown's are: a label at a fixed size would be cut off at large text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._text = "0"

    def sizeHint(self) -> QSize:
        return QSize(400, 260)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, 80)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.update()

    def digits_font(self) -> QFont:
        """As large as fits: 85 % of the height, and two digits (the most) in the width."""
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(100)
        metrics = QFontMetricsF(font)
        glyph = metrics.tightBoundingRect("0123456789").height() / 100
        advance = metrics.horizontalAdvance("00") / 100
        size = min(self.height() * 0.85 / glyph, self.width() * 0.9 / advance)
        font.setPixelSize(max(8, int(size)))
        return font

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = self.digits_font()
        painter.setFont(font)
        painter.setPen(QColor(theme.current.ink))
        tight = QFontMetricsF(font).tightBoundingRect(self._text)
        centre = self.rect().center()  # the ink of the digits in the middle, not the line box
        painter.drawText(
            round(centre.x() - tight.center().x()),
            round(centre.y() - tight.center().y()),
            self._text,
        )
        painter.end()


def seconds_words(seconds: float) -> str:
    return "1 second" if seconds == 1 else f"{number(seconds)} seconds"


class LegsCheckPage(QWidget):
    """Signals: finished(SelfCheckResult) when the person keeps the result (Enter on the
    result screen); back_requested() when they leave with Escape, keeping nothing;
    unsteady_today() when they say they do not feel steady today."""

    finished = Signal(object)
    back_requested = Signal()
    unsteady_today = Signal()

    def __init__(
        self,
        kind: str,
        clock: Clock,
        say: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if kind not in legs.KINDS:
            raise ValueError(f"a leg check is {legs.KINDS}, not {kind!r}")
        self.setObjectName("legs_check_page")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.kind = kind
        self.clock = clock
        self.say = say
        self.chair = ChairStand(clock.now)
        self.stance = OneLegStance(clock.now)
        self.entry = CountEntry(clock.now)
        # "steady", "unsteady", "safety", "how", "timing", "count", "between" or "result"
        self.view = "steady"

        self.timer = QTimer(self)
        self.timer.setObjectName("legs_timer")
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._on_timer_timeout)

        # --- the screens to read, which can be long at large text: they scroll ---
        self.heading = text_label("", self, role="title")
        self.question = text_label("", self, role="subtitle")
        self.question.setObjectName("question")
        self.text = text_label("", self)
        self.text.setObjectName("text")
        self.listing = text_label("", self)
        self.listing.setObjectName("listing")
        self.note = text_label("", self, role="muted")
        self.note.setObjectName("note")
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        for label in (self.heading, self.question, self.text, self.listing, self.note):
            body_layout.addWidget(label)
        body_layout.addStretch(1)
        self.scroller = scroll_area(body, self)

        # --- timing and counting: nothing to scroll, the number as large as fits ---
        self.live = QWidget(self)
        self.live_title = text_label("", self.live, role="title")
        self.live_title.setObjectName("live_title")
        self.status = text_label("", self.live, role="subtitle")
        self.status.setObjectName("status")
        self.countdown = CountdownDisplay(self.live)
        self.count = NumberDisplay(self.live)
        self.count.setObjectName("count")
        self.count.setAccessibleName("Stands")
        self.live_note = text_label("", self.live, role="muted")
        live_layout = QVBoxLayout(self.live)
        live_layout.setContentsMargins(0, 0, 0, 0)
        live_layout.addWidget(self.live_title)
        live_layout.addWidget(self.status)
        live_layout.addWidget(self.countdown, 1)
        live_layout.addWidget(self.count, 1)
        live_layout.addWidget(self.live_note)

        self.rows: dict[str, ButtonRows] = {}
        self.buttons: dict[str, KeyedButton] = {}
        leave = self.leave
        self._row(
            "steady",
            [
                ("Back", "Esc", "back", leave),
                ("No", "N", "close", self.unsteady),
                ("Yes", "Y", "check", self.steady),
            ],
            [0, 1, 1],
        )
        self._row("unsteady", [("Back", "Esc", "back", leave)])
        self._row(
            "safety",
            [("Back", "Esc", "back", leave), ("I am ready", "Enter", "next", self.ready)],
            [0, 1],
        )
        start = "Start" if kind == CHAIR_STAND else "Start a try"
        self._row(
            "how", [("Back", "Esc", "back", leave), (start, "Enter", "play", self.start)], [0, 1]
        )
        self._row(
            "timing",
            [("Stop", "Esc", "stop", leave)]
            + ([("Foot down", "Space", "check", self.foot_down)] if kind == ONE_LEG_STANCE else []),
            [0, 1],
        )
        self._row(
            "count",
            [
                ("Leave, not kept", "Esc", "close", leave),
                ("\u2212", "Down", "", self.count_down),
                ("+", "Up", "", self.count_up),
                ("Done", "Enter", "next", self.counted),
            ],
            [0, 1, 1, 1],
        )
        self._row(
            "between",
            [
                ("Leave, not kept", "Esc", "close", leave),
                ("Finish", "F", "check", self.finish),
                ("Another try", "Enter", "play", self.start),
            ],
            [0, 1, 1],
        )
        keep = [("Keep", "Enter", "save", self.keep)]
        change = [("Change the count", "C", "adjust", self.change)] if kind == CHAIR_STAND else []
        self._row(
            "result",
            [("Leave, not kept", "Esc", "close", leave), *change, *keep],
            [0] * (1 + len(change)) + [1],
        )
        self.buttons["count/\u2212"].setAccessibleName("One fewer")
        self.buttons["count/+"].setAccessibleName("One more")

        layout = QVBoxLayout(self)
        theme.page_margins(layout, top=theme.SPACE["s"])
        layout.addWidget(self.scroller, 1)
        layout.addWidget(self.live, 1)
        for rows in self.rows.values():
            layout.addWidget(rows)
        self._show_steady()

    def _row(
        self,
        view: str,
        specs: list[tuple[str, str, str, Callable[[], None]]],
        stretch: list[int] | None = None,
    ) -> None:
        """One screen's row of buttons: (word, key, icon, what it does); the last is primary."""
        made = []
        for place, (word, key, icon, slot) in enumerate(specs, 1):
            primary = len(specs) > 1 and place == len(specs)
            button = big_button(word, key, self, primary=primary, icon=icon)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys only: see the docstring
            button.clicked.connect(slot)
            self.buttons[f"{view}/{word}"] = button
            made.append(button)
        self.rows[view] = ButtonRows(made, self, stretch[: len(made)] if stretch else None)

    # --- what the person does ------------------------------------------------------------
    @Slot()
    def steady(self) -> None:
        if self.view == "steady":
            self._show_safety()

    @Slot()
    def unsteady(self) -> None:
        if self.view != "steady":
            return
        self.view = "unsteady"
        self._fill("Leave the leg checks for another day", text=UNSTEADY_WORDS)
        self.unsteady_today.emit()

    @Slot()
    def ready(self) -> None:
        if self.view == "safety":
            self._show_how()

    @Slot()
    def start(self) -> None:
        """Enter on the instructions (or "Another try"): the timing begins."""
        if self.view not in ("how", "between"):
            return
        if self.kind == CHAIR_STAND:
            self.chair.start()
            self._speak(GO_WORDS)
        else:
            if not self.stance.can_try():
                return
            self._speak(self.stance.get_ready())
        self.view = "timing"
        self._show_live()
        self.timer.start()

    @Slot()
    def foot_down(self) -> None:
        """Space, or the voice command: the raised foot touched down or the person held on."""
        if self.view == "timing" and self.stance.phase is Stance.HOLDING:
            self._try_ended(self.stance.stop_try(), capped=False)

    @Slot()
    def count_up(self) -> None:
        if self.view == "count":
            self._show_count(self.entry.up())

    @Slot()
    def count_down(self) -> None:
        if self.view == "count":
            self._show_count(self.entry.down())

    @Slot()
    def counted(self) -> None:
        if self.view == "count":
            self._show_result()

    @Slot()
    def change(self) -> None:
        if self.view == "result" and self.kind == CHAIR_STAND:
            self._show_counting()

    @Slot()
    def finish(self) -> None:
        if self.view == "between":
            self._show_result()

    @Slot()
    def keep(self) -> None:
        if self.view != "result":
            return
        when = datetime.now(timezone.utc)
        if self.kind == CHAIR_STAND:
            result = self.chair.result(self.entry.value, when)
        else:
            result = self.stance.result(when)
        self._reset()
        self.finished.emit(result)

    @Slot()
    def leave(self) -> None:
        """Escape: out of the check, keeping nothing (timing under way is stopped)."""
        self._reset()
        self.back_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if event.isAutoRepeat():
            event.accept()  # a key held down acts once
            return
        view = self.view
        if key == Qt.Key.Key_Escape:
            self.leave()
        elif view == "steady" and key in (Qt.Key.Key_Y, Qt.Key.Key_N):
            (self.steady if key == Qt.Key.Key_Y else self.unsteady)()
        elif view == "timing":
            if key == Qt.Key.Key_Space:
                self.foot_down()
            # any other key does nothing while timing
        elif view == "count" and key in DIGITS:
            self._show_count(self.entry.digit(DIGITS[key]))
        elif view == "count" and key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            self._show_count(self.entry.clear())
        elif view == "count" and key in UP_KEYS:
            self.count_up()
        elif view == "count" and key in DOWN_KEYS:
            self.count_down()
        elif key in ENTER_KEYS:
            {
                "safety": self.ready,
                "how": self.start,
                "count": self.counted,
                "between": self.start,
                "result": self.keep,
            }.get(view, lambda: None)()
        elif key == Qt.Key.Key_F and view == "between":
            self.finish()
        elif key == Qt.Key.Key_C and view == "result":
            self.change()
        elif key in SCROLL_KEYS and self.scroller.isVisible():
            scroll_by_key(self.scroller, key)  # the buttons take no focus: keys scroll
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def hideEvent(self, event: QHideEvent) -> None:
        """Hidden while timing (another page, the window closed): the check is stopped and
        nothing kept; the timer never runs for a page no one sees."""
        super().hideEvent(event)
        if self.timer.isActive():
            self._reset()

    # --- timing --------------------------------------------------------------------------
    @Slot()
    def _on_timer_timeout(self) -> None:
        if self.kind == CHAIR_STAND:
            words = self.chair.advance()
            if words:
                self._speak(words[-1])  # after a jump, only what is now due is said
            if self.chair.finished():
                self.timer.stop()
                self._show_counting()
                return
        else:
            for event in self.stance.advance():
                if event.seconds is not None:
                    self._try_ended(event.seconds, capped=True)
                    return
                self._speak(event.words)
        self._show_time()

    def _try_ended(self, seconds: float, capped: bool) -> None:
        self.timer.stop()
        self._speak(CAPPED_WORDS if capped else f"Foot down: {seconds_words(seconds)}.")
        if self.stance.can_try():
            self._show_between(seconds)
        else:
            self._show_result()

    def _speak(self, words: str) -> None:
        self.say(words)
        announce(self, words)

    # --- showing -------------------------------------------------------------------------
    def _reset(self) -> None:
        """Back to the first question with fresh checks, for the next time it is shown."""
        self.timer.stop()
        self.chair = ChairStand(self.clock.now)
        self.stance = OneLegStance(self.clock.now)
        self.entry = CountEntry(self.clock.now)
        self._show_steady()

    def _screen(self, view: str) -> None:
        self.view = view
        live = view in ("timing", "count")
        self.scroller.setVisible(not live)
        self.live.setVisible(live)
        for name, rows in self.rows.items():
            rows.setVisible(name == view)

    def _fill(
        self, heading: str, question: str = "", text: str = "", listing: str = "", note: str = ""
    ) -> None:
        """A screen to read: its labels, those left empty hidden."""
        self._screen(self.view)
        self.heading.setText(heading)
        for label, words in (
            (self.question, question),
            (self.text, text),
            (self.listing, listing),
            (self.note, note),
        ):
            label.setText(words)
            label.setVisible(bool(words))
        self.question.setStyleSheet("")  # a result makes it big
        self.scroller.verticalScrollBar().setValue(0)
        announce(self, " ".join(w for w in (heading, question, text, listing) if w))

    def _name(self) -> str:
        return MEASURES[self.kind].name

    def _show_steady(self) -> None:
        self.view = "steady"
        self._fill(
            self._name(),
            question="Do you feel steady on your feet today?",
            note="Press Y for yes or N for no.",
        )

    def _show_safety(self) -> None:
        self.view = "safety"
        self._fill(
            "Before you start: make it safe",
            listing="\n".join(f"• {line}" for line in SAFETY_SET_UP),
            note="Press Enter when all is ready.",
        )

    def _show_how(self) -> None:
        self.view = "how"
        chair = self.kind == CHAIR_STAND
        self._fill(
            self._name(),
            text=CHAIR_HOW if chair else STANCE_HOW,
            note=f"Press Enter to start. {LEAVING}",
        )

    def _show_live(self) -> None:
        self._screen("timing")
        self.count.setVisible(False)
        self.countdown.setVisible(True)
        self.live_note.setText(LEAVING)
        if self.kind == CHAIR_STAND:
            self.live_title.setText(self._name())
            self.status.setText("Arms crossed: stand up fully, sit down fully.")
            self.countdown.setAccessibleName("Time left")
            self.countdown.set_phase("hold")
        self._show_time()

    def _show_time(self) -> None:
        if self.kind == CHAIR_STAND:
            self.countdown.set_time(self.chair.remaining(), legs.SECONDS)
            return
        stance = self.stance
        self.live_title.setText(f"Try {stance.try_number} of {TRIES}")
        if stance.phase is Stance.READY:
            self.status.setText("Get ready: hold the chair.")
            self.countdown.setAccessibleName("Time left")
            self.countdown.set_phase("ready")
            self.countdown.set_time(stance.remaining(), GET_READY_SECONDS)
            return
        self.status.setText("Lift one foot. Press Space when it touches down or you hold on.")
        held = math.floor(stance.held())
        before = self.countdown.text
        self.countdown.setAccessibleName("Time held")
        self.countdown.set_phase("hold")
        self.countdown.set_time(held, MAX_SECONDS)  # the seconds held; the ring fills up
        if self.countdown.text != before:
            self.countdown.setAccessibleDescription(f"{seconds_words(held)} held")

    def _show_counting(self) -> None:
        self._screen("count")
        self.countdown.setVisible(False)
        self.count.setVisible(True)
        self.live_title.setText("How many times did you stand up?")
        self.status.setText("Type the number, or press Up and Down. Backspace sets it to 0.")
        self.live_note.setText("Press Enter when the number is right.")
        self._show_count(self.entry.value)
        announce(self, f"{self.live_title.text()} {self.status.text()}")

    def _show_count(self, value: int) -> None:
        self.count.setText(str(value))
        self.count.setAccessibleDescription(f"{value} stands")

    def _show_between(self, seconds: float) -> None:
        self.view = "between"
        tries = self.stance.tries
        left = TRIES - len(tries)
        self._fill(
            f"That try: {seconds_words(seconds)}",
            text="Rest a moment, sitting down if you like.",
            listing=self._tries_words(so_far=True),
            note=f"{'1 try' if left == 1 else f'{left} tries'} left. Press Enter for another "
            "try, or F to finish.",
        )

    def _tries_words(self, so_far: bool) -> str:
        tries = [number(t) for t in self.stance.tries]
        listed = tries[0] if len(tries) == 1 else ", ".join(tries[:-1]) + f" and {tries[-1]}"
        which = "try" if len(tries) == 1 else "tries"
        return f"Your {which}{' so far' if so_far else ''}: {listed} seconds."

    def _show_result(self) -> None:
        self.view = "result"
        if self.kind == CHAIR_STAND:
            stands = self.entry.value
            self._fill(
                "Your chair stand",
                question=f"{stands} {'stand' if stands == 1 else 'stands'} in 30 seconds",
                text=legs.norms_words(),
                note="Press Enter to keep it, or C to change the count.",
            )
        else:
            self._fill(
                "Standing on one leg",
                question=f"Your best: {seconds_words(self.stance.best())}",
                text=f"{self._tries_words(so_far=False)} The best is kept.",
                listing=legs.stance_words(),
                note="Press Enter to keep it.",
            )
        set_bold_size(self.question, BIG_SCALE)
