"""The import wizard's first two pages: which file (and which ledger, if known), then which sheet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from ipaudit.ledger.model import LedgerKind
from ipaudit.ledger.reader import list_sheets
from ipaudit.ui.ledger import background
from ipaudit.ui.ledger.texts import kind_name
from ipaudit.ui.ledger.wizard_page import LedgerWizardPage

FILE_FILTER_EXTS = "*.xlsx *.xlsm *.xls *.ods *.csv *.tsv *.txt"


class FilePage(LedgerWizardPage):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.file_label = QLabel()
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("ledgerFilePath")
        self.file_label.setBuddy(self.path_edit)
        self.browse_button = QPushButton()
        self.kind_label = QLabel()
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("ledgerKindHint")
        self.kind_combo.addItem("", "")
        for kind in LedgerKind:
            self.kind_combo.addItem("", kind.value)
        self.kind_label.setBuddy(self.kind_combo)
        self.note = QLabel()
        self.note.setWordWrap(True)

        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(self.file_label, row)
        form.addRow(self.kind_label, self.kind_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(12)
        layout.addWidget(self.note)
        layout.addStretch(1)

        self.path_edit.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.browse_button.clicked.connect(self.browse)
        self.retranslate_ui()

    def path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text).expanduser() if text else None

    def browse(self) -> None:
        start = str(self.path().parent) if self.path() else ""
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a ledger file"),
            start,
            self.tr("Spreadsheets and CSV (%1);;All files (*)").replace("%1", FILE_FILTER_EXTS),
        )
        if name:
            self.path_edit.setText(name)

    def isComplete(self) -> bool:
        path = self.path()
        return path is not None and path.is_file()

    def validatePage(self) -> bool:
        state = self.wizard().state
        new_path = self.path()
        if new_path != state.path:
            state.sheets = []
            state.sheet = None
        state.path = new_path
        value = self.kind_combo.currentData()
        state.kind_hint = LedgerKind(value) if value else None
        return True

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Choose the ledger file"))
        self.setSubTitle(
            self.tr(
                "The reward record, the payment register, the expense record or the IP portfolio,"
                " as finance keeps it: xlsx, xls, ods or csv."
            )
        )
        self.file_label.setText(self.tr("&File:"))
        self.browse_button.setText(self.tr("&Browse…"))
        self.kind_label.setText(self.tr("&Ledger:"))
        self.kind_combo.setItemText(0, self.tr("Detect from the headers"))
        for i in range(1, self.kind_combo.count()):
            self.kind_combo.setItemText(i, kind_name(LedgerKind(self.kind_combo.itemData(i))))
        self.note.setText(
            self.tr(
                "Importing a ledger replaces the earlier import of the same ledger. Explanations"
                " you accepted for its differences are kept while the differences remain."
            )
        )


class SheetPage(LedgerWizardPage):
    """Lists the workbook's sheets (read in a worker); a csv file has its one sheet."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.sheets = QListWidget()
        self.sheets.setObjectName("ledgerSheets")
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.sheets, 1)
        layout.addWidget(self.status)
        self._loading = False
        self._error = ""
        self.sheets.currentRowChanged.connect(lambda _r: self.completeChanged.emit())
        self.sheets.itemDoubleClicked.connect(lambda _i: self._next_if_complete())
        self.retranslate_ui()

    def initializePage(self) -> None:
        state = self.wizard().state
        path = state.path
        assert path is not None
        self._loading = True
        self._error = ""
        self.sheets.clear()
        self._show_status()
        self.completeChanged.emit()
        self.start_task(
            lambda _ctx: list_sheets(path),
            self._listed,
            self._failed,
            description="list sheets",
            parent=self,
            label=self.tr("Reading %1…").replace("%1", path.name),
        )

    def _listed(self, names: list[str]) -> None:
        self._loading = False
        state = self.wizard().state
        state.sheets = list(names)
        for name in names:
            QListWidgetItem(name, self.sheets)
        wanted = state.sheet if state.sheet in names else (names[0] if names else None)
        if wanted is not None:
            self.sheets.setCurrentRow(names.index(wanted))
        if not names:
            self._error = self.tr("The workbook has no worksheets.")
        self._show_status()
        self.completeChanged.emit()
        self.wizard().sheets_listed.emit(list(names))

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self._error = background.expected_text(exc, self) or self.tr("The file could not be read.")
        self._show_status()
        self.completeChanged.emit()
        self.wizard().failed.emit(exc)

    def _show_status(self) -> None:
        if self._loading:
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Reading the workbook…"))
        elif self._error:
            self.status.setStyleSheet("color: #c62828;")
            self.status.setText(self._error)
        else:
            self.status.setStyleSheet("")
            self.status.setText(
                self.tr("%1 sheet(s). Choose the one that holds the ledger.").replace(
                    "%1", str(self.sheets.count())
                )
            )

    def _next_if_complete(self) -> None:
        if self.isComplete():
            self.wizard().next()

    def selected_sheet(self) -> str | None:
        item = self.sheets.currentItem()
        return item.text() if item is not None else None

    def isComplete(self) -> bool:
        return not self._loading and not self._error and self.selected_sheet() is not None

    def validatePage(self) -> bool:
        self.wizard().state.sheet = self.selected_sheet()
        return True

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Choose the sheet"))
        self.setSubTitle(self.tr("One workbook may hold several ledgers, each on its own sheet."))
        self._show_status()
