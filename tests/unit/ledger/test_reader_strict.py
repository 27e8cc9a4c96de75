"""Strict and bounded reading: open quotes, encodings, sheet XML that unpacks to too much."""

from __future__ import annotations

import contextlib
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipaudit.ledger import xlsxscan
from ipaudit.ledger.errors import (
    FileCorrupt,
    NotASpreadsheet,
    SheetDataTooLarge,
    UnclosedQuote,
)
from ipaudit.ledger.importer import import_ledger
from ipaudit.ledger.model import LedgerKind
from ipaudit.ledger.reader import read_rows
from tests.unit.ledger.bombs import write_bomb, write_rows_without_r

HEADER = ["日期", "姓名", "部门", "金额"]
ROWS = [
    ["2025-01-05", "王强", "研发部", "1,200.00"],
    ["2025-02-05", "李娜", "市场部", "800.00"],
    ["2025-03-05", "周杰", "研发部", "500.00"],
    ["2025-04-05", "赵敏", "生产部", "300.00"],
]


def _csv(rows: list[list[str]]) -> str:
    return "".join(",".join(row) + "\r\n" for row in rows)


def test_an_open_quote_is_a_located_error_not_a_cell_swallowing_rows(tmp_path: Path) -> None:
    bad = [HEADER, ROWS[0], ["2025-02-05", '"李娜', "市场部", "800.00"], *ROWS[2:]]
    path = tmp_path / "发放.csv"
    path.write_text(_csv(bad), encoding="utf-8")
    with pytest.raises(UnclosedQuote) as caught:
        list(read_rows(path))
    err = caught.value
    assert (err.row, err.column) == (3, "B")
    assert "发放.csv" in err.message_zh and "引号" in err.message_zh
    assert "never closed" in err.message_en and "2 lines after it" in err.message_en
    with pytest.raises(UnclosedQuote):
        import_ledger(path, LedgerKind.PAYMENTS)


def test_a_cell_written_over_two_lines_is_still_one_cell(tmp_path: Path) -> None:
    path = tmp_path / "奖惩.csv"
    text = _csv([[*HEADER, "备注"], [*ROWS[0][:3], '"1,200.00"', '"第一行\r\n第二行"'], ROWS[1]])
    path.write_text(text, encoding="utf-8")
    rows = list(read_rows(path))
    assert rows[1][4] == "第一行\r\n第二行" and rows[2][1] == "李娜"


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    at=st.integers(min_value=1, max_value=len(ROWS)),
    col=st.integers(min_value=0, max_value=3),
    after=st.integers(min_value=2, max_value=30),
)
def test_an_open_quote_anywhere_never_swallows_rows(
    tmp_path: Path, at: int, col: int, after: int
) -> None:
    rows = [HEADER, *(ROWS * 8)[: at + after]]
    rows[at] = list(rows[at])
    rows[at][col] = '"' + rows[at][col].replace(",", "")
    path = tmp_path / "q.csv"
    path.write_text(_csv(rows), encoding="utf-8")
    with pytest.raises(UnclosedQuote) as caught:
        list(read_rows(path))
    assert caught.value.row == at + 1


def test_big5_is_read_as_big5(tmp_path: Path) -> None:
    path = tmp_path / "獎金發放.csv"
    rows = [
        ["日期", "姓名", "部門", "金額", "事由"],
        ["2025/3/5", "王強", "研發部", "1200", "發明專利授權獎勵"],
    ]
    path.write_bytes(_csv(rows).encode("big5"))
    assert [list(r) for r in read_rows(path)] == rows


def test_gbk_stays_gbk(tmp_path: Path) -> None:
    path = tmp_path / "发放.csv"
    rows = [HEADER, ["2025/3/5", "欧阳娜娜", "研发部", "1200"]]
    path.write_bytes(_csv(rows).encode("gbk"))
    assert [list(r) for r in read_rows(path)] == rows


