"""Large ledger tables order and filter their rows in a worker: the same rows in the same order as
at once, the selection kept, an order asked for again replacing the one on its way."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from ipaudit.ledger.model import Entry, LedgerKind, SourceRef
from ipaudit.services.ledgers import load_book
from ipaudit.ui.ledger import filtering
from ipaudit.ui.ledger.entries_model import EntriesModel
from ipaudit.ui.ledger.linked_tables import LEDGERS, LinkedTables
from ipaudit.ui.ledger.reconciliation_view import ReconciliationView
from ipaudit.ui.ledger.rows_proxy import RowsProxy, order_rows
from ipaudit.ui.row_selection import select_row

R, P = LedgerKind.REWARDS, LedgerKind.PAYMENTS


@given(
    keys=st.lists(st.integers(0, 5) | st.none(), max_size=60),
    wanted=st.none() | st.frozensets(st.integers(0, 70)),
    descending=st.booleans(),
    slice_rows=st.integers(1, 8),
)
def test_sliced_order_is_the_stable_sort(keys, wanted, descending, slice_rows):
    values = [(k is None, k or 0) for k in keys]  # None sorts last, as an empty cell does
    rows, proxy_of = order_rows(len(values), wanted, lambda: values, descending, slice_rows)
    shown = [r for r in range(len(values)) if wanted is None or r in wanted]
    assert rows == sorted(shown, key=values.__getitem__, reverse=descending)
    assert [proxy_of[r] for r in rows] == list(range(len(rows)))
    assert sum(1 for p in proxy_of if p >= 0) == len(rows)
    assert order_rows(len(values), wanted, None, descending, slice_rows)[0] == shown


def _payments(count: int) -> list[Entry]:
    rng = random.Random(12)
    people = ["王强", "李娜", "陈晓东", "赵敏", "刘洋", "黄海"]
    return [
        Entry(
            LedgerKind.PAYMENTS,
            SourceRef("奖金发放登记表.xlsx", "发放", n + 3),
            dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(365)),
            rng.choice(people),
            "研发部",
            f"ZL20241{n:07d}.X",
            Decimal(rng.choice((300, 500, 800, 1000))).quantize(Decimal("0.01")),
            voucher=f"记-{n % 97:04d}",
        )
        for n in range(count)
    ]


@pytest.fixture
def large(qtbot):
    """A payment register of 20,000 rows in a table whose proxy orders every source in a worker."""
    model = EntriesModel(P)
    model.set_rows(_payments(20_000))
    proxy = RowsProxy()
    proxy.background_rows = 0
    proxy.setSourceModel(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.show()
    return model, proxy, view


def test_a_large_table_is_sorted_in_a_worker_and_keeps_its_selection(qtbot, large):
    model, proxy, view = large
    amount = model.column("amount")
    assert select_row(view, proxy.index(5, 0))
    chosen = model.entry(proxy.mapToSource(view.currentIndex()).row())
    before = proxy.shown_rows()

    with qtbot.waitSignal(proxy.settled, timeout=20_000):
        proxy.sort(amount, Qt.SortOrder.DescendingOrder)
        assert proxy.busy()
        assert proxy.shown_rows() == before  # the old order stays until the new one is ready
    assert not proxy.busy()
    amounts = [model.entry(r).amount for r in proxy.shown_rows()]
    assert amounts == sorted(amounts, reverse=True)
    # ties keep the source's order, as an immediate sort keeps them
    expected = sorted(
        range(model.rowCount()), key=model.sort_keys(amount).__getitem__, reverse=True
    )
    assert proxy.shown_rows() == expected
    selected = view.selectionModel().selectedRows()
    assert [model.entry(proxy.mapToSource(i).row()) for i in selected] == [chosen]
    assert model.entry(proxy.mapToSource(view.currentIndex()).row()) == chosen


def test_an_order_asked_for_again_replaces_the_one_on_its_way(qtbot, large):
    model, proxy, _view = large
    layouts = []
    proxy.layoutChanged.connect(lambda *_: layouts.append(proxy.sort_column()))
    proxy.sort(model.column("amount"), Qt.SortOrder.AscendingOrder)
    proxy.set_rows(range(0, 20_000, 2))
    proxy.sort(model.column("person"), Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: not proxy.busy(), timeout=20_000)
    qtbot.wait(50)  # the orders computed for the earlier requests arrive and are dropped
    assert len(layouts) == 1
    shown = proxy.shown_rows()
    assert shown == sorted(range(0, 20_000, 2), key=lambda r: model.entry(r).person)
    assert proxy.rowCount() == 10_000


def test_linked_tables_filter_in_a_worker(qtbot, session, monkeypatch):
    monkeypatch.setattr(RowsProxy, "background_rows", 0)
    rec = load_book(session.workspace).reconciliation
    assert rec is not None
    tables = LinkedTables()
    qtbot.addWidget(tables)
    tables.show()
    tables.set_reconciliation(rec, ())
    qtbot.waitUntil(lambda: not tables.busy(), timeout=20_000)
    flt = filtering.ViewFilter(kind="", person="吴磊", period=None)
    tables.show_filtered(lambda kind: filtering.entry_rows(rec, kind, flt))
    assert tables.busy()
    qtbot.waitUntil(lambda: not tables.busy(), timeout=20_000)
    for kind in LEDGERS:
        expected = filtering.entry_rows(rec, kind, flt)
        assert set(tables.proxies[kind].shown_rows()) == expected
    assert [tables.models[R].entry(r).person for r in tables.proxies[R].shown_rows()] == ["吴磊"]
    assert "/" in tables.titles[R].text()
    # a filter replaced before its rows arrive is never shown
    everyone = filtering.ViewFilter()
    tables.show_filtered(lambda kind: filtering.entry_rows(rec, kind, flt))
    tables.show_filtered(lambda kind: filtering.entry_rows(rec, kind, everyone))
    qtbot.waitUntil(lambda: not tables.busy(), timeout=20_000)
    qtbot.wait(50)
    assert tables.proxies[R].rowCount() == tables.models[R].rowCount()
    # nor is one computed for the reconciliation shown before
    tables.show_filtered(lambda kind: filtering.entry_rows(rec, kind, flt))
    tables.set_reconciliation(rec, ())
    qtbot.waitUntil(lambda: not tables.busy(), timeout=20_000)
    qtbot.wait(50)
    assert tables.proxies[R].rowCount() == tables.models[R].rowCount()


def test_the_reconciliation_view_filters_large_ledgers_in_a_worker(qtbot, session, monkeypatch):
    monkeypatch.setattr(RowsProxy, "background_rows", 0)
    view = ReconciliationView(session)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        view.show()
    qtbot.waitUntil(lambda: not view.tables.busy(), timeout=20_000)
    view.set_filter(person="吴磊")
    qtbot.waitUntil(lambda: not view.tables.busy(), timeout=20_000)
    model, proxy = view.tables.models[P], view.tables.proxies[P]
    assert [model.entry(r).person for r in proxy.shown_rows()] == ["吴磊"]
    view.reset_filters()
    qtbot.waitUntil(lambda: not view.tables.busy(), timeout=20_000)
    assert proxy.rowCount() == model.rowCount()
