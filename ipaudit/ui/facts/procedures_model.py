"""The procedures list (程序文件): code, title and the department that owns each."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal

from ipaudit.domain.model import Procedure, Text
from ipaudit.ui.findings.language import pick
from ipaudit.ui.table_model import EditableRowsModel, Index

CODE, TITLE, DEPARTMENT = range(3)
COLUMNS = 3


class ProceduresModel(EditableRowsModel[Procedure]):
    """One row per procedure. The department column shows the name and edits the key."""

    proceduresEdited = Signal()
    column_count = COLUMNS
    translated_columns = (DEPARTMENT, DEPARTMENT)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._names: dict[str, Text] = {}

    def set_rows(  # type: ignore[override]  # it takes more than the rows (see table_model)
        self,
        procedures: Sequence[Procedure],
        departments: Sequence[tuple[str, Text]],
        *,
        read_only: bool = False,
    ) -> None:
        rows = list(procedures)
        names = dict(departments)
        if rows == self._rows and names == self._names and read_only == self._read_only:
            return
        self.beginResetModel()
        self._rows = rows
        self._names = names
        self._read_only = read_only
        self.endResetModel()

    def procedures(self) -> tuple[Procedure, ...]:
        return tuple(self._rows)

    def add_procedure(self) -> int:
        # an empty row changes no fact until something is typed into it
        return self._append_row(Procedure("", ""))

    def remove_procedure(self, row: int) -> None:
        if self._remove_row(row):
            self.proceduresEdited.emit()

    # --- QAbstractTableModel -----------------------------------------------------------------

    def header_titles(self) -> tuple[str, ...]:
        return (self.tr("Code"), self.tr("Procedure"), self.tr("Department"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        proc = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == CODE:
                return proc.code
            if col == TITLE:
                return proc.title
            name = self._names.get(proc.department)
            return pick(name) if name else proc.department
        if role == Qt.ItemDataRole.EditRole:
            return (proc.code, proc.title, proc.department)[col]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        row, col = index.row(), index.column()
        proc = self._rows[row]
        text = ("" if value is None else str(value)).strip()
        field = ("code", "title", "department")[col]
        new = replace(proc, **{field: text})
        if new == proc:
            return True
        self._rows[row] = new
        self.dataChanged.emit(index, index)
        self.proceduresEdited.emit()
        return True
