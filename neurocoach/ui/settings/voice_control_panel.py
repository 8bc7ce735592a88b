"""Under the voice control settings: whether the coach hears, how loud, and what to say.

A person trying voice control for the first time needs to see that the microphone hears them
before a session depends on it, so a bar shows the microphone's loudness as they speak. The
bar is read from the listener about ten times a second, and only while the panel is on the
screen. The words listed are the core's own (core/voice/commands.py), never a second copy.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QHideEvent, QPainter, QPaintEvent, QPen, QShowEvent
from PySide6.QtWidgets import QFrame, QSizePolicy, QVBoxLayout, QWidget

from neurocoach.core.settings import Settings
from neurocoach.core.voice.commands import COMMANDS_FOR, Listening
from neurocoach.core.voice.listener import VoiceListener
from neurocoach.ui.common import theme
from neurocoach.ui.common.widgets import text_label

LEVEL_EVERY_MS = 100  # ten times a second: the bar moves with a spoken word

NOT_ON = "Not listening: turn voice control on above."
NO_MICROPHONE = "Not listening: no microphone could be opened."
LISTENING = "Listening. Speak a word to see the bar move."
HOW_TO_SAY = (
    "Say each word on its own, with a short pause before and after. "
    "While the coach is speaking it does not listen."
)


def known_words() -> str:
    """ "The coach knows these words: pause, …, stop. On the stop question: yes, no. …"."""

    def words(listening: Listening) -> str:
        return ", ".join(command.words for command in COMMANDS_FOR[listening])

    return (
        f"The coach knows these words: {words(Listening.PLAYER)}. "
        f"On the stop question: {words(Listening.QUESTION)}. "
        f"On the routine list: {words(Listening.START)}."
    )


class LevelMeter(QWidget):
    """A thick bar, filled from the left as far as the sound is loud (0 to 1): the accent on
    the track, inside an edge, in the colours of the theme in use. It takes no focus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("microphone_level")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Microphone level")
        self._level = 0.0
        self._said = ""

    @property
    def level(self) -> float:
        return self._level

    def set_level(self, level: float) -> None:
        level = min(max(float(level), 0.0), 1.0)
        if level != self._level:
            self._level = level
            self.update()
        # Said in tens, so a screen reader is not told a new number ten times a second.
        said = f"{round(level * 10) * 10} %"
        if said != self._said:
            self._said = said
            self.setAccessibleDescription(said)

    def sizeHint(self) -> QSize:
        # As tall as one and a half lines of text: it grows with the text size.
        return QSize(400, round(self.fontMetrics().height() * 1.5))

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        p = theme.current
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        edge = 2
        outer = QRectF(self.rect()).adjusted(edge / 2, edge / 2, -edge / 2, -edge / 2)
        radius = theme.RADIUS["inner"]
        painter.setPen(QPen(QColor(p.edge), edge))
        painter.setBrush(QColor(p.track))
        painter.drawRoundedRect(outer, radius, radius)
        if self._level > 0:
            inner = outer.adjusted(edge, edge, -edge, -edge)
            inner.setWidth(inner.width() * self._level)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(p.accent))
            painter.drawRoundedRect(inner, radius - edge, radius - edge)
        painter.end()


class VoiceControlPanel(QFrame):
    """The microphone's level and what it hears by, under the voice control settings.

    `voice` gives the listener, or None while there is none (no sound layer, or not made
    yet); it is asked each time, so a listener made later is found. The panel follows the
    voice_control setting as it changes. Nothing here takes the focus: Tab passes it by.
    """

    def __init__(
        self,
        settings: Settings,
        voice: Callable[[], VoiceListener | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("voice_control_panel")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.settings = settings
        self._voice = voice
        column = QVBoxLayout(self)
        column.setContentsMargins(12, 0, 12, 0)  # in line with the rows' labels above
        column.setSpacing(theme.SPACE["s"])
        self.meter_label = text_label("Microphone level", self, role="strong")
        self.meter = LevelMeter(self)
        self.meter_label.setBuddy(self.meter)
        self.status = text_label(NOT_ON, self)
        self.status.setObjectName("voice_status")
        self.words = text_label(known_words(), self)
        self.words.setObjectName("voice_words")
        self.how = text_label(HOW_TO_SAY, self)
        self.how.setObjectName("voice_how")
        for widget in (self.meter_label, self.meter, self.status, self.words, self.how):
            column.addWidget(widget)
        self.timer = QTimer(self)
        self.timer.setObjectName("microphone_level_timer")
        self.timer.setInterval(LEVEL_EVERY_MS)
        self.timer.timeout.connect(self._on_timer_timeout)
        # Settings.changed is a plain callback list, which outlives this panel: let go of it
        # when the panel goes (without reaching for the panel itself, by then half gone).
        follow = self._on_settings_changed
        settings.changed.connect(follow)
        self.destroyed.connect(lambda _=None: _disconnect(settings, follow))
        self.refresh()

    def listener(self) -> VoiceListener | None:
        return self._voice() if self._voice is not None else None

    def refresh(self) -> None:
        """Show whether the coach listens, and how loud the microphone is now."""
        listener = self.listener()
        if not self.settings["voice_control"]:
            words, level = NOT_ON, 0.0
        elif listener is None or not listener.listening:
            words, level = NO_MICROPHONE, 0.0
        else:
            words, level = LISTENING, listener.level()
        if self.status.text() != words:
            self.status.setText(words)
        self.meter.set_level(level)

    def _on_settings_changed(self, name: str) -> None:
        if name == "voice_control" and shiboken6.isValid(self):
            self.refresh()

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.refresh()  # the listener may open (or lose) its microphone at any time

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
        if self._voice is not None:
            self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()  # the dialog closed or went out of sight: nothing to show it to
        super().hideEvent(event)


def _disconnect(settings: Settings, callback: Callable[[str], None]) -> None:
    with contextlib.suppress(ValueError):  # already let go of
        settings.changed.disconnect(callback)
