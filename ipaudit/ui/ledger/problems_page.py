"""The import wizard's last two pages: what the import read (and every row it could not), then the
import stored into the workspace.

The sheet is read with the confirmed mapping in a worker, with progress and Cancel. Nothing is
stored until the user presses Import on the problems page: they may go back and fix the mapping
instead. Storing replaces the earlier import of the same ledger and remembers the mapping for this
layout (``ledgers.read_ledgers`` and ``ledgers.store_ledgers``, the two halves of the one
``import_ledger`` the command line and the demo use).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWizard,
)

from ipaudit.ledger.errors import ImportCancelled
from ipaudit.ledger.model import ImportResult, LedgerKind
from ipaudit.services import Workspace
from ipaudit.services.ledgers import (
    ImportRecord,
    LedgerRead,
    StoredImport,
    import_records,
    read_ledgers,
    store_ledgers,
)
from ipaudit.ui import workers
from ipaudit.ui.ledger import background
from ipaudit.ui.ledger import problems_model as pm
from ipaudit.ui.ledger.ledger_commands import ImportLedger
from ipaudit.ui.ledger.texts import column_lines, kind_name, kind_noun, lang, money, signed
from ipaudit.ui.ledger.wizard_page import LedgerWizardPage

if TYPE_CHECKING:
    from ipaudit.ui.ledger.import_state import ImportState


def _read(
    ws: Workspace, state: ImportState, ctx: workers.TaskContext
) -> tuple[LedgerRead, ImportRecord | None]:
    """Import with the confirmed layout (``state`` is a copy the GUI no longer changes); the
    mapping is remembered under the confirmed header's signature when stored."""
    assert state.path is not None and state.kind is not None
    read = read_ledgers(
        ws,
        [state.path],
        kind=state.kind,
        sheet=state.sheet,
        mapping=state.mapping,
        header_row=state.header_row,
        unit=state.unit,
        signature=state.signature,
        progress=lambda done, total: ctx.progress(done, total or 0),
        cancel=ctx.cancelled,
    )
    kind = read.results[0].kind
    earlier = next((i for i in import_records(ws) if i.kind is kind), None)
    return read, earlier


def _store(ws: Workspace, read: LedgerRead) -> StoredImport:
    """The import stored and its file attached as evidence; the import it replaces is set
    aside, for undo."""
    return store_ledgers(ws, read, keep_replaced=True)[0]


