"""Undoable ledger changes: an import, the rate table and the booking window, one command each.

All go through the ledger services (``services.ledgers``, which mark the ledgers changed, so the reconciliation is
computed again) and emit ``session.edited`` so the findings follow.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from ipaudit.ledger.model import LedgerKind
from ipaudit.ledger.rates import RateTable, key_text
from ipaudit.services.ledgers import (
    StoredImport,
    redo_import,
    set_rates,
    set_window_days,
    undo_import,
)
from ipaudit.store.errors import EditConflict
from ipaudit.ui.conflict_box import show_conflict
from ipaudit.ui.ledger.texts import lang, money
from ipaudit.ui.session import WorkspaceSession

log = logging.getLogger(__name__)


def tr(text: str, disambiguation: str = "", n: int = -1) -> str:
    return QCoreApplication.translate("ledger_commands", text, disambiguation, n)


class ImportLedger(QUndoCommand):
    """A ledger import the wizard has stored (in a worker: it may be 10⁵ rows). Undo brings back
    the import it replaced, or none; redo this one again (``ledgers.undo_import`` and
    ``redo_import``, as ``undo-import`` on the command line). Both only switch which stored
    import is in use, so they are instant whatever the size; the evidence the import attached
    is removed by undo and restored by redo."""

    def __init__(
        self,
        session: WorkspaceSession,
        kind: LedgerKind,
        stored: StoredImport,
        file_name: str,
    ) -> None:
        super().__init__(tr("Import %1").replace("%1", file_name))
        self.session = session
        self.kind = kind
        self.stored = stored
        self._stored = True  # pushed after the wizard stored it: the first redo has nothing to do

    def _apply(self, undo: bool) -> None:
        ws = self.session.workspace
        try:
            if undo:
                undo_import(ws, self.kind, self.stored)
            else:
                redo_import(ws, self.kind, self.stored)
        except LookupError:  # replaced meanwhile by another program (the CLI): nothing to switch
            log.warning("ledger import of %s is gone; the undo step is dropped", self.kind.value)
            self.setObsolete(True)
        self.session.edited.emit("")

    def redo(self) -> None:
        if self._stored:
            self._stored = False
            return
        self._apply(undo=False)

    def undo(self) -> None:
        self._apply(undo=True)


class SetRates(QUndoCommand):
    def __init__(
        self, session: WorkspaceSession, old: RateTable | None, new: RateTable | None
    ) -> None:
        super().__init__(tr("Edit the reward rates"))
        self.session = session
        self.old = old
        self.new = new

    def _apply(self, table: RateTable | None, base: RateTable | None) -> None:
        """Store ``table``: only the rates changed from ``base`` (what the tab showed) apply to
        the rates as stored now; a rate someone else changed meanwhile is shown, not overwritten."""
        try:
            set_rates(self.session.workspace, table, base=base)
        except EditConflict as exc:
            self.setObsolete(True)
            ws = self.session.workspace

            def keep_mine() -> None:
                set_rates(ws, table)
                self.session.edited.emit("")

            rates = table.to_dict() if table else {}
            mine = "\n".join(f"{key_text(k, lang())}: {money(v)}" for k, v in rates.items())
            show_conflict(exc, mine, keep_mine, workspace=ws)
        self.session.edited.emit("")

    def redo(self) -> None:
        self._apply(self.new, self.old)

    def undo(self) -> None:
        self._apply(self.old, self.new)


class SetWindowDays(QUndoCommand):
    def __init__(self, session: WorkspaceSession, old: int, new: int) -> None:
        super().__init__(tr("Set the booking window to %n day(s)", "", new))
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
