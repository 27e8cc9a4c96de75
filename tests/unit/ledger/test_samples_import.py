"""The three shared sample ledgers import with exactly the values their README implies."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ipaudit.ledger.importer import import_ledger, is_reward_category
from ipaudit.ledger.model import LedgerKind
from ipaudit.ledger.reader import _read_head, _text_format, sniff_format
from tests.shared_samples import EXPENSES, PAYMENTS, REWARDS, needs_shared

pytestmark = needs_shared


def test_reward_record_from_old_excel():
    assert sniff_format(REWARDS) == "xls"
    result = import_ledger(REWARDS)
    assert result.kind is LedgerKind.REWARDS
    assert (result.sheet, result.header_row, result.unit) == ("奖惩记录", 3, Decimal(1))
    assert result.problems == [] and result.totals == []
    assert len(result.entries) == 14
    by_row = {e.source.row: e for e in result.entries}
    assert sorted(by_row) == list(range(4, 18))  # header on row 3, 14 rows below it
    # row 12 of the record (spreadsheet row 15) is the one penalty
    penalties = [e for e in result.entries if e.is_penalty]
    assert [(p.person, p.department, p.amount, p.source.row) for p in penalties] == [
        ("何静", "行政人事部", Decimal("500.00"), 15)
    ]
    assert penalties[0].ip_number == "" and penalties[0].text == "违反保密规定"
    rewards = [e for e in result.entries if not e.is_penalty]
    assert sum(e.amount for e in rewards) == Decimal("30800.00")
    # the padded name, the text dates, the text amount and the full-width trademark number
    assert by_row[5].person == "李娜" and by_row[16].person == "李娜"
    assert by_row[7].date == dt.date(2025, 3, 15) and by_row[8].date == dt.date(2025, 3, 15)
    assert (by_row[11].person, by_row[11].amount) == ("吴磊", Decimal("5000.00"))
    assert (by_row[9].person, by_row[9].ip_number) == ("周杰", "71234567")
    assert by_row[4].source.file == "奖惩记录表.xls" and by_row[4].source.sheet == "奖惩记录"
    assert all(
        isinstance(e.amount, Decimal) and e.amount == e.amount.quantize(Decimal("0.01"))
        for e in result.entries
    )


def test_payment_register_and_its_wrong_total():
    result = import_ledger(PAYMENTS)
    assert result.kind is LedgerKind.PAYMENTS
    assert result.header_row == 2
    assert result.problems == []
    assert len(result.entries) == 13
    assert sum(e.amount for e in result.entries) == Decimal("26600.00")
    assert [e.source.row for e in result.entries] == list(range(3, 16))
    (total,) = result.totals
    assert total.label == "合计" and total.source.row == 16
    assert (total.stated, total.computed, total.difference) == (
        Decimal("27100.00"),
        Decimal("26600.00"),
        Decimal("500.00"),
    )
    assert (total.first_row, total.last_row) == (3, 15)
    assert {e.voucher for e in result.entries} == {
        "记-2025-0131",
        "记-2025-0331",
        "记-2025-0630",
        "记-2025-0930",
        "记-2025-1128",
    }
    sun = next(e for e in result.entries if e.person == "孙丽")
    assert (sun.ip_number, sun.amount, sun.date) == (
        "ZL202420200003.9",
        Decimal("800.00"),
        dt.date(2025, 6, 30),
    )


def test_expense_record_from_gb18030_csv():
    assert _text_format(EXPENSES, _read_head(EXPENSES)).encoding == "gb18030"
    result = import_ledger(EXPENSES)
    assert result.kind is LedgerKind.EXPENSES
    assert (result.sheet, result.header_row) == ("", 1)
    assert result.problems == [] and result.totals == []
    assert len(result.entries) == 12
    agency = result.entries[1]
    assert (agency.category, agency.amount, agency.ip_number) == (
        "代理费",
        Decimal("4500.00"),
        "ZL202410100006.X",
    )
    rewards = [e for e in result.entries if is_reward_category(e.category)]
    assert len(rewards) == 5
    assert sum(e.amount for e in rewards) == Decimal("26800.00")
    sept = next(e for e in rewards if e.voucher == "记-2025-0930")
    assert (sept.amount, sept.date, sept.text) == (
        Decimal("2200.00"),
        dt.date(2025, 9, 30),
        "2025年9月知识产权奖金",
    )
    assert sum(e.amount for e in result.entries) == Decimal("62100.00")
