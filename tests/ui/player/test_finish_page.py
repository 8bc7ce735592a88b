"""The finish page through the real window: what was done, the streak and the week from the
history, how the person felt, a calm reward in the theme's colours, its keys, and that it all
fits at 200 % on the smallest screen."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel

from neurocoach.core.history.finish_summary import Reward
from neurocoach.core.session.records import EndReason
from neurocoach.ui.checkin.checkin_page import CheckInPage
from neurocoach.ui.common import theme
from neurocoach.ui.history.history_page import HistoryPage
from neurocoach.ui.player.finish_page import FinishPage
from tests.ui.helpers import NOW, add_session, select_routine, start_routine
from tests.ui.layout_checks import cut_off_labels, overlapping
from tests.ui.sizes import assert_buttons_big_and_readable

STEP_ONE = (3, 4, 2, 4, 3, 4, 2, 4)  # the tiny routine's first step, both hands


def finish_page(app) -> FinishPage:
    page = app.window.current_page()
    assert isinstance(page, FinishPage), type(page)
    return page


def run_first_step(app) -> None:
    for seconds in STEP_ONE:
        app.advance(seconds)


def seed(app, days_ago=(1, 2, 9), minutes=10.0) -> None:
    for days in days_ago:
        add_session(app.store, days, minutes)


def week_minutes(app, days_ago, minutes: float) -> int:
    """This week's minutes worked out by hand from what was seeded and this session."""
    today = date.today()
    monday = today - timedelta(days=today.weekday())
    seeded = sum(
        minutes for d in days_ago if (NOW - timedelta(days=d)).astimezone().date() >= monday
    )
    this = app.store.sessions()[0]
    return round(seeded + (this.duration_seconds or 0) / 60)


def test_a_finished_routine_shows_what_was_done_the_streak_the_week_and_a_sun(make_app) -> None:
    app = make_app()
    seed(app)
    start_routine(app)
    run_first_step(app)
    app.advance(3)
    app.advance(600)
    page = finish_page(app)
    assert page.heading.text() == "Well done! Routine complete."
    assert page.encouragement is None
    assert (
        page.summary.text()
        == "You did 2 of 2 steps of “Tiny test routine” in 10\u00a0min\u00a029\u00a0s."
    )
    # Yesterday, the day before and today: 3 days in a row (the session 9 days ago is not).
    week = week_minutes(app, (1, 2, 9), 10.0)
    assert page.progress is not None and page.progress.isVisible()
    assert page.progress.text() == f"You have exercised 3 days in a row, and {week} min this week."
    assert page.feelings is None  # no check-in: nothing said about feelings
    assert page.note.text() == "It is saved in your history."
    assert page.emblem is not None and page.emblem.isVisible()
    assert page.emblem.reward is Reward.SUN


def test_a_stop_is_met_gently_and_what_was_done_counts(make_app) -> None:
    app = make_app()
    start_routine(app)
    run_first_step(app)
    app.window.session.driver.engine.stop(EndReason.STOPPED)
    page = finish_page(app)
    assert page.heading.text() == "You stopped early, and that is fine."
    assert page.encouragement is not None
    assert page.encouragement.text() == "Listen to your body. What you did still counts."
    assert page.summary.text().startswith("You did 1 of 2 steps of “Tiny test routine”")
    assert page.progress is not None
    assert page.progress.text() == "You exercised today: 1 min this week."  # a first day
    assert page.emblem is not None and page.emblem.reward is Reward.LEAF


def test_stopped_before_anything_was_done_no_reward_and_no_streak(make_app) -> None:
    app = make_app()
    seed(app, days_ago=(1,))
    start_routine(app)
    app.window.session.driver.engine.stop(EndReason.STOPPED)
    page = finish_page(app)
    assert page.encouragement is not None
    assert page.encouragement.text() == "Come back whenever you feel ready."
    assert page.emblem is None and page.progress is None


