"""The changes of a packet's preview as a table: item, what, the workspace's value, the packet's
value, and for a conflict the user's choice (checked: take the packet's value)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ipaudit.services.packets import Change, value_text
from ipaudit.ui import i18n

Index = QModelIndex | QPersistentModelIndex

ITEM, WHAT, WORKSPACE, PACKET, CHOICE = range(5)
_CONFLICT = QColor(255, 236, 204)


class PreviewModel(QAbstractTableModel):
    """One row per change; the choice column of a conflict is checkable."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._changes: list[Change] = []
        self._take: dict[str, bool] = {}

    def set_changes(self, changes: list[Change]) -> None:
        self.beginResetModel()
        self._changes = list(changes)
        self._take = {c.key: False for c in changes if c.conflict}
        self.endResetModel()

    def change(self, row: int) -> Change:
        return self._changes[row]

    def choices(self) -> dict[str, bool]:
        """For each conflict: True to take the packet's value, False to keep the workspace's."""
        return dict(self._take)

    def set_choice(self, key: str, take_packet: bool) -> None:
        if key not in self._take:
            return
        self._take[key] = take_packet
        row = next(n for n, c in enumerate(self._changes) if c.key == key)
        self.dataChanged.emit(self.index(row, CHOICE), self.index(row, CHOICE))

    def edited_text(self, change: Change) -> str:
        """On a conflict: who changed the workspace's value since the export, and when."""
        if not change.conflict or not (change.edited_by or change.edited_at):
            return ""
        if not change.edited_by:
            return self.tr("(changed %1)").replace("%1", change.edited_at)
        if not change.edited_at:
            return self.tr("(changed by %1)").replace("%1", change.edited_by)
        return (
            self.tr("(changed by %1, %2)")
            .replace("%1", change.edited_by)
            .replace("%2", change.edited_at)
        )

    def choice_texts(self) -> list[str]:
        """Every text the conflict column shows (to size it)."""
        return [
            self.tr("No"),
            self.tr("Yes — take the packet's"),
            self.tr("Yes — keep the workspace's"),
        ]

    # --- Qt ---------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._changes)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            (
                self.tr("Item"),
                self.tr("What"),
                self.tr("In the workspace"),
                self.tr("In the packet"),
                self.tr("Conflict?"),
            )[section]
            if 0 <= section < 5
            else None
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == CHOICE and self._changes[index.row()].conflict:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._changes):
            return None
        change = self._changes[index.row()]
        col = index.column()
        lang = i18n.language()
        if role == Qt.ItemDataRole.ToolTipRole and col in (ITEM, WHAT):
            return i18n.text(change.where)  # the workbook's cell
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == ITEM:
                return i18n.text(change.item_title)
            if col == WHAT:
                return i18n.text(change.label)
            if col == WORKSPACE:
                value = value_text(change, change.workspace, lang) or self.tr("(empty)")
                edited = self.edited_text(change)
                return f"{value}\n{edited}" if edited else value
            if col == PACKET:
                return value_text(change, change.packet, lang) or self.tr("(empty)")
            if col == CHOICE:
                if not change.conflict:
                    return self.tr("No")
                if self._take.get(change.key):
                    return self.tr("Yes — take the packet's")
                return self.tr("Yes — keep the workspace's")
        if role == Qt.ItemDataRole.CheckStateRole and col == CHOICE and change.conflict:
            return Qt.CheckState.Checked if self._take.get(change.key) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and change.conflict:
            return QBrush(_CONFLICT)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or role != Qt.ItemDataRole.CheckStateRole
            or index.column() != CHOICE
            or not self._changes[index.row()].conflict
        ):
            return False
        checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2)
        self.set_choice(self._changes[index.row()].key, checked)
        return True
