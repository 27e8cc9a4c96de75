"""Writing the reconciliation view to xlsx: typed cells, atomic replacement, cancel, failures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from ipaudit.export.reconciliation_xlsx import DATE_FORMAT, MONEY_FORMAT, ExportSheet, write_xlsx
from ipaudit.progress import Cancelled
from ipaudit.ui import errors
from ipaudit.ui.ledger.reconciliation_view import ReconciliationView


def _sheet(rows: int) -> ExportSheet:
    return ExportSheet(
        "发放/明细",  # "/" is not allowed in a sheet name
        ["日期", "姓名", "金额"],
        [[dt.date(2026, 1, 1), f"员工{n}", Decimal("1234.50")] for n in range(rows)],
        frozenset({2}),
        notes=[["合计说明"]],
    )


def test_cells_keep_their_types_and_formats(tmp_path):
    target = write_xlsx(tmp_path / "out.xlsx", [_sheet(3), _sheet(1)])
    wb = load_workbook(target)
    assert wb.sheetnames == ["发放_明细", "发放_明细 (2)"]
    ws = wb.worksheets[0]
    assert [c.value for c in ws[1]] == ["日期", "姓名", "金额"]
    assert ws["A2"].value.date() == dt.date(2026, 1, 1) and ws["A2"].number_format == DATE_FORMAT
    assert ws["C2"].value == 1234.5 and ws["C2"].number_format == MONEY_FORMAT
    assert ws["B2"].value == "员工0"
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:C4"
    assert ws["A6"].value == "合计说明"  # notes below the table, after a blank row
    assert ws.column_dimensions["B"].width >= 8


def test_progress_and_cancel_leave_the_old_file_untouched(tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"the previous export")
    seen: list[tuple[int, int]] = []
    with pytest.raises(Cancelled):
        write_xlsx(target, [_sheet(5000)], lambda d, t: seen.append((d, t)), lambda: bool(seen))
    assert seen == [(2000, 5000)]
    assert target.read_bytes() == b"the previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


def test_an_export_into_a_missing_folder_says_so(qtbot, session, tmp_path):
    view = ReconciliationView(session)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        view.show()
    with qtbot.waitSignal(errors.reporter().shown, timeout=20_000) as blocker:
        view.export_to(tmp_path / "missing" / "x.xlsx")
    box = blocker.args[0]
    assert box.objectName() == "expectedErrorBox"
    assert "missing" in box.informativeText()
    box.close()
