"""The import wizard reads a ledger the way the command line does.

The workbook of ``tests/integration/test_ledger_routes.py`` — unfamiliar headers, a notes sheet, a
payment register whose paid amount is the second of two amount columns — imported sheet by sheet
through the wizard, with the paid column chosen by hand, gives the same findings as ``reconcile
--map``. A sheet without a header is read from its values, and the columns not imported are in
front of the user on the last page.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from ipaudit.cli import main
from ipaudit.ledger.model import LedgerKind
from ipaudit.services import Workspace
from ipaudit.services.ledgers import load_book
from ipaudit.ui.ledger.import_wizard import (
    BATCH_PAGE,
    DONE_PAGE,
    PREVIEW_PAGE,
    PROBLEMS_PAGE,
    LedgerImportWizard,
)
from ipaudit.ui.session import WorkspaceSession
from tests.integration.test_ledger_routes import (
    EXPECTED,
    EXPENSES,
    NOTES,
    PAYMENTS,
    PAYMENTS_MERGED,
    REWARDS,
)
from tests.unit.ledger.sheetgen import write_sheet, write_workbook


@pytest.fixture
def fresh(tmp_path: Path, qtbot):
    path = tmp_path / "w.ipaudit"
    assert main(["new", str(path), "--company", "某某科技有限公司"]) == 0
    s = WorkspaceSession(Workspace.open(path))
    yield s
    s.close()


def _through(qtbot, session, path: Path, sheet: str | None, choose=None):
    """The wizard from file to stored import; ``choose(mapping_widget)`` on the preview."""
    wizard = LedgerImportWizard(session)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.set_file(str(path))
    with qtbot.waitSignal(wizard.sheets_listed, timeout=10_000) as listed:
        wizard.next()
    qtbot.waitUntil(wizard.sheet_page.isComplete)
    if sheet is not None:
        wizard.sheet_page.sheets.setCurrentRow(listed.args[0].index(sheet))
    with qtbot.waitSignal(wizard.previewed, timeout=10_000):
        wizard.next()
    assert wizard.currentId() == PREVIEW_PAGE
    if choose is not None:
        choose(wizard.preview_page.mapping)
    assert wizard.preview_page.isComplete()
    with qtbot.waitSignal(wizard.read, timeout=20_000) as read:
        wizard.next()
    assert wizard.currentId() == PROBLEMS_PAGE
    with qtbot.waitSignal(wizard.stored, timeout=20_000):
        wizard.next()
    wizard.close()
    return wizard, read.args[0]


def test_the_wizard_gives_the_findings_of_the_command_line(qtbot, fresh, tmp_path, capsys):
    book = write_workbook(
        tmp_path / "财务台账.xlsx",
        {"说明": NOTES, "经费": EXPENSES, "发放": PAYMENTS, "奖惩": REWARDS},
        merged={"发放": PAYMENTS_MERGED},
    )
    wizard, _ = _through(qtbot, fresh, book, "奖惩")
    wizard, result = _through(qtbot, fresh, book, "发放")
    # without a choice the values decide: 实发 agrees with 应发 on most rows, so it is the payment,
    # and 应发 is shown as unused
    assert "应发" in wizard.problems_page.columns.text()
    assert result.mapping["amount"] == 5
    wizard, result = _through(qtbot, fresh, book, "发放", choose=lambda m: m.set_field(4, "amount"))
    assert result.mapping["amount"] == 4
    assert "实发" in wizard.problems_page.columns.text()  # the other one is listed now
    wizard, result = _through(qtbot, fresh, book, "发放", choose=lambda m: m.set_field(5, "amount"))
    assert result.mapping["amount"] == 5
    _through(qtbot, fresh, book, "经费")
    rec = load_book(fresh.workspace).reconciliation
    assert rec is not None
    found = sorted((d.kind.value, tuple(d.persons), str(d.difference)) for d in rec.discrepancies)
    assert found == EXPECTED
    capsys.readouterr()
    assert main(["reconcile", str(book), "--map", "发放:amount=F", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert found == sorted(
        (f["kind"], tuple(f["persons"]), f["difference"]) for f in document["findings"]
    )


def test_a_sheet_without_a_header_is_read_from_its_values(qtbot, fresh, tmp_path):
    rows = [
        [dt.date(2025, 1, 20), "王强", "研发部", "2025SR1000001", 500, "记-1", 1001],
        [dt.date(2025, 2, 20), "李娜", "市场部", "2025SR1000002", 800, "记-2", 1017],
    ]
    path = write_sheet(tmp_path / "发放登记.csv", rows)

    def payments(m):
        assert m.header_row == 0 and m.header_spin.text() == m.header_spin.specialValueText()
        m.kind_combo.setCurrentIndex(m.kind_combo.findData(LedgerKind.PAYMENTS.value))
        assert m.mapping() == {
            "date": 0,
            "person": 1,
            "department": 2,
            "ip_number": 3,
            "amount": 4,
            "voucher": 5,
        }

    wizard, result = _through(qtbot, fresh, path, None, choose=payments)
    assert [e.person for e in result.entries] == ["王强", "李娜"]  # row 1 is data, not a header
    assert result.header_row == 0 and result.problems == []
    assert "G" in wizard.problems_page.columns.text()  # the unused column is listed
    c = result.counts
    assert (c.sheet_rows, c.above_data, c.entries) == (2, 0, 2)


def _batch(qtbot, session, wizard: LedgerImportWizard) -> None:
    page = wizard.batch_page
    qtbot.waitUntil(page.isComplete, timeout=20_000)
    with qtbot.waitSignal(session.assessed, timeout=20_000):
        wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == DONE_PAGE, timeout=20_000)
    assert len(wizard.state.results) == 3
    assert wizard.done_page.text.text().count("\n") == 2


def test_several_files_are_imported_in_one_pass(qtbot, fresh, tmp_path):
    files = [
        write_sheet(tmp_path / "经费.csv", EXPENSES),
        write_sheet(tmp_path / "发放.xlsx", PAYMENTS, merged=PAYMENTS_MERGED),
        write_sheet(tmp_path / "奖惩.xlsx", REWARDS),
    ]
    # the paid column of this layout is chosen once by hand; the batch uses it again
    _through(qtbot, fresh, files[1], None, choose=lambda m: m.set_field(5, "amount"))
    wizard = LedgerImportWizard(fresh)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.set_files([str(f) for f in files])
    wizard.next()
    assert wizard.currentId() == BATCH_PAGE
    _batch(qtbot, fresh, wizard)
    assert "奖惩.xlsx" in wizard.batch_page.details.text()
    rec = load_book(fresh.workspace).reconciliation
    found = sorted((d.kind.value, tuple(d.persons), str(d.difference)) for d in rec.discrepancies)
    assert found == EXPECTED
    # the three imports are one undo step
    fresh.undo_stack.undo()
    assert load_book(fresh.workspace).of(LedgerKind.REWARDS) == []


def test_every_ledger_sheet_of_a_workbook_in_one_pass(qtbot, fresh, tmp_path):
    book = write_workbook(
        tmp_path / "财务台账.xlsx",
        {"说明": NOTES, "经费": EXPENSES, "发放": PAYMENTS, "奖惩": REWARDS},
        merged={"发放": PAYMENTS_MERGED},
    )
    wizard = LedgerImportWizard(fresh)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.set_file(str(book))
    with qtbot.waitSignal(wizard.sheets_listed, timeout=10_000):
        wizard.next()
    qtbot.waitUntil(wizard.sheet_page.isComplete)
    assert wizard.sheet_page.all_sheets.isVisible()
    wizard.sheet_page.all_sheets.setChecked(True)
    wizard.next()
    assert wizard.currentId() == BATCH_PAGE
    qtbot.waitUntil(wizard.batch_page.isComplete, timeout=20_000)
    details = wizard.batch_page.details.text()
    assert "说明" in details  # the skipped sheet is named
    assert "应发" in details  # and the due column, which the values say is not the payment
    _batch(qtbot, fresh, wizard)
    kinds = {r.kind for r in wizard.state.results}
    assert kinds == {LedgerKind.REWARDS, LedgerKind.PAYMENTS, LedgerKind.EXPENSES}
