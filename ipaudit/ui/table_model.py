"""``RowsTableModel``: the common part of the flat table models over a list of rows whose
header the model itself translates (the findings, discrepancies, entries, facts tables …).

The rows live in ``self._rows``; ``set_rows`` replaces them in one model reset (a subclass that
keeps more than the rows has its own ``set_rows`` and resets the model itself). The subclass sets
``column_count``, names its columns in ``header_titles()`` and answers ``data()`` (and ``flags()``
and ``setData()`` when it is editable). ``EditableRowsModel`` adds what the tables the user types
rows into share: a read-only switch for ``flags()`` and appending or removing one row.

``header_titles()`` is written in each subclass so that its ``self.tr()`` calls keep the subclass
as their translation context (``pyside6-lupdate`` files a string under the class it is written in).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex

RowT = TypeVar("RowT")


class RowsTableModel(QAbstractTableModel, Generic[RowT]):
    #: how many columns the table has
    column_count = 0
    #: the first and last column whose texts follow the UI language (None: every column)
    translated_columns: tuple[int, int] | None = None

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []

    def set_rows(self, rows: Iterable[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def header_titles(self) -> Sequence[str]:
        """The horizontal header's title of each column, in the current UI language."""
        return ()

    def retranslate(self) -> None:
        """The UI language changed: the header and the translated columns' texts are new."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        self._cells_changed(*(self.translated_columns or ()))

    def _cells_changed(self, first: int = 0, last: int | None = None) -> None:
        """Every row's cells from column ``first`` to ``last`` (default: the last) show anew."""
        if self._rows:
            last = self.columnCount() - 1 if last is None else last
            self.dataChanged.emit(self.index(0, first), self.index(len(self._rows) - 1, last))

    # --- QAbstractTableModel -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.column_count

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = self.header_titles()
        return titles[section] if 0 <= section < len(titles) else None


class EditableRowsModel(RowsTableModel[RowT]):
    """Rows typed in by the user: every cell editable unless the model is read-only; rows are
    appended and removed one at a time (the subclass says what an edit means and signals it)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._read_only = False

    def _append_row(self, row: RowT) -> int:
        """Append ``row``; returns its row number."""
        number = len(self._rows)
        self.beginInsertRows(QModelIndex(), number, number)
        self._rows.append(row)
        self.endInsertRows()
        return number

    def _remove_row(self, row: int) -> bool:
        """Remove row ``row``; False when there is no such row."""
        if not 0 <= row < len(self._rows):
            return False
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base if self._read_only else base | Qt.ItemFlag.ItemIsEditable
