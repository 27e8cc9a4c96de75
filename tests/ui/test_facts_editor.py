"""The facts editor on the real demo workspace: edits re-run the checks, undo and redo, read-only."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget

from ipaudit.ui import commands
from ipaudit.ui.facts import department_facts_model as dm
from ipaudit.ui.facts import objectives_model as om
from ipaudit.ui.facts import procedures_model as pm
from ipaudit.ui.facts.facts_editor import FactsEditor
from ipaudit.ui.facts.portfolio_page import UNDECLARED


def type_text(widget: QWidget, text: str) -> None:
    """Type text the way an input method commits it (works for Chinese, unlike key clicks)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def edit_cell(qtbot, view: QAbstractItemView, index: QModelIndex, text: str) -> None:
    """Open the cell's editor, replace its text, press Enter."""
    assert view.isVisible(), "show the view's page first"
    view.setCurrentIndex(index)
    view.scrollTo(index)
    editor = view.indexWidget(index)  # an editor the view opened already (e.g. after "Add")
    if editor is None:
        view.edit(index)
        editor = view.indexWidget(index)
    assert isinstance(editor, QLineEdit), type(editor)
    editor.selectAll()
    if text.isascii() and text:
        qtbot.keyClicks(editor, text)
    elif text:
        type_text(editor, text)
    else:
        qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits and closes the editor from the event loop (a queued call)
    qtbot.waitUntil(lambda: view.indexWidget(index) is None, timeout=5_000)


RND_HEADCOUNT = "answer_contradicts_fact:rnd.interview:headcount"


@pytest.fixture
def editor(qtbot, session) -> FactsEditor:
    widget = FactsEditor(session)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def codes(session) -> set[str]:
    return {f.code for f in session.assessment.findings}


def finding_keys(session) -> set[str]:
    return {f.key for f in session.assessment.findings}


def objective_row(model: om.ObjectivesModel, key: str) -> int:
    return next(r for r, o in enumerate(model.objectives()) if o.key == key)


def test_headcount_edit_clears_the_contradiction(qtbot, session, editor):
    assert RND_HEADCOUNT in finding_keys(session)
    page = editor.departments_page
    editor.tabs.setCurrentWidget(page)
    row = page.model.row_of("rnd")
    index = page.model.index(row, dm.HEADCOUNT)
    assert index.data() == "23"
    total_before = page.model.total_headcount()
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        edit_cell(qtbot, page.view, index, "25")
    assert session.workspace.facts().headcount["rnd"] == 25
    assert RND_HEADCOUNT not in finding_keys(session)
    # the company total moved with it, so answers about the total now disagree instead
    assert {
        f.item_key for f in session.assessment.findings if f.code == "answer_contradicts_fact"
    } == {
        f.item_key
        for f in session.assessment.findings
        if f.code == "answer_contradicts_fact" and f.key.endswith(":headcount_total")
    }
    assert page.model.index(row, dm.HEADCOUNT).data() == "25"
    assert page.total.text().endswith(str(total_before + 2))
    assert session.undo_stack.undoText().endswith("研发部")

    # undo brings the old fact back, into the table and into the checks
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        session.undo_stack.undo()
    assert session.workspace.facts().headcount["rnd"] == 23
    assert page.model.index(row, dm.HEADCOUNT).data() == "23"
    assert RND_HEADCOUNT in finding_keys(session)
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        session.undo_stack.redo()
    assert page.model.index(row, dm.HEADCOUNT).data() == "25"
    assert RND_HEADCOUNT not in finding_keys(session)


def test_fixing_the_objective_split_clears_the_mismatch(qtbot, session, editor):
    assert "objective_split_mismatch" in codes(session)
    page = editor.policy_page
    model = page.objectives_model
    row = objective_row(model, "invention_filings")
    check = model.index(row, model.check_column)
    assert check.data() == "8+2=10 ≠ 12"
    assert model.index(row, om.TEXT).data(Qt.ItemDataRole.BackgroundRole) == om.MISMATCH_BACKGROUND
    assert check.data(Qt.ItemDataRole.ForegroundRole) == om.MISMATCH_FOREGROUND

    production = model.index(row, model.split_column("production"))
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        edit_cell(qtbot, page.objectives_view, production, "4")
    check = model.index(row, model.check_column)
    assert check.data() == "8+4=12 ✓"
    assert model.index(row, om.TEXT).data(Qt.ItemDataRole.BackgroundRole) is None
    assert check.data(Qt.ItemDataRole.ForegroundRole) != om.MISMATCH_FOREGROUND
    stored = next(o for o in session.workspace.facts().objectives if o.key == "invention_filings")
    assert stored.split == {"rnd": Decimal(8), "production": Decimal(4)}
    assert "objective_split_mismatch" not in codes(session)

    with qtbot.waitSignal(session.assessed, timeout=10_000):
        session.undo_stack.undo()
    assert model.index(row, model.check_column).data() == "8+2=10 ≠ 12"
    assert "objective_split_mismatch" in codes(session)


