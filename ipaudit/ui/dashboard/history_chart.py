"""Readiness over time: one point per day the workspace changed (the workspace's snapshots)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCharts import QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import QDate, QDateTime, QObject, QPointF, Qt, QTime
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QWidget

from ipaudit.ui.dashboard.chart_style import LINE_COLOR, new_chart_view

Snapshot = tuple[dt.date, float, dict[str, float], int]

_DAY_MS = 24 * 3600 * 1000


def day_ms(day: dt.date) -> float:
    """Midnight local time of ``day`` in milliseconds since the epoch (what the axis plots)."""
    return float(QDateTime(QDate(day.year, day.month, day.day), QTime(0, 0)).toMSecsSinceEpoch())


class HistoryChart(QObject):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart, self.view = new_chart_view(parent)
        self.series = QLineSeries()
        pen = QPen(LINE_COLOR)
        pen.setWidthF(2.0)
        self.series.setPen(pen)
        self.series.setPointsVisible(True)
        self.series.setPointLabelsVisible(True)
        self.series.setPointLabelsFormat("@yPoint%")
        self.series.setPointLabelsClipping(False)
        self.chart.addSeries(self.series)
        self.date_axis = QDateTimeAxis()
        self.date_axis.setFormat("MM-dd")
        self.value_axis = QValueAxis()
        self.value_axis.setRange(0, 108)  # room for the label of a point at 100
        self.value_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        self.value_axis.setTickAnchor(0)
        self.value_axis.setTickInterval(20)
        self.value_axis.setLabelFormat("%d")
        self.chart.addAxis(self.date_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.value_axis, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.date_axis)
        self.series.attachAxis(self.value_axis)
        self.snapshots: list[Snapshot] = []

    def set_snapshots(self, snapshots: Sequence[Snapshot]) -> None:
        self.snapshots = sorted(snapshots, key=lambda s: s[0])
        self.series.replace([QPointF(day_ms(s[0]), s[1]) for s in self.snapshots])
        if self.snapshots:
            first, last = day_ms(self.snapshots[0][0]), day_ms(self.snapshots[-1][0])
        else:
            first = last = day_ms(dt.date.today())
        pad = max(_DAY_MS, (last - first) * 0.04)
        self.date_axis.setRange(
            QDateTime.fromMSecsSinceEpoch(int(first - pad)),
            QDateTime.fromMSecsSinceEpoch(int(last + pad)),
        )
        self.date_axis.setTickCount(max(2, min(len(self.snapshots), 8)))
        # labels crowd when there are many points; keep the line readable
        self.series.setPointLabelsVisible(len(self.snapshots) <= 12)

    def points(self) -> list[QPointF]:
        return list(self.series.points())

    def retranslate(self, title: str, axis_title: str) -> None:
        self.chart.setTitle(title)
        self.value_axis.setTitleText(axis_title)
