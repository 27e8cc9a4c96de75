"""File → Put on a team server… sets the team up too (``services.team.setup_team``), so that the
compliance manager never needs the command line: the manager's login is the login that copies
unless another is named, which then gets the password typed twice (checked before the copy). On
the test server: the named manager connects with psycopg and is the team's manager; unticked, the
workspace is copied without roles and the done box says how to make them in the GUI."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
from PySide6.QtWidgets import QMessageBox

from ipaudit.services import Workspace, team
from ipaudit.store.team_roles import TeamRoles, role_prefix
from ipaudit.ui.main_window import MainWindow
from tests.integration.pg.team_fixtures import drop_team, login_name, new_password
from tests.pg import admin_connect, database_name, role_url
from tests.ui.helpers import main_window
from tests.ui.team_helpers import fill_server
from tests.ui.test_team_push import push_dialog, put_button

pytestmark = pytest.mark.pg


@pytest.fixture
def window(qtbot, demo_path: Path) -> Iterator[MainWindow]:
    with main_window(qtbot, "zh", size=(1366, 768)) as win:
        with qtbot.waitSignal(win.workspaceOpened, timeout=10_000):
            assert win.open_path(demo_path)
        yield win


@pytest.fixture
def manager(pg_url: str) -> Iterator[str]:
    """The manager's login name a test makes; it and the team roles are dropped afterwards."""
    name = login_name(pg_url, "boss")
    yield name
    drop_team(pg_url, [name])


def test_the_team_is_set_up_with_another_manager_login(
    window: MainWindow, qtbot, pg_url: str, manager: str, dialogs: list
) -> None:
    dialog = push_dialog(window)
    admin_password = urlsplit(pg_url).password or ""
    fill_server(dialog, qtbot, pg_url, admin_password)
    assert dialog.set_up_team.isChecked()
    assert dialog.manager.text() == urlsplit(pg_url).username  # the login that copies
    assert not dialog.manager_password.isEnabled()  # it needs no new password
    dialog.manager.clear()
    qtbot.keyClicks(dialog.manager, manager)
    assert dialog.manager_password.isEnabled() and dialog.manager_again.isEnabled()
    assert dialog.manager_password.echoMode() == dialog.manager_password.EchoMode.Password
    password = new_password()
    qtbot.keyClicks(dialog.manager_password, password)
    qtbot.keyClicks(dialog.manager_again, password + "x")
    put_button(dialog).click()
    assert dialog.task is None and dialog.problem.text() == "两次输入的贯标负责人密码不一致。"
    dialog.manager_again.clear()
    qtbot.keyClicks(dialog.manager_again, password)
    if os.environ.get("IPAUDIT_SHOTS"):
        dialog.grab().save(str(Path(os.environ["IPAUDIT_SHOTS"]) / "push_setup_zh.png"))
    put_button(dialog).click()
    assert dialog.task is not None
    qtbot.waitUntil(lambda: dialog.done_box is not None, timeout=30_000)
    assert not dialogs
    box = dialog.done_box
    assert isinstance(box, QMessageBox)
    if os.environ.get("IPAUDIT_SHOTS"):
        box.grab().save(str(Path(os.environ["IPAUDIT_SHOTS"]) / "push_done_zh.png"))
    assert f"{manager} 是贯标负责人的登录名" in box.informativeText()
    assert password not in box.text() + box.informativeText()
    assert dialog.manager_password.text() == "" and dialog.manager_again.text() == ""

    # the manager connects as itself and is the team's manager
    manager_url = role_url(pg_url, manager, password)
    with psycopg.connect(manager_url) as conn:
        assert conn.execute("SELECT session_user").fetchone() == (manager,)
    with Workspace.open(manager_url) as ws:
        assert team.team_identity(ws).kind == "manager"
        keys = [d.key for d in ws.departments()]
    # a role for each department
    roles = TeamRoles(role_prefix(database_name(pg_url)))
    with admin_connect(pg_url) as admin:
        present = {r[0] for r in admin.execute("SELECT rolname FROM pg_roles").fetchall()}
    assert keys and all(roles.department(k) in present for k in keys)
    with Workspace.open(pg_url) as ws:
        assert {(u.name, u.kind) for u in team.users(ws)} == {(manager, "manager")}


def test_unticked_the_workspace_is_copied_without_roles(
    window: MainWindow, qtbot, pg_url: str, dialogs: list
) -> None:
    dialog = push_dialog(window)
    fill_server(dialog, qtbot, pg_url, urlsplit(pg_url).password or "")
    dialog.set_up_team.setChecked(False)
    assert not dialog.manager.isEnabled()
    put_button(dialog).click()
    qtbot.waitUntil(lambda: dialog.done_box is not None, timeout=30_000)
    assert not dialogs
    assert dialog.setup is None and dialog.setup_error == ""
    assert "更新部门角色" in dialog.done_box.informativeText()
    with Workspace.open(pg_url) as ws:
        assert team.users(ws) == []
        assert team.team_identity(ws).kind == "owner"  # no team roles set up
