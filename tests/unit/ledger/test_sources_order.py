"""``import_sources`` reads text files while the spreadsheets' sheets load in workers; what it
returns, and which error it raises, is as if the files had been read one after the other."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ipaudit.ledger.errors import SheetDataTooLarge, UnclosedQuote
from ipaudit.ledger.model import LedgerKind
from ipaudit.ledger.sources import import_sources
from tests.unit.ledger.bombs import write_bomb
from tests.unit.ledger.sheetgen import write_sheet

DAY = dt.date(2025, 3, 1)


def _rewards(path: Path) -> Path:
    rows = [["日期", "姓名", "部门", "奖惩类型", "知识产权项目", "金额"]]
    rows += [[DAY, f"员工{n}", "研发部", "奖励", f"2025SR{n:07d}", 1000] for n in range(30)]
    return write_sheet(path, rows)


def _payments(path: Path) -> Path:
    rows = [["发放日期", "姓名", "部门", "项目", "金额", "凭证号"]]
    rows += [[DAY, f"员工{n}", "研发部", f"2025SR{n:07d}", 1000, "记-1"] for n in range(30)]
    return write_sheet(path, rows)


def _expenses(path: Path, *, open_quote: bool = False) -> Path:
    lines = ["日期,凭证号,费用类别,摘要,金额"]
    lines += [f"2025/03/{1 + n % 28:02d},记-{n},奖励费,奖金,1000.00" for n in range(30)]
    if open_quote:
        lines[3] = '2025/03/03,记-3,奖励费,"奖金,1000.00'
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def test_results_and_progress_in_file_order_whatever_is_read_first(tmp_path):
    files = [
        _rewards(tmp_path / "r.xlsx"),
        _expenses(tmp_path / "e.csv"),
        _payments(tmp_path / "p.xlsx"),
    ]
    calls: list[tuple[int, int | None]] = []
    found = import_sources(files, progress=lambda done, total: calls.append((done, total)))
    assert [(r.file, r.kind) for r in found.results] == [
        ("r.xlsx", LedgerKind.REWARDS),
        ("e.csv", LedgerKind.EXPENSES),
        ("p.xlsx", LedgerKind.PAYMENTS),
    ]
    assert all(len(r.entries) == 30 and not r.problems for r in found.results)
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_the_first_failing_file_in_order_names_the_error(tmp_path):
    bomb = write_bomb(tmp_path / "bomb.xlsx", 2 << 30)  # refused as its sheet loads
    bad_csv = _expenses(tmp_path / "e.csv", open_quote=True)
    # the csv is read first, while the workbook's sheet loads: its error must not win
    with pytest.raises(SheetDataTooLarge):
        import_sources([bomb, bad_csv])
    with pytest.raises(UnclosedQuote):
        import_sources([bad_csv, bomb])
    with pytest.raises(UnclosedQuote):
        import_sources([_rewards(tmp_path / "r.xlsx"), bad_csv, bomb])


def test_a_later_spreadsheet_loaded_first_keeps_the_file_order(tmp_path):
    # the first workbook's sheet takes longer to load than the second's: the second is
    # converted first, the results still come in the order of the files
    big = [["日期", "姓名", "部门", "奖惩类型", "知识产权项目", "金额"]]
    big += [[DAY, f"员工{n}", "研发部", "奖励", f"2025SR{n:07d}", 1000] for n in range(20_000)]
    files = [write_sheet(tmp_path / "r.xlsx", big), _payments(tmp_path / "p.xlsx")]
    found = import_sources(files)
    assert [(r.file, r.kind, len(r.entries)) for r in found.results] == [
        ("r.xlsx", LedgerKind.REWARDS, 20_000),
        ("p.xlsx", LedgerKind.PAYMENTS, 30),
    ]
    with pytest.raises(SheetDataTooLarge):  # the bomb is refused, whichever loads first
        import_sources([files[1], write_bomb(tmp_path / "bomb.xlsx", 2 << 30), files[0]])
