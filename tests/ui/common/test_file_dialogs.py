"""The file dialogs list names only (nothing to scroll sideways) and answer the file typed."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QPushButton, QTreeView, QWidget

from neurocoach.ui.common.file_dialogs import choose_file_to_open, choose_file_to_save


def answer(check, typed: str) -> None:
    """Once the dialog is up: `check` it, then type `typed` and press Enter, as a person would."""

    def inside() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QFileDialog)
        check(dialog)
        QTest.keyClicks(dialog.focusWidget() or dialog, typed)
        QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)

    QTimer.singleShot(300, inside)


def names_only(dialog: QFileDialog) -> None:
    views = dialog.findChildren(QTreeView)
    assert views
    for view in views:
        shown = [c for c in range(view.header().count()) if not view.isColumnHidden(c)]
        assert shown == [0]
    screen = dialog.screen().availableGeometry()
    assert screen.contains(dialog.frameGeometry())
    # The design's padding round it, and the buttons' words without the style's icons.
    margins = dialog.layout().contentsMargins()
    assert {margins.left(), margins.top(), margins.right(), margins.bottom()} == {24}
    buttons = dialog.findChildren(QPushButton)
    assert buttons and all(button.icon().isNull() for button in buttons)


def test_open_answers_the_file_chosen(qtbot, tmp_path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    (tmp_path / "mine.yaml").write_text("format: 1\n")
    (tmp_path / "other.txt").write_text("")
    answer(names_only, "mine.yaml")
    path = choose_file_to_open(parent, "Open", str(tmp_path), "Routine files (*.yaml *.yml)")
    assert path == tmp_path / "mine.yaml"


def test_save_answers_the_place_chosen(qtbot, tmp_path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    answer(names_only, "")  # the suggested name, as given
    path = choose_file_to_save(parent, "Save", str(tmp_path / "report.pdf"), "PDF (*.pdf)")
    assert path == tmp_path / "report.pdf"
