"""The command line imports a real request list whose lines name two documents: each is proposed
with its own checklist item (to confirm), a line of one document keeps one item."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from ipaudit.services import Workspace, request_list
from tests.integration.cli_run import new_workspace, ok

LINES = [
    ("专利证书复印件、年费缴费凭证", ("ipo.portfolio_register", "ipo.maintenance")),
    ("劳动合同和保密协议", ("hr.labour_contracts", "hr.confidentiality_agreements")),
    ("保密及竞业限制协议", ("hr.exit_agreements",)),
    ("年费收据", ("ipo.maintenance",)),
]


def test_cli_import_proposes_each_document_its_item(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ws = new_workspace(capsys, tmp_path / "w.ipaudit")
    wb = openpyxl.Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(["第二阶段审核资料清单"])
    sheet.append(["序号", "资料名称", "提供部门"])
    for n, (title, _) in enumerate(LINES, 1):
        sheet.append([n, title, ""])
    path = tmp_path / "清单.xlsx"
    wb.save(path)
    out = ok(capsys, "requests-import", ws, path)
    assert "4 项有建议的条目" in out
    with Workspace.open(ws) as w:
        found = {ln.request.title: ln for ln in request_list.lines(w)}
    for title, matched in LINES:
        line = found[title]
        assert line.matched == matched and not line.confirmed, (title, line.candidates)
        assert [c.item_key for c in line.candidates[: len(matched)]] == list(matched)
