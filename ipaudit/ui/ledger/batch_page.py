"""The import wizard's page for several ledgers at once: the three ledgers in one pass.

Reached with several files chosen on the first page, or "every ledger sheet" ticked for a workbook.
Every sheet is read in a worker, its ledger told by its content (``ledger.sources.import_sources``,
the same reading as ``reconcile`` and ``import-ledger --all-sheets``; a mapping remembered for a
sheet's header layout is used). The page lists what each sheet was read as, how sure the reading
is, its problems, the columns not imported and the sheets skipped. Nothing is stored until Import;
then all the imports are stored in a worker and become one undo step.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWizard

from ipaudit.ledger.model import ImportResult
from ipaudit.services import Workspace
from ipaudit.services.ledgers import LedgerRead, StoredImport, read_ledgers, store_ledgers
from ipaudit.ui import workers
from ipaudit.ui.ledger import background
from ipaudit.ui.ledger.ledger_commands import ImportLedger
from ipaudit.ui.ledger.texts import column_lines, kind_name, lang
from ipaudit.ui.ledger.wizard_page import DONE_PAGE, LedgerWizardPage


def _read_all(ws: Workspace, paths: list[Path], ctx: workers.TaskContext) -> LedgerRead:
    return read_ledgers(
        ws,
        paths,
        all_sheets=True,
        progress=lambda done, total: ctx.progress(done, total or 0),
        cancel=ctx.cancelled,
    )


def _store_all(ws: Workspace, read: LedgerRead) -> list[tuple[ImportResult, StoredImport]]:
    """Every sheet stored (a workbook hashed once), the imports replaced set aside for undo."""
    return list(zip(read.results, store_ledgers(ws, read, keep_replaced=True), strict=True))


class BatchPage(LedgerWizardPage):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setCommitPage(True)
        self.summary = QLabel()
        self.summary.setObjectName("batchSummary")
        self.summary.setWordWrap(True)
        self.details = QLabel()
        self.details.setObjectName("batchImports")
        self.details.setWordWrap(True)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.details)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(scroll, 1)
        self.found: LedgerRead | None = None
        self._busy = False
        self._error = ""
        self._stored = False
        self.retranslate_ui()

    # --- reading -----------------------------------------------------------------------------

    def initializePage(self) -> None:
        wizard = self.wizard()
        paths = list(wizard.state.paths)
        ws = wizard.session.workspace
        self._busy, self._error, self._stored, self.found = True, "", False, None
        self._show()
        self.start_task(
            lambda ctx: _read_all(ws, paths, ctx),
            self._read_done,
            self._failed,
            description="import ledgers",
            parent=self,
            label=self.tr("Reading %n file(s)…", "", len(paths)),
            cancellable=True,
        )

    def cleanupPage(self) -> None:
        self.drop_tasks()
        self._busy = False
        self.found = None
        super().cleanupPage()

    def _read_done(self, found: LedgerRead) -> None:
        self._busy = False
        self.found = found
        self._show()
        for result in found.results:
            self.wizard().read.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._error = background.expected_text(exc, self) or self.tr("The import failed.")
        self._show()
        self.wizard().failed.emit(exc)

    def duplicates(self) -> list[str]:
        """Ledgers two sheets were read as: storing both would keep only the last."""
        if self.found is None:
            return []
        counts = Counter(r.kind for r in self.found.results)
        return [kind_name(k) for k, n in counts.items() if n > 1]

    # --- storing -----------------------------------------------------------------------------

    def isComplete(self) -> bool:
        return (
            not self._busy
            and self.found is not None
            and bool(self.found.results)
            and not self.duplicates()
        )

    def validatePage(self) -> bool:
        if self._stored:
            return True
        if not self.isComplete() or self.found is None:
            return False
        wizard = self.wizard()
        ws = wizard.session.workspace
        found = self.found
        self._busy = True
        self.completeChanged.emit()
        self.start_task(
            lambda _ctx: _store_all(ws, found),
            self._stored_done,
            self._failed,
            description="store ledger imports",
            parent=self,
            label=self.tr("Saving the imports…"),
        )
        return False

    def _stored_done(self, stored: list[tuple[ImportResult, StoredImport]]) -> None:
        self._busy = False
        self._stored = True
        wizard = self.wizard()
        session = wizard.session
        wizard.state.results = [r for r, _ in stored]
        session.undo_stack.beginMacro(self.tr("Import %n ledger(s)", "", len(stored)))
        for result, s in stored:
            session.undo_stack.push(ImportLedger(session, result.kind, s, result.file))
        session.undo_stack.endMacro()
        session.edited.emit("")
        for result, _ in stored:
            wizard.stored.emit(result)
        wizard.next()

    def nextId(self) -> int:
        return DONE_PAGE

    # --- display -----------------------------------------------------------------------------

    def _show(self) -> None:
        found = self.found
        style = ""
        if self._busy and found is None:
            text, details = self.tr("Reading every sheet…"), ""
        elif self._error:
            text, details, style = self._error, "", "color: #c62828;"
        elif found is None:
            text, details = "", ""
        else:
            text = (
                self.tr("%1, %2.")
                .replace("%1", self.tr("%n ledger(s) found", "", len(found.results)))
                .replace("%2", self.tr("%n sheet(s) skipped", "", len(found.skipped)))
            )
            doubled = self.duplicates()
            if doubled:
                style = "color: #c62828;"
                text += " " + self.tr(
                    "Two sheets read as the same ledger (%1): import them one at a time."
                ).replace("%1", "、".join(doubled))
            elif not found.results:
                style = "color: #c62828;"
            details = "\n\n".join(
                [self._result_text(r) for r in found.results]
                + [
                    self.tr("%1 [%2] skipped: %3")
                    .replace("%1", file)
                    .replace("%2", s.sheet)
                    .replace("%3", s.reason(lang()))
                    for file, s in found.skipped
                ]
            )
        self.summary.setText(text)
        self.summary.setStyleSheet(style)
        self.details.setText(details)
        self.completeChanged.emit()

    def _result_text(self, r: ImportResult) -> str:
        header = (
            self.tr("%1 [%2] → %3 (%4 sure): %5, %6.")
            .replace("%1", r.file)
            .replace("%2", r.sheet)
            .replace("%3", kind_name(r.kind))
            .replace("%4", f"{r.confidence:.0%}")
            .replace("%5", self.tr("%n entries", "", len(r.entries)))
            .replace("%6", self.tr("%n problem(s)", "", len(r.problems)))
        )
        return "\n".join([header, *column_lines(r)])

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Import every ledger"))
        self.setSubTitle(
            self.tr(
                "Each sheet is read as the ledger its headers and values show; sheets without a"
                " ledger are skipped and named. Import stores them all as one step."
            )
        )
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        if not self._busy:
            self._show()
