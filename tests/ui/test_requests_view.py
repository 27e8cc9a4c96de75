"""The request-list tab: a list imported from a real xlsx, each line with its proposed item in a
combo (candidates first, the whole checklist searchable), a correction stored, the proposals
confirmed at once, coverage shown and updated when evidence arrives."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QApplication

from ipaudit.domain.request_list import Coverage
from ipaudit.services import request_list
from ipaudit.ui.requests.requests_view import (
    COL_COVERAGE,
    COL_SCORE,
    COVERAGE_COLOR,
    NONE,
    RequestsView,
)
from tests.ui.helpers import show_view

LINES = [
    ("知识产权管理手册（现行版）", "ipo.manual"),
    ("员工劳动合同", "hr.labour_contracts"),
    ("《知识产权经费使用台账》", "fin.expense_record"),
    ("专利、商标、软著台账", "ipo.portfolio_register"),
    ("组织机构图", "ipo.org_chart"),
]


@pytest.fixture
def list_file(tmp_path: Path) -> Path:
    wb = openpyxl.Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(["序号", "文件名称", "备注"])
    for n, (title, _key) in enumerate(LINES, 1):
        sheet.append([n, title, ""])
    path = tmp_path / "清单.xlsx"
    wb.save(path)
    return path


def import_and_wait(view: RequestsView, qtbot, path: Path, sheet: str | None = None) -> bool:  # type: ignore[no-untyped-def]
    """Import as the button does (in a worker) and wait: True when imported, False if refused."""
    with qtbot.waitSignal(view.imported, timeout=30_000) as done:
        view.import_file(path, sheet)
    return bool(done.args[0])


def test_import_propose_correct_and_confirm(session, qtbot, zh, list_file: Path) -> None:  # type: ignore[no-untyped-def]
    view = show_view(RequestsView, session, qtbot)
    assert view.table.rowCount() == 0
    assert not view.message.isVisible()  # no room taken without a message
    assert import_and_wait(view, qtbot, list_file)
    assert view.table.rowCount() == len(LINES)
    assert view.summary.text().startswith(f"共 {len(LINES)} 项")

    first = view.combos[0]
    assert first.currentData() == "ipo.manual"  # proposed, shown first with its score
    assert first.itemText(0).endswith(")") and "知识产权管理手册" in first.itemText(0)
    assert view.table.item(0, COL_SCORE).text().startswith("建议")
    # the combo holds every item of the checklist besides the candidates, and "none"
    keys = {first.itemData(i) for i in range(first.count())}
    assert {"hr.trainings", "fin.budget", NONE} <= keys

    # the user corrects line 4 by choosing from the combo
    portfolio = view.combos[3]
    index = portfolio.findData("ipo.portfolio_register")
    assert index >= 0
    portfolio.activated.emit(index)
    QApplication.processEvents()
    stored = request_list.line(session.workspace, "4")
    assert stored.confirmed and stored.matched == ("ipo.portfolio_register",)
    assert view.combos[3].currentData() == "ipo.portfolio_register"
    assert view.table.item(3, COL_SCORE).text() == "已确认"

    # the search: typing part of a title offers the item (the completer filters by contains)
    combo = view.combos[1]
    completer = combo.completer()
    completer.setCompletionPrefix("保密协议")
    found = {
        completer.completionModel().index(r, 0).data()
        for r in range(completer.completionModel().rowCount())
    }
    assert any("保密协议" in text for text in found)

    view.confirm_proposals()
    assert all(ln.confirmed for ln in request_list.lines(session.workspace))
    assert not view.confirm_button.isEnabled()


def test_coverage_follows_the_evidence(session, qtbot, zh, list_file: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view = show_view(RequestsView, session, qtbot)
    assert import_and_wait(view, qtbot, list_file)
    # the demo's org chart: choose "no checklist item" for it: missing
    org = view.combos[4]
    org.activated.emit(org.findData(NONE))
    QApplication.processEvents()
    assert view.table.item(4, COL_COVERAGE).text() == "缺失"
    assert request_list.line(session.workspace, "5").matched == ()

    # a proposal is to be confirmed, in its own colour, not counted as covered or missing
    assert view.table.item(1, COL_COVERAGE).text() == "待确认"
    assert (
        view.table.item(1, COL_COVERAGE).background().color().name()
        == COVERAGE_COLOR[Coverage.TO_CONFIRM]
    )
    # the portfolio line ("专利、商标、软著台账") has no proposal: unmatched, grey
    assert view.table.item(3, COL_COVERAGE).text() == "未匹配"
    assert (
        view.table.item(3, COL_COVERAGE).background().color().name()
        == COVERAGE_COLOR[Coverage.UNMATCHED]
    )
    assert "待确认 3，未匹配 1" in view.summary.text()
    assert "已覆盖 0，部分覆盖 0，缺失 1" in view.summary.text()

    # back to the org chart item; confirm the labour contracts' proposal, attach a file to its
    # item and see it
    org = view.combos[4]
    org.activated.emit(org.findData("ipo.org_chart"))
    contracts = view.combos[1]
    contracts.activated.emit(contracts.findData("hr.labour_contracts"))
    before = {rc.line.number: rc.coverage for rc in view.rows}
    doc = tmp_path / "劳动合同-新.pdf"
    doc.write_bytes(b"%PDF-1.4 contract")
    ws = session.workspace
    had = len(ws.evidence("hr.labour_contracts"))
    ws.attach("hr.labour_contracts", doc, title="劳动合同", doc_date=ws.info().period_start)
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        session.edited.emit("hr.labour_contracts")
    assert len(ws.evidence("hr.labour_contracts")) == had + 1
    after = {rc.line.number: rc.coverage for rc in view.rows}
    assert after["2"] in (Coverage.PARTLY, Coverage.COVERED)
    assert set(before) == set(after)


def test_a_bad_file_says_why_and_the_view_fits(session, qtbot, zh, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view = show_view(RequestsView, session, qtbot)
    bad = tmp_path / "notes.docx"
    bad.write_bytes(b"not a word file")
    assert not import_and_wait(view, qtbot, bad)
    assert "notes.docx" in view.message.text()
    assert view.message.isVisible()
    assert view.import_button.text() == "导入资料清单…"
    assert view.minimumSizeHint().width() <= 1366


def test_a_sheet_without_a_list_is_refused_and_the_list_sheet_offered(  # type: ignore[no-untyped-def]
    session, qtbot, zh, tmp_path: Path, monkeypatch
) -> None:
    wb = openpyxl.Workbook()
    ledger = wb.active
    assert ledger is not None
    ledger.title = "费用台账"
    for row in (
        ["日期", "摘要", "金额"],
        ["2026-03-01", "专利年费", 900],
        ["2026-04-01", "差旅费", 300],
    ):
        ledger.append(row)
    path = tmp_path / "通知.xlsx"
    wb.save(path)
    view = show_view(RequestsView, session, qtbot)
    # the ledger alone: refused, the message names the file, the sheet and what was expected
    assert not import_and_wait(view, qtbot, path)
    assert view.message.isVisible() and view.table.rowCount() == 0
    text = view.message.text()
    assert "通知.xlsx" in text and "费用台账" in text and "资料清单应有一列" in text
    assert request_list.lines(session.workspace) == []
    # two sheets that hold a list: the choice offers those two, not the ledger
    for name, titles in (("一阶段", LINES[:3]), ("二阶段", LINES)):
        sheet = wb.create_sheet(name)
        sheet.append(["序号", "文件名称"])
        for n, (title, _key) in enumerate(titles, 1):
            sheet.append([n, title])
    wb.save(path)
    found = request_list.request_sheets(path)
    assert [t.name for t in found] == ["一阶段", "二阶段"]
    offered: list[list[str]] = []

    def pick_second(_parent, _title, _label, items, *_args):  # type: ignore[no-untyped-def]
        offered.append(list(items))
        return items[1], True

    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getItem", pick_second)
    assert view.choose_sheet(found) == "二阶段"
    assert offered == [["一阶段（3 项请求）", "二阶段（5 项请求）"]]
    assert import_and_wait(view, qtbot, path, "二阶段") and view.table.rowCount() == len(LINES)
