"""The ledger import wizard: file → sheet → preview and column mapping → problems → import; or,
for several files or every ledger sheet of a workbook, file [→ sheet] → every ledger → import.

File reading (sheet list, preview, the import itself) and storing run in workers with progress;
the GUI thread only shows. The mapping the user confirms is remembered per workspace and header
layout, and applied the next time a sheet with that header is imported. After the import is stored
``session.edited`` fires, so the findings and the reconciliation view bring themselves up to date.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QWidget, QWizard

from ipaudit.ui.ledger.batch_page import BatchPage
from ipaudit.ui.ledger.import_state import ImportState
from ipaudit.ui.ledger.preview_page import PreviewPage
from ipaudit.ui.ledger.problems_page import DonePage, ProblemsPage
from ipaudit.ui.ledger.source_pages import FilePage, SheetPage
from ipaudit.ui.ledger.wizard_page import (
    BATCH_PAGE,
    DONE_PAGE,
    FILE_PAGE,
    PREVIEW_PAGE,
    PROBLEMS_PAGE,
    SHEET_PAGE,
)
from ipaudit.ui.session import WorkspaceSession


class LedgerImportWizard(QWizard):
    #: the sheets of the chosen file were listed (names)
    sheets_listed = Signal(list)
    #: the preview was read (``importer.Preview``)
    previewed = Signal(object)
    #: the sheet was read with the confirmed mapping (``ImportResult``), not yet stored
    read = Signal(object)
    #: the import was stored in the workspace (``ImportResult``)
    stored = Signal(object)
    #: an expected failure was shown on a page (the exception)
    failed = Signal(object)

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ledgerImportWizard")
        self.session = session
        self.state = ImportState()
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.file_page = FilePage()
        self.sheet_page = SheetPage()
        self.preview_page = PreviewPage()
        self.problems_page = ProblemsPage()
        self.done_page = DonePage()
        self.batch_page = BatchPage()
        for page_id, page in (
            (FILE_PAGE, self.file_page),
            (SHEET_PAGE, self.sheet_page),
            (PREVIEW_PAGE, self.preview_page),
            (PROBLEMS_PAGE, self.problems_page),
            (DONE_PAGE, self.done_page),
            (BATCH_PAGE, self.batch_page),
        ):
            self.setPage(page_id, page)
        self.setStartId(FILE_PAGE)
        self.resize(1040, 660)
        self.retranslate_ui()

    def set_file(self, path: str) -> None:
        """Fill in the file (as if chosen with Browse…)."""
        self.file_page.path_edit.setText(path)

    def set_files(self, paths: list[str]) -> None:
        """Fill in several files, to import every ledger they hold in one pass."""
        self.file_page.set_paths(paths)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Import a ledger"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


#: the name the task description uses
ImportLedgerWizard = LedgerImportWizard

__all__ = [
    "BATCH_PAGE",
    "DONE_PAGE",
    "FILE_PAGE",
    "PREVIEW_PAGE",
    "PROBLEMS_PAGE",
    "SHEET_PAGE",
    "ImportLedgerWizard",
    "LedgerImportWizard",
]
