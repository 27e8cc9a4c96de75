"""Reading rows from real xlsx, xls, ods, csv and tsv files written by tests.unit.ledger.sheetgen."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import zipfile
from concurrent.futures import ThreadPoolExecutor

import pytest

from ipaudit.ledger.cells import CellIssue
from ipaudit.ledger.errors import LedgerError, SheetNotFound
from ipaudit.ledger.reader import (
    Workbook,
    _read_head,
    _text_format,
    list_sheets,
    open_sheet,
    read_rows,
    sniff_format,
)
from tests.unit.ledger.sheetgen import ExcelError, Formula, write_sheet, write_workbook

ROWS = [
    ["知识产权奖金发放登记表", None, None],
    ["发放日期", "姓名", "发放金额"],
    [dt.date(2025, 1, 31), "李  娜", 1000],
    [dt.date(2025, 3, 31), "王强", 5000.5],
]


@pytest.mark.parametrize("fmt", ["xlsx", "xls", "ods"])
def test_workbooks_read_typed_cells(tmp_path, fmt):
    path = write_sheet(tmp_path / f"发放.{fmt}", ROWS, sheet_name="奖金发放")
    assert sniff_format(path) == fmt
    assert list_sheets(path) == ["奖金发放"]
    rows = list(read_rows(path, "奖金发放"))
    assert rows[0][0] == "知识产权奖金发放登记表"
    assert rows[1] == ("发放日期", "姓名", "发放金额")
    assert rows[2][0] == dt.date(2025, 1, 31) and rows[2][1] == "李  娜"
    assert rows[2][2] == 1000 and rows[3][2] == 5000.5
    assert all(isinstance(r, tuple) for r in rows)


@pytest.mark.parametrize(
    ("encoding", "fmt", "suffix"),
    [
        ("utf-8", "csv", ".csv"),
        ("utf-8-sig", "csv", ".csv"),
        ("gb18030", "csv", ".csv"),
        ("gbk", "csv", ".csv"),
        ("utf-8", "tsv", ".tsv"),
        ("utf-16", "tsv", ".txt"),
        ("gb18030", "tsv", ".csv"),  # tab-separated behind a .csv name: sniffed
    ],
)
def test_text_files_in_their_encodings(tmp_path, encoding, fmt, suffix):
    path = write_sheet(tmp_path / f"经费{suffix}", ROWS, fmt, encoding=encoding)
    assert sniff_format(path) == "csv"
    assert list_sheets(path) == ["经费"]
    expected = "utf-8" if encoding == "utf-8" else encoding.replace("gbk", "gb18030")
    assert _text_format(path, _read_head(path)).encoding == expected
    rows = list(read_rows(path))
    assert rows[1] == ("发放日期", "姓名", "发放金额")
    assert rows[2] == ("2025-01-31", "李  娜", "1000")
    assert rows[3] == ("2025-03-31", "王强", "5000.5")


@pytest.mark.parametrize("delimiter", [";", "|", "\t", ","])
def test_delimiter_is_sniffed(tmp_path, delimiter):
    rows = [["日期", "姓名", "金额"], ["2025/1/5", "王强", "1,200.00"], ["2025/1/6", "李娜", "300"]]
    path = write_sheet(tmp_path / "x.csv", rows, "csv", delimiter=delimiter)
    assert list(read_rows(path)) == [tuple(r) for r in rows]


def test_rows_keep_spreadsheet_positions(tmp_path):
    rows = [[], [], [None, None, "日期", "姓名"], [None, None, dt.date(2025, 1, 5), "王强"]]
    path = write_sheet(tmp_path / "offset.xlsx", rows)
    read = list(read_rows(path))
    assert len(read) == 4
    assert read[2][2:4] == ("日期", "姓名")  # C3 is row 3, column C
    assert read[3][2] == dt.date(2025, 1, 5)
    assert read[0] == ("",) * len(read[0])


def test_formula_results_and_missing_results(tmp_path):
    rows = [
        ["姓名", "金额"],
        ["王强", 100],
        ["李娜", Formula("=B2*2", cached=200)],
        ["合计", Formula("=SUM(B2:B3)")],  # written without a result, as openpyxl does
        ["比率", Formula("=B2/0", cached=ExcelError("#DIV/0!"))],
        [None, None],
        ["备注", Formula("=B9")],  # a whole row calamine would drop
    ]
    path = write_sheet(tmp_path / "f.xlsx", rows)
    read = list(read_rows(path))
    assert read[2][1] == 200
    assert read[3][1] == CellIssue("formula", "=SUM(B2:B3)")
    assert read[4][1] == CellIssue("error", "#DIV/0!")
    assert read[6] == ("备注", CellIssue("formula", "=B9"))


def test_ods_formulas_without_results_and_error_results(tmp_path):
    rows = [
        ["姓名", "金额"],
        ["王强", 100],
        ["李娜", Formula("=[.B2]*2", cached=200)],
        ["合计", Formula("=SUM([.B2:.B3])")],  # written without a result
        ["比率", Formula("=[.B2]/0", cached=ExcelError("#DIV/0!"))],  # LibreOffice saves 0
        [None, None],
        ["备注", Formula("=[.B9]")],
    ]
    read = list(read_rows(write_sheet(tmp_path / "f.ods", rows)))
    assert read[2][1] == 200
    assert read[3][1] == CellIssue("formula", "=SUM([.B2:.B3])")
    assert read[4][1] == CellIssue("error", "#DIV/0!")
    assert read[6] == ("备注", CellIssue("formula", "=[.B9]"))


def test_an_error_typed_in_as_a_constant_is_an_issue(tmp_path):
    path = write_sheet(tmp_path / "e.xlsx", [["姓名", "金额"], ["王强", 100], ["李娜", 0]])
    # make B3 an error constant (t="e", no formula), as Excel stores a typed-in #N/A
    with zipfile.ZipFile(path) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    start = sheet.index('<c r="B3"')
    end = sheet.index("</c>", start) + len("</c>")
    parts["xl/worksheets/sheet1.xml"] = (
        sheet[:start] + '<c r="B3" t="e"><v>#N/A</v></c>' + sheet[end:]
    ).encode()
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    read = list(read_rows(path))
    assert read[2][1] == CellIssue("error", "#N/A")


def test_merged_ranges_are_reported(tmp_path):
    rows = [
        ["标题", None, None],
        ["日期", "姓名", "金额"],
        [dt.date(2025, 1, 5), "王强", 1],
        [None, "李娜", 2],
    ]
    for fmt in ("xlsx", "xls"):
        path = write_sheet(tmp_path / f"m.{fmt}", rows, merged=["A1:C1", "A3:A4"])
        data = open_sheet(path)
        assert set(data.merged) == {(0, 0, 0, 2), (2, 0, 3, 0)}
        assert data.total_rows == 4
        read = [tuple(r) for r in data.rows()]
        assert read[2][0] == dt.date(2025, 1, 5) and read[3][0] == ""


def test_renamed_files_are_read_by_content(tmp_path):
    xlsx = write_sheet(tmp_path / "a.xlsx", ROWS)
    disguised = tmp_path / "a.xls"
    shutil.copy(xlsx, disguised)
    assert sniff_format(disguised) == "xlsx"
    assert list(read_rows(disguised))[2][1] == "李  娜"
    csv_named = tmp_path / "b.csv"
    shutil.copy(write_sheet(tmp_path / "b.xls", ROWS), csv_named)
    assert sniff_format(csv_named) == "xls"
    assert list(read_rows(csv_named))[3][1] == "王强"


def test_several_sheets_and_a_missing_one(tmp_path):
    path = write_workbook(tmp_path / "all.xlsx", {"奖惩": ROWS, "发放": ROWS[:2], "经费": [["x"]]})
    assert list_sheets(path) == ["奖惩", "发放", "经费"]
    assert list(read_rows(path, "发放"))[1][0] == "发放日期"
    assert next(read_rows(path))[0] == "知识产权奖金发放登记表"  # the first sheet by default
    with pytest.raises(SheetNotFound) as info:
        list(read_rows(path, "台账"))
    assert info.value.available == ("奖惩", "发放", "经费")
    assert "台账" in info.value.message_zh


def test_limit_stops_early(tmp_path):
    path = write_sheet(tmp_path / "long.csv", [["n"]] + [[str(i)] for i in range(1000)])
    assert list(read_rows(path, limit=3)) == [("n",), ("0",), ("1",)]


def test_xlsx_without_r_attributes_still_reads(tmp_path):
    """Some writers leave out cell references; calamine places cells in order."""
    path = write_sheet(tmp_path / "plain.xlsx", ROWS)
    with zipfile.ZipFile(path) as zf:
        parts = {i: zf.read(i.filename) for i in zf.infolist()}
    stripped = tmp_path / "noref.xlsx"
    with zipfile.ZipFile(stripped, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in parts.items():
            if info.filename.startswith("xl/worksheets/"):
                data = re.sub(rb' r="[A-Z]+\d+"', b"", data)
            zf.writestr(info, data)
    assert list(read_rows(stripped))[2][1] == "李  娜"


@pytest.mark.parametrize("fmt", ["xlsx", "xls", "ods"])
def test_a_sheet_read_ahead_in_a_pool_is_the_sheet_read_in_place(tmp_path, fmt):
    path = write_sheet(tmp_path / f"发放.{fmt}", ROWS, sheet_name="奖金发放")
    direct = list(Workbook(path).sheet().rows())
    book = Workbook(path)
    with ThreadPoolExecutor(1) as pool:
        book.read_ahead(None, pool)
        assert list(book.sheet("奖金发放").rows()) == direct
    book.close()


def test_an_error_found_while_reading_ahead_is_raised_where_the_sheet_is_asked_for(tmp_path):
    path = write_sheet(tmp_path / "发放.xlsx", ROWS, sheet_name="奖金发放")
    book = Workbook(path)
    with zipfile.ZipFile(path) as zf:  # the sheet's XML vanishes after the workbook was opened
        parts = {n: zf.read(n) for n in zf.namelist() if "worksheets/sheet" not in n}
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    with ThreadPoolExecutor(1) as pool:
        book.read_ahead(None, pool)
        with pytest.raises(LedgerError) as caught:
            book.sheet()
    assert "发放.xlsx" in str(caught.value.path)
    book.close()
