"""Shared look of the dashboard charts: plain light theme, no animation, compact margins."""

from __future__ import annotations

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

BAR_COLOR = QColor("#1e88e5")
LOWEST_COLOR = QColor("#e67e00")
LINE_COLOR = QColor("#1e88e5")


def new_chart_view(parent: QWidget | None = None) -> tuple[QChart, QChartView]:
    chart = QChart()
    chart.setTheme(QChart.ChartTheme.ChartThemeLight)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    title_font = QFont(chart.titleFont())
    title_font.setBold(True)
    title_font.setPointSizeF(max(title_font.pointSizeF(), 10.0))
    chart.setTitleFont(title_font)
    chart.legend().setVisible(False)
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumSize(260, 250)  # room for the axis labels at 150 % scaling
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return chart, view
