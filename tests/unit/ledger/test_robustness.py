"""Bad files give a typed error that says what happened and what to do; nothing crashes or hangs.

The time each takes is measured by bench/bench_ledger_import.py --bad-files, not here.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipaudit.errors import UserError
from ipaudit.ledger.errors import (
    EmptyFile,
    FileCorrupt,
    FileUnreadable,
    HeaderNotFound,
    LedgerError,
    NotASpreadsheet,
    PasswordProtected,
    SheetTooLarge,
)
from ipaudit.ledger.importer import import_ledger
from ipaudit.ledger.model import ImportResult
from ipaudit.ledger.reader import list_sheets
from tests.unit.ledger.sheetgen import write_sheet

LEDGER = [
    ["知识产权奖金发放登记表", None, None, None],
    ["发放日期", "姓名", "项目", "发放金额"],
    *[
        [dt.date(2025, 1, 1 + i), f"员工{i}", f"2025SR10000{i:02d}", 100 * (i + 1)]
        for i in range(20)
    ],
    ["合计", None, None, 21000],
]


def good_file(tmp_path: Path, fmt: str) -> Path:
    return write_sheet(tmp_path / f"good.{fmt}", LEDGER, sheet_name="发放")


@pytest.fixture(scope="module")
def originals(tmp_path_factory) -> dict[str, bytes]:
    """Good files written once, so damaged copies are drawn from the same bytes every time."""
    folder = tmp_path_factory.mktemp("originals")
    return {fmt: good_file(folder, fmt).read_bytes() for fmt in ("xlsx", "xls", "csv", "ods")}


def assert_clear(error: LedgerError, path: Path) -> None:
    assert isinstance(error, UserError)  # shown and exited on like every expected failure
    assert error.file == error.path == str(path)
    assert path.name in error.message_zh and path.name in error.message_en
    assert error.message("zh") == error.message_zh and error.message("en") == error.message_en


def test_truncated_xlsx(tmp_path):
    data = good_file(tmp_path, "xlsx").read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(FileCorrupt) as info:
        import_ledger(path)
    assert_clear(info.value, path)
    assert "重新" in info.value.what_to_do("zh")


def test_truncated_xls(tmp_path):
    data = good_file(tmp_path, "xls").read_bytes()
    path = tmp_path / "cut.xls"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(FileCorrupt) as info:
        import_ledger(path)
    assert_clear(info.value, path)


def test_truncated_gb18030_csv(tmp_path):
    data = write_sheet(tmp_path / "full.csv", LEDGER, encoding="gb18030").read_bytes()
    path = tmp_path / "cut.csv"
    path.write_bytes(data[: data.index("员工5".encode("gb18030")) + 3])  # ends inside 工
    with pytest.raises(FileCorrupt) as info:
        import_ledger(path)
    assert_clear(info.value, path)
    assert info.value.row is not None


@pytest.mark.parametrize("name", ["empty.xlsx", "empty.xls", "empty.csv", "empty.ods"])
def test_empty_files(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")
    with pytest.raises(EmptyFile) as info:
        import_ledger(path)
    assert_clear(info.value, path)


def test_blank_csv_and_empty_sheet(tmp_path):
    path = tmp_path / "blank.csv"
    path.write_text("\r\n,,\r\n\r\n", encoding="utf-8")
    with pytest.raises(EmptyFile):
        import_ledger(path)
    sheet = write_sheet(tmp_path / "nothing.xlsx", [])
    with pytest.raises(EmptyFile):
        import_ledger(sheet)


def test_text_without_a_ledger_header(tmp_path):
    path = tmp_path / "notes.csv"
    path.write_text("会议纪要\n今天讨论了知识产权工作\n", encoding="utf-8")
    with pytest.raises(HeaderNotFound) as info:
        import_ledger(path)
    assert_clear(info.value, path)


def test_password_protected_xlsx(tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = good_file(tmp_path, "xlsx")
    path = tmp_path / "加密.xlsx"
    with plain.open("rb") as f, path.open("wb") as out:
        OOXMLFile(f).encrypt("secret", out)
    assert path.read_bytes()[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE2 container
    with pytest.raises(PasswordProtected) as info:
        import_ledger(path)
    assert_clear(info.value, path)
    assert "密码" in info.value.message_zh
    with pytest.raises(PasswordProtected):
        list_sheets(path.rename(tmp_path / "加密.xls"))


def test_ole2_signature_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "broken.xls"
    rng = random.Random(7)
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + rng.randbytes(4096))
    with pytest.raises(FileCorrupt) as info:
        import_ledger(path)
    assert_clear(info.value, path)


@pytest.mark.parametrize(
    ("name", "content", "what"),
    [
        ("report.xlsx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
        ("scan.xls", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        ("photo.csv", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG"),
        ("export.xls", b"<html><body><table><tr><td>1</td></tr></table></body></html>", "HTML"),
    ],
)
def test_non_spreadsheets_by_content(tmp_path, name, content, what):
    path = tmp_path / name
    path.write_bytes(content + bytes(200))
    with pytest.raises(NotASpreadsheet) as info:
        import_ledger(path)
    assert_clear(info.value, path)
    assert what in info.value.message_zh


def test_word_document_and_zip_archive(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("奖惩记录")
    path = tmp_path / "奖惩记录.xlsx"
    document.save(str(path))
    with pytest.raises(NotASpreadsheet) as info:
        import_ledger(path)
    assert "Word" in info.value.message_zh
    archive = tmp_path / "ledgers.xlsx"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("a.txt", "x")
    with pytest.raises(NotASpreadsheet):
        import_ledger(archive)


def test_huge_column_count_xlsx(tmp_path):
    row = [None] * 16383 + ["stray"]
    path = write_sheet(tmp_path / "wide.xlsx", [["日期", "姓名", "金额"], row])
    with pytest.raises(SheetTooLarge) as info:
        import_ledger(path)
    assert info.value.columns == 16384
    assert_clear(info.value, path)


def _xlsx_with_cells(path: Path, cells: list[str], dimension: str) -> Path:
    """A minimal workbook whose sheet holds the given cells and claims ``dimension``."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
    sheet_rows = "".join(
        f'<row r="{ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}"><c r="{ref}" t="n"><v>1</v></c></row>'
        for ref in cells
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            "</Types>",
        )
        zf.writestr(
            "_rels/.rels",
            f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/officeDocument"'
            ' Target="xl/workbook.xml"/></Relationships>',
        )
        zf.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
            '<sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        zf.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/worksheet"'
            ' Target="worksheets/sheet1.xml"/></Relationships>',
        )
        zf.writestr(
            "xl/worksheets/sheet1.xml",
            f'<worksheet xmlns="{main}"><dimension ref="{dimension}"/>'
            f"<sheetData>{sheet_rows}</sheetData></worksheet>",
        )
    return path


