"""The History window, exports and report, with a history built for the tests."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument

from neurocoach.core.history.export import COLUMNS, SELF_CHECK_COLUMNS
from neurocoach.core.self_checks.measures import CHAIR_STAND, MNSI, TAPPING_RIGHT, SelfCheckResult
from neurocoach.ui.history.history_page import HistoryPage
from neurocoach.ui.history.report_dialog import ReportDialog
from tests.ui.accessibility import audit
from tests.ui.helpers import NOW, filled


def open_history(app) -> HistoryPage:
    app.window.show_history()
    page = app.window.current_page()
    assert isinstance(page, HistoryPage)
    return page


def test_the_views_show_days_streak_minutes_and_ratings(make_app) -> None:
    app = make_app()
    filled(app)
    page = open_history(app)
    assert page.summary.text().startswith("Exercised on 4 days · streak 3 days")
    assert page.model.rowCount() == 4
    assert "pain 6 → 4" in page.details.text()  # the newest session, selected
    assert audit(page) == []
    app.press(Qt.Key.Key_2)
    assert page.calendar is not None
    today = NOW.astimezone().date()
    marked = [c for c in page.calendar.cells if "✓" in c.text()]
    assert len(marked) >= 1 and any(c.text() == f"{today.day} ✓" for c in marked)
    assert audit(page) == []
    app.press(Qt.Key.Key_3)
    totals = page.totals_table
    assert totals.item(0, 0).text() == "Quick hands" and totals.item(0, 1).text() == "3"
    app.press(Qt.Key.Key_4)
    chart = page.views.currentWidget().focusProxy()
    assert "pain from 7 to 6" in chart.accessibleDescription()
    assert audit(page) == []


def test_deleting_a_session_asks_first(make_app) -> None:
    app = make_app()
    filled(app)
    page = open_history(app)
    app.press(Qt.Key.Key_Delete)
    ask = page.confirm_delete
    app.qtbot.waitExposed(ask)
    assert ask.no_button.isDefault()
    app.press(Qt.Key.Key_Return)  # the default: no
    app.qtbot.waitUntil(lambda: page.confirm_delete is None)
    assert len(app.store.sessions()) == 4
    app.press(Qt.Key.Key_Delete)
    app.qtbot.waitExposed(page.confirm_delete)
    app.press(Qt.Key.Key_Y)
    app.qtbot.waitUntil(lambda: page.confirm_delete is None)
    assert len(app.store.sessions()) == 3
    assert page.model.rowCount() == 3


def saving_to(monkeypatch, path: Path) -> None:
    """The file dialog answers `path` (the dialog itself: tests/ui/common/test_file_dialogs.py)."""
    monkeypatch.setattr(
        "neurocoach.ui.history.report_dialog.choose_file_to_save", lambda *a, **k: path
    )


def self_checks(app) -> None:
    """A chair stand before the report's 30 days and two in them, an MNSI, a tapping test."""
    for days_ago, stands in ((40, 10), (20, 12), (1, 15)):
        app.store.save_self_check(
            SelfCheckResult(CHAIR_STAND, NOW - timedelta(days=days_ago), stands, {"arms": False})
        )
    app.store.save_self_check(SelfCheckResult(MNSI, NOW - timedelta(days=2), 4, {"answers": [1]}))
    app.store.save_self_check(SelfCheckResult(TAPPING_RIGHT, NOW - timedelta(days=3), 52.5))


def day(days_ago: int) -> str:
    local = (NOW - timedelta(days=days_ago)).astimezone()
    return f"{local.day} {local:%B %Y}"


