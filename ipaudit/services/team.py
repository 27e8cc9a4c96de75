"""Team work on a PostgreSQL server: setting a team workspace up, its logins, who a login is, and
moving a workspace between a file and a server. The one way in for the CLI (``team-setup``,
``team-user``, ``team-identity``, ``push``, ``pull``) and the GUI.

Rights are the database's (ipaudit/store/team_roles.py): the compliance manager changes
everything, a department head only the department's answers, statuses, evidence and records,
a read-only login nothing. A department head's edits also write, on their behalf, who changed
their rows last (``edited:`` rows of meta) and today's readiness snapshot: the database lets them
write those (today's snapshot only), so the services run the same for every role.

Passwords are handed to the server as SCRAM-SHA-256 verifiers computed here; the app keeps none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ipaudit.domain.model import Department, Facts, WorkspaceInfo
from ipaudit.progress import CancelCheck, Progress
from ipaudit.services.workspace import Workspace
from ipaudit.store import moving, team_roles
from ipaudit.store.address import masked, server_url
from ipaudit.store.errors import InvalidInput
from ipaudit.store.moving import CopyReport
from ipaudit.store.team_roles import (
    DEPARTMENT,
    MANAGER,
    READONLY,
    ROLE_KINDS,
    Identity,
    Login,
    SetupReport,
)
from ipaudit.store.workspace_store import WorkspaceStore
from ipaudit.text import Text

__all__ = [
    "DEPARTMENT",
    "MANAGER",
    "MIN_PASSWORD",
    "READONLY",
    "ROLE_KINDS",
    "CopyReport",
    "Identity",
    "Login",
    "SetupReport",
    "TeamSetup",
    "add_user",
    "check_password",
    "may_manage_logins",
    "parse_role",
    "pull",
    "pull_target",
    "push",
    "remove_user",
    "role_text",
    "set_password",
    "setup_team",
    "sync_roles",
    "team_identity",
    "team_login",
    "users",
]

#: the shortest password a login may get
MIN_PASSWORD = 8

KIND_TEXT = {
    MANAGER: Text("贯标负责人（全部权限）", "compliance manager (all rights)"),
    DEPARTMENT: Text("部门负责人", "department head"),
    READONLY: Text("只读（陪同人员、审核员的访客）", "read only (escorts, auditors' guests)"),
    "owner": Text(
        "服务器管理员或工作区所有者（全部权限）", "server administrator or owner (all rights)"
    ),
    "": Text("无团队角色", "no team role"),
}


@dataclass(frozen=True, slots=True)
class TeamSetup:
    """What ``setup_team`` did."""

    address: str  # without its password
    roles: SetupReport
    copied: CopyReport | None = None  # when the workspace came from a file
    created: bool = False  # a new workspace (not one already on the server)
    manager_created: bool = False
    departments: list[str] = field(default_factory=list)


def _server(address: str) -> str:
    url = server_url(address)
    if url is None:
        raise InvalidInput(
            f"“{address}”不是服务器地址（应如 postgresql://登录名@主机/数据库）。",
            f"'{address}' is not a server address (write it like postgresql://login@host/database).",
        )
    return url


def check_password(password: str) -> str:
    """``password`` when a login may have it, else InvalidInput saying the rule (the GUI checks
    what is typed with it before anything goes to the server)."""
    if len(password) < MIN_PASSWORD or password != password.strip():
        raise InvalidInput(
            f"密码至少 {MIN_PASSWORD} 个字符，且首尾不能有空格。",
            f"A password needs at least {MIN_PASSWORD} characters and no spaces at either end.",
        )
    return password


def parse_role(text: str) -> tuple[str, str]:
    """``manager``, ``readonly`` or ``department:<key>`` → (kind, department)."""
    kind, _, department = text.strip().partition(":")
    if kind in (MANAGER, READONLY) and not department:
        return kind, ""
    if kind == DEPARTMENT and department:
        return kind, department
    raise InvalidInput(
        f"角色“{text}”无效：应为 manager、readonly 或 department:部门键（如 department:rnd）。",
        f"The role '{text}' is not valid: use manager, readonly or department:<key> (such as"
        " department:rnd).",
    )


def role_text(kind: str, department: str = "") -> Text:
    base = KIND_TEXT.get(kind, KIND_TEXT[""])
    if kind == DEPARTMENT and department:
        return Text(f"{base.zh}（{department}）", f"{base.en} ({department})")
    return base


def _department_keys(ws: Workspace) -> list[str]:
    return [d.key for d in ws.departments()]


def _item_departments(ws: Workspace) -> dict[str, str]:
    """Each checklist item's department in the template (the rules follow merges themselves)."""
    return {it.key: it.department for it in ws.template.items}


def team_identity(ws: Workspace) -> Identity:
    """Who the login of ``ws`` is in its team workspace: kind "manager", "department" (with the
    departments it may edit), "readonly", "owner" (a file, a server workspace without team
    roles, a server administrator: all rights) or "" (none of the team's roles). Told by the
    server from the login's role memberships, so the GUI opens a department head's view."""
    if not ws.is_server:
        from ipaudit.store.edits import os_user

        return Identity(os_user(), "owner")
    return team_roles.identity_of(ws.store)


def sync_roles(ws: Workspace) -> SetupReport:
    """Bring the team roles of ``ws`` (opened with an administrator's login) up to date: a role
    for every department added since, the rights on tables an upgrade added, the items of a
    checklist changed since."""
    return team_roles.setup_store(ws.store, _department_keys(ws), _item_departments(ws))


