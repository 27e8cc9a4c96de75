"""Whose checklist items are whose on a team workspace, kept with every change of the checklist.

The database's rules decide a department head's rights by each item's department in the checklist
(``team_roles``: table ``team_items``, merges followed), never by the department a stored row
names. So the manager's template import writes the items' departments in the same transaction as
the checklist, and a department added without a role of its own is named for the manager (File →
Team logins… → Update department roles gives it one). On a file, or a server workspace without a
team, there is nothing to keep.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ipaudit.domain.checks import item_department
from ipaudit.domain.model import Finding, Grade, Template, Text
from ipaudit.store import team_roles

if TYPE_CHECKING:
    from ipaudit.services.workspace import Workspace

ROLE_MISSING = "department_role_missing"


def _items(ws: Workspace, template: Template) -> tuple[dict[str, str], dict[str, str]]:
    """Each item's department in ``template``, and the department that owns it now."""
    deps = {d.key: d for d in ws.store.departments()}
    declared = {it.key: it.department for it in template.items}
    owners = {it.key: item_department(it, deps) or "" for it in template.items}
    return declared, owners


def replace_template(ws: Workspace, yaml_text: str, template: Template) -> bool:
    """Store ``yaml_text`` (read as ``template``) as the checklist; on a team workspace the
    items' departments for the rules in the same transaction. True on a team workspace."""
    declared, owners = _items(ws, template)
    return team_roles.set_template(ws.store, yaml_text, declared, owners)


def follow_departments(ws: Workspace) -> bool:
    """After a department's merge, absence or return: the item rows' department columns follow
    (the rules follow merges themselves). True on a team workspace."""
    if not ws.is_server:
        return False
    declared, owners = _items(ws, ws.template)
    return team_roles.sync_items(ws.store, declared, owners)


def roles_missing(ws: Workspace) -> list[str]:
    """The departments with no role in the team workspace yet (none on a file)."""
    if not ws.is_server:
        return []
    return team_roles.department_roles_missing(
        ws.store, [d.key for d in ws.departments() if not d.absent and d.merged_into is None]
    )


def roles_missing_note(missing: list[str]) -> Text | None:
    """What the manager is told when departments have no role yet; None when all have one."""
    if not missing:
        return None
    names = "、".join(missing)
    return Text(
        f"部门 {names} 还没有数据库角色，其负责人暂不能登录编辑。请用服务器管理员的登录名打开工作区，选择“文件 → 团队登录账户… → 更新部门角色”为它们建立角色。",
        f"No database role yet for {', '.join(missing)}: no head can sign in to edit there. Open"
        " the workspace with the server administrator's login and use File → Team logins… →"
        " Update department roles to create the roles.",
    )


def findings(ws: Workspace) -> list[Finding]:
    """On a team workspace, a finding for each active department without a database role: no
    head can sign in to edit its items until the manager's administrator gives it one."""
    missing = roles_missing(ws)
    note = roles_missing_note(missing)
    if note is None:
        return []
    return [
        Finding(
            code=ROLE_MISSING,
            grade=Grade.OBSERVATION,
            department=key,
            item_key="",
            message=roles_missing_note([key]) or note,
            refs=(key,),
            key=f"{ROLE_MISSING}:{key}",
        )
        for key in missing
    ]
