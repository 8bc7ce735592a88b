"""The player: what to do now, how long is left, what comes next, and six big controls.

After Start it needs no input at all: the SessionDriver moves it from phase to phase. Every
control also has a key, named on the button. The buttons never take keyboard focus, so Space
and the arrow keys always mean Pause, Previous and Next, whatever was clicked last.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QRect, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from neurocoach.core.session.cues import Cue, Tone
from neurocoach.core.session.engine import SessionState
from neurocoach.core.session.reading import reading_pace, word_count
from neurocoach.core.session.timeline import Phase, PhaseKind
from neurocoach.core.session.wording import (
    SHORT_BANNERS,
    WATER_LIMIT,
    banner_choices,
    banner_text,
    next_text,
    paused_text,
    position_text,
    rest_words,
    water_check_words,
)
from neurocoach.core.settings import Settings
from neurocoach.core.voice.commands import Command, Listening
from neurocoach.ui.common import theme
from neurocoach.ui.common.button_rows import ButtonRows
from neurocoach.ui.common.widgets import announce, big_button, text_label
from neurocoach.ui.player.countdown_display import CountdownDisplay
from neurocoach.ui.player.illustration_view import IllustrationView
from neurocoach.ui.player.instructions_view import InstructionsView, Part
from neurocoach.ui.session.driver import SessionDriver

_KEYPAD = Qt.KeyboardModifier.KeypadModifier
QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's own limit: no maximum
BANNER_PADDING = (16, 6)  # px: at the sides, above and below
COUNTDOWN_SHARE = 0.36  # of the page's height, where the words leave room for it
COUNTDOWN_LEAST = 0.26  # of the window's height, never less: digits over a quarter of it
# ... except where the words to say (voice control) need the room: at 200 % on 1024x768 they
# take two lines, and the countdown and picture were drawn under the buttons by 23 px.
COUNTDOWN_LEAST_WITH_WORDS = 0.22
FLASH_MS = 450
FLASH_WIDTH = 12
FLASH_COLOURS = {  # the frame's colour for each cue; the same moments as the tones
    # Mid-tone colours: over 3:1 against the light, dark and high-contrast backgrounds alike.
    Tone.READY: "#b86e00",
    Tone.HOLD_START: "#2e8b3a",
    Tone.TICK: "#3f6fd8",
    Tone.HOLD_END: "#9c4dcc",
    Tone.SWITCH: "#d24a00",
    Tone.REST: "#00838f",
    Tone.COMPLETE: "#2e8b3a",
}


class PlayerPage(QWidget):
    """Signals: stop_requested() when the user asks to stop (the window confirms it);
    adjust_requested() for "Adjust this exercise"."""

    stop_requested = Signal()
    adjust_requested = Signal()
    voice_listening = Listening.PLAYER

    def __init__(
        self,
        driver: SessionDriver,
        illustrations: Path,
        settings: Settings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("player")
        self.setAccessibleName("Exercise player")
        self.driver = driver
        self.engine = driver.engine
        self.routine = driver.engine.routine
        self.settings = settings or Settings()
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.flash_colour: str | None = None
        self._flash_end = QTimer(self)
        self._flash_end.setObjectName("flash_end")
        self._flash_end.setSingleShot(True)
        self._flash_end.timeout.connect(self._on_flash_end_timeout)
        self._set_frame(None)

        self.banner = QLabel(self)
        self.banner.setObjectName("phase_banner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setMinimumHeight(72)
        self.banner.setWordWrap(True)  # "Switch to your right hand" at 200 % is wider than 1024 px
        self.position = text_label("", self, role="subtitle")
        self.position.setObjectName("position")
        self.position.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.illustration = IllustrationView(illustrations, self)
        self._routine_folder = self.routine.path.parent if self.routine.path else None

        self.step_title = text_label("", self, role="title")
        self.step_title.setObjectName("step_title")
        self.instructions = InstructionsView(self)
        self.caution = text_label("", self, role="caution")
        self.caution.setObjectName("caution")
        self._caution_text = ""
        # The arrangement is chosen for the routine's longest caution, once: a step with a long
        # one would otherwise make the page taller than the window (and the window taller than
        # the screen), and steps with and without one would switch the page about.
        cautions = [f"Take care: {s.caution}" for s in self.routine.steps if s.caution]
        self._longest_caution = max(cautions, key=len, default="")

        self.countdown = CountdownDisplay(self)
        self.next_label = text_label("", self, role="subtitle")
        self.next_label.setObjectName("next")
        self.next_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        # "Back", not "Previous": at 200 % text the six buttons fit two rows on a 1024 px screen.
        self.previous_button = big_button("Back", "←", self, stacked=True, icon="back")
        self.previous_button.setAccessibleName("Back to the previous step")
        self.pause_button = big_button(
            "Pause", "Space", self, primary=True, stacked=True, icon="pause"
        )
        # "Go on", not "Resume": plainer, and short enough that six buttons keep their icons in
        # one row on a 1280 px window at 100 % text.
        self.pause_button.other_words = ("Go on", "Done", "Yes")
        self.extend_button = big_button("+10 s", "+", self, stacked=True, icon="plus")
        self.next_button = big_button("Next", "→", self, stacked=True, icon="next")
        self.adjust_button = big_button("Adjust", "A", self, stacked=True, icon="adjust")
        self.adjust_button.setAccessibleName("Adjust this exercise")
        self.stop_button = big_button("Stop", "Esc", self, stacked=True, icon="stop")
        buttons = (
            self.previous_button,
            self.pause_button,
            self.extend_button,
            self.next_button,
            self.adjust_button,
            self.stop_button,
        )
        for button in buttons:
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # One row of controls when they fit; else balanced rows (large text, small screen).
        self.controls = ButtonRows(buttons, self)
        self.controls.setObjectName("controls")
        # The spoken commands, while voice control listens (`show_voice_words`).
        self.voice_words = text_label("", self, role="muted")
        self.voice_words.setObjectName("voice_words")
        self.voice_words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.voice_words.hide()

        self._grid = QGridLayout(self)
        margin = FLASH_WIDTH + 4  # room for the flashing frame around everything
        self._grid.setContentsMargins(margin, margin, margin, margin)
        self.compact = False
        if parent is not None:
            # Laid out at once for the window it goes into: a page arranged for a roomy
            # window, put into a cramped one, would first make the window grow.
            self.resize(parent.window().size())
        self._arrange(compact=not self._fits_roomy())

        self.previous_button.clicked.connect(self.engine.previous_step)
        self.pause_button.clicked.connect(self._on_pause_clicked)
        self.adjust_button.clicked.connect(self.adjust_requested.emit)
        self.extend_button.clicked.connect(self._on_extend_clicked)
        self.next_button.clicked.connect(self.engine.next_step)
        self.stop_button.clicked.connect(self.stop_requested.emit)
        driver.phase_started.connect(self._on_driver_phase_started)
        driver.paused_changed.connect(self._on_driver_paused_changed)
        driver.ticked.connect(self._refresh_time)
        if driver.planner is not None:
            driver.planner.cue_emitted.connect(self._on_planner_cue)

    # --- keys ----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.settings["single_switch"] and not event.modifiers() & ~_KEYPAD:
            # One switch, a pedal or any key: it does what Space does.
            self._on_pause_clicked()
        elif key == Qt.Key.Key_Space:
            self._on_pause_clicked()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown):
            self.engine.next_step()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.engine.previous_step()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self._on_extend_clicked()
        elif key == Qt.Key.Key_Escape:
            self.stop_requested.emit()
        elif key == Qt.Key.Key_A:
            self.adjust_requested.emit()
        elif key == Qt.Key.Key_R:
            self.repeat_instructions()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def hear(self, command: Command) -> None:
        """A spoken command: what its key does, except that "pause" only pauses and "go on"
        only goes on (a key toggles; a word heard twice must not undo itself)."""
        running = self.engine.state is SessionState.RUNNING
        phase = self.engine.phase
        if command is Command.PAUSE and running:
            self.engine.pause()
        elif command is Command.GO_ON:
            if self.engine.state is SessionState.PAUSED:
                self.engine.resume()
            elif running and phase is not None and phase.open_ended and not self._checking(phase):
                self.engine.finish_hold()
        elif command is Command.NEXT:
            self.engine.next_step()
        elif command is Command.BACK:
            self.engine.previous_step()
        elif command is Command.MORE_TIME:
            self._on_extend_clicked()
        elif command is Command.REPEAT:
            self.repeat_instructions()
        elif command is Command.STOP:
            self.stop_requested.emit()

    @staticmethod
    def _checking(phase: Phase) -> bool:
        """The water check asks a question that "go on" must not answer: it wants Space."""
        return phase.kind is PhaseKind.CHECK

    def repeat_instructions(self) -> None:
        if self.driver.planner is not None:
            self.driver.planner.repeat()

    def show_voice_words(self, words: str) -> None:
        """ "Say: pause, go on, …" under the controls while voice control listens; "" hides it."""
        if words == self.voice_words.text() and bool(words) != self.voice_words.isHidden():
            return
        self.voice_words.setText(words)
        self.voice_words.setVisible(bool(words))
        self._size_parts()

    def _update_pause_button(self) -> None:
        phase = self.engine.phase
        if self.engine.state is SessionState.PAUSED:
            word = "Go on"
        elif phase is not None and phase.kind is PhaseKind.CHECK:
            word = "Yes"  # the banner asks: is the thermometer at 37 °C or less?
        elif phase is not None and phase.open_ended:
            word = "Done"
        else:
            word = "Pause"
        self.pause_button.set_word(word)
        icon = {"Pause": "pause", "Go on": "play"}.get(word, "check")
        self.pause_button.set_icon(icon)
        self.pause_button.setAccessibleName(word)

    @Slot()
    def _on_pause_clicked(self) -> None:
        """Space: "done" during a wait-for-me hold, else pause or resume."""
        phase = self.engine.phase
        if phase is not None and phase.open_ended and self.engine.state is SessionState.RUNNING:
            self.engine.finish_hold()
        else:
            self.engine.toggle_pause()

    # --- showing -------------------------------------------------------------------------
    def _arrange(self, compact: bool) -> None:
        """Place the parts for a roomy window (the picture beside the words and the countdown)
        or a cramped one (large text on a small screen: the words across the whole width, the
        picture beside the countdown under them). Both need no scrolling."""
        self.compact = compact
        self._show_phase_banner()  # in the arrangement's size and words
        grid = self._grid
        while grid.count():
            grid.takeAt(0)
        for row in range(8):
            grid.setRowStretch(row, 0)
        for column in range(2):
            grid.setColumnStretch(column, 0)
        self._set_role(self.step_title, "strong" if compact else "title")
        self._set_role(self.position, "" if compact else "subtitle")
        side = Qt.AlignmentFlag.AlignLeft if compact else Qt.AlignmentFlag.AlignRight
        self.position.setAlignment(side | Qt.AlignmentFlag.AlignVCenter)
        self.next_label.setVisible(not compact)
        if not compact:
            where = QVBoxLayout()
            where.setSpacing(0)
            where.addWidget(self.position)
            where.addWidget(self.next_label)
            grid.addWidget(self.banner, 0, 0)
            grid.addLayout(where, 0, 1)
            grid.addWidget(self.illustration, 1, 0, 4, 1)
            grid.addWidget(self.step_title, 1, 1)
            grid.addWidget(self.instructions, 2, 1)
            grid.addWidget(self.caution, 3, 1)
            grid.addWidget(self.countdown, 4, 1)
            grid.addWidget(self.controls, 5, 0, 1, 2)
            grid.addWidget(self.voice_words, 6, 0, 1, 2)
            grid.setRowStretch(2, 1)
            grid.setColumnStretch(0, 1)
            grid.setColumnStretch(1, 1)
        else:
            # What to do now beside the step's name, where it is under them; the words across
            # the width; the picture beside the countdown.
            top = QHBoxLayout()
            top.setSpacing(16)
            top.addWidget(self.banner, 0)
            top.addWidget(self.step_title, 1)
            grid.addLayout(top, 0, 0, 1, 2)
            grid.addWidget(self.position, 1, 0, 1, 2)
            grid.addWidget(self.instructions, 2, 0, 1, 2)
            grid.addWidget(self.caution, 3, 0, 1, 2)
            grid.addWidget(self.illustration, 4, 0)
            grid.addWidget(self.countdown, 4, 1)
            grid.addWidget(self.controls, 5, 0, 1, 2)
            grid.addWidget(self.voice_words, 6, 0, 1, 2)
            grid.setRowStretch(2, 1)
            grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(4 if compact else -1)  # -1: the style's
        self._show_words()

    def _show_words(self) -> None:
        """The instructions, and in the cramped arrangement the caution and what comes next
        as parts of their own, shown in turn: there is no room to show them all at once."""
        words = getattr(self, "_words", "")
        if not self.compact:
            self.caution.setText(self._caution_text)
            self.caution.setVisible(bool(self._caution_text))
            self.instructions.set_parts(words)
            return
        self.caution.setVisible(False)
        extra = [Part(self._caution_text, caution=True)] if self._caution_text else []
        if self.next_label.text():
            extra.append(Part(self.next_label.text()))
        self.instructions.set_parts(words, extra)

    @staticmethod
    def _set_role(label: QLabel, role: str) -> None:
        if label.property("role") != role:
            label.setProperty("role", role)
            label.style().unpolish(label)
            label.style().polish(label)

    def _fits_roomy(self) -> bool:
        """Whether the roomy arrangement leaves the words three lines and the countdown over
        a quarter of the window, at this size and text size."""
        inner = self.width() - 2 * (FLASH_WIDTH + 4)
        half = (inner - self._grid.horizontalSpacing()) // 2
        lines = 3 * self.instructions.fontMetrics().lineSpacing()
        wide_top = max(
            self._banner_height(),
            self._role_height(self.position, "subtitle", half) * 2,
        )
        title = self._role_height(self.step_title, "title", half)
        caution = self._caution_height(self._longest_caution, half)
        spacing = 5 * max(0, self._grid.verticalSpacing())
        height = self._page_height()
        room = height - 2 * (FLASH_WIDTH + 4) - spacing - wide_top
        room -= self.controls.heightForWidth(inner)
        if not self.voice_words.isHidden():
            room -= self.voice_words.heightForWidth(inner)
        return room - title - lines - caution >= self._least_countdown()

    def _caution_height(self, text: str, width: int) -> int:
        """The caution label's height for `text` at `width` (0 for none)."""
        if not text:
            return 0
        shown = self.caution.text()
        if text == shown:
            return self.caution.heightForWidth(max(width, 1))  # no text set and set back
        self.caution.setText(text)
        height = self.caution.heightForWidth(max(width, 1))
        self.caution.setText(shown)
        return height

    def _role_height(self, label: QLabel, role: str, width: int) -> int:
        """The label's height at `width` in the font of `role` (the one it would have),
        measured without restyling it."""
        font = QFont(label.font())
        font.setPointSize(theme.role_point_size(role))
        font.setBold(True)
        flags = Qt.TextFlag.TextWordWrap.value
        rect = QFontMetrics(font).boundingRect(
            QRect(0, 0, max(width, 1), 100_000), flags, label.text() or "Xg"
        )
        margins = label.contentsMargins()
        return rect.height() + margins.top() + margins.bottom()

    def _page_height(self) -> int:
        """The height to share out: the page's, but never more than the screen leaves it.
        (The page can be taller for a moment while the window is laid out; sizes fixed from
        that would hold the window taller than the screen.)"""
        chrome = self.window().height() - self.height()
        return max(1, min(self.height(), self.screen().availableGeometry().height() - chrome))

    def _least_countdown(self, share: float = COUNTDOWN_LEAST) -> int:
        """`share` of the window's height (as the screen allows it)."""
        window = min(self.window().height(), self.screen().availableGeometry().height())
        return int(window * share) + 1

    def _banner_height(self) -> int:
        """One line of the banner's words (see `_show_phase_banner`), and its padding."""
        margins = self.banner.contentsMargins()
        line = QFontMetrics(self._banner_font()).height()
        return max(72, line + margins.top() + margins.bottom() + 2 * BANNER_PADDING[1] + 2)

    def _fit_heights(self) -> None:
        """Give the wrapped labels at the top the height their words need at their width: a
        grid asks for minimum heights before it knows widths, and would squeeze them."""
        inner = self.width() - 2 * (FLASH_WIDTH + 4) - self._grid.horizontalSpacing()
        banner = self._banner_width()
        named = inner - banner if self.compact else inner // 2
        if self.compact:
            self.banner.setFixedWidth(banner)
            self.position.setMinimumHeight(max(0, self.position.heightForWidth(inner)))
        else:
            self.banner.setMinimumWidth(0)
            self.banner.setMaximumWidth(QWIDGETSIZE_MAX)
            self.position.setMinimumHeight(max(0, self.position.heightForWidth(max(1, named))))
        self.banner.setMinimumHeight(self._banner_height())
        for label in (self.step_title, self.next_label):
            label.setMinimumHeight(max(0, label.heightForWidth(max(1, named))))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._size_parts()

    def _size_parts(self) -> None:
        """The arrangement and the fixed heights for the page's size and the words shown."""
        compact = not self._fits_roomy()
        if compact != self.compact:
            self._arrange(compact)
        self._show_phase_banner()  # full or short words, by the width there is now
        self._fit_heights()
        if compact:
            side = self._least_countdown()
            if not self.voice_words.isHidden():
                floor = self._least_countdown(COUNTDOWN_LEAST_WITH_WORDS)
                side = max(floor, min(side, self._compact_room()))
            self.countdown.setFixedHeight(side)
            self.illustration.setFixedSize(side, side)  # its row is the countdown's
        else:
            self.illustration.setMinimumSize(0, 0)
            self.illustration.setMaximumHeight(QWIDGETSIZE_MAX)
            self.countdown.setFixedHeight(self._roomy_countdown_height())
            # The picture is square: wider than the space is tall would only take width from
            # the countdown beside it. (The row's height does not depend on the width.)
            self.illustration.setMaximumWidth(max(self.illustration.height(), 1))

    def _compact_room(self) -> int:
        """The height the cramped arrangement leaves the countdown's row: the page less the
        rows above and below it, the words at their least (one part's line)."""
        inner = self.width() - 2 * (FLASH_WIDTH + 4)
        top = max(
            self._banner_height(), self.step_title.heightForWidth(inner - self._banner_width())
        )
        rows = (
            top + self.position.heightForWidth(inner) + self.instructions.minimumSizeHint().height()
        )
        rows += self.controls.heightForWidth(inner) + self.voice_words.heightForWidth(inner)
        spacing = 6 * max(0, self._grid.verticalSpacing())
        return self._page_height() - 2 * (FLASH_WIDTH + 4) - spacing - rows

    def _roomy_countdown_height(self) -> int:
        """As tall as COUNTDOWN_SHARE of the page, or less where the words need the room, but
        never under COUNTDOWN_LEAST."""
        inner = self.width() - 2 * (FLASH_WIDTH + 4)
        half = (inner - self._grid.horizontalSpacing()) // 2
        words = self.step_title.heightForWidth(half) + self.instructions.sizeHint().height()
        words += self._caution_height(self._caution_text, half)
        top = max(self._banner_height(), self._role_height(self.position, "subtitle", half) * 2)
        spacing = 5 * max(0, self._grid.verticalSpacing())
        height = self._page_height()
        room = height - 2 * (FLASH_WIDTH + 4) - spacing - top - words
        room -= self.controls.heightForWidth(inner)
        if not self.voice_words.isHidden():
            room -= self.voice_words.heightForWidth(inner)
        return max(self._least_countdown(), min(int(height * COUNTDOWN_SHARE), room))

    @Slot(object)
    def _on_driver_phase_started(self, phase: Phase) -> None:
        step = phase.step
        if phase.kind is PhaseKind.REST:
            title, words = rest_words(phase, self.engine.upcoming, self.routine)
        elif phase.kind is PhaseKind.CHECK:
            title, words, _ = water_check_words(step.title)
            step = replace(step, title=title, illustration="check-water.svg")
        else:
            title, words = step.title, step.instructions
        self.step_title.setText(title)
        self._words = words
        self._caution_text = f"Take care: {step.caution}" if step.caution else ""
        self.illustration.show_step(step, phase.side, self._routine_folder)
        self.position.setText(position_text(phase, self.routine))
        self.next_label.setText(next_text(phase, self.engine.upcoming, self.routine))
        self._show_phase_banner()
        self._show_words()
        self._size_parts()  # the countdown gives way to longer words (within its least)
        self._update_pause_button()
        words = f"{banner_text(phase, self.routine)}. {step.title}. {self.position.text()}"
        self.setAccessibleDescription(words)
        announce(self, words)
        self._refresh_time()

    @Slot()
    def refresh_words(self) -> None:
        """Say again where the user is and what comes next (after a change of settings)."""
        phase = self.engine.phase
        if phase is None:
            return
        self.position.setText(position_text(phase, self.routine))
        self.next_label.setText(next_text(phase, self.engine.upcoming, self.routine))
        self._refresh_time()

    @Slot(bool)
    def _on_driver_paused_changed(self, paused: bool) -> None:
        self._update_pause_button()
        self._show_phase_banner()
        self._refresh_time()

    @Slot()
    def _on_extend_clicked(self) -> None:
        self.engine.extend()
        self._refresh_time()

    @Slot()
    def _refresh_time(self) -> None:
        if self.engine.state not in (SessionState.RUNNING, SessionState.PAUSED):
            self.illustration.follow(None)
            return
        remaining, total = self.engine.remaining(), self.engine.phase_duration()
        phase = self.engine.phase
        self.countdown.set_dimmed(self.engine.state is SessionState.PAUSED)
        if self.engine.waiting_for_voice:
            self.countdown.show_word("Listen", "listening to the instructions")
        elif phase is not None and phase.kind is PhaseKind.CHECK:
            waiting = f"waiting for {WATER_LIMIT} or less"
            self.countdown.show_word(f"{WATER_LIMIT}?", waiting, whole_ring=True)
        elif phase is not None and phase.open_ended:
            # Wait for me: count up the time held; the bar fills toward the usual hold.
            self.countdown.set_time(total - remaining, phase.target)
        else:
            self.countdown.set_time(remaining, total)
        if phase is not None:
            lead_in = phase.kind in (PhaseKind.READY, PhaseKind.SWITCH)
            pace = reading_pace(float(self.settings["speech_rate"]))
            before = word_count(phase.step.title) if lead_in else 0
            self.instructions.show_at(total - remaining, pace, before)
        moving = phase is not None and phase.kind is not PhaseKind.REST
        self.countdown.set_resting(phase is not None and phase.kind is PhaseKind.REST)
        # The movement is shown while getting ready and while doing it; a rest stays still.
        self.illustration.show_elapsed(total - remaining if moving else 0.0)
        running = self.engine.state is SessionState.RUNNING
        self.illustration.follow(self._seconds_into_phase if moving and running else None)

    def _seconds_into_phase(self) -> float:
        """For the moving picture, between the countdown's own refreshes."""
        return self.engine.phase_duration() - self.engine.remaining()

    def _on_planner_cue(self, cue: Cue) -> None:
        """Flash the frame at the moments the tones play, for those who cannot hear them."""
        if not cue.flash or not cue.tones:
            return
        self._set_frame(FLASH_COLOURS[cue.tones[-1]])
        self._flash_end.start(FLASH_MS)

    @Slot()
    def _on_flash_end_timeout(self) -> None:
        self._set_frame(None)

    def _set_frame(self, colour: str | None) -> None:
        self.flash_colour = colour
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.flash_colour is None:
            return
        painter = QPainter(self)
        pen = QPen(QColor(self.flash_colour), FLASH_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = FLASH_WIDTH // 2
        painter.drawRect(self.rect().adjusted(half, half, -half, -half))
        painter.end()

    def _show_phase_banner(self) -> None:
        """The banner for the moment: paused, or what to do in this phase; in its full words
        where they fit on one line, else in its short ones. One line always, so that a new
        phase or a pause never moves anything on the page."""
        phase = self.engine.phase
        if self.engine.state is SessionState.PAUSED:
            by_gap = self.engine.paused_by_gap
            words = self._banner_words(paused_text(by_gap), paused_text(by_gap, short=True))
            self._show_banner(words, "paused")
        elif phase is not None:
            words = self._banner_words(*banner_choices(phase, self.routine))
            self._show_banner(words, phase.kind.value)

    def _banner_font(self) -> QFont:
        font = QFont(self.banner.font())
        font.setPointSize(theme.role_point_size("subtitle" if self.compact else "title"))
        font.setBold(True)
        return font

    def _banner_width(self) -> int:
        inner = self.width() - 2 * (FLASH_WIDTH + 4) - self._grid.horizontalSpacing()
        if not self.compact:
            return inner // 2
        # As wide as its widest short word, so it keeps its place from phase to phase.
        widest = max(QFontMetrics(self._banner_font()).horizontalAdvance(w) for w in SHORT_BANNERS)
        return widest + 2 * BANNER_PADDING[0]

    def _banner_words(self, *choices: str) -> str:
        """The fullest of the choices that fits the banner on one line (else the last)."""
        room = self._banner_width() - 2 * BANNER_PADDING[0] - 4
        metrics = QFontMetrics(self._banner_font())
        return next((c for c in choices if metrics.horizontalAdvance(c) <= room), choices[-1])

    def _show_banner(self, text: str, colour_key: str) -> None:
        colour = theme.phase_look(colour_key)
        self.countdown.set_phase(colour_key)
        self.banner.setText(text)
        self.banner.setProperty("colour_key", colour_key)
        self._style_banner(colour)
        self._fit_heights()

    def _style_banner(self, look: theme.PhaseLook) -> None:
        self.banner.setStyleSheet(
            f"background: {look.fill}; color: {look.ink}; font-weight: bold;"
            f" font-size: {theme.role_point_size('subtitle' if self.compact else 'title')}pt;"
            f" border-radius: 12px; padding: {BANNER_PADDING[1]}px {BANNER_PADDING[0]}px;"
        )
