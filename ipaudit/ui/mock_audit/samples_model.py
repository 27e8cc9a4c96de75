"""The samples of one mock audit as a table: number, kind, sample, department, result, note."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor

from ipaudit.domain.mock_audit import RESULT_TEXT, MockAudit, Result, Sample
from ipaudit.ui import i18n
from ipaudit.ui.icons import grade_icon
from ipaudit.ui.table_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex

KEY, KIND, LABEL, DEPARTMENT, RESULT, NOTE = range(6)
SampleRole = Qt.ItemDataRole.UserRole + 1
ALL, RECORDS, AWARENESS, OPEN = "all", "records", "awareness", "open"
CONFORM_COLOR = QColor("#2e7d32")


class SamplesModel(RowsTableModel[Sample]):
    column_count = 6
    translated_columns = (KIND, RESULT)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.audit: MockAudit | None = None
        self.department_names: dict[str, str] = {}

    def set_audit(
        self,
        audit: MockAudit | None,
        names: dict[str, str],
        samples: Sequence[Sample] | None = None,
    ) -> None:
        """Show ``audit``'s samples (``samples``: only these, a department view's)."""
        self.beginResetModel()
        self.audit = audit
        self._rows = list(audit.samples if samples is None else samples) if audit else []
        self.department_names = names
        self.endResetModel()

    def sample(self, row: int) -> Sample:
        return self._rows[row]

    def row_of(self, key: str) -> int:
        return next((n for n, s in enumerate(self._rows) if s.key == key), -1)

    def header_titles(self) -> Sequence[str]:
        return (
            self.tr("No."),
            self.tr("Kind"),
            self.tr("Sample"),
            self.tr("Department"),
            self.tr("Result"),
            self.tr("Note"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        col = index.column()
        if role == SampleRole:
            return s
        if role == Qt.ItemDataRole.DisplayRole:
            if col == KEY:
                return s.key
            if col == KIND:
                stratum = self.audit.plan.stratum(s.stratum) if self.audit else None
                return i18n.text(stratum.title) if stratum else s.stratum
            if col == LABEL:
                label = i18n.text(s.label)
                return f"{label}（{s.person}）" if s.person else label
            if col == DEPARTMENT:
                return self.department_names.get(s.department, s.department)
            if col == RESULT:
                return i18n.text(RESULT_TEXT[s.result]) if s.result else ""
            if col == NOTE:
                return s.note.replace("\n", " ")
        if role == Qt.ItemDataRole.DecorationRole and col == RESULT and s.result:
            return grade_icon(s.result.grade)
        if role == Qt.ItemDataRole.ForegroundRole and col == RESULT and s.result is Result.CONFORM:
            return QBrush(CONFORM_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole and col == KIND:
            return self.data(index)
        if role == Qt.ItemDataRole.ToolTipRole and col in (LABEL, NOTE):
            return i18n.text(s.label) + (f"\n{s.note}" if s.note else "")
        return None


class SamplesFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.show = ALL

    def set_show(self, show: str) -> None:
        self.beginFilterChange()
        self.show = show
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | Any) -> bool:
        model = self.sourceModel()
        assert isinstance(model, SamplesModel)
        s = model.sample(row)
        if self.show == RECORDS:
            return not s.awareness
        if self.show == AWARENESS:
            return s.awareness
        if self.show == OPEN:
            return not s.walked
        return True
