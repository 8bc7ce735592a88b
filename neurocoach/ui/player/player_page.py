"""The player: what to do now, how long is left, what comes next, and six big controls.

After Start it needs no input at all: the SessionDriver moves it from phase to phase. Every
control also has a key, named on the button. The buttons never take keyboard focus, so Space
and the arrow keys always mean Pause, Previous and Next, whatever was clicked last.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from neurocoach.core.session.cues import Cue, Tone
from neurocoach.core.session.engine import SessionState
from neurocoach.core.session.timeline import Phase, PhaseKind
from neurocoach.core.session.wording import banner_text, next_text, position_text, rest_words
from neurocoach.core.settings import Settings
from neurocoach.ui.common import theme
from neurocoach.ui.common.widgets import announce, big_button, button_label, scroll_area, text_label
from neurocoach.ui.player.countdown_display import CountdownDisplay
from neurocoach.ui.player.illustration_view import IllustrationView
from neurocoach.ui.session.driver import SessionDriver

_KEYPAD = Qt.KeyboardModifier.KeypadModifier
COUNTDOWN_SHARE = 0.36  # of the page's height: keeps the digits over a quarter of the window
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
        self.position = text_label("", self, role="subtitle")
        self.position.setObjectName("position")
        self.position.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.illustration = IllustrationView(illustrations, self)
        self._routine_folder = self.routine.path.parent if self.routine.path else None

        self.step_title = text_label("", self, role="title")
        self.step_title.setObjectName("step_title")
        self.instructions = text_label("", self)
        self.instructions.setObjectName("instructions")
        self.instructions.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.caution = text_label("", self, role="caution")
        self.caution.setObjectName("caution")

        self.countdown = CountdownDisplay(self)
        self.next_label = text_label("", self, role="subtitle")
        self.next_label.setObjectName("next")
        self.next_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.previous_button = big_button("Previous", "←", self, stacked=True)
        self.pause_button = big_button("Pause", "Space", self, primary=True, stacked=True)
        self.extend_button = big_button("+10 s", "+", self, stacked=True)
        self.next_button = big_button("Next", "→", self, stacked=True)
        self.adjust_button = big_button("Adjust", "A", self, stacked=True)
        self.adjust_button.setAccessibleName("Adjust this exercise")
        self.stop_button = big_button("Stop", "Esc", self, stacked=True)
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

        # The picture takes the left half; what to do and how long is left, the right half.
        where = QVBoxLayout()
        where.setSpacing(0)
        where.addWidget(self.position)
        where.addWidget(self.next_label)
        top = QHBoxLayout()
        top.addWidget(self.banner, 1)
        top.addLayout(where, 1)
        # Long instructions scroll rather than push the countdown out of sight (the voice
        # reads them too).
        self.instructions_area = scroll_area(self.instructions, self)
        self.instructions_area.setMinimumSize(120, 60)  # not the scroll area's roomy default
        right = QVBoxLayout()
        right.addWidget(self.step_title)
        right.addWidget(self.instructions_area, 1)
        right.addWidget(self.caution)
        right.addWidget(self.countdown)
        middle = QHBoxLayout()
        middle.addWidget(self.illustration, 1)
        middle.addLayout(right, 1)
        # One row of controls when they fit; else two rows of three (large text, small screen).
        self._buttons = buttons
        self._per_row = 0
        controls = QGridLayout()
        self._controls = controls
        self._arrange_controls(len(buttons))
        page = QVBoxLayout(self)
        margin = FLASH_WIDTH + 4  # room for the flashing frame around everything
        page.setContentsMargins(margin, margin, margin, margin)
        page.addLayout(top)
        page.addLayout(middle, 1)
        page.addLayout(controls)

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
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _update_pause_button(self) -> None:
        phase = self.engine.phase
        if self.engine.state is SessionState.PAUSED:
            word = "Resume"
        elif phase is not None and phase.open_ended:
            word = "Done"
        else:
            word = "Pause"
        self.pause_button.setText(button_label(word, "Space", stacked=True))
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
    def _arrange_controls(self, per_row: int) -> None:
        if per_row == self._per_row:
            return
        self._per_row = per_row
        for button in self._buttons:
            self._controls.removeWidget(button)
        for number, button in enumerate(self._buttons):
            self._controls.addWidget(button, number // per_row, number % per_row)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        spacing = max(0, self._controls.spacing())
        needed = sum(b.sizeHint().width() for b in self._buttons) + spacing * len(self._buttons)
        room = self.width() - 2 * (FLASH_WIDTH + 4)
        self._arrange_controls(len(self._buttons) if needed <= room else 3)
        self.countdown.setFixedHeight(int(self.height() * COUNTDOWN_SHARE))
        # The picture is square: wider than the space is tall would only take width from the
        # countdown beside it. (Its height is already laid out: the row's height does not
        # depend on the width.)
        self.illustration.setMaximumWidth(max(self.illustration.height(), 1))

    @Slot(object)
    def _on_driver_phase_started(self, phase: Phase) -> None:
        step = phase.step
        if phase.kind is PhaseKind.REST:
            title, words = rest_words(phase, self.engine.upcoming, self.routine)
        else:
            title, words = step.title, step.instructions
        self.step_title.setText(title)
        self.instructions.setText(words)
        self.caution.setText(f"Take care: {step.caution}" if step.caution else "")
        self.caution.setVisible(bool(step.caution))
        self.illustration.show_step(step, phase.side, self._routine_folder)
        self.position.setText(position_text(phase, self.routine))
        self.next_label.setText(next_text(phase, self.engine.upcoming, self.routine))
        self._show_banner(banner_text(phase, self.routine), phase.kind.value)
        self._update_pause_button()
        words = f"{self.banner.text()}. {step.title}. {self.position.text()}"
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
        phase = self.engine.phase
        if paused and self.engine.paused_by_gap:
            self._show_banner("Paused while the computer slept · Space goes on", "paused")
        elif paused:
            self._show_banner("Paused · press Space to go on", "paused")
        elif phase is not None:
            self._show_banner(banner_text(phase, self.routine), phase.kind.value)
        self._refresh_time()

    @Slot()
    def _on_extend_clicked(self) -> None:
        self.engine.extend()
        self._refresh_time()

    @Slot()
    def _refresh_time(self) -> None:
        if self.engine.state not in (SessionState.RUNNING, SessionState.PAUSED):
            return
        remaining, total = self.engine.remaining(), self.engine.phase_duration()
        phase = self.engine.phase
        self.countdown.set_dimmed(self.engine.state is SessionState.PAUSED)
        if self.engine.waiting_for_voice:
            self.countdown.show_word("Listen", "listening to the instructions")
        elif phase is not None and phase.open_ended:
            # Wait for me: count up the time held; the bar fills toward the usual hold.
            self.countdown.set_time(total - remaining, phase.target)
        else:
            self.countdown.set_time(remaining, total)
        moving = phase is not None and phase.kind is not PhaseKind.REST
        # The movement is shown while getting ready and while doing it; a rest stays still.
        self.illustration.show_elapsed(total - remaining if moving else 0.0)

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

    def _show_banner(self, text: str, colour_key: str) -> None:
        colour = theme.PHASE_COLOURS[colour_key]
        self.banner.setText(text)
        self.banner.setStyleSheet(
            f"background: {colour}; color: {theme.BANNER_INK}; font-weight: bold;"
            f" font-size: {round(30 * theme.current_scale)}pt;"
            " border-radius: 12px; padding: 6px 16px;"
        )
