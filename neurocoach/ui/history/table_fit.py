"""Table columns as wide as their text, within the table's width: never cut, never sideways.

Column widths set by hand fit 18 pt text; at 200 % the dates and routine names were cut off
("Wed 02 De…"), and the columns together were wider than a 1024 px screen. Here each column
asks for the width of its widest text (of the first rows: a long history is not read to the
end for this); when all of them do not fit, the text wraps at spaces instead, into as few
lines as fit, every column at least as wide as its longest word, and the rows grow tall
enough for their lines. Columns named `optional` (what the line under the table says of the
chosen row anyway) are left out before the text wraps into more than two lines. However long
a routine's title, it wraps in its column rather than push the table sideways.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QTableView

SAMPLE_ROWS = 200  # the rows whose text sets the widths: the newest, the ones in view first
PADDING = 16  # px beside a cell's text (the view's own margins, and air)
ROW_PADDING = 12  # px above and below it
FOCUS_BORDER = 6  # px: the stylesheet's border of a focused table, all round
MOST_LINES = 8  # a cell is asked to wrap into more lines than this only if it cannot fit


def fit_columns(
    table: QTableView,
    widths: Sequence[int] = (),
    row_height: int = 56,
    rows_shown: int | None = None,
    least_rows: int = 0,
    optional: Sequence[int] = (),
) -> None:
    """Fit the table's columns and rows to its text now, and again whenever its width or its
    text size changes.

    `widths` are the widths wanted at 100 % (kept while they fit and the text needs no
    more), `row_height` the least height of a row; with `rows_shown`, the table is made just
    tall enough for that many rows, and it is never shorter than `least_rows` rows.
    """
    fitter = table.findChild(_ColumnFitter)
    if fitter is None:
        fitter = _ColumnFitter(table, widths, row_height, rows_shown, least_rows, optional)
    fitter.fit()


class _ColumnFitter(QObject):
    def __init__(
        self,
        table: QTableView,
        widths: Sequence[int],
        row_height: int,
        rows_shown: int | None,
        least_rows: int,
        optional: Sequence[int],
    ) -> None:
        super().__init__(table)
        self.optional = set(optional)
        self.table = table
        self.widths = list(widths)
        self.row_height = row_height
        self.rows_shown = rows_shown
        self.least_rows = least_rows
        self._fitting = False
        table.horizontalHeader().setStretchLastSection(True)  # no gap at the right
        self.viewport = table.viewport()
        table.installEventFilter(self)
        self.viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (watched is self.viewport and kind == QEvent.Type.Resize) or (
            watched is self.table and kind in (QEvent.Type.FontChange, QEvent.Type.StyleChange)
        ):
            self.fit()
        return False

    def fit(self) -> None:
        if self._fitting or self.table.model() is None:
            return
        self._fitting = True
        try:
            self._fit()
        finally:
            self._fitting = False

    def _fit(self) -> None:
        table, model = self.table, self.table.model()
        header = table.horizontalHeader()
        bold = QFont(header.font())
        bold.setBold(True)  # as the stylesheet draws the titles
        cell, head = table.fontMetrics(), QFontMetrics(bold)
        rows = min(model.rowCount(), SAMPLE_ROWS)
        texts: list[set[str]] = []
        natural: list[int] = []  # each column's width with its text on one line
        narrowest: list[int] = []  # and with it wrapped at every space
        for column in range(model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            found = {str(model.data(model.index(row, column)) or "") for row in range(rows)}
            texts.append(found)
            title_width = head.horizontalAdvance(title) + 2 * PADDING  # bold, with a border
            words = {word for text in found for word in text.split()}
            natural.append(
                max([title_width] + [cell.horizontalAdvance(t) + PADDING for t in found])
            )
            narrowest.append(
                max([title_width] + [cell.horizontalAdvance(w) + PADDING for w in words])
            )
        room = self._room(model.rowCount())
        wanted = [max(n, w) for n, w in zip(natural, self._widths(len(natural)), strict=True)]
        shown, chosen, lines = self._plan(room, wanted, natural, narrowest)
        for column in range(len(natural)):
            table.setColumnHidden(column, column not in shown)
        for column, width in zip(shown, chosen, strict=True):
            header.resizeSection(column, width)
        wrap = lines > 1
        table.setWordWrap(wrap)
        text_height = cell.height()
        if wrap:
            for width, column in zip(chosen, shown, strict=True):
                for text in texts[column]:
                    box = QRect(0, 0, max(1, width - PADDING), 1_000_000)
                    flags = int(Qt.TextFlag.TextWordWrap.value)
                    text_height = max(text_height, cell.boundingRect(box, flags, text).height())
        row_height = max(self.row_height, text_height + 2 * ROW_PADDING)
        table.verticalHeader().setDefaultSectionSize(row_height)
        head_height = header.sizeHint().height() + 2 * FOCUS_BORDER
        if self.rows_shown is not None:
            table.setFixedHeight(head_height + max(1, self.rows_shown) * row_height)
        elif self.least_rows:
            table.setMinimumHeight(head_height + self.least_rows * row_height)

    def _room(self, row_count: int) -> int:
        """The width the columns share: the viewport's with the vertical scroll bar in it
        whenever not every row is sure to be in view, shown or not.

        Planned for the viewport of the moment, the plan made its own scroll bar come and go:
        without the bar (64 px) a title fits in fewer lines, the rows are lower, the table
        shorter, so the bar comes; with it the rows are higher again. The fit then swings
        between two plans in turn, and the page is laid out for one while the table has the
        other: the table drawn over the Delete button. Same width either way: one plan.
        """
        table = self.table
        room = table.maximumViewportSize().width()  # less a bar only if it is always on
        # The rows are all as high: with `rows_shown`, or no more rows than `least_rows`, the
        # table is as tall as its rows; else the layout may give it less, and the bar comes.
        in_view = self.rows_shown if self.rows_shown is not None else self.least_rows
        as_needed = table.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAsNeeded
        if as_needed and row_count > in_view:
            room -= table.verticalScrollBar().sizeHint().width()
        return max(1, room)

    def _plan(
        self, room: int, wanted: list[int], natural: list[int], narrowest: list[int]
    ) -> tuple[list[int], list[int], int]:
        """(the columns shown, their widths, the lines their text may take): one line with
        the widths wanted, else the fewest lines that fit, leaving out the optional columns
        before going past two."""
        every = list(range(len(natural)))
        if sum(wanted) <= room:
            return every, wanted, 1
        needed = [c for c in every if c not in self.optional]
        # Past MOST_LINES only for text that fits in no fewer (a title a paragraph long):
        # on to the lines at which every column is as narrow as its longest word, the last
        # try, which only a word wider than the table does not fit (then it scrolls sideways).
        words_only = max(
            (math.ceil((natural[c] - PADDING) / max(1, narrowest[c] - PADDING)) for c in needed),
            default=1,
        )
        most = max(MOST_LINES, words_only)
        tries = [(every, 1), (every, 2)] + [(needed, n) for n in range(1, most + 1)]
        for shown, lines in tries:
            widths = [
                max(narrowest[c], math.ceil((natural[c] - PADDING) / lines) + PADDING)
                for c in shown
            ]
            if sum(widths) <= room:
                break
        # What room is left goes to the columns whose text would still wrap.
        spare = max(0, room - sum(widths))
        more = [natural[c] - w for c, w in zip(shown, widths, strict=True)]
        total = sum(more) or 1
        return shown, [w + spare * m // total for w, m in zip(widths, more, strict=True)], lines

    def _widths(self, count: int) -> list[int]:
        return (self.widths + [0] * count)[:count]
