"""The first rows of a sheet as the import wizard previews them, with the header and mapping shown.

Rows are spreadsheet rows from row 1 (the vertical header shows their numbers); the header row is
bold on a tinted background, the rows above it (titles, unit rows) are greyed, and each column's
header names the column letter, and the field it is mapped to.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ipaudit.ledger.cells import Cell, CellIssue, cell_text
from ipaudit.ui.ledger.texts import column_letter, field_name

Index = QModelIndex | QPersistentModelIndex

HEADER_BACKGROUND = QColor("#dbe9f7")
MAPPED_BACKGROUND = QColor("#f3f8fd")
ABOVE_HEADER = QColor("#9e9e9e")
ISSUE_COLOR = QColor("#c62828")


class PreviewModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Sequence[Cell]] = []
        self._columns = 0
        self._header_row = 0  # 1-based; 0 = none
        self._field_of: dict[int, str] = {}

    # --- filling -----------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[Sequence[Cell]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._columns = max((len(r) for r in self._rows), default=0)
        self.endResetModel()

    def set_layout(self, header_row: int, mapping: Mapping[str, int]) -> None:
        """Show ``header_row`` (1-based) as the header and ``mapping`` (field -> column)."""
        self._header_row = header_row
        self._field_of = {col: name for name, col in mapping.items()}
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self._columns - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self._columns - 1)
            )

    def header_texts(self) -> list[str]:
        """The header row's cells as text (one per column)."""
        if not 1 <= self._header_row <= len(self._rows):
            return [""] * self._columns
        row = self._rows[self._header_row - 1]
        return [cell_text(row[c]).strip() if c < len(row) else "" for c in range(self._columns)]

    def retranslate(self) -> None:
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self._columns - 1)

    # --- QAbstractTableModel -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._columns

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if 0 <= section < len(self._rows) else None
        if not 0 <= section < self._columns:
            return None
        field = self._field_of.get(section)
        letter = column_letter(section)
        return f"{letter} → {field_name(field)}" if field else letter

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, col = index.row(), index.column()
        if not 0 <= col < self._columns:
            return None
        cells = self._rows[row]
        value = cells[col] if col < len(cells) else None
        number = row + 1
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cell_text(value)
        if role == Qt.ItemDataRole.FontRole and number == self._header_row:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            if number == self._header_row:
                return QBrush(HEADER_BACKGROUND)
            if number > self._header_row and col in self._field_of:
                return QBrush(MAPPED_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if isinstance(value, CellIssue):
                return QBrush(ISSUE_COLOR)
            if self._header_row > 0 and number < self._header_row:
                return QBrush(ABOVE_HEADER)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
