"""Totals of the three ledgers side by side, and the check of stated 合计/小计 rows.

A totals table sums, per key of one dimension, the rewards decided (penalties apart), the payments
and the reward-category expense lines. Time dimensions (the audit period, year, quarter, month)
have all three columns; person, department and IP item have no expense column, because the expense
record books batches, not people (``expenses`` is ``None`` there). Entries without a date are
summed under the key ``""`` of the time tables, so every table adds up to the same grand total.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from ipaudit.ledger import discrepancies as dsc
from ipaudit.ledger.columns import Columns, collector_paused, columns, money, split_penalties
from ipaudit.ledger.frames import integer_money
from ipaudit.ledger.model import Discrepancy, DiscrepancyKind, Entry, LedgerKind, StatedTotal
from ipaudit.text import Text

ZERO = Decimal("0.00")


class Dimension(StrEnum):
    PERIOD = "period"
    YEAR = "year"
    QUARTER = "quarter"
    MONTH = "month"
    PERSON = "person"
    DEPARTMENT = "department"
    IP = "ip"

    @property
    def is_time(self) -> bool:
        return self in (Dimension.PERIOD, Dimension.YEAR, Dimension.QUARTER, Dimension.MONTH)

    def text(self, lang: str) -> str:
        zh, en = _DIMENSION_TEXT[self]
        return en if lang.startswith("en") else zh


_DIMENSION_TEXT = {
    Dimension.PERIOD: ("审核期", "audit period"),
    Dimension.YEAR: ("年度", "year"),
    Dimension.QUARTER: ("季度", "quarter"),
    Dimension.MONTH: ("月份", "month"),
    Dimension.PERSON: ("人员", "person"),
    Dimension.DEPARTMENT: ("部门", "department"),
    Dimension.IP: ("知识产权项目", "IP item"),
}


@dataclass(frozen=True, slots=True)
class TotalsRow:
    key: str  # "2025", "2025-Q3", "2025-09", a name, a department, an IP number; "" = unknown
    rewards: Decimal  # rewards decided, penalties excluded
    penalties: Decimal
    payments: Decimal
    expenses: Decimal | None  # reward expense lines; None where the dimension does not apply
    reward_count: int = 0
    payment_count: int = 0
    expense_count: int = 0

    @property
    def paid_minus_decided(self) -> Decimal:
        return self.payments - self.rewards

    @property
    def booked_minus_paid(self) -> Decimal | None:
        return None if self.expenses is None else self.expenses - self.payments

    @property
    def agrees(self) -> bool:
        return self.paid_minus_decided == 0 and not self.booked_minus_paid


@dataclass(frozen=True, slots=True)
class TotalsTable:
    dimension: Dimension
    rows: tuple[TotalsRow, ...]
    total: TotalsRow

    def headers(self, lang: str) -> list[str]:
        en = lang.startswith("en")
        names = (
            ["decided", "penalties", "paid", "paid − decided", "booked", "booked − paid"]
            if en
            else ["奖励决定", "处罚", "已发放", "发放−决定", "经费奖励", "经费−发放"]
        )
        return [self.dimension.text(lang), *names]

    def as_rows(self, lang: str) -> list[list[str]]:
        """Text cells for display or export; the last row is the grand total."""
        total_label = "Total" if lang.startswith("en") else "合计"
        if self.dimension.is_time:
            unknown = "no date" if lang.startswith("en") else "日期不明"
        else:
            unknown = "(blank)" if lang.startswith("en") else "（空）"
        out = []
        for row in (*self.rows, self.total):
            label = total_label if row is self.total else (row.key or unknown)
            booked = "" if row.expenses is None else dsc.money(row.expenses)
            diff = row.booked_minus_paid
            out.append(
                [
                    label,
                    dsc.money(row.rewards),
                    dsc.money(row.penalties),
                    dsc.money(row.payments),
                    dsc.signed(row.paid_minus_decided),
                    booked,
                    "" if diff is None else dsc.signed(diff),
                ]
            )
        return out


# -- computation ----------------------------------------------------------------------------
_Sums = dict[object, tuple[int | Decimal, int]]  # key -> (cents, count)


def _sum_by(keys: list[object], cents: list[int | Decimal]) -> _Sums:
    counts = Counter(keys)
    sums: dict[object, int | Decimal] = dict.fromkeys(counts, 0)
    for k, a in zip(keys, cents, strict=True):
        sums[k] += a
    return {k: (a, counts[k]) for k, a in sums.items()}


def _sum_by_text(c: Columns, attr: str) -> _Sums:
    """``_sum_by`` for a text column, grouped by polars (``frames``)."""
    import polars as pl

    money = integer_money(c)
    frame = pl.DataFrame({"k": c.text_series(attr), "a": money.series[0]})
    sums = frame.group_by("k").agg(pl.col("a").sum(), pl.len())
    to_cents = money.cents
    return {k: (to_cents(a), n) for k, a, n in sums.iter_rows()}


def _time_key(dim: Dimension, date: dt.date | None, period_label: str) -> str:
    if date is None:
        return ""
    if dim is Dimension.YEAR:
        return f"{date.year}"
    if dim is Dimension.QUARTER:
        return f"{date.year}-Q{(date.month - 1) // 3 + 1}"
    if dim is Dimension.MONTH:
        return f"{date.year}-{date.month:02d}"
    return period_label


def _fold(sums: _Sums, fn: Callable[[object], str]) -> _Sums:
    out: _Sums = {}
    for k, (a, n) in sums.items():
        key = fn(k)
        s = out.get(key)
        out[key] = (a, n) if s is None else (s[0] + a, s[1] + n)
    return out


class TotalsBuilder:
    """Builds the totals tables one dimension at a time, on request, and keeps them.

    ``rewards`` may include penalties (kept in their own column); ``reward_expenses`` are the
    reward-category expense lines only. With ``period`` (first day, last day) dated entries
    outside it are left out; undated ones stay.
    """

    def __init__(
        self,
        rewards: Sequence[Entry] | Columns,
        payments: Sequence[Entry] | Columns,
        reward_expenses: Sequence[Entry] | Columns,
        *,
        period: tuple[dt.date, dt.date] | None = None,
        penalties: Sequence[Entry] | Columns | None = None,
    ) -> None:
        """``penalties``: given apart, then ``rewards`` holds the decisions only."""
        rc, pc, ec = columns(rewards), columns(payments), columns(reward_expenses)
        if penalties is None:
            rc, pen = split_penalties(rc)
        else:
            pen = columns(penalties)
        if period is not None:
            rc, pen, pc, ec = (_within(c, period) for c in (rc, pen, pc, ec))
        self._ledgers = {
            "rewards": rc,
            "penalties": pen,
            "payments": pc,
            "expenses": ec,
        }
        if period is not None:
            self.label = f"{period[0].isoformat()}–{period[1].isoformat()}"
        else:
            dated = [dates for c in (rc, pen, pc, ec) if (dates := _dated(c))]
            if dated:
                first, last = min(map(min, dated)), max(map(max, dated))
                self.label = f"{first.isoformat()}–{last.isoformat()}"
            else:
                self.label = ""
        self._by_date: dict[str, _Sums] | None = None
        self._tables: dict[Dimension, TotalsTable] = {}

    def table(self, dim: Dimension) -> TotalsTable:
        found = self._tables.get(dim)
        if found is None:
            with collector_paused():
                found = self._tables[dim] = self._build(dim)
        return found

    def tables(
        self, dimensions: Iterable[Dimension] = tuple(Dimension)
    ) -> dict[Dimension, TotalsTable]:
        return {dim: self.table(dim) for dim in dimensions}

    def _build(self, dim: Dimension) -> TotalsTable:
        if dim.is_time:
            if self._by_date is None:
                self._by_date = {
                    name: _sum_by(c.date, c.cents) for name, c in self._ledgers.items()
                }
            label = self.label

            def key_of(d: object) -> str:
                return _time_key(dim, d if isinstance(d, dt.date) else None, label)

            sums = {name: _fold(s, key_of) for name, s in self._by_date.items()}
        else:
            attr = {Dimension.PERSON: "person", Dimension.DEPARTMENT: "department"}.get(
                dim, "ip_number"
            )
            sums = {
                name: _sum_by_text(c, attr)
                for name, c in self._ledgers.items()
                if name != "expenses"
            }
        return _table(dim, sums)


def _dated(c: Columns) -> list[dt.date]:
    dates = c.date
    return [d for d in dates if d is not None] if None in dates else dates


def _within(c: Columns, period: tuple[dt.date, dt.date]) -> Columns:
    lo, hi = period
    keep = [d is None or lo <= d <= hi for d in c.date]
    return c.split(keep)[1] if not all(keep) else c


def build_totals(
    rewards: Sequence[Entry] | Columns,
    payments: Sequence[Entry] | Columns,
    reward_expenses: Sequence[Entry] | Columns,
    *,
    period: tuple[dt.date, dt.date] | None = None,
    dimensions: Iterable[Dimension] = tuple(Dimension),
) -> dict[Dimension, TotalsTable]:
    """Totals tables for ``dimensions`` (see :class:`TotalsBuilder`)."""
    return TotalsBuilder(rewards, payments, reward_expenses, period=period).tables(dimensions)


def _table(dim: Dimension, sums: Mapping[str, _Sums]) -> TotalsTable:
    has_expenses = "expenses" in sums
    keys: set[object] = set()
    for s in sums.values():
        keys.update(s)
    none = (0, 0)
    rewards, penalties, payments, expenses = (
        sums.get(name, {}) for name in ("rewards", "penalties", "payments", "expenses")
    )
    amounts: dict[int | Decimal, Decimal] = {}  # cents -> yuan; tables repeat a few amounts

    def yuan(cents: int | Decimal) -> Decimal:
        found = amounts.get(cents)
        if found is None:
            found = amounts[cents] = money(cents)
        return found

    def row(key: object) -> TotalsRow:
        r, rn = rewards.get(key, none)
        p, pn = payments.get(key, none)
        e, en = expenses.get(key, none)
        return TotalsRow(
            key=str(key),
            rewards=yuan(r),
            penalties=yuan(penalties.get(key, none)[0]),
            payments=yuan(p),
            expenses=yuan(e) if has_expenses else None,
            reward_count=rn,
            payment_count=pn,
            expense_count=en,
        )

    # unknown ("") last, the rest in natural order
    rows = tuple(row(k) for k in sorted(keys, key=lambda k: (k == "", str(k))))

    def total(ledger: _Sums) -> Decimal:
        return money(sum(s[0] for s in ledger.values()))

    grand = TotalsRow(
        key="",
        rewards=total(rewards),
        penalties=total(penalties),
        payments=total(payments),
        expenses=total(expenses) if has_expenses else None,
        reward_count=sum(s[1] for s in rewards.values()),
        payment_count=sum(s[1] for s in payments.values()),
        expense_count=sum(s[1] for s in expenses.values()),
    )
    return TotalsTable(dim, rows, grand)


# -- stated totals --------------------------------------------------------------------------
def check_stated_totals(
    totals: Iterable[StatedTotal],
    ledger_of_sheet: Mapping[tuple[str, str], LedgerKind] | None = None,
) -> list[Discrepancy]:
    """TOTAL_MISMATCH for every 合计/小计 row whose stated amount differs from its rows' sum.

    ``ledger_of_sheet`` names the ledger of each (file, sheet), for the message and the key.
    """
    ledger_of_sheet = ledger_of_sheet or {}
    found: list[Discrepancy] = []
    m = dsc.money
    for t in totals:
        diff = t.difference
        if diff == 0:
            continue
        ledger = ledger_of_sheet.get((t.source.file, t.source.sheet))
        name = dsc.LEDGER_TEXT[ledger] if ledger else Text(*(dsc.file_name(t.source.file),) * 2)
        name_zh, name_en = name.zh, name.en
        found.append(
            dsc.build(
                DiscrepancyKind.TOTAL_MISMATCH,
                extra_rows=[(ledger.value if ledger else dsc.file_name(t.source.file), t.source)],
                persons=(),
                ip_items=(),
                expected=t.computed,
                actual=t.stated,
                difference=diff,
                what=Text(
                    f"{name_zh}“{t.label}”行写 {m(t.stated)} 元，第{t.first_row}–{t.last_row}行"
                    f"之和为 {m(t.computed)} 元，相差 {dsc.signed(diff)} 元",
                    f"{name_en}: the '{t.label}' row states {m(t.stated)}, rows "
                    f"{t.first_row}–{t.last_row} add up to {m(t.computed)}, difference "
                    f"{dsc.signed(diff)}",
                ),
            )
        )
    return found
