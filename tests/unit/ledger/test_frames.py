"""The bulk steps on polars frames keep amounts exact: cents, finer than a cent, beyond 64 bits."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import polars as pl

from ipaudit.ledger.columns import cents_of
from ipaudit.ledger.frames import integer_money, unique_pairs
from ipaudit.ledger.model import DiscrepancyKind
from ipaudit.ledger.rates import RateTable
from ipaudit.ledger.reconcile import reconcile
from ipaudit.ledger.totals import Dimension
from tests.unit.ledger.reconcile_support import patent, payment, reward

K = DiscrepancyKind


def test_whole_cents_are_int64_cents() -> None:
    money = integer_money([100, -250], [0])
    assert money.places == 0
    assert [s.dtype for s in money.series] == [pl.Int64, pl.Int64]
    assert money.series[0].to_list() == [100, -250]


def test_an_amount_finer_than_a_cent_sets_a_finer_unit_for_all() -> None:
    money = integer_money(cents_of([Decimal("1.00"), Decimal("0.005")]), [250])
    assert money.places == 1
    assert money.series[0].to_list() == [1000, 5]
    assert money.series[1].to_list() == [2500]
    assert money.unit(Decimal("0.5")) == 5


def test_a_rate_finer_than_a_cent_is_held_exactly() -> None:
    money = integer_money([100], extra=[Decimal("33.5")])
    assert money.places == 1 and money.series[0].to_list() == [1000]


def test_amounts_beyond_64_bits_are_int128() -> None:
    money = integer_money([2**70, 1])
    assert money.series[0].dtype == pl.Int128
    assert money.series[0].sum() == 2**70 + 1


def test_unique_pairs_pair_only_keys_found_once_on_each_side() -> None:
    def side(ips: list[str], persons: list[str], cents: list[int]) -> tuple[pl.Series, ...]:
        return (pl.Series(ips), pl.Series(persons), pl.Series(cents, dtype=pl.Int64))

    left = side(["A", "A", "B", "", "C"], ["王", "王", "李", "赵", "周"], [100, 100, 50, 10, 70])
    right = side(["A", "B", "", "C", "C"], ["王", "李", "赵", "周", "周"], [100, 50, 10, 70, 70])
    pairs = unique_pairs(left, right, unmatched=-1)
    # A: two rewards; blank IP: never; C: two payments; only B pairs
    assert pairs.to_right == [-1, -1, 1, -1, -1]
    assert pairs.to_left == [-1, 2, -1, -1, -1]
    assert pairs.open_left == [0, 1, 3, 4] and pairs.open_right == [0, 2, 3, 4]
    # without payment 1 (B) and 3 (one of C's two), B has nothing and C pairs
    pairs = unique_pairs(left, right, skip_right=[1, 3], unmatched=-1)
    assert pairs.to_right == [-1, -1, -1, -1, 4]
    assert pairs.open_right == [0, 2]  # skipped rows are not open


def test_reconciling_amounts_finer_than_a_cent() -> None:
    a, b = patent(1), patent(2)
    rewards = [reward(2, "王强", a, 0, "2025-03-01"), reward(3, "李娜", b, 0, "2025-03-01")]
    rewards = [
        dataclasses.replace(rewards[0], amount=Decimal("100.005")),
        dataclasses.replace(rewards[1], amount=Decimal("100.005")),
    ]
    payments = [payment(2, "王强", a, 0, "2025-03-10"), payment(3, "李娜", b, 0, "2025-03-10")]
    payments = [
        dataclasses.replace(payments[0], amount=Decimal("100.005")),
        dataclasses.replace(payments[1], amount=Decimal("100.00")),
    ]
    rates = RateTable.from_dict({"invention": "100.01"})
    rec = reconcile(rewards, payments, [], rates=rates)
    kinds = sorted(d.kind for d in rec.discrepancies)
    assert kinds.count(K.UNDERPAID) == 1 and K.UNPAID_REWARD not in kinds
    under = next(d for d in rec.discrepancies if d.kind is K.UNDERPAID)
    assert under.persons == ("李娜",) and under.difference == Decimal("-0.005")
    deviations = [d for d in rec.discrepancies if d.kind is K.RATE_DEVIATION]
    assert len(deviations) == 2
    assert {d.actual - d.expected for d in deviations} == {Decimal("-0.005")}
    by_person = {row.key: row for row in rec.totals_table(Dimension.PERSON).rows}
    assert by_person["王强"].rewards == by_person["王强"].payments == Decimal("100.005")
    assert by_person["李娜"].paid_minus_decided == Decimal("-0.005")
