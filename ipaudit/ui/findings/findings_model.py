"""The findings as a table: grade, department, item, message, accepted explanation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from ipaudit.domain.model import Finding, Text
from ipaudit.ui.findings.grade_style import (
    ACCEPTED_COLOR,
    COLORS,
    grade_label,
    grade_name,
)
from ipaudit.ui.findings.language import pick, short_name
from ipaudit.ui.icons import grade_icon
from ipaudit.ui.table_model import Index, RowsTableModel

GRADE, DEPARTMENT, ITEM, MESSAGE, ACCEPTED = range(5)
COLUMNS = 5

#: the ``Finding`` itself
FindingRole = Qt.ItemDataRole.UserRole + 1
#: the workspace department key
DepartmentKeyRole = Qt.ItemDataRole.UserRole + 2
#: the checklist item key
ItemKeyRole = Qt.ItemDataRole.UserRole + 3
#: a value that sorts the column sensibly (grade rank for the grade column)
SortRole = Qt.ItemDataRole.UserRole + 4


class FindingsModel(RowsTableModel[Finding]):
    """A thin adapter over a list of findings; names come from the maps given to ``set_rows``."""

    column_count = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._departments: dict[str, Text] = {}
        self._items: dict[str, Text] = {}

    # --- filling -----------------------------------------------------------------------------

    def set_rows(  # type: ignore[override]  # it takes more than the rows (see table_model)
        self,
        findings: Sequence[Finding],
        departments: Mapping[str, Text],
        items: Mapping[str, Text],
    ) -> None:
        self.beginResetModel()
        self._rows = list(findings)
        self._departments = dict(departments)
        self._items = dict(items)
        self.endResetModel()

    def finding(self, row: int) -> Finding:
        return self._rows[row]

    def findings(self) -> list[Finding]:
        return list(self._rows)

    def sort_key(self, row: int, column: int) -> int | str:
        """What SortRole gives for ``row`` in ``column``, without an index."""
        f = self._rows[row]
        return f.grade.rank if column == GRADE else self._text(f, column)

    def text_of(self, row: int, column: int) -> str:
        """The text ``row`` shows in ``column`` (what DisplayRole gives, without an index)."""
        return self._text(self._rows[row], column)

    def row_of(self, key: str) -> int:
        """The row of the finding with this key, or -1."""
        for row, f in enumerate(self._rows):
            if f.key == key:
                return row
        return -1

    # --- QAbstractTableModel -----------------------------------------------------------------

    def header_titles(self) -> tuple[str, ...]:
        return (
            self.tr("Grade"),
            self.tr("Department"),
            self.tr("Item"),
            self.tr("Finding"),
            self.tr("Accepted because"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        f = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(f, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(f, col)
        if role == Qt.ItemDataRole.DecorationRole and col == GRADE:
            return grade_icon(f.grade)
        if role == Qt.ItemDataRole.ForegroundRole:
            if f.accepted is not None:
                return ACCEPTED_COLOR
            if col == GRADE:
                return COLORS[f.grade]
            return None
        if role == Qt.ItemDataRole.FontRole and f.accepted is not None and col != ACCEPTED:
            font = QFont()
            font.setItalic(True)
            return font
        if role == FindingRole:
            return f
        if role == DepartmentKeyRole:
            return f.department
        if role == ItemKeyRole:
            return f.item_key
        if role == SortRole:
            return self.sort_key(index.row(), col)
        return None

    def _tooltip(self, f: Finding, col: int) -> str:
        if col == GRADE:
            text = grade_label(f.grade)
            return self.tr("%1 (accepted)").replace("%1", text) if f.accepted is not None else text
        if col == DEPARTMENT:
            name = self._departments.get(f.department)
            return pick(name) if name else f.department
        return self._text(f, col)

    def _text(self, f: Finding, col: int) -> str:
        if col == GRADE:
            return grade_name(f.grade)  # the icon carries the symbol
        if col == DEPARTMENT:
            name = self._departments.get(f.department)
            return short_name(pick(name)) if name else f.department
        if col == ITEM:
            title = self._items.get(f.item_key)
            return pick(title) if title else f.item_key
        if col == MESSAGE:
            return pick(f.message)
        if col == ACCEPTED:
            return f.accepted or ""
        return ""
