"""The menu bar, one line an action: each menu made when its first action is added."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

Keys = str | QKeySequence | QKeySequence.StandardKey


class MenuBuilder:
    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.menus: dict[str, QMenu] = {}

    def add(self, menu: str, text: str, keys: Keys, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        if menu not in self.menus:
            self.menus[menu] = self.window.menuBar().addMenu(menu)
        self.menus[menu].addAction(action)
        return action