@pytest.mark.parametrize(
    ("encoding", "text", "named"),
    [
        ("shift_jis", "日付,氏名,金額\r\n2025/3/5,やまだ たろう,100\r\n", "Shift-JIS"),
        ("cp1252", "Date,Name,Amount\r\n2025-03-05,Zoë Müller,100\r\n", "Windows-1252"),
    ],
)
def test_another_encoding_is_named(tmp_path: Path, encoding: str, text: str, named: str) -> None:
    path = tmp_path / "ledger.csv"
    path.write_bytes(text.encode(encoding))
    with pytest.raises(NotASpreadsheet) as caught:
        list(read_rows(path))
    assert named in caught.value.message_en and named in caught.value.message_zh
    assert "UTF-8" in caught.value.message_en


def test_a_sheet_that_unpacks_to_2_gb_is_refused_before_it_is_unpacked(tmp_path: Path) -> None:
    path = write_bomb(tmp_path / "bomb.xlsx", 2 << 30)
    assert path.stat().st_size < 20 << 20
    with pytest.raises(SheetDataTooLarge) as caught:
        list(read_rows(path))
    assert caught.value.size > xlsxscan.MAX_XML_BYTES
    assert "sheet1.xml" in caught.value.message_en


def test_a_sheet_that_claims_less_than_it_unpacks_to_is_refused(tmp_path: Path) -> None:
    path = write_bomb(tmp_path / "liar.xlsx", 2 << 30, claimed=10_000)
    with pytest.raises(FileCorrupt):
        list(read_rows(path))


@pytest.mark.parametrize("claimed", [None, 4096])
def test_shared_strings_that_unpack_to_2_gb_are_refused_before_calamine(
    tmp_path: Path, claimed: int | None
) -> None:
    path = write_bomb(tmp_path / "s.xlsx", 2 << 30, claimed=claimed, part="xl/sharedStrings.xml")
    with pytest.raises((SheetDataTooLarge, FileCorrupt)) as caught:
        list(read_rows(path))
    if claimed is None:
        assert isinstance(caught.value, SheetDataTooLarge)
        assert "sharedStrings.xml" in caught.value.message_en


def test_rows_without_r_attributes_are_counted(tmp_path: Path) -> None:
    path = write_rows_without_r(tmp_path / "no-r.xlsx", 3000)
    with zipfile.ZipFile(path) as zf:
        scan = xlsxscan.scan_sheet(zf, "xl/worksheets/sheet1.xml", file=str(path), sheet="Sheet1")
    assert scan.max_row == 3000
    assert len(list(read_rows(path))) == 3000


def _chars(encoding: str, leads: range, trails: range) -> list[str]:
    out = []
    for lead in leads:
        for trail in trails:
            with contextlib.suppress(UnicodeDecodeError):
                out.append(bytes((lead, trail)).decode(encoding))
    return out


GB2312_HANZI = _chars("gb2312", range(0xB0, 0xF8), range(0xA1, 0xFF))
BIG5_COMMON = _chars("big5", range(0xA4, 0xC6), range(0xA1, 0xFF))


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), encoding=st.sampled_from(["gbk", "big5"]))
def test_chinese_text_is_read_in_its_own_encoding(tmp_path: Path, data, encoding: str) -> None:
    alphabet = GB2312_HANZI if encoding == "gbk" else BIG5_COMMON
    word = st.text(alphabet=alphabet, min_size=2, max_size=6)
    # what a ledger row says besides the names: the reason of a reward
    reason = "发明专利授权奖励" if encoding == "gbk" else "發明專利授權獎勵"
    rows = [
        ["日期", "姓名", "金额", "事由"] if encoding == "gbk" else ["日期", "姓名", "金額", "事由"]
    ]
    rows += data.draw(
        st.lists(
            st.tuples(st.just("2025/3/5"), word, st.just("100"), st.just(reason)).map(list),
            min_size=8,
            max_size=20,
        )
    )
    path = tmp_path / "ledger.csv"
    path.write_bytes(_csv(rows).encode(encoding))
    assert [list(r) for r in read_rows(path)] == rows
