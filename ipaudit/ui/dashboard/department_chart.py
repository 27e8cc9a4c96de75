"""Readiness per department as horizontal bars; the lowest department is highlighted."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QHorizontalBarSeries, QValueAxis
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from ipaudit.domain.model import Department, Readiness
from ipaudit.ui.dashboard.chart_style import BAR_COLOR, LOWEST_COLOR, new_chart_view
from ipaudit.ui.findings.language import pick, short_name


class DepartmentChart(QObject):
    """Owns the chart view (``view``); ``departmentActivated(key)`` when a bar is clicked."""

    departmentActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart, self.view = new_chart_view(parent)
        self.bar_set = QBarSet("")
        self.bar_set.setColor(BAR_COLOR)
        self.bar_set.setBorderColor(BAR_COLOR)
        self.bar_set.setSelectedColor(LOWEST_COLOR)
        self.bar_set.setLabelColor(Qt.GlobalColor.black)
        self.series = QHorizontalBarSeries()
        self.series.append(self.bar_set)
        self.series.setLabelsVisible(True)
        self.series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        self.series.setLabelsFormat("@value%")
        self.series.setLabelsPrecision(4)
        self.series.setBarWidth(0.6)
        self.chart.addSeries(self.series)
        self.category_axis = QBarCategoryAxis()
        self.value_axis = QValueAxis()
        self.value_axis.setRange(0, 112)  # room for the value label after a full bar
        self.value_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        self.value_axis.setTickAnchor(0)
        self.value_axis.setTickInterval(20)
        self.value_axis.setLabelFormat("%d")
        self.chart.addAxis(self.category_axis, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(self.value_axis, Qt.AlignmentFlag.AlignBottom)
        self.series.attachAxis(self.category_axis)
        self.series.attachAxis(self.value_axis)
        self.bar_set.clicked.connect(self._clicked)
        #: department keys in bar order (bar 0 is drawn at the bottom)
        self.keys: list[str] = []

    def set_readiness(
        self, departments: Sequence[Department], readiness: Mapping[str, Readiness]
    ) -> None:
        """One bar per department that has a readiness, listed top to bottom in their order."""
        shown = [d for d in departments if d.key in readiness]
        shown.reverse()  # the first department at the top
        self.keys = [d.key for d in shown]
        values = [readiness[d.key].percent for d in shown]
        self.bar_set.remove(0, self.bar_set.count())
        self.bar_set.append(values)
        self.category_axis.clear()
        self.category_axis.append([short_name(pick(d.name)) for d in shown])
        # a line of text per bar, so no department's name is shortened to "…"
        line = self.view.fontMetrics().height() + 8
        self.view.setMinimumHeight(max(250, 110 + line * len(shown)))
        self.bar_set.deselectAllBars()
        if len(values) > 1 and min(values) < 100:
            self.bar_set.selectBar(values.index(min(values)))

    def values(self) -> dict[str, float]:
        """Department key → the value of its bar."""
        return {k: self.bar_set.at(i) for i, k in enumerate(self.keys)}

    def lowest(self) -> str | None:
        selected = self.bar_set.selectedBars()
        return self.keys[selected[0]] if selected else None

    def retranslate(self, title: str, axis_title: str) -> None:
        self.chart.setTitle(title)
        self.value_axis.setTitleText(axis_title)

    def _clicked(self, index: int) -> None:
        if 0 <= index < len(self.keys):
            self.departmentActivated.emit(self.keys[index])