def test_csv_export_has_the_columns_and_values(make_app, tmp_path, monkeypatch) -> None:
    app = make_app()
    filled(app)
    self_checks(app)
    dialog = ReportDialog(app.store)
    app.qtbot.addWidget(dialog)
    target = tmp_path / "sessions.csv"
    saving_to(monkeypatch, target)
    dialog.period.set_current("30")
    app.qtbot.mouseClick(dialog.csv_button, Qt.MouseButton.LeftButton)
    assert "4 sessions are saved" in dialog.status.text()
    with target.open(newline="") as stream:
        table = list(csv.reader(stream))
    gap = table.index([])  # the sessions, an empty row, then the self-checks
    rows = [dict(zip(table[0], row, strict=True)) for row in table[1:gap]]
    assert table[0] == list(COLUMNS)
    assert table[gap + 1] == list(SELF_CHECK_COLUMNS)
    checks = table[gap + 2 :]  # the 30 days' only, oldest first, in local time
    assert [(c[1], c[2]) for c in checks] == [
        ("30-second chair stand", "12"),
        ("Finger tapping, right hand", "52.5"),
        ("MNSI questionnaire", "4"),
        ("30-second chair stand", "15"),
    ]
    newest_check = checks[-1]
    when = (NOW - timedelta(days=1)).astimezone().isoformat(timespec="minutes")
    assert newest_check == [
        when,
        "30-second chair stand",
        "15",
        "stands in 30 seconds",
        '{"arms": false}',
    ]
    assert checks[2][4] == '{"answers": [1]}'
    assert list(rows[0]) == list(COLUMNS)
    assert [r["routine"] for r in rows] == [
        "Quick hands",
        "Foot wash, massage and check",
        "Quick hands",
        "Quick hands",
    ]
    newest = rows[-1]
    assert (newest["minutes"], newest["result"], newest["steps_done"]) == ("6.0", "finished", "1")
    assert (newest["pain_before"], newest["pain_after"], newest["numbness_before"]) == (
        "6",
        "4",
        "",
    )
    dialog.period.set_current("30")


def test_the_pdf_report_has_pages_and_the_figures(make_app, tmp_path, monkeypatch) -> None:
    app = make_app()
    filled(app)
    dialog = ReportDialog(app.store)
    app.qtbot.addWidget(dialog)
    assert audit(dialog) == []
    target = tmp_path / "report.pdf"
    saving_to(monkeypatch, target)
    dialog.notes.setPlainText("Feet feel warmer in the mornings.")
    app.qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    assert target.stat().st_size > 2000
    document = QPdfDocument()
    assert document.load(str(target)) == QPdfDocument.Error.None_
    assert document.pageCount() >= 1
    text = " ".join(document.getAllText(page).text() for page in range(document.pageCount()))
    text = " ".join(text.split())
    for expected in (
        "NeuroCoach exercise report",
        "Days exercised: 4 of 90",
        "Sessions: 4 (4 finished)",
        "Quick hands: 3 sessions",
        "Pain: first 7, last 6",
        "Symptoms before (solid) and after (dashed) each session",
        "Feet feel warmer in the mornings.",
    ):
        assert expected in text, expected
    assert "Self-checks (done by the user at home, unsupervised) None in this period." in text
    document.close()


def test_the_pdf_report_has_every_self_check_of_the_period_with_its_date(
    make_app, tmp_path
) -> None:
    from neurocoach.core.history.progress import Period
    from neurocoach.ui.history.clinician_report import write_report

    app = make_app()
    filled(app)
    self_checks(app)
    today = NOW.astimezone().date()
    target = tmp_path / "report.pdf"
    write_report(app.store, str(target), Period(today - timedelta(days=29), today), today=today)
    document = QPdfDocument()
    assert document.load(str(target)) == QPdfDocument.Error.None_
    text = " ".join(document.getAllText(p).text() for p in range(document.pageCount()))
    text = " ".join(text.split())
    document.close()
    since = NOW - timedelta(days=20)
    for expected in (
        "Self-checks (done by the user at home, unsupervised)",
        "30-second chair stand",
        f"• {day(20)}: 12 stands in 30 seconds",
        f"• {day(1)}: 15 stands in 30 seconds",
        f"12 → 15 stands since {since.astimezone().day} {since.astimezone():%B}: up 3, more "
        "than the 2.5 that counts as a real change.",
        "Source: 30-Second Chair Stand, CDC STEADI; Jones, Rikli & Beam 1999",
        "MNSI questionnaire",
        f"• {day(2)}: 4 points of 13 (higher: more signs of neuropathy)",
        "Source: Michigan Neuropathy Screening Instrument",
        "Finger tapping, right hand",
        f"• {day(3)}: 52.5 taps in 10 seconds",
        "One result so far",
        "The MNSI questionnaire (University of Michigan) and the PGIC are free to use.",
        "Pain 7 → 6: down 1 point, less than the 2 points or 30 % of a change that matters.",
    ):
        assert expected in text, expected
    assert day(40) not in text  # the chair stand before the period is not in its report
    assert "Overall change since starting" not in text  # no PGIC was taken


