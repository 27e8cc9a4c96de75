"""The readiness workbook reopened with openpyxl: numbers equal the workspace's to the cent,
frozen headers, filters, money formats, grade colours, the native chart, links into the pack."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from ipaudit.domain.model import Grade
from ipaudit.export.i18n import grade_text
from ipaudit.export.workbook_xlsx import MONEY, display_width
from ipaudit.ledger.model import LedgerKind
from ipaudit.ledger_service import load_book
from ipaudit.services import Workspace

from .conftest import Exported

WORKBOOK = "迎审工作簿.xlsx"


@pytest.fixture(scope="module")
def book(pack_zh: Exported) -> openpyxl.Workbook:
    return openpyxl.load_workbook(pack_zh.path / WORKBOOK)


def rows(ws) -> list[list]:
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_sheets_have_frozen_headers_and_filters(book) -> None:
    assert book.sheetnames == [
        "概览",
        "检查清单",
        "证据索引",
        "发现项",
        "台账核对汇总",
        "奖惩记录表",
        "奖金发放登记表",
        "经费使用记录",
        "导入问题",
    ]
    for ws in book.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), ws.title


def test_overview_equals_readiness_and_has_a_chart(pack_zh: Exported, book) -> None:
    with Workspace.open(pack_zh.workspace) as ws:
        overall, per_dep = ws.readiness()
        names = {d.key: d.name.zh for d in ws.departments()}
    sheet = book["概览"]
    table = {r[0]: r for r in rows(sheet)[1 : len(per_dep) + 2]}
    for key, r in per_dep.items():
        row = table[names[key]]
        assert row[1] == pytest.approx(r.percent)
        assert row[2:8] == [r.items, r.ready_items, r.blocking, *[r.by_grade[g] for g in Grade]]
    assert table["总体"][1] == pytest.approx(overall.percent)
    assert sheet["B2"].number_format == '0.0"%"'
    assert len(sheet._charts) == 1
    chart = sheet._charts[0]
    assert chart.tagname == "barChart" and chart.type == "bar"


def test_findings_sheet(pack_zh: Exported, book) -> None:
    with Workspace.open(pack_zh.workspace) as ws:
        findings = ws.findings()
    sheet = book["发现项"]
    body = rows(sheet)[1:]
    assert len(body) == len(findings)
    assert [r[0] for r in body] == [grade_text(f.grade, "zh") for f in findings]
    fills = {grade_text(g, "zh"): None for g in Grade}
    for n, r in enumerate(body, 2):
        fills[r[0]] = sheet.cell(row=n, column=1).fill.fgColor.rgb
    colours = {v for v in fills.values() if v}
    assert len(colours) == len([g for g in Grade if any(f.grade is g for f in findings)])


def test_evidence_index_hashes_and_links(pack_zh: Exported, book) -> None:
    sheet = book["证据索引"]
    header, *body = rows(sheet)
    sha_col, path_col = header.index("SHA-256"), header.index("资料包中的位置")
    with Workspace.open(pack_zh.workspace) as ws:
        current = {e.sha256 for e in ws.evidence()}
    assert current <= {r[sha_col] for r in body}
    for n, r in enumerate(body, 2):
        cell = sheet.cell(row=n, column=path_col + 1)
        assert cell.hyperlink is not None
        target = cell.hyperlink.target.replace("%20", " ")
        assert target == r[path_col]
        assert (pack_zh.path / target).is_file()


def test_ledger_totals_to_the_cent(pack_zh: Exported, book) -> None:
    with Workspace.open(pack_zh.workspace) as ws:
        ledger = load_book(ws)
    recon = ledger.reconciliation
    assert recon is not None
    s = recon.summary
    sheet = book["台账核对汇总"]
    amounts = {r[0]: r[4] for r in rows(sheet) if r and r[4] is not None and r[0]}
    assert Decimal(str(amounts["奖励决定"])) == s.rewards_total
    assert Decimal(str(amounts["已发放"])) == s.payments_total
    assert Decimal(str(amounts["经费奖励"])) == s.expenses_total
    for name, kind in (
        ("奖惩记录表", LedgerKind.REWARDS),
        ("奖金发放登记表", LedgerKind.PAYMENTS),
        ("经费使用记录", LedgerKind.EXPENSES),
    ):
        ws_ = book[name]
        header, *body = rows(ws_)
        col = header.index("金额")
        entries = ledger.of(kind)
        assert len(body) == len(entries)
        total = sum((Decimal(str(r[col])) for r in body), Decimal("0"))
        assert total == sum((e.amount for e in entries), Decimal("0"))
        assert ws_.cell(row=2, column=col + 1).number_format == MONEY


def test_column_widths_fit_chinese(book) -> None:
    sheet = book["检查清单"]
    header = rows(sheet)[0]
    col = header.index("条目") + 1
    letter = openpyxl.utils.get_column_letter(col)
    longest = max(display_width(str(r[col - 1])) for r in rows(sheet)[1:] if r[col - 1])
    assert sheet.column_dimensions[letter].width >= min(longest, 60)
    assert display_width("知识产权") == 8 and display_width("IP") == 2


def test_formula_like_text_stays_text(tmp_path) -> None:
    """Text from a ledger that starts with '=' must never become a formula."""
    from ipaudit.export.workbook_xlsx import SheetWriter

    class Data:
        clean = staticmethod(lambda s: s)

    wb = openpyxl.Workbook()
    writer = SheetWriter(wb.active, Data(), ["a"])  # type: ignore[arg-type]
    writer.add(['=HYPERLINK("http://x")'])
    writer.finish()
    wb.save(tmp_path / "f.xlsx")
    again = openpyxl.load_workbook(tmp_path / "f.xlsx")
    assert again.active["A2"].data_type == "s"


def test_styles_set_through_the_cache_are_each_cells_own(tmp_path) -> None:
    """Fills made afresh for every row (as the readiness colours are) keep their own colours, and
    a header, money format and wrap survive being copied between cells, after a save and load."""
    import gc
    import io

    from openpyxl.styles import PatternFill

    from ipaudit.export.workbook_xlsx import SheetWriter

    class _Data:
        clean = staticmethod(lambda s: s)

    wb = openpyxl.Workbook()
    sheet = SheetWriter(wb.active, _Data(), ["name", "amount"])  # type: ignore[arg-type]
    # five colours over and over: an equal fill is not kept by openpyxl, so its identity is free
    colours = [f"FF{(n % 5) * 50:02X}{255 - (n % 5) * 50:02X}00" for n in range(40)]
    for n, colour in enumerate(colours):
        sheet.add(
            [f"row {n}\nwrapped", Decimal(n)], fills={0: PatternFill("solid", fgColor=colour)}
        )
        gc.collect()  # a freed fill's identity may be given to the next one
    sheet.finish(money=[2])
    buf = io.BytesIO()
    wb.save(buf)
    ws = openpyxl.load_workbook(io.BytesIO(buf.getvalue())).active
    assert ws["A1"].font.bold and ws["B1"].font.bold
    for n, colour in enumerate(colours, 2):
        assert ws.cell(n, 1).fill.fgColor.rgb == colour
        assert ws.cell(n, 1).alignment.wrap_text
        assert ws.cell(n, 2).number_format == MONEY
