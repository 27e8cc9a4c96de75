"""The item panel against the real demo workspace: answers checked against the facts, status with
the not-applicable reason, notes, instance names, each edit undone and redone."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QSplitter

from ipaudit.domain.model import Status
from ipaudit.ui import commands, i18n
from ipaudit.ui.checklist.checklist_view import ChecklistView
from ipaudit.ui.checklist.item_panel import ItemPanel
from ipaudit.ui.checklist.navigator import DepartmentNavigator
from ipaudit.ui.checklist.navigator_model import BlockingRole, PercentRole

HR_INTERVIEW = "hr.interview"


class Window(QSplitter):
    """The three checklist widgets wired the way the main window wires them."""

    def __init__(self, session) -> None:
        super().__init__()
        self.navigator = DepartmentNavigator(session)
        self.checklist = ChecklistView(session)
        self.panel = ItemPanel(session)
        for w in (self.navigator, self.checklist, self.panel):
            self.addWidget(w)
        self.navigator.departmentSelected.connect(self.checklist.show_department)
        self.checklist.itemSelected.connect(self.panel.show_item)
        self.resize(1300, 850)


@pytest.fixture
def window(qtbot, session) -> Window:
    i18n.set_language("en")  # what the tests read is English, whatever a test before installed
    w = Window(session)
    qtbot.addWidget(w)
    w.show()
    return w


def readiness_of(window: Window, department: str) -> tuple[float, int]:
    model = window.navigator.model
    index = model.index(model.row_of(department))
    return index.data(PercentRole), index.data(BlockingRole)


def contradictions(session, item_key: str) -> list[str]:
    return [
        f.refs[0]
        for f in session.assessment.findings
        if f.item_key == item_key and f.code == "answer_contradicts_fact"
    ]


def open_item(window: Window, department: str, item_key: str) -> None:
    window.navigator.select_department(department)
    assert window.checklist.department == department
    window.checklist.select_item(item_key)
    assert window.panel.item_key == item_key


def test_headcount_answer_that_contradicts_the_facts(qtbot, session, window):
    open_item(window, "hr_admin", HR_INTERVIEW)
    field = window.panel.answer_fields["headcount"]
    declared_headcount = session.workspace.facts().headcount["hr_admin"]
    assert field.text() == session.workspace.state(HR_INTERVIEW).answers["headcount"]
    assert not field.contradicts()
    assert str(declared_headcount) in field.fact_label.text()  # the declared value beside it
    assert contradictions(session, HR_INTERVIEW) == []
    percent_before, blocking_before = readiness_of(window, "hr_admin")

    # the department head answers with a number the IP manual does not declare
    field.edit.setFocus()
    field.set_editing(f"{declared_headcount + 3}人")
    assert field.contradicts()  # red while typing
    field.commit()
    qtbot.waitUntil(lambda: contradictions(session, HR_INTERVIEW) == ["headcount"], timeout=10_000)

    percent_after, blocking_after = readiness_of(window, "hr_admin")
    assert percent_after < percent_before
    assert blocking_after == blocking_before + 1
    assert field.property("contradicts") is True
    assert "#d13438" in field.edit.styleSheet()
    assert "≠" in field.fact_label.text()
    assert any("headcount" in f.refs for f in window.panel.findings())
    assert window.checklist.model.row_for(HR_INTERVIEW).blocking

    # undo: the old answer is back and the finding clears; redo brings it back
    session.undo_stack.undo()
    assert session.workspace.state(HR_INTERVIEW).answers["headcount"] == f"{declared_headcount}人"
    qtbot.waitUntil(lambda: contradictions(session, HR_INTERVIEW) == [], timeout=10_000)
    assert not field.contradicts()
    assert field.text() == f"{declared_headcount}人"
    qtbot.waitUntil(lambda: readiness_of(window, "hr_admin")[0] == percent_before)
    session.undo_stack.redo()
    assert field.text() == f"{declared_headcount + 3}人"
    qtbot.waitUntil(lambda: contradictions(session, HR_INTERVIEW) == ["headcount"], timeout=10_000)

    # correcting the fact instead clears the finding and the red
    facts = session.workspace.facts()
    fixed = replace(facts, headcount={**facts.headcount, "hr_admin": declared_headcount + 3})
    commands.set_facts(session, fixed)
    assert not field.contradicts()
    # (the company total grows with it, so only the headcount question clears)
    qtbot.waitUntil(
        lambda: "headcount" not in contradictions(session, HR_INTERVIEW), timeout=10_000
    )


def test_typing_in_one_answer_survives_a_save_of_another(qtbot, session, window):
    open_item(window, "hr_admin", HR_INTERVIEW)
    headcount = window.panel.answer_fields["headcount"]
    duties = window.panel.answer_fields["duties"]
    duties.edit.setFocus()
    duties.set_editing("负责培训")
    headcount.set_editing("7人")
    headcount.commit()  # saving reloads the panel; the duties being typed stay
    assert duties.text() == "负责培训"
    assert session.workspace.state(HR_INTERVIEW).answers["headcount"] == "7人"
    window.panel.show_item("hr.training")  # leaving the item saves what was typed
    assert session.workspace.state(HR_INTERVIEW).answers["duties"] == "负责培训"


def test_not_applicable_needs_a_reason(qtbot, session, window):
    key = "prod.interview"
    open_item(window, "production", key)
    before = session.workspace.state(key)
    editor = window.panel.status_editor
    editor.choose(Status.NOT_APPLICABLE)
    dialog = editor.dialog
    assert dialog is not None and dialog.isVisible()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClick(dialog.edit, Qt.Key.Key_Space)
    assert not ok.isEnabled()  # blanks are not a reason
    dialog.accept()
    assert session.workspace.state(key).status is before.status

    # cancelling leaves the status alone
    editor.choose(Status.NOT_APPLICABLE)
    editor.dialog.reject()
    assert session.workspace.state(key).status is before.status
    assert editor.shown_status() is before.status

    editor.choose(Status.NOT_APPLICABLE)
    dialog = editor.dialog
    dialog.edit.insertPlainText("生产全部委托加工")  # (QTest types Latin-1 only)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    state = session.workspace.state(key)
    assert state.status is Status.NOT_APPLICABLE
    assert state.na_reason == "生产全部委托加工"
    assert editor.reason_label.isVisible() and "生产全部委托加工" in editor.reason_label.text()
    assert editor.shown_status() is Status.NOT_APPLICABLE

    session.undo_stack.undo()
    assert session.workspace.state(key).status is before.status
    assert editor.shown_status() is before.status
    session.undo_stack.redo()
    assert session.workspace.state(key).status is Status.NOT_APPLICABLE
    assert editor.shown_status() is Status.NOT_APPLICABLE


def test_status_and_notes_are_undoable(qtbot, session, window):
    key = "rnd.search_timing"
    open_item(window, "rnd", key)
    before = session.workspace.state(key)
    target = Status.IN_PROGRESS if before.status is not Status.IN_PROGRESS else Status.READY
    window.panel.status_editor.choose(target)
    assert session.workspace.state(key).status is target
    assert window.checklist.model.row_for(key).state.status is target

    notes = window.panel.notes
    notes.setFocus()
    notes.insertPlainText("周三前补齐")
    notes.clearFocus()  # leaving the field saves
    assert session.workspace.state(key).notes.endswith("周三前补齐")

    session.undo_stack.undo()
    assert session.workspace.state(key).notes == before.notes
    assert notes.text() == before.notes
    session.undo_stack.undo()
    assert session.workspace.state(key).status is before.status
    assert window.panel.status_editor.shown_status() is before.status
    session.undo_stack.redo()
    session.undo_stack.redo()
    assert session.workspace.state(key).status is target
    assert notes.text().endswith("周三前补齐")


def test_record_set_slots_and_instance_names(qtbot, session, window):
    key = "rnd.projects"
    open_item(window, "rnd", key)
    chooser = window.panel.slot_chooser
    item = session.workspace.template.item(key)
    assert chooser is not None
    assert chooser.instance.count() == item.instances
    assert chooser.sub_record.count() == len(item.sub_records)
    chooser.set_slot(f"2/{item.sub_records[1].key}")
    assert chooser.slot() == f"2/{item.sub_records[1].key}"

    before = session.workspace.state(key).instance_names
    edit = chooser.name_edits[0]
    edit.setFocus()
    edit.selectAll()
    edit.insert("智能门锁")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    names = session.workspace.state(key).instance_names
    assert names[0] == "智能门锁" and names[1:] == before[1:]
    assert "智能门锁" in chooser.instance.itemText(0)
    assert chooser.slot() == f"2/{item.sub_records[1].key}"  # the choice survives the refresh
    session.undo_stack.undo()
    assert session.workspace.state(key).instance_names == before
    assert chooser.name_edits[0].text() == (before[0] if before else "")
    session.undo_stack.redo()
    assert session.workspace.state(key).instance_names[0] == "智能门锁"


def test_yearly_item_offers_the_audit_years(session, window):
    yearly = next(
        it
        for it in session.workspace.template.items
        if it.kind.value == "yearly" and session.workspace.owner(it)
    )
    open_item(window, session.workspace.owner(yearly), yearly.key)
    chooser = window.panel.slot_chooser
    years = session.workspace.info().period_years()
    assert [chooser.year.itemData(i) for i in range(1, chooser.year.count())] == years
    chooser.set_slot(f"year:{years[-1]}")
    assert chooser.slot() == f"year:{years[-1]}"


def test_clause_references_in_both_editions(session, window):
    key = "rnd.projects"
    open_item(window, "rnd", key)
    text = window.panel.refs_label.text()
    item = session.workspace.template.item(key)
    assert "GB/T 29490-2023" in text and "GB/T 29490-2013" in text
    for ref in item.refs.values():
        assert ref.clause in text
    if any(not r.confirmed for r in item.refs.values()):
        assert "unconfirmed" in text


def test_department_view_shows_only_its_department(qtbot, demo_path):
    from ipaudit.services import Workspace
    from ipaudit.ui.session import WorkspaceSession

    s = WorkspaceSession(Workspace.open(demo_path), department="rnd")
    try:
        with qtbot.waitSignal(s.assessed, timeout=10_000):
            s.assess_now()
        w = Window(s)
        qtbot.addWidget(w)
        assert [r.key for r in w.navigator.model.rows()] == ["rnd"]
        w.checklist.show_department("hr_admin")
        assert w.checklist.department != "hr_admin"
        w.navigator.select_department("rnd")
        assert set(w.checklist.model.item_keys()) == {it.key for it in s.items_of("rnd")}
        w.panel.show_item(HR_INTERVIEW)
        assert w.panel.item_key == ""
        w.panel.show_item("rnd.projects")
        assert w.panel.item_key == "rnd.projects"
    finally:
        s.close()


def test_the_answer_field_judges_as_the_rehearsal(qtbot, session, window):
    """The field turns red exactly when the rehearsal fails the answer: objective numbers each
    said for the other objective are wrong; the department's headcount said after the company's
    is right."""
    from ipaudit.domain.comparison import compare
    from ipaudit.domain.facts import declared

    ws = session.workspace
    item_key = next(
        i.key for i in ws.items_of("rnd") for q in i.questions if q.fact == "objectives"
    )
    q_key = next(q.key for q in ws.item(item_key).questions if q.fact == "objectives")
    open_item(window, "rnd", item_key)
    field = window.panel.answer_fields[q_key]
    fact = declared(ws.facts(), "objectives", "rnd")
    assert fact is not None and len(fact.numbers) >= 2
    right = "，".join(
        f"{name}{n.normalize():f}{unit}"
        for name, n, unit in zip(fact.entries, fact.numbers, fact.units, strict=True)
    )
    swapped = (
        f"{fact.entries[0]}{fact.numbers[1].normalize():f}{fact.units[1]}，"
        f"{fact.entries[1]}{fact.numbers[0].normalize():f}{fact.units[0]}"
    )
    for answer in (right, swapped):
        field.set_editing(answer)
        assert field.contradicts() is not compare(answer, fact, "objectives").passed, answer
    field.set_editing(right)
    assert not field.contradicts()
    field.set_editing(swapped)
    assert field.contradicts() and "≠" in field.fact_label.text()

    headcount_item = next(
        i.key for i in ws.items_of("rnd") for q in i.questions if q.fact == "headcount"
    )
    open_item(window, "rnd", headcount_item)
    own = ws.facts().headcount["rnd"]
    total = sum(ws.facts().headcount.values())
    field = window.panel.answer_fields[
        next(q.key for q in ws.item(headcount_item).questions if q.fact == "headcount")
    ]
    field.set_editing(f"公司{total}人，我们部门{own}人")
    assert not field.contradicts()
    field.set_editing(f"公司{own}人，我们部门{total}人")
    assert field.contradicts()
