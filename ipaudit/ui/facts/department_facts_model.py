"""Headcount and duties per department, as the IP manual declares them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal

from ipaudit.domain.model import Text
from ipaudit.ui.facts.cell_values import BadValue, parse_count
from ipaudit.ui.findings.language import pick
from ipaudit.ui.table_model import Index, RowsTableModel

DEPARTMENT, HEADCOUNT, DUTIES = range(3)
COLUMNS = 3

#: the department key of the row
DepartmentKeyRole = Qt.ItemDataRole.UserRole + 1


class DepartmentFactsModel(RowsTableModel[tuple[str, Text]]):
    """One row per department (key, name); editing a cell emits ``factsEdited(department key)``."""

    factsEdited = Signal(str)
    column_count = COLUMNS
    translated_columns = (DEPARTMENT, DEPARTMENT)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._headcount: dict[str, int] = {}
        self._duties: dict[str, str] = {}
        self._read_only = False

    def set_rows(  # type: ignore[override]  # it takes more than the rows (see table_model)
        self,
        departments: Sequence[tuple[str, Text]],
        headcount: Mapping[str, int],
        duties: Mapping[str, str],
        *,
        read_only: bool = False,
    ) -> None:
        """Departments (key, name) plus any key the facts mention that is not among them."""
        deps = list(departments)
        known = {k for k, _ in deps}
        for key in [*headcount, *duties]:
            if key not in known:
                deps.append((key, Text(key, key)))
                known.add(key)
        same = (
            deps == self._rows
            and dict(headcount) == self._headcount
            and dict(duties) == self._duties
            and read_only == self._read_only
        )
        if same:
            return
        self.beginResetModel()
        self._rows = deps
        self._headcount = dict(headcount)
        self._duties = dict(duties)
        self._read_only = read_only
        self.endResetModel()

    def headcount(self) -> dict[str, int]:
        return dict(self._headcount)

    def duties(self) -> dict[str, str]:
        return dict(self._duties)

    def total_headcount(self) -> int:
        return sum(self._headcount.values())

    def row_of(self, key: str) -> int:
        for row, (k, _) in enumerate(self._rows):
            if k == key:
                return row
        return -1

    # --- QAbstractTableModel -----------------------------------------------------------------

    def header_titles(self) -> tuple[str, ...]:
        return (self.tr("Department"), self.tr("Headcount"), self.tr("IP duties"))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._read_only or index.column() == DEPARTMENT:
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        key, name = self._rows[index.row()]
        col = index.column()
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            if col == DEPARTMENT:
                return pick(name)
            if col == HEADCOUNT:
                count = self._headcount.get(key)
                return "" if count is None else str(count)
            text = self._duties.get(key, "")
            return text if role != Qt.ItemDataRole.ToolTipRole else (text or None)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == HEADCOUNT:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == DepartmentKeyRole:
            return key
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        key = self._rows[index.row()][0]
        text = "" if value is None else str(value)
        if index.column() == HEADCOUNT:
            try:
                count = parse_count(text)
            except BadValue:
                return False
            if count == self._headcount.get(key):
                return True
            if count is None:
                self._headcount.pop(key, None)
            else:
                self._headcount[key] = count
        else:
            duties = text.strip()
            if duties == self._duties.get(key, ""):
                return True
            if duties:
                self._duties[key] = duties
            else:
                self._duties.pop(key, None)
        self.dataChanged.emit(index, index)
        self.factsEdited.emit(key)
        return True
