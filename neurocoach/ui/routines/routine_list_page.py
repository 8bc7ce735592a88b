"""The first screen: every routine as a large row, chosen with the arrow keys and Enter.

Broken routine files are listed too, in red with the first problem, so an author sees why
their routine is missing instead of wondering; choosing one shows all its problems.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from neurocoach.core.routine.catalog import CatalogEntry
from neurocoach.core.session.timeline import SessionOptions, total_seconds
from neurocoach.core.session.wording import about_minutes
from neurocoach.core.voice.commands import Command, Listening
from neurocoach.ui.common import theme
from neurocoach.ui.common.button_rows import ButtonRows
from neurocoach.ui.common.widgets import big_button, text_label

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
_PAD = 16
_Index = QModelIndex | QPersistentModelIndex


class RoutineRowDelegate(QStyledItemDelegate):
    """Paints a routine as a tall row: title, length and area, and a one-line description."""

    def __init__(self, options: SessionOptions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.options = options

    def _fonts(self, base: QFont) -> tuple[QFont, QFont]:
        title = QFont(base)
        title.setPointSizeF(base.pointSizeF() * 1.25)
        title.setBold(True)
        return title, QFont(base)

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        return QSize(400, self.row_height(option.font))

    def row_height(self, font: QFont) -> int:
        title, body = self._fonts(font)
        # Room for two lines of description: it wraps rather than being cut short.
        height = QFontMetrics(title).height() + 2 * QFontMetrics(body).height() + 3 * _PAD
        return max(96, height)

    def texts(
        self, title: str, right: str, body: str, width: int, font: QFont
    ) -> tuple[str, str, str]:
        """The title, the words right of it and the description, for a row `width` wide. A
        title that does not fit beside "about 17 min · hands" (large text on a small screen)
        keeps the whole line, and the length and area begin the description instead: the
        name of the routine matters more than its length."""
        title_font, body_font = self._fonts(font)
        beside = width - QFontMetrics(body_font).horizontalAdvance(right) - _PAD
        if QFontMetrics(title_font).horizontalAdvance(title) <= beside:
            return title, right, body
        return title, "", f"{right}. {body}"

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        entry: CatalogEntry = index.data(ENTRY_ROLE)
        title_font, body_font = self._fonts(option.font)
        rect: QRect = option.rect.adjusted(4, 4, -4, -4)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colours = theme.current
        back = QColor(colours.accent) if selected else QColor(colours.row)
        ink = QColor(colours.on_accent) if selected else QColor(colours.ink)
        painter.setPen(QPen(QColor(colours.accent if selected else colours.edge), 2))
        painter.setBrush(back)
        radius = theme.RADIUS["control"]
        painter.drawRoundedRect(rect, radius, radius)
        inner = rect.adjusted(_PAD, _PAD // 2, -_PAD, -_PAD // 2)
        title_height = QFontMetrics(title_font).height()
        title_rect = QRect(inner.x(), inner.y(), inner.width(), title_height + _PAD // 2)
        body_rect = QRect(
            inner.x(), title_rect.bottom(), inner.width(), inner.bottom() - title_rect.bottom()
        )
        if entry.routine is not None:
            routine = entry.routine
            title, body = routine.title, routine.description
            right = f"{about_minutes(total_seconds(routine, self.options))} · {routine.area.value}"
        else:
            title = f"{entry.path.name} cannot be used"
            first = entry.problems[0] if entry.problems else None
            body = f"Line {first.line}: {first.message}" if first else "unknown problem"
            right = "broken"
            if not selected:
                ink = QColor(colours.problem)
        painter.setPen(ink)
        title, right, body = self.texts(title, right, body, title_rect.width(), option.font)
        if right:
            painter.setFont(body_font)
            right_width = QFontMetrics(body_font).horizontalAdvance(right) + _PAD
            painter.drawText(
                title_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, right
            )
            title_rect.setRight(title_rect.right() - right_width)
        painter.setFont(title_font)
        elided = QFontMetrics(title_font).elidedText(
            title, Qt.TextElideMode.ElideRight, title_rect.width()
        )
        painter.drawText(
            title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided
        )
        painter.setFont(body_font)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(body_rect, flags, body)
        painter.restore()


def _height(widget: QWidget, width: int) -> int:
    if widget.hasHeightForWidth():
        return max(widget.heightForWidth(width), widget.minimumSizeHint().height())
    return widget.sizeHint().height()


class RoutineList(QListWidget):
    """The list itself; Enter or Return chooses the current row (no double-click needed)."""

    chosen = Signal(object)  # CatalogEntry

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            entry = self.current_entry()
            if entry is not None:
                self.chosen.emit(entry)
            event.accept()
            return
        super().keyPressEvent(event)

    def current_entry(self) -> CatalogEntry | None:
        item = self.currentItem()
        entry = item.data(ENTRY_ROLE) if item is not None else None
        return entry if isinstance(entry, CatalogEntry) else None


class RoutineListPage(QWidget):
    """Signals: routine_chosen(CatalogEntry), history_requested(), open_file_requested(),
    settings_requested(), self_checks_requested()."""

    routine_chosen = Signal(object)
    voice_listening = Listening.START
    history_requested = Signal()
    open_file_requested = Signal()
    settings_requested = Signal()
    self_checks_requested = Signal()

    def __init__(
        self, entries: list[CatalogEntry], options: SessionOptions, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("routine_list_page")
        heading = text_label("Choose a routine", self, role="title")
        self.hint = hint = text_label(
            "Move with the arrow keys, then press Enter. Once started, the coach guides you "
            "by itself: no need to touch anything.",
            self,
            role="muted",
        )
        # "Today": what is planned, what is done, the streak (set by the reminders).
        self.today = text_label("", self)
        self.today.setObjectName("today")
        self.today.hide()
        self.voice_words = text_label("", self, role="strong")
        self.voice_words.setObjectName("voice_words")
        self.voice_words.hide()
        self._voice = ""  # "Say: start", or "" while the coach does not listen
        self.list = RoutineList(self)
        self.list.setObjectName("routines")
        self.list.setAccessibleName("Routines")
        # Under the scroll area's roomy default: at 200 % on a small screen two rows show, and
        # the arrow keys scroll to the rest.
        self.list.setMinimumHeight(120)
        self.delegate = RoutineRowDelegate(options, self.list)
        self.list.setItemDelegate(self.delegate)
        self.list.setSpacing(theme.SPACE["xs"])
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.start_button = big_button("Start", "Enter", self, primary=True, icon="play")
        self.history_button = big_button("History", "Ctrl+H", self, icon="history")
        self.self_checks_button = big_button("Self-checks", "Ctrl+K", self, icon="stopwatch")
        self.settings_button = big_button("Settings", "Ctrl+,", self, icon="settings")
        self.open_button = big_button("Open file", "Ctrl+O", self, icon="open")

        # The main action takes the spare width; at large text the row wraps in two.
        buttons = ButtonRows(
            [
                self.start_button,
                self.history_button,
                self.self_checks_button,
                self.settings_button,
                self.open_button,
            ],
            self,
            stretch=[1, 0, 0, 0, 0],
        )
        layout = QVBoxLayout(self)
        theme.page_margins(layout, top=theme.SPACE["s"])
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.today)
        layout.addWidget(self.voice_words)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

        self.set_entries(entries)
        self.list.chosen.connect(self.routine_chosen.emit)
        self.start_button.clicked.connect(self._on_start_clicked)
        self.history_button.clicked.connect(self.history_requested.emit)
        self.open_button.clicked.connect(self.open_file_requested.emit)
        self.settings_button.clicked.connect(self.settings_requested.emit)
        self.self_checks_button.clicked.connect(self.self_checks_requested.emit)
        self.setFocusProxy(self.list)

    def hear(self, command: Command) -> None:
        """ "Start": what Enter does, on the routine highlighted."""
        if command is Command.START:
            self._on_start_clicked()

    def show_voice_words(self, words: str) -> None:
        """ "Say: start (for the routine highlighted)" while voice control listens."""
        self._voice = words
        self.voice_words.setVisible(bool(words))
        self._fit_hint()

    def set_options(self, options: SessionOptions) -> None:
        """New timing settings: the lengths shown change with them."""
        self.delegate.options = options
        self.list.viewport().update()

    def set_today(self, words: str) -> None:
        self.today.setText(words)
        self.today.setAccessibleName(words)
        self.today.setVisible(bool(words))
        self._fit_hint()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_hint()

    def _fit_hint(self) -> None:
        """What gives way when the page is short (large text on a small screen), so the list
        keeps room for a whole routine and the buttons stay on the screen: first the hint (the
        buttons name their keys), then "(for the routine highlighted)" after "Say: start",
        last the "Today" line (the reminders say it too). "Today" says more to someone who
        comes back every day, the words to say more to someone who cannot use the keys."""
        layout = self.layout()
        if layout is None:
            return
        margins = layout.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        spacing = max(layout.spacing(), 0)
        optional = (self.hint, self.today, self.voice_words)
        fixed = [w for w in self._column() if not w.isHidden() and w not in optional]
        room = (
            self.height() - margins.top() - margins.bottom() - self.delegate.row_height(self.font())
        )
        room -= sum(_height(w, width) + spacing for w in fixed)

        def tall(label: QLabel, text: str) -> int:
            """Its height with `text` at this width, measured without setting it."""
            if not text:
                return 0
            flags = Qt.TextFlag.TextWordWrap
            lines = label.fontMetrics().boundingRect(QRect(0, 0, width, 1 << 20), flags, text)
            margins = label.contentsMargins()
            return lines.height() + margins.top() + margins.bottom() + spacing

        said = self._voice
        full = f"{said} (for the routine highlighted)" if said else ""
        hint, today = tall(self.hint, self.hint.text()), tall(self.today, self.today.text())
        choices = [  # hint shown, today shown, the words to say
            (True, True, full),
            (False, True, full),
            (False, True, said),
            (False, False, said),
        ]
        for show_hint, show_today, words in choices:
            if hint * show_hint + today * show_today + tall(self.voice_words, words) <= room:
                break
        self.hint.setVisible(show_hint)
        self.today.setVisible(show_today and bool(self.today.text()))
        self.voice_words.setText(words)

    def _column(self) -> list[QWidget]:
        layout = self.layout()
        found = []
        for index in range(layout.count() if layout is not None else 0):
            item = layout.itemAt(index) if layout is not None else None
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.list:
                found.append(widget)
        return found

    def entry_for(self, routine_id: str) -> CatalogEntry | None:
        """The listed routine with this id (a reminder names its routine by id)."""
        for row in range(self.list.count()):
            entry = self.list.item(row).data(ENTRY_ROLE)
            if isinstance(entry, CatalogEntry) and entry.routine and entry.routine.id == routine_id:
                return entry
        return None

    def title_for(self, routine_id: str) -> str:
        """The routine's title, or its id if it is not listed (its file was removed)."""
        entry = self.entry_for(routine_id)
        return entry.routine.title if entry is not None and entry.routine else routine_id

    def titles(self) -> list[tuple[str, str]]:
        """(id, title) of every routine that can be used, in the order listed."""
        found = []
        for row in range(self.list.count()):
            entry = self.list.item(row).data(ENTRY_ROLE)
            if isinstance(entry, CatalogEntry) and entry.routine is not None:
                found.append((entry.routine.id, entry.routine.title))
        return found

    def set_entries(self, entries: list[CatalogEntry]) -> None:
        self.list.clear()
        # Working routines first, in title order; broken files after them.
        ordered = sorted(
            entries, key=lambda e: (not e.ok, e.routine.title.lower() if e.routine else e.path.name)
        )
        for entry in ordered:
            item = QListWidgetItem(self.list)
            item.setData(ENTRY_ROLE, entry)
            item.setText(entry.routine.title if entry.routine else f"{entry.path.name} (broken)")
        if self.list.count():
            self.list.setCurrentRow(0)

    @Slot()
    def _on_start_clicked(self) -> None:
        entry = self.list.current_entry()
        if entry is not None:
            self.routine_chosen.emit(entry)
