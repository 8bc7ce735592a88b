"""Small building blocks shared by the pages: big labelled buttons and text labels."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QWidget,
)

CONTROL_MIN = 64


class BigButton(QPushButton):
    """A push button never smaller than 64 x 64 px, and never squeezed below its text.

    The size is given as the button's own size hint (not a stylesheet min-height, which a
    layout would treat as permission to shrink a two-line label down to one line's height).
    """

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[call-overload]
        # As tall as its row: a one-line button beside two-line ones is not a thinner target.
        self.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Minimum)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), CONTROL_MIN), max(hint.height(), CONTROL_MIN))

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class KeyedButton(BigButton):
    """A big button whose label names its key too, beside the word or under it: ButtonRows
    chooses whichever lets a row of them take the least height."""

    def __init__(
        self, word: str, key_hint: str, parent: QWidget | None, stacked: bool = False
    ) -> None:
        super().__init__(button_label(word, key_hint, stacked), parent)
        self.word = word
        self.key_hint = key_hint
        self.stacked = stacked

    def set_word(self, word: str) -> None:
        """A new word (Pause becomes Resume), its key still named the same way."""
        self.word = word
        self.setText(button_label(word, self.key_hint, self.stacked))

    def set_stacked(self, stacked: bool) -> None:
        """The key on a line of its own (narrower) or beside the word (less tall)."""
        if stacked != self.stacked:
            self.stacked = stacked
            self.setText(button_label(self.word, self.key_hint, stacked))

    def hint_for(self, stacked: bool) -> QSize:
        """The size the button would ask for with its key stacked or not, measured as
        QPushButton measures its own text, without changing the label."""
        text = button_label(self.word, self.key_hint, stacked)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = text
        content = self.fontMetrics().size(Qt.TextFlag.TextShowMnemonic.value, text)
        hint = self.style().sizeFromContents(
            QStyle.ContentsType.CT_PushButton, option, content, self
        )
        return QSize(max(hint.width(), CONTROL_MIN), max(hint.height(), CONTROL_MIN))


def announce(widget: QWidget, message: str) -> None:
    """Ask a screen reader to say the message now (Qt 6.8+ announcements; AT-SPI on Linux)."""
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, message))


def button_label(text: str, key_hint: str, stacked: bool = False) -> str:
    """ "Pause  [Space]", or with `stacked` the key on a second line, for narrow rows."""
    if not key_hint:
        return text
    return f"{text}\n[{key_hint}]" if stacked else f"{text}  [{key_hint}]"


def big_button(
    text: str, key_hint: str, parent: QWidget, primary: bool = False, stacked: bool = False
) -> KeyedButton:
    """A large button whose label also names its key."""
    button = KeyedButton(text, key_hint, parent, stacked)
    button.setAccessibleName(text)
    button.setProperty("primary", primary)
    button.setAutoDefault(False)
    return button


def scroll_area(content: QWidget, parent: QWidget) -> QScrollArea:
    """Content that scrolls up and down when it does not fit: no frame, no sideways scroll,
    and no Tab stop of its own (Tab goes to the controls inside it)."""
    area = QScrollArea(parent)
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def text_label(text: str, parent: QWidget, role: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text, parent)
    if role:
        label.setProperty("role", role)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
