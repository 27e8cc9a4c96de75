"""An editable list of short texts (manual objectives, other certificates), with flagged rows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

Index = QModelIndex | QPersistentModelIndex

FLAG_FOREGROUND = QColor("#b71c1c")
FLAG_BACKGROUND = QColor("#fde4e1")


class TextListModel(QAbstractListModel):
    """A list of texts; ``flags`` maps a row to a problem shown in red with the text as tooltip."""

    textsEdited = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[str] = []
        self._problems: dict[int, str] = {}
        self._read_only = False

    def set_rows(
        self,
        texts: Sequence[str],
        problems: Mapping[int, str] | None = None,
        *,
        read_only: bool = False,
    ) -> None:
        rows = list(texts)
        problems = dict(problems or {})
        if rows == self._rows and read_only == self._read_only:
            if problems != self._problems:
                self._problems = problems
                if rows:
                    self.dataChanged.emit(self.index(0), self.index(len(rows) - 1))
            return
        self.beginResetModel()
        self._rows = rows
        self._problems = problems
        self._read_only = read_only
        self.endResetModel()

    def texts(self) -> tuple[str, ...]:
        """The non-empty texts in order."""
        return tuple(t for t in self._rows if t.strip())

    def problem(self, row: int) -> str | None:
        return self._problems.get(row)

    def add_text(self) -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append("")
        self.endInsertRows()
        return row  # an empty row changes no fact until something is typed into it

    def remove_text(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            was_empty = not self._rows[row].strip()
            del self._rows[row]
            self._problems = {
                (r if r < row else r - 1): p for r, p in self._problems.items() if r != row
            }
            self.endRemoveRows()
            if not was_empty:
                self.textsEdited.emit()

    # --- QAbstractListModel ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base if self._read_only else base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = index.row()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._rows[row]
        problem = self._problems.get(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return problem or self._rows[row] or None
        if problem and role == Qt.ItemDataRole.ForegroundRole:
            return FLAG_FOREGROUND
        if problem and role == Qt.ItemDataRole.BackgroundRole:
            return FLAG_BACKGROUND
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        text = ("" if value is None else str(value)).strip()
        if text == self._rows[index.row()]:
            return True
        self._rows[index.row()] = text
        self.dataChanged.emit(index, index)
        self.textsEdited.emit()
        return True
