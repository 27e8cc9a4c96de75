"""The departments of the open workspace with their readiness: a flat list model."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from ipaudit.domain.model import Department, Readiness
from ipaudit.ui.checklist.lang import fill, text_of

KeyRole = Qt.ItemDataRole.UserRole + 1
PercentRole = Qt.ItemDataRole.UserRole + 2  # float, or None before the first assessment
BlockingRole = Qt.ItemDataRole.UserRole + 3
ItemsRole = Qt.ItemDataRole.UserRole + 4

AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class DepartmentRow:
    department: Department
    readiness: Readiness | None = None

    @property
    def key(self) -> str:
        return self.department.key


class DepartmentModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[DepartmentRow] = []

    # --- filling -----------------------------------------------------------------------------

    def set_rows(self, rows: list[DepartmentRow]) -> None:
        """Replace every row; same departments in the same order only change data (keeps selection)."""
        if [r.key for r in rows] == [r.key for r in self._rows]:
            self._rows = list(rows)
            if rows:
                self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))
            return
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def set_readiness(self, per_department: dict[str, Readiness]) -> None:
        self.set_rows([DepartmentRow(r.department, per_department.get(r.key)) for r in self._rows])

    def row_of(self, key: str) -> int:
        for i, r in enumerate(self._rows):
            if r.key == key:
                return i
        return -1

    def key_at(self, row: int) -> str:
        return self._rows[row].key

    def rows(self) -> list[DepartmentRow]:
        return list(self._rows)

    # --- Qt ----------------------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        r = row.readiness
        if role == Qt.ItemDataRole.DisplayRole:
            return text_of(row.department.name)
        if role == Qt.ItemDataRole.ToolTipRole:
            name = text_of(row.department.name)
            if r is None:
                return name
            return fill(
                self.tr("%1: %2% ready, %3, %4"),
                name,
                f"{r.percent:.0f}",
                fill(self.tr("%1 of %n item(s) ready", "", r.items), r.ready_items),
                self.tr("%n blocking finding(s)", "", r.blocking),
            )
        if role == KeyRole:
            return row.key
        if role == PercentRole:
            return None if r is None else r.percent
        if role == BlockingRole:
            return 0 if r is None else r.blocking
        if role == ItemsRole:
            return 0 if r is None else r.items
        return None