def test_how_you_felt_before_and_after_is_shown_in_words(make_app) -> None:
    app = make_app(checkin=True)
    select_routine(app, "Tiny test routine")
    app.press(Qt.Key.Key_Return)
    app.press(Qt.Key.Key_Return)
    assert isinstance(app.window.current_page(), CheckInPage)
    app.press(Qt.Key.Key_6)  # pain
    app.press(Qt.Key.Key_Down)
    app.press(Qt.Key.Key_5)  # tingling
    app.press(Qt.Key.Key_Return)
    app.window.session.driver.engine.stop(EndReason.STOPPED)
    after = app.window.current_page()
    assert isinstance(after, CheckInPage) and after.moment == "after"
    app.press(Qt.Key.Key_4)  # pain; tingling not rated after
    app.press(Qt.Key.Key_Return)
    page = finish_page(app)
    assert page.feelings is not None and page.feelings.isVisible()
    assert page.feelings.text() == "Pain: 6 before, 4 after"


def test_a_skipped_check_in_after_leaves_feelings_out(make_app) -> None:
    app = make_app(checkin=True)
    select_routine(app, "Tiny test routine")
    app.press(Qt.Key.Key_Return)
    app.press(Qt.Key.Key_Return)
    app.press(Qt.Key.Key_7)
    app.press(Qt.Key.Key_Return)  # rated before
    app.window.session.driver.engine.stop(EndReason.STOPPED)
    app.press(Qt.Key.Key_Escape)  # the check-in after, skipped
    page = finish_page(app)
    assert page.feelings is None
    assert "How you feel" not in " ".join(label.text() for label in page.findChildren(QLabel))


def test_enter_and_escape_go_back_and_h_opens_the_history(make_app) -> None:
    app = make_app()
    for key, where in ((Qt.Key.Key_Return, "routines"), (Qt.Key.Key_Escape, "routines")):
        start_routine(app)
        app.window.session.driver.engine.stop(EndReason.STOPPED)
        finish_page(app)
        app.press(key)
        assert app.window.current_page() is app.window.routine_list, where
    start_routine(app)
    app.window.session.driver.engine.stop(EndReason.STOPPED)
    finish_page(app)
    app.press(Qt.Key.Key_H)
    assert isinstance(app.window.current_page(), HistoryPage)


def test_the_reward_takes_the_theme_colours_when_painted(make_app) -> None:
    app = make_app()
    start_routine(app)
    run_first_step(app)
    app.advance(3)
    app.advance(600)
    emblem = finish_page(app).emblem
    assert emblem is not None
    qapp = QApplication.instance()
    try:
        for name in ("light", "dark", "high-contrast"):
            colours = theme.apply(qapp, name)
            middle = emblem.grab().toImage().pixelColor(emblem.width() // 2, emblem.height() // 2)
            assert middle == QColor(colours.focus), name  # the sun, in this theme's colour
    finally:
        theme.apply(qapp)


def test_everything_fits_at_200_percent_on_the_smallest_screen(make_app) -> None:
    app = make_app(size=(1024, 768), checkin=True)
    qapp = QApplication.instance()
    theme.apply(qapp, "light", 200)
    app.settings.set("text_scale", 200)
    app.settings.set("checkin_by_area", True)
    try:
        app.window.resize(1024, 768)
        seed(app)
        select_routine(app, "Tiny test routine")
        app.press(Qt.Key.Key_Return)
        app.press(Qt.Key.Key_Return)
        for key in (Qt.Key.Key_5, Qt.Key.Key_Down) * 6:  # every symptom in hands and feet
            app.press(key)
        app.press(Qt.Key.Key_Return)
        run_first_step(app)
        app.window.session.driver.engine.stop(EndReason.STOPPED)
        for key in (Qt.Key.Key_3, Qt.Key.Key_Down) * 6:
            app.press(key)
        app.press(Qt.Key.Key_Return)
        page = finish_page(app)
        app.qtbot.wait(10)
        assert page.feelings is not None and len(page.feelings.text().split("\n")) == 6
        assert app.window.width() <= 1024 and app.window.height() <= 768
        assert cut_off_labels(app.window) == []
        assert overlapping(app.window) == []
        assert_buttons_big_and_readable(app.window)
        # More than fits: the words scroll, by keyboard too, and the buttons stay in view.
        bar = page.body_scroll.verticalScrollBar()
        assert bar.maximum() > 0
        app.press(Qt.Key.Key_PageDown)
        assert bar.value() > 0
        app.press(Qt.Key.Key_Up)
        assert page.done_button.isVisible() and page.history_button.isVisible()
        assert page.rect().contains(page.done_button.geometry())
    finally:
        theme.apply(qapp)
