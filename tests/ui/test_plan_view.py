"""The audit-day plan editor: generate the plan, edit cells in place (room, auditors, time), see
the conflict listed and its rows highlighted, undo it; people and rooms; export in a worker; a
department view cannot edit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QLineEdit, QTimeEdit

from ipaudit.services import Workspace, audit_plan
from ipaudit.ui import workers
from ipaudit.ui.plan import plan_models as pm
from ipaudit.ui.plan.plan_delegates import CheckList
from ipaudit.ui.plan.plan_view import PlanView
from ipaudit.ui.session import WorkspaceSession
from tests.factories import INFO
from tests.plan_people import declare_people
from tests.ui.helpers import show_view


@pytest.fixture
def plan_session(tmp_path: Path, qtbot) -> Iterator[WorkspaceSession]:  # type: ignore[no-untyped-def]
    ws = Workspace.create(tmp_path / "plan.ipaudit", INFO)
    declare_people(ws)  # the generated plan names everybody: no conflict to start with
    s = WorkspaceSession(ws)
    yield s
    workers.wait_all()
    s.close()


def edit_cell(view: PlanView, qtbot, key: str, column: int, editor_type, set_value) -> None:  # type: ignore[no-untyped-def]
    """Open the in-place editor of ``key``'s ``column``, change it and press Enter."""
    index = view.sessions.index(view.sessions.row_of(key), column)
    view.table.setCurrentIndex(index)
    view.table.edit(index)
    editor = view.table.viewport().findChild(editor_type, f"planEditor{column}")
    assert editor is not None and editor.isVisible()
    set_value(editor)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits in the next event loop turn
    qtbot.waitUntil(lambda: view.table.state() != QAbstractItemView.State.EditingState)
    qtbot.waitUntil(lambda: not view._refresh_timer.isActive())


def conflict_texts(view: PlanView) -> list[str]:
    return [view.conflicts.item(n).text() for n in range(view.conflicts.count())]


def row_is_highlighted(view: PlanView, key: str) -> bool:
    index = view.sessions.index(view.sessions.row_of(key), pm.SESSION)
    return view.sessions.data(index, Qt.ItemDataRole.BackgroundRole) is not None


def test_generate_edit_see_the_conflict_and_undo(plan_session, qtbot, zh) -> None:  # type: ignore[no-untyped-def]
    view = show_view(PlanView, plan_session, qtbot)
    assert view.sessions.rowCount() == 0 and not view.add_button.isEnabled()
    qtbot.mouseClick(view.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.sessions.rowCount() > 0)
    assert view.conflicts.count() == 0
    stack = plan_session.undo_stack

    # the R&D interview moved into the IP team's room: the room is double-booked
    edit_cell(
        view,
        qtbot,
        "interview_rnd",
        pm.ROOM,
        QComboBox,
        lambda combo: combo.setCurrentIndex(combo.findData("room_1")),
    )
    assert (
        audit_plan.need_plan(plan_session.workspace).plan.session("interview_rnd").room == "room_1"
    )  # type: ignore[union-attr]
    texts = conflict_texts(view)
    assert len(texts) == 1 and "同时安排了" in texts[0] and "研发部" in texts[0]
    assert row_is_highlighted(view, "interview_rnd") and row_is_highlighted(
        view, "interview_ip_office"
    )
    assert not row_is_highlighted(view, "opening")
    findings = plan_session.workspace.findings()
    assert any(f.code == audit_plan.FINDING_CODE for f in findings)

    stack.undo()
    qtbot.waitUntil(lambda: view.conflicts.count() == 0)
    assert (
        audit_plan.need_plan(plan_session.workspace).plan.session("interview_rnd").room == "room_2"
    )  # type: ignore[union-attr]
    assert not row_is_highlighted(view, "interview_rnd")
    stack.redo()
    qtbot.waitUntil(lambda: view.conflicts.count() == 1)
    stack.undo()
    qtbot.waitUntil(lambda: view.conflicts.count() == 0)

    # auditors ticked in a check list: the first auditor in two rooms at once
    def tick_first_auditor(editor: CheckList) -> None:
        for n in range(editor.count()):
            item = editor.item(n)
            key = item.data(Qt.ItemDataRole.UserRole)
            item.setCheckState(
                Qt.CheckState.Checked if key == "auditor_1" else Qt.CheckState.Unchecked
            )

    edit_cell(view, qtbot, "interview_rnd", pm.AUDITORS, CheckList, tick_first_auditor)
    kinds = {c.kind.value for c in audit_plan.conflicts(plan_session.workspace)}
    assert kinds == {"auditor_twice"}
    assert any("审核员 1" in t for t in conflict_texts(view))
    stack.undo()
    qtbot.waitUntil(lambda: view.conflicts.count() == 0)

    # the department in a combo box: R&D interviewed in both rooms at once
    edit_cell(
        view,
        qtbot,
        "interview_ip_office",
        pm.DEPARTMENT,
        QComboBox,
        lambda combo: combo.setCurrentIndex(combo.findData("rnd")),
    )
    kinds = {c.kind.value for c in audit_plan.conflicts(plan_session.workspace)}
    assert kinds == {"department_twice"}
    assert any("同时被访谈两次" in t for t in conflict_texts(view))
    stack.undo()
    qtbot.waitUntil(lambda: view.conflicts.count() == 0)

    # a time editor: the interview ends before it starts
    edit_cell(view, qtbot, "interview_rnd", pm.END, QTimeEdit, lambda e: e.setTime(QTime(13, 0)))
    stored = audit_plan.need_plan(plan_session.workspace).plan.session("interview_rnd")
    assert stored is not None and stored.end == dt.time(13, 0)
    assert any("结束时间不晚于开始时间" in t for t in conflict_texts(view))

    # undo everything back to no plan at all
    while stack.canUndo():
        stack.undo()
    qtbot.waitUntil(lambda: view.sessions.rowCount() == 0)
    assert audit_plan.load(plan_session.workspace) is None


