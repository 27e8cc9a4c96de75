"""Facts page 5: the audit cycle's people and money — new hires and core leavers of the period
(typed in or imported from HR's sheet), the IP budget per expense category beside what the expense
record shows was spent, and how many of the last audit's nonconformities are still open."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ipaudit.domain.model import Facts, Text
from ipaudit.domain.people import merge_people
from ipaudit.ui import errors, workers
from ipaudit.ui.facts import budget_model as bm
from ipaudit.ui.facts import people_model as ppl
from ipaudit.ui.facts.facts_change import FactsChange
from ipaudit.ui.facts.list_buttons import ListButtons
from ipaudit.ui.session import WorkspaceSession

SHEETS = "*.xlsx *.xlsm *.xls *.ods *.csv *.tsv"


class CyclePage(QWidget):
    changed = Signal(object)  # FactsChange
    #: the background work of this page finished (spending computed, a sheet read)
    settled = Signal()

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._read_only = False
        self._loading = False
        self.tasks: list[workers.Task] = []

        self.people_box = QGroupBox()
        self.people_hint = QLabel()
        self.people_hint.setWordWrap(True)
        self.people = ppl.PeopleModel(self)
        self.people_view = QTableView()
        self.people_view.setObjectName("peopleView")
        self.people_view.setModel(self.people)
        self.people_view.verticalHeader().hide()
        self.people_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.people_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.people_buttons = ListButtons(self.people_view)
        self.people_buttons.watch_selection()
        self.import_button = QPushButton()
        self.import_button.setObjectName("importPeopleButton")
        buttons_row = self.people_buttons.layout()
        assert isinstance(buttons_row, QHBoxLayout)  # ListButtons lays its buttons out in a row
        buttons_row.insertWidget(2, self.import_button)
        people_layout = QVBoxLayout(self.people_box)
        people_layout.addWidget(self.people_hint)
        people_layout.addWidget(self.people_view, 1)
        people_layout.addWidget(self.people_buttons)

        self.budget_box = QGroupBox()
        self.budget_hint = QLabel()
        self.budget_hint.setWordWrap(True)
        self.budget = bm.BudgetModel(self)
        self.budget_view = QTableView()
        self.budget_view.setObjectName("budgetView")
        self.budget_view.setModel(self.budget)
        self.budget_view.verticalHeader().hide()
        self.budget_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        budget_layout = QVBoxLayout(self.budget_box)
        budget_layout.addWidget(self.budget_hint)
        budget_layout.addWidget(self.budget_view, 1)

        self.nc_declared = QCheckBox()
        self.nc_declared.setObjectName("nonconformitiesDeclared")
        self.nc_open = QSpinBox()
        self.nc_open.setObjectName("nonconformitiesOpen")
        self.nc_open.setRange(0, 999)
        self.nc_label = QLabel()
        nc_row = QHBoxLayout()
        nc_row.addWidget(self.nc_declared)
        nc_row.addWidget(self.nc_open)
        nc_row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.nc_label, nc_row)

        tables = QHBoxLayout()
        tables.addWidget(self.people_box, 1)
        tables.addWidget(self.budget_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(tables, 1)

        self.people.peopleEdited.connect(self._people_edited)
        self.people_buttons.add_button.clicked.connect(self._add_person)
        self.people_buttons.remove_button.clicked.connect(
            lambda: self.people.remove_person(self.people_buttons.selected_row())
        )
        self.import_button.clicked.connect(lambda: self.import_people())
        self.budget.budgetEdited.connect(self._budget_edited)
        self.nc_declared.toggled.connect(self._nc_edited)
        self.nc_open.valueChanged.connect(self._nc_edited)
        self.retranslate_ui()

    # --- showing -------------------------------------------------------------------------------

    def load(self, facts: Facts, departments: list[tuple[str, Text]], read_only: bool) -> None:
        del departments  # people name their department as HR writes it
        self._read_only = read_only
        self._loading = True
        try:
            self.people.set_people(facts.people, read_only=read_only)
            self.budget.set_budget(facts.budget, read_only=read_only)
            self.nc_declared.setChecked(facts.open_nonconformities is not None)
            self.nc_open.setValue(facts.open_nonconformities or 0)
            self.nc_open.setEnabled(facts.open_nonconformities is not None and not read_only)
            self.nc_declared.setEnabled(not read_only)
        finally:
            self._loading = False
        self.people_buttons.setVisible(not read_only)
        self.refresh_spending()

    def refresh_spending(self) -> workers.Task:
        """What the expense record shows per category, read in the background."""
        from ipaudit.services import budget as budget_service

        ws = self.session.workspace
        task = workers.Task(lambda _ctx: budget_service.actual_spending(ws))
        task.finished.connect(self._spending_ready)
        errors.watch(task, self, lambda: self.tr("The spending could not be read."))
        return self._start(task)

    def _start(self, task: workers.Task) -> workers.Task:
        """Run ``task`` (its signals connected first: a quick task may finish at once)."""
        task.failed.connect(lambda _exc: self.settled.emit())
        self.tasks = [*self.tasks[-3:], task]
        return workers.start(task)

    def _spending_ready(self, actual: object) -> None:
        if isinstance(actual, dict):
            self.budget.set_actual(actual)
        self.settled.emit()

    # --- editing -------------------------------------------------------------------------------

    def _add_person(self) -> None:
        row = self.people.add_person()
        index = self.people.index(row, ppl.NAME)
        self.people_view.setCurrentIndex(index)
        self.people_view.edit(index)

    def _people_edited(self) -> None:
        if not self._loading:
            fields: dict[str, object] = {"people": self.people.people()}
            self.changed.emit(FactsChange(self.tr("Edit the hires and leavers"), fields))

    def _budget_edited(self) -> None:
        if not self._loading:
            budget: dict[str, Decimal] = self.budget.budget()
            self.changed.emit(FactsChange(self.tr("Edit the IP budget"), {"budget": budget}))

    def _nc_edited(self) -> None:
        self.nc_open.setEnabled(self.nc_declared.isChecked() and not self._read_only)
        if self._loading:
            return
        count = self.nc_open.value() if self.nc_declared.isChecked() else None
        self.changed.emit(
            FactsChange(
                self.tr("Edit the open nonconformities"),
                {"open_nonconformities": count},
                merge="open_nonconformities",
            )
        )

    def import_people(self, path: str | None = None) -> workers.Task | None:
        """Read HR's sheet of hires and leavers in the background and add its people."""
        from ipaudit.services.people import read_people

        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Import hires and leavers"),
                "",
                self.tr("Sheets (%1)").replace("%1", SHEETS),
            )
            if not path:
                return None
        source = Path(path)
        task = workers.Task(lambda _ctx: read_people(source))
        task.finished.connect(self._people_read)
        errors.watch(task, self, lambda: self.tr("The list could not be imported."))
        return self._start(task)

    def _people_read(self, people: object) -> None:
        if isinstance(people, list) and not self._read_only:
            merged = merge_people(self.people.people(), people)
            self.changed.emit(FactsChange(self.tr("Import hires and leavers"), {"people": merged}))
        self.settled.emit()

    # --- texts ---------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.people_box.setTitle(self.tr("New hires and core leavers of the period"))
        self.people_hint.setText(
            self.tr(
                "Each new hire needs a labour contract, a confidentiality agreement and an IP"
                " background check; each core leaver an exit interview, a handover list and a"
                " reminder of obligations. A record counts for a person when the name is in its"
                " title or file name."
            )
        )
        self.people_buttons.retranslate_ui(self.tr("Add person"), self.tr("Remove person"))
        self.import_button.setText(self.tr("Import a sheet…"))
        self.import_button.setToolTip(
            self.tr("A sheet with the columns name, department, date and kind (入职 / 离职)")
        )
        self.budget_box.setTitle(self.tr("IP budget and spending"))
        self.budget_hint.setText(
            self.tr(
                "The budget per expense category; the spending comes from the imported expense"
                " record (lines dated in the audit period). More than 10% over budget is a"
                " finding."
            )
        )
        self.nc_label.setText(self.tr("Last audit's nonconformities still open:"))
        self.nc_declared.setText(self.tr("Declared"))
        self.people.retranslate()
        self.budget.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
