"""Column views of a ledger: each attribute of all its entries as one list, extracted once.

The reconciliation reads the same attributes in several places (the matcher, the batches, the
rate check, the number check, the summary). ``Columns(entries).amount`` is
``[e.amount for e in entries]`` built with the loop in C the first time it is asked for and
shared afterwards, which on 10⁵-row ledgers is a good part of the whole run time.

Besides the entry's own fields there is ``cents``: each amount as a whole number of cents (an
``int``; a ``Decimal`` of cents in the rare case of an amount finer than a cent), so that
comparing and adding amounts in bulk is integer work. It is exact: two amounts are equal exactly
when their cents are, and ``money(sum(cents))`` is the Decimal sum.

The text columns, the dates and the cents are also kept as polars series (``text_series``,
``date_series``, ``cents_series``) for the bulk steps in ``frames``; the part of a split takes them
from the whole by a mask.

``Columns.prepared(entries)`` builds all of it up front — what a DataFrame holds. A loaded ledger
is kept in that form (``ledger_service`` keeps the stored imports' ledgers until an import
changes), so that reconciling again after a rate or the booking window is edited reads no entry
attribute twice.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from decimal import MAX_EMAX, MAX_PREC, MIN_EMIN, Context, Decimal
from itertools import compress, repeat
from operator import attrgetter, ne, not_
from typing import TYPE_CHECKING, Any

from ipaudit.ledger.model import Entry

if TYPE_CHECKING:
    import polars as pl

EXACT = Context(prec=MAX_PREC, Emax=MAX_EMAX, Emin=MIN_EMIN)  # scaling by 100 never rounds
_GETTERS = {f.name: attrgetter(f.name) for f in fields(Entry)}
_DERIVED = ("cents",)
_PREPARED: tuple[str, ...] = ("date", "person", "department", "ip_number", "amount")
_PREPARED += ("is_penalty", "voucher", "category", "text")
# the text columns also kept as polars series
_TEXT = ("ip_number", "person", "department", "text", "voucher", "category")


class Columns:
    __slots__ = ("_cache", "_mask", "_parent", "_series", "entries")

    def __init__(self, entries: Sequence[Entry]) -> None:
        self.entries: list[Entry] = entries if isinstance(entries, list) else list(entries)
        self._cache: dict[str, list[Any]] = {}  # one list per column, each of its own type
        # (columns, flags): this is the part of those columns where the flag is true; a column
        # the parent has already is taken from it, not read from the entries again
        self._parent: tuple[Columns, bytearray] | None = None
        self._mask: pl.Series | None = None  # the parent's flags as a series, when needed
        self._series: dict[str, pl.Series | None] = {}

    @classmethod
    def prepared(cls, entries: Sequence[Entry]) -> Columns:
        """Columns with every field the reconciliation reads, and ``cents``, built now: as
        lists, and the text columns, the dates and the cents also as polars series."""
        c = cls(entries)
        for name in (*_PREPARED, *_DERIVED):
            getattr(c, name)
        for name in _TEXT:
            c.text_series(name)
        c.cents_series()
        c.date_series()
        return c

    def __getattr__(self, name: str) -> list[Any]:
        column = self._cache.get(name)
        if column is not None:
            return column
        getter = _GETTERS.get(name)
        parent = self._parent
        if parent is not None and name in parent[0]._cache:
            column = list(compress(parent[0]._cache[name], parent[1]))
        elif getter is not None:
            column = list(map(getter, self.entries))
        elif name == "cents":
            column = cents_of(self.amount)
        else:
            raise AttributeError(name)
        self._cache[name] = column
        return column

    def text_series(self, name: str) -> pl.Series:
        """A text column (IP number, person, voucher …) as a polars series, built once."""
        import polars as pl

        series = self._kept(name, lambda: pl.Series(name, getattr(self, name), dtype=pl.String))
        assert series is not None
        return series

    def date_series(self) -> pl.Series:
        """``date`` as a polars ``Date`` series (missing dates null), built once."""
        import polars as pl

        series = self._kept("date", lambda: pl.Series("date", self.date, dtype=pl.Date))
        assert series is not None
        return series

    def cents_series(self) -> pl.Series | None:
        """``cents`` as an ``Int64`` series, built once; None when an amount is finer than a
        cent or beyond 64 bits (``frames.integer_money`` then finds a unit for all)."""
        import polars as pl

        def build() -> pl.Series | None:
            try:
                return pl.Series("cents", self.cents, dtype=pl.Int64)
            except (TypeError, OverflowError):
                return None

        return self._kept("cents", build)

    def _kept(self, name: str, build: Callable[[], pl.Series | None]) -> pl.Series | None:
        """The series ``name``: kept, else cut from the parent's, else built."""
        import polars as pl

        if name not in self._series:
            series = None
            if self._parent is not None:
                parent, flags = self._parent
                whole = parent._series.get(name)
                if whole is not None:
                    if self._mask is None:
                        self._mask = pl.Series(list(flags), dtype=pl.UInt8).cast(pl.Boolean)
                    series = whole.filter(self._mask)
            self._series[name] = build() if series is None else series
        return self._series[name]

    def __len__(self) -> int:
        return len(self.entries)

    def split(self, flags: list[bool]) -> tuple[Columns, Columns]:
        """(entries where the flag is false, entries where it is true). Their columns are taken
        from these columns when first asked for. (The flags are kept as bytes: a list of 10⁵
        bools kept alive would be walked by every run of the garbage collector.)"""
        yes = Columns(list(compress(self.entries, flags)))
        yes._parent = (self, bytearray(flags))
        inverse = bytearray(map(not_, flags))
        no = Columns(list(compress(self.entries, inverse)))
        no._parent = (self, inverse)
        return no, yes


