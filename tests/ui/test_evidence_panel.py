"""Evidence on the item panel: real drops from the file manager, hashing in a worker, versions,
metadata, removal and opening — each edit undone and redone."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QObject, QPoint, QPointF, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from ipaudit.ui.checklist.evidence_model import COL_SHA256, SHA_SHOWN, Sha256Role
from ipaudit.ui.checklist.item_panel import ItemPanel


def records_item(session) -> str:
    """An item that takes plain records (no slots): the template may change, the kind does not."""
    ws = session.workspace
    return next(it.key for it in ws.template.items if it.kind.value == "records" and ws.owner(it))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def drop(target, files: list[Path]) -> QDropEvent:
    """What the file manager sends: drag enter, drag move and the drop, with file URLs.

    (Qt delivers a drop only to a widget that accepted the drag when it entered.)
    """
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    rest = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, QDragEnterEvent(QPoint(20, 20), *rest))
    QApplication.sendEvent(target, QDragMoveEvent(QPoint(20, 20), *rest))
    event = QDropEvent(QPointF(20, 20), *rest)
    QApplication.sendEvent(target, event)
    return event


def confirm_dates(panel: ItemPanel) -> None:
    """Press "Attach" in the dates dialog each time a drop has been read."""

    def press(_reviews: object) -> None:
        QTimer.singleShot(0, lambda: panel.attach_dialog.ok.click())

    panel.transfer.reviewed.connect(press)


def listed(panel: ItemPanel) -> dict[str, str]:
    """SHA-256 → title of the current files the list shows."""
    model = panel.evidence_list.model
    out = {}
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        full = index.data(Sha256Role)
        assert model.index(row, COL_SHA256).data() == full[:SHA_SHOWN]
        out[full] = index.data()
    return out


@pytest.fixture
def panel(qtbot, session) -> ItemPanel:
    p = ItemPanel(session)
    qtbot.addWidget(p)
    p.resize(700, 900)
    p.show()
    p.show_item(records_item(session))
    assert p.item_key
    return p


def test_dropping_two_files_lists_them_with_their_sha256(qtbot, session, panel, tmp_path):
    a = write(tmp_path / "2025年培训计划.docx", b"plan 2025 " * 1000)
    b = write(tmp_path / "签到表.xlsx", os.urandom(3 * (1 << 20)))  # several chunks
    before = listed(panel)
    count = session.undo_stack.count()
    confirm_dates(panel)
    with qtbot.waitSignal(panel.transfer.attached, timeout=20_000) as attached:
        event = drop(panel, [a, b])
    assert event.isAccepted()
    stored = attached.args[0]
    assert [e.sha256 for e in stored] == [sha256(a), sha256(b)]
    shown = listed(panel)
    assert shown[sha256(a)] == "2025年培训计划" and shown[sha256(b)] == "签到表"
    assert len(shown) == len(before) + 2
    assert session.undo_stack.count() == count + 1  # the drop is one step
    assert not panel.progress.isVisible()
    # the checklist counts and the stored bytes agree
    assert len(session.workspace.evidence(panel.item_key)) == len(before) + 2

    session.undo_stack.undo()
    assert listed(panel) == before
    assert len(session.workspace.evidence(panel.item_key)) == len(before)
    session.undo_stack.redo()
    assert listed(panel) == shown


def test_dropping_on_the_evidence_list_and_folders_are_ignored(qtbot, session, panel, tmp_path):
    a = write(tmp_path / "记录.pdf", b"%PDF-1.4 record")
    folder = tmp_path / "folder"
    folder.mkdir()
    event = drop(panel.evidence_list, [folder])
    assert not event.isAccepted()
    assert not panel.transfer.busy
    confirm_dates(panel)
    with qtbot.waitSignal(panel.transfer.attached, timeout=20_000):
        drop(panel.evidence_list, [a, folder])
    assert sha256(a) in listed(panel)


def test_cancelling_an_attachment_keeps_nothing(qtbot, session, panel, tmp_path):
    small = write(tmp_path / "small.txt", b"small")
    big = write(tmp_path / "big.bin", os.urandom(24 * (1 << 20)))
    before = listed(panel)
    count = session.undo_stack.count()
    with qtbot.waitSignal(panel.transfer.cancelled, timeout=30_000):
        panel.attach_files([small, big])
        assert panel.progress.isVisible()
        assert not panel.evidence_list.add_action.isEnabled()
        panel.progress.cancel_button.click()
    assert listed(panel) == before
    assert len(session.workspace.evidence(panel.item_key)) == len(before)
    assert session.undo_stack.count() == count
    assert panel.evidence_list.add_action.isEnabled()


def test_a_missing_file_is_reported_not_crashed(qtbot, session, panel, tmp_path):
    gone = tmp_path / "gone.pdf"
    with qtbot.waitSignal(panel.transfer.failed, timeout=10_000):
        panel.attach_files([gone])
    assert panel.message_box is not None
    assert str(gone) in panel.message_box.text()


def test_replace_keeps_the_old_version(qtbot, session, panel, tmp_path):
    first = write(tmp_path / "规划.docx", b"version one")
    with qtbot.waitSignal(panel.transfer.attached, timeout=20_000):
        panel.attach_files([first])
    ev = next(e for e in session.workspace.evidence(panel.item_key) if e.sha256 == sha256(first))
    second = write(tmp_path / "规划-v2.docx", b"version two")
    with qtbot.waitSignal(panel.transfer.attached, timeout=20_000):
        panel.replace_evidence(ev, second)
    model = panel.evidence_list.model
    index = model.index_of(ev.id)
    assert index.isValid() and index.parent().isValid()  # listed under the new version
    assert index.parent().data(Sha256Role) == sha256(second)
    assert index.data(Sha256Role) == sha256(first)
    assert sha256(first) not in listed(panel) and sha256(second) in listed(panel)

    session.undo_stack.undo()
    assert sha256(first) in listed(panel) and sha256(second) not in listed(panel)
    session.undo_stack.redo()
    assert sha256(second) in listed(panel) and sha256(first) not in listed(panel)


def test_edit_metadata_and_remove(qtbot, session, panel, tmp_path):
    f = write(tmp_path / "合同.pdf", b"contract")
    with qtbot.waitSignal(panel.transfer.attached, timeout=20_000):
        panel.attach_files([f])
    ev = next(e for e in session.workspace.evidence(panel.item_key) if e.sha256 == sha256(f))
    dialog = panel.edit_evidence(ev)
    assert dialog.isVisible()
    dialog.title.setText("")
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.title.setText("2025年度培训计划")
    dialog.doc_number.setText("HR-JL-03")
    dialog.version.setText("A/1")
    dialog.doc_date.set_value(dt.date(2025, 1, 8))
    dialog.period_start.set_value(dt.date(2025, 12, 31))
    dialog.period_end.set_value(dt.date(2025, 1, 1))
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.period_start.set_value(dt.date(2025, 1, 1))
    dialog.period_end.set_value(dt.date(2025, 12, 31))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    edited = session.workspace.store.evidence_by_id(ev.id)
    assert (edited.title, edited.doc_number, edited.version) == (
        "2025年度培训计划",
        "HR-JL-03",
        "A/1",
    )
    assert edited.doc_date == dt.date(2025, 1, 8)
    assert (edited.period_start, edited.period_end) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert listed(panel)[ev.sha256] == "2025年度培训计划"

    session.undo_stack.undo()
    restored = session.workspace.store.evidence_by_id(ev.id)
    assert (restored.title, restored.doc_date, restored.period_start) == (ev.title, None, None)
    assert listed(panel)[ev.sha256] == ev.title
    session.undo_stack.redo()
    assert listed(panel)[ev.sha256] == "2025年度培训计划"

    panel.evidence_list.select(ev.id)
    panel.evidence_list.remove_action.trigger()
    assert ev.sha256 not in listed(panel)
    session.undo_stack.undo()
    assert ev.sha256 in listed(panel)
    session.undo_stack.redo()
    assert ev.sha256 not in listed(panel)


class _Opened(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.urls.append(url)


def test_open_hands_a_read_only_copy_to_the_system(qtbot, session, panel, tmp_path):
    f = write(tmp_path / "证书.pdf", b"%PDF certificate")
    with qtbot.waitSignal(panel.transfer.attached, timeout=20_000):
        panel.attach_files([f])
    ev = next(e for e in session.workspace.evidence(panel.item_key) if e.sha256 == sha256(f))
    opened = _Opened()
    QDesktopServices.setUrlHandler("file", opened, "handle")
    try:
        panel.evidence_list.select(ev.id)
        with qtbot.waitSignal(panel.transfer.exported, timeout=10_000):
            panel.evidence_list.open_action.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert len(opened.urls) == 1
    copy = Path(opened.urls[0].toLocalFile())
    assert copy.name == "证书.pdf"
    assert copy.read_bytes() == f.read_bytes()
    assert not copy.stat().st_mode & stat.S_IWUSR  # edits cannot silently go to a temp copy


def test_undoing_the_first_attachment_puts_the_status_back(qtbot, session, tmp_path):
    from ipaudit.domain.model import Status

    ws = session.workspace
    key = next(it.key for it in ws.template.items if it.kind.value == "document" and ws.owner(it))
    for ev in ws.evidence(key):  # start the item from scratch
        ws.remove_evidence(ev.id)
    ws.set_status(key, Status.NOT_STARTED)
    p = ItemPanel(session)
    qtbot.addWidget(p)
    p.show()
    p.show_item(key)
    with qtbot.waitSignal(p.transfer.attached, timeout=20_000):
        p.attach_files([write(tmp_path / "手册.pdf", b"%PDF-1.4 manual")])
    assert ws.state(key).status is Status.IN_PROGRESS
    session.undo_stack.undo()
    assert ws.state(key).status is Status.NOT_STARTED and ws.evidence(key) == []
    session.undo_stack.redo()
    assert ws.state(key).status is Status.IN_PROGRESS and len(ws.evidence(key)) == 1


def test_a_drop_asks_for_the_dates_of_every_file_in_one_dialog(qtbot, session, panel, tmp_path):
    ws = session.workspace
    dated = write(tmp_path / "培训签到 2025-03-05.pdf", b"%PDF-1.4 sign-in")
    empty = write(tmp_path / "空白.docx", b"")
    kept = write(tmp_path / "计划.pdf", b"%PDF-1.4 plan")
    with qtbot.waitSignal(panel.transfer.attached, timeout=20_000):
        panel.attach_files([kept], [{"doc_date": dt.date(2025, 1, 2)}])
    again = write(tmp_path / "计划-副本.pdf", kept.read_bytes())
    before = len(ws.evidence(panel.item_key))

    with qtbot.waitSignal(panel.transfer.reviewed, timeout=20_000):
        drop(panel, [dated, empty, again])
    dialog = panel.attach_dialog
    assert dialog is not None and dialog.isVisible()
    rows = {r.review.path.name: r for r in dialog.rows}
    assert list(rows) == [dated.name, empty.name, again.name]  # one dialog for the whole drop
    assert rows[dated.name].doc_date.value() == dt.date(2025, 3, 5)
    assert rows[dated.name].include
    assert "file name" in rows[dated.name].note
    assert not rows[empty.name].include
    assert "empty" in rows[empty.name].note
    assert "No date found" in rows[empty.name].note
    assert not rows[again.name].include
    assert "计划" in rows[again.name].note  # the title of the file it duplicates

    # the user corrects a date and adds the period; the empty and duplicate files stay out
    model = dialog.model
    model.setData(model.cell(0, 1), dt.date(2025, 3, 6))
    assert "by hand" in rows[dated.name].note
    model.setData(model.cell(0, 2), dt.date(2025, 3, 1))
    model.setData(model.cell(0, 3), dt.date(2025, 3, 31))
    with qtbot.waitSignal(panel.transfer.attached, timeout=20_000) as attached:
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    (ev,) = attached.args[0]
    assert ev.original_name == dated.name
    stored = ws.store.evidence_by_id(ev.id)
    assert stored.doc_date == dt.date(2025, 3, 6)
    assert (stored.period_start, stored.period_end) == (dt.date(2025, 3, 1), dt.date(2025, 3, 31))
    assert len(ws.evidence(panel.item_key)) == before + 1
    # what was just attached is selected and in view
    assert panel.evidence_list.selected().id == ev.id
    viewport = panel.scroll_area.viewport()
    top = panel.evidence_list.mapTo(viewport, QPoint(0, 0)).y()
    assert 0 <= top < viewport.height()


def test_cancelling_the_dates_dialog_attaches_nothing(qtbot, session, panel, tmp_path):
    ws = session.workspace
    before = len(ws.evidence(panel.item_key))
    f = write(tmp_path / "记录20250101.pdf", b"%PDF-1.4 r")
    with qtbot.waitSignal(panel.transfer.reviewed, timeout=20_000):
        drop(panel, [f])
    panel.attach_dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert not panel.transfer.busy
    assert len(ws.evidence(panel.item_key)) == before


def test_files_go_to_the_item_they_were_dropped_on(qtbot, session, panel, tmp_path):
    ws = session.workspace
    first = panel.item_key
    other = next(
        it.key
        for it in ws.template.items
        if it.kind.value == "records" and ws.owner(it) and it.key != first
    )
    f = write(tmp_path / "记录 2025-05-06.pdf", b"%PDF-1.4 dropped")
    with qtbot.waitSignal(panel.transfer.reviewed, timeout=20_000):
        drop(panel, [f])
    panel.show_item(other)  # the user looks at another item before confirming the dates
    with qtbot.waitSignal(panel.transfer.attached, timeout=20_000):
        panel.attach_dialog.ok.click()
    assert any(e.sha256 == sha256(f) for e in ws.evidence(first))
    assert not any(e.sha256 == sha256(f) for e in ws.evidence(other))
