"""The corrective-action list on a copy of the demo: filters, overdue rows marked, the editor
saving, marking done and verifying, undo of each step, the report import, jump to the item."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ipaudit.domain.corrective_actions import ActionStatus, NcSource
from ipaudit.services import corrective_actions as service
from ipaudit.ui import i18n
from ipaudit.ui.actions import actions_model as am
from ipaudit.ui.actions.actions_view import NOT_CLOSED, OVERDUE, VERIFIED, ActionsView
from tests.ui.helpers import ItemPage


@pytest.fixture
def view(session, qtbot):
    i18n.set_language("zh")
    page = ItemPage()
    qtbot.addWidget(page)
    v = ActionsView(session, page)
    qtbot.addWidget(v)
    v.resize(1366, 768)
    yield v  # the page stays referenced while the view lives
    i18n.reset()  # no Chinese catalogue left installed for the tests after these


#: what a user writes into an action before closing it
FILLED = {"root_cause": "未核对签到", "action": "培训结束时核对签到", "owner": "冯婷"}


def proof(tmp_path: Path) -> Path:
    path = tmp_path / "纠正措施处理单.txt"
    path.write_text("已补签合同并修订模板。", encoding="utf-8")
    return path


def rows(v: ActionsView) -> list[str]:
    return [v.proxy.index(r, am.KEY).data() for r in range(v.proxy.rowCount())]


def test_the_model_passes_the_model_tester(view: ActionsView, qtmodeltester) -> None:
    ws = view.session.workspace
    service.add(ws, finding="a", due=dt.date.today() - dt.timedelta(days=3))
    view.refresh()
    qtmodeltester.check(view.model)


def test_filters_and_overdue_rows(view: ActionsView, tmp_path: Path) -> None:
    ws = view.session.workspace
    today = dt.date.today()
    late = service.add(
        ws,
        finding="培训签到表缺失",
        department="hr_admin",
        raised=today - dt.timedelta(days=50),
        due=today - dt.timedelta(days=35),
    )
    on_time = service.add(
        ws, finding="目标未分解", department="marketing", due=today + dt.timedelta(days=9)
    )
    closed = service.add(
        ws, finding="已关闭", department="rnd", raised=today - dt.timedelta(days=9), **FILLED
    )
    service.close(ws, closed.key, today - dt.timedelta(days=2), attach=[proof(tmp_path)])
    service.verify(ws, closed.key, by="李审", result="ok", on=today)
    view.refresh()
    assert rows(view) == [late.key, on_time.key, closed.key]
    row = view.model.row_of(late.key)
    index = view.model.index(row, am.OVERDUE)
    assert index.data() == "35"
    assert index.data(Qt.ItemDataRole.ForegroundRole).color() == am.OVERDUE_COLOR
    assert not view.model.index(view.model.row_of(on_time.key), am.KEY).data(
        Qt.ItemDataRole.ForegroundRole
    )
    assert "1 项逾期" in view.count.text() or "1" in view.count.text()
    view.set_filter(OVERDUE)
    assert rows(view) == [late.key]
    view.set_filter(NOT_CLOSED)
    assert rows(view) == [late.key, on_time.key]
    view.set_filter(VERIFIED)
    assert rows(view) == [closed.key]
    view.set_filter("all", "marketing")
    assert rows(view) == [on_time.key]
    # the status column is in the UI language, never an internal key
    assert view.proxy.index(0, am.STATUS).data() == "未开始"


def test_edit_done_verify_and_undo_each(view: ActionsView, qtbot, tmp_path: Path) -> None:
    from ipaudit.ui import errors

    ws = view.session.workspace
    stack = view.session.undo_stack
    view.new_action()
    ed = view.editor
    ed.finding.setPlainText("两份劳动合同未约定知识产权归属")
    ed.department.setCurrentIndex(ed.department.findData("hr_admin"))
    ed.owner.setText("人事 王芳")
    ed.due.set_value(dt.date.today() + dt.timedelta(days=20))
    qtbot.mouseClick(ed.save, Qt.MouseButton.LeftButton)
    stored = service.actions(ws)
    assert [(a.key, a.owner, a.department) for a in stored] == [("CA-001", "人事 王芳", "hr_admin")]
    assert view.selected().key == "CA-001" and ed.title.text().startswith("CA-001")

    ed.items.setText("hr.nowhere")
    with qtbot.waitSignal(errors.reporter().shown, timeout=5000) as shown:
        qtbot.mouseClick(ed.save, Qt.MouseButton.LeftButton)  # an unknown item is refused
    shown.args[0].close()
    ed.items.setText("hr.labour_contracts")
    ed.root_cause.setPlainText("合同模板为旧版")
    ed.action.setPlainText("修订模板并补签")
    qtbot.mouseClick(ed.save, Qt.MouseButton.LeftButton)
    assert service.get(ws, "CA-001").root_cause == "合同模板为旧版"
    assert service.get(ws, "CA-001").item_keys == ("hr.labour_contracts",)
    assert ed.go_to_item.isEnabled()
    # no evidence of completion yet: "Mark done" waits and says why
    assert not ed.done.isEnabled()
    assert "完成证据" in ed.done.toolTip() and "原因分析" not in ed.done.toolTip()
    qtbot.mouseClick(ed.done, Qt.MouseButton.LeftButton)
    assert service.get(ws, "CA-001").status is ActionStatus.OPEN
    assert view.attach_file(proof(tmp_path)) is not None
    assert ed.done.isEnabled() and "完成证据" not in ed.done.toolTip()
    qtbot.mouseClick(ed.done, Qt.MouseButton.LeftButton)
    assert service.get(ws, "CA-001").status is ActionStatus.DONE
    assert ed.verification.isEnabled()
    ed.verified_by.setText("李审")
    ed.verified_result.setPlainText("已抽查补签合同")
    qtbot.mouseClick(ed.verify, Qt.MouseButton.LeftButton)
    assert service.get(ws, "CA-001").status is ActionStatus.VERIFIED
    assert stack.count() == 5

    stack.undo()  # verification
    assert service.get(ws, "CA-001").status is ActionStatus.DONE
    stack.undo()  # done
    assert service.get(ws, "CA-001").status is ActionStatus.OPEN
    stack.undo()  # the file attached
    assert service.get(ws, "CA-001").evidence_ids == ()
    stack.undo()  # the edit
    assert service.get(ws, "CA-001").root_cause == ""
    stack.undo()  # the new action
    assert service.actions(ws) == [] and rows(view) == []
    stack.redo()
    assert [a.key for a in service.actions(ws)] == ["CA-001"]


def test_bad_input_is_shown_and_not_stored(view: ActionsView, qtbot) -> None:
    from ipaudit.ui import errors

    view.new_action()
    with qtbot.waitSignal(errors.reporter().shown, timeout=5000) as shown:
        view.save()  # no finding
    shown.args[0].close()
    assert service.actions(view.session.workspace) == []
    assert view.session.undo_stack.count() == 0


def test_import_is_one_undo_step_and_go_to_item(view: ActionsView, tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    sh = wb.active
    sh.append(["序号", "部门", "不符合事实", "条款", "性质"])
    sh.append([1, "研发部", "项目缺设计阶段检索", "8.3.2", "一般"])
    sh.append([2, "财务部", "经费记录与发放登记不一致", "7.1.4", "严重"])
    path = tmp_path / "外审.xlsx"
    wb.save(path)
    made = view.import_report(path)
    assert [a.source for a in made] == [NcSource.CERTIFICATION] * 2
    assert rows(view) == ["CA-001", "CA-002"]
    view.session.undo_stack.undo()
    assert rows(view) == []
    view.session.undo_stack.redo()
    assert rows(view) == ["CA-001", "CA-002"]
    ws = view.session.workspace
    service.edit(ws, "CA-001", item_keys=("rnd.projects",))
    view.refresh()
    view.select("CA-001")
    assert view.editor.origin.text() == "外审.xlsx#1"
    assert view.editor.go_to_item.isEnabled()
    view.editor.go_to_item.click()
    assert view.parent().shown == [("rnd", "rnd.projects")]


def test_looks_right_at_1366(view: ActionsView, tmp_path: Path) -> None:
    ws = view.session.workspace
    today = dt.date.today()
    service.add(
        ws,
        finding="培训签到表缺失日期",
        department="hr_admin",
        raised=today - dt.timedelta(days=50),
        due=today - dt.timedelta(days=35),
        owner="王芳",
    )
    service.add(
        ws, finding="目标未分解到市场部", department="marketing", due=today + dt.timedelta(days=9)
    )
    view.refresh()
    view.select("CA-001")
    view.show()
    image = view.grab()
    assert image.width() == 1366
    image.save(str(tmp_path / "actions.png"))
    import os

    if os.environ.get("IPAUDIT_SHOTS"):
        image.save(os.environ["IPAUDIT_SHOTS"] + "/actions.png")


def test_linked_items_are_shown_and_typed_by_their_titles(view: ActionsView, qtbot) -> None:
    ws = view.session.workspace
    item = ws.item("hr.labour_contracts")
    action = service.add(ws, finding="合同缺条款", item_keys=("hr.labour_contracts",))
    view.refresh()
    assert view.select(action.key)
    ed = view.editor
    assert ed.items.text() == item.title.zh  # the title, never the key
    assert "hr." not in ed.items.text() and "hr." not in ed.items.placeholderText()
    other = ws.item("hr.trainings")
    ed.items.setText(f"{item.title.zh}；{other.title.zh}")
    qtbot.mouseClick(ed.save, Qt.MouseButton.LeftButton)
    assert service.get(ws, action.key).item_keys == ("hr.labour_contracts", "hr.trainings")
    i18n.set_language("en")
    try:
        QApplication.processEvents()  # the language change reaches the widgets
        assert ed.items.text().startswith(item.title.en)
    finally:
        i18n.set_language("zh")


def test_the_calendar_holds_the_actions_due_dates_and_the_audit_day(
    view: ActionsView, qtbot, tmp_path: Path
) -> None:
    import icalendar

    from ipaudit.services import audit_plan

    ws = view.session.workspace
    plan = audit_plan.generate(ws)
    due = dt.date.today() + dt.timedelta(days=20)
    action = service.add(ws, finding="培训签到表缺失", department="hr_admin", due=due)
    target = tmp_path / "日历.ics"
    with qtbot.waitSignal(view.export_calendar(target).finished, timeout=10_000):
        pass
    cal = icalendar.Calendar.from_ical(target.read_bytes())
    events = list(cal.walk("VEVENT"))
    mine = [e for e in events if action.key in str(e.get("SUMMARY"))]
    assert len(mine) == 1 and mine[0].decoded("DTSTART") == due
    others = [a for a in service.actions(ws) if a.due and not a.status.finished]
    assert len(events) == len(plan.sessions) + len(
        others
    )  # the audit day's sessions beside the action
    assert str(target) in view.count.text()


def test_mark_done_follows_the_rule_as_typed(view: ActionsView, qtbot, tmp_path: Path) -> None:
    """An empty action cannot be marked done; the tool tip names what is missing, typing fills it
    in, and marking done stores what was typed with it, in one undo step."""
    ws = view.session.workspace
    blank = service.add(ws, finding="未见入职背景调查记录", source=NcSource.CERTIFICATION)
    view.refresh()
    assert view.select(blank.key)
    ed = view.editor
    assert not ed.done.isEnabled()
    for word in ("原因分析", "纠正措施", "责任人", "完成证据"):
        assert word in ed.done.toolTip()
    service.attach_completion(ws, blank.key, proof(tmp_path))
    view.refresh()
    ed.root_cause.setPlainText("入职流程未列背景调查")
    ed.action.setPlainText("修订入职流程")
    assert not ed.done.isEnabled() and "责任人" in ed.done.toolTip()
    assert "原因分析" not in ed.done.toolTip()
    ed.owner.setText("何静")
    assert ed.done.isEnabled()
    count = view.session.undo_stack.count()
    qtbot.mouseClick(ed.done, Qt.MouseButton.LeftButton)
    stored = service.get(ws, blank.key)
    assert stored.status is ActionStatus.DONE
    assert (stored.root_cause, stored.action, stored.owner) == (
        "入职流程未列背景调查",
        "修订入职流程",
        "何静",
    )
    assert view.session.undo_stack.count() == count + 1
    assert not ed.done.isEnabled() and ed.verification.isEnabled()
    # verifying needs who and what was found: refused with a message, nothing stored
    from ipaudit.ui import errors

    ed.verified_by.setText("李审")
    with qtbot.waitSignal(errors.reporter().shown, timeout=5000) as shown:
        qtbot.mouseClick(ed.verify, Qt.MouseButton.LeftButton)
    box = shown.args[0]
    assert "验证结果" in box.text() + box.informativeText()
    shown.args[0].close()
    assert service.get(ws, blank.key).status is ActionStatus.DONE
    view.session.undo_stack.undo()
    undone = service.get(ws, blank.key)
    assert undone.status is ActionStatus.OPEN and undone.owner == ""
