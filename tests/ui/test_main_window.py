"""The main window with real panels on a real copy of the demo workspace."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from ipaudit.domain.model import Status
from ipaudit.services import Workspace
from ipaudit.ui import commands, errors, i18n, panels, workers
from ipaudit.ui.main_window import MainWindow
from ipaudit.ui.settings import Settings
from ipaudit.ui.workspace_page import DASHBOARD_TAB, FACTS_TAB


@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    i18n.set_language("zh")
    yield
    i18n.reset()


@pytest.fixture
def window(qtbot, chinese) -> Iterator[MainWindow]:
    win = MainWindow(Settings())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    workers.wait_all()


@pytest.fixture
def opened(window: MainWindow, demo_path: Path, qtbot) -> MainWindow:
    with qtbot.waitSignal(window.workspaceOpened, timeout=10_000):
        assert window.open_path(demo_path)
    session = window.session
    assert session is not None
    qtbot.waitUntil(lambda: session.assessment is not None, timeout=10_000)
    return window


def plain(text: str) -> str:
    return text.replace("&", "")


def test_opening_the_demo_shows_company_file_and_readiness(opened: MainWindow, demo_path) -> None:
    title = opened.windowTitle()
    assert "星海智能装备有限公司" in title
    assert demo_path.name in title
    assert opened.page is not None
    assert opened.stack.currentWidget() is opened.page
    assert opened.navigator_dock.isVisible() and opened.findings_dock.isVisible()
    assert opened.readiness_label.text().startswith("就绪度")
    settings = Settings()
    assert settings.recent_files[0] == str(demo_path.resolve())
    assert settings.last_workspace == str(demo_path.resolve())


def test_every_panel_is_hosted_or_has_a_placeholder(opened: MainWindow) -> None:
    page = opened.page
    assert page is not None
    # the hidden tabs are built when first shown
    assert page._facts is None and page._dashboard is None
    opened.acts.view_facts.trigger()
    assert page._facts is not None and page.facts_tab.isAncestorOf(page._facts)
    assert page._dashboard is None
    hosted = {
        "navigator": page.navigator,
        "checklist": page.checklist,
        "item": page.item_panel,
        "facts": page.facts,
        "findings": page.findings,
        "dashboard": page.dashboard,
    }
    for key, widget in hosted.items():
        assert type(widget) is panels.load(panels.PANELS[key]), key
    assert opened.navigator_dock.widget() is page.navigator
    assert opened.findings_dock.widget() is page.findings


def test_ctrl_digit_goes_to_each_department(opened: MainWindow, qtbot) -> None:
    session = opened.session
    page = opened.page
    assert session is not None and page is not None
    deps = session.departments()
    actions = opened.menus.department_actions
    assert [a.data() for a in actions] == [d.key for d in deps]
    assert actions[0].shortcut() == QKeySequence("Ctrl+1")
    for n, dep in enumerate(deps[:9], 1):
        qtbot.keyClick(opened, Qt.Key(Qt.Key.Key_0 + n), Qt.KeyboardModifier.ControlModifier)
        assert page.department == dep.key
        assert actions[n - 1].isChecked()


def test_undo_and_redo_from_the_edit_menu(opened: MainWindow, qtbot) -> None:
    session = opened.session
    assert session is not None
    item = next(it for it in session.workspace.template.items if it.questions)
    question = item.questions[0].key
    before = session.workspace.state(item.key).answers.get(question)
    commands.set_answer(session, item.key, question, "测试答案")
    assert session.workspace.state(item.key).answers[question] == "测试答案"
    undo, redo = opened.acts.undo, opened.acts.redo
    assert undo in opened.menus.edit.actions()
    assert undo.isEnabled()
    assert plain(undo.text()).startswith("撤销")
    asked = item.questions[0].text.zh[:20]
    assert asked in undo.text() and question not in undo.text()  # the question, not its key
    undo.trigger()
    assert session.workspace.state(item.key).answers.get(question) == before
    assert redo.isEnabled() and asked in redo.text()
    redo.trigger()
    assert session.workspace.state(item.key).answers[question] == "测试答案"
    assert QKeySequence("Ctrl+Shift+Z") in redo.shortcuts()
    assert undo.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo)


def test_close_returns_to_the_welcome_page(opened: MainWindow, demo_path) -> None:
    opened.acts.close.trigger()
    assert opened.session is None
    assert opened.stack.currentWidget() is opened.welcome
    assert not opened.acts.save_copy.isEnabled()
    assert not opened.acts.undo.isEnabled()
    items = [opened.welcome.recent.item(i) for i in range(opened.welcome.recent.count())]
    assert any(demo_path.name in it.text() for it in items)


def test_recent_entry_reopens_the_workspace(window: MainWindow, demo_path, qtbot) -> None:
    Settings().add_recent(demo_path)
    window.welcome.refresh()
    item = window.welcome.recent.item(0)
    with qtbot.waitSignal(window.workspaceOpened, timeout=10_000):
        window.welcome.recent.itemActivated.emit(item)
    assert window.session is not None
    assert window.session.workspace.path == demo_path


def test_save_a_copy_runs_in_a_worker(opened: MainWindow, tmp_path: Path, qtbot) -> None:
    target = tmp_path / "copy.ipaudit"
    task = opened.save_copy_as(target)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    with Workspace.open(target) as copy:
        assert copy.info().company == "星海智能装备有限公司"
        assert len(copy.evidence()) == len(opened.session.workspace.evidence())
    task = opened.save_copy_as(tmp_path / "second")  # the suffix is added, as save-as adds it
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    assert (tmp_path / "second.ipaudit").is_file()


def test_department_view_shows_one_department_with_read_only_facts(
    window: MainWindow, demo_path, qtbot
) -> None:
    with qtbot.waitSignal(window.workspaceOpened, timeout=10_000):
        assert window.open_for_department(demo_path, "rnd")
    session = window.session
    assert session is not None
    assert session.department_only == "rnd"
    assert session.read_only_facts
    assert [a.data() for a in window.menus.department_actions] == ["rnd"]
    assert window.windowTitle().startswith("研发部")
    assert "研发部" in window.mode_label.text()
    assert window.acts.open_whole.isVisible()
    assert Settings().last_workspace == ""  # a department view is not what opens next time
    shown: list[QDialog] = []
    errors.reporter().shown.connect(shown.append)
    try:
        window.acts.open_whole.trigger()  # the manager confirms first (tests/ui/test_team_*)
    finally:
        errors.reporter().shown.disconnect(shown.append)
    assert window.session.department_only == "rnd"
    shown[-1].confirm.setChecked(True)  # type: ignore[attr-defined]
    with qtbot.waitSignal(window.workspaceOpened, timeout=10_000):
        shown[-1].accept()
    assert window.session is not None and window.session.department_only is None


def test_unknown_department_is_an_expected_error(window: MainWindow, demo_path, qtbot) -> None:
    shown: list[QDialog] = []
    errors.reporter().shown.connect(shown.append)
    try:
        assert not window.open_path(demo_path, department="no_such_department")
    finally:
        errors.reporter().shown.disconnect(shown.append)
    assert isinstance(shown[0], errors.ExpectedErrorBox)
    assert "no_such_department" in shown[0].informativeText()
    shown[0].close()
    assert window.session is None


def test_layout_is_remembered(window: MainWindow, demo_path, qtbot) -> None:
    with qtbot.waitSignal(window.workspaceOpened, timeout=10_000):
        window.open_path(demo_path)
    window.findings_dock.hide()
    window.resize(781, 720)  # wider than its minimum, within the offscreen screen
    window.close()
    again = MainWindow(Settings())
    qtbot.addWidget(again)
    again.show()
    with qtbot.waitSignal(again.workspaceOpened, timeout=10_000):
        again.open_path(demo_path)
    assert not again.findings_dock.isVisible()
    assert again.navigator_dock.isVisible()
    assert again.size().width() == 781
    again.close()


def test_f5_reruns_the_checks(opened: MainWindow, qtbot) -> None:
    assert opened.acts.rerun_checks.shortcut() == QKeySequence("F5")
    with qtbot.waitSignal(opened.session.assessed, timeout=10_000):
        opened.acts.rerun_checks.trigger()


def test_views_and_search_shortcuts(opened: MainWindow, qtbot) -> None:
    page = opened.page
    assert page is not None
    opened.acts.view_facts.trigger()
    assert page.tabs.currentIndex() == FACTS_TAB
    opened.acts.view_dashboard.trigger()
    assert page.tabs.currentIndex() == DASHBOARD_TAB
    opened.activateWindow()
    qtbot.waitActive(opened)
    opened.acts.find.trigger()
    focused = QApplication.focusWidget()
    assert isinstance(focused, QLineEdit)
    assert page.checklist.isAncestorOf(focused)


def test_a_finding_leads_to_its_item(opened: MainWindow) -> None:
    session, page = opened.session, opened.page
    assert session is not None and page is not None
    finding = next(f for f in session.assessment.findings if f.item_key and f.department)
    page.findings.itemActivated.emit(finding.department, finding.item_key)
    assert page.department == finding.department
    assert page.item == finding.item_key
    assert opened.menus.department_actions[
        [a.data() for a in opened.menus.department_actions].index(finding.department)
    ].isChecked()


def test_opening_the_demo_builds_it_the_first_time(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, demo_master, qtbot
) -> None:
    monkeypatch.setenv("IPAUDIT_DATA_DIR", str(tmp_path / "data"))
    task = window.open_demo()
    assert task is not None
    with qtbot.waitSignal(window.workspaceOpened, timeout=120_000):
        pass
    built = tmp_path / "data" / "demo.ipaudit"
    assert built.exists()
    assert window.session is not None and window.session.workspace.path == built
    # the second time it is opened as it is
    window.close_workspace()
    assert window.open_demo() is None
    assert window.session is not None


def test_status_of_an_item_is_undoable_through_the_group(opened: MainWindow) -> None:
    session = opened.session
    assert session is not None
    item = session.workspace.template.items[0]
    old = session.workspace.state(item.key).status
    new = Status.NOT_STARTED if old is not Status.NOT_STARTED else Status.READY
    commands.set_status(session, item.key, new)
    assert opened.acts.undo_group.activeStack() is session.undo_stack
    opened.acts.undo.trigger()
    assert session.workspace.state(item.key).status is old


def test_a_copy_of_the_demo_opens_side_by_side_after_close(
    opened: MainWindow, demo_path: Path, tmp_path: Path, qtbot
) -> None:
    other = tmp_path / "other.ipaudit"
    shutil.copyfile(demo_path, other)
    with qtbot.waitSignal(opened.workspaceOpened, timeout=10_000):
        assert opened.open_path(other)
    assert opened.session is not None and opened.session.workspace.path == other
    assert Settings().recent_files[:2] == [str(other.resolve()), str(demo_path.resolve())]


def test_the_tools_of_the_later_parts_open_from_the_menus(opened: MainWindow) -> None:
    opened.menus.tools.aboutToShow.emit()
    page = opened.page
    assert page is not None
    for key, action in (
        ("ledger_import", opened.acts.import_ledger),
        ("export", opened.acts.export_pack),
        ("verify", opened.acts.verify_pack),
        ("reconciliation", opened.acts.reconciliation),
    ):
        cls = panels.load(panels.TOOLS[key])
        assert action.isEnabled(), key
        before = set(opened.findChildren(QDialog))
        action.trigger()
        if key == "reconciliation":
            view = page.extra_view("reconciliation")
            assert view is not None and type(view) is cls
            assert page.tabs.currentWidget() is view
            assert page.tabs.tabText(page.tabs.currentIndex()) == "台账核对"
            action.trigger()  # shown again, not added twice
            assert page.tabs.count() == 4
        else:
            opened_now = [d for d in opened.findChildren(QDialog) if d not in before]
            assert any(type(d) is cls for d in opened_now), key
            for d in opened_now:
                d.close()


def test_tools_need_a_whole_workspace(window: MainWindow, demo_path, qtbot) -> None:
    window.menus.tools.aboutToShow.emit()
    assert not window.acts.reconciliation.isEnabled()
    with qtbot.waitSignal(window.workspaceOpened, timeout=10_000):
        window.open_for_department(demo_path, "finance")
    window.menus.tools.aboutToShow.emit()
    assert not window.acts.reconciliation.isEnabled()
    assert window.acts.reconciliation.toolTip() == "请先打开整个工作区"


def test_an_older_file_is_upgraded_in_the_background(
    window: MainWindow, demo_path: Path, qtbot
) -> None:
    import sqlite3

    from ipaudit.store import schema

    with sqlite3.connect(demo_path) as conn:
        conn.execute("PRAGMA user_version = 1")
    with qtbot.waitSignal(window.workspaceOpened, timeout=30_000):
        assert window.open_path(demo_path)  # returns at once; the upgrade runs in a worker
    backups = list(demo_path.parent.glob("demo-backup-v1-*.ipaudit"))
    assert len(backups) == 1
    assert str(backups[0]) in window.statusBar().currentMessage()
    with sqlite3.connect(demo_path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
