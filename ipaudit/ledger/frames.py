"""The bulk steps of a reconciliation as polars frames: pairing by key, sums per group.

On 10⁵-row ledgers, hashing every key of both ledgers in Python is most of a reconciliation's
time; polars does the same joins and group sums in compiled code. The careful per-group passes
(``matching``) stay in Python: they see the few rows these steps leave.

Amounts go in as integers (``integer_money``): cents (``columns.cents``), or — when some amount is
finer than a cent — a fraction of a cent small enough for all of them, so that every comparison
and sum stays exact.

polars is imported on first use, so that starting the app does not wait for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import chain
from typing import TYPE_CHECKING

from ipaudit.ledger.columns import EXACT, Columns

if TYPE_CHECKING:
    import polars as pl


@dataclass(frozen=True, slots=True)
class Money:
    """Amounts of one or more ledgers as integer series in one unit: ``10**-places`` cents."""

    series: list[pl.Series]
    places: int = 0

    def unit(self, cents: int | Decimal) -> int:
        """An amount in cents (``columns.cents``) in this unit, exactly."""
        return int(EXACT.scaleb(Decimal(cents), self.places)) if self.places else int(cents)

    def cents(self, units: int) -> int | Decimal:
        """Back from this unit to cents, exactly (a sum, say)."""
        return EXACT.scaleb(Decimal(units), -self.places) if self.places else units


def integer_money(
    *ledgers: Columns | Sequence[int | Decimal], extra: Iterable[int | Decimal] = ()
) -> Money:
    """Each ledger's cents (given as ``Columns`` or as a list of cents) as an integer series, all
    in one unit that also holds ``extra`` amounts (rates, say) exactly: cents, or a fraction of
    a cent when some amount is finer."""
    import polars as pl

    extra = list(extra)
    if all(type(x) is int for x in extra):
        fast = [_int64_cents(c) for c in ledgers]
        if all(s is not None for s in fast):
            return Money(fast)  # type: ignore[arg-type]
    cents = [c.cents if isinstance(c, Columns) else c for c in ledgers]
    places = max(
        (
            -int(x.as_tuple().exponent)
            for x in chain(*cents, extra)
            if isinstance(x, Decimal) and int(x.as_tuple().exponent) < 0
        ),
        default=0,
    )
    money = Money([], places)
    scaled = [list(map(money.unit, c)) for c in cents]
    try:
        money.series.extend(pl.Series(c, dtype=pl.Int64) for c in scaled)
    except (TypeError, OverflowError):
        money.series.clear()
        money.series.extend(pl.Series(c, dtype=pl.Int128) for c in scaled)
    return money


def _int64_cents(ledger: Columns | Sequence[int | Decimal]) -> pl.Series | None:
    import polars as pl

    if isinstance(ledger, Columns):
        return ledger.cents_series()
    try:
        return pl.Series(ledger, dtype=pl.Int64)
    except (TypeError, OverflowError):
        return None


@dataclass(frozen=True, slots=True)
class Pairs:
    """For each left row the index of its right row, for each right row the index of its left
    row (``unmatched`` where there is none), and the rows of each side left unpaired."""

    to_right: list[int]
    to_left: list[int]
    open_left: list[int]
    open_right: list[int]


def unique_matches(
    left: Sequence[pl.Series], right: Sequence[pl.Series]
) -> tuple[list[int], list[int]]:
    """Rows of ``left`` and ``right`` (each given as the same key columns) whose key is found
    exactly once on each side: (positions in left, positions in right), pair by pair."""
    pairs = _once_joined(_frame(left), _frame(right), [f"k{n}" for n in range(len(left))])
    return pairs["n"].to_list(), pairs["n_right"].to_list()


def found_in(left: Sequence[pl.Series], right: Sequence[pl.Series]) -> list[int]:
    """Positions of the ``left`` rows whose key (the same key columns) is among ``right``'s."""
    keys = [f"k{n}" for n in range(len(left))]
    return _frame(left).join(_frame(right), on=keys, how="semi")["n"].to_list()


def unique_pairs(
    left: tuple[pl.Series, pl.Series, pl.Series],
    right: tuple[pl.Series, pl.Series, pl.Series],
    *,
    skip_right: Sequence[int] = (),
    unmatched: int = -1,
) -> Pairs:
    """Pair the rows of ``left`` and ``right`` — each given as (IP number, person, cents) —
    whose key is found exactly once on each side. Rows with no IP number and the ``skip_right``
    rows take no part (and are not open)."""
    import polars as pl

    a, b = _frame(left), _frame(right)
    skip = pl.Series(skip_right, dtype=pl.UInt32)
    if skip_right:
        b = b.filter(~pl.col("n").is_in(skip))
    numbered = pl.col("k0") != ""
    pairs = _once_joined(a.filter(numbered), b.filter(numbered), ["k0", "k1", "k2"])
    ai, bi = pairs["n"], pairs["n_right"]
    to_right = pl.Series([unmatched] * len(left[0]), dtype=pl.Int64).scatter(ai, bi)
    to_left = pl.Series([unmatched] * len(right[0]), dtype=pl.Int64).scatter(bi, ai)
    open_right = (to_left == unmatched).arg_true()
    if skip_right:
        open_right = open_right.filter(~open_right.is_in(skip))
    return Pairs(
        to_right.to_list(),
        to_left.to_list(),
        (to_right == unmatched).arg_true().to_list(),
        open_right.to_list(),
    )


def _frame(columns: Sequence[pl.Series]) -> pl.DataFrame:
    """Key columns ``k0``, ``k1`` … and the row number ``n``."""
    import polars as pl

    return pl.DataFrame({f"k{n}": c for n, c in enumerate(columns)}).with_row_index("n")


def _once_joined(a: pl.DataFrame, b: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    import polars as pl

    once = pl.len().over(keys) == 1
    return a.filter(once).join(b.filter(once), on=keys, how="inner")
