"""Big buttons in as little height as fits: one row on a wide window, more at large text.

At 200 % text a row of six labelled buttons is wider than a 1280 px screen. Rather than cut
their labels, or let them push the window past the screen's edge, the buttons wrap into
balanced rows (six as 3 + 3 or 2 + 2 + 2, four as 2 + 2), each button keeping its full label
and a height of at least 64 px; a button that names its key puts the key beside its word or
under it, whichever takes less height, and its icon is left out before a label is cut (or a
row added). The widget reports the height it needs for a given width, so the layout around
it gives it exactly that.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QRect, QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from neurocoach.ui.common.theme import SPACE
from neurocoach.ui.common.widgets import KeyedButton

SPACING = SPACE["s"]  # px between two buttons, beside or above each other


class ButtonRows(QWidget):
    """Lays out `buttons` (already made, in reading order) in rows; `stretch` gives each
    button's share of a row's spare width (by default, all equal)."""

    def __init__(
        self,
        buttons: Sequence[QPushButton],
        parent: QWidget | None = None,
        stretch: Sequence[int] | None = None,
    ) -> None:
        super().__init__(parent)
        self.buttons = list(buttons)
        self._stretch = list(stretch) if stretch is not None else [1] * len(self.buttons)
        for button in self.buttons:
            button.setParent(self)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._shape = (False, True, 0)

    # --- how many rows ---------------------------------------------------------------------
    def plan(self, width: int) -> tuple[bool, list[list[QPushButton]]]:
        """(stacked, rows): the balanced rows, keys beside or under the words, that fit
        `width` in the least height; of equal heights, keys beside the words."""
        stacked, _iconed, rows = self.shape(width)
        return stacked, rows

    def shape(self, width: int) -> tuple[bool, bool, list[list[QPushButton]]]:
        """(stacked, iconed, rows): as `plan`, and whether the buttons' icons are shown. Of
        equal heights, icons shown; an icon is left out rather than a label cut or a row
        added."""
        shown = [b for b in self.buttons if not b.isHidden()]
        best: tuple[int, bool, bool, list[list[QPushButton]]] | None = None
        for iconed in (True, False):
            for stacked in (False, True):
                for count in range(1, max(1, len(shown)) + 1):
                    per_row = math.ceil(len(shown) / count)
                    rows = [shown[i : i + per_row] for i in range(0, len(shown), per_row)]
                    if all(self._row_width(row, stacked, iconed) <= width for row in rows):
                        height = self._height(rows, stacked, iconed)
                        if best is None or height < best[0]:
                            best = (height, stacked, iconed, rows)
                        break
        if best is None:
            return True, False, [[button] for button in shown]
        return best[1], best[2], best[3]

    @staticmethod
    def _hint(button: QPushButton, stacked: bool, iconed: bool = True) -> QSize:
        if isinstance(button, KeyedButton):
            return button.hint_for(stacked, iconed)
        return button.sizeHint()

    def _row_width(self, row: Sequence[QPushButton], stacked: bool, iconed: bool = True) -> int:
        hints = sum(self._hint(b, stacked, iconed).width() for b in row)
        return hints + SPACING * (len(row) - 1)

    def _row_height(self, row: Sequence[QPushButton], stacked: bool, iconed: bool = True) -> int:
        return max((self._hint(b, stacked, iconed).height() for b in row), default=0)

    def _height(self, rows: list[list[QPushButton]], stacked: bool, iconed: bool = True) -> int:
        rows_height = sum(self._row_height(row, stacked, iconed) for row in rows)
        return rows_height + SPACING * (len(rows) - 1)

    # --- sizes the layout asks for ---------------------------------------------------------
    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        stacked, iconed, rows = self.shape(width)
        return self._height(rows, stacked, iconed)

    def sizeHint(self) -> QSize:
        shown = [b for b in self.buttons if not b.isHidden()]
        width = self._row_width(shown, False)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        """As narrow as the widest button; as tall as the rows need at the present width
        (a layout asks for the minimum height before it knows the width it will give)."""
        widest = max((self._hint(b, True, False).width() for b in self.buttons), default=0)
        # Before it is first laid out, its width is a guess: that of the window, less margins.
        width = self.width() if self.isVisible() else self.window().width() - 2 * 24
        return QSize(widest, self.heightForWidth(max(width, widest)))

    # --- placing them ----------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.arrange()

    def event(self, event: QEvent) -> bool:
        # A button's size changed (a new word, a new text size): place them all again.
        if event.type() == QEvent.Type.LayoutRequest:
            self.arrange()
            self.updateGeometry()
        return super().event(event)

    def arrange(self) -> None:
        """Put each button in its row; the spare width of a row goes by stretch."""
        width = self.width()
        top = 0
        stacked, iconed, rows = self.shape(width)
        if (stacked, iconed, len(rows)) != self._shape:
            self._shape = (stacked, iconed, len(rows))
            self.updateGeometry()  # a new number of rows: ask the layout for the new height
        for button in self.buttons:
            if isinstance(button, KeyedButton):
                button.set_shape(stacked, iconed)
        for row in rows:
            height = self._row_height(row, stacked, iconed)
            spare = max(0, width - self._row_width(row, stacked, iconed))
            shares = [self._stretch[self.buttons.index(b)] for b in row]
            total = sum(shares) or 1
            left = 0
            for number, (button, share) in enumerate(zip(row, shares, strict=True)):
                extra = spare * share // total
                if number == len(row) - 1:  # the last one takes what rounding left over
                    button_width = width - left
                else:
                    button_width = self._hint(button, stacked, iconed).width() + extra
                button.setGeometry(QRect(left, top, button_width, height))
                left += button_width + SPACING
            top += height + SPACING