def test_models_pass_the_model_tester(plan_session, qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    audit_plan.generate(plan_session.workspace)
    view = show_view(PlanView, plan_session, qtbot)
    qtmodeltester.check(view.sessions)
    qtmodeltester.check(view.people)
    qtmodeltester.check(view.rooms)


def test_people_rooms_and_escorts(plan_session, qtbot, zh) -> None:  # type: ignore[no-untyped-def]
    audit_plan.generate(plan_session.workspace)
    view = show_view(PlanView, plan_session, qtbot)
    people = view.people
    row = people.row_of("auditor_1")
    index = people.index(row, pm.NAME)
    view.people_table.edit(index)
    line = view.people_table.viewport().findChild(QLineEdit, "personNameEditor")
    assert line is not None
    line.setText("王审核")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            "王审核"
            in view.sessions.data(view.sessions.index(view.sessions.row_of("opening"), pm.AUDITORS))
        )
    )

    # the escort taken from the auditor: both conflicts listed
    escort_index = people.index(people.row_of("auditor_2"), pm.P_ESCORT)
    view.people_table.edit(escort_index)
    combo = view.people_table.viewport().findChild(QComboBox, "escortEditor")
    assert combo is not None
    combo.setCurrentIndex(combo.findData(""))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.conflicts.count() == 2)
    assert any("没有陪审人员" in t for t in conflict_texts(view))
    plan_session.undo_stack.undo()
    qtbot.waitUntil(lambda: view.conflicts.count() == 0)

    rooms_before = view.rooms.rowCount()
    qtbot.mouseClick(view.add_room_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.rooms.rowCount() == rooms_before + 1)
    assert view.add_session() is not None
    assert view.sessions.rowCount() == len(
        audit_plan.need_plan(plan_session.workspace).plan.sessions
    )


def test_export_runs_in_a_worker(plan_session, qtbot, tmp_path: Path, zh) -> None:  # type: ignore[no-untyped-def]
    audit_plan.generate(plan_session.workspace)
    view = show_view(PlanView, plan_session, qtbot)
    target = tmp_path / "plan.xlsx"
    with qtbot.waitSignal(view.exported, timeout=20_000) as signal:
        view.export_to("xlsx", target)
    assert signal.args == ["xlsx", str(target)]
    rows = list(openpyxl.load_workbook(target).worksheets[0].iter_rows(values_only=True))
    assert rows[0][0] == "日期" and len(rows) == view.sessions.rowCount() + 1
    assert view.export_buttons["docx"].isEnabled()


def test_a_department_view_cannot_edit(tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    ws = Workspace.create(tmp_path / "dep.ipaudit", INFO)
    audit_plan.generate(ws)
    session = WorkspaceSession(ws, department="rnd")
    try:
        view = show_view(PlanView, session, qtbot)
        assert view.sessions.rowCount() > 0
        assert not view.generate_button.isEnabled() and not view.add_button.isEnabled()
        flags = view.sessions.flags(view.sessions.index(0, pm.ROOM))
        assert not flags & Qt.ItemFlag.ItemIsEditable
        assert view.export_buttons["ics"].isEnabled()
    finally:
        workers.wait_all()
        session.close()


def test_the_audit_menu_opens_the_plan_as_a_tab(tmp_path: Path, qtbot, zh) -> None:  # type: ignore[no-untyped-def]
    from ipaudit.ui.main_window import MainWindow
    from ipaudit.ui.settings import Settings

    path = tmp_path / "menu.ipaudit"
    Workspace.create(path, INFO).close()
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    try:
        with qtbot.waitSignal(win.workspaceOpened, timeout=20_000):
            assert win.open_path(path)
        action = win.acts.audit_views["plan"]
        assert action.isVisible() and "审核日" in action.text()  # shown, in Chinese
        action.trigger()
        view = win.page.extra_view("plan")  # type: ignore[union-attr]
        assert isinstance(view, PlanView)
        qtbot.mouseClick(view.generate_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: view.sessions.rowCount() > 0)
        assert view.sessions.rowCount() == len(
            audit_plan.need_plan(win.session.workspace).plan.sessions  # type: ignore[union-attr]
        )
    finally:
        win.close()
        workers.wait_all()
