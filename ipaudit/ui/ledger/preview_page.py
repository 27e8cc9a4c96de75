"""The import wizard's preview: the first rows, the header found, and the column mapping to check.

The preview is read in a worker. A mapping the user confirmed earlier for a sheet with the same
header (``ledgers.remembered_mapping``, keyed by the header row's layout signature) is applied
before the detected one; otherwise the detection of ``ledger.layout`` is shown, and when it is not
sure the page says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
)

from ipaudit.ledger.cells import Cell, cell_text
from ipaudit.ledger.importer import Preview, preview
from ipaudit.ledger.layout import SCAN_ROWS, detect_unit, layout_signature
from ipaudit.ledger.model import LedgerKind
from ipaudit.services import Workspace
from ipaudit.services.ledgers import remembered_mapping
from ipaudit.ui.ledger import background
from ipaudit.ui.ledger.mapping_widget import MappingWidget
from ipaudit.ui.ledger.preview_model import PreviewModel
from ipaudit.ui.ledger.texts import kind_noun, lang
from ipaudit.ui.ledger.wizard_page import LedgerWizardPage

PREVIEW_ROWS = 40


@dataclass(frozen=True, slots=True)
class Remembered:
    kind: LedgerKind
    mapping: dict[str, int]
    header_row: int  # 1-based


def find_remembered(ws: Workspace, rows: Sequence[Sequence[Cell]], first: int) -> Remembered | None:
    """The mapping remembered for one of the first rows taken as the header (``first`` tried first)."""
    order = [first] if first > 0 else []
    order += [n for n in range(1, min(len(rows), SCAN_ROWS) + 1) if n != first]
    for number in order:
        row = rows[number - 1]
        if sum(1 for c in row if cell_text(c).strip()) < 2:
            continue
        found = remembered_mapping(ws, layout_signature(row))
        if found is not None:
            return Remembered(found[0], found[1], number)
    return None


def guess_header_row(rows: Sequence[Sequence[Cell]]) -> int:
    """Where the header probably is when no synonym matched: the first row with text in as many
    columns as the fullest row (title and unit rows have one or two cells)."""
    counts = [sum(1 for c in row if cell_text(c).strip()) for row in rows[:SCAN_ROWS]]
    widest = max(counts, default=0)
    return next((n for n, count in enumerate(counts, 1) if count == widest), 1) if widest else 1


def _read(ws: Workspace, path: Path, sheet: str | None, kind: LedgerKind | None) -> tuple:
    shown = preview(path, sheet, kind=kind, rows=PREVIEW_ROWS)
    remembered = find_remembered(ws, shown.rows, shown.layout.header_row)
    if remembered is not None and kind is not None and remembered.kind is not kind:
        remembered = None  # the user said which ledger this is; the remembered one is another
    return shown, remembered


class PreviewPage(LedgerWizardPage):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.model = PreviewModel(self)
        self.table = QTableView()
        self.table.setObjectName("ledgerPreview")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setDefaultSectionSize(110)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.mapping = MappingWidget()
        self.note = QLabel()
        self.note.setObjectName("previewNote")
        self.note.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.mapping)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(splitter, 1)
        self.preview: Preview | None = None
        self.remembered: Remembered | None = None
        self._loading = False
        self._error = ""
        self.mapping.changed.connect(self._mapping_changed)
        self.retranslate_ui()

    def initializePage(self) -> None:
        wizard = self.wizard()
        state = wizard.state
        path, sheet, kind = state.path, state.sheet, state.kind_hint
        assert path is not None
        ws = wizard.session.workspace
        self._loading = True
        self._error = ""
        self.preview = None
        self.model.set_rows([])
        self._show_note()
        self.completeChanged.emit()
        self.start_task(
            lambda _ctx: _read(ws, path, sheet, kind),
            lambda found: self._shown(*found),
            self._failed,
            description="preview ledger",
            parent=self,
            label=self.tr("Reading %1…").replace("%1", path.name),
        )

    def _shown(self, shown: Preview, remembered: Remembered | None) -> None:
        self._loading = False
        self.preview = shown
        self.remembered = remembered
        layout = shown.layout
        self.model.set_rows(shown.rows)
        self.mapping.set_rows(shown.rows)
        state = self.wizard().state
        if remembered is not None:
            kind, header_row, mapping = remembered.kind, remembered.header_row, remembered.mapping
            unit = detect_unit(shown.rows[:header_row], mapping.get("amount"))
            used = set(mapping.values())
            self.mapping.set_state(
                kind,
                header_row,
                mapping,
                unit,
                unused=[n for n in layout.unused if n.column not in used],
            )
        else:
            kind = layout.kind or state.kind_hint or LedgerKind.REWARDS
            found = bool(layout.mapping)
            header_row = layout.header_row if found else guess_header_row(shown.rows)
            self.mapping.set_state(
                kind,
                header_row,
                dict(layout.mapping),
                layout.unit,
                confidence=layout.field_confidence,
                unused=layout.unused,
            )
        self._sync_model()
        self._show_note()
        self.completeChanged.emit()
        self.wizard().previewed.emit(shown)

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self._error = background.expected_text(exc, self) or self.tr("The sheet could not be read.")
        self._show_note()
        self.completeChanged.emit()
        self.wizard().failed.emit(exc)

    def _mapping_changed(self) -> None:
        self._sync_model()
        self._show_note()
        self.completeChanged.emit()

    def _sync_model(self) -> None:
        self.model.set_layout(self.mapping.header_row, self.mapping.mapping())
        row = self.mapping.header_row - 1
        if 0 <= row < self.model.rowCount():
            self.table.scrollTo(self.model.index(row, 0))

    def _show_note(self) -> None:
        style = ""
        if self._loading:
            text = self.tr("Reading the first rows…")
        elif self._error:
            text, style = self._error, "color: #c62828;"
        elif self.preview is None:
            text = ""
        elif self.remembered is not None:
            text = self.tr(
                "This sheet has the layout of one you imported before: the columns are mapped as"
                " you confirmed then. Check them and go on."
            )
        else:
            layout = self.preview.layout
            sure = f"{layout.confidence:.0%}"
            if not layout.mapping:
                text = self.tr(
                    "No header was recognised in the first rows. Choose the header row, the ledger"
                    " and what each column holds."
                )
                style = "color: #e67e00;"
            elif layout.header_row == 0:
                text = (
                    self.tr(
                        "The sheet has no header: %1 was recognised from the values (%2 sure)."
                        " Check the columns."
                    )
                    .replace("%1", kind_noun(layout.kind) if layout.kind else "")
                    .replace("%2", sure)
                )
                style = "" if layout.sure else "color: #e67e00;"
            elif layout.sure:
                text = (
                    self.tr("Recognised %1 with its header on row %2 (%3 sure). Check the columns.")
                    .replace("%1", kind_noun(layout.kind) if layout.kind else "")
                    .replace("%2", str(layout.header_row))
                    .replace("%3", sure)
                )
            else:
                text = (
                    self.tr(
                        "The header on row %1 was only partly recognised (%2 sure). Check the"
                        " ledger and map the columns that are missing."
                    )
                    .replace("%1", str(layout.header_row))
                    .replace("%2", sure)
                )
                style = "color: #e67e00;"
            ui = lang()
            warnings = [w.message(ui) for w in layout.warnings]
            if layout.alternatives:
                others = "、".join(kind_noun(k) for k in layout.alternatives)
                warnings.insert(
                    0,
                    self.tr("The sheet could also be %1: check the ledger.").replace("%1", others),
                )
            if warnings:
                text = "\n".join([text, *warnings])
                style = "color: #e67e00;"
        self.note.setText(text)
        self.note.setStyleSheet(style)

    def isComplete(self) -> bool:
        return not self._loading and self.preview is not None and self.mapping.is_valid()

    def validatePage(self) -> bool:
        if self.preview is None:
            return False
        state = self.wizard().state
        state.preview = self.preview
        state.kind = self.mapping.kind
        state.header_row = self.mapping.header_row
        state.mapping = self.mapping.mapping()
        state.unit = self.mapping.unit
        row = state.header_row - 1
        state.signature = (
            layout_signature(self.preview.rows[row]) if 0 <= row < len(self.preview.rows) else ""
        )
        state.remembered = self.remembered is not None
        return True

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Check the columns"))
        self.setSubTitle(
            self.tr(
                "The first rows of the sheet. The header row is highlighted; each column shows the"
                " field it is imported as."
            )
        )
        self.model.retranslate()
        self._show_note()
