"""The ledger import wizard on real files: manual mapping, remembered mapping, problems, samples."""

from __future__ import annotations

import csv
import datetime as dt
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest
import xlwt
from openpyxl import Workbook

from ipaudit.ledger.errors import ImportCancelled
from ipaudit.ledger.importer import import_ledger
from ipaudit.ledger.model import LedgerKind
from ipaudit.services import Workspace
from ipaudit.services.ledgers import load_book, store_import
from ipaudit.ui.ledger import problems_model as pm
from ipaudit.ui.ledger.import_wizard import (
    DONE_PAGE,
    PREVIEW_PAGE,
    PROBLEMS_PAGE,
    SHEET_PAGE,
    ImportLedgerWizard,
    LedgerImportWizard,
)
from tests.shared_samples import SAMPLES, needs_shared

# a payment register whose header no synonym knows: the user has to map it by hand
ODD_HEADER = ["编号", "时点", "当事人", "单元", "款项", "凭据", "备注"]
ODD_MAPPING = {"date": 1, "person": 2, "department": 3, "amount": 4, "voucher": 5}


def _odd_register(path: Path, rows: list[tuple]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "发放"
    ws.append(["知识产权奖金台账（内部）"])
    ws.append(ODD_HEADER)
    for n, (day, person, dep, amount, voucher) in enumerate(rows, 1):
        ws.append([n, day, person, dep, amount, voucher, ""])
    wb.save(path)
    return path


def _wizard(qtbot, session) -> LedgerImportWizard:
    wizard = LedgerImportWizard(session)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def _to_preview(qtbot, wizard: LedgerImportWizard, path: Path) -> None:
    wizard.set_file(str(path))
    assert wizard.file_page.isComplete()
    with qtbot.waitSignal(wizard.sheets_listed, timeout=10_000):
        wizard.next()
    assert wizard.currentId() == SHEET_PAGE
    qtbot.waitUntil(wizard.sheet_page.isComplete)
    with qtbot.waitSignal(wizard.previewed, timeout=10_000):
        wizard.next()
    assert wizard.currentId() == PREVIEW_PAGE


def _read(qtbot, wizard: LedgerImportWizard):
    with qtbot.waitSignal(wizard.read, timeout=20_000) as blocker:
        wizard.next()
    assert wizard.currentId() == PROBLEMS_PAGE
    return blocker.args[0]


def _store(qtbot, wizard: LedgerImportWizard, session) -> None:
    with (
        qtbot.waitSignal(wizard.stored, timeout=20_000),
        qtbot.waitSignal(session.assessed, timeout=20_000),
    ):
        wizard.next()
    assert wizard.currentId() == DONE_PAGE


def test_the_task_name_and_the_window_hook_name_are_the_same_class():
    assert ImportLedgerWizard is LedgerImportWizard


def test_manual_mapping_imports_and_is_remembered_for_the_next_file(qtbot, session, tmp_path):
    first = _odd_register(
        tmp_path / "奖金台账一.xlsx",
        [
            (dt.date(2026, 1, 15), "张 三", "研发部", 1000, "记-2026-0115"),
            (dt.date(2026, 1, 15), "李四", "研发部", "¥2,500.00", "记-2026-0115"),
            (dt.date(2026, 2, 20), "王五", "生产部", 300, "记-2026-0220"),
        ],
    )
    wizard = _wizard(qtbot, session)
    _to_preview(qtbot, wizard, first)
    page = wizard.preview_page
    # headers no synonym knows: the values place the columns, but a payment register and a
    # reward record look alike, so the page is not sure and the user says which ledger it is
    layout = page.preview.layout
    assert layout.header_row == 2 and not layout.sure
    assert page.remembered is None
    assert page.model.rowCount() == 5
    mapping = page.mapping
    assert mapping.header_row == 2
    assert page.model.header_texts()[2] == "当事人"
    assert "%" in page.note.text()  # the confidence is shown, and the other ledger it could be
    assert "payment register" in page.note.text() or "奖金发放" in page.note.text()
    mapping.kind_combo.setCurrentIndex(mapping.kind_combo.findData(LedgerKind.PAYMENTS.value))
    assert mapping.mapping() == ODD_MAPPING
    assert all(mapping.hint(c).endswith("%") for c in ODD_MAPPING.values())
    mapping.set_field(5, None)  # the user takes the voucher away and gives it back
    assert mapping.hint(5) and "%" not in mapping.hint(5)  # it looks like a voucher
    mapping.set_field(5, "voucher")
    assert mapping.hint(5) == "100%"
    assert mapping.mapping() == ODD_MAPPING
    assert page.isComplete()
    # the preview shows the header row and the mapped fields
    assert page.model.header_texts()[2] == "当事人"
    assert "→" in page.model.headerData(2, pm.Qt.Orientation.Horizontal)

    result = _read(qtbot, wizard)
    assert result.kind is LedgerKind.PAYMENTS
    assert [e.person for e in result.entries] == ["张三", "李四", "王五"]
    assert [e.amount for e in result.entries] == [
        Decimal("1000.00"),
        Decimal("2500.00"),
        Decimal("300.00"),
    ]
    assert result.problems == []
    assert wizard.problems_page.isComplete()
    _store(qtbot, wizard, session)
    assert "3" in wizard.done_page.text.text()

    book = load_book(session.workspace)
    payments = book.of(LedgerKind.PAYMENTS)
    assert [(e.person, e.amount, e.voucher) for e in payments] == [
        ("张三", Decimal("1000.00"), "记-2026-0115"),
        ("李四", Decimal("2500.00"), "记-2026-0115"),
        ("王五", Decimal("300.00"), "记-2026-0220"),
    ]
    assert all(e.source.file == first.name for e in payments)
    # the demo's payment register was replaced, the other ledgers stay
    assert len(book.of(LedgerKind.REWARDS)) == 10
    wizard.close()

    # a second file with the same header: the confirmed mapping comes back by itself
    second = _odd_register(
        tmp_path / "奖金台账二.xlsx",
        [(dt.date(2026, 3, 31), "赵六", "研发部", 500, "记-2026-0331")],
    )
    wizard = _wizard(qtbot, session)
    _to_preview(qtbot, wizard, second)
    page = wizard.preview_page
    assert page.remembered is not None
    assert page.mapping.kind is LedgerKind.PAYMENTS
    assert page.mapping.header_row == 2
    assert page.mapping.mapping() == ODD_MAPPING
    assert page.isComplete()
    result = _read(qtbot, wizard)
    assert [(e.person, e.amount) for e in result.entries] == [("赵六", Decimal("500.00"))]
    _store(qtbot, wizard, session)
    assert [e.person for e in load_book(session.workspace).of(LedgerKind.PAYMENTS)] == ["赵六"]


def test_changing_the_header_row_and_ledger_detects_the_mapping_again(qtbot, session, tmp_path):
    path = tmp_path / "rewards.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["备注：以下为2026年奖励"])
    ws.append(["日期", "姓名", "部门", "奖惩类型", "专利号", "金额"])
    ws.append([dt.date(2026, 1, 5), "王强", "研发部", "奖励", "2026SR0001234", 500])
    wb.save(path)
    wizard = _wizard(qtbot, session)
    _to_preview(qtbot, wizard, path)
    mapping = wizard.preview_page.mapping
    assert mapping.kind is LedgerKind.REWARDS
    assert mapping.header_row == 2
    assert mapping.mapping()["amount"] == 5
    # a wrong header row misses the required columns; going back to row 2 finds them again
    mapping.header_spin.setValue(1)
    assert "amount" not in mapping.mapping() and "person" not in mapping.mapping()
    assert not wizard.preview_page.isComplete()
    mapping.header_spin.setValue(2)
    assert mapping.mapping() == {
        "date": 0,
        "person": 1,
        "department": 2,
        "kind": 3,
        "ip_number": 4,
        "amount": 5,
    }
    # one field, one column: choosing "amount" for column E takes it from column F
    mapping.set_field(4, "amount")
    assert mapping.mapping()["amount"] == 4 and "ip_number" not in mapping.mapping()
    assert mapping.combos[5].currentData() == ""


def test_bad_cells_are_listed_with_their_rows_and_can_be_fixed_by_going_back(
    qtbot, session, tmp_path
):
    path = tmp_path / "奖惩记录表.xls"
    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("奖惩记录")
    rows = [
        ["知识产权奖惩记录表"],
        ["日期", "姓名", "部门", "奖惩类型", "知识产权项目", "事由", "金额(元)"],
        ["2026-01-05", "王强", "研发部", "奖励", "2026SR0001234", "软件著作权登记", 500],
        ["2026-13-45", "李娜", "研发部", "奖励", "2026SR0001235", "软件著作权登记", 500],
        ["2026-02-01", "赵敏", "研发部", "奖励", "2026SR0001236", "软件著作权登记", "五百块"],
        ["2026-02-02", "", "研发部", "奖励", "2026SR0001237", "软件著作权登记", 500],
    ]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            sheet.write(r, c, value)
    book.save(str(path))

    wizard = _wizard(qtbot, session)
    _to_preview(qtbot, wizard, path)
    assert wizard.preview_page.isComplete()
    result = _read(qtbot, wizard)
    assert len(result.entries) == 1
    model = wizard.problems_page.model
    assert model.rowCount() == len(result.problems) == 3
    shown = {
        (
            model.index(r, pm.SHEET).data(),
            model.index(r, pm.ROW).data(),
            model.index(r, pm.COLUMN).data(),
            model.index(r, pm.RAW).data(),
        )
        for r in range(model.rowCount())
    }
    assert ("奖惩记录", "4", "日期", "2026-13-45") in shown
    assert ("奖惩记录", "5", "金额(元)", "五百块") in shown
    assert any(row == "6" and column == "姓名" for _s, row, column, _raw in shown)
    assert all(model.index(r, pm.REASON).data() for r in range(model.rowCount()))
    assert "3" in wizard.problems_page.summary.text()

    # back to the mapping: unmap the date column and read again — the date problem is gone
    wizard.back()
    assert wizard.currentId() == PREVIEW_PAGE
    wizard.preview_page.mapping.set_field(0, None)
    result = _read(qtbot, wizard)
    assert len(result.entries) == 2
    assert {p.source.row for p in result.problems} == {5, 6}
    _store(qtbot, wizard, session)
    stored = load_book(session.workspace)
    assert {p.source.row for p in stored.problems} == {5, 6}
    assert [e.person for e in stored.of(LedgerKind.REWARDS)] == ["王强", "李娜"]


def test_a_file_that_is_not_a_spreadsheet_says_so_on_the_sheet_page(qtbot, session, tmp_path):
    path = tmp_path / "ledger.xlsx"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 8)
    wizard = _wizard(qtbot, session)
    wizard.set_file(str(path))
    with qtbot.waitSignal(wizard.failed, timeout=10_000) as blocker:
        wizard.next()
    assert wizard.currentId() == SHEET_PAGE
    assert blocker.args[0].__class__.__name__ in {"NotASpreadsheet", "FileCorrupt"}
    assert not wizard.sheet_page.isComplete()
    assert wizard.sheet_page.status.text()