def test_the_view_on_screen_has_the_filled_button(make_app) -> None:
    """Which of the four views is open must be seen, not guessed."""
    from PySide6.QtGui import QColor

    from neurocoach.ui.common import theme

    app = make_app()
    filled(app)
    page = open_history(app)
    buttons = page.view_buttons.buttons()

    def filled_ones() -> list[int]:
        accent = QColor(theme.current.accent).rgb()
        found = []
        for number, button in enumerate(buttons):
            image = button.grab().toImage()
            if image.pixel(12, image.height() // 2) == accent:  # in the padding, not a letter
                found.append(number)
        return found

    assert filled_ones() == [0]
    app.press(Qt.Key.Key_3)
    assert filled_ones() == [2]
    assert buttons[2].accessibleDescription() == "shown now"
    assert buttons[0].accessibleDescription() == ""


def test_ratings_on_one_day_are_told_apart_by_the_hour(make_app) -> None:
    from datetime import timedelta as hours_later

    from PySide6.QtCharts import QChartView

    from neurocoach.ui.history.progress_charts import time_axis_format
    from tests.ui.helpers import add_session

    app = make_app()
    for n in range(3):  # three sessions this morning, an hour apart
        add_session(app.store, n / 24, 10, ratings={"before": {("pain", "all"): 5 - n}})
    page = open_history(app)
    app.press(Qt.Key.Key_4)
    chart = page.views.currentWidget().findChild(QChartView)
    assert chart is not None
    (axis,) = chart.chart().axes(Qt.Orientation.Horizontal)
    assert axis.format() == "HH:mm"
    day = NOW.replace(hour=0, minute=0)
    assert time_axis_format(day, day + hours_later(days=3)) == "ddd HH:mm"
    assert time_axis_format(day, day + hours_later(days=30)) == "dd MMM"


FOOT = "Foot wash, massage and check"
LONG_TITLES = {
    # As `filled`: on 1280x800 the title takes two lines without the table's scroll bar,
    # three with it, and the fit made the bar come and go.
    "the-foot-check": {0: "Quick hands", 1: "Quick hands", 2: FOOT, 9: "Quick hands"},
    "a-paragraph": {
        0: "Quick hands",
        1: FOOT,
        2: "Gentle morning stretches for the shoulders, the neck and the upper back, seated "
        "on a firm chair with both feet flat on the floor, then standing if it feels safe",
        3: "Wrist and finger exercises with the soft therapy putty, as shown by Anna",
    },
}


@pytest.mark.parametrize("titles", LONG_TITLES.values(), ids=LONG_TITLES.keys())
@pytest.mark.parametrize("size", [(1280, 800), (1024, 768)], ids=["1280x800", "1024x768"])
def test_long_routine_titles_at_200_percent_leave_no_overlaps(make_app, size, titles) -> None:
    """Titles are anyone's: however long, they wrap, the table never scrolls sideways, and
    its scroll bar coming or going does not swing the fit between two plans (the table drawn
    over the Delete button meanwhile)."""
    from PySide6.QtWidgets import QApplication

    from neurocoach.ui.common import theme
    from tests.ui.helpers import add_session
    from tests.ui.test_text_size import check

    app = make_app(size=size)
    theme.apply(QApplication.instance(), "light", 200)
    app.settings.set("text_scale", 200)
    app.window.resize(*size)
    app.qtbot.wait(10)
    for days_ago, title in titles.items():
        add_session(app.store, days_ago, 5, title)
    try:
        page = open_history(app)
        for number in (0, 2):
            page.show_view(number)
            app.qtbot.wait(10)
            check(page)
            table = page.table if number == 0 else page.totals_table
            assert not table.horizontalScrollBar().isVisible()
            columns = range(table.model().columnCount())
            used = sum(table.columnWidth(c) for c in columns if not table.isColumnHidden(c))
            assert used <= table.viewport().width()
    finally:
        theme.apply(QApplication.instance())
