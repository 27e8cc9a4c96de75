"""Payment register ↔ expense record: payment batches and the reward expense lines that book them.

Finance pays rewards in batches and books each batch as one (or a few) reward-category lines of the
expense record. A batch is the payments sharing a voucher number (凭证号); payments without one are
batched by payment date. Expense lines of a reward category (``is_reward_category``) are linked to
batches:

1. by voucher number: every reward line carrying a batch's voucher belongs to that batch;
2. the others by date: a line booked on or after the batch's first payment and at most
   ``window_days`` after its last one (finance often books a few days later) goes to a batch not
   yet booked — first one whose total equals the line, then the nearest one before the line; a
   line finding only batches that are booked already joins the nearest of them (a split booking).

A booked batch whose lines do not add up to its payments is BATCH_MISMATCH (with both sides' rows);
a batch with no line is BATCH_NOT_BOOKED; a reward line with no batch is EXPENSE_WITHOUT_PAYMENTS.
Lines of other categories (申请费, 代理费, 年费 …) play no part.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import compress

from ipaudit.ledger import discrepancies as dsc
from ipaudit.ledger import normalize
from ipaudit.ledger.columns import Columns, columns, money
from ipaudit.ledger.frames import integer_money
from ipaudit.ledger.model import Discrepancy, DiscrepancyKind, Entry
from ipaudit.text import Text

K = DiscrepancyKind
ZERO = Decimal("0.00")


def normalize_voucher(raw: str) -> str:
    """``记 - 2025 - 0930`` → ``记-2025-0930``: the importer's form of a code, in upper case."""
    return normalize.normalize_code(raw).upper()


@dataclass(slots=True)
class Batch:
    """Payments paid together, and the reward expense lines that book them."""

    key: str  # "voucher:记-2025-0930" or "date:2025-09-30"
    voucher: str  # "" for a batch formed by date
    first: dt.date | None
    last: dt.date | None
    payments: list[int]  # indices into the payments given to match_batches
    total: Decimal = ZERO
    lines: list[int] = field(default_factory=list)  # indices into the expenses given
    booked: Decimal = ZERO
    by_voucher: bool = False  # lines linked by voucher number (else by date)

    @property
    def difference(self) -> Decimal:
        """Booked minus paid."""
        return self.booked - self.total

    @property
    def matched(self) -> bool:
        return bool(self.lines) and self.booked == self.total

    def label(self, lang: str) -> str:
        if self.voucher:
            return f"Voucher {self.voucher}" if lang.startswith("en") else f"凭证 {self.voucher}"
        when = dsc.day(self.first)
        return f"Batch paid on {when}" if lang.startswith("en") else f"{when} 发放批次"


@dataclass(slots=True)
class BatchMatching:
    batches: list[Batch]
    batch_of_line: dict[int, int]  # expense index -> batch index (reward lines that found a batch)
    reward_lines: list[int]  # expense indices of reward-category lines
    payment_count: int
    discrepancies: list[Discrepancy] = field(default_factory=list)
    _batch_of_payment: list[int] | None = None

    @property
    def batch_of_payment(self) -> list[int]:
        """Payment index -> batch index (built on first use)."""
        if self._batch_of_payment is None:
            out = [0] * self.payment_count
            for b, batch in enumerate(self.batches):
                for j in batch.payments:
                    out[j] = b
            self._batch_of_payment = out
        return self._batch_of_payment

    @property
    def batches_matched(self) -> int:
        return sum(1 for b in self.batches if b.matched)

    @property
    def lines_matched(self) -> int:
        return sum(len(b.lines) for b in self.batches if b.matched)


