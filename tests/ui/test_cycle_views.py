"""The next-cycle and application tabs on the demo: start the next cycle in a worker, compare it
with the last one, check the application conditions and export the materials."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ipaudit.domain.model import AuditType, Status
from ipaudit.domain.rollover import items_to_refresh, next_info
from ipaudit.services import Workspace
from ipaudit.services.application import check_application
from ipaudit.ui.checklist.evidence_model import COL_ADDED, EvidenceModel, build_rows
from ipaudit.ui.cycle.apply_view import ApplyView
from ipaudit.ui.cycle.next_cycle_view import NextCycleView
from ipaudit.ui.panels import AUDIT_VIEWS
from ipaudit.ui.session import WorkspaceSession

pytestmark = pytest.mark.usefixtures("zh")  # the views' texts are read in Chinese


class Host(QWidget):
    """A window with the main window's ``open_path``."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[Path] = []

    def open_path(self, path: Path) -> bool:
        self.opened.append(Path(path))
        return True


def test_both_views_are_audit_views() -> None:
    assert AUDIT_VIEWS["next_cycle"]() is NextCycleView
    assert AUDIT_VIEWS["apply"]() is ApplyView


def test_start_the_next_cycle_open_it_and_compare(session, qtbot, tmp_path: Path) -> None:
    host = Host()
    qtbot.addWidget(host)
    view = NextCycleView(session, host)
    ws = session.workspace
    assert Path(view.target_edit.text()).parent == ws.path.parent
    assert not Path(view.target_edit.text()).exists()
    view.type_combo.setCurrentIndex(1)  # surveillance
    expected = items_to_refresh(
        ws.template, next_info(ws.info(), AuditType.SURVEILLANCE), ws.evidence(), ws.states()
    )
    assert view.refresh_count == len(expected) > 0
    assert f"{len(expected)} 个条目需要本周期的记录" in view.preview.text()

    target = tmp_path / "下一周期.ipaudit"
    view.target_edit.setText(str(target))
    with qtbot.waitSignal(view.cycleStarted, timeout=20_000) as started:
        qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    assert started.args == [target] and target.exists()
    assert "已写入" in view.status.text() and view.open_button.isVisibleTo(view)
    qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    assert host.opened == [target]

    new = WorkspaceSession(Workspace.open(target))
    try:
        assert {
            k for k, s in new.workspace.states().items() if s.status is Status.NEEDS_REFRESH
        } == set(expected)
        model = EvidenceModel()
        rows = build_rows(new.workspace.evidence("ipo.internal_audit", include_old=True))
        model.set_rows(rows)
        added = model.data(model.index(0, COL_ADDED))
        assert rows and added.endswith(" · 上周期")
        second = NextCycleView(new)
        qtbot.addWidget(second)
        assert str(ws.path.resolve()) in second.previous_label.text()
        assert second.compare_button.isEnabled()
        tree = second.tree
        first = tree.topLevelItem(0)  # before any comparison: why each item needs refreshing
        assert first.text(0) == f"需要本周期记录的条目 ({len(expected)})"
        assert all(
            "不在审核期" in first.child(i).text(1) or "年" in first.child(i).text(1)
            for i in range(first.childCount())
        )
        second.show()  # the first showing compares with the last cycle's file by itself
        qtbot.waitUntil(lambda: second.comparison is not None, timeout=20_000)
        branches = {
            tree.topLevelItem(i).text(0): tree.topLevelItem(i)
            for i in range(tree.topLevelItemCount())
        }
        status = next(b for name, b in branches.items() if name.startswith("条目状态"))
        assert status.childCount() == len(expected)
        assert {status.child(i).text(2) for i in range(status.childCount())} == {
            "需更新（上周期记录）"
        }
    finally:
        new.close()


def test_an_earlier_audit_start_is_refused_before_starting(session, qtbot) -> None:
    view = NextCycleView(session)
    qtbot.addWidget(view)
    start = session.workspace.info().audit_start
    view.start_edit.setDate(view.start_edit.date().addYears(-1))
    assert not view.start_button.isEnabled()
    assert str(start) in view.preview.text()


def test_apply_view_lists_conditions_and_exports_the_materials(
    session, qtbot, tmp_path: Path
) -> None:
    view = ApplyView(session)
    qtbot.addWidget(view)
    check = check_application(session.workspace)
    assert view.conditions.rowCount() == len(check.conditions)
    assert view.materials.rowCount() == len(check.materials)
    for row, result in enumerate(check.conditions):
        mark = view.conditions.item(row, 0).text()
        assert mark == ("√ 满足" if result.passed else "× 未满足")
        assert view.conditions.item(row, 2).text() == " ".join(r.zh for r in result.reasons)
    assert view.materials.item(0, 1).text() == "认证申请书"

    target = tmp_path / "申请材料"
    view.target_edit.setText(str(target))
    task = view.export()
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    assert (target / "00_申请材料目录.xlsx").exists()
    assert "已写入" in view.status.text() and view.open_folder.isVisibleTo(view)
    numbered = sorted(p.name for p in target.iterdir() if not p.name.startswith("00_"))
    assert numbered[0].startswith("01_认证申请书_")


def test_apply_view_follows_an_edit(session, qtbot, tmp_path: Path) -> None:
    view = ApplyView(session)
    qtbot.addWidget(view)
    ws = session.workspace
    ws.set_fact("extra.admin_penalties", "2")
    session.edited.emit("")
    row = [r.condition.id for r in view.check.conditions].index("no_penalty")
    assert view.conditions.item(row, 0).text() == "× 未满足"
    assert "2" in view.conditions.item(row, 2).text()


def test_a_department_view_does_not_start_the_next_cycle(demo_path: Path, qtbot) -> None:
    session = WorkspaceSession(Workspace.open(demo_path), department="rnd")
    try:
        view = NextCycleView(session)
        qtbot.addWidget(view)
        assert not view.start_button.isEnabled()
        assert "体系专员" in view.start_button.toolTip()
    finally:
        session.close()
