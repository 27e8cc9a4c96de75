"""The findings dock follows the department chosen on the left, unless "all" is kept."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ipaudit.ui import i18n, workers
from ipaudit.ui.findings import findings_model as fm
from ipaudit.ui.main_window import MainWindow
from ipaudit.ui.settings import Settings


@pytest.fixture
def window(qtbot, demo_path: Path) -> Iterator[MainWindow]:
    i18n.set_language("zh")
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.workspaceOpened, timeout=10_000):
        win.open_path(demo_path)
    qtbot.waitUntil(lambda: win.session.assessment is not None, timeout=10_000)
    yield win
    win.close()
    workers.wait_all()
    i18n.reset()


def test_choosing_a_department_lists_only_its_findings(qtbot, window) -> None:
    panel = window.page.findings
    findings = window.session.assessment.findings
    finance = sum(1 for f in findings if f.department == "finance")
    assert finance
    # Ctrl+<n> goes to the n-th department, as the navigator's click does
    action = next(a for a in window.menus.department_actions if a.data() == "finance")
    action.trigger()
    assert panel.proxy.rowCount() == finance
    assert {panel.proxy.index(r, fm.DEPARTMENT).data() for r in range(finance)} == {"财务部"}
    assert panel.count_label.text() == f"财务部 · {finance} 项"
    assert window.findings_dock.title_bar.label.text().endswith(f"财务部 · {finance} 项")

    # keep "all": untick the toggle; choosing another department no longer filters
    qtbot.mouseClick(panel.follow, Qt.MouseButton.LeftButton)
    assert not panel.follow.isChecked()
    assert panel.proxy.rowCount() == len(findings)
    assert panel.count_label.text() == f"全部部门 · {len(findings)} 项"
    window.show_department("rnd")
    assert panel.proxy.rowCount() == len(findings)
    # ticking it again follows the department now shown
    qtbot.mouseClick(panel.follow, Qt.MouseButton.LeftButton)
    rnd = sum(1 for f in findings if f.department == "rnd")
    assert panel.proxy.rowCount() == rnd
    assert panel.count_label.text().startswith("研发部 · ")


def test_choosing_all_in_the_combo_stops_following(window) -> None:
    panel = window.page.findings
    window.show_department("finance")
    panel.department_filter.setCurrentIndex(panel.department_filter.findData(""))
    assert not panel.follow.isChecked()
    window.show_department("rnd")
    assert panel.proxy.rowCount() == panel.model.rowCount()


def test_grade_and_department_are_never_cut_short(qtbot, window) -> None:
    panel = window.page.findings
    window.findings_dock.set_collapsed(True)  # filled while folded away …
    window.show_department("hr_admin")
    window.findings_dock.set_collapsed(False)  # … and shown again
    qtbot.waitUntil(lambda: panel.view.isVisible())
    header = panel.view.horizontalHeader()
    for col in (fm.GRADE, fm.DEPARTMENT):
        assert header.sectionSize(col) >= panel.view.sizeHintForColumn(col)


def _departments_listed(panel) -> set[str]:
    combo = panel.department_filter
    return {combo.itemData(i) for i in range(combo.count())}


def test_a_department_marked_absent_does_not_stop_following(qtbot, window) -> None:
    from ipaudit.ui import department_commands

    panel, session = window.page.findings, window.session
    window.show_department("marketing")
    assert panel.follow.isChecked() and panel.department_filter.currentData() == "marketing"

    # the shown department marked absent: the list loses it and shows all, "follow" stays
    department_commands.set_absent(session, "marketing", True, "市场部")
    qtbot.waitUntil(lambda: "marketing" not in _departments_listed(panel), timeout=10_000)
    assert panel.follow.isChecked()
    assert panel.department_filter.currentData() == ""
    # undone while it is still shown: it is back and followed again
    session.undo_stack.undo()
    qtbot.waitUntil(lambda: "marketing" in _departments_listed(panel), timeout=10_000)
    assert panel.follow.isChecked()
    assert panel.department_filter.currentData() == "marketing"
    marketing = sum(1 for f in session.assessment.findings if f.department == "marketing")
    assert panel.proxy.rowCount() == marketing

    # absent again, then another department chosen on the left: its findings only
    session.undo_stack.redo()
    qtbot.waitUntil(lambda: "marketing" not in _departments_listed(panel), timeout=10_000)
    window.show_department("rnd")
    rnd = sum(1 for f in session.assessment.findings if f.department == "rnd")
    assert panel.follow.isChecked()
    assert panel.department_filter.currentData() == "rnd"
    assert panel.proxy.rowCount() == rnd < panel.model.rowCount()
    assert panel.count_label.text().startswith("研发部 · ")
