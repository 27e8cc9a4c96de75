"""The reconciliation's discrepancies as a table, with the explanation of those accepted."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from ipaudit.ledger.discrepancies import kind_text, suggest_grade
from ipaudit.ledger.model import Discrepancy
from ipaudit.ui.findings.grade_style import ACCEPTED_COLOR, COLORS, grade_icon, grade_name
from ipaudit.ui.ledger.texts import cents, lang, money, signed
from ipaudit.ui.table_model import Index, RowsTableModel

GRADE, KIND, PERSONS, IP, EXPECTED, ACTUAL, DIFFERENCE, MESSAGE, EXPLANATION = range(9)
COLUMNS = 9

#: the ``Discrepancy``
DiscrepancyRole = Qt.ItemDataRole.UserRole + 1
#: a value that sorts the column
SortRole = Qt.ItemDataRole.UserRole + 2
#: the accepted explanation, or None
ExplanationRole = Qt.ItemDataRole.UserRole + 3

_MONEY = (EXPECTED, ACTUAL, DIFFERENCE)


class DiscrepanciesModel(RowsTableModel[Discrepancy]):
    column_count = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._explanations: dict[str, str] = {}

    def set_rows(  # type: ignore[override]  # it takes more than the rows (see table_model)
        self, discrepancies: Sequence[Discrepancy], explanations: Mapping[str, str]
    ) -> None:
        self.beginResetModel()
        self._rows = list(discrepancies)
        self._explanations = dict(explanations)
        self.endResetModel()

    def set_explanations(self, explanations: Mapping[str, str]) -> None:
        self._explanations = dict(explanations)
        self._cells_changed()

    def discrepancy(self, row: int) -> Discrepancy:
        return self._rows[row]

    def discrepancies(self) -> list[Discrepancy]:
        return self._rows

    def explanation(self, key: str) -> str | None:
        return self._explanations.get(key)

    def row_of(self, key: str) -> int:
        return next((n for n, d in enumerate(self._rows) if d.key == key), -1)

    def sort_key(self, row: int, column: int) -> Any:
        """What ``RowsProxy`` sorts the column by (the same as ``SortRole``)."""
        d = self._rows[row]
        if column == GRADE:
            return suggest_grade(d).rank
        if column in _MONEY:
            return cents((d.expected, d.actual, d.difference)[_MONEY.index(column)])
        return self._text(d, column, self._explanations.get(d.key))

    def sort_keys(self, column: int) -> list[Any]:
        """``sort_key`` of every row of a column."""
        if column == GRADE:
            return [suggest_grade(d).rank for d in self._rows]
        return [self.sort_key(r, column) for r in range(len(self._rows))]

    # --- QAbstractTableModel -----------------------------------------------------------------

    def header_titles(self) -> tuple[str, ...]:
        return (
            self.tr("Grade"),
            self.tr("Discrepancy"),
            self.tr("People"),
            self.tr("IP items"),
            self.tr("Expected"),
            self.tr("Actual"),
            self.tr("Difference"),
            self.tr("Details"),
            self.tr("Accepted because"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        d = self._rows[index.row()]
        col = index.column()
        if not 0 <= col < COLUMNS:
            return None
        explanation = self._explanations.get(d.key)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(d, col, explanation)
        if role == SortRole:
            return self.sort_key(index.row(), col)
        if role == Qt.ItemDataRole.DecorationRole and col == GRADE:
            return grade_icon(suggest_grade(d))
        if role == Qt.ItemDataRole.ForegroundRole:
            if explanation is not None:
                return ACCEPTED_COLOR
            return COLORS[suggest_grade(d)] if col == GRADE else None
        if role == Qt.ItemDataRole.FontRole and explanation is not None and col != EXPLANATION:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col in _MONEY:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == DiscrepancyRole:
            return d
        if role == ExplanationRole:
            return explanation
        return None

    def _text(self, d: Discrepancy, col: int, explanation: str | None) -> str:
        ui = lang()
        if col == GRADE:
            return grade_name(suggest_grade(d))
        if col == KIND:
            return kind_text(d.kind, ui)
        if col == PERSONS:
            return "、".join(d.persons) if ui == "zh" else ", ".join(d.persons)
        if col == IP:
            return ", ".join(d.ip_items)
        if col == EXPECTED:
            return money(d.expected)
        if col == ACTUAL:
            return money(d.actual)
        if col == DIFFERENCE:
            return signed(d.difference)
        if col == MESSAGE:
            return d.message(ui)
        if col == EXPLANATION:
            return explanation or ""
        return ""
