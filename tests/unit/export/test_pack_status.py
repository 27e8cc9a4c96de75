"""The pack prints the status that counts: never "ready" beside an open blocking finding, and the
reason of an item that is not applicable."""

from __future__ import annotations

import docx
import openpyxl

from ipaudit.domain.model import Status
from ipaudit.services import Workspace

from .conftest import Exported


def test_workbook_and_report_never_show_ready_beside_a_blocking_finding(pack_zh: Exported) -> None:
    with Workspace.open(pack_zh.workspace) as ws:
        findings = ws.findings()
        states = ws.states()
    blocked = {f.item_key for f in findings if f.blocking}
    marked_ready = {k for k, s in states.items() if s.status is Status.READY}
    assert blocked & marked_ready  # the demo has items marked ready that still have findings

    book = openpyxl.load_workbook(pack_zh.path / "迎审工作簿.xlsx")
    header, *body = [list(r) for r in book["检查清单"].iter_rows(values_only=True)]
    key_col, status_col = header.index("条目编号"), header.index("状态")
    shown = {row[key_col]: row[status_col] for row in body}
    for key in blocked & marked_ready:
        assert shown[key] != "已就绪", key
    for key in marked_ready - blocked:
        if key in shown:
            assert shown[key] == "已就绪", key

    report = docx.Document(str(next(pack_zh.path.glob("*.docx"))))
    statuses = [cell.text for table in report.tables for row in table.rows for cell in row.cells]
    assert statuses.count("已就绪") < len(marked_ready)


def test_not_applicable_reason_is_printed(demo, tmp_path) -> None:
    from ipaudit.export.options import ExportOptions
    from ipaudit.services.exports import export_pack

    with Workspace.open(demo) as ws:
        ws.set_status("ipo.alliances", Status.NOT_APPLICABLE, "未参加任何知识产权联盟")
        result = export_pack(ws, tmp_path / "pack", ExportOptions(lang="zh"))
    book = openpyxl.load_workbook(result.path / "迎审工作簿.xlsx")
    header, *body = [list(r) for r in book["检查清单"].iter_rows(values_only=True)]
    row = next(r for r in body if r[header.index("条目编号")] == "ipo.alliances")
    assert row[header.index("状态")] == "不适用（未参加任何知识产权联盟）"
