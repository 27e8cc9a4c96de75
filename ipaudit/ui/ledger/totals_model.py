"""One totals table (per year, quarter, month, person, department or IP item): the three ledgers
side by side with their differences; the last row is the grand total."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ipaudit.ledger.totals import TotalsRow, TotalsTable
from ipaudit.ui.ledger.texts import lang

Index = QModelIndex | QPersistentModelIndex

KEY, DECIDED, PENALTIES, PAID, PAID_DIFF, BOOKED, BOOKED_DIFF = range(7)
COLUMNS = 7

#: the ``TotalsRow`` (the grand total for the last row)
TotalsRowRole = Qt.ItemDataRole.UserRole + 1

DIFFERENCE_COLOR = QColor("#c62828")
TOTAL_BACKGROUND = QColor("#eef2f6")


class TotalsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._table: TotalsTable | None = None
        self._cells: list[list[str]] = []
        self._headers: list[str] = []

    def set_table(self, table: TotalsTable | None) -> None:
        self.beginResetModel()
        self._table = table
        self._fill()
        self.endResetModel()

    def table(self) -> TotalsTable | None:
        return self._table

    def totals_row(self, row: int) -> TotalsRow:
        assert self._table is not None
        rows = self._table.rows
        return rows[row] if row < len(rows) else self._table.total

    def retranslate(self) -> None:
        self._fill()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)
        if self._cells:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._cells) - 1, COLUMNS - 1))

    def _fill(self) -> None:
        table = self._table
        ui = lang()
        self._cells = table.as_rows(ui) if table is not None else []
        self._headers = table.headers(ui) if table is not None else []

    # --- QAbstractTableModel -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._table is None else COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._headers[section] if 0 <= section < len(self._headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cells):
            return None
        row, col = index.row(), index.column()
        if not 0 <= col < COLUMNS:
            return None
        is_total = row == len(self._cells) - 1
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[row][col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col != KEY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col in (PAID_DIFF, BOOKED_DIFF):
            r = self.totals_row(row)
            diff = r.paid_minus_decided if col == PAID_DIFF else r.booked_minus_paid
            return QBrush(DIFFERENCE_COLOR) if diff else None
        if role == Qt.ItemDataRole.FontRole and is_total:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and is_total:
            return QBrush(TOTAL_BACKGROUND)
        if role == TotalsRowRole:
            return self.totals_row(row)
        return None
