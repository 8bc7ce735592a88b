"""Choosing a file to open or a place to save, in a dialog that fits the screen and the text.

Qt's own file dialog (the one used where the desktop offers none) lists files in a table of
name, size, type and date that scrolls sideways at any text size on a 1024 px screen, and at
200 % is wider than the screen. Here it shows the names alone, as wide as it is, and is
sized and placed on the screen as our own dialogs are.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFileDialog, QHeaderView, QPushButton, QTreeView, QWidget

from neurocoach.ui.common import theme
from neurocoach.ui.common.screen_fit import fit_dialogs_opened


def _names_only(dialog: QFileDialog) -> None:
    for view in dialog.findChildren(QTreeView):
        header = view.header()
        for column in range(1, header.count()):
            view.setColumnHidden(column, True)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # The one column is as wide as the list; a name too long for it is cut in the middle.
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)


def _follow_design(dialog: QFileDialog) -> None:
    """The design's padding and gaps (docs/design.md), not Qt's 8-11 px; the buttons' words
    without the style's icons (the stylesheet leaves those out of button boxes)."""
    layout = dialog.layout()
    if layout is not None:
        margin = theme.PAGE_MARGIN
        layout.setContentsMargins(margin, margin, margin, margin)
    for button in dialog.findChildren(QPushButton):
        button.setIcon(QIcon())


def _run(dialog: QFileDialog) -> Path | None:
    _names_only(dialog)
    _follow_design(dialog)
    with fit_dialogs_opened(dialog.parentWidget() or dialog):
        accepted = dialog.exec() == QFileDialog.DialogCode.Accepted
    parent = dialog.parentWidget()
    if parent is not None:
        # The keyboard back to the window, as after every other dialog: without a window
        # manager nobody hands it back, and Escape on the page below went nowhere.
        parent.window().activateWindow()
    files = dialog.selectedFiles()
    return Path(files[0]) if accepted and files else None


def choose_file_to_open(parent: QWidget, title: str, folder: str, filters: str) -> Path | None:
    dialog = QFileDialog(parent, title, folder, filters)
    dialog.setObjectName("open_file_dialog")
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    return _run(dialog)


def choose_file_to_save(parent: QWidget, title: str, start: str, filters: str) -> Path | None:
    dialog = QFileDialog(parent, title, "", filters)
    dialog.setObjectName("save_file_dialog")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.selectFile(start)
    return _run(dialog)