def test_csv_in_gb18030_is_imported_through_all_pages(qtbot, session, tmp_path):
    path = tmp_path / "经费.csv"
    with path.open("w", encoding="gb18030", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["日期", "凭证号", "费用类别", "项目", "摘要", "金额"])
        writer.writerow(["2026/01/31", "记-2026-0131", "奖励费", "", "一月奖金", "1,500.00"])
        writer.writerow(["2026/02/10", "记-2026-0210", "申请费", "", "发明专利申请费", "900.00"])
    wizard = _wizard(qtbot, session)
    _to_preview(qtbot, wizard, path)
    assert [wizard.sheet_page.sheets.item(0).text()] == ["经费"]
    assert wizard.preview_page.mapping.kind is LedgerKind.EXPENSES
    result = _read(qtbot, wizard)
    assert [e.amount for e in result.entries] == [Decimal("1500.00"), Decimal("900.00")]
    _store(qtbot, wizard, session)
    assert len(load_book(session.workspace).of(LedgerKind.EXPENSES)) == 2


@needs_shared
@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("奖惩记录表.xls", LedgerKind.REWARDS),
        ("奖金发放登记表.xlsx", LedgerKind.PAYMENTS),
        ("知识产权经费使用记录.csv", LedgerKind.EXPENSES),
    ],
)
def test_the_shared_samples_go_through_without_problems(qtbot, session, name, kind):
    wizard = _wizard(qtbot, session)
    _to_preview(qtbot, wizard, SAMPLES / name)
    assert wizard.preview_page.mapping.kind is kind
    assert wizard.preview_page.isComplete()
    result = _read(qtbot, wizard)
    assert result.kind is kind
    assert result.problems == []
    assert result.entries
    if kind is LedgerKind.PAYMENTS:  # its 合计 row states 27,100.00; the rows add up to 26,600.00
        assert "27,100.00" in wizard.problems_page.totals.text()
        assert "26,600.00" in wizard.problems_page.totals.text()
    _store(qtbot, wizard, session)
    stored = load_book(session.workspace).of(kind)
    assert [e.source for e in stored] == [e.source for e in result.entries]


