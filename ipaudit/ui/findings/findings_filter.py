"""Filtering the findings table by department, grade and acceptance."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from ipaudit.domain.model import Finding, Grade
from ipaudit.ui.findings.findings_model import FindingRole, FindingsModel, SortRole

Index = QModelIndex | QPersistentModelIndex


class FindingsFilterModel(QSortFilterProxyModel):
    """Shows the findings of one department and/or one grade; sorts grades worst first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._department: str | None = None
        self._grade: Grade | None = None
        self._open_only = False
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    @property
    def department(self) -> str | None:
        return self._department

    @property
    def grade(self) -> Grade | None:
        return self._grade

    def set_department(self, key: str | None) -> None:
        if key != self._department:
            self.beginFilterChange()
            self._department = key
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_grade(self, grade: Grade | None) -> None:
        if grade != self._grade:
            self.beginFilterChange()
            self._grade = grade
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_open_only(self, open_only: bool) -> None:
        """Hide findings that were accepted with an explanation."""
        if open_only != self._open_only:
            self.beginFilterChange()
            self._open_only = open_only
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def lessThan(self, left: Index, right: Index) -> bool:
        model = self.sourceModel()
        if isinstance(model, FindingsModel):  # the rows themselves: no role lookups per compare
            col = left.column()
            a, b = model.sort_key(left.row(), col), model.sort_key(right.row(), col)
            return a < b  # type: ignore[operator]  # one column: all ints or all strs
        return super().lessThan(left, right)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        f: Finding | None = (
            model.finding(source_row)  # the row itself: no index and role per row
            if isinstance(model, FindingsModel)
            else model.data(model.index(source_row, 0, source_parent), FindingRole)
        )
        if f is None:
            return False
        if self._department is not None and f.department != self._department:
            return False
        if self._grade is not None and f.grade is not self._grade:
            return False
        return not (self._open_only and f.accepted is not None)