def setup_team(
    address: str,
    *,
    manager_login: str,
    manager_password: str | None,
    source: Path | str | None = None,
    info: WorkspaceInfo | None = None,
    departments: list[Department] | None = None,
    facts: Facts | None = None,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> TeamSetup:
    """Set up a team workspace in the database ``address`` names (an administrator's login):
    the workspace copied from the file ``source``, or a new one from ``info``, or the one there
    already; then its team roles, and the manager's login ``manager_login`` (created with
    ``manager_password``; an existing login keeps its password when that is None). When
    ``manager_login`` is the administrator's own login, it is the manager as it is."""
    url = _server(address)
    if manager_password is not None:
        check_password(manager_password)
    copied = None
    created = False
    if source is not None:
        with Workspace.open(source) as local:
            copied = moving.push(local.store, url, progress, cancel)
        created = True
    elif info is not None:
        Workspace.create(url, info, departments=departments, facts=facts).close()
        created = True
    from ipaudit.store import notify

    with Workspace.open(url) as ws:
        keys = _department_keys(ws)
        notify.ensure_installed(ws.store)  # while the administrator owns the tables
        items = _item_departments(ws)
        report = team_roles.setup_store(ws.store, keys, items)
        manager_created = False
        # the administrator setting the team up may be its manager: a superuser has every right
        # already, a login with CREATEROLE was made a member of the manager's role by the setup
        if manager_login != team_roles.identity_of(ws.store).login:
            manager_created = team_roles.put_login(
                ws.store, manager_login, MANAGER, "", manager_password, keys, items
            )
    return TeamSetup(masked(url), report, copied, created, manager_created, keys)


def add_user(
    ws: Workspace, login: str, role: str, password: str | None, *, department: str = ""
) -> bool:
    """Give ``login`` the team role ``role`` (ROLE_KINDS; ``department`` for a department head)
    in ``ws`` (opened with an administrator's login), creating the login with ``password`` when
    it does not exist (a password is needed then) or setting it when given; its other roles in
    this workspace are taken away. True when the login was created."""
    if role not in ROLE_KINDS:
        raise InvalidInput(f"未知角色“{role}”。", f"Unknown role '{role}'.")
    if role == DEPARTMENT:
        ws.department(department)  # an unknown department is bad input
    if password is not None:
        check_password(password)
    return team_roles.put_login(
        ws.store, login, role, department, password, _department_keys(ws), _item_departments(ws)
    )


def set_password(ws: Workspace, login: str, password: str) -> None:
    """A new ``password`` for ``login``, a login of the team workspace ``ws`` (opened with an
    administrator's login); its role stays."""
    check_password(password)
    current = team_login(ws, login)
    add_user(ws, login, current.kind, password, department=current.department)


def team_login(ws: Workspace, login: str) -> Login:
    """``login`` as a login of the team workspace ``ws`` (its role); InvalidInput when it is
    none of its logins."""
    current = next((u for u in users(ws) if u.name == login), None)
    if current is None:
        raise InvalidInput(
            f"{login} 不是这个团队工作区的登录名。",
            f"{login} is not a login of this team workspace.",
        )
    return current


def may_manage_logins(ws: Workspace) -> bool:
    """Whether the login of ``ws`` may add, change and remove the team's logins: a server
    administrator's (a superuser, or a role with CREATEROLE). The manager's own login, made by
    ``setup_team``, may not: on PostgreSQL before 16, CREATEROLE is a right over every role of
    the server, not only this workspace's."""
    return ws.is_server and team_roles.is_administrator(ws.store)


def remove_user(ws: Workspace, login: str) -> list[str]:
    """Take ``login`` out of the team roles of ``ws`` (the login stays on the server: it may
    belong to another team workspace). The roles it left."""
    return team_roles.drop_login(ws.store, login)


def users(ws: Workspace) -> list[Login]:
    """The logins of the team workspace ``ws`` and their roles."""
    return team_roles.list_logins(ws.store)


def push(
    source: Path | str,
    address: str,
    *,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> CopyReport:
    """Copy the workspace file ``source`` losslessly into the empty database ``address`` names."""
    url = _server(address)
    if server_url(source) is not None:
        raise InvalidInput(
            "push 的来源应为工作区文件。", "The source of a push must be a workspace file."
        )
    with Workspace.open(source, read_only=False) as ws:
        return moving.push(ws.store, url, progress, cancel)


def pull_target(target: Path | str) -> Path:
    """The file ``pull`` writes for ``target``: with .ipaudit added when missing."""
    if server_url(target) is not None:
        raise InvalidInput("pull 的目标应为文件。", "The target of a pull must be a file.")
    path = Path(target)
    return path if path.suffix == ".ipaudit" else path.with_name(path.name + ".ipaudit")


def pull(
    address: str,
    target: Path | str,
    *,
    progress: Progress | None = None,
    cancel: CancelCheck | None = None,
) -> CopyReport:
    """Copy the team workspace at ``address`` losslessly into the new file ``target``
    (``pull_target``: .ipaudit added when missing)."""
    url = _server(address)
    path = pull_target(target)
    store = WorkspaceStore.open(url, read_only=True)
    try:
        return moving.pull(store, path, progress, cancel)
    finally:
        store.close()
