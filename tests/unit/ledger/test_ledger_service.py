"""The ledgers of a real workspace file: reconciling again after a change of rates or window
reuses the loaded entries; a new import loads them again."""

from __future__ import annotations

from pathlib import Path

import pytest

from ipaudit.demo.content import INFO
from ipaudit.demo.ledgers import add_ledgers
from ipaudit.ledger.importer import import_ledger
from ipaudit.ledger.model import DiscrepancyKind, LedgerKind
from ipaudit.ledger.rates import RateTable
from ipaudit.ledger.reconcile import reconcile
from ipaudit.services import Workspace
from ipaudit.services.ledgers import (
    activate_import,
    current_import,
    file_sha256,
    get_rates,
    load_book,
    set_rates,
    store_import,
)

R, P, E = LedgerKind.REWARDS, LedgerKind.PAYMENTS, LedgerKind.EXPENSES


def _workspace(tmp_path: Path) -> Workspace:
    ws = Workspace.create(tmp_path / "w.ipaudit", INFO)
    add_ledgers(ws, tmp_path)
    return ws


def test_a_rates_change_reconciles_the_loaded_entries_again(tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    try:
        before = load_book(ws)
        assert before.reconciliation is not None
        rates = get_rates(ws)
        assert rates is not None
        deviations = [
            d
            for d in before.reconciliation.discrepancies
            if d.kind is DiscrepancyKind.RATE_DEVIATION
        ]
        # halve every rate: every rewarded item is now off the procedure
        halved = {k: v / 2 for k, v in rates.to_dict().items()}
        set_rates(ws, RateTable.from_dict(halved))
        after = load_book(ws)
        assert after is not before
        assert all(after.entries[k] is before.entries[k] for k in (R, P, E))
        assert after.reconciliation is not None
        more = [
            d
            for d in after.reconciliation.discrepancies
            if d.kind is DiscrepancyKind.RATE_DEVIATION
        ]
        assert len(more) > len(deviations)
        # the same result as reconciling the entries from scratch
        fresh = reconcile(
            after.of(R),
            after.of(P),
            after.of(E),
            totals=after.totals,
            rates=after.rates,
            window_days=15,
            period=(INFO.period_start, INFO.period_end),
        )
        assert [d.key for d in fresh.discrepancies] == [
            d.key for d in after.reconciliation.discrepancies
        ]
    finally:
        ws.close()


def test_a_new_import_loads_the_entries_again(tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    try:
        before = load_book(ws)
        # the import stored last, again from the same file within the same second, one row fewer
        path = tmp_path / "知识产权经费使用记录.csv"
        result = import_ledger(path)
        result.entries = result.entries[:-1]
        store_import(ws, result, sha256=file_sha256(path))
        after = load_book(ws)
        assert after.entries[E] is not before.entries[E]
        assert after.entries[E] == before.entries[E][:-1]
        assert after.entries[R] == before.entries[R]
        assert after.reconciliation is not None and before.reconciliation is not None
        assert after.reconciliation.expenses == after.entries[E]
        assert len(after.reconciliation.expenses) == len(before.reconciliation.expenses) - 1
    finally:
        ws.close()


def test_closing_the_workspace_forgets_its_loaded_ledgers(tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    before = load_book(ws)
    ws.close()
    ws = Workspace.open(tmp_path / "w.ipaudit")
    try:
        after = load_book(ws)
        assert after is not before
        assert after.entries[R] is not before.entries[R]
        assert after.entries[R] == before.entries[R]
    finally:
        ws.close()


def test_set_aside_imports_come_back_only_by_their_id(tmp_path: Path) -> None:
    ws = _workspace(tmp_path)
    try:
        old = current_import(ws, E)
        path = tmp_path / "知识产权经费使用记录.csv"
        new = store_import(ws, import_ledger(path), keep_replaced=True)
        assert current_import(ws, E) == new and old is not None and new != old
        activate_import(ws, E, old)
        assert current_import(ws, E) == old
        activate_import(ws, E, None)  # no expense record in use
        assert current_import(ws, E) is None and not load_book(ws).of(E)
        activate_import(ws, E, new)
        assert current_import(ws, E) == new and load_book(ws).of(E)
        with pytest.raises(LookupError):
            activate_import(ws, E, 10_000)  # never set aside
        assert current_import(ws, E) == new  # one transaction: nothing was switched
        activate_import(ws, E, old)
        store_import(ws, import_ledger(path))  # by default the replaced import is deleted
        with pytest.raises(LookupError):
            activate_import(ws, E, old)
    finally:
        ws.close()
