"""The readiness workbook reopened with openpyxl: numbers equal the workspace's to the cent,
frozen headers, filters, number formats by meaning, print setup, grade colours, the native chart
and its labels, links into the pack."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from ipaudit.domain.model import Grade
from ipaudit.export.i18n import grade_text
from ipaudit.export.options import ExportOptions
from ipaudit.export.workbook_xlsx import MONEY, PERCENT, build_workbook, display_width
from ipaudit.ledger.model import LedgerKind
from ipaudit.services import Workspace
from ipaudit.services.exports import pack_data
from ipaudit.services.ledgers import load_book

from .conftest import Exported

WORKBOOK = "迎审工作簿.xlsx"


@dataclass(frozen=True)
class Built:
    workspace: Path
    path: Path  # the workbook written to disk
    book: openpyxl.Workbook  # ... and read back


def _build(factory: pytest.TempPathFactory, master: Path, lang: str) -> Built:
    """The workbook of a copy of the demo, built from one read of the workspace (as the export
    builds it), written to a file and opened again."""
    folder = factory.mktemp(f"workbook-{lang}")
    ws_path = folder / "demo.ipaudit"
    shutil.copyfile(master, ws_path)
    with Workspace.open(ws_path) as ws:
        data = pack_data(ws, ExportOptions(lang=lang, older_versions=True), "pack")
    path = folder / "workbook.xlsx"
    path.write_bytes(build_workbook(data))
    return Built(ws_path, path, openpyxl.load_workbook(path))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, demo_master: Path) -> Built:
    return _build(tmp_path_factory, demo_master, "zh")


@pytest.fixture(scope="module")
def book(built: Built) -> openpyxl.Workbook:
    return built.book


def _header_row(ws) -> int:
    return 2 if ws.title in ("概览", "Overview") else 1


def rows(ws) -> list[list]:
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_sheets_have_frozen_headers_and_filters(book) -> None:
    assert book.sheetnames == [
        "概览",
        "检查清单",
        "证据索引",
        "发现项",
        "台账核对汇总",
        "台账年度合计",
        "奖惩记录表",
        "奖金发放登记表",
        "经费使用记录",
        "知识产权经费预算与支出",
        "导入问题",
    ]
    for ws in book.worksheets:
        top = _header_row(ws)  # the overview has the verdict above its header
        assert ws.freeze_panes == f"A{top + 1}", ws.title
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith(f"A{top}:"), ws.title


def test_overview_equals_readiness_and_has_a_chart(built: Built, book) -> None:
    with Workspace.open(built.workspace) as ws:
        overall, per_dep = ws.readiness()
        names = {d.key: d.name.zh for d in ws.departments()}
    sheet = book["概览"]
    table = {r[0]: r for r in rows(sheet)[2 : len(per_dep) + 3]}
    for key, r in per_dep.items():
        row = table[names[key]]
        assert row[1] == pytest.approx(r.percent / 100)
        assert row[2:8] == [r.items, r.ready_items, r.blocking, *[r.by_grade[g] for g in Grade]]
    assert table["总体"][1] == pytest.approx(overall.percent / 100)
    assert sheet["B3"].number_format == PERCENT == "0.0%"
    assert len(sheet._charts) == 1
    chart = sheet._charts[0]
    assert chart.tagname == "barChart" and chart.type == "bar"
    # the value alone: LibreOffice reads an omitted flag as "on" and printed "部门; 就绪度; 97.7%"
    labels = chart.dataLabels
    assert labels.showVal is True
    for flag in ("showSerName", "showCatName", "showLegendKey", "showPercent"):
        assert getattr(labels, flag) is False, flag


def test_findings_sheet(built: Built, book) -> None:
    with Workspace.open(built.workspace) as ws:
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


def test_evidence_index_hashes_and_links(pack_zh: Exported) -> None:
    sheet = openpyxl.load_workbook(pack_zh.path / WORKBOOK)["证据索引"]
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


def test_ledger_totals_to_the_cent(built: Built, book) -> None:
    with Workspace.open(built.workspace) as ws:
        ledger = load_book(ws)
    recon = ledger.reconciliation
    assert recon is not None
    s = recon.summary
    sheet = book["台账核对汇总"]
    amounts = {r[0]: r[4] for r in rows(sheet) if r and isinstance(r[4], (int, float)) and r[0]}
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
        col = header.index("金额(元)")
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
        lang = "zh"
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
        lang = "zh"
        clean = staticmethod(lambda s: s)

    wb = openpyxl.Workbook()
    sheet = SheetWriter(wb.active, _Data(), ["name", "amount"])  # type: ignore[arg-type]
    # five colours over and over: an equal fill is not kept by openpyxl, so its identity is free
    colours = [f"FF{(n % 5) * 50:02X}{255 - (n % 5) * 50:02X}00" for n in range(40)]
    for n, colour in enumerate(colours):
        sheet.add(
            [f"row {n}\nwrapped", Decimal(n)], fills={0: PatternFill("solid", fgColor=colour)}
        )
        gc.collect(0)  # a freed fill's identity may be given to the next one (young objects)
    sheet.finish(money=[2])
    buf = io.BytesIO()
    wb.save(buf)
    ws = openpyxl.load_workbook(io.BytesIO(buf.getvalue())).active
    assert ws["A1"].font.bold and ws["B1"].font.bold
    for n, colour in enumerate(colours, 2):
        assert ws.cell(n, 1).fill.fgColor.rgb == colour
        assert ws.cell(n, 1).alignment.wrap_text
        assert ws.cell(n, 2).number_format == MONEY


def _column_formats(ws, column: int) -> set[str]:
    """The number formats of a column's numeric and date cells below the header."""
    return {
        c.number_format
        for (c,) in ws.iter_rows(min_row=_header_row(ws) + 1, min_col=column, max_col=column)
        if c.value is not None and not isinstance(c.value, str)
    }


