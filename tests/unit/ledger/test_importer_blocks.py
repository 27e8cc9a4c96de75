"""The importer converts rows in blocks, column by column; rows it cannot settle that way go
through the row path in their place. These sheets put such rows at the edges of blocks and
check that entries, problems, totals and counts are exactly those of the rows."""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal

import pytest

from ipaudit.ledger import importer
from ipaudit.ledger import normalize as nz
from ipaudit.ledger.importer import import_ledger
from ipaudit.ledger.model import LedgerKind
from tests.unit.ledger.sheetgen import write_sheet

D = Decimal
STEP = importer._STEP
DAY = dt.date(2025, 3, 1)
REWARD_HEADER = ["日期", "姓名", "部门", "奖惩类型", "知识产权项目", "事由", "金额"]


def reward(n: int) -> list:
    return [DAY, f"员工{n % 50}", "研发部", "奖励", f"2025SR{n:07d}", "软件著作权登记", 100 + n % 7]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_irregular_rows_at_block_edges(tmp_path, fmt):
    n_rows = 2 * STEP + 300
    rows: list[list] = [REWARD_HEADER] + [reward(n) for n in range(n_rows)]
    first = 2  # the sheet row of rows[1]

    def at(sheet_row: int) -> list:
        return rows[sheet_row - first + 1]

    edge = first + STEP  # the first row of the second block
    at(edge - 1)[6] = "一百块左右"  # unreadable amount, last row of the first block
    at(edge)[1] = None  # no name, first row of the second block
    at(edge + 1)[1] = "李  娜"  # spaces to normalise, in a block otherwise plain
    at(edge + 2)[3] = "处罚"  # a penalty written as a negative amount
    at(edge + 2)[6] = -250
    at(edge + 3)[6] = -30  # a reward with a negative amount: a problem
    at(edge + 4)[:] = [None] * 7  # a blank row
    at(edge + 5)[4] = "ZL 2024 1 0100001.7"  # an IP number to normalise
    at(edge + 6)[2] = "研发　部"  # an ideographic space
    second = first + 2 * STEP
    at(second)[:] = ["小计", None, None, None, None, None, 1234]  # first row of the third block
    at(second + 1)[5] = "  发明专利  授权 "
    rows.append(["合计", None, None, None, None, None, 99])
    path = write_sheet(tmp_path / f"奖惩.{fmt}", rows)

    result = import_ledger(path)
    assert result.kind is LedgerKind.REWARDS
    problems = sorted((p.source.row, p.column) for p in result.problems)
    assert problems == [(edge - 1, "金额"), (edge, "姓名"), (edge + 3, "金额")]
    by_row = {e.source.row: e for e in result.entries}
    skipped = {edge - 1, edge, edge + 3, edge + 4, second}
    data_rows = set(range(first, first + n_rows)) - skipped
    assert set(by_row) == data_rows
    assert [e.source.row for e in result.entries] == sorted(data_rows)  # sheet order
    assert by_row[edge + 1].person == "李娜"
    assert (by_row[edge + 2].amount, by_row[edge + 2].is_penalty) == (D("250.00"), True)
    assert by_row[edge + 5].ip_number == "ZL202410100001.7"
    assert by_row[edge + 6].department == "研发部"  # no space between Chinese characters
    assert by_row[second + 1].text == "发明专利 授权"
    plain = by_row[first + 7]
    assert (plain.date, plain.person, plain.department) == (DAY, "员工7", "研发部")
    assert (plain.ip_number, plain.amount, plain.is_penalty) == (
        "2025SR0000007",
        D("100.00"),
        False,
    )
    assert plain.text == "软件著作权登记" and plain.kind is LedgerKind.REWARDS

    subtotal, total = result.totals
    before_subtotal = [e for e in result.entries if e.source.row < second]
    assert subtotal.stated == D("1234.00") and subtotal.source.row == second
    # the penalty was written as -250: a total adds the amounts as written
    assert subtotal.computed == sum((e.amount for e in before_subtotal), D(0)) - D("500.00")
    assert total.stated == D("99.00") and total.source.row == first + n_rows
    counts = result.counts
    assert (counts.entries, counts.problem_rows, counts.total_rows) == (len(data_rows), 3, 2)
    assert counts.blank == 1 and counts.skipped == 0
    assert counts.sheet_rows == first + n_rows
    assert (
        counts.above_data + counts.blank + counts.entries + counts.problem_rows + counts.total_rows
        == counts.sheet_rows
    )


def test_short_csv_rows_and_repeated_values_across_blocks(tmp_path):
    header = ["日期", "凭证号", "费用类别", "摘要", "金额"]
    rows: list[list] = [header]
    for n in range(STEP + 50):
        rows.append([f"2025/01/{1 + n % 28:02d}", f"记-{n}", "代理费", "代理", "4,500.00"])
    rows[STEP][4] = ""  # an empty amount, the row path says it is missing
    rows[STEP + 1] = rows[STEP + 1][:2]  # a short row: no category, text or amount
    rows[STEP + 2][1] = "记 - ７"  # a voucher to normalise (spaces, a full-width digit)
    path = write_sheet(tmp_path / "经费.csv", rows, encoding="gb18030")

    result = import_ledger(path)
    assert result.kind is LedgerKind.EXPENSES
    assert sorted((p.source.row, p.column) for p in result.problems) == [
        (STEP + 1, "金额"),
        (STEP + 2, "金额"),
    ]
    by_row = {e.source.row: e for e in result.entries}
    assert len(by_row) == STEP + 48
    assert by_row[STEP + 3].voucher == "记-7"
    assert by_row[STEP + 3].date == dt.date(2025, 1, 1 + (STEP + 1) % 28)
    assert all(e.amount == D("4500.00") and e.category == "代理费" for e in result.entries)


@pytest.mark.parametrize(
    ("pattern", "normalise"),
    [
        (importer._PLAIN_NAMES, nz.normalize_name),
        (importer._PLAIN_CODES, nz.normalize_code),
        (importer._PLAIN_TEXTS, nz.normalize_text),
    ],
)
def test_characters_taken_as_they_are_are_kept_by_the_normalisers(pattern, normalise):
    """A block is taken without normalising when every character is one the normaliser keeps
    (checked here for each such character, alone and between two ideographs)."""
    allowed = [
        chr(c) for c in range(0x10000) if chr(c) not in ("\x00", " ") and pattern.fullmatch(chr(c))
    ]
    assert len(allowed) > 27_000
    for ch in allowed:
        assert unicodedata.is_normalized("NFKC", ch)
        assert normalise(ch) == ch, hex(ord(ch))
        assert normalise(f"王{ch}强") == f"王{ch}强", hex(ord(ch))
