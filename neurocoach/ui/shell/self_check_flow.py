"""Which self-check is shown, where its result goes, and when one is offered after a session.

The menu (View > Self-checks…, Ctrl+K, or the routine list's button) lists the checks with
when each was last done; the leg checks are left out for a foot at high risk (the foot check)
and for the rest of the day once the person says they feel unsteady. After a finished session
one questionnaire at most is offered before the routine list, from the second week on (a new
user's first sessions end as before; the menu has both at any time): the weekly global
impression of change, else the monthly MNSI. "Not now" is taken as meant for today, so it is
not asked again after the next session of the same day.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta, timezone

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from neurocoach.core.history.foot_answers import FootAnswers
from neurocoach.core.history.store import HistoryStore
from neurocoach.core.self_checks import offers
from neurocoach.core.self_checks.measures import SelfCheckResult
from neurocoach.core.session.clock import Clock, MonotonicClock
from neurocoach.ui.shell import screens

_log = logging.getLogger(__name__)

# The global impression of change asks about the change since starting: not after day one.
QUESTIONS_FROM = timedelta(days=7)


class SelfCheckFlow(QObject):
    def __init__(
        self,
        store: Callable[[], HistoryStore],
        feet: FootAnswers,
        clock: Clock | None,
        say: Callable[[str], None],
        window: QWidget,
        show_page: Callable[[QWidget], None],
        tell: Callable[[str], None],
        now: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
    ) -> None:
        super().__init__(window)
        self._store = store
        self.feet = feet
        self.clock = clock or MonotonicClock()
        self._say = say
        self.window = window
        self._show_page = show_page
        self._tell = tell
        self._now = now
        self.unsteady_on: date | None = None
        self.not_now_on: date | None = None  # "Not now" to a questionnaire after a session

    # --- the menu ------------------------------------------------------------------------
    def open_menu(self, leave: Callable[[], None]) -> None:
        page = screens.self_checks_page(self._offers(), self.window)
        page.check_chosen.connect(lambda key: self.open_check(key, leave))
        page.back_requested.connect(leave)
        self._show_page(page)

    def open_check(self, key: str, leave: Callable[[], None]) -> None:
        back = lambda: self.open_menu(leave)  # noqa: E731
        offer = next((o for o in self._offers() if o.key == key), None)
        if offer is None or offer.not_offered:
            return
        keep = lambda found: self._keep(found, back)  # noqa: E731
        if key == "tapping":
            tapping = screens.tapping_page(self.clock, self._say, self.window)
            # Kept when the trials end, while its results stay on screen until Enter.
            tapping.finished.connect(lambda found: self._keep(found, lambda: None))
            tapping.back_requested.connect(back)
            self._show_page(tapping)
        elif key == "mnsi":
            mnsi = screens.mnsi_page(self.window)
            mnsi.finished.connect(keep)
            mnsi.back_requested.connect(back)
            self._show_page(mnsi)
        else:
            legs = screens.legs_check_page(key, self.clock, self._say, self.window)
            legs.unsteady_today.connect(self._on_unsteady)
            legs.finished.connect(keep)
            legs.back_requested.connect(back)
            self._show_page(legs)

    def _offers(self) -> list[offers.Offer]:
        check = self.feet.current()
        return offers.offers(
            self._results(),
            feet_high_risk=bool(check is not None and check.high_risk),
            unsteady_today=self.unsteady_on == self._today(),
            now=self._now(),
        )

    def _on_unsteady(self) -> None:
        self.unsteady_on = self._today()

    # --- after a session -----------------------------------------------------------------
    def after_session(self, finished: bool, go_on: Callable[[], None]) -> None:
        """Offer the questionnaire that is due, if any, then `go_on`."""
        now = self._now()
        if (
            not finished
            or self.not_now_on == self._today()
            or not self.window.isVisible()
            or not self._first_session_before(now - QUESTIONS_FROM)
        ):
            go_on()
            return
        results = self._results()
        keep = lambda found: self._keep(found, go_on)  # noqa: E731
        not_now = lambda: self._not_now(go_on)  # noqa: E731
        if offers.pgic_due(results, now):
            pgic = screens.pgic_page(self.window)
            pgic.finished.connect(keep)
            pgic.skipped.connect(not_now)
            self._show_page(pgic)
        elif offers.mnsi_due(results, now):
            mnsi = screens.mnsi_page(self.window)
            mnsi.finished.connect(keep)
            mnsi.back_requested.connect(not_now)
            self._show_page(mnsi)
        else:
            go_on()

    def _not_now(self, go_on: Callable[[], None]) -> None:
        self.not_now_on = self._today()
        go_on()

    def _first_session_before(self, when: datetime) -> bool:
        try:
            sessions = self._store().sessions()
        except sqlite3.Error:
            return False
        return any(s.started_at <= when for s in sessions)

    # --- keeping results -----------------------------------------------------------------
    def _keep(
        self, found: SelfCheckResult | Sequence[SelfCheckResult], go_on: Callable[[], None]
    ) -> None:
        results = [found] if isinstance(found, SelfCheckResult) else list(found)
        try:
            for result in results:
                self._store().save_self_check(result)
        except (sqlite3.Error, OSError) as error:
            _log.warning("could not keep a self-check: %s", error)
            go_on()
            lines = "; ".join(f"{r.about.name}: {r.value:g} {r.about.unit}" for r in results)
            self._tell(
                f"Your result could not be saved in the history ({error}). "
                f"Please write it down: {lines}."
            )
            return
        go_on()

    def _results(self) -> list[SelfCheckResult]:
        try:
            return self._store().self_checks()
        except sqlite3.Error as error:
            _log.warning("could not read the self-checks: %s", error)
            return []

    def _today(self) -> date:
        return self._now().astimezone().date()
