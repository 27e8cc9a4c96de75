"""The department navigator: readiness and blocking findings per department, selection."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ipaudit.ui.checklist.navigator import DepartmentNavigator
from ipaudit.ui.checklist.navigator_model import BlockingRole, KeyRole, PercentRole


def test_lists_departments_with_readiness(qtbot, session, qtmodeltester):
    nav = DepartmentNavigator(session)
    qtbot.addWidget(nav)
    model = nav.model
    qtmodeltester.check(model)
    active = session.workspace.departments(active_only=True)
    assert [model.index(r).data(KeyRole) for r in range(model.rowCount())] == [
        d.key for d in active
    ]
    per_dep = session.assessment.departments
    for row, dep in enumerate(active):
        index = model.index(row)
        assert index.data(Qt.ItemDataRole.DisplayRole) == dep.name.zh
        assert index.data(PercentRole) == per_dep[dep.key].percent
        assert index.data(BlockingRole) == per_dep[dep.key].blocking
        assert f"{per_dep[dep.key].percent:.0f}%" in index.data(Qt.ItemDataRole.ToolTipRole)
    overall = session.assessment.overall
    assert f"{overall.percent:.0f}%" in nav.overall.text()


def test_selecting_a_department_emits_its_key(qtbot, session):
    nav = DepartmentNavigator(session)
    qtbot.addWidget(nav)
    with qtbot.waitSignal(nav.departmentSelected) as sig:
        nav.select_department("marketing")
    assert sig.args == ["marketing"]
    assert nav.current_department() == "marketing"
    # clicking a row selects it too
    row = nav.model.row_of("finance")
    nav.show()
    rect = nav.view.visualRect(nav.model.index(row))
    with qtbot.waitSignal(nav.departmentSelected) as sig:
        qtbot.mouseClick(nav.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sig.args == ["finance"]


def test_renamed_department_follows(qtbot, session):
    from ipaudit.ui import commands

    nav = DepartmentNavigator(session)
    qtbot.addWidget(nav)
    nav.select_department("rnd")
    old = session.workspace.department("rnd")
    from dataclasses import replace

    from ipaudit.domain.model import Text

    new = replace(old, name=Text("产品研发部", old.name.en))
    session.undo_stack.push(commands.SaveDepartment(session, old, new, "rename"))
    index = nav.model.index(nav.model.row_of("rnd"))
    assert index.data() == "产品研发部"
    assert nav.current_department() == "rnd"
    session.undo_stack.undo()
    assert nav.model.index(nav.model.row_of("rnd")).data() == old.name.zh


def test_the_lowest_readiness_is_easy_to_find(qtbot, session):
    nav = DepartmentNavigator(session)
    qtbot.addWidget(nav)
    model = nav.model
    percents = {
        model.index(r).data(KeyRole): model.index(r).data(PercentRole)
        for r in range(model.rowCount())
    }
    lowest = min(percents, key=percents.__getitem__)
    assert percents[lowest] < 100  # the demo has gaps
    assert model.index(model.row_of(lowest)).data(BlockingRole) > 0
