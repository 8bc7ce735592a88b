"""A walk through the real app in a real X window, as a person with the keyboard takes it.

Run as a child process by tests/ui/test_real_screen.py, on an Xvfb screen of a given size,
with NEUROCOACH_HOME set and the text size in its settings file. It starts the app the way
the `neurocoach` command does (the window sized for the screen and the text), presses real
keys through the X server with xdotool, and at each page and dialog prints one JSON line: the
window's and screen's geometry and every problem found (text cut off, widgets drawn over each
other, controls too small, a scroll bar on the exercise screen, a countdown under a quarter of
the window).

    python -m tests.ui.real_screen_walk
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScrollBar, QWidget

from neurocoach.app import create_app, open_main_window
from neurocoach.ui.shell.main_window import MainWindow
from tests.ui.layout_checks import cut_off_labels, overlapping
from tests.ui.sizes import button_problems

# Long enough to read the pages, short enough to walk: the player's picture and instructions
# are the bundled routine's, with the most words and a caution.
ROUTINE = "Hand exercises"
WATER_ROUTINE = "Warm hands"
HISTORY_VIEWS = ("sessions", "calendar", "minutes a week", "how I felt", "self-checks")
KEY_GAP_S = 0.8  # over the 0.6 s debounce: each press counts, as a person's would


def key(name: str) -> None:
    """A real key press through the X server, to whichever window has the keyboard."""
    subprocess.run(["xdotool", "key", "--clearmodifiers", name], check=True)
    QTest.qWait(int(KEY_GAP_S * 1000))


def shown_window() -> QWidget:
    """The window in front: a dialog or message box if one is open, else the main window."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    return app.activeModalWidget() or app.activeWindow() or _main()


def _main() -> MainWindow:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            return widget
    raise LookupError("no main window")


