"""A request line naming two documents, imported from a real xlsx into the request-list tab: both
items are proposed (to confirm), shown in the line's tooltip and coverage, and confirmed at once."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from ipaudit.domain.request_list import DECIDED
from ipaudit.services import request_list
from ipaudit.ui.requests.requests_view import COL_COVERAGE, COL_SCORE, RequestsView
from tests.ui.helpers import show_view
from tests.ui.test_requests_view import import_and_wait

LINES = ["专利证书复印件、年费缴费凭证", "保密及竞业限制协议", "知识产权管理手册"]


def test_a_line_naming_two_documents_proposes_both(session, qtbot, zh, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wb = openpyxl.Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(["序号", "资料名称", "备注"])
    for n, title in enumerate(LINES, 1):
        sheet.append([n, title, ""])
    path = tmp_path / "审核资料清单.xlsx"
    wb.save(path)

    view = show_view(RequestsView, session, qtbot)
    assert import_and_wait(view, qtbot, path)
    first = request_list.line(session.workspace, "1")
    assert first.matched == ("ipo.portfolio_register", "ipo.maintenance")
    assert not first.confirmed
    assert "ipo.sample_file_set" not in first.matched
    combo = view.combos[0]
    assert combo.currentData() == "ipo.portfolio_register"
    assert "知识产权台账" in combo.toolTip() and "知识产权维护记录" in combo.toolTip()
    assert view.table.item(0, COL_SCORE).text().startswith("建议")
    tip = view.table.item(0, COL_COVERAGE).toolTip()
    assert "知识产权台账" in tip and "知识产权维护记录" in tip
    assert len(request_list.line(session.workspace, "2").matched) == 1  # one agreement

    view.confirm_proposals()
    confirmed = request_list.line(session.workspace, "1")
    assert confirmed.confirmed and confirmed.matched == first.matched
    found = {rc.line.number: rc for rc in request_list.coverage(session.workspace)}
    assert found["1"].coverage in DECIDED  # the demo's evidence decides it now
    assert {ic.item_key for ic in found["1"].items} == set(first.matched)
