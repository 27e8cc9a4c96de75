"""The departments step of the new-workspace wizard: the template's departments, which the company
renames, adds to, removes (its items then belong to nobody until merged) or merges into another.

A department is removed only as it could be marked absent later: not one that owns requirements
that can never be waived (HR's labour contracts, …) — the Remove button is disabled then, its
tooltip saying why, by the rule the service applies when it creates the workspace
(``services.new_departments_problem``)."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ipaudit.domain.model import Department, Text
from ipaudit.domain.validation import InvalidValue, check_name
from ipaudit.ui import i18n
from ipaudit.ui.table_model import RowsTableModel

if TYPE_CHECKING:
    from ipaudit.domain.model import Template

AnyIndex = QModelIndex | QPersistentModelIndex

NAME_ZH, NAME_EN, ARRANGEMENT = range(3)


def tr(text: str) -> str:
    return QCoreApplication.translate("DepartmentListModel", text)


class DepartmentListModel(RowsTableModel[Department]):
    """The departments of the workspace to be, as a table: Chinese name, English name, arrangement.

    Template departments are never deleted: removing one marks it absent, so its key stays known.
    Departments added here are deleted when removed.
    """

    column_count = 3

    def __init__(self, departments: list[Department] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._template_keys: set[str] = set()
        if departments:
            self.set_departments(departments)

    # --- data --------------------------------------------------------------------------------

    def set_departments(self, departments: list[Department]) -> None:
        self.beginResetModel()
        self._rows = list(departments)
        self._template_keys = {d.key for d in departments}
        self.endResetModel()

    def departments(self) -> list[Department]:
        return [replace(d, position=pos) for pos, d in enumerate(self._rows)]

    def department(self, row: int) -> Department:
        return self._rows[row]

    def active(self) -> list[Department]:
        return [d for d in self._rows if not d.absent and not d.merged_into]

    def name_of(self, key: str) -> str:
        for d in self._rows:
            if d.key == key:
                return d.name.get(i18n.language())
        return key

    # --- edits -------------------------------------------------------------------------------

    def add(self, zh: str, en: str = "") -> int:
        key = self._new_key(en or zh)
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(Department(key, Text(zh, en or zh), position=row))
        self.endInsertRows()
        return row

    def after_removal(self, row: int) -> list[Department]:
        """The departments as ``remove(row)`` would leave them (nothing changes)."""
        dep = self._rows[row]
        rows = [replace(d, merged_into=None) if d.merged_into == dep.key else d for d in self._rows]
        if dep.key in self._template_keys:
            rows[row] = replace(dep, absent=True, merged_into=None)
        else:
            del rows[row]
        return [replace(d, position=pos) for pos, d in enumerate(rows)]

    def remove(self, row: int) -> None:
        dep = self._rows[row]
        self._separate_dependents(dep.key)
        if dep.key in self._template_keys:
            self._set(row, replace(dep, absent=True, merged_into=None))
        else:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def merge(self, row: int, into: str) -> None:
        dep = self._rows[row]
        if into == dep.key:
            return
        for r, other in enumerate(self._rows):
            if other.merged_into == dep.key:
                self._set(r, replace(other, merged_into=into))
        self._set(row, replace(dep, merged_into=into, absent=False))

    def restore(self, row: int) -> None:
        self._set(row, replace(self._rows[row], absent=False, merged_into=None))

    def _separate_dependents(self, key: str) -> None:
        for r, other in enumerate(self._rows):
            if other.merged_into == key:
                self._set(r, replace(other, merged_into=None))

    def _set(self, row: int, dep: Department) -> None:
        self._rows[row] = dep
        self.dataChanged.emit(self.index(row, 0), self.index(row, ARRANGEMENT))

    def _new_key(self, name: str) -> str:
        base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
        if not base[:1].isalpha():  # a key starts with a letter (validation.check_department_key)
            base = f"dept_{base}".strip("_")
        base = base[:28].rstrip("_")  # room for a "_<n>" suffix within 32 characters
        keys = {d.key for d in self._rows}
        key, n = base, 1
        while key in keys:
            n += 1
            key = f"{base}_{n}"
        return key

    # --- QAbstractTableModel -----------------------------------------------------------------

    def _arrangement(self, dep: Department) -> str:
        if dep.absent:
            return tr("Not in this company")
        if dep.merged_into:
            return tr("Merged into %1").replace("%1", self.name_of(dep.merged_into))
        return ""

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        dep = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == NAME_ZH:
                return dep.name.zh
            if col == NAME_EN:
                return dep.name.en
            return self._arrangement(dep) if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.ForegroundRole and (dep.absent or dep.merged_into):
            return QBrush(QPalette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        if role == Qt.ItemDataRole.ToolTipRole:
            return dep.key
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        if index.column() not in (NAME_ZH, NAME_EN):
            return False
        dep = self._rows[index.row()]
        try:  # the rule the service applies to a department's names
            text = check_name(str(value), dep.key)
        except InvalidValue:
            return False
        name = Text(text, dep.name.en) if index.column() == NAME_ZH else Text(dep.name.zh, text)
        self._rows[index.row()] = replace(dep, name=name)
        self.dataChanged.emit(index, index)
        for r, other in enumerate(self._rows):  # "merged into <this name>" changes too
            if other.merged_into == dep.key:
                cell = self.index(r, ARRANGEMENT)
                self.dataChanged.emit(cell, cell)
        return True

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (NAME_ZH, NAME_EN):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def header_titles(self) -> tuple[str, ...]:
        return (tr("Chinese name"), tr("English name"), tr("Arrangement"))


class WizardDepartmentsPage(QWizardPage):
    """Rename (double-click a name), add, remove, merge, restore."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("departmentsPage")
        self.template: Template | None = None  # whose rules a removal must keep
        self.model = DepartmentListModel(parent=self)
        self.view = QTableView()
        self.view.setObjectName("departmentsTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(NAME_ZH, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(NAME_EN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ARRANGEMENT, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addDepartment")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeDepartment")
        self.merge_button = QPushButton()
        self.merge_button.setObjectName("mergeDepartment")
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restoreDepartment")
        self.add_button.clicked.connect(self.add_department)
        self.remove_button.clicked.connect(self.remove_selected)
        self.merge_button.clicked.connect(self.merge_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QVBoxLayout()
        for b in (self.add_button, self.remove_button, self.merge_button, self.restore_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.view, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(row)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.model.dataChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self.completeChanged)
        self.model.rowsInserted.connect(lambda *_: self.completeChanged.emit())
        self.model.rowsRemoved.connect(lambda *_: self.completeChanged.emit())
        self.model.dataChanged.connect(lambda *_: self.completeChanged.emit())
        self.retranslate_ui()

    def set_departments(
        self, departments: list[Department], template: Template | None = None
    ) -> None:
        """Show ``departments``; ``template``: the checklist they are for (its requirements
        that can never be waived keep their owners)."""
        self.template = template
        self.model.set_departments(departments)

    def removal_problem(self, row: int) -> str:
        """Why the department of ``row`` cannot be removed (the service would refuse to create
        the workspace so), in the UI language; "" when it can."""
        from ipaudit.services import new_departments_problem

        if self.template is None or not 0 <= row < self.model.rowCount():
            return ""
        problem = new_departments_problem(self.template, self.model.after_removal(row))
        return "" if problem is None else i18n.text(problem)

    def selected_row(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def select_row(self, row: int) -> None:
        self.view.selectRow(row)

    def add_department(self, zh: str = "", en: str = "") -> int:
        name = zh or self.tr("New department")
        row = self.model.add(name, en)
        self.view.selectRow(row)
        if not zh:
            self.view.edit(self.model.index(row, NAME_ZH))
        return row

    def remove_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            row = min(row, self.model.rowCount() - 1)
            if not self.removal_problem(row):
                self.model.remove(row)

    def merge_selected(self, into: str | None = None) -> None:
        row = self.selected_row()
        if row is None:
            return
        dep = self.model.department(row)
        targets = [d for d in self.model.active() if d.key != dep.key]
        if not targets:
            return
        if into is None:
            names = [d.name.get(i18n.language()) for d in targets]
            choice, ok = QInputDialog.getItem(
                self,
                self.tr("Merge department"),
                self.tr("Merge “%1” into:").replace("%1", dep.name.get(i18n.language())),
                names,
                0,
                False,
            )
            if not ok:
                return
            into = targets[names.index(choice)].key
        self.model.merge(row, into)

    def restore_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.model.restore(row)

    def _update_buttons(self) -> None:
        row = self.selected_row()
        dep = self.model.department(row) if row is not None else None
        refused = self.removal_problem(row) if row is not None and dep and not dep.absent else ""
        self.remove_button.setEnabled(dep is not None and not dep.absent and not refused)
        self.remove_button.setToolTip(refused)
        self.merge_button.setEnabled(dep is not None and len(self.model.active()) > 1)
        self.restore_button.setEnabled(dep is not None and bool(dep.absent or dep.merged_into))

    def isComplete(self) -> bool:
        return bool(self.model.active())

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Departments"))
        self.setSubTitle(
            self.tr(
                "The departments of the checklist, as your company names them. Double-click a"
                " name to rename it. A department you do not have can be merged into the one that"
                " does its work."
            )
        )
        self.hint.setText(
            self.tr(
                "Removed departments take their checklist items with them; merge instead when"
                " another department does that work."
            )
        )
        self.add_button.setText(self.tr("&Add"))
        self.remove_button.setText(self.tr("&Remove"))
        self.merge_button.setText(self.tr("&Merge into…"))
        self.restore_button.setText(self.tr("Re&store"))
        self.model.retranslate()
        self._update_buttons()  # the tooltip saying why a removal is refused

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
