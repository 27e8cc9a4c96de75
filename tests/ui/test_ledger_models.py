"""Every model of the ledger views passes Qt's model tester, filled with real data and empty."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt

from ipaudit.ledger.cells import CellIssue
from ipaudit.ledger.model import LedgerKind, Problem, SourceRef
from ipaudit.ledger.rates import RateTable
from ipaudit.ledger.totals import Dimension
from ipaudit.services.ledgers import load_book
from ipaudit.ui.ledger import discrepancies_model as dm
from ipaudit.ui.ledger import entries_model as em
from ipaudit.ui.ledger import rates_model as rm
from ipaudit.ui.ledger.discrepancies_model import DiscrepanciesModel
from ipaudit.ui.ledger.entries_model import EntriesModel
from ipaudit.ui.ledger.filtering import periods
from ipaudit.ui.ledger.preview_model import ABOVE_HEADER, PreviewModel
from ipaudit.ui.ledger.problems_model import ProblemsModel
from ipaudit.ui.ledger.rows_proxy import RowsProxy
from ipaudit.ui.ledger.text_table_model import TextTableModel
from ipaudit.ui.ledger.totals_model import TotalsModel


def test_preview_model(qtmodeltester):
    model = PreviewModel()
    qtmodeltester.check(model)
    rows = [
        ("奖金发放登记表",),
        ("日期", "姓名", "金额"),
        (dt.date(2026, 1, 5), "王强", 5000.0),
        (dt.datetime(2026, 1, 6), "李娜", CellIssue("formula", "=SUM(C3:C4)")),
    ]
    model.set_rows(rows)
    model.set_layout(2, {"date": 0, "person": 1, "amount": 2})
    qtmodeltester.check(model)
    assert model.columnCount() == 3 and model.rowCount() == 4
    assert model.index(2, 0).data() == "2026-01-05"
    assert model.index(2, 2).data() == "5000"
    assert model.index(3, 2).data() == "=SUM(C3:C4)"
    assert model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole).color() == ABOVE_HEADER
    assert model.index(1, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert "→" in model.headerData(2, Qt.Orientation.Horizontal)
    assert model.headerData(3, Qt.Orientation.Vertical) == "4"
    assert model.header_texts() == ["日期", "姓名", "金额"]


def test_problems_model(qtmodeltester):
    model = ProblemsModel()
    qtmodeltester.check(model)
    model.set_rows(
        [Problem(SourceRef("a.xlsx", "奖惩", 7), "金额", "abc", "不是金额", "not an amount")]
    )
    qtmodeltester.check(model)
    assert [model.index(0, c).data() for c in range(5)] == ["奖惩", "7", "金额", "abc", "不是金额"]


def test_entries_discrepancies_and_filter_models(qtmodeltester, session):
    rec = load_book(session.workspace).reconciliation
    assert rec is not None
    accepted = {rec.discrepancies[0].key}
    for kind, entries in (
        (LedgerKind.REWARDS, rec.rewards),
        (LedgerKind.PAYMENTS, rec.payments),
        (LedgerKind.EXPENSES, rec.expenses),
    ):
        model = EntriesModel(kind)
        qtmodeltester.check(model)
        model.set_rows(entries, rec.findings_for, accepted)
        model.set_highlight({0, 2})
        qtmodeltester.check(model)
        proxy = RowsProxy()
        qtmodeltester.check(proxy)
        proxy.setSourceModel(model)
        qtmodeltester.check(proxy)
        proxy.sort(model.column("amount"), Qt.SortOrder.DescendingOrder)
        proxy.set_rows({0, 1, 2})
        qtmodeltester.check(proxy)
        assert proxy.rowCount() == 3
        amounts = [model.entry(r).amount for r in proxy.shown_rows()]
        assert amounts == sorted(amounts, reverse=True)
        proxy.set_rows(None)
        assert proxy.rowCount() == len(entries)
    discrepancies = DiscrepanciesModel()
    qtmodeltester.check(discrepancies)
    discrepancies.set_rows(rec.discrepancies, {rec.discrepancies[0].key: "已说明"})
    qtmodeltester.check(discrepancies)
    proxy = RowsProxy()
    proxy.setSourceModel(discrepancies)
    proxy.sort(dm.DIFFERENCE, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(proxy)
    differences = [discrepancies.discrepancy(r).difference for r in proxy.shown_rows()]
    assert differences == sorted(differences)
    assert [proxy.index(r, dm.DIFFERENCE).data(dm.SortRole) for r in range(proxy.rowCount())] == [
        discrepancies.sort_key(r, dm.DIFFERENCE) for r in proxy.shown_rows()
    ]


def test_totals_and_text_table_models(qtmodeltester, session):
    rec = load_book(session.workspace).reconciliation
    assert rec is not None
    totals = TotalsModel()
    qtmodeltester.check(totals)
    for dim in Dimension:
        totals.set_table(rec.totals[dim])
        qtmodeltester.check(totals)
    text = TextTableModel(bold_last=True)
    qtmodeltester.check(text)
    text.set_table(rec.summary.table("zh"))
    qtmodeltester.check(text)
    assert text.index(text.rowCount() - 1, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert text.index(0, 4).data(Qt.ItemDataRole.TextAlignmentRole) is not None


def test_rates_model_edits(qtmodeltester):
    model = rm.RatesModel()
    qtmodeltester.check(model)
    assert model.rowCount() == 5 and model.rate_table() is None
    model.set_rate_table(RateTable.from_dict({"invention": 5000, "发明专利申请": 1000}))
    qtmodeltester.check(model)
    assert model.rowCount() == 6
    assert model.index(0, rm.KEY).data() == "发明专利"
    assert not model.flags(model.index(0, rm.KEY)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(5, rm.KEY)) & Qt.ItemFlag.ItemIsEditable
    assert model.setData(model.index(1, rm.AMOUNT), "１,０００元")  # full-width, with 元
    assert not model.setData(model.index(1, rm.AMOUNT), "-5")
    row = model.add_category("外观设计申请")
    assert model.setData(model.index(row, rm.AMOUNT), "200")
    assert not model.setData(model.index(row, rm.KEY), "发明专利申请")  # taken
    qtmodeltester.check(model)
    assert model.rate_table().to_dict() == {
        "invention": Decimal("5000.00"),
        "utility_model": Decimal("1000.00"),
        "发明专利申请": Decimal("1000.00"),
        "外观设计申请": Decimal("200.00"),
    }
    assert not model.remove_category(0)  # the types stay
    assert model.remove_category(row)
    assert model.setData(model.index(0, rm.AMOUNT), "")  # no rate: not checked
    assert "invention" not in model.rate_table().to_dict()


def test_periods_list_years_quarters_and_months_present():
    from ipaudit.ledger.model import Entry

    entries = [
        Entry(LedgerKind.PAYMENTS, SourceRef("f", "", n), date=d)
        for n, d in enumerate([dt.date(2025, 12, 31), dt.date(2026, 2, 28), None])
    ]
    found = dict(periods(entries))
    assert list(found) == ["2025", "2025-Q4", "2025-12", "2026", "2026-Q1", "2026-02"]
    assert found["2026-02"] == (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    assert found["2025-Q4"] == (dt.date(2025, 10, 1), dt.date(2025, 12, 31))


def test_rows_proxy_filters_sorts_and_keeps_the_selection(qtbot, session):
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QTableView

    rec = load_book(session.workspace).reconciliation
    model = EntriesModel(LedgerKind.PAYMENTS)
    model.set_rows(rec.payments, rec.findings_for)
    proxy = RowsProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    amount = model.column("amount")
    wu = next(r for r in range(model.rowCount()) if model.entry(r).person == "吴磊")
    view.selectionModel().select(
        proxy.mapFromSource(model.index(wu, 0)),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    proxy.sort(amount, Qt.SortOrder.DescendingOrder)
    amounts = [model.entry(r).amount for r in proxy.shown_rows()]
    assert amounts == sorted(amounts, reverse=True)
    selected = view.selectionModel().selectedRows()
    assert [proxy.mapToSource(i).row() for i in selected] == [wu]  # moved with its row
    # filtered: the order stays, hidden rows map to nothing
    proxy.set_rows({wu, 0, 1})
    assert sorted(proxy.shown_rows()) == sorted({wu, 0, 1})
    hidden = next(r for r in range(model.rowCount()) if r not in {wu, 0, 1})
    assert not proxy.mapFromSource(model.index(hidden, 0)).isValid()
    # data changes pass through without re-sorting
    with qtbot.waitSignal(proxy.dataChanged, timeout=1000):
        model.set_highlight({wu})
    assert proxy.mapFromSource(model.index(wu, 0)).data(em.HighlightRole) is True
    # a reset of the source keeps the filter and the order
    model.set_rows(rec.payments[:3], rec.findings_for)
    assert proxy.rowCount() == len({0, 1, wu} & {0, 1, 2})


def test_sort_keys_in_one_pass_equal_the_keys_row_by_row(session):
    rec = load_book(session.workspace).reconciliation
    for kind, entries in (
        (LedgerKind.REWARDS, rec.rewards),
        (LedgerKind.PAYMENTS, rec.payments),
        (LedgerKind.EXPENSES, rec.expenses),
    ):
        model = EntriesModel(kind)
        model.set_rows(entries, rec.findings_for)
        for column in range(model.columnCount()):
            assert model.sort_keys(column) == [
                model.sort_key(r, column) for r in range(model.rowCount())
            ]
    discrepancies = DiscrepanciesModel()
    discrepancies.set_rows(rec.discrepancies, {})
    for column in range(discrepancies.columnCount()):
        assert discrepancies.sort_keys(column) == [
            discrepancies.sort_key(r, column) for r in range(discrepancies.rowCount())
        ]
