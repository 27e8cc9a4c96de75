"""The structure of a two-level tree model: top rows, each with child rows that have no children.

A top row's index carries internal id ``TOP`` (0); a child's carries its parent's row + 1.
Subclasses say how many rows there are (``top_count``, ``child_count``), name their columns in
``header_titles()`` (written in the subclass, so that its ``self.tr()`` calls keep the subclass as
their translation context) and provide ``data``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

AnyIndex = QModelIndex | QPersistentModelIndex
TOP = 0
_TOP_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_CHILD_FLAGS = _TOP_FLAGS | Qt.ItemFlag.ItemNeverHasChildren


class TwoLevelModel(QAbstractItemModel):
    #: the number of columns (every row has them all)
    column_count = 1

    def top_count(self) -> int:
        raise NotImplementedError

    def child_count(self, top: int) -> int:
        raise NotImplementedError

    def header_titles(self) -> Sequence[str]:
        """The horizontal header's title of each column, in the current UI language."""
        return ()

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if row < 0 or not 0 <= column < self.column_count:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, TOP) if row < self.top_count() else QModelIndex()
        top = parent.row()
        if parent.internalId() != TOP or parent.column() != 0 or top >= self.top_count():
            return QModelIndex()
        if row >= self.child_count(top):
            return QModelIndex()
        return self.createIndex(row, column, top + 1)

    def parent(self, child: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == TOP:
            return QModelIndex()
        return self.createIndex(int(child.internalId()) - 1, 0, TOP)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return self.top_count()
        top = parent.row()
        if parent.internalId() == TOP and parent.column() == 0 and top < self.top_count():
            return self.child_count(top)
        return 0

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return self.column_count

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = self.header_titles()
        return titles[section] if 0 <= section < len(titles) else None

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _TOP_FLAGS if index.internalId() == TOP else _CHILD_FLAGS
