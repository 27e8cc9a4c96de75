"""The findings panel on the real demo workspace: filters, jump to item, accept and withdraw."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from ipaudit.domain.model import Finding, Grade, Text
from ipaudit.ui import commands, i18n
from ipaudit.ui.findings import findings_model as fm
from ipaudit.ui.findings.findings_filter import FindingsFilterModel
from ipaudit.ui.findings.findings_panel import FindingsPanel
from ipaudit.ui.findings.grade_style import grade_name


def _panel(qtbot, session) -> FindingsPanel:
    panel = FindingsPanel(session)
    qtbot.addWidget(panel)
    panel.resize(1000, 500)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def _shown(panel: FindingsPanel) -> list[Finding]:
    proxy = panel.proxy
    return [proxy.index(r, 0).data(fm.FindingRole) for r in range(proxy.rowCount())]


def _row_of(panel: FindingsPanel, code: str) -> QModelIndex:
    for r in range(panel.proxy.rowCount()):
        index = panel.proxy.index(r, 0)
        if index.data(fm.FindingRole).code == code:
            return index
    raise AssertionError(f"no {code} finding shown")


def type_text(widget: QWidget, text: str) -> None:
    """Type Chinese the way an input method does: one committed string."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def _assess_after(qtbot, session, action) -> None:
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        action()


def test_lists_every_finding_with_grade_department_item_and_message(qtbot, session):
    panel = _panel(qtbot, session)
    findings = session.assessment.findings
    assert panel.model.rowCount() == len(findings) > 10
    index = _row_of(panel, "answer_contradicts_fact")
    row = index.row()
    cells = [panel.proxy.index(row, c).data() for c in range(fm.COLUMNS)]
    assert cells[fm.GRADE] == grade_name(Grade.MINOR)
    assert cells[fm.DEPARTMENT] == "研发部"
    assert cells[fm.ITEM] == session.workspace.template.item("rnd.interview").title.zh
    assert "25人" in cells[fm.MESSAGE] and "23" in cells[fm.MESSAGE]
    assert cells[fm.ACCEPTED] == ""
    assert not panel.proxy.index(row, fm.GRADE).data(Qt.ItemDataRole.DecorationRole).isNull()
    # worst first: sorted by grade, majors on top
    grades = [f.grade for f in _shown(panel)]
    assert grades == sorted(grades, key=lambda g: g.rank)
    assert grades[0] is Grade.MAJOR


def test_filter_by_department_and_grade(qtbot, session):
    panel = _panel(qtbot, session)
    findings = session.assessment.findings
    panel.set_department_filter("marketing")
    shown = _shown(panel)
    assert shown and {f.department for f in shown} == {"marketing"}
    assert len(shown) == sum(1 for f in findings if f.department == "marketing")
    panel.set_grade_filter(Grade.MAJOR)
    shown = _shown(panel)
    assert {(f.department, f.grade) for f in shown} == {("marketing", Grade.MAJOR)}
    assert len(shown) == sum(
        1 for f in findings if f.department == "marketing" and f.grade is Grade.MAJOR
    )
    panel.set_department_filter(None)
    panel.set_grade_filter(Grade.OBSERVATION)
    assert [f.code for f in _shown(panel)] == ["fact_not_declared"]
    panel.set_grade_filter(None)
    assert len(_shown(panel)) == len(findings)
    assert f"· {len(findings)}" in panel.count_label.text()


def test_department_combo_drives_the_filter(qtbot, session):
    panel = _panel(qtbot, session)
    pos = panel.department_filter.findData("hr_admin")
    panel.department_filter.setCurrentIndex(pos)
    assert {f.department for f in _shown(panel)} == {"hr_admin"}
    pos = panel.grade_filter.findData(Grade.MINOR.value)
    panel.grade_filter.setCurrentIndex(pos)
    expected = [
        f.key
        for f in session.assessment.findings
        if f.department == "hr_admin" and f.grade is Grade.MINOR
    ]
    assert expected and sorted(f.key for f in _shown(panel)) == sorted(expected)
    panel.department_filter.setCurrentIndex(panel.department_filter.findData(""))
    assert {f.grade for f in _shown(panel)} == {Grade.MINOR}


def test_double_click_emits_item_activated_with_department_and_item(qtbot, session):
    panel = _panel(qtbot, session)
    index = _row_of(panel, "record_set_incomplete")
    rect = panel.view.visualRect(panel.proxy.index(index.row(), fm.MESSAGE))
    with qtbot.waitSignal(panel.itemActivated) as blocker:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["rnd", "rnd.projects"]


