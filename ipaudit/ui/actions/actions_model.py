"""The corrective actions as a table: number, status, source, grade, department, finding, owner,
due date and days overdue; an overdue row is marked (red text and the grade's icon)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ipaudit.domain.corrective_actions import (
    GRADE_TEXT,
    SOURCE_TEXT,
    STATUS_TEXT,
    CorrectiveAction,
    overdue_grade,
)
from ipaudit.ui import i18n
from ipaudit.ui.icons import grade_icon
from ipaudit.ui.table_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex

KEY, STATUS, SOURCE, GRADE, DEPARTMENT, FINDING, OWNER, DUE, OVERDUE = range(9)
OVERDUE_COLOR = QColor("#c62828")
ActionRole = Qt.ItemDataRole.UserRole + 1


def tr(text: str) -> str:
    return QCoreApplication.translate("ActionsModel", text)


class ActionsModel(RowsTableModel[CorrectiveAction]):
    column_count = 9
    translated_columns = (STATUS, DEPARTMENT)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.today = dt.date.today()
        self.department_names: dict[str, str] = {}

    def set_actions(
        self, rows: Iterable[CorrectiveAction], names: dict[str, str], today: dt.date
    ) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.department_names = names
        self.today = today
        self.endResetModel()

    def action(self, row: int) -> CorrectiveAction:
        return self._rows[row]

    def row_of(self, key: str) -> int:
        return next((n for n, a in enumerate(self._rows) if a.key == key), -1)

    def header_titles(self) -> Sequence[str]:
        return (
            self.tr("No."),
            self.tr("Status"),
            self.tr("Source"),
            self.tr("Grade"),
            self.tr("Department"),
            self.tr("Nonconformity"),
            self.tr("Owner"),
            self.tr("Due"),
            self.tr("Days overdue"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a = self._rows[index.row()]
        col = index.column()
        late = a.days_overdue(self.today)
        if role == ActionRole:
            return a
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(a, col, late)
        if role == Qt.ItemDataRole.ToolTipRole:  # a narrow column elides: the tip has it all
            return a.finding if col == FINDING else self._display(a, col, late) or None
        if role == Qt.ItemDataRole.ForegroundRole and late:
            return QBrush(OVERDUE_COLOR)
        if role == Qt.ItemDataRole.FontRole and late and col in (KEY, DUE, OVERDUE):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.DecorationRole and col == KEY and late:
            return grade_icon(overdue_grade(a, self.today))
        if role == Qt.ItemDataRole.TextAlignmentRole and col == OVERDUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, a: CorrectiveAction, col: int, late: int) -> str:
        if col == KEY:
            return a.key
        if col == STATUS:
            return i18n.text(STATUS_TEXT[a.status])
        if col == SOURCE:
            return i18n.text(SOURCE_TEXT[a.source])
        if col == GRADE:
            return i18n.text(GRADE_TEXT[a.grade])
        if col == DEPARTMENT:
            return self.department_names.get(a.department, a.department)
        if col == FINDING:
            return a.finding.replace("\n", " ")
        if col == OWNER:
            return a.owner
        if col == DUE:
            return a.due.isoformat() if a.due else ""
        if col == OVERDUE:
            return str(late) if late else ""
        return ""
