"""A table of texts whose first row is the header (the reconciliation summary tables)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

Index = QModelIndex | QPersistentModelIndex

_NUMBER = re.compile(r"[-+]?[\d,]+(\.\d+)?%?|—")


class TextTableModel(QAbstractTableModel):
    """``set_table([[header…], [cell…], …])``; with ``bold_last`` the last row is a total."""

    def __init__(self, parent: Any = None, *, bold_last: bool = False) -> None:
        super().__init__(parent)
        self.bold_last = bold_last
        self._header: list[str] = []
        self._rows: list[list[str]] = []

    def set_table(self, table: Sequence[Sequence[str]]) -> None:
        self.beginResetModel()
        self._header = list(table[0]) if table else []
        self._rows = [list(r) for r in table[1:]]
        self.endResetModel()

    def table(self) -> list[list[str]]:
        return [list(self._header), *(list(r) for r in self._rows)]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._header)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._header[section] if 0 <= section < len(self._header) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, col = index.row(), index.column()
        cells = self._rows[row]
        if not 0 <= col < len(self._header):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return cells[col] if col < len(cells) else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            text = cells[col] if col < len(cells) else ""
            if _NUMBER.fullmatch(text):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.FontRole and self.bold_last and row == len(self._rows) - 1:
            font = QFont()
            font.setBold(True)
            return font
        return None
