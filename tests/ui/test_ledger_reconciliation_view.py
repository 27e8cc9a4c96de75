"""The reconciliation view on the demo workspace: discrepancies, linked rows, marks, filters,
acceptance with undo, rates and booking window with undo, totals, export to xlsx."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from ipaudit.export.reconciliation_xlsx import MONEY_FORMAT
from ipaudit.ledger.model import DiscrepancyKind, LedgerKind
from ipaudit.ledger.totals import Dimension
from ipaudit.services.ledgers import get_rates, remove_import, window_days
from ipaudit.ui import i18n
from ipaudit.ui.ledger import discrepancies_model as dm
from ipaudit.ui.ledger import entries_model as em
from ipaudit.ui.ledger import filtering
from ipaudit.ui.ledger import rates_model as rm
from ipaudit.ui.ledger import totals_model as tm
from ipaudit.ui.ledger.import_wizard import LedgerImportWizard
from ipaudit.ui.ledger.reconciliation_view import LEDGERS_TAB, RATES_TAB, ReconciliationView

K = DiscrepancyKind
R, P, E = LedgerKind.REWARDS, LedgerKind.PAYMENTS, LedgerKind.EXPENSES


@pytest.fixture
def view(qtbot, session) -> ReconciliationView:
    v = ReconciliationView(session)
    qtbot.addWidget(v)
    v.resize(1400, 860)
    with qtbot.waitSignal(v.loaded, timeout=20_000):
        v.show()
    return v


def _row(v: ReconciliationView, kind: LedgerKind, **match: object) -> int:
    model = v.tables.models[kind]
    for r in range(model.rowCount()):
        e = model.entry(r)
        if all(getattr(e, k) == value for k, value in match.items()):
            return r
    raise AssertionError(f"no {kind} row with {match}")


def _shown(v: ReconciliationView, kind: LedgerKind) -> list:
    model = v.tables.models[kind]
    return [model.entry(r) for r in v.tables.proxies[kind].shown_rows()]


def _shown_discrepancies(v: ReconciliationView) -> list:
    panel = v.discrepancies
    return [panel.model.discrepancy(r) for r in panel.proxy.shown_rows()]


def _finding(session, key: str):
    return next(f for f in session.assessment.findings if f.key == key)


def test_the_demo_shows_its_two_discrepancies_and_the_summary(view):
    rec = view.rec
    assert rec is not None
    kinds = [view.discrepancies.model.discrepancy(r).kind for r in range(2)]
    assert view.discrepancies.model.rowCount() == 2
    assert sorted(kinds) == sorted([K.UNPAID_REWARD, K.BATCH_MISMATCH])
    unpaid = next(d for d in rec.discrepancies if d.kind is K.UNPAID_REWARD)
    assert unpaid.persons == ("黄海",) and unpaid.difference == Decimal("-5000.00")
    # the summary table as the seed's report reads it: records, agreeing, match rate
    table = view.summary_model.table()
    assert table == rec.summary.table("zh")
    assert table[-1][-1] == "85.71%"
    assert view.kinds_model.rowCount() == 2
    assert "85.71%" in view.summary_text.text()
    # the three ledgers in full, and the status names the files
    assert [view.tables.models[k].rowCount() for k in (R, P, E)] == [10, 8, 17]
    assert "知识产权奖惩记录表.xlsx" in view.status.text()
    assert view.export_button.isEnabled()


def test_rows_with_a_discrepancy_are_marked(view):
    rewards = view.tables.models[R]
    huang = _row(view, R, person="黄海")
    wang = _row(view, R, person="王强")
    assert rewards.index(huang, 0).data(em.MarkRole) == em.OPEN
    assert rewards.index(huang, 0).data(Qt.ItemDataRole.DecorationRole) is not None
    assert "黄海" in rewards.index(huang, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert rewards.index(wang, 0).data(em.MarkRole) == em.NONE
    assert rewards.index(wang, 0).data(Qt.ItemDataRole.DecorationRole) is None
    expenses = view.tables.models[E]
    marked = [expenses.entry(r).voucher for r in range(expenses.rowCount()) if expenses.mark(r)]
    assert marked == ["记-2026-0930"]


def test_selecting_a_reward_highlights_its_payment_and_expense_line(view):
    tables = view.tables
    assert tables.select(R, _row(view, R, person="王强"))
    lit = tables.highlighted()
    assert [(e.person, e.amount) for e in lit[P]] == [("王强", Decimal("5000.00"))]
    assert [e.voucher for e in lit[E]] == ["记-2025-1231"]
    assert lit[R] == []
    payments = tables.models[P]
    row = payments.row_of(lit[P][0].source)
    assert payments.index(row, 0).data(em.HighlightRole) is True
    assert payments.index(row, 0).data(Qt.ItemDataRole.BackgroundRole).color() == em.HIGHLIGHT

    # a payment: its reward, the rest of its batch, and the batch's expense line
    tables.select(P, _row(view, P, person="李娜"))
    assert tables.selected_entry().person == "李娜"
    lit = tables.highlighted()
    assert [e.person for e in lit[R]] == ["李娜"]
    assert [e.person for e in lit[P]] == ["王强"]
    assert [e.voucher for e in lit[E]] == ["记-2025-1231"]

    # an expense line (a booked batch): its payments and their rewards
    tables.select(E, _row(view, E, voucher="记-2026-0331"))
    lit = tables.highlighted()
    assert sorted(e.person for e in lit[P]) == sorted(["陈晓东", "赵敏", "马超"])
    assert sorted(e.person for e in lit[R]) == sorted(["陈晓东", "赵敏", "马超"])
    assert lit[E] == []

    # an unpaid reward has nothing to highlight
    tables.select(R, _row(view, R, person="黄海"))
    assert all(not entries for entries in tables.highlighted().values())


def test_selecting_a_discrepancy_highlights_the_rows_it_cites(view):
    batch = next(d for d in view.rec.discrepancies if d.kind is K.BATCH_MISMATCH)
    assert view.discrepancies.select_key(batch.key)
    lit = view.tables.highlighted()
    assert [e.person for e in lit[P]] == ["吴磊"]
    assert [e.voucher for e in lit[E]] == ["记-2026-0930"]
    assert "记-2026-0930" in view.discrepancies.detail.text()


def test_filters_by_kind_person_and_period(view):
    view.set_filter(kind=K.UNPAID_REWARD.value)
    assert [e.person for e in _shown(view, R)] == ["黄海"]
    assert _shown(view, P) == [] and _shown(view, E) == []
    assert [d.kind for d in _shown_discrepancies(view)] == [K.UNPAID_REWARD]

    view.set_filter(kind=filtering.ANY)
    assert [e.voucher for e in _shown(view, E)] == ["记-2026-0930"]
    assert len(_shown_discrepancies(view)) == 2

    view.reset_filters()
    view.set_filter(person="吴磊")
    assert [e.person for e in _shown(view, R)] == ["吴磊"]
    assert [e.person for e in _shown(view, P)] == ["吴磊"]
    assert [e.voucher for e in _shown(view, E)] == ["记-2026-0930"]  # through its batch
    assert [d.kind for d in _shown_discrepancies(view)] == [K.BATCH_MISMATCH]

    view.reset_filters()
    view.set_filter(period="2025")
    assert {e.date.year for e in _shown(view, R)} == {2025}
    assert len(_shown(view, R)) == 2
    assert _shown_discrepancies(view) == []
    view.set_filter(period="2026-Q3")
    assert all(dt.date(2026, 7, 1) <= e.date <= dt.date(2026, 9, 30) for e in _shown(view, P))
    assert len(_shown_discrepancies(view)) == 2
    assert "/" in view.tables.titles[R].text()  # "shown / total"

    view.reset_filters()
    assert view.current_filter() == filtering.ViewFilter()
    assert len(_shown(view, R)) == 10
    assert not view.clear_filters.isEnabled()


def test_accept_with_explanation_is_non_blocking_and_undo_restores_it(qtbot, view, session):
    unpaid = next(d for d in view.rec.discrepancies if d.kind is K.UNPAID_REWARD)
    assert _finding(session, unpaid.key).blocking
    panel = view.discrepancies
    assert panel.select_key(unpaid.key)
    assert panel.accept_button.isEnabled() and not panel.withdraw_button.isEnabled()
    dialog = panel.accept_selected()
    assert dialog is not None and not dialog.ok_button.isEnabled()
    dialog.explanation.setPlainText("黄海已离职，奖金于2027年1月随离职结算一并发放")
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        dialog.ok_button.click()
    finding = _finding(session, unpaid.key)
    assert finding.accepted == "黄海已离职，奖金于2027年1月随离职结算一并发放"
    assert not finding.blocking
    row = panel.model.row_of(unpaid.key)
    assert panel.model.index(row, dm.EXPLANATION).data() == finding.accepted
    assert "黄海已离职" in panel.detail.text()
    assert panel.withdraw_button.isEnabled() and not panel.accept_button.isEnabled()
    rewards = view.tables.models[R]
    assert rewards.index(_row(view, R, person="黄海"), 0).data(em.MarkRole) == em.ACCEPTED

    with qtbot.waitSignal(session.assessed, timeout=10_000):
        session.undo_stack.undo()
    finding = _finding(session, unpaid.key)
    assert finding.accepted is None and finding.blocking
    assert panel.model.index(row, dm.EXPLANATION).data() == ""
    assert rewards.index(_row(view, R, person="黄海"), 0).data(em.MarkRole) == em.OPEN

    # redo, then withdraw: undoable as well
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        session.undo_stack.redo()
    assert _finding(session, unpaid.key).accepted
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        panel.withdraw_selected()
    assert _finding(session, unpaid.key).accepted is None


def test_rates_edit_reconciles_again_and_undo_restores(qtbot, view, session):
    ws = session.workspace
    rates = view.rates
    model = rates.model
    invention = next(
        r
        for r in range(model.rowCount())
        if model.index(r, rm.KEY).data(Qt.ItemDataRole.EditRole) == "invention"
    )
    assert model.setData(model.index(invention, rm.AMOUNT), "6,000")
    assert not model.setData(model.index(invention, rm.AMOUNT), "six thousand")
    assert rates.apply_button.isEnabled()
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        rates.apply_button.click()
    assert get_rates(ws).to_dict()["invention"] == Decimal("6000.00")
    deviations = [d for d in view.rec.discrepancies if d.kind is K.RATE_DEVIATION]
    assert len(deviations) == 3  # the three invention rewards of 5,000
    assert view.discrepancies.model.rowCount() == 5
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        session.undo_stack.undo()
    assert get_rates(ws).to_dict()["invention"] == Decimal("5000.00")
    assert view.discrepancies.model.rowCount() == 2
    assert model.index(invention, rm.AMOUNT).data() == "5,000.00"

    # the booking window, undoable too
    rates.window_spin.setValue(3)
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        rates.apply_button.click()
    assert window_days(ws) == 3
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        session.undo_stack.undo()
    assert window_days(ws) == 15
    assert rates.window_spin.value() == 15


def test_totals_side_by_side_with_differences(view):
    totals = view.totals
    totals.set_dimension(Dimension.YEAR)
    model = totals.model
    rows = [[model.index(r, c).data() for c in range(tm.COLUMNS)] for r in range(model.rowCount())]
    assert [r[0] for r in rows] == ["2025", "2026", "合计"]
    total = model.index(2, 0).data(tm.TotalsRowRole)
    assert (total.rewards, total.payments, total.expenses) == (
        Decimal("19500.00"),
        Decimal("14500.00"),
        Decimal("14800.00"),
    )
    assert model.index(1, tm.PAID_DIFF).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert model.index(0, tm.PAID_DIFF).data(Qt.ItemDataRole.ForegroundRole) is None
    totals.set_dimension(Dimension.PERSON)
    people = {e.person for e in (*view.rec.rewards, *view.rec.payments)}
    assert len(people) == 10
    assert model.rowCount() == len(people) + 1  # and the total
    assert model.index(0, tm.BOOKED).data() == ""  # the expense record books no people


def test_export_the_view_to_xlsx(qtbot, view, tmp_path):
    view.set_filter(kind=filtering.ANY)
    target = tmp_path / "对账.xlsx"
    with qtbot.waitSignal(view.exported, timeout=20_000) as blocker:
        view.export_to(target)
    assert blocker.args == [str(target)]
    wb = load_workbook(target)
    assert len(wb.sheetnames) == 6
    summary, found, rewards, payments, expenses, totals = wb.worksheets
    assert [c.value for c in summary[1]] == view.rec.summary.table("zh")[0]
    rows = list(found.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 2
    assert found.freeze_panes == "A2"
    assert found.auto_filter.ref == "A1:J3"
    unpaid = next(r for r in rows if "黄海" in r[2])
    assert unpaid[4] == 5000 and unpaid[6] == -5000
    assert found.cell(row=2, column=5).number_format == MONEY_FORMAT
    # only the rows the filter shows, typed: dates as dates, amounts as numbers in ¥
    reward_rows = list(rewards.iter_rows(min_row=2, values_only=True))
    assert len(reward_rows) == 1 and reward_rows[0][2] == "黄海"
    assert reward_rows[0][0] == 12
    assert reward_rows[0][1].date() == dt.date(2026, 9, 8)
    assert reward_rows[0][3] == 5000
    assert rewards.cell(row=2, column=4).number_format == MONEY_FORMAT
    assert rewards.freeze_panes == "A2" and rewards.auto_filter.ref
    assert [r[4] for r in expenses.iter_rows(min_row=2, values_only=True)] == [800]
    assert [r[2] for r in payments.iter_rows(min_row=2, values_only=True)] == ["吴磊"]
    assert totals.cell(row=totals.max_row, column=1).value == "合计"
    assert totals.cell(row=totals.max_row, column=2).value == 19500
    assert not list(tmp_path.glob(".*.xlsx"))  # no temporary file left behind


def test_a_new_import_reloads_the_view(qtbot, view, session):
    wizard = view.open_import()
    assert isinstance(wizard, LedgerImportWizard)
    wizard.close()
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        remove_import(session.workspace, LedgerKind.PAYMENTS)
        session.edited.emit("")
    assert view.tables.models[P].rowCount() == 0
    # the missing payment register is said once, not as a reward never paid per decision
    assert not [d for d in view.rec.discrepancies if d.kind is K.UNPAID_REWARD]
    notices = [d for d in view.rec.discrepancies if d.kind is K.LEDGER_NOT_IMPORTED]
    assert [d.ledger for d in notices] == [LedgerKind.PAYMENTS]
    assert "奖金发放登记表未导入" in view.summary_text.text()
    # the notice has no rows to filter the tables by
    kinds = [view.kind_filter.itemData(i) for i in range(view.kind_filter.count())]
    assert K.LEDGER_NOT_IMPORTED.value not in kinds


def test_without_ledgers_the_view_says_what_to_do(qtbot, session):
    for kind in LedgerKind:
        remove_import(session.workspace, kind)
    v = ReconciliationView(session)
    qtbot.addWidget(v)
    with qtbot.waitSignal(v.loaded, timeout=20_000):
        v.show()
    assert v.rec is None
    assert not v.export_button.isEnabled()
    assert v.export_to(v.session.workspace.path.parent / "x.xlsx") is None
    assert v.status.text()
    assert v.import_button.isEnabled()
    # the rates can be set before the ledgers are there
    assert v.tabs.currentIndex() == RATES_TAB and v.tabs.isTabEnabled(RATES_TAB)
    assert not v.tabs.isTabEnabled(LEDGERS_TAB)
    assert v.rates.model.rowCount() == 5


def test_data_texts_follow_a_language_switch(qtbot, view):
    try:
        i18n.set_language("en")
        qtbot.waitUntil(lambda: "match rate" in view.summary_text.text())
        assert view.summary_model.table()[0][0] == "records"
        unpaid = view.discrepancies.model.row_of(
            next(d.key for d in view.rec.discrepancies if d.kind is K.UNPAID_REWARD)
        )
        assert view.discrepancies.model.index(unpaid, dm.KIND).data() == "reward never paid"
    finally:
        i18n.set_language("zh")
    qtbot.waitUntil(lambda: "匹配率" in view.summary_text.text())
