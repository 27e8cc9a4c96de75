"""Open findings by grade as three coloured bars (× major, ○ minor, △ observation)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QValueAxis
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

from ipaudit.domain.model import Grade
from ipaudit.ui.dashboard.chart_style import new_chart_view
from ipaudit.ui.findings.grade_style import COLORS, grade_label


class GradeChart(QObject):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart, self.view = new_chart_view(parent)
        self.series = QBarSeries()
        self.sets: dict[Grade, QBarSet] = {}
        for grade in Grade:
            bar = QBarSet(grade_label(grade))
            bar.setColor(COLORS[grade])
            bar.setBorderColor(COLORS[grade])
            bar.setLabelColor(Qt.GlobalColor.black)
            bar.append(0)
            self.sets[grade] = bar
            self.series.append(bar)
        self.series.setLabelsVisible(True)
        self.series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        self.series.setLabelsFormat("@value")
        self.series.setBarWidth(0.8)
        self.chart.addSeries(self.series)
        self.category_axis = QBarCategoryAxis()
        self.category_axis.append([""])
        self.category_axis.setVisible(False)
        self.value_axis = QValueAxis()
        self.value_axis.setLabelFormat("%d")
        self.chart.addAxis(self.category_axis, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(self.value_axis, Qt.AlignmentFlag.AlignLeft)
        self.series.attachAxis(self.category_axis)
        self.series.attachAxis(self.value_axis)
        legend = self.chart.legend()
        legend.setVisible(True)
        legend.setAlignment(Qt.AlignmentFlag.AlignBottom)

    def set_counts(self, by_grade: Mapping[Grade, int]) -> None:
        top = 0
        for grade, bar in self.sets.items():
            count = int(by_grade.get(grade, 0))
            bar.replace(0, count)
            top = max(top, count)
        # whole numbers on the axis at a round step, with headroom for the value labels
        step = 1
        while (top + 1) / step > 5:
            step = step * 5 // 2 if str(step).startswith("2") else step * 2
        upper = max(step * ((top + step) // step), 4)
        self.value_axis.setRange(0, upper + step * 0.3)
        self.value_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        self.value_axis.setTickAnchor(0)
        self.value_axis.setTickInterval(step)

    def counts(self) -> dict[Grade, int]:
        return {g: int(bar.at(0)) for g, bar in self.sets.items()}

    def retranslate(self, title: str) -> None:
        self.chart.setTitle(title)
        for grade, bar in self.sets.items():
            bar.setLabel(grade_label(grade))
