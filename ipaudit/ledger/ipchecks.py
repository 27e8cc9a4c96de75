"""Checks of the IP items themselves: patent check digits, and rewards for IP not in the portfolio."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from itertools import compress

from ipaudit.ledger import discrepancies as dsc
from ipaudit.ledger.columns import Columns, columns
from ipaudit.ledger.ipkeys import IpKeys, invalid_patent_numbers
from ipaudit.ledger.ipnumber import check_digit, patent_parts
from ipaudit.ledger.model import Discrepancy, DiscrepancyKind, Entry
from ipaudit.text import Text

K = DiscrepancyKind
ZERO = Decimal("0.00")


def _right_number(number: str) -> str:
    """The patent number with the check digit it should have."""
    parts = patent_parts(number)
    assert parts is not None  # only patent numbers have a check digit to be wrong
    return number[:-1] + check_digit(parts[0])


def check_ip_numbers(ledgers: Iterable[Sequence[Entry] | Columns]) -> list[Discrepancy]:
    """INVALID_IP_NUMBER: one finding per wrong patent number, listing every row that carries it."""
    import polars as pl

    cols = [columns(entries) for entries in ledgers]
    distinct = pl.concat([c.text_series("ip_number") for c in cols]).unique()
    bad = invalid_patent_numbers(distinct.filter(distinct != ""))
    rows: dict[str, list[Entry]] = {}
    if bad:
        for c in cols:
            for n in compress(range(len(c)), map(bad.__contains__, c.ip_number)):
                e = c.entries[n]
                rows.setdefault(e.ip_number, []).append(e)
    found: list[Discrepancy] = []
    for number, entries in rows.items():
        right = _right_number(number)
        found.append(
            dsc.build(
                K.INVALID_IP_NUMBER,
                entries=entries,
                expected=None,
                actual=None,
                difference=ZERO,  # no money at stake: the number is wrong, not the amount
                date=entries[0].date,
                what=Text(
                    f"专利号 {number} 的校验位有误（按前 12 位应为 {right}），请核对专利证书",
                    f"Patent number {number} has a wrong check digit (the digits give {right}); "
                    "check it against the certificate",
                ),
            )
        )
    return found


def check_portfolio(
    rewards: Iterable[Entry], portfolio: Iterable[Entry], keys: IpKeys
) -> list[Discrepancy]:
    """IP_NOT_IN_PORTFOLIO: rewards naming an IP number the portfolio does not hold.

    Numbers compare without prefix, dot and check digit (see ``ipkeys``); a reward without an IP
    number cannot be checked and is left alone; penalties are not checked.
    """
    held = {keys(p.ip_number) for p in portfolio if p.ip_number}
    missing: dict[str, list[Entry]] = {}
    for r in rewards:
        if r.is_penalty or not r.ip_number:
            continue
        if keys(r.ip_number) not in held:
            missing.setdefault(r.ip_number, []).append(r)
    found: list[Discrepancy] = []
    for number, entries in missing.items():
        m = dsc.money
        total = sum((e.amount for e in entries), ZERO)
        names = dsc.person_names(entries)
        found.append(
            dsc.build(
                K.IP_NOT_IN_PORTFOLIO,
                entries=entries,
                expected=None,
                actual=total,
                difference=total,
                date=entries[0].date,
                what=Text(
                    f"{names.zh} 因 {number} 获奖励 {m(total)} 元，但知识产权台账中没有 {number}",
                    f"{names.en} received a reward of {m(total)} for {number}, which is not "
                    "in the portfolio",
                ),
            )
        )
    return found
