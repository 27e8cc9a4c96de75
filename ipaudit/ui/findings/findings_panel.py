"""The findings panel: every finding with its grade, filters, jump-to-item and acceptance."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ipaudit.domain.model import Department, Finding, Grade
from ipaudit.services import Assessment
from ipaudit.ui import commands
from ipaudit.ui.findings import findings_model as fm
from ipaudit.ui.findings.accept_dialog import AcceptDialog, open_accept_dialog
from ipaudit.ui.findings.findings_filter import FindingsFilterModel
from ipaudit.ui.findings.fitted_combo import FittedCombo
from ipaudit.ui.findings.grade_style import grade_label
from ipaudit.ui.findings.language import pick
from ipaudit.ui.icons import grade_icon
from ipaudit.ui.row_selection import select_row
from ipaudit.ui.session import WorkspaceSession


class WholeOrNothingLabel(QLabel):
    """Draws its text only where it fits whole: a count cut off at its start would misread (on
    a narrow screen the dock's title says it)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.fontMetrics().horizontalAdvance(self.text()) <= self.contentsRect().width():
            super().paintEvent(event)


class FindingsPanel(QWidget):
    """All findings of ``session.assessed``; double-click emits ``itemActivated(department, item)``."""

    itemActivated = Signal(str, str)
    #: what the list shows, e.g. "Finance · 5 findings" (the dock's title repeats it)
    countChanged = Signal(str)

    #: the findings table shows at least this many rows (the dock cannot shrink below)
    MIN_ROWS = 4

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.accept_dialog: AcceptDialog | None = None
        self._shown_departments: list[tuple[str, str]] = []
        self._followed = ""  # the department the window shows
        self._refilling = False  # the department list is being refilled: no choice of the user

        self.model = fm.FindingsModel(self)
        self.proxy = FindingsFilterModel(self)
        self.proxy.setSourceModel(self.model)

        self.department_label = QLabel()
        # as wide as the longest department name, up to a cap; a longer name is shortened with
        # "…" and its tool tip says it whole
        self.department_filter = FittedCombo(cap=26, least=8)
        self.department_label.setBuddy(self.department_filter)
        self.follow = QCheckBox()
        self.follow.setObjectName("followDepartment")
        self.follow.setChecked(True)
        self.grade_label = QLabel()
        self.grade_filter = FittedCombo(cap=22, least=6)
        self.grade_label.setBuddy(self.grade_filter)
        self.open_only = QCheckBox()
        self.count_label = WholeOrNothingLabel()
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count_label.setMinimumWidth(0)  # the dock's title repeats it on a narrow screen
        self.count_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSortingEnabled(True)
        self.view.setWordWrap(False)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        # sized from every row's text (see _fit_columns), not only the rows in view
        header.setSectionResizeMode(fm.GRADE, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(fm.DEPARTMENT, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(fm.ITEM, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(fm.MESSAGE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(fm.ACCEPTED, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(fm.ITEM, 220)
        header.resizeSection(fm.ACCEPTED, 180)
        self.view.sortByColumn(fm.GRADE, Qt.SortOrder.AscendingOrder)

        self.accept_button = QPushButton()
        self.withdraw_button = QPushButton()

        # one row of filters and actions, so the table keeps the height on a small screen
        filters = QHBoxLayout()
        filters.addWidget(self.department_label)
        filters.addWidget(self.department_filter)
        filters.addWidget(self.follow)
        filters.addSpacing(4)
        filters.addWidget(self.grade_label)
        filters.addWidget(self.grade_filter)
        filters.addSpacing(4)
        filters.addWidget(self.open_only)
        filters.addWidget(self.count_label, 1)
        filters.addWidget(self.accept_button)
        filters.addWidget(self.withdraw_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 4)
        layout.setSpacing(4)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        self._fit_rows()

        self.department_filter.currentIndexChanged.connect(self._filter_changed)
        self.grade_filter.currentIndexChanged.connect(self._filter_changed)
        self.open_only.toggled.connect(self.proxy.set_open_only)
        self.follow.toggled.connect(self._follow_toggled)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.view.activated.connect(self._activated)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.accept_button.clicked.connect(self.accept_selected)
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        session.assessed.connect(self._on_assessed)

        self.retranslate_ui()
        if session.assessment is not None:
            self._on_assessed(session.assessment)
        else:
            self._update_buttons()

    # --- public API --------------------------------------------------------------------------

    def set_department_filter(self, key: str | None) -> None:
        """Show one department's findings (None: all)."""
        pos = self.department_filter.findData(key or "")
        if pos >= 0:
            self.department_filter.setCurrentIndex(pos)

    def follow_department(self, key: str) -> None:
        """The window shows department ``key``: list its findings unless "all" was chosen."""
        self._followed = key
        if self.follow.isChecked():
            self.set_department_filter(key)

    def set_grade_filter(self, grade: Grade | None) -> None:
        pos = self.grade_filter.findData(grade.value if grade else "")
        if pos >= 0:
            self.grade_filter.setCurrentIndex(pos)

    def selected_finding(self) -> Finding | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        finding: Finding = rows[0].data(fm.FindingRole)
        return finding

    def select_finding(self, key: str) -> bool:
        """Select the finding with this key if it is shown."""
        row = self.model.row_of(key)
        if row < 0:
            return False
        return select_row(self.view, self.proxy.mapFromSource(self.model.index(row, 0)))

    def accept_selected(self) -> AcceptDialog | None:
        """Open the explanation dialog for the selected finding (window-modal, not blocking)."""
        finding = self.selected_finding()
        if finding is None or finding.accepted is not None or self.session.read_only_facts:
            return None
        dialog = open_accept_dialog(finding, self, lambda text: self._accept(finding, text))
        dialog.finished.connect(self._forget_dialog)
        self.accept_dialog = dialog
        return dialog

    def withdraw_selected(self) -> None:
        finding = self.selected_finding()
        if finding is None or finding.accepted is None or self.session.read_only_facts:
            return
        self.session.undo_stack.push(
            commands.AcceptFinding(self.session, finding.key, None, finding.item_key)
        )

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.department_label.setText(self.tr("&Department:"))
        self.grade_label.setText(self.tr("&Grade:"))
        self.open_only.setText(self.tr("Hide &accepted"))
        self.follow.setText(self.tr("F&ollow the selection"))
        self.follow.setToolTip(
            self.tr(
                "List the findings of the department chosen on the left; clear it to keep all"
                " departments"
            )
        )
        self.accept_button.setText(self.tr("A&ccept…"))
        self.accept_button.setToolTip(
            self.tr("Accept the selected finding with a written explanation the report shows")
        )
        self.withdraw_button.setText(self.tr("&Withdraw"))
        self.withdraw_button.setToolTip(self.tr("Withdraw the acceptance of the selected finding"))
        self._fill_department_filter()
        self._fill_grade_filter()
        self.model.retranslate()
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- internals ---------------------------------------------------------------------------

    def _fill_department_filter(self, read: Sequence[Department] | None = None) -> None:
        current = self.department_filter.currentData() or ""
        self.department_filter.blockSignals(True)
        self.department_filter.clear()
        only = self.session.department_only
        if only is None:
            self.department_filter.addItem(self.tr("All departments"), "")
        self._shown_departments = self._filter_departments(read)
        for key, name in self._shown_departments:
            self.department_filter.addItem(name, key)
        # following: the shown department again once it is back (an undone "absent")
        wanted = self._followed if self.follow.isChecked() and self._followed else current
        pos = self.department_filter.findData(only or wanted)
        if pos < 0:  # gone (absent, merged): all, until the next selection
            pos = self.department_filter.findData(current)
        self.department_filter.setCurrentIndex(max(pos, 0))
        self.department_filter.setEnabled(only is None)
        self.department_filter.blockSignals(False)
        self.department_filter.updateGeometry()  # as wide as the longest name now
        self._refilling = True  # the list changed, the user chose nothing: "follow" stays
        try:
            self._filter_changed()
        finally:
            self._refilling = False

    def _filter_departments(
        self, read: Sequence[Department] | None = None
    ) -> list[tuple[str, str]]:
        return [(d.key, pick(d.name)) for d in self.session.departments(read)]

    def _fill_grade_filter(self) -> None:
        current = self.grade_filter.currentData() or ""
        self.grade_filter.blockSignals(True)
        self.grade_filter.clear()
        self.grade_filter.addItem(self.tr("All grades"), "")
        for grade in Grade:
            self.grade_filter.addItem(grade_icon(grade), grade_label(grade), grade.value)
        self.grade_filter.setCurrentIndex(max(self.grade_filter.findData(current), 0))
        self.grade_filter.blockSignals(False)
        self.grade_filter.updateGeometry()
        self._filter_changed()

    def _follow_toggled(self, on: bool) -> None:
        self.set_department_filter(self._followed if on and self._followed else None)

    def _filter_changed(self) -> None:
        dep = self.department_filter.currentData() or None
        self.department_filter.setToolTip(self.department_filter.currentText())  # when shortened
        self.grade_filter.setToolTip(self.grade_filter.currentText())
        chosen = not self._refilling
        if chosen and self._followed and dep != self._followed and self.follow.isChecked():
            self.follow.blockSignals(True)  # another choice than the shown department
            self.follow.setChecked(False)
            self.follow.blockSignals(False)
        grade = self.grade_filter.currentData() or None
        self.proxy.set_department(dep)
        self.proxy.set_grade(Grade(grade) if grade else None)
        self._update_count()
        self._update_buttons()

    def _on_assessed(self, assessment: Assessment) -> None:
        selected = self.selected_finding()
        ws = self.session.workspace
        departments = {d.key: d.name for d in assessment.department_list}
        read = assessment.department_list
        if self._filter_departments(read) != self._shown_departments:
            self._fill_department_filter(read)  # a department was added, renamed or merged
        items = {it.key: it.title for it in ws.template.items}
        self.model.set_rows(assessment.findings, departments, items)
        if selected is not None:
            self.select_finding(selected.key)
        self._update_buttons()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        dep = self.department_filter.currentText() if self.proxy.department else ""
        text = self.tr("%1 · %n finding(s)", "", shown).replace(
            "%1", dep or self.tr("all departments")
        )
        self.count_label.setText(text)
        self.count_label.setToolTip(
            self.tr("%1 of %n finding(s)", "", total).replace("%1", str(shown))
        )
        self.countChanged.emit(text)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Grade and department as wide as their longest text (at most 200 px), whatever part of
        the list is scrolled into view. Only one shown row per distinct text (and font: accepted
        findings are in italics) is measured, so a filter change over thousands of findings stays
        quick."""
        header = self.view.horizontalHeader()
        grid = 1 if self.view.showGrid() else 0
        proxy, model = self.proxy, self.model
        for col in (fm.GRADE, fm.DEPARTMENT):
            shown: dict[tuple[str, bool], int] = {}
            for r in range(proxy.rowCount()):
                source = proxy.mapToSource(proxy.index(r, 0)).row()
                look = (model.text_of(source, col), model.finding(source).accepted is not None)
                shown.setdefault(look, r)
            widest = max(
                (self.view.sizeHintForIndex(proxy.index(r, col)).width() for r in shown.values()),
                default=0,
            )
            header.resizeSection(col, min(max(header.sectionSizeHint(col), widest + grid), 200))

    def _fit_rows(self) -> None:
        rows = self.MIN_ROWS * self.view.verticalHeader().defaultSectionSize()
        header = self.view.horizontalHeader().sizeHint().height()
        self.view.setMinimumHeight(rows + header + 2 * self.view.frameWidth())

    def _update_buttons(self) -> None:
        finding = self.selected_finding()
        editable = not self.session.read_only_facts
        self.accept_button.setEnabled(editable and finding is not None and finding.accepted is None)
        self.withdraw_button.setEnabled(
            editable and finding is not None and finding.accepted is not None
        )

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.itemActivated.emit(index.data(fm.DepartmentKeyRole), index.data(fm.ItemKeyRole))

    def _accept(self, finding: Finding, explanation: str) -> None:
        if explanation:
            self.session.undo_stack.push(
                commands.AcceptFinding(self.session, finding.key, explanation, finding.item_key)
            )

    def _forget_dialog(self) -> None:
        self.accept_dialog = None
