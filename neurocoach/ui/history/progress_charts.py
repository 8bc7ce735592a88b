"""Charts for the History window (QtCharts): minutes a week, and symptoms over time.

Large fonts, thick lines, markers on every point, and the theme's colours, so the charts are
readable from a distance and in high contrast. Qt Charts cuts a title or a label that is too
wide ("How I felt before each sess..."); at large text ours break into lines instead.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QDateTime, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import QWidget

from neurocoach.core.history.progress import SYMPTOM_NAMES
from neurocoach.ui.common import theme

SYMPTOM_COLOURS = {"pain": "#d24a00", "tingling": "#3f6fd8", "numbness": "#2e8b3a"}


def _chart(title: str) -> QChart:
    colours = theme.current
    chart = QChart()
    chart.setTitle(title)
    font = QFont()
    font.setPointSize(round(20 * theme.current_scale))
    font.setBold(True)
    chart.setTitleFont(font)
    chart.setTitleBrush(QColor(colours.ink))
    chart.setBackgroundBrush(QColor(colours.paper))
    chart.legend().setFont(_axis_font())
    chart.legend().setLabelColor(QColor(colours.ink))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


def _axis_font() -> QFont:
    font = QFont()
    font.setPointSize(round(16 * theme.current_scale))
    return font


def _style_axis(axis: QValueAxis | QBarCategoryAxis | QDateTimeAxis) -> None:
    axis.setLabelsFont(_axis_font())
    axis.setLabelsColor(QColor(theme.current.ink))
    axis.setTitleBrush(QColor(theme.current.ink))
    axis.setTitleFont(_axis_font())
    axis.setLinePen(QPen(QColor(theme.current.ink), 2))
    axis.setGridLineColor(QColor(theme.current.track))


def _qt_time(when: datetime) -> QDateTime:
    return QDateTime.fromMSecsSinceEpoch(round(when.timestamp() * 1000))


class _ChartView(QChartView):
    """A chart whose title, and whose labels along the bottom, break into lines (Qt Charts
    shows them as HTML) when the chart is too narrow for them on one line."""

    def __init__(self, chart: QChart, parent: QWidget) -> None:
        super().__init__(chart, parent)
        self.title = chart.title()
        self.labels: list[tuple[str, str]] = []  # the category labels, as (one line, two)
        self.time_format = ""  # or the bottom time axis's format on one line

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_text(event.size().width())

    def fit_text(self, width: int) -> None:
        chart = self.chart()
        if self.title:
            lines = wrapped(self.title, QFontMetrics(chart.titleFont()), width - 2 * CHART_SIDES)
            chart.setTitle("<br>".join(lines))
        for axis in chart.axes(Qt.Orientation.Horizontal):
            metrics = QFontMetrics(axis.labelsFont())
            if isinstance(axis, QBarCategoryAxis) and self.labels:
                room = (width - VALUE_LABELS) // len(self.labels)
                two = any(
                    metrics.horizontalAdvance(one) + LABEL_AIR > room for one, _ in self.labels
                )
                axis.setCategories([pair[two] for pair in self.labels])
            elif isinstance(axis, QDateTimeAxis) and self.time_format:
                room = (width - VALUE_LABELS) // max(1, axis.tickCount())
                sample = axis.min().toString(self.time_format)
                two = metrics.horizontalAdvance(sample) + LABEL_AIR > room
                axis.setFormat(self.time_format.replace(" ", "'<br>'") if two else self.time_format)


CHART_SIDES = 40  # px: the chart's margins beside its title
VALUE_LABELS = 120  # px: about what the value axis and the margins take of the width
LABEL_AIR = 24  # px: a label is cut unless it has about this much room to spare


def wrapped(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """The words of `text` in lines no wider than `width` (a word longer keeps a line)."""
    lines: list[str] = []
    for word in text.split():
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _view(chart: QChart, parent: QWidget, name: str) -> _ChartView:
    view = _ChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setAccessibleName(name)
    view.setMinimumHeight(240)
    return view


def minutes_chart(weeks: list[tuple[date, float]], parent: QWidget) -> QChartView:
    chart = _chart("")  # the view's button already says what this is: room for the bars
    chart.setMargins(QMargins(4, 4, 4, 4))
    bars = QBarSet("Minutes")
    bars.setColor(QColor(theme.current.accent))
    bars.setBorderColor(QColor(theme.current.ink))
    for _, value in weeks:
        bars.append(round(value))
    series = QBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    chart.addSeries(series)
    chart.legend().hide()
    labels = QBarCategoryAxis()
    labels.append([f"{start:%d %b}" for start, _ in weeks])
    labels.setTitleText("Minutes in the week starting")
    _style_axis(labels)
    chart.addAxis(labels, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(labels)
    values = QValueAxis()
    values.setRange(0, max([10.0] + [v * 1.15 for _, v in weeks]))
    values.applyNiceNumbers()  # round steps: 0, 20, 40... not 0, 35.7, 71.4
    values.setLabelFormat("%d")
    _style_axis(values)
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(values)
    described = ", ".join(f"week of {s:%d %B}: {round(v)} minutes" for s, v in weeks)
    view = _view(chart, parent, "Minutes of exercise a week")
    view.labels = [(f"{start:%d %b}", f"{start:%d}<br>{start:%b}") for start, _ in weeks]
    view.setAccessibleDescription(described)
    return view


def time_axis_format(first: datetime, last: datetime) -> str:
    """Labels that tell the ticks apart: hours within a day or two, days beyond ("01 Dec"
    six times said nothing when the sessions were all on one day)."""
    span = last - first
    if span <= timedelta(days=1):
        return "HH:mm"
    if span <= timedelta(days=4):
        return "ddd HH:mm"
    return "dd MMM"


def symptoms_chart(
    series_by_symptom: dict[str, list[tuple[datetime, float]]], parent: QWidget
) -> QChartView:
    chart = _chart("How I felt before each session (0 none – 10 worst)")
    times = [when for points in series_by_symptom.values() for when, _ in points]
    axis_x = QDateTimeAxis()
    first, last = (min(times), max(times)) if times else (datetime.now(), datetime.now())
    if last - first < timedelta(hours=2):  # one session, or a few close together
        first, last = first - timedelta(hours=1), last + timedelta(hours=1)
    axis_x.setFormat(time_axis_format(first, last))
    axis_x.setTickCount(6)
    axis_x.setRange(_qt_time(first), _qt_time(last))
    _style_axis(axis_x)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    axis_y = QValueAxis()
    axis_y.setRange(0, 10)
    axis_y.setTickCount(6)
    axis_y.setLabelFormat("%d")
    _style_axis(axis_y)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    described = []
    for symptom, points in series_by_symptom.items():
        if not points:
            continue
        line = QLineSeries()
        line.setName(SYMPTOM_NAMES[symptom])
        marks = QScatterSeries()
        marks.setMarkerSize(14)
        colour = QColor(SYMPTOM_COLOURS[symptom])
        line.setPen(QPen(colour, 5))
        marks.setColor(colour)
        marks.setBorderColor(QColor(theme.current.ink))
        for when, value in points:
            stamp = _qt_time(when).toMSecsSinceEpoch()
            line.append(stamp, value)
            marks.append(stamp, value)
        chart.addSeries(line)
        chart.addSeries(marks)
        for series in (line, marks):
            series.attachAxis(axis_x)
            series.attachAxis(axis_y)
        chart.legend().markers(marks)[0].setVisible(False)
        described.append(f"{symptom} from {points[0][1]:g} to {points[-1][1]:g}")
    view = _view(chart, parent, "Symptom ratings over time")
    view.time_format = axis_x.format()
    view.setAccessibleDescription("; ".join(described) or "no ratings yet")
    return view
