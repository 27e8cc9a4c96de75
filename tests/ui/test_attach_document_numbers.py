"""A scan named by its contract number (HT-20250101.pdf) dropped on an item: the dates dialog
proposes no date from the number and says why, in Chinese; the user types the document's date
in the dialog (F2, the date field) and the file is attached with it. Real widgets, a real PDF."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDateEdit

from ipaudit.ui.checklist.attach_model import COL_DATE
from ipaudit.ui.checklist.item_panel import ItemPanel
from tests.ui.test_evidence_panel import drop, records_item, sha256
from tests.unit.test_evidence_dates import pdf


def test_a_numbered_scan_gets_the_date_the_user_types(qtbot, session, zh, tmp_path) -> None:  # type: ignore[no-untyped-def]
    panel = ItemPanel(session)
    qtbot.addWidget(panel)
    panel.resize(700, 900)
    panel.show()
    panel.show_item(records_item(session))
    scan = pdf(tmp_path / "HT-20250101.pdf", [[]], scanned=True)
    signed = pdf(tmp_path / "HT-20250102签订.pdf", [[]], scanned=True, info={"/Title": "合同"})
    with qtbot.waitSignal(panel.transfer.reviewed, timeout=20_000):
        drop(panel, [scan, signed])
    dialog = panel.attach_dialog
    assert dialog is not None and dialog.isVisible()
    rows = {r.review.path.name: r for r in dialog.rows}
    row = rows[scan.name]
    assert row.doc_date.value() is None  # the number is not proposed as the date
    assert "未找到日期：请填写文件日期。" in row.note
    assert "文件名中的“20250101”是文件编号的一部分，不作为文件日期。" in row.note
    # a name that says the number is its date (签订) is believed
    assert rows[signed.name].doc_date.value() == dt.date(2025, 1, 2)
    assert "编号" not in rows[signed.name].note

    # the user types the date: Space ticks the date field, F2 edits it, Enter keeps it
    table = dialog.table
    table.setFocus()
    dialog.select_file(0, COL_DATE)
    qtbot.keyClick(table, Qt.Key.Key_Space)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.findChild(QDateEdit)
    assert editor is not None and editor.isVisible()
    editor.setDate(dt.date(2025, 6, 1))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: row.doc_date.value() == dt.date(2025, 6, 1))
    assert "日期为手工填写。" in row.note
    with qtbot.waitSignal(panel.transfer.attached, timeout=20_000):
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    stored = {e.sha256: e for e in session.workspace.evidence(panel.item_key)}
    assert stored[sha256(scan)].doc_date == dt.date(2025, 6, 1)
    assert stored[sha256(signed)].doc_date == dt.date(2025, 1, 2)
