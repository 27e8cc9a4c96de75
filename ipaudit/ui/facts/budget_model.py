"""The IP budget per expense category, beside what the expense record shows was spent."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor

from ipaudit.domain.budget import CATEGORIES, ZERO, BudgetLine
from ipaudit.errors import UserError
from ipaudit.services.budget import parse_amount
from ipaudit.ui.findings.language import pick
from ipaudit.ui.table_model import Index, RowsTableModel

CATEGORY, BUDGET, ACTUAL, VARIANCE = range(4)
COLUMNS = 4
OVERSPENT = QColor("#c62828")


def money(value: Decimal | None) -> str:
    return "" if value is None else f"{value:,.2f}"


class BudgetModel(RowsTableModel[BudgetLine]):
    """One row per expense category; the budget column is edited (empty removes it)."""

    budgetEdited = Signal()
    column_count = COLUMNS
    translated_columns = (CATEGORY, CATEGORY)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._budget: dict[str, Decimal] = {}
        self._actual: dict[str, Decimal] = {}
        self._read_only = False
        self._rebuild()

    def set_budget(self, budget: Mapping[str, Decimal], *, read_only: bool = False) -> None:
        if dict(budget) == self._budget and read_only == self._read_only:
            return
        self._budget = dict(budget)
        self._read_only = read_only
        self._rebuild()

    def set_actual(self, actual: Mapping[str, Decimal]) -> None:
        """What the expense record shows per category (computed in the background)."""
        self._actual = dict(actual)
        self._rebuild()

    def budget(self) -> dict[str, Decimal]:
        return dict(self._budget)

    def _rebuild(self) -> None:
        self.set_rows(
            BudgetLine(c.key, self._budget.get(c.key), self._actual.get(c.key, ZERO))
            for c in CATEGORIES
        )

    # --- QAbstractTableModel -----------------------------------------------------------------

    def header_titles(self) -> tuple[str, ...]:
        return (self.tr("Category"), self.tr("Budget"), self.tr("Spent"), self.tr("Variance"))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        editable = index.column() == BUDGET and not self._read_only
        return base | Qt.ItemFlag.ItemIsEditable if editable else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        line = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == CATEGORY:
                return pick(CATEGORIES[index.row()].name)
            return money((line.budget, line.actual, line.variance)[col - 1])
        if role == Qt.ItemDataRole.EditRole and col == BUDGET:
            return "" if line.budget is None else str(line.budget)
        if role == Qt.ItemDataRole.TextAlignmentRole and col != CATEGORY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col == VARIANCE and line.overspent:
            return QBrush(OVERSPENT)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        try:
            amount = parse_amount("" if value is None else str(value))
        except UserError:
            return False
        key = self._rows[index.row()].category
        budget = dict(self._budget)
        if amount is None:
            budget.pop(key, None)
        else:
            budget[key] = amount
        if budget == self._budget:
            return True
        self._budget = budget
        self._rebuild()
        self.budgetEdited.emit()
        return True
