"""A printable PDF report for a clinician, written with Qt's own PDF writer.

One or two A4 pages: the period, days exercised, minutes, routines done, a chart of the
symptom ratings before each session, how each symptom moved, the self-checks taken in the
period (each date and value, the change in words, where its scoring comes from), and the
user's own notes.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from itertools import pairwise

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from neurocoach import __version__
from neurocoach.core import foot_check
from neurocoach.core.foot_check import FootCheck
from neurocoach.core.history.progress import (
    SYMPTOM_NAMES,
    SYMPTOMS,
    Period,
    summarise_period,
)
from neurocoach.core.history.store import HistoryStore
from neurocoach.core.self_checks.change import (
    MEANINGFUL_CHANGE,
    RATINGS,
    day_words,
    latest_change_words,
    measure_series,
    rating_change_lines,
    value_words,
)
from neurocoach.core.self_checks.measures import CHAIR_STAND, MEASURES, SelfCheckResult
from neurocoach.core.session.wording import count_text
from neurocoach.ui.history.progress_charts import SYMPTOM_COLOURS

INK = QColor("#111111")
PAPER = QColor("#ffffff")
Series = dict[str, list[tuple[datetime, float]]]
GRID = QColor("#bbbbbb")


def write_report(
    store: HistoryStore, path: str, period: Period, notes: str = "", today: date | None = None
) -> int:
    """Write the report; returns the number of pages."""
    today = today or date.today()
    history = store.rating_history()
    summary = summarise_period(store.sessions(), history, period, today)
    writer = QPdfWriter(path)
    writer.setTitle("NeuroCoach exercise report")
    writer.setCreator(f"NeuroCoach {__version__}")
    writer.setResolution(144)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(18, 18, 18, 18),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter(writer)
    page = QRectF(0, 0, writer.width(), writer.height())
    pen = _Pen(painter, page, writer)
    pen.heading("NeuroCoach exercise report", 20)
    days = count_text(period.days, "day")
    pen.line(f"Period: {period.first:%d %B %Y} to {period.last:%d %B %Y} ({days})")
    pen.gap()
    pen.heading("Exercise", 14)
    pen.line(f"Days exercised: {summary.days_exercised} of {period.days}")
    pen.line(f"Sessions: {summary.sessions} ({summary.finished} finished)")
    pen.line(f"Time exercising: {count_text(round(summary.minutes), 'minute')}")
    if summary.streak is not None:
        pen.line(f"Current streak: {count_text(summary.streak, 'day')}")
    pen.gap()
    _foot_check(pen, store.foot_checks(), period)
    pen.gap()
    pen.heading("Routines done", 14)
    if not summary.routines:
        pen.line("None in this period.")
    for total in summary.routines:
        sessions = count_text(total.sessions, "session")
        pen.line(f"{total.title}: {sessions}, {count_text(round(total.minutes), 'minute')}")
    pen.gap()
    pen.heading("Symptoms before (solid) and after (dashed) each session (0 none, 10 worst)", 14)
    if summary.trends or any(summary.after.values()):
        pen.chart(summary.series, summary.after)
        for symptom, trend in summary.trends.items():
            pen.line(
                f"{SYMPTOM_NAMES[symptom]}: first {trend.first:g}, last {trend.last:g}, "
                f"average {trend.average:.1f} over {trend.count} ratings"
            )
        for words in rating_change_lines((w, r) for w, r in history if period.contains(w)):
            pen.paragraph(words)
    else:
        pen.line("No ratings in this period.")
    pen.gap()
    _self_checks(pen, [c for c in store.self_checks() if period.contains(c.taken_at)])
    pen.gap()
    pen.heading("Notes", 14)
    for paragraph in (notes.strip() or "None.").splitlines():
        pen.paragraph(paragraph)
    pen.gap()
    pen.line(
        f"Made with NeuroCoach {__version__} on {today:%d %B %Y}. Ratings are the user's own. "
        "The app offers exercises; it does not diagnose or treat.",
        size=9,
    )
    painter.end()
    return pen.pages


def _foot_check(pen: _Pen, checks: list[FootCheck], period: Period) -> None:
    """The latest answers with their date, and the dates of earlier ones in the period."""
    pen.heading("Foot check (the user's own answers)", 14)
    if not checks:
        pen.line("Not answered.")
        return
    *earlier, latest = checks
    pen.line(f"Answered on {_day(latest.answered_at)}:")
    for line in foot_check.answers_text(latest):
        pen.paragraph(f"• {line}")
    shown = [c for c in earlier if period.first <= c.answered_at.astimezone().date() <= period.last]
    for check in shown:
        yes = [q.short.lower() for q in foot_check.QUESTIONS if check.answer(q.key)]
        said = f"yes to {'; '.join(yes)}" if yes else "no to every question"
        pen.paragraph(f"Earlier, on {_day(check.answered_at)}: {said}.")


def _self_checks(pen: _Pen, checks: list[SelfCheckResult]) -> None:
    """Each measure taken in the period: every date and value, the change from the first to
    the last in words, and where its scoring comes from; then the sources of the thresholds."""
    pen.heading("Self-checks (done by the user at home, unsupervised)", 14)
    series = measure_series(checks)
    if not series:
        pen.line("None in this period.")
        return
    for key, results in series.items():
        about = MEASURES[key]
        pen.heading(about.name, 12)
        for result in results:
            pen.paragraph(f"• {day_words(result.taken_at)}: {value_words(result)}")
        pen.paragraph(latest_change_words(results))
        pen.line(f"Source: {about.source}", size=9)
    pen.line(
        "Sources. A change that matters: for the chair stand, "
        f"{MEANINGFUL_CHANGE[CHAIR_STAND].source}; for the 0-10 ratings, "
        f"{MEANINGFUL_CHANGE[RATINGS].source}. The tapping test, the one-leg stance, the MNSI "
        "and the PGIC have no threshold used here: their change is given without judging it. "
        "The MNSI questionnaire (University of Michigan) and the PGIC are free to use.",
        size=9,
    )


def _day(when: datetime) -> str:
    return f"{when.astimezone():%d %B %Y}".lstrip("0")


class _Pen:
    """Writes lines down the page, starting a new page when one is full."""

    def __init__(self, painter: QPainter, page: QRectF, writer: QPdfWriter) -> None:
        self.painter, self.page, self.writer = painter, page, writer
        self.y = 0.0
        self.pages = 1

    def _font(self, size: float, bold: bool = False) -> QFont:
        font = QFont("DejaVu Sans")
        font.setPointSizeF(size)
        font.setBold(bold)
        return font

    def _room(self, height: float) -> None:
        if self.y + height > self.page.height():
            self.writer.newPage()
            self.pages += 1
            self.y = 0.0

    def heading(self, text: str, size: float) -> None:
        self._write(text, self._font(size, bold=True))

    def line(self, text: str, size: float = 11) -> None:
        self._write(text, self._font(size))

    def paragraph(self, text: str) -> None:
        self._write(text, self._font(11))

    def gap(self) -> None:
        self.y += self.page.height() * 0.015

    def _write(self, text: str, font: QFont) -> None:
        self.painter.setFont(font)
        self.painter.setPen(INK)
        flags = int(Qt.TextFlag.TextWordWrap)
        bounds = self.painter.boundingRect(QRectF(0, 0, self.page.width(), 1e6), flags, text)
        self._room(bounds.height())
        self.painter.drawText(QRectF(0, self.y, self.page.width(), bounds.height()), flags, text)
        self.y += bounds.height() * 1.15

    def chart(self, before: Series, after: Series) -> None:
        """Ratings over the time they span (sessions on one day are told apart by the hour):
        before each session in solid lines, after it dashed, with hollow marks."""
        height = self.page.height() * 0.25
        self._room(height + 40)
        area = QRectF(60, self.y + 10, self.page.width() - 80, height)
        painter = self.painter
        painter.setFont(self._font(9))
        for value in range(0, 11, 2):
            y = area.bottom() - area.height() * value / 10
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(INK)
            painter.drawText(
                QRectF(0, y - 12, 50, 24), int(Qt.AlignmentFlag.AlignRight), str(value)
            )
        times = [
            when for series in (before, after) for points in series.values() for when, _ in points
        ]
        start, end = min(times), max(times)
        if end - start < timedelta(hours=2):
            start, end = start - timedelta(hours=1), end + timedelta(hours=1)
        span = (end - start).total_seconds()
        for series, style in ((before, Qt.PenStyle.SolidLine), (after, Qt.PenStyle.DashLine)):
            for symptom, points in series.items():
                if not points:
                    continue
                pen = QPen(QColor(SYMPTOM_COLOURS[symptom]), 4)
                pen.setStyle(style)
                painter.setPen(pen)
                places = [
                    QPointF(
                        area.left() + area.width() * (when - start).total_seconds() / span,
                        area.bottom() - area.height() * value / 10,
                    )
                    for when, value in points
                ]
                for a, b in pairwise(places):
                    painter.drawLine(a, b)
                painter.setPen(QPen(QColor(SYMPTOM_COLOURS[symptom]), 3))
                painter.setBrush(
                    QColor(SYMPTOM_COLOURS[symptom]) if style == Qt.PenStyle.SolidLine else PAPER
                )
                for place in places:
                    painter.drawEllipse(place, 5, 5)
                painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(INK)
        same_day = start.astimezone().date() == end.astimezone().date()
        shown = "%H:%M" if same_day else "%d %b %Y"
        for when, align in (
            (start, Qt.AlignmentFlag.AlignLeft),
            (end, Qt.AlignmentFlag.AlignRight),
        ):
            painter.drawText(
                QRectF(area.left(), area.bottom() + 4, area.width(), 24),
                int(align),
                f"{when.astimezone():{shown}}",
            )
        legend_y = area.bottom() + 34
        x = area.left()
        for symptom in SYMPTOMS:
            painter.setPen(QPen(QColor(SYMPTOM_COLOURS[symptom]), 6))
            painter.drawLine(QPointF(x, legend_y + 12), QPointF(x + 30, legend_y + 12))
            painter.setPen(INK)
            painter.drawText(QPointF(x + 38, legend_y + 18), SYMPTOM_NAMES[symptom])
            x += 200
        self.y = legend_y + 40
