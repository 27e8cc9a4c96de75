"""Files dragged from the file manager onto the window: a checklist row attaches to that item, a
workspace file opens, ledger files on the reconciliation view start the ledger import."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from ipaudit.ui import i18n, workers
from ipaudit.ui.checklist.checklist_model import ItemKeyRole
from ipaudit.ui.main_window import MainWindow
from ipaudit.ui.settings import Settings


def drop(target: QWidget, files: list[Path], at: QPoint) -> QDropEvent:
    """Drag enter, move and drop at ``at`` of ``target``, as a file manager sends them."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    rest = (
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(at, *rest)
    QApplication.sendEvent(target, enter)
    QApplication.sendEvent(target, QDragMoveEvent(at, *rest))
    event = QDropEvent(QPointF(at), *rest)
    if enter.isAccepted():
        QApplication.sendEvent(target, event)
    else:
        event.ignore()
    return event


@pytest.fixture
def window(qtbot, demo_path: Path) -> Iterator[MainWindow]:
    i18n.set_language("en")
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.resize(1366, 720)
    win.show()
    with qtbot.waitSignal(win.workspaceOpened, timeout=10_000):
        win.open_path(demo_path)
    yield win
    win.close()
    workers.wait_all()
    i18n.reset()


def _row_of(window: MainWindow, want_item: bool) -> tuple[QPoint, str]:
    tree = window.page.checklist.tree
    model = tree.model()
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        if not want_item:
            return tree.visualRect(parent).center(), ""
        child = model.index(0, 0, parent)
        if child.isValid():
            tree.scrollTo(child)
            return tree.visualRect(child).center(), child.data(ItemKeyRole)
    raise AssertionError("no item row")


def test_files_dropped_on_a_checklist_row_go_to_that_item(qtbot, window, tmp_path) -> None:
    window.show_department("hr_admin")
    at, key = _row_of(window, want_item=True)
    assert key != window.page.item_panel.item_key
    record = tmp_path / "培训记录 2025-06-01.pdf"
    record.write_bytes(b"%PDF-1.4 training")
    panel = window.page.item_panel
    with qtbot.waitSignal(panel.transfer.reviewed, timeout=20_000):
        event = drop(window.page.checklist.tree.viewport(), [record], at)
    assert event.isAccepted()
    assert panel.item_key == key and window.page.checklist.current_item() == key
    dialog = panel.attach_dialog
    assert dialog is not None and dialog.isVisible()
    assert [r.review.path for r in dialog.rows] == [record]
    with qtbot.waitSignal(panel.transfer.attached, timeout=20_000):
        dialog.ok.click()
    assert any(e.original_name == record.name for e in window.session.workspace.evidence(key))


def test_a_clause_row_takes_no_files(window, tmp_path) -> None:
    at, _key = _row_of(window, want_item=False)
    record = tmp_path / "x.pdf"
    record.write_bytes(b"%PDF")
    assert not drop(window.page.checklist.tree.viewport(), [record], at).isAccepted()
    assert not window.page.item_panel.transfer.busy


def test_a_workspace_file_dropped_on_the_window_opens(qtbot, window, demo_path, tmp_path) -> None:
    other = tmp_path / "other.ipaudit"
    shutil.copyfile(demo_path, other)
    with qtbot.waitSignal(window.workspaceOpened, timeout=10_000):
        event = drop(window, [other], QPoint(window.width() // 2, 10))
    assert event.isAccepted()
    assert window.session.workspace.path == other.resolve()


def test_ledger_files_dropped_on_the_reconciliation_view_start_the_import(
    qtbot, window, tmp_path
) -> None:
    book = openpyxl.Workbook()
    book.active.append(["日期", "姓名", "金额"])
    ledger = tmp_path / "奖金发放登记表.xlsx"
    book.save(ledger)
    view = window.run_tool("reconciliation")
    assert view is not None and view.isVisible()
    outside = drop(window, [ledger], QPoint(window.width() // 2, 5))  # the menu bar
    assert not outside.isAccepted()
    at = view.mapTo(window, view.rect().center())
    event = drop(window, [ledger], at)
    assert event.isAccepted()
    from ipaudit.ui.ledger.import_wizard import LedgerImportWizard

    qtbot.waitUntil(lambda: window.findChild(LedgerImportWizard) is not None, timeout=5_000)
    wizard = window.findChild(LedgerImportWizard)
    assert wizard.file_page.paths() == [ledger]
    wizard.reject()
