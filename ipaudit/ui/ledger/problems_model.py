"""The rows and cells an import could not read: sheet, row, column, the raw text and why."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ipaudit.ledger.model import Problem
from ipaudit.ui.ledger.texts import lang

Index = QModelIndex | QPersistentModelIndex

SHEET, ROW, COLUMN, RAW, REASON = range(5)
COLUMNS = 5

#: the ``Problem`` itself
ProblemRole = Qt.ItemDataRole.UserRole + 1


class ProblemsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Problem] = []

    def set_rows(self, problems: Sequence[Problem]) -> None:
        self.beginResetModel()
        self._rows = list(problems)
        self.endResetModel()

    def problem(self, row: int) -> Problem:
        return self._rows[row]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, COLUMNS - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Sheet"),
            self.tr("Row"),
            self.tr("Column"),
            self.tr("Cell"),
            self.tr("Problem"),
        )
        return titles[section] if 0 <= section < COLUMNS else None

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
