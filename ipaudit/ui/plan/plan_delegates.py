"""In-place editors of the schedule and the people: a date editor, time editors, a room combo
box, a title line, and check lists for auditors and who must attend (opened taller than the
row, so the names can be read); the escort of an auditor is a combo box of the escorts."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QDate, QModelIndex, QPersistentModelIndex, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTimeEdit,
    QWidget,
)

from ipaudit.domain.audit_plan import Role
from ipaudit.ui.plan import plan_models as pm

Index = QModelIndex | QPersistentModelIndex
LIST_HEIGHT = 190


class CheckList(QListWidget):
    """People to tick (the editor of the auditors and attendees columns)."""

    def set_choices(self, choices: list[tuple[str, str]], chosen: list[str]) -> None:
        self.clear()
        for key, name in choices:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if key in chosen else Qt.CheckState.Unchecked)
            self.addItem(item)

    def chosen(self) -> list[str]:
        out = []
        for n in range(self.count()):
            item = self.item(n)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out


class SessionDelegate(QStyledItemDelegate):
    def __init__(self, model: pm.SessionsModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.sessions = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        col = index.column()
        editor: QWidget
        if col == pm.DAY:
            date_edit = QDateEdit(parent)
            date_edit.setCalendarPopup(True)
            date_edit.setDisplayFormat("yyyy-MM-dd")
            editor = date_edit
        elif col in (pm.START, pm.END):
            time_edit = QTimeEdit(parent)
            time_edit.setDisplayFormat("HH:mm")
            editor = time_edit
        elif col in (pm.ROOM, pm.DEPARTMENT):
            combo = QComboBox(parent)
            combo.activated.connect(lambda _n: self._commit(combo))
            editor = combo
        elif col in (pm.AUDITORS, pm.ATTENDEES):
            editor = CheckList(parent)
        else:
            editor = QLineEdit(parent)
        editor.setObjectName(f"planEditor{col}")
        return editor

    def _commit(self, editor: QWidget) -> None:
        """A choice made in a combo box is the edit: stored at once."""
        self.commitData.emit(editor)
        self.closeEditor.emit(editor)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        names = self.sessions.names
        if isinstance(editor, QDateEdit):
            editor.setDate(QDate(value.year, value.month, value.day))
        elif isinstance(editor, QTimeEdit):
            editor.setTime(QTime(value.hour, value.minute))
        elif (
            isinstance(editor, QComboBox) and names is not None and index.column() == pm.DEPARTMENT
        ):
            editor.clear()
            editor.addItem(self.tr("(no department)"), "")
            for key, name in names.departments.items():
                editor.addItem(name, key)
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QComboBox) and names is not None:
            editor.clear()
            editor.addItem(self.tr("(no room)"), "")
            for room in names.plan.setup.rooms:
                editor.addItem(names.room(room.key), room.key)
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, CheckList) and names is not None:
            auditors = index.column() == pm.AUDITORS
            people = [p for p in names.plan.setup.people if (p.role is Role.AUDITOR) == auditors]
            editor.set_choices([(p.key, names.person(p.key)) for p in people], list(value))
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QDateEdit):
            value: Any = pm.as_date(editor.date())
        elif isinstance(editor, QTimeEdit):
            value = pm.as_time(editor.time())
        elif isinstance(editor, QComboBox):
            value = editor.currentData() or ""
        elif isinstance(editor, CheckList):
            value = editor.chosen()
        elif isinstance(editor, QLineEdit):
            value = editor.text().strip()
        else:
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        rect = option.rect
        if isinstance(editor, CheckList):
            rect = rect.adjusted(0, 0, 0, 0)
            rect.setHeight(max(rect.height(), LIST_HEIGHT))
            rect.setWidth(max(rect.width(), 220))
        editor.setGeometry(rect)


class PeopleDelegate(QStyledItemDelegate):
    """The escort column of an auditor: a combo box of the escorts (or none)."""

    def __init__(self, model: pm.PeopleModel, parent: Any = None) -> None:
        super().__init__(parent)
        self.people = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if index.column() == pm.P_ESCORT:
            combo = QComboBox(parent)
            combo.setObjectName("escortEditor")
            combo.activated.connect(lambda _n: self._commit(combo))
            return combo
        editor = super().createEditor(parent, option, index)
        editor.setObjectName("personNameEditor")
        return editor

    def _commit(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        names = self.people.names
        if isinstance(editor, QComboBox) and names is not None:
            editor.clear()
            editor.addItem(self.tr("(no escort)"), "")
            for p in names.plan.setup.of_role(Role.ESCORT):
                editor.addItem(names.person(p.key), p.key)
            editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData() or "", Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)
