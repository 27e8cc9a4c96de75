"""Choosing a department in a table cell: a combo box of department names, storing the key."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ipaudit.domain.model import Text
from ipaudit.ui.findings.language import pick

Index = QModelIndex | QPersistentModelIndex


class DepartmentDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.departments: list[tuple[str, Text]] = []

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.addItem("", "")
        for key, name in self.departments:
            combo.addItem(pick(name), key)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        key = index.data(Qt.ItemDataRole.EditRole) or ""
        pos = editor.findData(key)
        if pos < 0:  # a key no department has any more: keep it selectable
            editor.addItem(key, key)
            pos = editor.count() - 1
        editor.setCurrentIndex(pos)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
