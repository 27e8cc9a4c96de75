"""One undo command for the audit-day records (plan, mock audits, corrective actions): the
record was ``before`` and is ``after`` now (either may be None: there was none, there is none
now). The caller has stored ``after`` already (it needed the service's result), so the first redo
does nothing; later undos and redos store the other state over what is stored then, through
``store(workspace, current, wanted)``. An undo or redo that fails as expected (a read-only
workspace, a locked file) is shown and leaves the stack; the views are told either way."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ipaudit.services import Workspace
from ipaudit.ui import errors
from ipaudit.ui.session import WorkspaceSession

# ``store(workspace, current, wanted)`` makes ``wanted`` the stored state instead of ``current``
Store = Callable[[Workspace, Any, Any], object]


def tr(text: str) -> str:
    return QCoreApplication.translate("ReplaceCommand", text)


class Replace(QUndoCommand):
    def __init__(
        self, session: WorkspaceSession, text: str, before: Any, after: Any, store: Store
    ) -> None:
        super().__init__(text)
        self.session = session
        self.before = before
        self.after = after
        self._store = store
        self._first = True

    def _put(self, current: Any, wanted: Any) -> None:
        try:
            self._store(self.session.workspace, current, wanted)
        except errors.expected_types() as exc:
            if not errors.is_expected(exc):
                raise
            self.setObsolete(True)
            errors.show_error(exc, headline=lambda: tr("The change could not be undone."))
        self.session.edited.emit("")

    def redo(self) -> None:
        if self._first:  # stored by the caller
            self._first = False
            return
        self._put(self.before, self.after)

    def undo(self) -> None:
        self._put(self.after, self.before)


def put_or_discard(
    put_back: Callable[[Workspace, Any], object], discard: Callable[[Workspace, str], object]
) -> Store:
    """A ``Store`` for keyed records: ``wanted`` is put back, or ``current`` discarded by its key
    when ``wanted`` is None."""

    def store(ws: Workspace, current: Any, wanted: Any) -> None:
        if wanted is not None:
            put_back(ws, wanted)
        elif current is not None:
            discard(ws, current.key)

    return store


def push(session: WorkspaceSession, command: QUndoCommand) -> None:
    """Record an edit already stored on the undo stack and tell the views."""
    session.undo_stack.push(command)
    session.edited.emit("")
