"""The History's Self-checks view, through the real History page: key 5, each measure with its
dates and results and the change in words, the ratings' change, and big text that fits."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from neurocoach.core.self_checks.measures import CHAIR_STAND, MNSI, SelfCheckResult
from neurocoach.ui.history.history_page import VIEWS, HistoryPage
from neurocoach.ui.history.self_checks_view import EMPTY_WORDS, SelfChecksView
from tests.ui.accessibility import audit
from tests.ui.helpers import NOW, add_session, filled


def open_self_checks(app) -> tuple[HistoryPage, SelfChecksView]:
    app.window.show_history()
    page = app.window.current_page()
    assert isinstance(page, HistoryPage)
    app.press(Qt.Key.Key_5)
    assert page.views.currentIndex() == 4 and VIEWS[4] == "Self-checks"
    view = page.self_checks_view
    assert view is not None and view.isVisibleTo(page)
    return page, view


def some_self_checks(app) -> None:
    store = app.store
    store.save_self_check(SelfCheckResult(CHAIR_STAND, NOW - timedelta(days=30), 12.0))
    store.save_self_check(SelfCheckResult(CHAIR_STAND, NOW - timedelta(days=1), 15.0))
    store.save_self_check(SelfCheckResult(MNSI, NOW - timedelta(days=2), 4.0, {"answers": []}))
    for days_ago, pain in ((12, 7), (11, 7), (10, 6), (3, 4), (2, 4), (1, 4)):
        add_session(store, days_ago, 5, ratings={"before": {("pain", "all"): pain}})


def day(days_ago: int) -> str:
    local = (NOW - timedelta(days=days_ago)).astimezone()
    return f"{local.day} {local:%B %Y}"


def test_with_no_self_checks_it_says_where_to_find_them(make_app) -> None:
    app = make_app()
    filled(app)
    page, view = open_self_checks(app)
    assert view.empty_note.isVisibleTo(page) and view.empty_note.text() == EMPTY_WORDS
    assert "View > Self-checks…" in EMPTY_WORDS and view.tables == []
    assert audit(page) == []


def test_each_measure_with_its_dates_results_and_the_change_in_words(make_app) -> None:
    app = make_app()
    some_self_checks(app)
    page, view = open_self_checks(app)
    assert not view.empty_note.isVisibleTo(page)
    stands, mnsi = view.tables
    assert [stands.item(r, 0).text() for r in range(2)] == [day(1), day(30)]  # newest first
    assert stands.item(0, 1).text() == "15 stands in 30 seconds"
    assert mnsi.item(0, 1).text().startswith("4 points of 13")
    change = view.change_labels[CHAIR_STAND].text()
    assert change.startswith("12 → 15 stands since ")
    assert change.endswith("up 3, more than the 2.5 that counts as a real change.")
    assert view.change_labels[MNSI].text().startswith("One result so far")
    (pain,) = view.rating_lines
    assert pain.startswith("Pain 6.7 → 4: down 2.7 points, a change that matters")
    assert "first 3 ratings" in pain
    assert audit(page) == []
    # The view keys work from inside its tables too, as from the others'.
    stands.setFocus()
    app.press(Qt.Key.Key_1)
    assert page.views.currentIndex() == 0
    app.press(Qt.Key.Key_5)
    assert page.views.currentIndex() == 4


def test_a_new_result_is_shown_when_the_history_is_read_again(make_app) -> None:
    app = make_app()
    page, view = open_self_checks(app)
    assert view.tables == []
    app.store.save_self_check(SelfCheckResult(CHAIR_STAND, NOW, 11.0))
    page.reload()
    assert page.self_checks_view is not None and len(page.self_checks_view.tables) == 1


@pytest.mark.parametrize("size", [(1024, 768), (1280, 800)], ids=["1024x768", "1280x800"])
def test_at_200_percent_the_view_wraps_and_fits(make_app, size) -> None:
    from neurocoach.ui.common import theme
    from tests.ui.test_text_size import check

    app = make_app(size=size)
    theme.apply(QApplication.instance(), "light", 200)
    app.settings.set("text_scale", 200)
    app.window.resize(*size)
    app.qtbot.wait(10)
    some_self_checks(app)
    try:
        page, view = open_self_checks(app)
        app.qtbot.wait(10)
        check(page)
        for table in view.tables:
            assert not table.horizontalScrollBar().isVisible()
            used = sum(table.columnWidth(c) for c in range(table.columnCount()))
            assert used <= table.viewport().width()
    finally:
        theme.apply(QApplication.instance())
