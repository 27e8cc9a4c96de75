"""Undoable mock-audit edits: a sample's result, and a whole mock audit drawn or drawn again.
Each command's first redo was done by the caller (it needed the result); later redos and undos
store the other state over what is stored then."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ipaudit.domain.mock_audit import MockAudit, Sample
from ipaudit.services import mock_audit as service
from ipaudit.ui import errors
from ipaudit.ui.session import WorkspaceSession


def tr(text: str) -> str:
    return QCoreApplication.translate("MockAuditCommands", text)


class _Stored(QUndoCommand):
    def __init__(self, session: WorkspaceSession, text: str) -> None:
        super().__init__(text)
        self.session = session
        self._first = True

    def _run(self, action: Callable[[], object]) -> None:
        try:
            action()
        except errors.expected_types() as exc:
            if not errors.is_expected(exc):
                raise
            self.setObsolete(True)
            errors.show_error(exc, headline=lambda: tr("The change could not be undone."))
        self.session.edited.emit("")


class PutSample(_Stored):
    def __init__(
        self, session: WorkspaceSession, text: str, audit_key: str, before: Sample, after: Sample
    ) -> None:
        super().__init__(session, text)
        self.audit_key, self.before, self.after = audit_key, before, after

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        ws = self.session.workspace
        self._run(lambda: service.put_sample(ws, self.audit_key, self.after))

    def undo(self) -> None:
        ws = self.session.workspace
        self._run(lambda: service.put_sample(ws, self.audit_key, self.before))


class PutAudit(_Stored):
    """``before`` becomes ``after`` (None: no such mock audit)."""

    def __init__(
        self,
        session: WorkspaceSession,
        text: str,
        before: MockAudit | None,
        after: MockAudit | None,
    ) -> None:
        super().__init__(session, text)
        self.before, self.after = before, after

    def _put(self, state: MockAudit | None, other: MockAudit | None) -> None:
        ws = self.session.workspace
        if state is not None:
            self._run(lambda: service.put_back(ws, state))
        elif other is not None:
            self._run(lambda: service.discard(ws, other.key))

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._put(self.after, self.before)

    def undo(self) -> None:
        self._put(self.before, self.after)


def push(session: WorkspaceSession, command: QUndoCommand) -> None:
    session.undo_stack.push(command)
    session.edited.emit("")
