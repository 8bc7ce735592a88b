"""The screens after the first, each imported the first time it is opened.

The one start-up measure that reaches past app.py, kept here. The routine list is the first
screen and is imported at once; every other screen (and Qt's own dialogs) waits until the
user goes there. Measured with `python -X importtime` on 2026-12-01, each on top of PySide6's
widgets: History with its charts, calendar and table 47 ms, the report dialog 20 ms, the
player 35 ms, while a bare PySide6 window starts in about 0.14 s. Imported up front they
would add about 0.1 s, two thirds of a bare window, before the first paint; opened later,
they cost a user nothing they can notice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from neurocoach.core.foot_check import FootCheck
from neurocoach.core.history.finish_summary import FinishSummary
from neurocoach.core.history.store import HistoryStore
from neurocoach.core.routine.model import Routine
from neurocoach.core.session.clock import Clock
from neurocoach.core.session.timeline import SessionOptions
from neurocoach.core.settings import Settings
from neurocoach.core.voice.listener import VoiceListener
from neurocoach.ui.session.driver import SessionDriver

if TYPE_CHECKING:
    from neurocoach.core.self_checks.offers import Offer
    from neurocoach.ui.checkin.checkin_page import CheckInPage
    from neurocoach.ui.common.confirm_dialog import ConfirmStopDialog
    from neurocoach.ui.foot_check.foot_check_page import FootCheckPage
    from neurocoach.ui.history.history_page import HistoryPage
    from neurocoach.ui.history.report_dialog import ReportDialog
    from neurocoach.ui.player.finish_page import FinishPage
    from neurocoach.ui.player.player_page import PlayerPage
    from neurocoach.ui.routines.before_start_page import BeforeStartPage
    from neurocoach.ui.self_checks.legs_page import LegsCheckPage
    from neurocoach.ui.self_checks.mnsi_page import MnsiPage
    from neurocoach.ui.self_checks.pgic_page import PgicPage
    from neurocoach.ui.self_checks.self_checks_page import SelfChecksPage
    from neurocoach.ui.self_checks.tapping_page import TappingPage
    from neurocoach.ui.settings.exercise_dialog import ExerciseDialog
    from neurocoach.ui.settings.settings_dialog import SettingsDialog


def before_start_page(
    routine: Routine,
    options: SessionOptions,
    checkin: bool,
    feet: FootCheck | None,
    parent: QWidget,
) -> BeforeStartPage:
    from neurocoach.ui.routines.before_start_page import BeforeStartPage

    return BeforeStartPage(routine, options, parent, checkin, feet)


def foot_check_page(routine: Routine | None, parent: QWidget) -> FootCheckPage:
    from neurocoach.ui.foot_check.foot_check_page import FootCheckPage

    return FootCheckPage(routine, parent)


def checkin_page(moment: str, by_area: bool, parent: QWidget) -> CheckInPage:
    from neurocoach.ui.checkin.checkin_page import CheckInPage

    return CheckInPage(moment, by_area, parent)


def player_page(
    driver: SessionDriver, illustrations: Path, settings: Settings, parent: QWidget
) -> PlayerPage:
    from neurocoach.ui.player.player_page import PlayerPage

    return PlayerPage(driver, illustrations, settings, parent)


def finish_page(summary: FinishSummary, parent: QWidget) -> FinishPage:
    from neurocoach.ui.player.finish_page import FinishPage

    return FinishPage(summary, parent)


def stop_dialog(parent: QWidget) -> ConfirmStopDialog:
    from neurocoach.ui.common.confirm_dialog import ConfirmStopDialog

    return ConfirmStopDialog(parent)


def self_checks_page(offers: Sequence[Offer], parent: QWidget) -> SelfChecksPage:
    from neurocoach.ui.self_checks.self_checks_page import SelfChecksPage

    return SelfChecksPage(offers, parent)


def tapping_page(clock: Clock, say: Callable[[str], None], parent: QWidget) -> TappingPage:
    from neurocoach.ui.self_checks.tapping_page import TappingPage

    return TappingPage(clock, say, parent)


def legs_check_page(
    kind: str, clock: Clock, say: Callable[[str], None], parent: QWidget
) -> LegsCheckPage:
    from neurocoach.ui.self_checks.legs_page import LegsCheckPage

    return LegsCheckPage(kind, clock, say, parent)


def mnsi_page(parent: QWidget) -> MnsiPage:
    from neurocoach.ui.self_checks.mnsi_page import MnsiPage

    return MnsiPage(parent)


def pgic_page(parent: QWidget) -> PgicPage:
    from neurocoach.ui.self_checks.pgic_page import PgicPage

    return PgicPage(parent)


def history_page(store: HistoryStore, parent: QWidget) -> HistoryPage:
    from neurocoach.ui.history.history_page import HistoryPage

    return HistoryPage(store, parent=parent)


def report_dialog(store: HistoryStore, parent: QWidget) -> ReportDialog:
    from neurocoach.ui.history.report_dialog import ReportDialog

    return ReportDialog(store, parent)


def settings_dialog(
    settings: Settings,
    adjust_exercises: Callable[[], None],
    adjusted_routine: str,
    voices: list[str],
    parent: QWidget,
    voice: Callable[[], VoiceListener | None] | None = None,
) -> SettingsDialog:
    from neurocoach.ui.settings.settings_dialog import SettingsDialog

    return SettingsDialog(settings, adjust_exercises, adjusted_routine, voices, parent, voice)


def exercise_dialog(
    routine: Routine, step_index: int, settings: Settings, parent: QWidget
) -> ExerciseDialog:
    from neurocoach.ui.settings.exercise_dialog import ExerciseDialog

    return ExerciseDialog(routine, step_index, settings, parent)
