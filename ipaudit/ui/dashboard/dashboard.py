"""The readiness dashboard: overall readiness, readiness per department, open findings by grade and
readiness over time. It redraws whenever the session delivers a fresh assessment."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from ipaudit.domain.model import Department
from ipaudit.services import Assessment
from ipaudit.ui.dashboard.department_chart import DepartmentChart
from ipaudit.ui.dashboard.grade_chart import GradeChart
from ipaudit.ui.dashboard.history_chart import HistoryChart
from ipaudit.ui.findings.language import pick, short_name
from ipaudit.ui.session import WorkspaceSession


def _fmt_percent(value: float) -> str:
    return f"{value:.1f}%".replace(".0%", "%")


class Dashboard(QWidget):
    """``departmentActivated(key)`` when a department's bar is clicked."""

    departmentActivated = Signal(str)
    #: the link to the workspace information (audit type, dates, period) was followed
    infoRequested = Signal()

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session

        self.overall_frame = QFrame()
        self.overall_frame.setObjectName("overall")
        self.overall_frame.setStyleSheet("QFrame#overall { background: white; }")
        self.overall_frame.setMinimumWidth(240)
        self.overall_title = QLabel()
        self.overall_value = QLabel("–")
        big = QFont(self.overall_value.font())
        big.setPointSizeF(big.pointSizeF() * 3.6)
        big.setBold(True)
        self.overall_value.setFont(big)
        self.overall_value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.overall_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.items_label = QLabel()
        self.blocking_label = QLabel()
        self.lowest_label = QLabel()
        self.info_link = QLabel()
        self.info_link.setObjectName("dashboardInfoLink")
        self.info_link.setTextFormat(Qt.TextFormat.RichText)
        self.info_link.linkActivated.connect(lambda _link: self.infoRequested.emit())
        for label in (self.items_label, self.blocking_label, self.lowest_label, self.info_link):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        box = QVBoxLayout(self.overall_frame)
        box.addStretch(1)
        box.addWidget(self.overall_title)
        box.addWidget(self.overall_value)
        box.addWidget(self.items_label)
        box.addWidget(self.blocking_label)
        box.addWidget(self.lowest_label)
        box.addWidget(self.info_link)
        box.addStretch(1)

        self.department_chart = DepartmentChart(self)
        self.grade_chart = GradeChart(self)
        self.history_chart = HistoryChart(self)
        self.department_chart.departmentActivated.connect(self.departmentActivated)

        grid = QGridLayout(self)
        grid.addWidget(self.overall_frame, 0, 0)
        grid.addWidget(self.grade_chart.view, 0, 1)
        grid.addWidget(self.department_chart.view, 1, 0)
        grid.addWidget(self.history_chart.view, 1, 1)
        # interview readiness (the rehearsal's share of questions last answered right), one line
        self.interview_label = QLabel()
        self.interview_label.setObjectName("dashboardInterview")
        self.interview_label.setWordWrap(True)
        grid.addWidget(self.interview_label, 2, 0, 1, 2)
        grid.setRowStretch(0, 2)
        grid.setRowStretch(1, 3)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self._assessment: Assessment | None = None
        session.assessed.connect(self.refresh)
        self.retranslate_ui()
        if session.assessment is not None:
            self.refresh(session.assessment)

    def refresh(self, assessment: Assessment) -> None:
        """Redraw from a fresh assessment and the workspace's readiness snapshots."""
        self._assessment = assessment
        departments = self.session.departments()
        shown = {
            d.key: assessment.departments[d.key]
            for d in departments
            if d.key in assessment.departments
        }
        self.department_chart.set_readiness(departments, shown)
        only = self.session.department_only
        overall = assessment.departments[only] if only and only in shown else assessment.overall
        self.grade_chart.set_counts(overall.by_grade)
        self.history_chart.set_snapshots(self._snapshots())
        self._update_overall(assessment, departments)
        self._update_interview(departments)

    def _snapshots(self) -> list[tuple]:
        rows = self.session.workspace.snapshots()
        only = self.session.department_only
        if not only:
            return rows
        return [(day, per[only], per, blocking) for day, _o, per, blocking in rows if only in per]

    def _update_overall(self, a: Assessment, departments: list[Department]) -> None:
        only = self.session.department_only
        r = a.departments.get(only, a.overall) if only else a.overall
        self.overall_value.setText(_fmt_percent(r.percent))
        self.items_label.setText(
            self.tr("%1 of %n item(s) ready", "", r.items).replace("%1", str(r.ready_items))
        )
        self.blocking_label.setText(self.tr("Blocking findings: %1").replace("%1", str(r.blocking)))
        lowest = self.department_chart.lowest()
        if lowest is not None and not only:
            dep = next((d for d in departments if d.key == lowest), None)
            name = pick(dep.name) if dep else lowest
            self.lowest_label.setText(
                self.tr("Lowest: %1 (%2)")
                .replace("%1", name)
                .replace("%2", _fmt_percent(a.departments[lowest].percent))
            )
        else:
            self.lowest_label.setText("")

    def _update_interview(self, departments: list[Department]) -> None:
        from ipaudit.services import rehearsal

        ready = rehearsal.readiness(self.session.workspace)
        parts = [
            f"{short_name(pick(d.name))} {_fmt_percent(ready[d.key].percent)}"
            + (
                f" ({ready[d.key].right}/{ready[d.key].questions})"
                if self.session.department_only
                else ""
            )
            for d in departments
            if d.key in ready
        ]
        self.interview_label.setText(
            self.tr("Interview readiness (rehearsal): %1").replace("%1", " · ".join(parts))
        )

    def retranslate_ui(self) -> None:
        only = self.session.department_only
        self.overall_title.setText(
            self.tr("Department readiness") if only else self.tr("Overall readiness")
        )
        self.department_chart.retranslate(
            self.tr("Readiness by department"), self.tr("Readiness (%)")
        )
        self.grade_chart.retranslate(self.tr("Open findings by grade"))
        self.info_link.setText(
            '<a href="info">' + self.tr("Audit type, dates and period…") + "</a>"
        )
        self.info_link.setVisible(not only)
        self.history_chart.retranslate(self.tr("Readiness over time"), self.tr("Readiness (%)"))
        if self._assessment is not None:
            self.refresh(self._assessment)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
