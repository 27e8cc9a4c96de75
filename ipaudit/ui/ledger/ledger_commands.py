"""Undoable ledger settings: the rate table and the booking window, one command each.

Both go through ``ledger_service`` (which marks the ledgers changed, so the reconciliation is
computed again) and emit ``session.edited`` so the findings follow.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ipaudit.ledger.rates import RateTable
from ipaudit.ledger_service import set_rates, set_window_days
from ipaudit.ui.session import WorkspaceSession


def tr(text: str) -> str:
    return QCoreApplication.translate("ledger_commands", text)


class SetRates(QUndoCommand):
    def __init__(
        self, session: WorkspaceSession, old: RateTable | None, new: RateTable | None
    ) -> None:
        super().__init__(tr("Edit the reward rates"))
        self.session = session
        self.old = old
        self.new = new

    def _apply(self, table: RateTable | None) -> None:
        set_rates(self.session.workspace, table)
        self.session.edited.emit("")

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)


class SetWindowDays(QUndoCommand):
    def __init__(self, session: WorkspaceSession, old: int, new: int) -> None:
        super().__init__(tr("Set the booking window to %1 days").replace("%1", str(new)))
        self.session = session
        self.old = old
        self.new = new

    def _apply(self, days: int) -> None:
        set_window_days(self.session.workspace, days)
        self.session.edited.emit("")

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)


def same_rates(a: RateTable | None, b: RateTable | None) -> bool:
    return (a.to_dict() if a else {}) == (b.to_dict() if b else {})
