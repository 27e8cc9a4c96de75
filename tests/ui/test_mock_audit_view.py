"""The mock audit walk on a copy of the demo: draw with a seed shown and editable, walk the samples
one by one, staff awareness, undo, jump to the item, corrective actions opened, the reports
written in the background and read back."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from PySide6.QtCore import Qt

from ipaudit.domain.mock_audit import Result
from ipaudit.services import corrective_actions as actions_service
from ipaudit.services import mock_audit as service
from ipaudit.ui import i18n, workers
from ipaudit.ui.mock_audit import samples_model as sm
from ipaudit.ui.mock_audit.mock_audit_view import MockAuditView
from tests.ui.helpers import ItemPage


@pytest.fixture
def view(session, qtbot):
    i18n.set_language("zh")
    page = ItemPage()
    qtbot.addWidget(page)
    v = MockAuditView(session, page)
    v.open_folder_when_written = False
    qtbot.addWidget(v)
    v.resize(1366, 768)
    yield v
    workers.wait_all()


def test_draw_with_a_seed_and_draw_again(view: MockAuditView, qtmodeltester) -> None:
    assert not view.report_button.isEnabled()
    audit = view.new_audit(seed=42)
    assert view.seed.value() == 42 and view.model.rowCount() == len(audit.samples) > 10
    qtmodeltester.check(view.model)
    ws = view.session.workspace
    first = [s.ref for s in audit.samples]
    view.seed.setValue(43)
    view.redraw_button.click()
    again = service.get(ws, audit.key)
    assert again.seed == 43 and [s.ref for s in again.samples] != first
    view.session.undo_stack.undo()
    assert [s.ref for s in service.get(ws, audit.key).samples] == first
    assert view.seed.value() == 42
    view.session.undo_stack.undo()  # the draw itself
    assert service.audits(ws) == [] and view.model.rowCount() == 0


def test_walk_the_samples_one_by_one(view: MockAuditView, qtbot) -> None:
    audit = view.new_audit(seed=7)
    ws = view.session.workspace
    first = view.panel.sample
    assert first is not None and first.key == "S01"
    # a record: the result, what was found, the evidence looked at; then on to the next
    view.panel.result_buttons[Result.MINOR].click()
    view.panel.note.setPlainText("签到表缺日期")
    view.panel.evidence_seen.setText("签到表原件")
    qtbot.mouseClick(view.panel.save_next, Qt.MouseButton.LeftButton)
    stored = service.get(ws, audit.key).sample("S01")
    assert stored.result is Result.MINOR and stored.note == "签到表缺日期"
    assert view.panel.sample.key == "S02"
    assert "1" in view.progress.text() and str(len(audit.samples)) in view.progress.text()
    # without a result nothing is stored
    qtbot.mouseClick(view.panel.save_next, Qt.MouseButton.LeftButton)
    assert service.get(ws, audit.key).sample("S02").result is None
    # staff awareness: the awareness list, one employee asked
    view.show_filter.setCurrentIndex(view.show_filter.findData(sm.AWARENESS))
    assert view.proxy.rowCount() == sum(1 for s in audit.samples if s.awareness)
    person = next(s for s in audit.samples if s.awareness)
    view.select(person.key)
    assert view.panel.pages.currentIndex() == 1
    assert ws.facts().policy in view.panel.policy_text.text()
    view.panel.person.setText("王五")
    view.panel.policy_ok.setChecked(False)
    view.panel.role_ok.setChecked(True)
    view.panel.save.click()
    got = service.get(ws, audit.key).sample(person.key)
    assert got.person == "王五" and got.policy_ok is False and got.result is Result.MINOR
    row = view.model.row_of(person.key)
    assert view.model.index(row, sm.RESULT).data() == "○ 一般不符合"
    # the user is told why it is not conform (the policy could not be stated)
    assert "而不是" in view.progress.text() and "知识产权方针" in view.progress.text()
    # undo the awareness answer, then the record's result
    view.session.undo_stack.undo()
    assert service.get(ws, audit.key).sample(person.key).result is None
    view.session.undo_stack.undo()
    assert service.get(ws, audit.key).sample("S01").result is None
    view.session.undo_stack.redo()
    assert service.get(ws, audit.key).sample("S01").result is Result.MINOR
    assert not view.redraw_button.isEnabled()  # results recorded: no drawing again


def test_jump_to_item_actions_and_reports(view: MockAuditView, qtbot, tmp_path: Path) -> None:
    audit = view.new_audit(seed=3)
    ws = view.session.workspace
    record = next(s for s in audit.samples if s.stratum == "labour_contracts")
    view.select(record.key)
    view.panel.go_to_item.click()
    assert view.parent().shown == [("hr_admin", "hr.labour_contracts")]
    assert view.panel.files.count() == 1  # the contract to look at
    view.panel.result_buttons[Result.MAJOR].click()
    view.panel.note.setPlainText("合同无知识产权条款")
    view.panel.save.click()
    assert view.actions_button.isEnabled()
    made = view.raise_actions()
    assert [a.origin for a in made] == [f"{audit.key}/{record.key}"]
    view.session.undo_stack.undo()  # opening the actions is one step
    assert actions_service.actions(ws) == []
    view.session.undo_stack.redo()
    assert [a.key for a in actions_service.actions(ws)] == [made[0].key]
    assert not view.actions_button.isEnabled()  # every nonconformity has its action
    actions_service.edit(ws, made[0].key, root_cause="模板旧版")
    with qtbot.waitSignal(view.reportsWritten, timeout=20_000) as written:
        view.write_reports(tmp_path / "reports")
    files = written.args[0]
    assert [Path(f).name for f in files] == [
        f"内审报告-{audit.key}.docx",
        f"不符合项报告-NCR-{audit.key}-{record.key}.docx",
    ]
    nc = Document(str(files[1]))
    text = "\n".join(c.text for t in nc.tables for r in t.rows for c in r.cells)
    assert "合同无知识产权条款" in text and "模板旧版" in text
    assert view.last_reports == files and view.report_button.isEnabled()


def test_looks_right_at_1366(view: MockAuditView, tmp_path: Path) -> None:
    view.new_audit(seed=2026)
    view.panel.result_buttons[Result.CONFORM].click()
    view.panel.save_next.click()
    view.show()
    image = view.grab()
    assert image.width() == 1366
    import os

    if os.environ.get("IPAUDIT_SHOTS"):
        image.save(os.environ["IPAUDIT_SHOTS"] + "/mock_audit.png")
        person = next(s for s in view.audit.samples if s.awareness)
        view.select(person.key)
        view.grab().save(os.environ["IPAUDIT_SHOTS"] + "/mock_audit_awareness.png")


def test_the_reports_own_words(view: MockAuditView) -> None:
    audit = view.new_audit(seed=9)
    dialog = view.edit_report_details()
    dialog.conclusion.setPlainText("体系运行有效。")
    dialog.scope.setText("全公司")
    dialog.accept()
    stored = service.get(view.session.workspace, audit.key)
    assert (stored.conclusion, stored.scope, stored.summary) == ("体系运行有效。", "全公司", "")
    view.session.undo_stack.undo()
    assert service.get(view.session.workspace, audit.key).conclusion == ""
