"""When the foot check is asked, where its answers go, and where the person goes next.

It is asked before the first routine with foot or warm-water steps, and whenever the person
asks (F before such a routine, or View > Foot check). Answers are kept at once; leaving the
first question with Escape keeps the answers there were, and goes where they lead.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from neurocoach.core.foot_check import FootCheck
from neurocoach.core.history.foot_answers import FootAnswers
from neurocoach.core.routine.model import Routine
from neurocoach.ui.shell import screens


class FootCheckFlow(QObject):
    def __init__(
        self,
        feet: FootAnswers,
        window: QWidget,
        show_page: Callable[[QWidget], None],
        tell: Callable[[str], None],
    ) -> None:
        super().__init__(window)
        self.feet = feet
        self.window = window
        self._show_page = show_page
        self._tell = tell

    def ask(
        self, routine: Routine | None, go_on: Callable[[], None], leave: Callable[[], None]
    ) -> None:
        """Show the check (for `routine`, whose steps its summary speaks of, if given); then
        `go_on` once answered, or on Escape if there were answers already; else `leave`."""
        page = screens.foot_check_page(routine, self.window)
        page.answered.connect(lambda check: self._on_page_answered(check, go_on))
        page.back_requested.connect(go_on if self.feet.current() is not None else leave)
        self._show_page(page)

    def _on_page_answered(self, check: FootCheck, go_on: Callable[[], None]) -> None:
        problem = self.feet.save(check)
        go_on()
        if problem:
            self._tell(problem)
