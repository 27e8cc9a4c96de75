"""The report's budget table, reopened with python-docx: budget, spending and variance per
category equal what the workspace computes from its declared budget and expense record."""

from __future__ import annotations

import docx

from ipaudit.domain.budget import BY_KEY
from ipaudit.services import Workspace
from ipaudit.services import budget as budget_service
from tests.unit.export.conftest import Exported

REPORT = "迎审就绪报告.docx"


def test_the_report_shows_budget_spending_and_variance(pack_zh: Exported) -> None:
    with Workspace.open(pack_zh.workspace) as ws:
        lines = budget_service.budget_lines(ws)
    assert lines, "the demo declares a budget"
    document = docx.Document(str(pack_zh.path / REPORT))
    header = ["类别", "预算(元)", "实际支出(元)", "差额(元)"]
    table = next(tb for tb in document.tables if [c.text for c in tb.rows[0].cells] == header)
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    expected = [
        [
            BY_KEY[line.category].name.zh,
            f"{line.budget:,.2f}" if line.budget is not None else "",
            f"{line.actual:,.2f}",
            f"{line.variance:,.2f}" if line.variance is not None else "",
        ]
        for line in lines
    ]
    assert rows == expected
    search = next(r for r in rows if r[0] == BY_KEY["search"].name.zh)
    assert search[3].startswith("-")  # the demo's overspent category
