"""The dashboard on the real demo workspace: bars, overall number, grades, history, live updates."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtWidgets import QApplication

from ipaudit.domain.model import Grade
from ipaudit.ui import commands, i18n
from ipaudit.ui.dashboard.dashboard import Dashboard
from ipaudit.ui.dashboard.history_chart import day_ms


@pytest.fixture
def dashboard(qtbot, session) -> Dashboard:
    widget = Dashboard(session)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_one_bar_per_active_department_with_its_readiness(session, dashboard):
    active = session.workspace.departments(active_only=True)
    per_dep = session.assessment.departments
    chart = dashboard.department_chart
    assert chart.bar_set.count() == len(active) == 7
    assert chart.values() == {d.key: per_dep[d.key].percent for d in active}
    # merged departments (procurement into HR) get no bar of their own
    assert "procurement" not in chart.values()
    # the first department is drawn at the top, i.e. as the last category
    assert chart.category_axis.categories()[-1] == "管理层"
    assert "研发部" in chart.category_axis.categories()
    lowest = min(per_dep, key=lambda k: per_dep[k].percent)
    assert chart.lowest() == lowest
    assert chart.bar_set.isBarSelected(chart.keys.index(lowest))


def test_overall_number_and_findings_by_grade(session, dashboard):
    overall = session.assessment.overall
    assert dashboard.overall_value.text() == f"{overall.percent:.1f}".removesuffix(".0") + "%"
    assert str(overall.blocking) in dashboard.blocking_label.text()
    assert dashboard.grade_chart.counts() == overall.by_grade
    assert dashboard.grade_chart.counts()[Grade.MINOR] > 0


def test_history_has_one_point_per_snapshot(session, dashboard):
    snapshots = session.workspace.snapshots()
    assert len(snapshots) >= 2  # the demo's weeks of progress plus today
    points = dashboard.history_chart.points()
    assert len(points) == len(snapshots)
    assert [(p.x(), p.y()) for p in points] == [
        (day_ms(day), overall) for day, overall, _, _ in snapshots
    ]
    assert snapshots[-1][0] == dt.date.today()
    assert points[-1].y() == session.assessment.overall.percent
    axis = dashboard.history_chart.date_axis
    assert (
        axis.min().toMSecsSinceEpoch() < points[0].x()
        and axis.max().toMSecsSinceEpoch() > points[-1].x()
    )


def test_redraws_when_an_edit_raises_readiness(qtbot, session, dashboard):
    target = next(f for f in session.assessment.findings if f.code == "too_few_records")
    dep = target.department
    before = dashboard.department_chart.values()[dep]
    blocking = session.assessment.overall.blocking
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        session.undo_stack.push(
            commands.AcceptFinding(session, target.key, "第三份合同在档案室", target.item_key)
        )
    after = session.assessment.departments[dep].percent
    assert after > before
    assert dashboard.department_chart.values()[dep] == after
    assert str(blocking - 1) in dashboard.blocking_label.text()
    # today's snapshot follows, so the line ends at the new overall readiness
    assert dashboard.history_chart.points()[-1].y() == session.assessment.overall.percent
    assert len(dashboard.history_chart.points()) == len(session.workspace.snapshots())
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        session.undo_stack.undo()
    assert dashboard.department_chart.values()[dep] == before


def test_clicking_a_bar_emits_its_department(qtbot, dashboard):
    chart = dashboard.department_chart
    index = chart.keys.index("marketing")
    value = chart.bar_set.at(index)
    scene = chart.chart.mapToPosition(QPointF(value / 2, index), chart.series)
    pos = chart.view.mapFromScene(chart.chart.mapToScene(scene))
    with qtbot.waitSignal(dashboard.departmentActivated) as blocker:
        qtbot.mouseClick(chart.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert blocker.args == ["marketing"]


def test_department_view_shows_that_department(qtbot, demo_path):
    from ipaudit.services import Workspace
    from ipaudit.ui.session import WorkspaceSession

    s = WorkspaceSession(Workspace.open(demo_path), department="rnd")
    try:
        with qtbot.waitSignal(s.assessed, timeout=10_000):
            s.assess_now()
        widget = Dashboard(s)
        qtbot.addWidget(widget)
        r = s.assessment.departments["rnd"]
        assert widget.department_chart.values() == {"rnd": r.percent}
        assert widget.grade_chart.counts() == r.by_grade
        assert [p.y() for p in widget.history_chart.points()] == [
            per["rnd"] for _day, _o, per, _b in s.workspace.snapshots()
        ]
    finally:
        s.close()


def test_new_workspace_with_a_single_snapshot(qtbot, tmp_path):
    from ipaudit.demo import content
    from ipaudit.services import Workspace
    from ipaudit.ui.session import WorkspaceSession

    s = WorkspaceSession(Workspace.create(tmp_path / "new.ipaudit", content.INFO))
    try:
        with qtbot.waitSignal(s.assessed, timeout=10_000):
            s.assess_now()
        widget = Dashboard(s)
        qtbot.addWidget(widget)
        points = widget.history_chart.points()
        assert len(points) == 1 == len(s.workspace.snapshots())
        axis = widget.history_chart.date_axis
        assert axis.min() < axis.max()
        assert widget.grade_chart.counts()[Grade.MAJOR] > 0  # nothing attached yet
    finally:
        s.close()


def test_english_ui_shows_english_department_names(qtbot, session, dashboard):
    i18n.set_language("en")
    try:
        QApplication.sendEvent(dashboard, QEvent(QEvent.Type.LanguageChange))
        assert "R&D" in dashboard.department_chart.category_axis.categories()
        assert "Management" in dashboard.department_chart.category_axis.categories()
    finally:
        i18n.reset()
    QApplication.sendEvent(dashboard, QEvent(QEvent.Type.LanguageChange))
    assert "研发部" in dashboard.department_chart.category_axis.categories()


def test_the_workspace_information_is_one_click_away(qtbot, demo_path):
    from ipaudit.ui.main_window import MainWindow
    from ipaudit.ui.settings import Settings
    from ipaudit.ui.workspace_page import DASHBOARD_TAB

    window = MainWindow(Settings())
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.workspaceOpened, timeout=10_000):
        window.open_path(demo_path)
    try:
        window.page.set_view(DASHBOARD_TAB)
        link = window.page.dashboard.info_link
        assert link.isVisible()
        with qtbot.waitSignal(window.page.infoRequested):
            link.linkActivated.emit("info")
        from ipaudit.ui import panels

        cls = panels.load(panels.TOOLS["workspace_info"])
        if cls is not None:  # the dialog of the audit cycle opened
            qtbot.waitUntil(lambda: window.findChild(cls) is not None, timeout=5_000)
            window.findChild(cls).close()
    finally:
        window.close()
