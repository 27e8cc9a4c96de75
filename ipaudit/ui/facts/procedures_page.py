"""Facts page 3: the procedures list (程序文件) and which department owns each."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ipaudit.domain.model import Facts, Text
from ipaudit.ui.facts import procedures_model as pm
from ipaudit.ui.facts.department_delegate import DepartmentDelegate
from ipaudit.ui.facts.facts_change import FactsChange
from ipaudit.ui.facts.list_buttons import ListButtons


class ProceduresPage(QWidget):
    changed = Signal(object)  # FactsChange

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.model = pm.ProceduresModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.delegate = DepartmentDelegate(self.view)
        self.view.setItemDelegateForColumn(pm.DEPARTMENT, self.delegate)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(pm.CODE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(pm.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(pm.DEPARTMENT, QHeaderView.ResizeMode.ResizeToContents)
        self.buttons = ListButtons(self.view)
        self.buttons.watch_selection()
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self.model.proceduresEdited.connect(self._edited)
        self.buttons.add_button.clicked.connect(self._add)
        self.buttons.remove_button.clicked.connect(
            lambda: self.model.remove_procedure(self.buttons.selected_row())
        )
        self.retranslate_ui()

    def load(self, facts: Facts, departments: list[tuple[str, Text]], read_only: bool) -> None:
        self.delegate.departments = list(departments)
        self.model.set_rows(facts.procedures, departments, read_only=read_only)
        self.buttons.setVisible(not read_only)

    def retranslate_ui(self) -> None:
        self.hint.setText(
            self.tr(
                "The level-2 procedure documents the manual lists. Every department must be able"
                " to name its procedures in the interview."
            )
        )
        self.buttons.retranslate_ui(self.tr("Add procedure"), self.tr("Remove procedure"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _edited(self) -> None:
        procedures = tuple(p for p in self.model.procedures() if p.code or p.title)
        self.changed.emit(FactsChange(self.tr("Edit the procedures"), {"procedures": procedures}))

    def _add(self) -> None:
        row = self.model.add_procedure()
        index = self.model.index(row, pm.CODE)
        self.view.setCurrentIndex(index)
        self.view.edit(index)
