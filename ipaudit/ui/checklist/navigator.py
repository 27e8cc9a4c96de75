"""The department navigator: each department with its readiness and blocking findings."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QVBoxLayout, QWidget

from ipaudit.services import Assessment
from ipaudit.ui.checklist.lang import fill
from ipaudit.ui.checklist.navigator_delegate import DepartmentDelegate
from ipaudit.ui.checklist.navigator_model import DepartmentModel, DepartmentRow, KeyRole
from ipaudit.ui.session import WorkspaceSession


class DepartmentNavigator(QWidget):
    departmentSelected = Signal(str)

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = DepartmentModel(self)
        self.title = QLabel(self)
        self.title.setObjectName("navigatorTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.overall = QLabel(self)
        self.overall.setObjectName("navigatorOverall")
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(DepartmentDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setUniformItemSizes(True)
        self.view.setMouseTracking(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.overall)
        layout.addWidget(self.view, 1)
        self.setFocusProxy(self.view)
        self.view.selectionModel().currentChanged.connect(self._on_current_changed)
        session.assessed.connect(self._on_assessed)
        session.edited.connect(self._on_edited)
        self._selected = ""
        self.reload()
        self.retranslate_ui()

    # --- public ------------------------------------------------------------------------------

    def select_department(self, key: str) -> None:
        row = self.model.row_of(key)
        if row < 0:
            return
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row),
            QItemSelectionModel.SelectionFlag.ClearAndSelect,
        )

    def current_department(self) -> str:
        return self._selected

    def reload(self) -> None:
        """Re-read the departments (renamed, merged, added) and the latest readiness."""
        assessment = self.session.assessment
        per_dep = assessment.departments if assessment is not None else {}
        self.model.set_rows(
            [DepartmentRow(d, per_dep.get(d.key)) for d in self.session.departments()]
        )
        self._show_overall(assessment)
        if self._selected and self.model.row_of(self._selected) >= 0:
            self.select_department(self._selected)

    # --- reactions ---------------------------------------------------------------------------

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        key = current.data(KeyRole) if current.isValid() else ""
        if key and key != self._selected:
            self._selected = key
            self.departmentSelected.emit(key)

    def _on_assessed(self, assessment: Assessment) -> None:
        self.model.set_readiness(assessment.departments)
        self._show_overall(assessment)

    def _on_edited(self, item_key: str) -> None:
        if not item_key:  # workspace-wide edits may rename or merge departments
            self.reload()

    def _show_overall(self, assessment: Assessment | None) -> None:
        if self.session.department_only:
            r = assessment.departments.get(self.session.department_only) if assessment else None
        else:
            r = assessment.overall if assessment else None
        if r is None:
            self.overall.setText(self.tr("Readiness: checking…"))
        else:
            self.overall.setText(
                fill(self.tr("Readiness %1% · %2 blocking"), f"{r.percent:.0f}", r.blocking)
            )

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.title.setText(
            self.tr("Department") if self.session.department_only else self.tr("Departments")
        )
        self.view.setAccessibleName(self.tr("Departments"))
        self._show_overall(self.session.assessment)
        self.model.layoutChanged.emit()  # department names follow the UI language

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