class ProblemsPage(LedgerWizardPage):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setCommitPage(True)
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.model = pm.ProblemsModel(self)
        self.table = QTableView()
        self.table.setObjectName("importProblems")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(pm.REASON, QHeaderView.ResizeMode.Stretch)
        for col, width in ((pm.SHEET, 90), (pm.ROW, 50), (pm.COLUMN, 110), (pm.RAW, 140)):
            header.resizeSection(col, width)
        self.totals = QLabel()
        self.totals.setObjectName("importTotals")
        self.totals.setWordWrap(True)
        self.columns = QLabel()
        self.columns.setObjectName("importColumns")
        self.columns.setWordWrap(True)
        self.columns.setStyleSheet("color: #e67e00;")
        self.replaces = QLabel()
        self.replaces.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals)
        layout.addWidget(self.columns)
        layout.addWidget(self.replaces)
        self.result: ImportResult | None = None
        self.read: LedgerRead | None = None
        self.earlier: ImportRecord | None = None
        self._busy = False
        self._error = ""
        self._stored = False
        #: the read or store running now, if any
        self.task: workers.Task | None = None
        self.retranslate_ui()

    # --- reading -----------------------------------------------------------------------------

    def initializePage(self) -> None:
        wizard = self.wizard()
        state = replace(wizard.state, mapping=dict(wizard.state.mapping))
        ws = wizard.session.workspace
        self._busy = True
        self._error = ""
        self._stored = False
        self.result = None
        self.model.set_rows([])
        self._show()
        assert state.path is not None
        self.task = self.start_task(
            lambda ctx: _read(ws, state, ctx),
            lambda found: self._read_done(*found),
            self._read_failed,
            description="import ledger",
            parent=self,
            label=self.tr("Importing %1…").replace("%1", state.path.name),
            cancellable=True,
        )

    def cleanupPage(self) -> None:
        self.drop_tasks()  # a read still running is no longer wanted
        self._busy = False
        self.result = None
        self.wizard().state.result = None
        super().cleanupPage()

    def _read_done(self, read: LedgerRead, earlier: ImportRecord | None) -> None:
        self._busy = False
        self.read = read
        result = self.result = read.results[0]
        self.earlier = earlier
        self.wizard().state.result = result
        self.model.set_rows(result.problems)
        self._show()
        self.wizard().read.emit(result)

    def _read_failed(self, exc: BaseException) -> None:
        self._busy = False
        if isinstance(exc, ImportCancelled):
            # back to the mapping; nothing was kept
            QTimer.singleShot(0, self.wizard().back)
            return
        self._error = background.expected_text(exc, self) or self.tr("The import failed.")
        self._show()
        self.wizard().failed.emit(exc)

    # --- storing -----------------------------------------------------------------------------

    def isComplete(self) -> bool:
        return not self._busy and self.result is not None

    def validatePage(self) -> bool:
        if self._stored:
            return True
        if self._busy or self.result is None or self.read is None:
            return False
        wizard = self.wizard()
        ws = wizard.session.workspace
        read = self.read
        self._busy = True
        self.completeChanged.emit()
        self.task = self.start_task(
            lambda _ctx: _store(ws, read),
            self._stored_done,
            self._store_failed,
            description="store ledger import",
            parent=self,
            label=self.tr("Saving the import…"),
        )
        return False

    def _stored_done(self, stored: StoredImport) -> None:
        self._busy = False
        self._stored = True
        wizard = self.wizard()
        wizard.state.import_id = stored.import_id
        assert self.result is not None
        session = wizard.session
        session.undo_stack.push(ImportLedger(session, self.result.kind, stored, self.result.file))
        session.edited.emit("")
        wizard.stored.emit(self.result)
        wizard.next()

    def _store_failed(self, exc: BaseException) -> None:
        self._busy = False
        self._error = background.expected_text(exc, self) or self.tr("The import was not saved.")
        self._show()
        self.completeChanged.emit()
        self.wizard().failed.emit(exc)

    # --- display -----------------------------------------------------------------------------

    def _show(self) -> None:
        r = self.result
        if self._busy and r is None:
            self.summary.setStyleSheet("")
            self.summary.setText(self.tr("Reading the sheet…"))
            self.totals.clear()
            self.columns.clear()
            self.replaces.clear()
        elif self._error:
            self.summary.setStyleSheet("color: #c62828;")
            self.summary.setText(self._error)
        elif r is not None:
            self.summary.setStyleSheet("color: #c62828;" if r.problems else "")
            self.summary.setText(self._summary_text(r))
            self.totals.setText(self._totals_text(r))
            self.columns.setText(self._columns_text(r))
            self.replaces.setText(self._replaces_text(r.kind))
        self.completeChanged.emit()

    def _summary_text(self, r: ImportResult) -> str:
        counts = (
            self.tr("%1: %2, %3, %4.")
            .replace("%1", kind_name(r.kind))
            .replace("%2", self.tr("%n row(s) read", "", r.rows_read))
            .replace("%3", self.tr("%n entries", "", len(r.entries)))
            .replace("%4", self.tr("%n problem(s)", "", len(r.problems)))
        )
        sep = "" if lang() == "zh" else " "
        c = r.counts
        counts += sep + (
            self.tr(
                "Of the sheet's %n row(s): %2 above the data, %3 blank, %4, %5 with"
                " problems, %6 (checked, not counted), %7 skipped.",
                "",
                c.sheet_rows,
            )
            .replace("%2", str(c.above_data))
            .replace("%3", str(c.blank))
            .replace("%4", self.tr("%n entries", "", c.entries))
            .replace("%5", str(c.problem_rows))
            .replace("%6", self.tr("%n total row(s)", "", c.total_rows))
            .replace("%7", str(c.skipped))
        )
        if not r.problems:
            return counts + sep + self.tr("Every row was read.")
        return (
            counts
            + sep
            + self.tr(
                "The rows below are not imported. Go back to fix the mapping, or import now and"
                " correct the file later: importing it again replaces this import."
            )
        )

    def _totals_text(self, r: ImportResult) -> str:
        wrong = [t for t in r.totals if t.difference]
        if not r.totals:
            return ""
        if not wrong:
            return self.tr("%n stated total row(s) agree with their rows.", "", len(r.totals))
        lines = [
            self.tr("Row %1 “%2” states %3, but rows %4–%5 add up to %6 (%7).")
            .replace("%1", str(t.source.row))
            .replace("%2", t.label)
            .replace("%3", money(t.stated))
            .replace("%4", str(t.first_row))
            .replace("%5", str(t.last_row))
            .replace("%6", money(t.computed))
            .replace("%7", signed(t.difference))
            for t in wrong
        ]
        return "\n".join(lines)

    def _columns_text(self, r: ImportResult) -> str:
        """The warnings and every column not imported, with what its values look like."""
        return "\n".join(column_lines(r))

    def _replaces_text(self, kind: LedgerKind) -> str:
        e = self.earlier
        if e is None:
            return ""
        return (
            self.tr("Importing replaces %1 imported on %2 from %3.")
            .replace("%1", kind_noun(kind))
            .replace("%2", e.imported_at.strftime("%Y-%m-%d %H:%M"))
            .replace("%3", f"{e.file_name} [{e.sheet}]" if e.sheet else e.file_name)
        )

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Check what was read"))
        self.setSubTitle(
            self.tr(
                "Every row becomes an entry or a problem with its row number; nothing is dropped"
                " silently."
            )
        )
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.model.retranslate()
        if not self._busy:
            self._show()


class DonePage(LedgerWizardPage):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.text = QLabel()
        self.text.setObjectName("importDone")
        self.text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addStretch(1)
        self.retranslate_ui()

    def initializePage(self) -> None:
        self._show()

    def nextId(self) -> int:
        return -1  # the last page, also after the page that imports every ledger

    def _show(self) -> None:
        wizard = self.wizard()
        batch = wizard.state.results if wizard is not None else []
        if batch:
            lines = [
                self.tr("Imported %n entries of %1 from %2.", "", len(r.entries))
                .replace("%1", kind_noun(r.kind))
                .replace("%2", f"{r.file} [{r.sheet}]" if r.sheet else r.file)
                for r in batch
            ]
            self.text.setText("\n".join(lines))
            return
        r = wizard.state.result if wizard is not None else None
        if r is None:
            self.text.clear()
            return
        text = (
            self.tr("Imported %n entries of %1 from %2.", "", len(r.entries))
            .replace("%1", kind_noun(r.kind))
            .replace("%2", f"{r.file} [{r.sheet}]" if r.sheet else r.file)
        )
        if r.problems:
            text += ("" if lang() == "zh" else " ") + self.tr(
                "%n problem(s) are kept with the import; correct the file and import it again to"
                " replace them.",
                "",
                len(r.problems),
            )
        text += "\n\n" + self.tr(
            "The column mapping is remembered for sheets with this header. The reconciliation"
            " and the findings are brought up to date."
        )
        self.text.setText(text)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Imported"))
        self.setSubTitle(self.tr("The import is stored in the workspace."))
        if self.wizard() is not None:
            self._show()
