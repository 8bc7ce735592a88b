"""The first-paint signal comes after the whole window has been drawn, and only once."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from neurocoach.ui.shell.first_paint import FirstPaintWatcher


class PaintedLabel(QLabel):
    def __init__(self, text: str, log: list[str]) -> None:
        super().__init__(text)
        self.log = log

    def paintEvent(self, event) -> None:
        self.log.append("label painted")
        super().paintEvent(event)


def test_painted_comes_once_after_the_children_are_drawn(qtbot) -> None:
    log: list[str] = []
    window = QWidget()
    QVBoxLayout(window).addWidget(PaintedLabel("Hello", log))
    qtbot.addWidget(window)
    watcher = FirstPaintWatcher(window)
    watcher.painted.connect(lambda: log.append("painted"))
    with qtbot.waitSignal(watcher.painted, timeout=5000):
        window.show()
    assert log[-1] == "painted" and "label painted" in log
    window.update()
    window.repaint()
    qtbot.wait(50)
    assert log.count("painted") == 1
