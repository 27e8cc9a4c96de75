"""What only the compliance manager does in a team workspace, refused for another login before
anything is tried: verifying a corrective action (an auditor expects the check to be independent
of the department that carried it out), changing the audit plan, recording the readiness history.

The server refuses these too (``store.team_roles``); asking first gives the user a sentence that
says why instead of the database's refusal. A workspace file, a server workspace without team
roles and a server administrator may do everything ("owner").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ipaudit.store import team_roles
from ipaudit.store.errors import NotPermitted

if TYPE_CHECKING:
    from ipaudit.services.workspace import Workspace

#: the team roles that may do what only the manager does
MANAGING_KINDS = (team_roles.MANAGER, "owner")


def manages(kind: str) -> bool:
    """Whether a login of the team role ``kind`` ("manager", "department", "readonly", "owner" …)
    may do what only the compliance manager does: the one rule, for the services' refusal here
    and for the buttons the GUI offers (``WorkspaceSession.manager_work``)."""
    return kind in MANAGING_KINDS


def is_manager(ws: Workspace) -> bool:
    """Whether the login of ``ws`` may do what only the compliance manager does."""
    if not ws.is_server:
        return True
    return manages(team_roles.identity_of(ws.store).kind)


def require_manager(ws: Workspace, what_en: str, what_zh: str) -> None:
    """NotPermitted (naming ``what``) unless the login of ``ws`` is the manager's."""
    if not is_manager(ws):
        raise NotPermitted(
            ws.path,
            what_en,
            "只有体系专员可以做这项操作（部门负责人账号不行）",
            "only the compliance manager may do this, not a department head's login",
            what_zh=what_zh,
        )
