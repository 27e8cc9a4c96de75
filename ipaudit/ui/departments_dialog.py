"""Departments → Edit departments…: add, rename, merge, mark absent or present.

Every change is one undo step (Edit → Undo names it) and takes effect at once: the navigator, the
checklist and the findings follow. Names are asked for in both languages; the key a department
is stored under is made from its English name, so nobody has to invent one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ipaudit.domain.model import Department, Text
from ipaudit.domain.validation import InvalidValue, check_name
from ipaudit.ui import department_commands as dc
from ipaudit.ui import i18n
from ipaudit.ui.session import WorkspaceSession

KEY_ROLE = Qt.ItemDataRole.UserRole


class NameForm(QDialog):
    """The two names of a department."""

    def __init__(
        self,
        title: str,
        zh: str = "",
        en: str = "",
        parent: QWidget | None = None,
        key: str = "",
        taken: Callable[[str, str], Text | None] | None = None,
    ):
        super().__init__(parent)
        self.key = key  # the department renamed ("" for a new one)
        #: why the names (zh, en) cannot be taken (another department has one), or None
        self.taken = taken
        self.setObjectName("departmentNameForm")
        self.setWindowTitle(title)
        self.zh = QLineEdit(zh)
        self.en = QLineEdit(en)
        self.problem = QLabel()
        self.problem.setObjectName("departmentNameProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.setMinimumWidth(self.fontMetrics().averageCharWidth() * 48)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        form = QFormLayout(self)
        form.addRow(self.tr("Chinese name:"), self.zh)
        form.addRow(self.tr("English name:"), self.en)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.zh, self.en):
            edit.textChanged.connect(self._update)
        self._update()

    def problems(self) -> list[str]:
        """What the service would refuse in the names as typed (``validation.check_name``, the
        check ``add_department`` and ``rename_department`` make: not blank, at most 64
        characters, no control characters; no name another department has); a blank name is
        simply not finished yet."""
        found = []
        key = self.key or dc.new_key(self.en.text() or self.zh.text(), set())
        for edit in (self.zh, self.en):
            if edit.text().strip():
                try:
                    check_name(edit.text(), key)
                except InvalidValue as exc:
                    found.append(exc.message(i18n.language()))
        if self.taken is not None:
            clash = self.taken(self.zh.text(), self.en.text())
            if clash is not None:
                found.append(i18n.text(clash))
        return found

    def _update(self) -> None:
        problems = self.problems()
        text = "\n".join(problems)
        changed = text != self.problem.text()
        self.problem.setText(text)
        self.problem.setVisible(bool(problems))
        if changed and self.isVisible():
            self.adjustSize()  # the form grows to show the whole message (and shrinks after)
        filled = bool(self.zh.text().strip() and self.en.text().strip())
        self.ok.setEnabled(filled and not problems)


class DepartmentsDialog(QDialog):
    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("departmentsDialog")
        self.session = session
        self.form: NameForm | None = None
        self.table = QTableWidget(0, 3)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.add_button = QPushButton()
        self.rename_button = QPushButton()
        self.merge_button = QPushButton()
        self.absent_button = QPushButton()
        self.close_button = QPushButton()
        buttons = QHBoxLayout()
        for b in (self.add_button, self.rename_button, self.merge_button, self.absent_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.ask_add)
        self.rename_button.clicked.connect(self.ask_rename)
        self.merge_button.clicked.connect(self.ask_merge)
        self.absent_button.clicked.connect(self.toggle_absent)
        self.close_button.clicked.connect(self.accept)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        session.edited.connect(self._on_edited)
        self.retranslate_ui()
        self.resize(640, 420)

    # --- the list ----------------------------------------------------------------------------

    def departments(self) -> list[Department]:
        return self.session.workspace.departments()

    def selected(self) -> Department | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        key = item.data(KEY_ROLE) if item is not None else None
        return next((d for d in self.departments() if d.key == key), None)

    def select(self, key: str) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(KEY_ROLE) == key:
                self.table.selectRow(row)
                return

    def refresh(self) -> None:
        current = self.selected()
        deps = self.departments()
        names = {d.key: i18n.text(d.name) for d in deps}
        self.table.setRowCount(len(deps))
        for row, dep in enumerate(deps):
            if dep.merged_into:
                state = self.tr("merged into %1").replace(
                    "%1", names.get(dep.merged_into, dep.merged_into)
                )
            elif dep.absent:
                state = self.tr("absent")
            else:
                state = self.tr("active")
            for col, text in enumerate((dep.name.zh, dep.name.en, state)):
                cell = QTableWidgetItem(text)
                cell.setData(KEY_ROLE, dep.key)
                cell.setToolTip(text)
                self.table.setItem(row, col, cell)
        if current is not None:
            self.select(current.key)
        self._update_buttons()

    # --- changes -----------------------------------------------------------------------------

    def _taken(self, key: str) -> Callable[[str, str], Text | None]:
        """The service's name rule for department ``key``, over the list as it is now (read
        once, not at each key typed)."""
        deps = self.departments()
        ws = self.session.workspace

        def taken(zh: str, en: str) -> Text | None:
            action = "rename" if key else "add"
            return ws.department_change_problem(action, key, names=(zh, en), departments=deps)

        return taken

    def ask_add(self) -> NameForm:
        form = NameForm(self.tr("Add a department"), parent=self, taken=self._taken(""))
        form.accepted.connect(lambda: self._added(form))
        return self._open(form)

    def _added(self, form: NameForm) -> None:
        key = dc.add(self.session, form.zh.text(), form.en.text())
        self.select(key)

    def ask_rename(self) -> NameForm | None:
        dep = self.selected()
        if dep is None:
            return None
        form = NameForm(
            self.tr("Rename the department"),
            dep.name.zh,
            dep.name.en,
            self,
            dep.key,
            taken=self._taken(dep.key),
        )
        form.accepted.connect(
            lambda: dc.rename(self.session, dep.key, form.zh.text(), form.en.text())
        )
        return self._open(form)

    def merge_targets(self, dep: Department) -> list[Department]:
        """The departments ``dep`` may merge into, as the service decides."""
        return self.session.workspace.merge_targets(dep.key)

    def ask_merge(self) -> None:
        dep = self.selected()
        if dep is None:
            return
        targets = self.merge_targets(dep)
        names = [i18n.text(d.name) for d in targets]
        choice, ok = QInputDialog.getItem(
            self,
            self.tr("Merge a department"),
            self.tr("Merge “%1” into:").replace("%1", i18n.text(dep.name)),
            names,
            0,
            False,
        )
        if ok and choice in names:
            self.merge(dep.key, targets[names.index(choice)].key)

    def merge(self, key: str, into: str) -> None:
        names = {d.key: i18n.text(d.name) for d in self.departments()}
        dc.merge(self.session, key, into, (names.get(key, key), names.get(into, into)))

    def toggle_absent(self) -> None:
        dep = self.selected()
        if dep is not None:
            dc.set_absent(self.session, dep.key, not dep.absent, i18n.text(dep.name))

    def _open(self, form: NameForm) -> NameForm:
        form.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.form = form
        form.finished.connect(lambda _r: setattr(self, "form", None))
        form.open()
        return form

    def _on_edited(self, item_key: str) -> None:
        if not item_key:
            self.refresh()

    def change_problem(self, action: str, deps: Sequence[Department] | None = None) -> str:
        """Why the service would refuse ``action`` ("merge": to any department; "absent") on the
        selected department, in the UI language; "" when it would not."""
        dep = self.selected()
        if dep is None:
            return ""
        ws = self.session.workspace
        problem = ws.department_change_problem(action, dep.key, departments=deps)
        return "" if problem is None else i18n.text(problem)

    def _update_buttons(self) -> None:
        dep = self.selected()
        editable = not self.session.read_only_facts
        self.add_button.setEnabled(editable)
        self.rename_button.setEnabled(editable and dep is not None)
        deps = self.departments() if dep is not None else []
        merge_problem = self.change_problem("merge", deps)
        absent_problem = self.change_problem("present" if dep and dep.absent else "absent", deps)
        self.merge_button.setEnabled(editable and dep is not None and not merge_problem)
        self.merge_button.setToolTip(
            merge_problem or self.tr("Its checklist items move to the department it is merged into")
        )
        self.absent_button.setEnabled(editable and dep is not None and not absent_problem)
        self.absent_button.setToolTip(
            absent_problem
            or self.tr("A department the company does not have: its items are not audited")
        )
        self.absent_button.setText(
            self.tr("Mark &present") if dep is not None and dep.absent else self.tr("Mark &absent")
        )

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Departments"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Chinese name"), self.tr("English name"), self.tr("State")]
        )
        self.add_button.setText(self.tr("A&dd…"))
        self.rename_button.setText(self.tr("&Rename…"))
        self.merge_button.setText(self.tr("&Merge into…"))
        self.close_button.setText(self.tr("Close"))
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