def outside(root: QWidget) -> list[str]:
    """Visible widgets that reach past their window's edge (cut off by it)."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow() or widget.width() <= 0:
            continue
        if isinstance(widget.parentWidget(), QAbstractScrollArea) or _in_scroll(widget):
            continue
        top_left = widget.mapTo(root, widget.rect().topLeft())
        right, bottom = top_left.x() + widget.width(), top_left.y() + widget.height()
        if right > root.width() + 1 or bottom > root.height() + 1:
            name = widget.objectName() or type(widget).__name__
            problems.append(f"{name} reaches {right}x{bottom} in a {root.width()}x{root.height()}")
    return problems


def _in_scroll(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def scroll_bars(root: QWidget, sideways_only: bool = False) -> list[str]:
    """Scroll bars in use: any on the exercise screen (a hands-free user cannot scroll),
    sideways ones anywhere (reading a line should never need scrolling)."""
    return [
        f"a {_direction(bar)} scroll bar in {_scrolled(bar)}"
        for bar in root.findChildren(QScrollBar)
        if bar.isVisible()
        and bar.maximum() > 0
        and (not sideways_only or bar.orientation() == Qt.Orientation.Horizontal)
    ]


def _direction(bar: QScrollBar) -> str:
    return "sideways" if bar.orientation() == Qt.Orientation.Horizontal else "vertical"


def _scrolled(bar: QScrollBar) -> str:
    area = bar.parentWidget()
    while area is not None and not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    return (area.objectName() or type(area).__name__) if area is not None else "a window"


DIALOGS = {
    "exercise dialog",
    "stop dialog",
    "report dialog",
    "settings",
    "about box",
    "open a routine file",
}


def report(page: str, *, exercise: bool = False) -> None:
    QTest.qWait(300)
    root = shown_window()
    if (page in DIALOGS) == (root is _main()):
        # The keys went somewhere else: a dialog that did not open (or did not close), as
        # when a closed dialog leaves no window with the keyboard.
        print(
            json.dumps(
                {
                    "page": page,
                    "window": [],
                    "screen": [],
                    "problems": [
                        f"expected {'a dialog' if page in DIALOGS else 'the main window'} in front"
                    ],
                }
            ),
            flush=True,
        )
        return
    screen = QGuiApplication.primaryScreen().availableGeometry()
    frame = root.frameGeometry()
    problems = (
        cut_off_labels(root)
        + overlapping(root)
        + button_problems(root, named=False)
        + outside(root)
    )
    if not screen.contains(frame):
        problems.append(f"the window {frame.getRect()} is not on the screen {screen.getRect()}")
    problems += scroll_bars(root, sideways_only=not exercise)
    if exercise:
        player = _main().current_page()
        countdown = player.findChild(QWidget, "countdown") if player is not None else None
        if countdown is None or countdown.height() < _main().height() / 4:
            height = countdown.height() if countdown is not None else 0
            problems.append(f"the countdown is {height} px in a {_main().height()} px window")
    if os.environ.get("WALK_DUMP"):  # where the height goes, for whoever fixes a layout
        page_widget = _main().current_page()
        if page_widget is not None:
            print(page, "page min", page_widget.minimumSizeHint().toTuple(), file=sys.stderr)
            main_window = _main()
            print(
                "  window min",
                main_window.minimumSizeHint().toTuple(),
                main_window.minimumSize().toTuple(),
                "menu",
                main_window.menuBar().height(),
                file=sys.stderr,
            )
            for index in range(main_window.pages.count()):
                other = main_window.pages.widget(index)
                print(
                    "  in stack",
                    type(other).__name__,
                    other.minimumSizeHint().toTuple(),
                    other.minimumSize().toTuple(),
                    file=sys.stderr,
                )
            for child in page_widget.findChildren(QWidget):
                if child.isVisible() and child.parentWidget() is page_widget:
                    print(
                        "   ",
                        child.objectName() or type(child).__name__,
                        child.geometry().getRect(),
                        "min",
                        child.minimumSizeHint().toTuple(),
                        child.minimumSize().toTuple(),
                        file=sys.stderr,
                    )
    shots = os.environ.get("WALK_SHOTS")
    if shots:  # for a person to look at: the whole screen, as it is now
        name = page.replace(" ", "-")
        QGuiApplication.primaryScreen().grabWindow(0).save(f"{shots}/{name}.png")
    line = {
        "page": page,
        "window": frame.getRect(),
        "screen": screen.getRect(),
        "problems": problems,
    }
    print(json.dumps(line), flush=True)


def walk() -> None:
    main = _main()
    report("routine list")
    rows = main.current_page().findChild(QWidget, "routines")
    for _ in range(12):  # to the routine, with the arrow keys
        if ROUTINE in _highlighted(rows):
            break
        key("Down")
    key("Return")
    report("before you start")
    key("Return")
    report("check-in before")
    key("Escape")
    report("player", exercise=True)
    key("space")
    report("paused player", exercise=True)
    key("space")
    key("Right")
    report("next step", exercise=True)
    key("a")
    report("exercise dialog")
    key("Escape")
    key("Escape")
    report("stop dialog")
    key("y")
    report("check-in after")
    key("Escape")
    report("finish")
    key("ctrl+h")
    for number, view in enumerate(HISTORY_VIEWS, start=1):
        key(str(number))
        report(f"history: {view}")
    key("r")
    report("report dialog")
    key("Escape")
    key("ctrl+comma")
    report("settings")
    key("Escape")
    modal("alt+h", "about box", then="a")
    modal("ctrl+o", "open a routine file")
    foot_check(main)


def foot_check(main: MainWindow) -> None:
    """The foot check, asked before the first warm-water routine, and the water check it
    puts in the exercise screen for someone who cannot feel warmth."""
    # The keyboard comes back to the window a moment after a dialog closes (no window manager
    # here); a person looks before pressing the next key.
    QTest.qWait(1000)
    key("Escape")  # from the history, back to the list
    rows = main.current_page().findChild(QWidget, "routines")
    for _ in range(12):
        if WATER_ROUTINE in _highlighted(rows):
            break
        key("Down")
    key("Return")
    on_page(main, "FootCheckPage")
    report("foot check question")
    for answer in ("n", "n", "y", "n"):  # warm and cold are hard to tell apart
        key(answer)
    report("foot check answers")
    key("Return")
    on_page(main, "BeforeStartPage")
    report("before warm water")
    key("Return")
    key("Escape")  # the check-in
    key("Right")  # past filling the bowl: the thermometer first
    on_page(main, "PlayerPage")
    report("water check", exercise=True)


def on_page(main: MainWindow, kind: str) -> None:
    """The walk is where it means to be: else it would measure the wrong page."""
    shown = type(main.current_page()).__name__
    if shown != kind:
        raise AssertionError(f"expected the {kind}, but the {shown} is shown")


def modal(name: str, page: str, then: str = "") -> None:
    """A key that opens a dialog in a loop of its own (exec): the report and the Escape that
    closes it are set to run inside that loop, else they would wait for it to end."""
    done: list[bool] = []

    def inside() -> None:
        report(page)
        subprocess.run(["xdotool", "key", "Escape"], check=True)
        done.append(True)

    QTimer.singleShot(1500, inside)
    if then:  # a menu first, then its item
        subprocess.run(["xdotool", "key", "--clearmodifiers", name], check=True)
        QTest.qWait(300)
        name = then
    key(name)
    while not done:
        QTest.qWait(100)


def _highlighted(rows: QWidget | None) -> str:
    if rows is None:
        return ""
    index = rows.currentIndex()  # type: ignore[attr-defined]
    return str(index.data()) if index.isValid() else ""


def main() -> int:
    app = create_app()
    window = open_main_window(app)
    failures: list[BaseException] = []

    def run() -> None:
        try:
            walk()
        except BaseException as error:  # reported to the parent, which fails the test
            failures.append(error)
            print(json.dumps({"error": repr(error)}), flush=True)
        finally:
            app.quit()

    QTimer.singleShot(1500, run)  # the window shown and painted, the voice started
    app.exec()
    window.close()  # as the app ends: the session saved, the history closed
    window.store.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
