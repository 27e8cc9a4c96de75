"""The import wizard's first two pages: which file (and which ledger, if known), then which sheet.

Several files (chosen together, or separated by ";") go straight to the page that imports every
ledger they hold; a workbook's sheet page offers the same for all its sheets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
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
from ipaudit.ui.ledger.texts import kind_name, lang
from ipaudit.ui.ledger.wizard_page import (
    BATCH_PAGE,
    PREVIEW_PAGE,
    SHEET_PAGE,
    LedgerWizardPage,
)

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

    def paths(self) -> list[Path]:
        """Every file in the box (several are separated by ";")."""
        parts = (p.strip() for p in self.path_edit.text().split(";"))
        return [Path(p).expanduser() for p in parts if p]

    def path(self) -> Path | None:
        paths = self.paths()
        return paths[0] if paths else None

    def set_paths(self, paths: list[str]) -> None:
        self.path_edit.setText("; ".join(paths))

    def browse(self) -> None:
        path = self.path()
        start = str(path.parent) if path else ""
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose the ledger files"),
            start,
            self.tr("Spreadsheets and CSV (%1);;All files (*)").replace("%1", FILE_FILTER_EXTS),
        )
        if names:
            self.set_paths(names)

    def isComplete(self) -> bool:
        paths = self.paths()
        return bool(paths) and all(p.is_file() for p in paths)

    def nextId(self) -> int:
        return BATCH_PAGE if len(self.paths()) > 1 else SHEET_PAGE

    def validatePage(self) -> bool:
        state = self.wizard().state
        new_path = self.path()
        if new_path != state.path:
            state.sheets = []
            state.sheet = None
        state.path = new_path
        state.paths = self.paths()
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
            + ("" if lang() == "zh" else " ")
            + self.tr(
                "Choose several files (or tick every ledger sheet of a workbook on the next"
                " page) to import the reward record, the payment register and the expense"
                " record in one pass."
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
        self.all_sheets = QCheckBox()
        self.all_sheets.setObjectName("allSheets")
        self.all_sheets.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.sheets, 1)
        layout.addWidget(self.all_sheets)
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
        self.all_sheets.setChecked(False)
        self.all_sheets.setVisible(False)
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
        self.all_sheets.setVisible(len(names) > 1)
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
                self.tr(
                    "%n sheet(s). Choose the one that holds the ledger.", "", self.sheets.count()
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

    def nextId(self) -> int:
        return BATCH_PAGE if self.all_sheets.isChecked() else PREVIEW_PAGE

    def validatePage(self) -> bool:
        state = self.wizard().state
        state.sheet = self.selected_sheet()
        state.all_sheets = self.all_sheets.isChecked()
        return True

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Choose the sheet"))
        self.setSubTitle(self.tr("One workbook may hold several ledgers, each on its own sheet."))
        self.all_sheets.setText(
            self.tr("Import every ledger sheet of this workbook (each told by its content)")
        )
        self._show_status()
