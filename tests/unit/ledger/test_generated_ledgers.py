"""Generated ledgers with injected discrepancies: the reconciliation reports exactly those."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ipaudit.ledger.reconcile import reconcile
from tests.unit.ledger.reconcile_gen import INJECTABLE, RATES, found, generate, to_entries

injections = st.lists(st.sampled_from(INJECTABLE), unique=True, max_size=len(INJECTABLE))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), inject=injections, vouchers=st.booleans())
@example(seed=0, inject=[], vouchers=True)
@example(seed=1, inject=list(INJECTABLE), vouchers=False)
def test_entries_report_exactly_the_injected_discrepancies(seed, inject, vouchers):
    g = generate(random.Random(seed), inject, vouchers=vouchers)
    rewards, payments, expenses, totals, portfolio = to_entries(g)
    r = reconcile(rewards, payments, expenses, totals=totals, rates=RATES, portfolio=portfolio)
    assert found(r.discrepancies) == g.expected
    assert r.summary.discrepancy_count == sum(g.expected.values())
    if not g.expected:
        assert r.summary.match_rate == 1.0
