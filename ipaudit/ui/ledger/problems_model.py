"""The rows and cells an import could not read: sheet, row, column, the raw text and why."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ipaudit.ledger.model import Problem
from ipaudit.ui.ledger.texts import lang
from ipaudit.ui.table_model import Index, RowsTableModel

SHEET, ROW, COLUMN, RAW, REASON = range(5)
COLUMNS = 5

#: the ``Problem`` itself
ProblemRole = Qt.ItemDataRole.UserRole + 1


class ProblemsModel(RowsTableModel[Problem]):
    column_count = COLUMNS

    def problem(self, row: int) -> Problem:
        return self._rows[row]

    def header_titles(self) -> tuple[str, ...]:
        return (
            self.tr("Sheet"),
            self.tr("Row"),
            self.tr("Column"),
            self.tr("Cell"),
            self.tr("Problem"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        p = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == SHEET:
                return p.source.sheet
            if col == ROW:
                return str(p.source.row)
            if col == COLUMN:
                return p.column
            if col == RAW:
                return p.raw
            if col == REASON:
                return p.reason(lang())
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == ProblemRole:
            return p
        return None
