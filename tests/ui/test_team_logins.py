"""File → Team logins… in the real window, on the test server.

The server administrator's login opens the team workspace through File → Open a team workspace…,
then the dialog adds a login (the typed passwords checked first), which connects with psycopg and
has exactly its department's rights; its password is changed (the old one no longer works, the
new one does); it is removed (it can no longer connect); a department added meanwhile gets its
role from "Update department roles". The manager's own login sees the list but may not change it;
a department head's login finds the action disabled with a tooltip; a login that loses the right
to create roles while the dialog is open gets the server's refusal in words. Both languages: no
English in the Chinese dialog, no internal key in either.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from ipaudit.services import Workspace, team
from ipaudit.store.team_roles import TeamRoles, role_prefix
from ipaudit.ui import workers
from ipaudit.ui.main_window import MainWindow
from ipaudit.ui.team.logins_dialog import LoginEditDialog, TeamLoginsDialog
from tests.integration.pg.team_fixtures import (
    drop_logins,
    login_name,
    manager_and_rnd,
    new_password,
)
from tests.pg import admin_connect, database_name, role_url
from tests.ui.helpers import main_window
from tests.ui.team_helpers import open_team, password_of
from tests.ui.test_words import CJK, SNAKE_CASE, TWO_ENGLISH_WORDS, all_texts, key_like

pytestmark = pytest.mark.pg

SUPERUSER_PASSWORD = "ipaudit_test_pw"  # the test server's (tools/pg-test-server.sh)


@pytest.fixture
def team_ws(pg_url: str) -> Iterator[dict[str, str]]:
    """A team workspace with a manager and the head of R&D; the logins a test adds, named
    ``login_name(pg_url, "new")`` and ``"boss"``, are dropped afterwards too."""
    extra = [login_name(pg_url, "new"), login_name(pg_url, "boss")]
    with manager_and_rnd(pg_url) as logins:
        try:
            yield logins
        finally:
            drop_logins(pg_url, extra)


def logins_dialog(window: MainWindow, qtbot) -> TeamLoginsDialog:
    action = window.menus.team_logins
    window.menus.update_team_logins()
    qtbot.waitUntil(action.isEnabled, timeout=10_000)
    assert action.isVisible() and action in window.menus.file.actions()
    action.trigger()
    dialog = window.findChild(TeamLoginsDialog)
    assert isinstance(dialog, TeamLoginsDialog) and dialog.isVisible()
    wait_idle(dialog, qtbot)
    return dialog


def wait_idle(dialog: TeamLoginsDialog, qtbot) -> None:
    qtbot.waitUntil(lambda: dialog.task is None and dialog.loaded is not None, timeout=20_000)


def fill(edit: LoginEditDialog, qtbot, *, login: str = "", password: str, again: str) -> None:
    if login:
        edit.login.clear()
        qtbot.keyClicks(edit.login, login)
    edit.password.clear()
    edit.again.clear()
    qtbot.keyClicks(edit.password, password)
    qtbot.keyClicks(edit.again, again)


def ok(edit: LoginEditDialog) -> None:
    edit.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def can_connect(url: str) -> bool:
    try:
        with psycopg.connect(url, connect_timeout=5) as conn:
            conn.execute("SELECT 1")
    except psycopg.OperationalError:
        return False
    return True


def refused(url: str, sql: str) -> bool:
    """Whether the database refuses ``sql`` to the login of ``url`` for want of rights."""
    with psycopg.connect(url, connect_timeout=5) as conn:
        try:
            conn.execute(sql)
        except psycopg.errors.InsufficientPrivilege:
            return True
    return False


def test_the_administrator_adds_changes_and_removes_a_login(
    pg_url: str, team_ws: dict[str, str], qtbot, tmp_path: Path
) -> None:
    new = login_name(pg_url, "new")
    first, second = new_password(), new_password()
    with main_window(qtbot, "zh", size=(1366, 768)) as window:
        open_team(window, qtbot, pg_url, SUPERUSER_PASSWORD)
        dialog = logins_dialog(window, qtbot)
        assert dialog.windowTitle() == "团队登录账户"
        shown = dict(dialog.logins())
        manager, head = (login_name(pg_url, who) for who in ("manager", "rnd"))
        assert shown[manager] == "贯标负责人（全部权限）"
        assert shown[head] == "部门负责人（研发部）"
        assert not dialog.note.isVisible() and dialog.add_button.isEnabled()

        # Add: the passwords are checked here before anything goes to the server
        dialog.add_button.click()
        edit = dialog.edit_dialog
        assert isinstance(edit, LoginEditDialog) and edit.isVisible()
        assert edit.password.echoMode() == edit.password.EchoMode.Password
        assert edit.again.echoMode() == edit.again.EchoMode.Password
        roles = [edit.role.itemText(i) for i in range(edit.role.count())]
        assert "部门负责人（行政人事部）" in roles and "贯标负责人（全部权限）" in roles
        assert not [r for r in roles if SNAKE_CASE.search(r)]  # names, never keys
        edit.role.setCurrentIndex(roles.index("部门负责人（行政人事部）"))
        fill(edit, qtbot, login=new, password=first, again=first + "x")
        ok(edit)
        assert edit.problem.text() == "两次输入的密码不一致。" and dialog.task is None
        fill(edit, qtbot, password="short", again="short")
        ok(edit)
        assert "至少 8 个字符" in edit.problem.text() and dialog.task is None
        fill(edit, qtbot, password=first, again=first)
        ok(edit)
        assert dialog.task is not None and not dialog.add_button.isEnabled()  # busy
        assert not dialog.table.isEnabled()
        wait_idle(dialog, qtbot)
        qtbot.waitUntil(lambda: dialog.edit_dialog is None, timeout=5000)  # closed, deleted
        assert dict(dialog.logins())[new] == "部门负责人（行政人事部）"
        assert new in dialog.status.text()
        # the new login connects as itself with exactly its department's rights
        new_url = role_url(pg_url, new, first)
        with Workspace.open(new_url) as ws:
            who = team.team_identity(ws)
            assert (who.kind, who.departments) == ("department", ("hr_admin",))
        with Workspace.open(pg_url) as ws:  # a row of R&D's and one of HR's
            rnd_item, hr_item = ws.items_of("rnd")[0].key, ws.items_of("hr_admin")[0].key
            ws.set_notes(rnd_item, "研发")
            ws.set_notes(hr_item, "行政")
        assert refused(new_url, "UPDATE facts SET version = version")
        assert refused(new_url, f"UPDATE item_states SET notes = 'x' WHERE item_key = '{rnd_item}'")
        with psycopg.connect(new_url) as conn:
            changed = conn.execute(
                "UPDATE item_states SET notes = '行政部改' WHERE item_key = %s", (hr_item,)
            )
            assert changed.rowcount == 1

        # Change password: the old one stops working, the new one works
        dialog.select_login(new)
        assert dialog.password_button.isEnabled()
        dialog.password_button.click()
        edit = dialog.edit_dialog
        assert isinstance(edit, LoginEditDialog) and edit.login.text() == new
        assert edit.login.isReadOnly() and not edit.role.isVisible()
        fill(edit, qtbot, password=second, again=second)
        ok(edit)
        wait_idle(dialog, qtbot)
        assert "密码已修改" in dialog.status.text()
        assert not can_connect(role_url(pg_url, new, first))
        assert can_connect(role_url(pg_url, new, second))
        assert dict(dialog.logins())[new] == "部门负责人（行政人事部）"  # the role stays

        # Remove, after a confirmation
        dialog.select_login(new)
        dialog.remove_button.click()
        box = dialog.confirm_box
        assert box is not None and new in box.text()
        box.findChild(type(dialog.add_button), "confirmRemoveButton").click()
        wait_idle(dialog, qtbot)
        assert new not in dict(dialog.logins())
        assert not can_connect(role_url(pg_url, new, second))  # no team role: no connection

        # a department added since gets its role from "Update department roles"
        with Workspace.open(pg_url) as ws:
            ws.add_department("legal", "法务部", "Legal")
        dialog.sync_button.click()
        wait_idle(dialog, qtbot)
        assert "法务部" in dialog.status.text() and "legal" not in dialog.status.text()
        with admin_connect(pg_url) as admin:
            roles_now = {r[0] for r in admin.execute("SELECT rolname FROM pg_roles").fetchall()}
        assert any(r.endswith("_dept_legal") for r in roles_now)

        if os.environ.get("IPAUDIT_SHOTS"):  # a look at it: IPAUDIT_SHOTS=folder
            dialog.grab().save(str(Path(os.environ["IPAUDIT_SHOTS"]) / "team_logins_zh.png"))
            window.grab().save(str(Path(os.environ["IPAUDIT_SHOTS"]) / "team_logins_window.png"))
        dialog.close()
        workers.wait_all()


def test_the_managers_login_sees_the_logins_but_may_not_change_them(
    pg_url: str, team_ws: dict[str, str], qtbot
) -> None:
    url = team_ws["manager"]
    with main_window(qtbot, "zh", size=(1366, 768)) as window:
        open_team(window, qtbot, url, password_of(url))
        dialog = logins_dialog(window, qtbot)
        assert login_name(pg_url, "rnd") in dict(dialog.logins())
        assert dialog.note.isVisible() and "服务器管理员" in dialog.note.text()
        for button in (dialog.add_button, dialog.remove_button, dialog.sync_button):
            assert not button.isEnabled()
        dialog.close()
        workers.wait_all()


def test_a_department_heads_login_finds_the_action_disabled(
    pg_url: str, team_ws: dict[str, str], qtbot
) -> None:
    url = team_ws["rnd"]
    with main_window(qtbot, "zh", size=(1366, 768)) as window:
        open_team(window, qtbot, url, password_of(url))
        action = window.menus.team_logins
        window.menus.update_team_logins()
        qtbot.waitUntil(lambda: "研发部" in action.toolTip(), timeout=10_000)
        assert action.isVisible() and not action.isEnabled()
        assert "只有贯标负责人" in action.toolTip() and "rnd" not in action.toolTip()


def test_the_action_is_hidden_for_a_workspace_file(qtbot, demo_path: Path) -> None:
    with main_window(qtbot, "zh") as window:
        window.menus.update_team_logins()
        assert not window.menus.team_logins.isVisible()  # nothing open
        with qtbot.waitSignal(window.workspaceOpened, timeout=10_000):
            assert window.open_path(demo_path)
        window.menus.file.aboutToShow.emit()
        assert not window.menus.team_logins.isVisible()
        assert window.menus.team_logins.text() == "团队登录账户(&L)…"


def test_a_refusal_of_the_server_is_said_in_words(
    pg_url: str, team_ws: dict[str, str], qtbot
) -> None:
    """A login allowed to manage logins when the dialog opened, no longer when it acts."""
    boss, password = login_name(pg_url, "boss"), new_password()
    with admin_connect(pg_url) as admin:
        admin.execute(f"CREATE ROLE \"{boss}\" LOGIN CREATEROLE PASSWORD '{password}'")
    manager_role = TeamRoles(role_prefix(database_name(pg_url))).manager
    with admin_connect(pg_url) as admin:
        admin.execute(f'GRANT "{manager_role}" TO "{boss}"')
    with main_window(qtbot, "en", size=(1366, 768)) as window:
        open_team(window, qtbot, role_url(pg_url, boss), password)
        dialog = logins_dialog(window, qtbot)
        assert dialog.remove_button.isEnabled() is False  # nothing chosen yet
        dialog.select_login(login_name(pg_url, "rnd"))
        assert dialog.remove_button.isEnabled()
        with admin_connect(pg_url) as admin:
            admin.execute(f'ALTER ROLE "{boss}" NOCREATEROLE')
        dialog.remove_button.click()
        assert dialog.confirm_box is not None
        dialog.confirm_box.findChild(type(dialog.add_button), "confirmRemoveButton").click()
        wait_idle(dialog, qtbot)
        assert dialog.problem.isVisible()
        assert "server administrator" in dialog.problem.text()
        assert login_name(pg_url, "rnd") in dict(dialog.logins())  # nothing was removed
        with Workspace.open(pg_url) as ws:
            assert login_name(pg_url, "rnd") in {u.name for u in team.users(ws)}
        dialog.close()
        workers.wait_all()


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_dialog_has_no_key_and_no_other_language(
    pg_url: str, team_ws: dict[str, str], qtbot, language: str
) -> None:
    with main_window(qtbot, language, size=(1366, 768)) as window:
        open_team(window, qtbot, pg_url, SUPERUSER_PASSWORD)
        dialog = logins_dialog(window, qtbot)
        dialog.add_button.click()
        edit = dialog.edit_dialog
        assert edit is not None
        QApplication.processEvents()
        logins = {name for name, _role in dialog.logins()}
        texts = [
            t
            for root in (dialog, edit)
            for t in all_texts(root)
            if t not in logins  # the login names are the company's own
        ]
        texts.append(window.menus.team_logins.text())
        texts.append(window.menus.team_logins.toolTip())
        assert not key_like(texts)
        assert not [t for t in texts if SNAKE_CASE.search(t)]
        if language == "zh":
            english = [t for t in texts if TWO_ENGLISH_WORDS.search(t)]
            assert not english, english
        else:
            chinese = [t for t in texts if CJK.search(t)]
            assert not chinese, chinese
        if os.environ.get("IPAUDIT_SHOTS"):
            edit.grab().save(str(Path(os.environ["IPAUDIT_SHOTS"]) / f"add_login_{language}.png"))
            dialog.grab().save(
                str(Path(os.environ["IPAUDIT_SHOTS"]) / f"team_logins_{language}.png")
            )
        edit.reject()
        dialog.close()
        workers.wait_all()


def test_a_name_the_server_refuses_is_said_in_the_add_dialog(
    pg_url: str, team_ws: dict[str, str], qtbot
) -> None:
    with main_window(qtbot, "zh", size=(1366, 768)) as window:
        open_team(window, qtbot, pg_url, SUPERUSER_PASSWORD)
        dialog = logins_dialog(window, qtbot)
        before = dialog.logins()
        edit = dialog.add_login()
        password = new_password()
        edit.login.setText("王 伟!")  # (keyClicks types ASCII only)
        fill(edit, qtbot, password=password, again=password)
        ok(edit)
        wait_idle(dialog, qtbot)
        assert dialog.edit_dialog is edit and edit.isVisible()  # kept open to correct it
        assert "不能用作登录名" in edit.problem.text()
        assert dialog.logins() == before
        edit.reject()
        dialog.close()
        workers.wait_all()