def match_batches(
    payments: Sequence[Entry] | Columns,
    expenses: Sequence[Entry] | Columns,
    *,
    window_days: int = 15,
    is_reward_category: Callable[[str], bool] | None = None,
) -> BatchMatching:
    """Group payments into batches and link the reward expense lines to them (module docstring)."""
    # default: the reward_categories words of the shipped synonyms file, as the importer reads them
    predicate = is_reward_category or normalize.is_reward_category
    window = dt.timedelta(days=window_days)

    pc, ec = columns(payments), columns(expenses)
    payments, expenses = pc.entries, ec.entries
    vouchers = pc.text_series("voucher")
    norm = {v: code for v in vouchers.unique().to_list() if v and (code := normalize_voucher(v))}
    batches: list[Batch] = []
    index: dict[str, int] = {}
    for voucher, first, last, members, cents in _batch_rows(pc, norm):
        label = f"voucher:{voucher}" if voucher else f"date:{dsc.day(first)}"
        index[label] = len(batches)
        batches.append(Batch(label, voucher or "", first, last, members, money(cents)))

    categories = ec.category
    rewardish = {c: bool(predicate(c)) for c in set(categories)}
    reward_lines = list(compress(range(len(categories)), map(rewardish.__getitem__, categories)))

    batch_of_line: dict[int, int] = {}
    by_date: list[int] = []
    for i in reward_lines:
        raw = expenses[i].voucher
        v = norm.get(raw)
        if v is None:
            v = normalize_voucher(raw) if raw else ""
        b = index.get(f"voucher:{v}") if v else None
        if b is None:
            by_date.append(i)
        else:
            batch_of_line[i] = b
            batches[b].lines.append(i)
            batches[b].by_voucher = True
    if by_date:
        _link_by_date(by_date, expenses, batches, batch_of_line, window)
    for batch in batches:
        batch.booked = sum((expenses[i].amount for i in batch.lines), ZERO)

    found: list[Discrepancy] = []
    for batch in batches:
        if not batch.lines:
            found.append(_not_booked(batch, payments))
        elif batch.booked != batch.total:
            found.append(_mismatch(batch, payments, expenses))
    for i in reward_lines:
        if i not in batch_of_line:
            found.append(_without_payments(expenses[i]))
    return BatchMatching(batches, batch_of_line, reward_lines, len(payments), found)


def _batch_rows(
    pc: Columns, norm: dict[str, str]
) -> list[tuple[str | None, dt.date | None, dt.date | None, list[int], int | Decimal]]:
    """(voucher or None, first date, last date, payment indices, cents) per batch, in the order
    of each batch's first payment. A batch key is the normalised voucher number, or the payment
    date when there is none."""
    import polars as pl

    money = integer_money(pc)
    voucher = pl.col("voucher").replace_strict(norm, default=None, return_dtype=pl.String)
    frame = pl.DataFrame(
        {"voucher": pc.text_series("voucher"), "date": pc.date_series(), "a": money.series[0]}
    ).with_row_index("n")
    rows = (
        frame.with_columns(voucher=voucher)
        .with_columns(day=pl.when(pl.col("voucher").is_null()).then(pl.col("date")))
        .group_by("voucher", "day", maintain_order=True)
        .agg(
            pl.col("date").min().alias("first"),
            pl.col("date").max().alias("last"),
            pl.col("n"),
            pl.col("a").sum(),
        )
        .select("voucher", "first", "last", "n", "a")
    )
    return [(v, f, la, n, money.cents(a)) for v, f, la, n, a in rows.iter_rows()]


def _span(batch: Batch) -> dt.timedelta:
    """From the batch's first payment date to its last (none when it is undated)."""
    if batch.first is None or batch.last is None:
        return dt.timedelta(0)
    return batch.last - batch.first


