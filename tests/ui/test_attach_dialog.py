"""The dates dialog of a drop: each file says where its date and period came from, in the UI
language; a doubtful date (in the future, before 2000) is shown greyed out and never proposed; an
encrypted file whose name gives no date says why nothing was found; the keyboard goes through the
tick boxes and dates; a drop of a thousand files makes no widget per file."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from msoffcrypto.format.ooxml import OOXMLFile
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDateEdit, QWidget

from ipaudit.services.evidence_review import review_files
from ipaudit.ui.checklist.attach_dialog import AttachDialog
from ipaudit.ui.checklist.attach_model import COL_DATE, COL_FILE, COL_FROM, COL_TO
from tests.unit.test_evidence_dates import pdf, word


def files(tmp_path: Path) -> dict[str, Path]:
    named = tmp_path / "2025年第一季度 培训签到 2025-03-05.pdf"
    named.write_bytes(b"%PDF-1.4 sign-in")
    texted = word(tmp_path / "会议纪要.docx", ["会议纪要", "会议时间：2025年3月6日"])
    props = word(tmp_path / "立项报告.docx", ["立项报告"], created=dt.datetime(2025, 4, 1, 12))
    meta = pdf(tmp_path / "扫描件.pdf", [[]], scanned=True, info={"/CreationDate": "D:20250310"})
    future = tmp_path / "2031-01-01 计划.txt"
    future.write_text("计划")
    plan = tmp_path / "2035年度规划 2025-03-05.txt"
    plan.write_text("规划")
    old = tmp_path / "1998-05-06 旧照片.txt"
    old.write_text("照片")
    locked = tmp_path / "加密.docx"
    with texted.open("rb") as f, locked.open("wb") as out:
        OOXMLFile(f).encrypt("secret", out)
    damaged = tmp_path / "损坏.docx"
    damaged.write_bytes(b"not a Word document" * 10)
    return {
        "name": named,
        "text": texted,
        "properties": props,
        "pdf": meta,
        "future": future,
        "plan": plan,
        "old": old,
        "locked": locked,
        "damaged": damaged,
    }


def dialog_for(qtbot, tmp_path: Path) -> tuple[AttachDialog, dict[str, object]]:
    found = files(tmp_path)
    dialog = AttachDialog(review_files(list(found.values()), []))
    qtbot.addWidget(dialog)
    rows = dict(zip(found, dialog.rows, strict=True))
    return dialog, rows


def test_where_each_date_came_from_and_doubtful_dates(qtbot, tmp_path: Path) -> None:
    dialog, rows = dialog_for(qtbot, tmp_path)
    notes = {key: row.note for key, row in rows.items()}
    assert "Date taken from the file name." in notes["name"]
    assert "Period taken from the file name." in notes["name"]
    assert rows["name"].period_start.value() == dt.date(2025, 1, 1)
    assert "Date taken from the document's text." in notes["text"]
    assert rows["text"].doc_date.value() == dt.date(2025, 3, 6)
    assert "Date taken from the document properties." in notes["properties"]
    assert "Date taken from the PDF's properties." in notes["pdf"]
    assert rows["pdf"].doc_date.value() == dt.date(2025, 3, 10)

    # a doubtful date is shown, greyed out and unticked, never proposed
    future = rows["future"]
    model = dialog.model
    at = {key: n for n, key in enumerate(rows)}
    cell = model.cell(at["future"], COL_DATE)
    assert future.doc_date.value() is None
    assert cell.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert cell.data() == "2031-01-01"
    assert not cell.flags() & Qt.ItemFlag.ItemIsEditable  # ticked first, then edited
    # a date neither found nor proposed is blank, not today's date
    assert model.cell(at["text"], COL_FROM).data() == ""
    assert "2031-01-01" in notes["future"] and "in the future" in notes["future"]
    assert "the file name" in notes["future"]
    assert "1998-05-06" in notes["old"] and "before 2000" in notes["old"]
    # a period that starts after next year is shown, not proposed
    plan = rows["plan"]
    assert plan.doc_date.value() == dt.date(2025, 3, 5)
    assert (plan.period_start.value(), plan.period_end.value()) == (None, None)
    assert model.cell(at["plan"], COL_FROM).data() == "2035-01-01"
    assert model.cell(at["plan"], COL_TO).data() == "2035-12-31"
    assert "The period 2035-01-01 to 2035-12-31 in the file name is implausible" in notes["plan"]
    assert "encrypted" in notes["locked"] and "No date found" in notes["locked"]
    assert "encrypted" not in notes["text"]
    assert "cannot be read (damaged" in notes["damaged"] and "No date found" in notes["damaged"]

    # nothing doubtful is attached silently: the chosen dates are those shown ticked
    chosen = dict(dialog.chosen())
    assert chosen[rows["future"].review.path]["doc_date"] is None
    assert chosen[rows["name"].review.path]["doc_date"] == dt.date(2025, 3, 5)
    # the user takes the doubtful date over on purpose: it is then a date given by hand
    assert model.setData(cell, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert future.doc_date.value() == dt.date(2031, 1, 1)
    assert "Date given by hand." in future.note
    assert model.note_index(at["future"]).data() == future.note
    # a period changed by hand no longer says it came from the name
    end = model.cell(at["name"], COL_TO)
    assert model.setData(end, dt.date(2025, 2, 28))
    assert rows["name"].period_end.value() == dt.date(2025, 2, 28)
    assert "Period taken" not in rows["name"].note


@pytest.mark.usefixtures("zh")
def test_the_notes_are_in_chinese(qtbot, tmp_path: Path) -> None:
    dialog, rows = dialog_for(qtbot, tmp_path)
    notes = {key: row.note for key, row in rows.items()}
    assert "日期取自文件名。" in notes["name"] and "期间取自文件名。" in notes["name"]
    assert "日期取自文件正文。" in notes["text"]
    assert "日期取自文档属性。" in notes["properties"]
    assert "日期取自 PDF 文档属性。" in notes["pdf"]
    assert notes["future"].startswith("文件名中的日期 2031-01-01 在今天之后，未采用")
    assert "早于 2000 年" in notes["old"]
    assert "文件名中的期间 2035-01-01 至 2035-12-31 不合理，未采用。" in notes["plan"]
    assert "文件已加密" in notes["locked"]
    assert notes["damaged"].startswith("文件无法读取（已损坏或与扩展名不符）")
    for note in notes.values():
        assert "Date" not in note and "file" not in note  # no English left
    dialog.show()  # its own size
    qtbot.waitExposed(dialog)
    qtbot.wait(20)
    table = dialog.table
    assert not table.horizontalScrollBar().isVisible()
    assert [table.model().headerData(c, Qt.Orientation.Horizontal) for c in (1, 2, 3)] == [
        "文件日期",
        "覆盖期间自",
        "至",
    ]
    # each note is as high as its wrapped text: a long one is not cut off
    longest = max(range(len(rows)), key=lambda n: len(dialog.rows[n].note))
    note = dialog.model.note_index(longest)
    needed = table.fontMetrics().boundingRect(
        0, 0, table.viewport().width(), 10_000, Qt.TextFlag.TextWordWrap, note.data()
    )
    assert table.rowHeight(note.row()) >= needed.height()
    dialog.grab().save(str(tmp_path / "attach_zh.png"))


def test_a_long_file_name_is_elided_in_the_middle_not_scrolled(qtbot, tmp_path: Path) -> None:
    long = tmp_path / (
        "关于开展知识产权管理体系内部审核及管理评审工作的通知附件三" * 2 + " 2025-03-05.pdf"
    )
    long.write_bytes(b"%PDF-1.4 long")
    dialog = AttachDialog(review_files([long], []))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    qtbot.wait(20)
    assert not table.horizontalScrollBar().isVisible()
    name = dialog.model.cell(0, COL_FILE)
    # the name is wider than its column, which the view elides in the middle
    assert table.fontMetrics().horizontalAdvance(name.data()) > table.columnWidth(COL_FILE)
    assert table.textElideMode() == Qt.TextElideMode.ElideMiddle
    assert name.data(Qt.ItemDataRole.ToolTipRole) == str(long)
    assert table.visualRect(dialog.model.cell(0, COL_TO)).right() <= table.viewport().width()
    dialog.grab().save(str(tmp_path / "attach_long.png"))


def test_reading_a_drop_of_200_files_keeps_the_window_responsive(qtbot, session, tmp_path) -> None:
    """The files are hashed and their dates proposed in a worker: the event loop keeps running
    (a timer every 5 ms is never held up long) and the dialog lists all 200."""
    import os
    import shutil
    import time

    import openpyxl
    from PySide6.QtCore import QTimer

    from ipaudit.ui.checklist.item_panel import ItemPanel

    ws = session.workspace
    item = next(it.key for it in ws.template.items if it.kind.value == "records" and ws.owner(it))
    panel = ItemPanel(session)
    qtbot.addWidget(panel)
    panel.show_item(item)
    book = openpyxl.Workbook()
    book.active.append(["填表日期：2025-04-02"])
    for n in range(3000):
        book.active.append([dt.datetime(2025, 1, 1 + n % 28), f"材料{n}", n])
    book.save(tmp_path / "k.xlsx")
    kinds = [
        word(tmp_path / "k.docx", ["纪要", "会议时间：2025年3月5日"] + ["正文……" * 20] * 200),
        tmp_path / "k.xlsx",
        pdf(tmp_path / "k.pdf", [["通知"], ["正文"] * 40, ["2025年3月5日"]]),
        pdf(tmp_path / "s.pdf", [[]], scanned=True, info={"/CreationDate": "D:20250310"}),
    ]
    files = []
    for n in range(200):
        if n % 5 == 4:
            photo = tmp_path / f"{n:03d} 现场照片 2025-03-05.jpg"
            photo.write_bytes(os.urandom(300_000))
            files.append(photo)
            continue
        kind = kinds[n % len(kinds)]
        files.append(Path(shutil.copy(kind, tmp_path / f"{n:03d}{kind.suffix}")))

    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    start = time.perf_counter()
    with qtbot.waitSignal(panel.transfer.reviewed, timeout=120_000):
        panel.offer_files(files)
    elapsed = time.perf_counter() - start
    timer.stop()
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    dialog = panel.attach_dialog
    assert dialog is not None and len(dialog.rows) == 200
    assert all(row.doc_date.value() is not None for row in dialog.rows)
    # Had the files been read on the GUI thread, the timer would not have fired while they were
    # read. (A quiet machine: ~15 ms at most between ticks; a busy one shared with other test
    # runs: a few hundred, hence the loose bounds.)
    assert len(ticks) >= 10 * elapsed, (elapsed, len(ticks))
    assert max(gaps) < max(0.5 * elapsed, 0.25), (elapsed, max(gaps))
    print(f"200 files read in {elapsed:.2f} s; longest event-loop gap {max(gaps) * 1000:.0f} ms")
    dialog.reject()


def _key(qtbot, dialog: AttachDialog, key: Qt.Key) -> QModelIndex:
    qtbot.keyClick(dialog.focusWidget(), key)
    return dialog.table.currentIndex()


def test_the_keyboard_ticks_and_edits_dates(qtbot, tmp_path: Path) -> None:
    """Tab goes from a file's tick box through its three dates to the next file; a file left out
    is skipped past its (greyed) dates; Space ticks; F2 opens a date field, Enter keeps the date;
    after the last file Tab leaves the table for the buttons."""
    dated = tmp_path / "培训签到 2025-03-05.pdf"
    dated.write_bytes(b"%PDF-1.4 a")
    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")
    last = tmp_path / "纪要 2025-04-01.txt"
    last.write_text("纪要")
    dialog = AttachDialog(review_files([dated, empty, last], []))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table, model = dialog.table, dialog.model
    table.setFocus()
    dialog.select_file(0)
    seen = [(table.currentIndex().row() // 2, table.currentIndex().column())]
    for _ in range(6):
        index = _key(qtbot, dialog, Qt.Key.Key_Tab)
        seen.append((index.row() // 2, index.column()))
    # the empty file (1) is unticked: Tab stops at its tick box only
    assert seen == [(0, 0), (0, 1), (0, 2), (0, 3), (1, 0), (2, 0), (2, 1)]
    assert not dialog.rows[1].include

    # Space ticks the empty file after all; its dates can then be reached
    assert _key(qtbot, dialog, Qt.Key.Key_Backtab) == model.cell(2, COL_FILE)
    assert _key(qtbot, dialog, Qt.Key.Key_Backtab) == model.cell(1, COL_FILE)
    _key(qtbot, dialog, Qt.Key.Key_Space)
    assert dialog.rows[1].include
    assert model.cell(1, COL_DATE).flags() & Qt.ItemFlag.ItemIsEnabled
    assert _key(qtbot, dialog, Qt.Key.Key_Tab) == model.cell(1, COL_DATE)

    # Space ticks its document date (today, nothing was found), F2 edits it, Enter keeps it
    _key(qtbot, dialog, Qt.Key.Key_Space)
    assert dialog.rows[1].doc_date.value() == dt.date.today()
    assert "Date given by hand." in dialog.rows[1].note
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = table.findChild(QDateEdit)
    assert editor is not None and editor.isVisible()
    assert editor.geometry().left() > table.visualRect(model.cell(1, COL_DATE)).left()
    editor.setDate(dt.date(2025, 2, 14))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.findChild(QDateEdit) is None or not editor.isVisible())
    assert dialog.rows[1].doc_date.value() == dt.date(2025, 2, 14)
    assert dialog.isVisible()  # Enter in the date field did not attach yet

    # Space on the first file's period start unticks it: it is attached without that date
    dialog.select_file(0, COL_FROM)
    _key(qtbot, dialog, Qt.Key.Key_Space)
    assert dialog.rows[0].period_start.value() is None
    chosen = dict(dialog.chosen())
    assert chosen[dated]["period_start"] is None
    assert chosen[empty]["doc_date"] == dt.date(2025, 2, 14)

    # after the last file's last date Tab leaves the table
    dialog.select_file(2, COL_TO)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is not table
    assert dialog.buttons.isAncestorOf(dialog.focusWidget())


def test_attach_is_enabled_while_a_file_is_ticked(qtbot, tmp_path: Path) -> None:
    empty = tmp_path / "空.txt"
    empty.write_bytes(b"")
    dialog = AttachDialog(review_files([empty], []))
    qtbot.addWidget(dialog)
    model = dialog.model
    assert not dialog.ok.isEnabled()  # an empty file only: nothing is attached unasked
    assert not model.cell(0, COL_DATE).flags() & Qt.ItemFlag.ItemIsEnabled
    model.setData(model.cell(0, COL_FILE), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert dialog.ok.isEnabled()
    assert model.cell(0, COL_DATE).flags() & Qt.ItemFlag.ItemIsEnabled
    model.setData(model.cell(0, COL_FILE), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert not dialog.ok.isEnabled() and dialog.chosen() == []


def test_a_thousand_files_make_no_widget_per_file(qtbot, tmp_path: Path) -> None:
    """The files are rows of a model: the dialog's widgets do not grow with the drop, and the
    view scrolls to the last file with its note under it."""
    few = tmp_path / "few"
    many = tmp_path / "many"
    counts = []
    for folder, count in ((few, 3), (many, 1000)):
        folder.mkdir()
        paths = []
        for n in range(count):
            path = folder / f"{n:04d} 记录 2025-03-{1 + n % 28:02d}.txt"
            path.write_text(str(n))
            paths.append(path)
        dialog = AttachDialog(review_files(paths, []))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        counts.append(len(dialog.findChildren(QWidget)))
        assert len(dialog.rows) == count and len(dialog.chosen()) == count
    assert counts[1] == counts[0], counts
    last = dialog.select_file(999)
    assert dialog.table.viewport().rect().intersects(dialog.table.visualRect(last))
    assert dialog.model.note_index(999).data() == "Date taken from the file name."
    assert dialog.table.columnSpan(2 * 999 + 1, 0) == 4
