"""The rate table of the reward/penalty procedure as an editable table: IP type or category → amount.

The five IP types are always listed (an empty amount means the type has no rate and is not
checked); categories of the procedure (text found in a reward's reason, such as 发明专利申请) are
extra rows whose name is editable too. ``rate_table()`` gives the ``RateTable`` the rows describe.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from ipaudit.ledger.ipnumber import IpType
from ipaudit.ledger.rates import RateTable, key_text, parse_rate
from ipaudit.ui.ledger.texts import lang, money
from ipaudit.ui.table_model import Index, RowsTableModel

KEY, AMOUNT = range(2)
COLUMNS = 2

TYPES = (
    IpType.INVENTION,
    IpType.UTILITY_MODEL,
    IpType.DESIGN,
    IpType.SOFTWARE,
    IpType.TRADEMARK,
)
_TYPE_KEYS = frozenset(t.value for t in TYPES)


class RatesModel(RowsTableModel[list[Any]]):  # rows: [key, amount or None]
    column_count = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.set_rate_table(None)

    # --- the table ---------------------------------------------------------------------------

    def set_rate_table(self, table: RateTable | None) -> None:
        data = table.to_dict() if table is not None else {}
        self.beginResetModel()
        self._rows = [[t.value, data.get(t.value)] for t in TYPES]
        self._rows += [[k, v] for k, v in data.items() if k not in _TYPE_KEYS]
        self.endResetModel()

    def rate_table(self) -> RateTable | None:
        """The rows with an amount, as a rate table (None when no row has one)."""
        data = {key: amount for key, amount in self._rows if key.strip() and amount is not None}
        return RateTable.from_dict(data, source="workspace") if data else None

    def is_category(self, row: int) -> bool:
        return self._rows[row][0] not in _TYPE_KEYS

    def add_category(self, name: str = "") -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append([name, None])
        self.endInsertRows()
        return row

    def remove_category(self, row: int) -> bool:
        if not 0 <= row < len(self._rows) or not self.is_category(row):
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        return True

    # --- QAbstractTableModel -----------------------------------------------------------------

    def header_titles(self) -> tuple[str, ...]:
        return (self.tr("IP type or category"), self.tr("Reward (yuan)"))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == AMOUNT or self.is_category(index.row()):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        key, amount = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == KEY:
                return key_text(key, lang())
            if col == AMOUNT:
                return money(amount)
            return None
        if role == Qt.ItemDataRole.EditRole:
            if col == KEY:
                return key
            if col == AMOUNT:
                return "" if amount is None else str(amount)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and col == KEY and self.is_category(index.row()):
            return self.tr("A reward whose reason contains this text earns this amount")
        if role == Qt.ItemDataRole.TextAlignmentRole and col == AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row, col = index.row(), index.column()
        if not 0 <= row < len(self._rows) or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        if col == AMOUNT:
            try:
                amount = parse_rate(str(value))
            except ValueError:
                return False
            self._rows[row][1] = amount
        elif col == KEY:
            name = unicodedata.normalize("NFKC", str(value)).strip()
            if name in _TYPE_KEYS or any(
                r[0] == name for n, r in enumerate(self._rows) if n != row
            ):
                return False
            self._rows[row][0] = name
        else:
            return False
        self.dataChanged.emit(index, index)
        return True
