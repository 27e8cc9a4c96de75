"""Column views of a ledger: amounts as exact cents, prepared columns, and the lazy split."""

from __future__ import annotations

import datetime as dt
import gc
import weakref
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from ipaudit.ledger.columns import Columns, cents_of, collector_paused, money
from ipaudit.ledger.model import Entry, LedgerKind, SourceRef

amounts = st.decimals(
    min_value=Decimal("-1e12"), max_value=Decimal("1e12"), allow_nan=False, places=None
).filter(lambda d: d.is_finite())
money_like = st.integers(-(10**14), 10**14).map(lambda n: Decimal(n).scaleb(-2))


@given(st.lists(st.one_of(amounts, money_like), max_size=40))
def test_cents_are_exact(values: list[Decimal]) -> None:
    cents = cents_of(values)
    assert [money(c) for c in cents] == values
    assert money(sum(cents)) == sum(values, Decimal(0))
    for a, ca in zip(values, cents, strict=True):
        for b, cb in zip(values, cents, strict=True):
            assert (a == b) is (ca == cb)
            if a == b:
                assert hash(ca) == hash(cb)


@given(money_like)
def test_whole_cents_are_ints_with_two_decimals_back(value: Decimal) -> None:
    (c,) = cents_of([value])
    assert type(c) is int
    assert money(c).as_tuple().exponent == -2


def test_finer_than_a_cent_stays_exact() -> None:
    assert cents_of([Decimal("0.005"), Decimal("12.5")]) == [Decimal("0.5"), 1250]
    assert money(Decimal("0.5")) == Decimal("0.005")


@given(st.lists(st.one_of(amounts, money_like), min_size=1, max_size=5), st.integers(5, 60))
def test_cents_of_a_few_repeated_amounts_are_those_of_each(values: list[Decimal], n: int) -> None:
    repeated = [values[k % len(values)] for k in range(n * len(values))]
    cents = cents_of(repeated)
    assert cents == [cents_of([v])[0] for v in repeated]
    assert [type(c) for c in cents] == [type(cents_of([v])[0]) for v in repeated]


def test_cents_of_equal_amounts_written_two_ways_are_one_int() -> None:
    amounts = [Decimal("1.5"), Decimal("1.50"), Decimal("600"), Decimal("600.00")] * 10
    assert cents_of(amounts) == [150, 150, 60000, 60000] * 10
    assert {type(c) for c in cents_of(amounts)} == {int}
    finer = [Decimal("0.005"), Decimal("0.0050")] + [Decimal("1")] * 20
    assert cents_of(finer)[:2] == [Decimal("0.5"), Decimal("0.50")]  # each as it was written
    assert cents_of(finer)[1].as_tuple().exponent == -2


def test_a_pause_leaves_no_young_objects_and_still_frees_cycles() -> None:
    class Node:
        def __init__(self) -> None:
            self.me = self

    was_enabled = gc.isenabled()
    gc.enable()
    try:
        with collector_paused():
            assert not gc.isenabled()
            built = [Entry(LedgerKind.REWARDS, SourceRef("r.xlsx", "s", k)) for k in range(5000)]
            cycle = weakref.ref(Node())  # garbage held only by its own cycle
        collections: list[int] = []
        gc.callbacks.append(record := lambda phase, info: collections.append(info["generation"]))
        try:
            kept = [[k] for k in range(100)]  # a few new containers after the pause
        finally:
            gc.callbacks.remove(record)
        assert gc.isenabled()
        assert collections == []  # no young collection walking the 10,000 objects just built
        assert gc.get_freeze_count() == 0  # nothing stays frozen
        assert len(kept) == 100
        assert cycle() is not None
        gc.collect()
        assert cycle() is None
        assert len(built) == 5000
    finally:
        if not was_enabled:
            gc.disable()


def _entries(n: int) -> list[Entry]:
    return [
        Entry(
            LedgerKind.REWARDS,
            SourceRef("r.xlsx", "奖惩", k + 2),
            dt.date(2025, 1, 1) + dt.timedelta(days=k),
            person=f"员工{k % 3}",
            amount=Decimal(100 * k).scaleb(-2),
            is_penalty=k % 4 == 0,
        )
        for k in range(n)
    ]


def test_prepared_columns_hold_every_field_and_the_cents() -> None:
    entries = _entries(9)
    c = Columns.prepared(entries)
    assert c.entries is entries
    assert c.person == [e.person for e in entries]
    assert c.cents == [100 * k for k in range(9)]
    # a tuple of entries is taken as a list of its own
    assert Columns.prepared(tuple(entries)).entries == entries


def test_split_parts_read_the_same_columns_lazily() -> None:
    entries = _entries(12)
    whole = Columns(entries)
    whole.amount  # noqa: B018  (cached on the whole before the split)
    no, yes = whole.split(whole.is_penalty)
    assert yes.entries == [e for e in entries if e.is_penalty]
    assert no.entries == [e for e in entries if not e.is_penalty]
    for part in (no, yes):
        # taken from the whole, read from the entries, derived: all agree with the entries
        assert part.amount == [e.amount for e in part.entries]
        assert part.date == [e.date for e in part.entries]
        assert part.cents == cents_of(part.amount)
    assert "date" not in whole._cache  # the whole was not asked for it