def test_accept_with_explanation_then_withdraw(qtbot, session):
    panel = _panel(qtbot, session)
    target = next(f for f in session.assessment.findings if f.code == "too_few_records")
    assert target.blocking
    before = session.assessment.overall.blocking
    assert panel.select_finding(target.key)
    assert panel.accept_button.isEnabled() and not panel.withdraw_button.isEnabled()

    panel.accept_button.click()
    dialog = panel.accept_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ok_button.isEnabled()  # an explanation is required
    type_text(dialog.explanation, "第三份劳动合同在总部档案室，审核当天调阅")
    assert dialog.ok_button.isEnabled()
    _assess_after(qtbot, session, dialog.ok_button.click)

    accepted = next(f for f in session.assessment.findings if f.key == target.key)
    assert accepted.accepted == "第三份劳动合同在总部档案室，审核当天调阅"
    assert not accepted.blocking
    assert session.assessment.overall.blocking == before - 1
    row = panel.model.row_of(target.key)
    assert panel.model.index(row, fm.ACCEPTED).data() == accepted.accepted
    # the selection survives the refresh, and the buttons follow the state
    assert panel.selected_finding().key == target.key
    assert panel.withdraw_button.isEnabled() and not panel.accept_button.isEnabled()
    panel.open_only.setChecked(True)
    assert target.key not in {f.key for f in _shown(panel)}
    panel.open_only.setChecked(False)

    assert panel.select_finding(target.key)
    _assess_after(qtbot, session, panel.withdraw_button.click)
    again = next(f for f in session.assessment.findings if f.key == target.key)
    assert again.accepted is None and again.blocking
    assert session.assessment.overall.blocking == before

    # both edits are undoable: undo the withdrawal restores the acceptance
    _assess_after(qtbot, session, session.undo_stack.undo)
    assert next(f for f in session.assessment.findings if f.key == target.key).accepted


def test_cancelling_the_dialog_accepts_nothing(qtbot, session):
    panel = _panel(qtbot, session)
    target = next(f for f in session.assessment.findings if f.code == "year_not_covered")
    panel.select_finding(target.key)
    dialog = panel.accept_selected()
    assert dialog is not None
    qtbot.keyClicks(dialog.explanation, "   ")
    assert not dialog.ok_button.isEnabled()
    dialog.reject()
    assert session.undo_stack.count() == 0
    assert session.workspace.store.acceptances() == {}


def test_department_view_is_limited_and_cannot_accept(qtbot, demo_path):
    from ipaudit.services import Workspace
    from ipaudit.ui.session import WorkspaceSession

    s = WorkspaceSession(Workspace.open(demo_path), department="rnd")
    try:
        with qtbot.waitSignal(s.assessed, timeout=10_000):
            s.assess_now()
        panel = _panel(qtbot, s)
        shown = _shown(panel)
        assert shown and {f.department for f in shown} == {"rnd"}
        assert not panel.department_filter.isEnabled()
        panel.select_finding(shown[0].key)
        assert not panel.accept_button.isEnabled()
        assert panel.accept_selected() is None
    finally:
        s.close()


def test_models_pass_the_model_tester(qtbot, qtmodeltester, session):
    panel = _panel(qtbot, session)
    qtmodeltester.check(panel.model)
    qtmodeltester.check(panel.proxy)
    proxy = FindingsFilterModel()
    proxy.setSourceModel(panel.model)
    proxy.set_department("rnd")
    qtmodeltester.check(proxy)
    empty = fm.FindingsModel()
    qtmodeltester.check(empty)


def test_messages_follow_the_ui_language(qtbot, session):
    panel = _panel(qtbot, session)
    row = _row_of(panel, "answer_contradicts_fact").row()
    finding = panel.proxy.index(row, 0).data(fm.FindingRole)
    assert panel.proxy.index(row, fm.MESSAGE).data() == finding.message.zh
    i18n.set_language("en")
    try:
        QApplication.sendEvent(panel, QEvent(QEvent.Type.LanguageChange))
        assert panel.proxy.index(row, fm.MESSAGE).data() == finding.message.en
        assert panel.proxy.index(row, fm.DEPARTMENT).data() == "R&D"
        assert panel.department_filter.itemText(panel.department_filter.findData("rnd")) == "R&D"
    finally:
        i18n.reset()
    QApplication.sendEvent(panel, QEvent(QEvent.Type.LanguageChange))
    assert panel.proxy.index(row, fm.MESSAGE).data() == finding.message.zh


def test_department_filter_follows_a_rename(qtbot, session):
    panel = _panel(qtbot, session)
    old = session.workspace.department("marketing")
    new = replace(old, name=Text("市场营销部", old.name.en))
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        session.undo_stack.push(commands.SaveDepartment(session, old, new, "rename"))
    pos = panel.department_filter.findData("marketing")
    assert panel.department_filter.itemText(pos) == "市场营销部"
    panel.set_department_filter("marketing")
    assert panel.proxy.rowCount() > 0
    assert {panel.proxy.index(r, fm.DEPARTMENT).data() for r in range(panel.proxy.rowCount())} == {
        "市场营销部"
    }


def test_sorting_by_a_text_column_follows_the_shown_texts(qtbot, session):
    panel = _panel(qtbot, session)
    panel.view.sortByColumn(fm.DEPARTMENT, Qt.SortOrder.AscendingOrder)
    proxy = panel.proxy
    texts = [proxy.index(r, fm.DEPARTMENT).data() for r in range(proxy.rowCount())]
    assert len(set(texts)) > 1 and texts == sorted(texts)
    panel.view.sortByColumn(fm.GRADE, Qt.SortOrder.DescendingOrder)
    ranks = [f.grade.rank for f in _shown(panel)]
    assert ranks == sorted(ranks, reverse=True)


def test_grade_and_department_columns_fit_their_widest_shown_text(qtbot, session):
    panel = _panel(qtbot, session)
    view, proxy = panel.view, panel.proxy
    for col in (fm.GRADE, fm.DEPARTMENT):
        widest = max(
            view.sizeHintForIndex(proxy.index(r, col)).width() for r in range(proxy.rowCount())
        )
        assert view.horizontalHeader().sectionSize(col) >= min(widest, 200)
