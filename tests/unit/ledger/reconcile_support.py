"""Entries for reconciliation tests, written the way the importer produces them."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal

from ipaudit.ledger.ipnumber import check_digit
from ipaudit.ledger.model import Entry, LedgerKind, SourceRef
from ipaudit.ledger.rates import RateTable

REWARDS_FILE = "奖惩记录表.xls"
PAYMENTS_FILE = "奖金发放登记表.xlsx"
EXPENSES_FILE = "知识产权经费使用记录.csv"
PORTFOLIO_FILE = "知识产权台账.xlsx"

SAMPLE_RATES = RateTable.from_dict(
    {
        "invention": 5000,
        "utility_model": 1000,
        "design": 500,
        "software_copyright": 500,
        "trademark": 300,
    }
)


def money(value: int | str | Decimal) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


def day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def patent(serial: int, kind: int = 1, year: int = 2024, *, wrong: bool = False) -> str:
    """``ZL{year}{kind}{serial:07d}.{check}``; ``wrong`` gives it a wrong check digit."""
    digits = f"{year}{kind}{serial:07d}"
    check = check_digit(digits)
    if wrong:
        check = "0123456789X"[("0123456789X".index(check) + 1) % 11]
    return f"ZL{digits}.{check}"


def reward(
    row: int,
    person: str,
    ip: str,
    amount: int | str,
    date: str,
    *,
    penalty: bool = False,
    text: str = "",
    department: str = "研发部",
    file: str = REWARDS_FILE,
) -> Entry:
    return Entry(
        LedgerKind.REWARDS,
        SourceRef(file, "奖惩记录", row),
        day(date),
        person,
        department,
        ip,
        money(amount),
        penalty,
        text=text,
    )


def payment(
    row: int,
    person: str,
    ip: str,
    amount: int | str,
    date: str,
    voucher: str = "",
    *,
    department: str = "研发部",
    penalty: bool = False,
    file: str = PAYMENTS_FILE,
) -> Entry:
    return Entry(
        LedgerKind.PAYMENTS,
        SourceRef(file, "奖金发放", row),
        day(date),
        person,
        department,
        ip,
        money(amount),
        penalty,
        voucher=voucher,
    )


def expense(
    row: int,
    amount: int | str,
    date: str,
    voucher: str = "",
    category: str = "奖励费",
    *,
    ip: str = "",
    text: str = "知识产权奖金",
    file: str = EXPENSES_FILE,
) -> Entry:
    return Entry(
        LedgerKind.EXPENSES,
        SourceRef(file, "", row),
        day(date),
        ip_number=ip,
        amount=money(amount),
        voucher=voucher,
        category=category,
        text=text,
    )


def holding(row: int, number: str, kind: str = "invention") -> Entry:
    return Entry(
        LedgerKind.PORTFOLIO,
        SourceRef(PORTFOLIO_FILE, "台账", row),
        ip_number=number,
        category=kind,
    )


def kinds(discrepancies) -> Counter[str]:
    return Counter(d.kind.value for d in discrepancies)


def booked(payments: list[Entry], first_row: int = 2) -> list[Entry]:
    """One 奖励费 line per payment batch (voucher, else date), booked the day it is paid."""
    batches: dict[object, list[Entry]] = {}
    for p in payments:
        batches.setdefault(p.voucher or p.date, []).append(p)
    lines = []
    for n, members in enumerate(batches.values()):
        total = sum((p.amount for p in members), Decimal("0.00"))
        lines.append(expense(first_row + n, total, members[0].date.isoformat(), members[0].voucher))
    return lines
