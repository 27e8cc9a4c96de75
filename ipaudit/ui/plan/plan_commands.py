"""Undo for the audit-day plan: one command per edit holds the plan before and after it; undo
and redo write back only what differs (``services.audit_plan.restore``)."""

from __future__ import annotations

from ipaudit.domain.audit_plan import AuditPlan
from ipaudit.services import audit_plan as service
from ipaudit.ui import replace_command
from ipaudit.ui.session import WorkspaceSession


class PlanChange(replace_command.Replace):
    """``before`` became ``after``; the caller made ``after`` through a service call."""

    def __init__(
        self,
        session: WorkspaceSession,
        text: str,
        before: AuditPlan | None,
        after: AuditPlan | None,
    ) -> None:
        super().__init__(session, text, before, after, service.restore)


def push(
    session: WorkspaceSession, text: str, before: AuditPlan | None, after: AuditPlan | None
) -> None:
    """Record an edit already stored on the undo stack and tell the views."""
    replace_command.push(session, PlanChange(session, text, before, after))
