"""Windows that fit on the screen: never larger than its free area, placed over their parent.

At 200 % text a dialog sized for its content (or for a main window that is itself too big)
can be wider or taller than a 1024 x 768 screen, and part of it is then out of reach. Each of
our dialogs calls `fit_to_screen` as it is shown; Qt's own dialogs (the file dialog) are
fitted by `fit_dialogs_opened`, which watches for them to be shown. A window fitted this way
can only be as small as its layout allows: our dialogs wrap their text and their rows of
buttons, and scroll what still does not fit, so that is small enough.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QMargins, QObject, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QScrollArea, QWidget


def free_area(window: QWidget) -> QRect:
    """The part of the window's screen a window may use (less panels and docks), less the
    frame the window manager draws around a window."""
    parent = window.parentWidget()
    screen = (parent.window() if parent is not None else window).screen()
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry() - _frame_margins(window)


def _frame_margins(window: QWidget) -> QMargins:
    """The window manager's frame: this window's once it is known, else its parent's (a
    dialog gets the same title bar as the window it belongs to)."""
    for candidate in (window, window.parentWidget()):
        if candidate is None:
            continue
        top = candidate.window()
        outer, inner = top.frameGeometry(), top.geometry()
        if outer != inner:
            return QMargins(
                inner.left() - outer.left(),
                inner.top() - outer.top(),
                outer.right() - inner.right(),
                outer.bottom() - inner.bottom(),
            )
    return QMargins()


def fit_to_screen(window: QWidget, width: int | None = None, tight: bool = False) -> None:
    """Size a top-level window for its content, no larger than the screen, and centre it over
    its parent, wholly on the screen.

    `width` is the width wanted (by default the window's own). The height is then at least
    what the content needs at that width, a scroll area's whole content included, so a dialog
    opens without a scroll bar when the screen has room (with `tight`, exactly that: no
    spare space); but never more than the screen's height.
    """
    area = free_area(window)
    new_width = min(width or window.width(), area.width())
    needed = needed_height(window, new_width)
    size = QSize(new_width, min(needed if tight else max(window.height(), needed), area.height()))
    # A layout's minimum height is the height its wrapping rows need at their narrowest, more
    # than they need at this width; and nothing may keep the window larger than the screen.
    if window.minimumWidth() > size.width():
        window.setMinimumWidth(size.width())
    if window.minimumHeight() > size.height():
        window.setMinimumHeight(size.height())
    # One resize, once its size is known: a second one while the window is being shown
    # could be undone by the first reaching the X server after it.
    window.resize(size)
    place_on_screen(window, area)


def fit_to_buttons(dialog: QWidget, buttons: QWidget) -> None:
    """A question's dialog as wide as its row of buttons side by side, if the screen has room
    (else they go one above the other), and no taller than its content."""
    margins = dialog.width() - buttons.width()
    wanted = max(dialog.width(), buttons.sizeHint().width() + margins)
    fit_to_screen(dialog, wanted, tight=True)


def needed_height(window: QWidget, width: int | None = None) -> int:
    """The height at which nothing in the window is squeezed and no scroll area scrolls, at
    `width` (by default the window's present width)."""
    width = window.width() if width is None else width
    layout = window.layout()
    if layout is None:
        return window.sizeHint().height()
    if layout.hasHeightForWidth():
        needed = layout.totalHeightForWidth(width)
    else:
        needed = layout.totalSizeHint().height()
    for scroll in window.findChildren(QScrollArea):
        content = scroll.widget()
        if content is None or not scroll.widgetResizable() or not scroll.isVisibleTo(window):
            continue
        # The layout counted the area's size hint; what it needs is its whole content, at
        # the width its viewport will have (it grows or shrinks with the window).
        inner = scroll.viewport().width() + width - window.width()
        full = (
            content.heightForWidth(inner)
            if content.hasHeightForWidth()
            else content.sizeHint().height()
        )
        frame = scroll.height() - scroll.viewport().height()
        needed += full + frame - scroll.sizeHint().height()
    return needed


def place_on_screen(window: QWidget, area: QRect | None = None) -> None:
    """Centre the window over its parent window (or the screen), then move it wholly onto
    the screen's free area."""
    area = area if area is not None else free_area(window)
    parent = window.parentWidget()
    over = parent.window().geometry() if parent is not None else area
    size = window.size()
    left = over.center().x() - size.width() // 2
    top = over.center().y() - size.height() // 2
    left = max(area.left(), min(left, area.right() + 1 - size.width()))
    top = max(area.top(), min(top, area.bottom() + 1 - size.height()))
    window.move(QPoint(left, top))


class _FitOnShow(QObject):
    """Fits each dialog as it is first shown (not menus or pop-ups: they place themselves)."""

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)
        self.fitted: set[int] = set()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QDialog)
            and watched.isWindow()
            and id(watched) not in self.fitted
        ):
            self.fitted.add(id(watched))
            fit_to_screen(watched)
        return False


@contextmanager
def fit_dialogs_opened(owner: QWidget) -> Iterator[None]:
    """While the block runs, fit every dialog that opens (such as the one a static QFileDialog
    function builds and runs, which we cannot reach otherwise)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        yield
        return
    watcher = _FitOnShow(owner)
    app.installEventFilter(watcher)
    try:
        yield
    finally:
        app.removeEventFilter(watcher)
        watcher.deleteLater()