def columns(entries: Sequence[Entry] | Columns) -> Columns:
    return entries if isinstance(entries, Columns) else Columns(entries)


def split_penalties(rewards: Columns) -> tuple[Columns, Columns]:
    """(reward decisions, penalties) of a reward record; the record itself when it holds no
    penalty."""
    flags = rewards.is_penalty
    return rewards.split(flags) if any(flags) else (rewards, Columns([]))


def cents_of(amounts: Sequence[Decimal]) -> list[int | Decimal]:
    """Each amount × 100: an int when it is a whole number of cents (always, for amounts the
    importer made), else the exact Decimal.

    A ledger holds few distinct amounts: each is scaled once and looked up (the Decimal keeps
    its hash); equal amounts written with another exponent give the same int."""
    distinct = dict.fromkeys(amounts)
    if len(distinct) * 4 < len(amounts):
        table = dict(zip(distinct, _scaled(list(distinct)), strict=True))
        if all(type(c) is int for c in table.values()):
            return list(map(table.__getitem__, amounts))
    return _scaled(amounts)


def _scaled(amounts: Sequence[Decimal]) -> list[int | Decimal]:
    scaled = list(map(EXACT.scaleb, amounts, repeat(2)))
    cents: list[int | Decimal] = list(map(int, scaled))
    for n in compress(range(len(cents)), map(ne, cents, scaled)):
        cents[n] = scaled[n]
    return cents


def money(cents: int | Decimal) -> Decimal:
    """Cents back to yuan, with two decimals: ``money(120050)`` → ``Decimal("1200.50")``."""
    return EXACT.scaleb(Decimal(cents), -2)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while hundreds of thousands of small containers are
    built: none of them forms a cycle, and each collection would walk every entry of the
    ledgers again (otherwise most of the time of a large reconciliation).

    When the pause ends, what was built meanwhile joins the oldest generation as it is (frozen
    and unfrozen at once, which moves lists, not objects): the first young collection would
    otherwise walk every one of those objects only to find them alive (about 0.1 s for the
    three ledgers of 100,000 rows). A cycle among them is still found, by the next full
    collection."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()
            gc.unfreeze()
            gc.enable()