def _link_by_date(
    lines: list[int],
    expenses: Sequence[Entry],
    batches: list[Batch],
    batch_of_line: dict[int, int],
    window: dt.timedelta,
) -> None:
    dated = sorted(
        (b for b, batch in enumerate(batches) if not batch.by_voucher and batch.last),
        key=lambda b: batches[b].last or dt.date.min,
    )
    lasts = [batches[b].last or dt.date.min for b in dated]
    lasts_of = dict(zip(dated, lasts, strict=True))
    span = max((_span(batches[b]) for b in dated), default=dt.timedelta(0))

    def candidates(e: Entry) -> list[int]:
        if e.date is None:
            return []
        lo = bisect.bisect_left(lasts, e.date - window)
        hi = bisect.bisect_right(lasts, e.date + span)
        return [b for b in dated[lo:hi] if (batches[b].first or dt.date.min) <= e.date]

    def nearest(e: Entry, cands: list[int]) -> int:
        day = e.date
        assert day is not None
        return min(cands, key=lambda b: (abs((day - lasts_of[b]).days), b))

    def link(i: int, b: int) -> None:
        batch_of_line[i] = b
        batches[b].lines.append(i)

    lines = sorted(lines, key=lambda i: (expenses[i].date or dt.date.min, i))
    for i in lines:  # an unbooked batch of exactly this amount
        e = expenses[i]
        cands = [b for b in candidates(e) if not batches[b].lines and batches[b].total == e.amount]
        if cands:
            link(i, nearest(e, cands))
    for i in lines:  # the nearest unbooked batch, else the nearest booked one
        if i in batch_of_line:
            continue
        e = expenses[i]
        cands = candidates(e)
        free = [b for b in cands if not batches[b].lines]
        if free or cands:
            link(i, nearest(e, free or cands))


def _rows(batch: Batch, payments: Sequence[Entry], expenses: Sequence[Entry]) -> list[Entry]:
    return [expenses[i] for i in batch.lines] + [payments[j] for j in batch.payments]


def _not_booked(batch: Batch, payments: Sequence[Entry]) -> Discrepancy:
    m = dsc.money
    pays = [payments[j] for j in batch.payments]
    n = len(pays)
    return dsc.build(
        K.BATCH_NOT_BOOKED,
        entries=pays,
        expected=batch.total,
        actual=ZERO,
        difference=-batch.total,
        date=batch.last,
        what=Text(
            f"{batch.label('zh')}（{n} 笔，{dsc.day(batch.first)} 发放，合计 {m(batch.total)} "
            "元）在经费使用记录中没有奖励费入账",
            f"{batch.label('en')} ({n} payment{'s' if n != 1 else ''} on "
            f"{dsc.day(batch.first)}, {m(batch.total)} in total) is not booked as reward expense",
        ),
    )


def _mismatch(batch: Batch, payments: Sequence[Entry], expenses: Sequence[Entry]) -> Discrepancy:
    m = dsc.money
    n = len(batch.payments)
    return dsc.build(
        K.BATCH_MISMATCH,
        entries=_rows(batch, payments, expenses),
        expected=batch.total,
        actual=batch.booked,
        difference=batch.difference,
        date=batch.last,
        what=Text(
            f"{batch.label('zh')}：经费入账 {m(batch.booked)} 元，该批发放 {n} 笔共 "
            f"{m(batch.total)} 元，相差 {dsc.signed(batch.difference)} 元",
            f"{batch.label('en')}: expense {m(batch.booked)}, payments {m(batch.total)} "
            f"({n} payment{'s' if n != 1 else ''}), difference {dsc.signed(batch.difference)}",
        ),
    )


def _without_payments(e: Entry) -> Discrepancy:
    m = dsc.money
    v = f"凭证 {e.voucher} " if e.voucher else ""
    v_en = f" (voucher {e.voucher})" if e.voucher else ""
    return dsc.build(
        K.EXPENSE_WITHOUT_PAYMENTS,
        entries=(e,),
        persons=(),
        expected=ZERO,
        actual=e.amount,
        difference=e.amount,
        date=e.date,
        what=Text(
            f"{dsc.day(e.date)} {v}{e.category} {m(e.amount)} 元在奖金发放登记表中没有对应的发放",
            f"{e.category} of {m(e.amount)} booked on {dsc.day(e.date)}{v_en} has no payments "
            "in the payment register",
        ),
    )
