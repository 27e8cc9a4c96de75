"""Status rules in the app, on the real demo workspace: a mandatory item is never not applicable;
marking ready beside an open blocking finding asks first, and the item is still shown and counted
in progress with the finding visible."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from ipaudit.domain.model import Status
from ipaudit.ui import commands
from ipaudit.ui.checklist.checklist_model import StatusRole
from tests.ui.test_item_panel import open_item, window  # noqa: F401 - the fixture


def test_a_mandatory_item_cannot_be_not_applicable(qtbot, session, window) -> None:  # noqa: F811
    key = "ipo.internal_audit"
    open_item(window, "ip_office", key)
    before = session.workspace.state(key)
    editor = window.panel.status_editor
    editor.choose(Status.NOT_APPLICABLE)
    dialog = editor.dialog
    dialog.edit.insertPlainText("今年没做")
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    box = window.panel.message_box
    assert box is not None and box.isVisible()
    assert "不适用" in box.text() or "not applicable" in box.text()
    assert session.workspace.state(key).status is before.status
    assert editor.shown_status() is before.status
    box.close()


def test_ready_beside_a_blocking_finding_asks_and_stays_in_progress(
    qtbot,
    session,
    window,  # noqa: F811
) -> None:
    ws = session.workspace
    finding = next(f for f in session.assessment.findings if f.blocking and f.department == "rnd")
    key = finding.item_key
    open_item(window, "rnd", key)
    if ws.state(key).status is Status.READY:
        commands.set_status(session, key, Status.IN_PROGRESS)
    editor = window.panel.status_editor
    before = ws.state(key).status

    editor.choose(Status.READY)
    box = window.panel.message_box
    assert box is not None and box.isVisible()
    box.button(QMessageBox.StandardButton.No).click()
    assert ws.state(key).status is before
    assert editor.shown_status() is before

    editor.choose(Status.READY)
    with qtbot.waitSignal(session.assessed, timeout=10_000):
        window.panel.message_box.button(QMessageBox.StandardButton.Yes).click()
    assert ws.state(key).status is Status.READY  # what the user chose is kept …
    index = window.checklist.model.index_of(key)
    assert index.data(StatusRole) == Status.IN_PROGRESS  # … but never shown as ready
    assert editor.effective_label.isVisible()
    assert any(f.item_key == key and f.blocking for f in session.assessment.findings)
    group = index.parent()
    rows = [
        window.checklist.model.index(r, 0, group)
        for r in range(window.checklist.model.rowCount(group))
    ]
    ready = sum(1 for r in rows if r.data(StatusRole) == Status.READY)
    assert f"({ready}/" in group.data(Qt.ItemDataRole.DisplayRole)
