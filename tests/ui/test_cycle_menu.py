"""The Audit menu opens the next-cycle and application tabs of the main window; the new cycle's
file opens in the window from its tab, and its own tab compares it with the last cycle."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from ipaudit.ui.cycle.apply_view import ApplyView
from ipaudit.ui.cycle.next_cycle_view import NextCycleView
from ipaudit.ui.main_window import MainWindow


def test_next_cycle_from_the_menu_opens_in_the_window(
    opened: MainWindow, qtbot, tmp_path: Path, demo_path: Path
) -> None:
    apply_action = opened.acts.audit_views["apply"]
    assert apply_action.isVisible()
    apply_action.trigger()
    assert isinstance(opened.page.tabs.currentWidget(), ApplyView)

    opened.acts.audit_views["next_cycle"].trigger()
    view = opened.page.tabs.currentWidget()
    assert isinstance(view, NextCycleView)
    target = tmp_path / "演示-下一周期.ipaudit"
    view.target_edit.setText(str(target))
    with qtbot.waitSignal(view.cycleStarted, timeout=30_000):
        qtbot.mouseClick(view.start_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(opened.workspaceOpened, timeout=20_000):
        qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    assert opened.session is not None and opened.session.workspace.path == target

    opened.acts.audit_views["next_cycle"].trigger()
    again = opened.page.tabs.currentWidget()
    assert isinstance(again, NextCycleView) and again is not view
    qtbot.waitUntil(lambda: again.comparison is not None, timeout=20_000)  # compared on showing
    assert again.comparison.previous == demo_path.resolve()
    assert again.tree.topLevelItemCount() >= 6
