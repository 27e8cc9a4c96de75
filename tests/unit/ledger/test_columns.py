"""Column views of a ledger: amounts as exact cents, prepared columns, and the lazy split."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from ipaudit.ledger.columns import Columns, cents_of, money
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
