"""Undoable edits of corrective actions: one command replaces one action by another (adding:
nothing by the new one; removing: the action by nothing), both ways through the services."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ipaudit.domain.corrective_actions import CorrectiveAction
from ipaudit.services import corrective_actions as service
from ipaudit.ui import errors
from ipaudit.ui.session import WorkspaceSession


def tr(text: str) -> str:
    return QCoreApplication.translate("ActionCommands", text)


class ReplaceAction(QUndoCommand):
    """``before`` becomes ``after`` (either may be None). The first redo has been done by the
    caller (``done``); later redos and undos store the other state over what is stored then."""

    def __init__(
        self,
        session: WorkspaceSession,
        text: str,
        before: CorrectiveAction | None,
        after: CorrectiveAction | None,
    ) -> None:
        super().__init__(text)
        self.session = session
        self.before = before
        self.after = after
        self._first = True

    def _put(self, state: CorrectiveAction | None, other: CorrectiveAction | None) -> None:
        ws = self.session.workspace
        try:
            if state is None:
                if other is not None:
                    service.discard(ws, other.key)
            else:
                service.put_back(ws, state)
        except errors.expected_types() as exc:
            if not errors.is_expected(exc):
                raise
            self.setObsolete(True)
            errors.show_error(exc, headline=lambda: tr("The change could not be undone."))
        self.session.edited.emit("")

    def redo(self) -> None:
        if self._first:  # done by the caller, which needed its result
            self._first = False
            return
        self._put(self.after, self.before)

    def undo(self) -> None:
        self._put(self.before, self.after)


def push(
    session: WorkspaceSession,
    text: str,
    before: CorrectiveAction | None,
    after: CorrectiveAction | None,
) -> None:
    """Record an edit already stored (``before`` → ``after``) on the undo stack."""
    session.undo_stack.push(ReplaceAction(session, text, before, after))
    session.edited.emit("")
