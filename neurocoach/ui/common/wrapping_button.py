"""A big button for a label with a name in it, whose words wrap when the label is too wide.

"Adjust the exercises of Foot wash, massage and check…  E" is about 1700 px wide at 200 % text:
wider than a 1024 or 1280 px screen. Qt's buttons do not wrap their text; this one does.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QStyle, QStyleOptionButton, QWidget

from neurocoach.ui.common.widgets import CONTROL_MIN, BigButton, button_label, paint_label


class WrappingButton(BigButton):
    """A big button whose words break into lines when the button is narrower than its label.

    For a label with a name in it (a routine's title can be long): one line while it fits,
    else as many as the width needs, the key always on the last. A layout gives the button
    the height its lines need, and never less width than its longest word.
    """

    def __init__(self, text: str, key_hint: str, parent: QWidget) -> None:
        super().__init__(button_label(text, key_hint), parent)
        self._words, self._key = text, key_hint
        self.setAccessibleName(text)
        self.setAutoDefault(False)
        # Narrower than its one-line label when it must be (down to the longest word).
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def lines_for(self, width: int) -> str:
        """The label broken into lines no wider than fits a button `width` wide."""
        whole = button_label(self._words, self._key)
        if self._size_of(whole).width() <= width:
            return whole
        room = width - (self._size_of("").width() - self._size_of("", bare=True).width())
        metrics = self.fontMetrics()
        lines: list[str] = []
        for word in (*self._words.split(), self._key):
            if not word:
                continue
            joined = f"{lines[-1]} {word}" if lines else word
            if lines and metrics.horizontalAdvance(joined) <= room:
                lines[-1] = joined
            else:
                lines.append(word)
        return "\n".join(lines)

    def _size_of(self, label: str, bare: bool = False) -> QSize:
        """The size the style gives a button with this label (the padding and border
        included, unless `bare`), as QPushButton.sizeHint works it out."""
        text = self.fontMetrics().size(Qt.TextFlag.TextShowMnemonic.value, label or "X")
        if bare:
            return text
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = label
        size = self.style().sizeFromContents(QStyle.ContentsType.CT_PushButton, option, text, self)
        return size.expandedTo(QSize(CONTROL_MIN, CONTROL_MIN))

    def sizeHint(self) -> QSize:
        return self._size_of(button_label(self._words, self._key))

    def minimumSizeHint(self) -> QSize:
        words = self._words.split() + ([self._key] if self._key else [])
        width = max(self._size_of(word).width() for word in words)
        return QSize(width, self.heightForWidth(width))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._size_of(self.lines_for(width)).height()

    def paintEvent(self, event: QPaintEvent) -> None:
        """The words as Qt would draw them, the key (last) smaller and quieter."""
        lines: list[list[tuple[str, bool]]] = [[(line, False)] for line in self.text().split("\n")]
        last = self.text().split("\n")[-1]
        if self._key and last.endswith(self._key):
            words = last[: -len(self._key)].rstrip()
            lines[-1] = [(words, False), (self._key, True)] if words else [(self._key, True)]
        paint_label(self, lines, "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        label = self.lines_for(event.size().width())
        if label != self.text():
            self.setText(label)
        super().resizeEvent(event)
