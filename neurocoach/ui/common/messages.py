"""Plain messages that never block: a box the user closes with Enter or Escape."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from neurocoach import __version__


def open_message(parent: QWidget, name: str, title: str, text: str, details: str = "") -> None:
    """Show a message window-modally (open, not exec), so timers and the session run on."""
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(QMessageBox.Icon.Warning if details else QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setInformativeText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.finished.connect(box.deleteLater)
    box.finished.connect(parent.window().activateWindow)  # the keyboard back to the window
    box.open()


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        "About NeuroCoach",
        f"NeuroCoach {__version__}\nA hands-free home exercise coach for people living "
        "with peripheral neuropathy.\nIt does not replace advice from your doctor.",
    )