def test_far_away_cell_that_would_exhaust_memory(tmp_path):
    """A1 and XFD1048576 make a 17-billion-cell grid; the dimension element lies about it."""
    path = _xlsx_with_cells(tmp_path / "bomb.xlsx", ["A1", "XFD1048576"], "A1:B2")
    with pytest.raises(SheetTooLarge) as info:
        import_ledger(path)
    assert (info.value.rows, info.value.columns) == (1048576, 16384)


def test_many_rows_of_two_letter_columns(tmp_path):
    path = _xlsx_with_cells(tmp_path / "tall.xlsx", ["A1", "ZZ1048576"], "A1:A1")
    with pytest.raises(SheetTooLarge) as info:
        import_ledger(path)
    assert info.value.columns == 702


def test_huge_column_count_csv(tmp_path):
    path = tmp_path / "wide.csv"
    path.write_text("日期,姓名,金额\n" + ",".join(["x"] * 5000) + "\n", encoding="utf-8")
    with pytest.raises(SheetTooLarge) as info:
        import_ledger(path)
    assert info.value.row == 2


@pytest.mark.parametrize(
    "name", ["garbage.xlsx", "garbage.xls", "garbage.csv", "garbage.ods", "garbage"]
)
def test_binary_garbage(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(random.Random(name).randbytes(20_000))
    with pytest.raises((NotASpreadsheet, FileCorrupt)) as info:
        import_ledger(path)
    assert_clear(info.value, path)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(FileUnreadable) as info:
        import_ledger(tmp_path / "nowhere.xlsx")
    assert "不存在" in info.value.message_zh
    with pytest.raises(FileUnreadable):
        import_ledger(tmp_path)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(fmt=st.sampled_from(["xlsx", "xls", "csv", "ods"]), data=st.data())
def test_damaged_files_never_escape_as_other_exceptions(tmp_path, originals, fmt, data):
    original = originals[fmt]
    damaged = bytearray(original)
    how = data.draw(st.sampled_from(["truncate", "flip", "splice"]))
    # drawn independently of the file's size (which differs between runs) and folded into it
    at = data.draw(st.integers(min_value=0, max_value=1 << 20)) % len(damaged)
    if how == "truncate":
        del damaged[at:]
    elif how == "flip":
        for offset in range(data.draw(st.integers(min_value=1, max_value=64))):
            if at + offset < len(damaged):
                damaged[at + offset] ^= 0xFF
    else:
        junk = data.draw(st.binary(min_size=1, max_size=256))
        damaged[at:at] = junk
    path = tmp_path / f"damaged.{fmt}"
    path.write_bytes(bytes(damaged))
    try:
        result = import_ledger(path)
    except LedgerError as error:
        assert error.message_zh and error.message_en
    else:
        assert isinstance(result, ImportResult)
        assert len(result.entries) + len(result.problems) >= 0


def test_damaged_stream_reads_as_a_typed_error(tmp_path):
    """A workbook whose sheet data was altered inside the zip (bad CRC or deflate data)."""
    original = good_file(tmp_path, "xlsx")
    with zipfile.ZipFile(original) as zf:
        infos = zf.infolist()
        parts = {i.filename: zf.read(i.filename) for i in infos}
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in parts.items():
            zf.writestr(name, content)
    data = bytearray(raw.getvalue())
    sheet_at = data.index(b"xl/worksheets/sheet1.xml") + 40
    for i in range(sheet_at, sheet_at + 50):
        data[i] ^= 0x5A
    path = tmp_path / "crc.xlsx"
    path.write_bytes(bytes(data))
    with pytest.raises(LedgerError):
        import_ledger(path)


def test_an_xls_cell_record_far_outside_the_sheet_is_refused_before_loading(tmp_path):
    """One damaged cell record (row and column near 65,535) would make calamine allocate
    ~137 GB and abort the process; the container check sizes the sheet from its cells too."""
    path = good_file(tmp_path, "xls")
    data = bytearray(path.read_bytes())
    cell = data.find(b"\xfd\x00\x0a\x00")  # a LABELSST record: row, column, format, string
    assert cell > 0
    data[cell + 4 : cell + 8] = b"\xfe\xff\xfe\xff"
    path.write_bytes(bytes(data))
    with pytest.raises(SheetTooLarge) as info:
        import_ledger(path)
    assert_clear(info.value, path)


def test_a_zip_entry_name_that_is_not_utf8_is_a_damaged_file(tmp_path):
    path = tmp_path / "ledger.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("数据.xml", "<x/>")  # a non-ASCII name: stored with the UTF-8 flag
    path.write_bytes(path.read_bytes().replace("数".encode(), b"\x9b\x95\xb0"))
    with pytest.raises(FileCorrupt) as info:
        import_ledger(path)
    assert_clear(info.value, path)
