"""Small building blocks shared by the pages: big labelled buttons and text labels."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QSize, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QWidget,
)

from neurocoach.ui.common import icons, theme

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
    """A big button with an icon beside its word and its key named after it, in smaller,
    quieter text ("Start  Enter"), or under it: ButtonRows chooses whichever lets a row of
    them take the least height, and leaves the icon out before a label would be cut.

    `text()` stays the plain label (word and key), as a screen reader and the tests read it;
    the button paints the word, the key and the icon itself.
    """

    def __init__(
        self,
        word: str,
        key_hint: str,
        parent: QWidget | None,
        stacked: bool = False,
        icon: str = "",
    ) -> None:
        super().__init__(button_label(word, key_hint, stacked), parent)
        self.word = word
        self.key_hint = key_hint
        self.stacked = stacked
        self.icon_name = icon if icons.exists(icon) else ""
        self.show_icon = True  # False when the row it is in has no room for icons
        # Layouts ask for the size hint hundreds of times a minute while a session runs; it
        # is measured once per shape and font (0.75 % of a core measured each time).
        self._hints: dict[tuple[object, ...], QSize] = {}
        # Words it may turn into (Pause, Resume, Done): it asks room for the widest of them,
        # so that nothing around it moves when its word changes.
        self.other_words: tuple[str, ...] = ()
        # Narrower than its hint when it must be: the icon goes, never the words.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)

    def set_word(self, word: str) -> None:
        """A new word (Pause becomes Resume), its key still named the same way."""
        self.word = word
        self.setText(button_label(word, self.key_hint, self.stacked))
        self._tell_parent()

    def _tell_parent(self) -> None:
        """Ask the parent to place its buttons again (Qt asks only a parent on the screen)."""
        parent = self.parentWidget()
        if parent is not None:
            QCoreApplication.postEvent(parent, QEvent(QEvent.Type.LayoutRequest))

    def set_icon(self, icon: str) -> None:
        """A new icon (pause becomes play), or none with ""."""
        self.icon_name = icon if icons.exists(icon) else ""
        self.updateGeometry()
        self._tell_parent()
        self.update()

    def set_stacked(self, stacked: bool) -> None:
        """The key on a line of its own (narrower) or beside the word (less tall)."""
        self.set_shape(stacked, self.show_icon)

    def set_shape(self, stacked: bool, show_icon: bool) -> None:
        """The key under the word or beside it; the icon shown or left out."""
        if show_icon != self.show_icon:
            self.show_icon = show_icon
            self.updateGeometry()
            self.update()
        if stacked != self.stacked:
            self.stacked = stacked
            self.setText(button_label(self.word, self.key_hint, stacked))

    def _lines(self, stacked: bool, word: str | None = None) -> list[list[tuple[str, bool]]]:
        word = self.word if word is None else word
        if not self.key_hint:
            return [[(word, False)]]
        if stacked:
            return [[(word, False)], [(self.key_hint, True)]]
        return [[(word, False), (self.key_hint, True)]]

    def hint_for(self, stacked: bool, show_icon: bool | None = None) -> QSize:
        """The size the button would ask for with its key stacked or not, and its icon shown
        or not (by default, as now), without changing the label."""
        iconed = self.show_icon if show_icon is None else show_icon
        words = (self.word, *self.other_words)
        key = (stacked, iconed, words, self.key_hint, self.icon_name, self.font().key())
        found = self._hints.get(key)
        if found is None:
            found = QSize(0, 0)
            for word in words:
                found = found.expandedTo(
                    label_hint(
                        self,
                        self._lines(stacked, word),
                        self.icon_name if iconed else "",
                        button_label(word, self.key_hint, stacked),
                    )
                )
            self._hints[key] = found
        return QSize(found)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._hints.clear()  # a new text size or theme: measure again
        super().changeEvent(event)

    def sizeHint(self) -> QSize:
        return self.hint_for(self.stacked)

    def minimumSizeHint(self) -> QSize:
        return self.hint_for(self.stacked, False)

    def paintEvent(self, event: QPaintEvent) -> None:
        fits = self.width() >= self.hint_for(self.stacked, True).width()
        icon = self.icon_name if self.show_icon and fits else ""
        paint_label(self, self._lines(self.stacked), icon)


def _key_font(button: QWidget) -> QFont:
    font = QFont(button.font())
    font.setBold(False)
    size = font.pointSizeF()
    if size > 0:
        font.setPointSizeF(max(14.0, size * theme.KEY_HINT_SCALE))
    return font


def icon_size(button: QWidget) -> int:
    """The side of a button's icon, in px: a line of its words less 2 px, so it grows with
    the text size (about 26 px at 100 %) and never makes the button taller than its words."""
    return max(16, button.fontMetrics().height() - 2)


def _measure(button: QWidget, lines: list[list[tuple[str, bool]]], icon: str) -> QSize:
    """The size of the words, keys and icon laid out as `paint_label` draws them."""
    word, key = button.fontMetrics(), QFontMetrics(_key_font(button))
    gap = word.horizontalAdvance("  ")
    side = icon_size(button) if icon else 0
    width = height = 0
    for number, line in enumerate(lines):
        line_width = sum(
            (key if is_key else word).horizontalAdvance(text) for text, is_key in line
        ) + gap * (len(line) - 1)
        line_height = max((key if is_key else word).height() for _, is_key in line)
        if number == 0 and side:
            line_width += side + theme.SPACE["s"]
            line_height = max(line_height, side)
        width, height = max(width, line_width), height + line_height
    return QSize(width, height)


def label_hint(
    button: QPushButton, lines: list[list[tuple[str, bool]]], icon: str, plain: str
) -> QSize:
    """The size a button asks for to show `lines` (and `icon`) as painted, and never less
    than QPushButton would ask for its `plain` text: its words are never cut either way."""
    content = _measure(button, lines, icon).expandedTo(
        button.fontMetrics().size(Qt.TextFlag.TextShowMnemonic.value, plain)
    )
    option = QStyleOptionButton()
    button.initStyleOption(option)
    option.text = plain
    option.icon = QIcon()
    hint = button.style().sizeFromContents(
        QStyle.ContentsType.CT_PushButton, option, content, button
    )
    return QSize(max(hint.width(), CONTROL_MIN), max(hint.height(), CONTROL_MIN))


def paint_label(button: QPushButton, lines: list[list[tuple[str, bool]]], icon: str) -> None:
    """Paint the button's face as the stylesheet says, then its icon, words and keys: the
    words in the button's own font and colour, the keys smaller, lighter, in a quieter tone
    (still 7:1), the icon in the colour of the words; the whole centred."""
    option = QStyleOptionButton()
    button.initStyleOption(option)
    option.text = ""
    option.icon = QIcon()
    painter = QStylePainter(button)
    painter.drawControl(QStyle.ControlElement.CE_PushButtonBevel, option)
    p = theme.current
    if not button.isEnabled():
        word_colour = key_colour = p.quiet
    elif button.property("primary"):
        word_colour, key_colour = p.on_accent, p.key_on_accent
    else:
        word_colour, key_colour = p.ink, p.key_ink
    area = button.style().subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
    size = _measure(button, lines, icon)
    word_font, key_font = QFont(button.font()), _key_font(button)
    word, key = QFontMetrics(word_font), QFontMetrics(key_font)
    gap = word.horizontalAdvance("  ")
    side = icon_size(button) if icon else 0
    top = area.top() + (area.height() - size.height()) // 2
    for number, line in enumerate(lines):
        first = number == 0 and side > 0
        line_size = _measure(button, [line], icon if first else "")
        x = area.left() + (area.width() - line_size.width()) // 2
        height = line_size.height()
        if first:
            picture = icons.pixmap(icon, side, word_colour, button.devicePixelRatioF())
            painter.drawPixmap(x, top + (height - side) // 2, picture)
            x += side + theme.SPACE["s"]
        # The words and keys of a line share one baseline, the words' own.
        baseline = top + (height - word.height()) // 2 + word.ascent()
        if all(is_key for _, is_key in line):
            baseline = top + (height - key.height()) // 2 + key.ascent()
        for text, is_key in line:
            painter.setFont(key_font if is_key else word_font)
            painter.setPen(QColor(key_colour if is_key else word_colour))
            painter.drawText(QPoint(x, baseline), text)
            x += (key if is_key else word).horizontalAdvance(text) + gap
        top += height


def announce(widget: QWidget, message: str) -> None:
    """Ask a screen reader to say the message now (Qt 6.8+ announcements; AT-SPI on Linux)."""
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, message))


def button_label(text: str, key_hint: str, stacked: bool = False) -> str:
    """ "Pause  Space", or with `stacked` the key on a second line, for narrow rows: the
    words a button shows (it paints the key smaller and quieter than the word)."""
    if not key_hint:
        return text
    return f"{text}\n{key_hint}" if stacked else f"{text}  {key_hint}"


def big_button(
    text: str,
    key_hint: str,
    parent: QWidget,
    primary: bool = False,
    stacked: bool = False,
    icon: str = "",
) -> KeyedButton:
    """A large button whose label also names its key, with `icon` (a name in
    assets/icons/ui, see neurocoach.ui.common.icons) beside its word."""
    button = KeyedButton(text, key_hint, parent, stacked, icon)
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


ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)  # the main keyboard's and the keypad's


def set_bold_size(label: QLabel, times: float) -> None:
    """Bold text `times` the title's size, at the text size applied (the self-checks' huge
    counts and results)."""
    size = round(theme.role_point_size("title") * times)
    label.setStyleSheet(f"font-size: {size}pt; font-weight: bold;")


# Up, Down, Page Up, Page Down: the odd ones go down.
SCROLL_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


def scroll_by_key(area: QScrollArea, key: int) -> None:
    """Move a page whose buttons take no focus with the arrow and page keys: three lines for
    an arrow, a screenful for Page Up or Down."""
    bar = area.verticalScrollBar()
    step = bar.pageStep() if key in SCROLL_KEYS[2:] else bar.singleStep() * 3
    bar.setValue(bar.value() + (step if key in SCROLL_KEYS[1::2] else -step))


def text_label(text: str, parent: QWidget, role: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text, parent)
    if role:
        label.setProperty("role", role)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
