"""Undo for the audit-day plan: one command per edit holds the plan before and after it; undo
and redo write back only what differs (``services.audit_plan.restore``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ipaudit.domain.audit_plan import AuditPlan
from ipaudit.services import audit_plan as service
from ipaudit.ui import errors
from ipaudit.ui.session import WorkspaceSession


def tr(text: str) -> str:
    return QCoreApplication.translate("PlanCommands", text)


class PlanChange(QUndoCommand):
    """``before`` became ``after``. The first redo was done by the caller (the service call
    that made ``after``)."""

    def __init__(
        self,
        session: WorkspaceSession,
        text: str,
        before: AuditPlan | None,
        after: AuditPlan | None,
    ) -> None:
        super().__init__(text)
        self.session = session
        self.before = before
        self.after = after
        self._first = True

    def _apply(self, current: AuditPlan | None, target: AuditPlan | None) -> None:
        try:
            service.restore(self.session.workspace, current, target)
        except errors.expected_types() as exc:
            if not errors.is_expected(exc):
                raise
            self.setObsolete(True)
            errors.show_error(exc, headline=lambda: tr("The change could not be undone."))
        self.session.edited.emit("")

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._apply(self.before, self.after)

    def undo(self) -> None:
        self._apply(self.after, self.before)


def push(
    session: WorkspaceSession, text: str, before: AuditPlan | None, after: AuditPlan | None
) -> None:
    """Record an edit already stored on the undo stack and tell the views."""
    session.undo_stack.push(PlanChange(session, text, before, after))
    session.edited.emit("")