def test_a_full_width_target_is_read_and_a_bad_one_refused(qtbot, session, editor):
    model = editor.policy_page.objectives_model
    row = objective_row(model, "invention_filings")
    target = model.index(row, om.TARGET)
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        edit_cell(qtbot, editor.policy_page.objectives_view, target, "１０")  # full-width 10
    assert model.index(row, model.check_column).data() == "8+2=10 ✓"
    assert "objective_split_mismatch" not in codes(session)
    depth = session.undo_stack.count()
    assert not model.setData(target, "about ten")
    assert not model.setData(target, "-3")
    assert session.undo_stack.count() == depth
    assert model.index(row, om.TARGET).data() == "10"


def test_percentages_are_not_summed(qtbot, session, editor):
    model = editor.policy_page.objectives_model
    row = objective_row(model, "training_coverage")
    assert model.index(row, model.check_column).data() == "rate, not summed"
    assert model.index(row, om.TEXT).data(Qt.ItemDataRole.BackgroundRole) is None
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        edit_cell(
            qtbot,
            editor.policy_page.objectives_view,
            model.index(row, model.split_column("finance")),
            "90",
        )
    assert model.index(row, om.TEXT).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "objective_split_mismatch" not in {
        f.code for f in session.assessment.findings if "training_coverage" in f.key
    }


def test_manual_objective_missing_from_the_list_is_flagged_until_listed(qtbot, session, editor):
    page = editor.policy_page
    manual = page.manual_model
    missing = manual.texts().index("年度商标注册申请")
    assert manual.problem(missing)
    assert "objective_not_in_list" in codes(session)

    page.objectives_buttons.add_button.click()
    model = page.objectives_model
    row = model.rowCount() - 1
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        edit_cell(qtbot, page.objectives_view, model.index(row, om.TEXT), "年度商标注册申请")
    assert manual.problem(missing) is None
    assert "objective_not_in_list" not in codes(session)
    added = session.workspace.facts().objectives[-1]
    assert added.text == "年度商标注册申请" and added.key.startswith("objective_")
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        edit_cell(qtbot, page.objectives_view, model.index(row, om.TARGET), "3")
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        edit_cell(
            qtbot, page.objectives_view, model.index(row, model.split_column("ip_office")), "3"
        )
    assert model.index(row, model.check_column).data() == "3=3 ✓"


def test_policy_typing_is_saved_on_focus_out_and_undoable(qtbot, session, editor):
    policy = editor.policy_page.policy
    old = session.workspace.facts().policy
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    policy.setFocus()
    assert policy.hasFocus()
    policy.selectAll()
    type_text(policy, "尊重知识产权，鼓励创新")
    assert session.workspace.facts().policy == old  # not yet: the user is still typing
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        editor.policy_page.manual_view.setFocus()  # focus leaves the policy
    assert session.workspace.facts().policy == "尊重知识产权，鼓励创新"
    assert session.undo_stack.undoText() == "Edit the IP policy"
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        session.undo_stack.undo()
    assert policy.toPlainText() == old
    assert session.workspace.facts().policy == old
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        session.undo_stack.redo()
    assert policy.toPlainText() == "尊重知识产权，鼓励创新"


def test_policy_is_saved_after_a_pause_in_typing(qtbot, session, editor):
    policy = editor.policy_page.policy
    policy.selectAll()
    type_text(policy, "新方针")
    qtbot.waitUntil(lambda: session.workspace.facts().policy == "新方针", timeout=5_000)


def test_typing_with_pauses_is_one_undo_step(qtbot, session, editor):
    policy = editor.policy_page.policy
    old = session.workspace.facts().policy
    depth = session.undo_stack.count()
    policy.selectAll()
    type_text(policy, "尊重知识产权")
    qtbot.waitUntil(lambda: session.workspace.facts().policy == "尊重知识产权", timeout=5_000)
    cursor = policy.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    policy.setTextCursor(cursor)
    type_text(policy, "，鼓励创新")
    qtbot.waitUntil(
        lambda: session.workspace.facts().policy == "尊重知识产权，鼓励创新", timeout=5_000
    )
    assert session.undo_stack.count() == depth + 1  # the two saves merged
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        session.undo_stack.undo()
    assert session.workspace.facts().policy == old
    # another fact in between starts a new step
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        session.undo_stack.redo()
    editor.flush()
    headcount = dict(session.workspace.facts().headcount)
    headcount["finance"] = headcount.get("finance", 0) + 1
    commands.set_facts(session, replace(session.workspace.facts(), headcount=headcount))
    assert session.undo_stack.count() == depth + 2


def test_text_being_typed_survives_a_reload(qtbot, session, editor):
    policy = editor.policy_page.policy
    policy.selectAll()
    type_text(policy, "还在输入的方针")
    # another fact changes underneath (e.g. an undo from the Edit menu)
    page = editor.departments_page
    editor.tabs.setCurrentWidget(page)
    edit_cell(qtbot, page.view, page.model.index(page.model.row_of("finance"), dm.HEADCOUNT), "5")
    assert policy.toPlainText() == "还在输入的方针"
    editor.flush()
    assert session.workspace.facts().policy == "还在输入的方针"
    assert session.workspace.facts().headcount["finance"] == 5