def test_number_formats_follow_meaning(book) -> None:
    """Counts are whole numbers, money has two decimals and no currency sign, readiness is a
    percentage, dates are dates — column by column, on every sheet that has them."""
    expected = {
        "概览": {
            "就绪度": {"0.0%"},
            **{h: {"0"} for h in ("适用条目", "已就绪", "阻断项", "严重")},
        },
        "检查清单": {"证据数": {"0"}},
        "证据索引": {"序号": {"0"}, "日期": {"yyyy-mm-dd"}, "大小(字节)": {"#,##0"}},
        "台账核对汇总": {"数量": {"0"}, "一致": {"0"}, "不一致": {"0"}, "金额(元)": {"#,##0.00"}},
        "台账年度合计": {h: {"#,##0.00"} for h in ("奖励决定", "处罚", "已发放", "经费−发放")},
        "奖惩记录表": {"行": {"0"}, "日期": {"yyyy-mm-dd"}, "金额(元)": {"#,##0.00"}},
        "奖金发放登记表": {"行": {"0"}, "日期": {"yyyy-mm-dd"}, "金额(元)": {"#,##0.00"}},
        "经费使用记录": {"行": {"0"}, "日期": {"yyyy-mm-dd"}, "金额(元)": {"#,##0.00"}},
    }
    for name, columns in expected.items():
        ws = book[name]
        header = [c.value for c in ws[_header_row(ws)]]
        for title, formats in columns.items():
            found = _column_formats(ws, header.index(title) + 1)
            assert found == formats, (name, title, found)
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert "¥" not in cell.number_format, (ws.title, cell.coordinate)


def test_reconciliation_headers_and_blocks(book) -> None:
    """The summary's columns say what they count; the kinds of discrepancy sit under the count
    and amount columns; the totals by year are a sheet of their own with their own header."""
    sheet = book["台账核对汇总"]
    body = rows(sheet)
    assert body[0] == ["项目", "数量", "一致", "不一致", "金额(元)"]
    kinds = next(n for n, r in enumerate(body) if r[0] == "差异分类")
    assert body[kinds][1] == "数量" and body[kinds][4] == "金额(元)"
    for r in body[kinds + 1 :]:
        if r[0]:
            assert isinstance(r[1], int) and isinstance(r[4], (int, float)), r
    assert sheet.max_column == 5  # nothing wider than the header (the totals moved out)
    totals = rows(book["台账年度合计"])
    assert totals[0] == ["年度", "奖励决定", "处罚", "已发放", "发放−决定", "经费奖励", "经费−发放"]
    assert totals[-1][0] == "合计"
    assert [r[0] for r in totals[1:-1]] == sorted(r[0] for r in totals[1:-1])


def test_every_sheet_prints_landscape_to_the_page_width(book) -> None:
    for ws in book.worksheets:
        setup = ws.page_setup
        assert setup.orientation == "landscape", ws.title
        assert str(setup.paperSize) == "9", ws.title  # A4
        assert (int(setup.fitToWidth), int(setup.fitToHeight)) == (1, 0), ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        assert ws.print_title_rows == f"$1:${_header_row(ws)}", ws.title
        assert ws.oddFooter.left.text == "&A", ws.title
        assert ws.oddFooter.right.text == "第 &P 页，共 &N 页", ws.title


def test_english_workbook_footer_and_headers(
    tmp_path_factory: pytest.TempPathFactory, demo_master: Path
) -> None:
    book = _build(tmp_path_factory, demo_master, "en").book
    for ws in book.worksheets:
        assert ws.oddFooter.right.text == "Page &P of &N", ws.title
    assert rows(book["Reconciliation"])[0] == [
        "Field",
        "Count",
        "Matched",
        "Not matched",
        "Amount (yuan)",
    ]


def test_overview_opens_with_the_verdict(built: Built, book) -> None:
    """The overview's first line is the report's verdict sentence, filled with its colour; the
    readiness cells are never greener than the department's worst open finding allows."""
    from ipaudit.export.colors import GRADE_COLOR, READY_COLOR
    from ipaudit.export.verdict import Verdict, assess

    with Workspace.open(built.workspace) as ws:
        data = pack_data(ws, ExportOptions(lang="zh", older_versions=True), "pack")
    verdict = assess(data)
    sheet = book["概览"]
    sentence = sheet["A1"].value
    assert sentence.startswith(data.info.company)
    assert str(data.info.audit_start) in sentence
    expected = {
        "未就绪": Verdict.NOT_READY,
        "有条件就绪": Verdict.CONDITIONS,
        "已就绪": Verdict.READY,
    }
    assert [v for k, v in expected.items() if k in sentence] == [verdict.verdict]
    assert "A1:H1" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["A1"].fill.fgColor.rgb.endswith(
        {Verdict.READY: READY_COLOR, Verdict.CONDITIONS: GRADE_COLOR[Grade.MINOR]}.get(
            verdict.verdict, GRADE_COLOR[Grade.MAJOR]
        )
    )
    names = {data.dep_name(d.key): d.key for d in data.departments}
    for n in range(3, 3 + len(names)):
        key = names[sheet.cell(n, 1).value]
        worst = [f.grade for f in data.findings_of(key) if f.accepted is None]
        colour = sheet.cell(n, 2).fill.fgColor.rgb
        if Grade.MAJOR in worst:
            assert colour.endswith(GRADE_COLOR[Grade.MAJOR]), key
        elif Grade.MINOR in worst:
            assert not colour.endswith(READY_COLOR), key
