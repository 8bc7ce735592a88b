"""Small building blocks shared by the pages: big labelled buttons and text labels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QWidget


def big_button(text: str, key_hint: str, parent: QWidget, primary: bool = False) -> QPushButton:
    """A large button whose label also names its key, e.g. "Pause  [Space]"."""
    label = f"{text}  [{key_hint}]" if key_hint else text
    button = QPushButton(label, parent)
    button.setAccessibleName(text)
    button.setProperty("primary", primary)
    button.setAutoDefault(False)
    return button


def text_label(text: str, parent: QWidget, role: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text, parent)
    if role:
        label.setProperty("role", role)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label
