"""The certification body's documents imported through the views, as the user does it: a report
of Word forms imported into the corrective actions, a corrected one imported again (the count
line says what was new and what was updated, the user's cause kept, one undo step); a Word
request list with one table per department and a clause column in the request-list tab; a .doc
refused with what to do."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import docx
import pytest
from PySide6.QtWidgets import QApplication

from ipaudit.domain.model import Grade
from ipaudit.services import corrective_actions as service
from ipaudit.services import request_list
from ipaudit.ui import i18n
from ipaudit.ui.actions.actions_view import ActionsView
from ipaudit.ui.requests.requests_view import COL_DEPARTMENT, COL_NOTE, RequestsView
from tests.cb_documents import FINDINGS, Nc, form_report
from tests.ui.helpers import ItemPage, show_view
from tests.ui.test_requests_view import import_and_wait


@pytest.fixture
def actions_view(session, qtbot):  # type: ignore[no-untyped-def]
    i18n.set_language("zh")
    page = ItemPage()
    qtbot.addWidget(page)
    v = ActionsView(session, page)
    qtbot.addWidget(v)
    v.resize(1366, 768)
    yield v
    i18n.reset()


def test_a_corrected_report_is_one_undo_step_keeping_the_users_cause(
    actions_view: ActionsView, tmp_path: Path
) -> None:
    ncs = [
        Nc("NC-01", "研发部", "8.3.2", FINDINGS[0], Grade.MINOR),
        Nc("NC-02", "行政人事部", "7.1.4", FINDINGS[1], Grade.MINOR),
    ]
    form_report(tmp_path / "报告.docx", ncs, dt.date(2025, 11, 24), random.Random(5))
    made = actions_view.import_report(tmp_path / "报告.docx")
    assert len(made) == 2
    assert actions_view.count.text() == "审核报告已导入：新增 2 项，更新 0 项，未变 0 项"
    ws = actions_view.session.workspace
    service.edit(ws, made[1].key, root_cause="合同模板多年未修订")
    corrected = [ncs[0], Nc("NC-02", "行政人事部", "7.1.4", FINDINGS[1], Grade.MAJOR)]
    corrected.append(Nc("NC-03", "财务部", "7.1.6", FINDINGS[4], Grade.MINOR))
    form_report(tmp_path / "报告v2.docx", corrected, dt.date(2025, 11, 24), random.Random(6))
    stack = actions_view.session.undo_stack
    steps = stack.count()
    changed = actions_view.import_report(tmp_path / "报告v2.docx")
    assert actions_view.count.text() == "审核报告已导入：新增 1 项，更新 1 项，未变 1 项"
    assert stack.count() == steps + 1
    assert [a.key for a in changed] == ["CA-003", made[1].key]
    after = service.get(ws, made[1].key)
    assert after.grade is Grade.MAJOR and after.root_cause == "合同模板多年未修订"
    actions_view.grab().save(str(tmp_path / "actions.png"))
    form_report(tmp_path / "报告v3.docx", corrected[1:], dt.date(2025, 11, 24), random.Random(7))
    actions_view.import_report(tmp_path / "报告v3.docx")
    assert actions_view.count.text().endswith(
        f"本次审核另有 1 项纠正措施不在这份报告中：{made[0].key}"
    )
    assert stack.count() == steps + 1  # nothing changed by the third import: no step
    stack.undo()
    assert [a.key for a in service.actions(ws)] == [made[0].key, made[1].key]
    before = service.get(ws, made[1].key)
    assert before.grade is Grade.MINOR and before.root_cause == "合同模板多年未修订"


def test_a_doc_report_is_refused_saying_what_to_do(
    actions_view: ActionsView, tmp_path: Path, dialogs
) -> None:  # type: ignore[no-untyped-def]
    old = tmp_path / "不符合项报告.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    assert actions_view.import_report(old) == []
    (box,) = dialogs
    text = f"{box.text()}\n{box.informativeText()}"
    assert "另存为 .docx" in text and "不符合项报告.doc" in text
    assert service.actions(actions_view.session.workspace) == []


def test_a_word_list_per_department_with_clauses(session, qtbot, zh, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = docx.Document()
    for heading, rows in (
        (
            "一、行政人事部需提供的资料",
            [("员工劳动合同", "7.1.3", "抽查3份"), ("保密协议", "7.1.3", "")],
        ),
        ("二、研发部需提供的资料", [("研发项目立项检索报告", "8.1", "原件")]),
    ):
        doc.add_paragraph(heading)
        table = doc.add_table(rows=1, cols=4)
        for cell, text in zip(
            table.rows[0].cells, ("序号", "资料名称", "条款", "备注/说明"), strict=True
        ):
            cell.text = text
        for n, (title, clause, note) in enumerate(rows, 1):
            cells = table.add_row().cells
            cells[0].text, cells[1].text, cells[2].text, cells[3].text = str(n), title, clause, note
    path = tmp_path / "审核资料清单.docx"
    doc.save(str(path))
    view = show_view(RequestsView, session, qtbot)
    view.resize(1366, 768)
    assert import_and_wait(view, qtbot, path)
    assert [view.table.item(r, COL_DEPARTMENT).text() for r in range(3)] == [
        "行政人事部",
        "行政人事部",
        "研发部",
    ]
    assert view.table.item(0, COL_NOTE).text() == "条款 7.1.3 · 抽查3份"
    view.filter.setText("8.1")
    QApplication.processEvents()
    assert [view.table.isRowHidden(r) for r in range(3)] == [True, True, False]
    view.filter.setText("")
    view.grab().save(str(tmp_path / "requests.png"))
    assert len(request_list.lines(session.workspace)) == 3
