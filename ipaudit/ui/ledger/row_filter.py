"""A proxy that shows the source rows of a given set (None: all) and sorts by a sort role."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

Index = QModelIndex | QPersistentModelIndex


class RowSetFilter(QSortFilterProxyModel):
    def __init__(self, sort_role: int, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: frozenset[int] | None = None
        self.setSortRole(sort_role)

    def set_rows(self, rows: Collection[int] | None) -> None:
        new = None if rows is None else frozenset(rows)
        if new == self._rows:
            return
        self.beginFilterChange()
        self._rows = new
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def shown_rows(self) -> list[int]:
        """Source rows in the order shown."""
        return [self.mapToSource(self.index(r, 0)).row() for r in range(self.rowCount())]

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        return self._rows is None or source_row in self._rows