def test_cancelling_the_import_goes_back_to_the_mapping_and_keeps_nothing(qtbot, session, tmp_path):
    path = tmp_path / "big.xlsx"
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("发放")
    ws.append(["发放日期", "姓名", "部门", "发放金额", "凭证号"])
    for n in range(12_000):
        ws.append([dt.date(2026, 1, 1 + n % 28), f"员工{n}", "研发部", 100, f"记-{n // 50}"])
    wb.save(path)
    before = [e.source for e in load_book(session.workspace).of(LedgerKind.PAYMENTS)]
    wizard = _wizard(qtbot, session)
    _to_preview(qtbot, wizard, path)
    wizard.next()
    assert wizard.currentId() == PROBLEMS_PAGE
    task = wizard.problems_page.task
    assert task is not None
    with qtbot.waitSignal(task.failed, timeout=20_000) as blocker:
        task.cancel()
    assert isinstance(blocker.args[0], ImportCancelled)
    qtbot.waitUntil(lambda: wizard.currentId() == PREVIEW_PAGE, timeout=5_000)
    assert wizard.state.result is None
    assert [e.source for e in load_book(session.workspace).of(LedgerKind.PAYMENTS)] == before


def test_an_import_is_undone_and_redone_and_set_aside_imports_go_when_closed(
    qtbot, session, tmp_path, demo_path
):
    ws = session.workspace
    before = load_book(ws).of(LedgerKind.REWARDS)
    assert before  # the demo's reward record
    path = tmp_path / "奖惩记录表.xlsx"
    wb = Workbook()
    sheet = wb.active
    sheet.title = "奖惩记录"
    sheet.append(["日期", "姓名", "部门", "奖惩类型", "知识产权项目", "事由", "金额(元)"])
    sheet.append([dt.date(2026, 1, 5), "王强", "研发部", "奖励", "2026SR0001234", "软著", 500])
    wb.save(path)
    wizard = _wizard(qtbot, session)
    _to_preview(qtbot, wizard, path)
    _read(qtbot, wizard)
    _store(qtbot, wizard, session)
    stack = session.undo_stack
    assert stack.canUndo() and "奖惩记录表.xlsx" in stack.undoText()
    assert [e.person for e in load_book(ws).of(LedgerKind.REWARDS)] == ["王强"]

    def evidence_names() -> list[str]:
        return [e.original_name for e in ws.evidence("fin.reward_record")]

    assert "奖惩记录表.xlsx" in evidence_names()  # the imported file is the item's evidence
    with qtbot.waitSignal(session.edited, timeout=5_000):
        stack.undo()
    assert load_book(ws).of(LedgerKind.REWARDS) == before
    assert "奖惩记录表.xlsx" not in evidence_names()
    with qtbot.waitSignal(session.edited, timeout=5_000):
        stack.redo()
    assert [e.person for e in load_book(ws).of(LedgerKind.REWARDS)] == ["王强"]
    assert "奖惩记录表.xlsx" in evidence_names()
    stack.undo()  # the demo's record in use again, the new one set aside

    def set_aside() -> int:
        with sqlite3.connect(demo_path) as db:
            return db.execute(
                "SELECT count(*) FROM ledger_imports WHERE kind LIKE '%:set-aside'"
            ).fetchone()[0]

    assert set_aside() == 1
    session.close()
    assert set_aside() == 0
    with Workspace.open(demo_path) as again:
        assert load_book(again).of(LedgerKind.REWARDS) == before


