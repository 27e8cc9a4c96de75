"""Facts page 2: headcount and IP duties per department."""

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
from ipaudit.ui.facts import department_facts_model as dm
from ipaudit.ui.facts.facts_change import FactsChange
from ipaudit.ui.findings.language import pick


class DepartmentsPage(QWidget):
    changed = Signal(object)  # FactsChange

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.model = dm.DepartmentFactsModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(dm.DEPARTMENT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(dm.HEADCOUNT, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(dm.DUTIES, QHeaderView.ResizeMode.Stretch)
        self.total = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.total)
        self.model.factsEdited.connect(self._edited)
        self.model.modelReset.connect(self._update_total)
        self.model.dataChanged.connect(self._update_total)
        self._names: dict[str, Text] = {}
        self.retranslate_ui()

    def load(self, facts: Facts, departments: list[tuple[str, Text]], read_only: bool) -> None:
        self._names = dict(departments)
        self.model.set_rows(departments, facts.headcount, facts.duties, read_only=read_only)

    def retranslate_ui(self) -> None:
        self.hint.setText(
            self.tr(
                "How many people each department has and what its IP duties are, as the manual"
                " states them. Every department's interview answers are checked against these."
            )
        )
        self.model.retranslate()
        self._update_total()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _update_total(self) -> None:
        self.total.setText(
            self.tr("Company headcount: %1").replace("%1", str(self.model.total_headcount()))
        )

    def _edited(self, key: str) -> None:
        name = self._names.get(key)
        label = pick(name) if name else key
        self.changed.emit(
            FactsChange(
                self.tr("Edit headcount and duties of %1").replace("%1", label),
                {"headcount": self.model.headcount(), "duties": self.model.duties()},
            )
        )