def test_duties_and_undeclared_headcount(qtbot, session, editor):
    page = editor.departments_page
    editor.tabs.setCurrentWidget(page)
    row = page.model.row_of("marketing")
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        edit_cell(qtbot, page.view, page.model.index(row, dm.DUTIES), "负责展会材料的知识产权审查")
    assert session.workspace.facts().duties["marketing"] == "负责展会材料的知识产权审查"
    edit_cell(qtbot, page.view, page.model.index(row, dm.HEADCOUNT), "")
    assert "marketing" not in session.workspace.facts().headcount
    assert not page.model.setData(page.model.index(row, dm.HEADCOUNT), "2.5")


def test_portfolio_and_extra_facts(qtbot, session, editor):
    page = editor.portfolio_page
    editor.tabs.setCurrentWidget(page)
    assert "fact_not_declared" in codes(session)
    extra = page.extra["projects_in_progress"]
    extra.setFocus()
    qtbot.keyClicks(extra, "4")
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        qtbot.keyClick(extra, Qt.Key.Key_Return)
    assert session.workspace.facts().extra["projects_in_progress"] == "4"
    version = page.extra["manual_version"]  # the interview question on the manual is bound to it
    version.setFocus()
    version.clear()  # the demo declares A/1; the manual is revised
    qtbot.keyClicks(version, "A/2")
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        qtbot.keyClick(version, Qt.Key.Key_Return)
    assert session.workspace.facts().extra["manual_version"] == "A/2"
    assert "fact_not_declared" not in codes(session)

    spin = page.portfolio["trademark"]
    spin.setValue(9)
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        spin.editingFinished.emit()
    assert session.workspace.facts().portfolio["trademark"] == 9
    spin.setValue(UNDECLARED)
    assert spin.text() == "not declared"
    spin.editingFinished.emit()
    assert "trademark" not in session.workspace.facts().portfolio
    session.undo_stack.undo()
    assert spin.value() == 9


def test_certificates_list(qtbot, session, editor):
    page = editor.portfolio_page
    editor.tabs.setCurrentWidget(page)
    before = session.workspace.facts().certificates
    page.certificates_buttons.add_button.click()
    row = page.certificates_model.rowCount() - 1
    edit_cell(qtbot, page.certificates_view, page.certificates_model.index(row), "ISO 27001")
    assert session.workspace.facts().certificates == (*before, "ISO 27001")
    page.certificates_view.setCurrentIndex(page.certificates_model.index(0))
    page.certificates_buttons.remove_button.click()
    assert session.workspace.facts().certificates == (*before[1:], "ISO 27001")


def test_procedures_add_and_department(qtbot, session, editor):
    page = editor.procedures_page
    editor.tabs.setCurrentWidget(page)
    count = len(session.workspace.facts().procedures)
    page.buttons.add_button.click()
    row = page.model.rowCount() - 1
    assert len(session.workspace.facts().procedures) == count  # an empty row is no fact yet
    edit_cell(qtbot, page.view, page.model.index(row, pm.CODE), "XH-CX-12")
    edit_cell(qtbot, page.view, page.model.index(row, pm.TITLE), "知识产权风险管理程序")
    index = page.model.index(row, pm.DEPARTMENT)
    page.view.setCurrentIndex(index)
    page.view.edit(index)
    combo = page.view.indexWidget(index)
    combo.setCurrentIndex(combo.findData("marketing"))
    page.view.commitData(combo)
    added = session.workspace.facts().procedures[-1]
    assert (added.code, added.title, added.department) == (
        "XH-CX-12",
        "知识产权风险管理程序",
        "marketing",
    )
    assert page.model.index(row, pm.DEPARTMENT).data() == "市场部"


def test_department_view_shows_facts_read_only(qtbot, demo_path):
    from ipaudit.services import Workspace
    from ipaudit.ui.session import WorkspaceSession

    s = WorkspaceSession(Workspace.open(demo_path), department="rnd")
    try:
        widget = FactsEditor(s)
        qtbot.addWidget(widget)
        widget.show()
        assert widget.read_only_banner.isVisible()
        assert widget.policy_page.policy.isReadOnly()
        assert not widget.policy_page.objectives_buttons.isVisible()
        model = widget.departments_page.model
        index = model.index(model.row_of("rnd"), dm.HEADCOUNT)
        assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
        assert not model.setData(index, "30")
        omodel = widget.policy_page.objectives_model
        assert not omodel.flags(omodel.index(0, om.TARGET)) & Qt.ItemFlag.ItemIsEditable
        assert widget.portfolio_page.portfolio["invention"].isReadOnly()
        assert s.undo_stack.count() == 0
        assert s.workspace.facts().headcount["rnd"] == 23
    finally:
        s.close()


def test_typed_text_is_saved_when_the_editor_is_hidden(qtbot, session, editor):
    extra = editor.portfolio_page.extra["search_phases"]
    extra.selectAll()
    type_text(extra, "立项阶段")
    assert session.workspace.facts().extra["search_phases"] != "立项阶段"
    editor.hide()
    assert session.workspace.facts().extra["search_phases"] == "立项阶段"