def test_an_undo_step_whose_import_another_program_replaced_is_dropped(qtbot, session, tmp_path):
    ws = session.workspace
    before = load_book(ws).of(LedgerKind.EXPENSES)
    path = tmp_path / "经费.csv"
    with path.open("w", encoding="gb18030", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["日期", "凭证号", "费用类别", "摘要", "金额"])
        writer.writerow(["2026-03-31", "记-2026-0331", "奖励费", "知识产权奖金", "2500"])
    wizard = _wizard(qtbot, session)
    _to_preview(qtbot, wizard, path)
    _read(qtbot, wizard)
    _store(qtbot, wizard, session)
    stack = session.undo_stack
    stack.undo()  # the demo's expense record in use again; the new import set aside
    assert load_book(ws).of(LedgerKind.EXPENSES) == before
    # another program (the CLI) imports the expense record meanwhile: the demo's record is
    # replaced outright, the set-aside import stays set aside
    store_import(ws, import_ledger(path))
    depth = stack.count()
    with qtbot.waitSignal(session.edited, timeout=5_000):
        stack.redo()  # switches back to the set-aside import: it still exists
    assert [e.amount for e in load_book(ws).of(LedgerKind.EXPENSES)] == [Decimal("2500.00")]
    with qtbot.waitSignal(session.edited, timeout=5_000):
        stack.undo()  # the import it replaced is gone: the step is dropped, nothing changes
    assert stack.count() == depth - 1
    assert [e.amount for e in load_book(ws).of(LedgerKind.EXPENSES)] == [Decimal("2500.00")]
