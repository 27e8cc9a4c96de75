"""The workbook's budget sheet, reopened with openpyxl: budget, spending and variance per category
equal what the workspace computes, as numbers to the cent in the money format, with a total row."""

from __future__ import annotations

from decimal import Decimal

import openpyxl

from ipaudit.domain.budget import BY_KEY
from ipaudit.export.workbook_xlsx import MONEY
from ipaudit.services import Workspace
from ipaudit.services import budget as budget_service
from tests.unit.export.conftest import Exported

WORKBOOK = "迎审工作簿.xlsx"


def cents(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))


def test_the_workbook_shows_budget_spending_and_variance(pack_zh: Exported) -> None:
    with Workspace.open(pack_zh.workspace) as ws:
        lines = budget_service.budget_lines(ws)
    assert lines, "the demo declares a budget"
    book = openpyxl.load_workbook(pack_zh.path / WORKBOOK)
    sheet = book["知识产权经费预算与支出"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == ["类别", "预算(元)", "实际支出(元)", "差额(元)"]
    body = [[r[0], cents(r[1]), cents(r[2]), cents(r[3])] for r in rows[1:-1]]
    assert body == [
        [BY_KEY[line.category].name.zh, line.budget, line.actual, line.variance] for line in lines
    ]
    budget = sum((line.budget for line in lines if line.budget is not None), Decimal(0))
    spent = sum((line.actual for line in lines), Decimal(0))
    total = rows[-1]
    assert total[0] == "合计"
    assert [cents(v) for v in total[1:]] == [budget, spent, budget - spent]
    for row in sheet.iter_rows(min_row=2, min_col=2, max_col=4):
        for cell in row:
            if cell.value is not None:
                assert cell.number_format == MONEY and isinstance(cell.value, (int, float))
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref.startswith("A1:D")


def test_no_budget_no_sheet(demo, tmp_path) -> None:
    from ipaudit.export.options import ExportOptions
    from ipaudit.export.workbook_xlsx import build_workbook
    from ipaudit.services.exports import pack_data

    with Workspace.open(demo) as ws:
        for category in list(ws.facts().budget):
            budget_service.set_budget(ws, category, None)
        assert ws.facts().budget == {}
        data = pack_data(ws, ExportOptions(lang="en"), "pack")
    path = tmp_path / "w.xlsx"
    path.write_bytes(build_workbook(data))
    assert "IP budget and spending" not in openpyxl.load_workbook(path).sheetnames
