"""File → Put on a team server… in the real window, on the test server: the open demo file is
copied into an empty database through the dialog (the form of File → Open a team workspace…),
and the team workspace it made opens with every item state and evidence file of the file; a wrong
password shows the error box and leaves the database empty; Cancel during the copy leaves it empty
too. The action is there for a whole workspace file only."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton

from ipaudit.services import Workspace
from ipaudit.ui.errors import ExpectedErrorBox
from ipaudit.ui.main_window import MainWindow
from ipaudit.ui.progress import TaskProgressDialog
from ipaudit.ui.team.push_dialog import PushTeamDialog
from tests.pg import admin_connect
from tests.ui.helpers import main_window
from tests.ui.team_helpers import fill_server


@pytest.fixture
def window(qtbot, demo_path: Path) -> Iterator[MainWindow]:
    """The window in Chinese at 1366×768 with a copy of the demo file open."""
    with main_window(qtbot, "zh", size=(1366, 768)) as win:
        with qtbot.waitSignal(win.workspaceOpened, timeout=10_000):
            assert win.open_path(demo_path)
        yield win


def put_button(dialog: PushTeamDialog) -> QPushButton:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Open)
    assert button.isEnabled()
    return button


def tables_in(url: str) -> list[str]:
    with admin_connect(url) as conn:
        rows = conn.execute(
            "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema()"
        ).fetchall()
    return [r[0] for r in rows]


def counts(address: str | Path) -> tuple[int, int, int]:
    with Workspace.open(address, read_only=True) as ws:
        evidence = ws.evidence(include_old=True)
        return len(ws.states()), len(evidence), sum(e.size for e in evidence)


@pytest.fixture
def team_roles_dropped(pg_url: str) -> Iterator[None]:
    """The team roles the push sets up (named after the test's database) dropped afterwards."""
    yield
    from tests.integration.pg.team_fixtures import drop_team

    drop_team(pg_url, [])


def push_dialog(window: MainWindow) -> PushTeamDialog:
    assert window.acts.push_team.isVisible() and window.acts.push_team.isEnabled()
    window.acts.push_team.trigger()
    dialog = window.findChild(PushTeamDialog)
    assert isinstance(dialog, PushTeamDialog) and dialog.isVisible()
    return dialog


def test_the_action_is_for_a_whole_workspace_file_only(qtbot, demo_path: Path) -> None:
    with main_window(qtbot, "zh") as win:
        assert not win.acts.push_team.isEnabled()  # nothing open
        assert win.acts.push_team.text() == "放到团队服务器(&V)…"
        assert win.acts.push_team in win.menus.file.actions()
        with qtbot.waitSignal(win.workspaceOpened, timeout=10_000):
            assert win.open_path(demo_path, "rnd")
        assert win.session is not None and win.session.department_only == "rnd"
        assert not win.acts.push_team.isEnabled()  # a department view
        assert win.push_to_team() is None
        with qtbot.waitSignal(win.workspaceOpened, timeout=10_000):
            win.close_workspace()
            assert win.open_path(demo_path)
        assert win.acts.push_team.isEnabled()


@pytest.mark.pg
def test_the_file_is_put_on_the_server_and_opened_there(
    window: MainWindow,
    qtbot,
    pg_url: str,
    demo_path: Path,
    dialogs: list,
    tmp_path: Path,
    team_roles_dropped: None,
) -> None:
    expected = counts(demo_path)
    assert expected[0] > 100 and expected[1] > 100  # the demo: a real amount to move
    dialog = push_dialog(window)
    assert dialog.windowTitle() == "放到团队服务器"
    assert demo_path.name in dialog.intro.text()
    fill_server(dialog, qtbot, pg_url, urlsplit(pg_url).password or "")
    put_button(dialog).click()
    qtbot.waitUntil(lambda: dialog.done_box is not None, timeout=30_000)
    assert not dialogs  # no error
    box = dialog.done_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert f"{expected[0]} 个检查项" in box.text() and f"{expected[1]} 个证据文件" in box.text()
    # the team is set up, the login that copied is its manager; the logins are made in the GUI
    login = urlsplit(pg_url).username or ""
    assert f"{login} 是贯标负责人的登录名" in box.informativeText()
    assert "文件 → 团队登录账户…" in box.informativeText()
    assert (urlsplit(pg_url).password or "") not in box.text() + box.informativeText()
    assert counts(pg_url) == expected  # on the server already, before it is opened
    window.grab().save(str(tmp_path / "push-done.png"))

    open_button = box.findChild(QPushButton, "openPushedButton")
    assert open_button is not None and open_button.text() == "打开团队工作区"
    with qtbot.waitSignal(window.workspaceOpened, timeout=20_000):
        open_button.click()
    session = window.session
    assert session is not None and session.workspace.is_server
    ws = session.workspace
    opened = (
        len(ws.states()),
        len(ws.evidence(include_old=True)),
        sum(e.size for e in ws.evidence(include_old=True)),
    )
    assert opened == expected
    assert not window.acts.push_team.isEnabled()  # a team workspace is on a server already
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert dialog.password.text() == ""  # not kept


@pytest.mark.pg
def test_a_wrong_password_shows_the_error_and_leaves_the_database_empty(
    window: MainWindow, qtbot, pg_url: str, dialogs: list, team_roles_dropped: None
) -> None:
    dialog = push_dialog(window)
    fill_server(dialog, qtbot, pg_url, "not-the-password")
    put_button(dialog).click()
    qtbot.waitUntil(lambda: bool(dialogs), timeout=20_000)
    box = dialogs[0]
    assert isinstance(box, ExpectedErrorBox)
    assert box.text() == "未能把工作区放到服务器上。"
    assert "登录名或密码不正确" in box.informativeText()
    assert "not-the-password" not in box.informativeText()
    assert tables_in(pg_url) == []  # nothing half-made
    assert dialog.done_box is None and dialog.isVisible()
    # the form is there to correct the password and try again
    assert dialog.password.isEnabled() and dialog.host.text()
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, urlsplit(pg_url).password or "")
    put_button(dialog).click()
    qtbot.waitUntil(lambda: dialog.done_box is not None, timeout=30_000)
    assert len(dialogs) == 1
    assert "item_states" in tables_in(pg_url)


@pytest.mark.pg
def test_cancel_during_the_copy_leaves_the_database_empty(
    qtbot, pg_url: str, demo_path: Path, tmp_path: Path, dialogs: list
) -> None:
    big = tmp_path / "扫描件.pdf"
    big.write_bytes(os.urandom(48 * 1024 * 1024))  # 48 chunks: time to press Cancel
    with Workspace.open(demo_path) as ws:
        ws.attach(ws.items_of("rnd")[0].key, big, title="大文件")
    with main_window(qtbot, "zh") as win:
        with qtbot.waitSignal(win.workspaceOpened, timeout=10_000):
            assert win.open_path(demo_path)
        dialog = push_dialog(win)
        fill_server(dialog, qtbot, pg_url, urlsplit(pg_url).password or "")
        task = dialog.start()
        assert task is not None
        progress = dialog.progress_dialog
        assert isinstance(progress, TaskProgressDialog)
        cancel = progress.findChild(QPushButton)
        assert cancel is not None and cancel.text() == "取消"
        qtbot.waitUntil(lambda: progress.value() > 0, timeout=20_000)  # copying evidence
        with qtbot.waitSignal(task.cancelled, timeout=20_000):
            cancel.click()
        assert dialog.problem.text() == "已取消：服务器上没有留下任何内容。"
        assert dialog.done_box is None and not dialogs
        assert tables_in(pg_url) == []
