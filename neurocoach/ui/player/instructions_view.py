"""The step's instructions, in parts when the room left for them is too small for all.

A hands-free user cannot scroll, and at 200 % text on a laptop screen a long instruction
can need more lines than there are. So the text is cut, at full stops where it can be and
between words where a sentence alone is too long, into parts that each fit the label as it
is laid out now; a part says where it is ("part 1 of 3", not to be taken for the step's
"Step 1 of 8"). Which part shows is set from outside (`show_at`), in time with the voice. A
screen reader is given the whole text at once.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from neurocoach.core.session.reading import part_shown, word_count

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


class Part:
    """One part: its words and whether it is the caution (drawn as one)."""

    def __init__(self, text: str, caution: bool = False) -> None:
        self.text = text
        self.caution = caution


class InstructionsView(QLabel):
    """Shows one part at a time of the instructions (and the extra parts given with them)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("instructions")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # It takes the height the layout has left; it asks for two lines, needs one.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._blocks: list[Part] = []
        self.parts: list[Part] = []
        self._word_counts: list[int] = []  # of each part: counted once, not at every tick
        self.index = 0
        self._laid_out_for = QSize()

    # --- what to show --------------------------------------------------------------------
    def set_parts(self, instructions: str, extra: list[Part] | None = None) -> None:
        """New words: the instructions, then any extra parts (a caution, what comes next)."""
        self._blocks = [Part(instructions), *(extra or [])]
        self.setAccessibleDescription(" ".join(block.text for block in self._blocks))
        self._laid_out_for = QSize()
        self.index = 0
        self._paginate()

    def full_text(self) -> str:
        return " ".join(block.text for block in self._blocks)

    def show_at(self, elapsed: float, pace: float, words_before: int = 0) -> None:
        """Show the part the voice has reached `elapsed` seconds into the phase."""
        self._show(part_shown(self._word_counts, elapsed, pace, words_before))

    # --- sizes ---------------------------------------------------------------------------
    def hasHeightForWidth(self) -> bool:
        return False  # takes what it is given: the parts are cut to fit that

    def sizeHint(self) -> QSize:
        return QSize(400, 2 * self.fontMetrics().lineSpacing())

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.fontMetrics().lineSpacing() + 4)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._paginate()

    # --- cutting into parts ----------------------------------------------------------------
    def _fits(self, text: str, metrics: QFontMetrics, width: int, height: int) -> bool:
        flags = Qt.TextFlag.TextWordWrap.value
        return metrics.boundingRect(QRect(0, 0, width, 100_000), flags, text).height() <= height

    def _paginate(self) -> None:
        size = self.contentsRect().size()
        if size == self._laid_out_for or size.width() <= 0 or not self._blocks:
            self._show(self.index)
            return
        self._laid_out_for = size
        shown = self.parts[self.index].text if self.parts else ""
        metrics = self.fontMetrics()
        width, height = size.width(), max(size.height(), metrics.lineSpacing())
        marker = "  (part 9 of 9)"  # room for the part's place, at its widest
        whole = [b.text for b in self._blocks]
        if self._fits("\n".join(whole), metrics, width, height) and not any(
            b.caution for b in self._blocks
        ):
            self.parts = [Part("\n".join(whole))]
        else:
            self.parts = []
            for block in self._blocks:
                self.parts += self._cut(block, metrics, width, height, marker)
        self._word_counts = [word_count(part.text) for part in self.parts]
        # Keep showing the part that holds what was on screen, so a resize does not jump back.
        index = next((i for i, p in enumerate(self.parts) if shown and shown in p.text), 0)
        self.index = -1
        self._show(index)

    def _cut(
        self, block: Part, metrics: QFontMetrics, width: int, height: int, marker: str
    ) -> list[Part]:
        def fits(text: str) -> bool:
            return self._fits(text + marker, metrics, width, height)

        pieces: list[str] = []  # sentences, and a sentence too long for a part cut in words
        for sentence in _SENTENCE_END.split(block.text.strip()):
            pieces += [sentence] if fits(sentence) else _pack(sentence.split(), fits)
        return [Part(text, block.caution) for text in _pack(pieces, fits)]

    def _show(self, index: int) -> None:
        if not self.parts:
            self.setText("")
            return
        index = max(0, min(index, len(self.parts) - 1))
        if index == self.index and self.text():
            return
        self.index = index
        part = self.parts[index]
        where = f"  (part {index + 1} of {len(self.parts)})" if len(self.parts) > 1 else ""
        self.setText(part.text + where)
        if bool(self.property("role") == "caution") != part.caution:
            self.setProperty("role", "caution" if part.caution else "")
            self.style().unpolish(self)
            self.style().polish(self)


def _pack(pieces: list[str], fits: Callable[[str], bool]) -> list[str]:
    """The pieces joined, in order, into as few parts as `fits` allows (a piece too long
    alone is a part of its own)."""
    parts: list[str] = []
    current = ""
    for piece in pieces:
        joined = f"{current} {piece}".strip()
        if current and not fits(joined):
            parts.append(current)
            current = piece
        else:
            current = joined
    if current:
        parts.append(current)
    return parts
