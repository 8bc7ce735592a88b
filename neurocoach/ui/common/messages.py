"""Plain messages that never block: a box the user closes with Enter or Escape.

Qt's message box sizes itself for its text, up to the screen's width, but not its height: at
200 % text a routine file with ten problems makes it taller than the screen, with the OK
button below the edge. `MessageBox` widens itself first, so the text takes fewer lines, and
if that is not enough lets the details scroll. It follows the design (docs/design.md): 24 px
of padding, our own icons, its first text in bold as the heading, no icon on the OK button.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from neurocoach import __version__
from neurocoach.core import foot_check
from neurocoach.core.routine.catalog import CatalogEntry
from neurocoach.ui.common import icons, theme
from neurocoach.ui.common.screen_fit import free_area, place_on_screen

_WIDER_BY = 40  # px at a time, when a message box looks for a width that fits its text
_MIN_DETAILS = 120  # px: the least height of the details when they scroll (two lines or more)


class MessageBox(QMessageBox):
    """A QMessageBox that keeps to the screen's free area.

    QMessageBox sizes itself again at each layout request, so the fitting is done after each.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details_scroll: QScrollArea | None = None
        self._fitting = False

    def showEvent(self, event: QShowEvent) -> None:
        if not event.spontaneous():
            self.follow_design()
        super().showEvent(event)  # the box sizes itself for its text here
        if not event.spontaneous():
            self.fit_to_screen()
            place_on_screen(self)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest and self.isVisible():
            self.fit_to_screen()  # QMessageBox has just sized itself again
        return handled

    def follow_design(self) -> None:
        """The design's padding round the box (Qt's is 8-11 px) and gaps inside it. Done
        when shown: QMessageBox lays itself out again when its text or details change."""
        layout = self.layout()
        if layout is not None:
            theme.page_margins(layout)
            if isinstance(layout, QGridLayout):
                layout.setHorizontalSpacing(theme.SPACE["l"])

    def set_design_icon(self, name: str) -> None:
        """One of our icons (neurocoach.ui.common.icons) instead of the style's, in the
        theme's text colour, as large as a line of the box's heading and a half."""
        side = round(theme.role_point_size("title") * 2)
        self.setIconPixmap(icons.pixmap(name, side, theme.current.ink, self.devicePixelRatioF()))

    def fit_to_screen(self) -> None:
        """Widen the box until its text fits the screen's height, else scroll the details."""
        if self._fitting:
            return
        self._fitting = True
        try:
            self._fit(free_area(self))
        finally:
            self._fitting = False

    def _fit(self, area: QRect) -> None:
        layout = self.layout()
        if layout is None or not layout.hasHeightForWidth():
            return
        if self.details_scroll is None:
            if self.height() <= area.height():
                return
            width = self.width()
            while width < area.width() and layout.totalHeightForWidth(width) > area.height():
                width = min(width + _WIDER_BY, area.width())
            if layout.totalHeightForWidth(width) <= area.height() or not self._scroll_details():
                self.setFixedSize(width, min(layout.totalHeightForWidth(width), area.height()))
                return
        scroll = self.details_scroll
        assert scroll is not None
        details = scroll.widget()
        if details is not None:  # QMessageBox has just made it as wide as its longest line
            policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
            policy.setHeightForWidth(True)
            details.setSizePolicy(policy)
        width = area.width()
        rest = layout.totalHeightForWidth(width) - scroll.minimumHeight()
        # The details' own width: the box's, less the icon and the margins beside them.
        inner = width - (self.width() - scroll.viewport().width())
        full = details.heightForWidth(inner) if details is not None else 0
        height = max(_MIN_DETAILS, min(full, area.height() - rest))
        scroll.setFixedHeight(height)
        self.setFixedSize(width, min(rest + height, area.height()))

    def _scroll_details(self) -> bool:
        """Put the details (the informative text) in a scroll area; Tab reaches it, and the
        arrow and page keys scroll it. False if there are none."""
        details = self.findChild(QLabel, "qt_msgbox_informativelabel")
        grid = self.layout()
        if details is None or not isinstance(grid, QGridLayout):
            return False
        position = cast(tuple[int, int, int, int], grid.getItemPosition(grid.indexOf(details)))
        row, column, rows, columns = position
        scroll = QScrollArea(self)
        scroll.setObjectName("message_details")
        scroll.setAccessibleName("Details")
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidgetResizable(True)
        scroll.setFixedHeight(_MIN_DETAILS)
        scroll.setWidget(details)  # which takes it out of the grid
        grid.addWidget(scroll, row, column, rows, columns)
        self.details_scroll = scroll
        return True


def open_message(parent: QWidget, name: str, title: str, text: str, details: str = "") -> None:
    """Show a message window-modally (open, not exec), so timers and the session run on."""
    box = MessageBox(parent)
    box.setObjectName(name)
    box.set_design_icon("warning" if details else "info")
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setInformativeText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.finished.connect(box.deleteLater)
    box.finished.connect(parent.window().activateWindow)  # the keyboard back to the window
    box.open()


def show_routine_problems(parent: QWidget, entry: CatalogEntry) -> None:
    """What is wrong with a routine file, in lines and words: not the full path and column
    that `neurocoach --check` gives its author."""
    problems = "\n".join(f"Line {p.line}: {p.message}" for p in entry.problems)
    what = f"{entry.path.name} cannot be used. What is wrong with it:"
    open_message(parent, "routine_problems", "This routine file cannot be used", what, problems)


def show_when_to_call(parent: QWidget) -> None:
    """Help > When to stop and call your doctor: the same words as every foot routine's."""
    items = "\n".join(f"• {line}" for line in foot_check.WHEN_TO_CALL)
    heading = foot_check.WHEN_TO_CALL_HEADING
    open_message(
        parent, "when_to_call", heading, f"{heading}:\n{items}", foot_check.WHEN_TO_CALL_URGENT
    )


def show_about(parent: QWidget) -> None:
    """What QMessageBox.about shows (the app's icon and the words), in a box that fits."""
    box = MessageBox(parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowTitle("About NeuroCoach")
    box.setText(f"NeuroCoach {__version__}")
    box.setInformativeText(
        "A hands-free home exercise coach for people living with peripheral neuropathy.\n"
        "It does not replace advice from your doctor."
    )
    icon = box.windowIcon()
    box.setIconPixmap(icon.pixmap(icon.actualSize(QSize(96, 96))))
    box.exec()
    parent.window().activateWindow()  # the keyboard back to the window
