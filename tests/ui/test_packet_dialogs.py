"""The department packet dialogs: export proposes a free name and writes the packet in a worker;
import previews every change with a choice per conflict, applies in a worker and undoes the
whole import in one step."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ipaudit.services import packets
from ipaudit.store.edits import os_user
from ipaudit.ui import errors, panels, workers
from ipaudit.ui.packets.export_dialog import PacketExportDialog
from ipaudit.ui.packets.import_dialog import PacketImportDialog
from ipaudit.ui.packets.preview_model import CHOICE, PACKET, WORKSPACE, PreviewModel
from ipaudit.ui.session import WorkspaceSession
from tests.integration.test_packets import sent_back


@pytest.fixture(autouse=True)
def chinese(zh):  # the language is reset after the workers stopped
    yield
    workers.wait_all()


def export(session: WorkspaceSession, qtbot, target: Path | None = None) -> PacketExportDialog:
    dialog = PacketExportDialog(session)
    qtbot.addWidget(dialog)
    dialog.department.setCurrentIndex(dialog.department.findData("rnd"))
    if target is not None:
        dialog.target.setText(str(target))
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        dialog.export_button.click()
    return dialog


def filled(session: WorkspaceSession, qtbot, tmp_path: Path) -> Path:
    """A packet of R&D with a status, an answer and notes changed and a file dropped in."""
    dialog = export(session, qtbot, tmp_path / "rnd.zip")
    return sent_back(
        dialog.written.path,
        tmp_path,
        {
            ("rnd.ip_plan", ""): {"status": "进行中", "notes": "填报包的备注"},
            ("rnd.search_timing", "search_tools"): {"answer": "专利检索平台"},
        },
        (("rnd.disclosures", "交底书_2025-05-06.pdf", b"%PDF-1.4 packet dialog test"),),
    )


def test_the_file_menu_opens_both_dialogs():
    assert {"export_packet", "import_packet"} <= set(panels.TOOLS)
    assert panels.load(panels.TOOLS["export_packet"]) is PacketExportDialog
    assert panels.load(panels.TOOLS["import_packet"]) is PacketImportDialog


def test_export_proposes_a_free_name_and_writes_the_packet(session, qtbot, tmp_path: Path):
    dialog = PacketExportDialog(session)
    qtbot.addWidget(dialog)
    dialog.department.setCurrentIndex(dialog.department.findData("rnd"))
    proposed = Path(dialog.target.text())
    assert proposed.parent == session.workspace.path.parent
    assert "研发" in proposed.name and proposed.name.endswith(".zip")
    dialog.target.setText(str(tmp_path / proposed.name))
    with qtbot.waitSignal(dialog.exported, timeout=60_000) as blocker:
        dialog.export_button.click()
    written = blocker.args[0]
    assert written.path.exists() and written.department == "rnd"
    assert str(written.path) in dialog.status.text()
    # the next proposal is in the same folder and not taken
    again = Path(dialog.target.text())
    assert again.parent == tmp_path and again != written.path and not again.exists()
    # a new dialog proposes the folder the last packet went to
    fresh = PacketExportDialog(session)
    qtbot.addWidget(fresh)
    assert Path(fresh.target.text()).parent == tmp_path


def test_department_view_exports_only_its_department(demo_path: Path, qtbot):
    from ipaudit.services import Workspace

    s = WorkspaceSession(Workspace.open(demo_path), department="finance")
    try:
        dialog = PacketExportDialog(s)
        qtbot.addWidget(dialog)
        assert dialog.department.count() == 1 and dialog.department_key() == "finance"
        assert not dialog.department.isEnabled()
    finally:
        s.close()


def test_preview_choose_per_conflict_apply_and_undo(session, qtbot, tmp_path: Path):
    ws = session.workspace
    back = filled(session, qtbot, tmp_path)
    ws.set_notes("rnd.ip_plan", "工作区同时改的备注")  # meanwhile, in the workspace
    before = ws.states()
    files_before = len(ws.evidence("rnd.disclosures"))

    dialog = PacketImportDialog(session)
    qtbot.addWidget(dialog)
    dialog.source.setText(str(back))
    with qtbot.waitSignal(dialog.previewed, timeout=60_000):
        dialog.read_button.click()
    model = dialog.model
    rows = {model.change(r).key: r for r in range(model.rowCount())}
    assert set(rows) - {"rnd.ip_plan|status|"} == {  # (the demo's item may be in progress)
        "rnd.ip_plan|notes|",
        "rnd.search_timing|answer|search_tools",
    }
    notes = rows["rnd.ip_plan|notes|"]
    value, edited = model.data(model.index(notes, WORKSPACE)).split("\n")
    assert value == "工作区同时改的备注"  # and who changed it meanwhile, and when
    change = model.change(notes)
    assert change.edited_by == os_user() and change.edited_at[:4].isdigit()
    assert edited == f"（{change.edited_by} 修改于 {change.edited_at}）"
    assert model.data(model.index(notes, PACKET)) == "填报包的备注"
    assert model.data(model.index(notes, CHOICE), Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Unchecked
    )
    tip = model.data(model.index(notes, 0), Qt.ItemDataRole.ToolTipRole)
    assert "部门清单.xlsx" in tip and "单元格 J" in tip
    answer = rows["rnd.search_timing|answer|search_tools"]
    assert model.data(model.index(answer, CHOICE)) == "否"
    assert not model.flags(model.index(answer, CHOICE)) & Qt.ItemFlag.ItemIsUserCheckable
    assert dialog.files.topLevelItemCount() == 1
    assert "2025-05-06" in dialog.files.topLevelItem(0).text(2)
    assert "其中 1 处与导出后工作区中的修改冲突" in dialog.summary.text()
    assert dialog.apply_button.isEnabled()

    # the user takes the packet's notes
    assert model.setData(
        model.index(notes, CHOICE), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    assert model.choices() == {"rnd.ip_plan|notes|": True}
    depth = session.undo_stack.count()
    with qtbot.waitSignal(dialog.applied, timeout=60_000) as blocker:
        dialog.apply_button.click()
    applied = blocker.args[0]
    assert not applied.kept and applied.files == 1
    assert ws.state("rnd.ip_plan").notes == "填报包的备注"
    assert ws.state("rnd.search_timing").answers["search_tools"] == "专利检索平台"
    assert len(ws.evidence("rnd.disclosures")) == files_before + 1
    assert session.undo_stack.count() == depth + 1  # one step for the whole import
    assert "导入" in session.undo_stack.undoText()
    assert not dialog.apply_button.isEnabled()

    session.undo_stack.undo()
    after_undo = ws.states()
    for key in ("rnd.ip_plan", "rnd.search_timing", "rnd.disclosures"):
        a, b = after_undo[key], before.get(key) or ws.state(key).__class__(key)
        assert (a.status, a.notes, a.answers) == (b.status, b.notes, b.answers)
    assert len(ws.evidence("rnd.disclosures")) == files_before
    session.undo_stack.redo()
    assert ws.state("rnd.ip_plan").notes == "填报包的备注"
    assert ws.state("rnd.search_timing").answers["search_tools"] == "专利检索平台"
    assert len(ws.evidence("rnd.disclosures")) == files_before + 1


def test_a_packet_imported_again_says_so_and_offers_nothing_to_apply(
    session, qtbot, tmp_path: Path
):
    back = filled(session, qtbot, tmp_path)
    with packets.read_packet(back) as packet:
        packets.apply_packet(session.workspace, packets.preview_packet(session.workspace, packet))

    dialog = PacketImportDialog(session)
    qtbot.addWidget(dialog)
    dialog.source.setText(str(back))
    with qtbot.waitSignal(dialog.previewed, timeout=60_000):
        dialog.read_button.click()
    assert dialog.model.rowCount() == 0
    assert "已于" in dialog.status.text() and "导入过" in dialog.status.text()
    assert "再次导入不会有任何改动" in dialog.status.text()
    assert not dialog.apply_button.isEnabled()


def test_a_packet_of_another_department_is_refused_in_a_department_view(
    session, demo_path: Path, qtbot, tmp_path: Path
):
    from ipaudit.services import Workspace

    back = filled(session, qtbot, tmp_path)
    session.workspace.checkpoint()
    view = WorkspaceSession(Workspace.open(session.workspace.path), department="finance")
    try:
        dialog = PacketImportDialog(view)
        qtbot.addWidget(dialog)
        dialog.source.setText(str(back))
        with qtbot.waitSignal(errors.reporter().shown, timeout=60_000) as blocker:
            dialog.read_button.click()
        box = blocker.args[0]
        assert "部门视图" in box.text() + box.informativeText()
        box.close()
        qtbot.waitUntil(lambda: not dialog.running)
        assert dialog.preview is None and not dialog.apply_button.isEnabled()
    finally:
        view.close()


def test_preview_model(qtmodeltester, session, qtbot, tmp_path: Path):
    back = filled(session, qtbot, tmp_path)
    session.workspace.set_notes("rnd.ip_plan", "另一个备注")
    with packets.read_packet(back) as packet:
        preview = packets.preview_packet(session.workspace, packet)
        model = PreviewModel()
        model.set_changes(preview.changes)
        qtmodeltester.check(model)
        assert model.rowCount() == len(preview.changes) and preview.conflicts


def previewed_with_a_conflict(session, qtbot, tmp_path: Path) -> PacketImportDialog:
    """The import dialog at 1366×768, shown with the preview of a filled packet whose note of
    rnd.ip_plan was changed in the workspace meanwhile (a conflict)."""
    back = filled(session, qtbot, tmp_path)
    session.workspace.set_notes("rnd.ip_plan", "另一个备注")
    dialog = PacketImportDialog(session)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.source.setText(str(back))
    with qtbot.waitSignal(dialog.previewed, timeout=60_000):
        dialog.start_read()
    dialog.show()
    return dialog


def test_the_import_dialog_renders(session, qtbot, tmp_path: Path):
    dialog = previewed_with_a_conflict(session, qtbot, tmp_path)
    image = dialog.grab()
    assert image.width() == 1366
    image.save(str(tmp_path / "import.png"))
    assert dialog.tabs.tabText(0).startswith("改动")


def test_the_file_menu_actions_open_the_dialogs(demo_path: Path, qtbot):
    from PySide6.QtWidgets import QDialog

    from ipaudit.ui.main_window import MainWindow
    from ipaudit.ui.settings import Settings

    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    try:
        assert not win.acts.export_packet.isEnabled()  # no workspace yet
        with qtbot.waitSignal(win.workspaceOpened, timeout=10_000):
            assert win.open_path(demo_path)
        for action, cls in (
            (win.acts.export_packet, PacketExportDialog),
            (win.acts.import_packet, PacketImportDialog),
        ):
            assert action.isVisible() and action.isEnabled()
            assert action in win.menus.file.actions()
            before = set(win.findChildren(QDialog))
            action.trigger()
            (dialog,) = [d for d in win.findChildren(QDialog) if d not in before and d.isVisible()]
            assert type(dialog) is cls
            dialog.close()
        assert "部门填报包" in win.acts.export_packet.text()
    finally:
        win.close()
        workers.wait_all()


def test_a_read_only_workspace_previews_but_applies_nothing(session, qtbot, tmp_path: Path):
    from ipaudit.services import Workspace

    back = filled(session, qtbot, tmp_path)
    session.workspace.checkpoint()
    view = WorkspaceSession(Workspace.open(session.workspace.path, read_only=True))
    try:
        dialog = PacketImportDialog(view)
        qtbot.addWidget(dialog)
        dialog.source.setText(str(back))
        with qtbot.waitSignal(dialog.previewed, timeout=60_000):
            dialog.read_button.click()
        assert dialog.model.rowCount() > 0
        assert not dialog.apply_button.isEnabled()
        assert "只读" in dialog.status.text()
        assert dialog.start_apply() is None
    finally:
        view.close()


def test_the_preview_columns_fit(session, qtbot, tmp_path: Path):
    """At 1366×768 the conflict column is as wide as its longest text, not the rest of the
    table: the values get the room (the packet's long value wraps in fewer lines)."""
    dialog = previewed_with_a_conflict(session, qtbot, tmp_path)
    qtbot.waitExposed(dialog)
    table = dialog.table
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    longest = max(metrics.horizontalAdvance(t) for t in dialog.model.choice_texts())
    choice = header.sectionSize(CHOICE)
    assert longest < choice < longest + 80
    values = [header.sectionSize(c) for c in (WORKSPACE, PACKET)]
    assert min(values) > choice  # the values share what the conflict column leaves
    used = sum(header.sectionSize(c) for c in range(5))
    assert used <= table.viewport().width() + 1  # no sideways scrolling
    qtbot.wait(50)
    # rows are as high as their text at these widths: a one-line row is one line high
    status = next(
        r for r in range(dialog.model.rowCount()) if dialog.model.change(r).field == "status"
    )
    assert table.rowHeight(status) < 3 * metrics.height()
    dialog.grab().save(str(tmp_path / "preview.png"))
