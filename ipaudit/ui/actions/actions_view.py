"""The corrective actions (纠正措施) view of the Audit menu: every nonconformity's action with
filters (not closed, overdue, verified; a department), overdue rows marked, the editor of the one
selected, and the certification body's report imported. Every change is one undo step."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ipaudit.domain.corrective_actions import ActionStatus, CorrectiveAction, Verification
from ipaudit.services import corrective_actions as service
from ipaudit.ui import calendar_export, errors, i18n, workers
from ipaudit.ui.actions import actions_model as am
from ipaudit.ui.actions.action_editor import ActionEditor
from ipaudit.ui.actions.commands import push
from ipaudit.ui.combo import refill
from ipaudit.ui.department_scope import scope_label, show_scope
from ipaudit.ui.fit import fit_columns, narrow_combo, share_columns
from ipaudit.ui.session import WorkspaceSession

ALL, NOT_CLOSED, OVERDUE, VERIFIED = "all", "not_closed", "overdue", "verified"


#: columns that keep a set width (in Chinese characters) and elide a longer text
NARROW_COLUMNS = {
    **{col: "中" * 3 for col in (am.STATUS, am.SOURCE, am.GRADE, am.DEPARTMENT, am.OWNER)},
    am.OVERDUE: "9999",  # its title's width, not its title's and a sort arrow's room
}


class ActionsFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.state = ALL
        self.department = ""

    def set_filter(self, state: str, department: str) -> None:
        self.beginFilterChange()
        self.state, self.department = state, department
        self.endFilterChange()

    def filterAcceptsRow(self, row: int, parent: QModelIndex | Any) -> bool:
        model = self.sourceModel()
        assert isinstance(model, am.ActionsModel)
        a = model.action(row)
        if self.department and a.department != self.department:
            return False
        if self.state == NOT_CLOSED:
            return a.status is not ActionStatus.VERIFIED
        if self.state == OVERDUE:
            return a.days_overdue(model.today) > 0
        if self.state == VERIFIED:
            return a.status is ActionStatus.VERIFIED
        return True


class ActionsView(QWidget):
    #: (department, item key): show the item in the checklist
    itemActivated = Signal(str, str)

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionsView")
        self.session = session
        self.today: Callable[[], dt.date] = service.today
        self.model = am.ActionsModel(self)
        self.proxy = ActionsFilter(self)
        self.proxy.setSourceModel(self.model)

        self.state_label = QLabel()
        self.state_filter = QComboBox()
        self.state_filter.setObjectName("stateFilter")
        self.state_label.setBuddy(self.state_filter)
        self.department_label = QLabel()
        self.department_filter = QComboBox()
        self.department_filter.setObjectName("departmentFilter")
        narrow_combo(self.department_filter)
        self.department_label.setBuddy(self.department_filter)
        self.count = QLabel()
        self.new_button = QPushButton()
        self.new_button.setObjectName("newAction")
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteAction")
        self.import_button = QPushButton()
        self.import_button.setObjectName("importReport")
        self.calendar_button = QPushButton()
        self.calendar_button.setObjectName("exportCalendar")

        bar = QHBoxLayout()
        for w in (
            self.state_label,
            self.state_filter,
            self.department_label,
            self.department_filter,
        ):
            bar.addWidget(w)
        bar.addWidget(self.count, 1)
        for button in (self.new_button, self.delete_button, self.import_button):
            bar.addWidget(button)
        bar.addWidget(self.calendar_button)

        self.table = QTableView()
        self.table.setObjectName("actionsTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(am.KEY, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # the texts of these columns elide (tool tip: all) so the table does not scroll sideways
        for col in NARROW_COLUMNS:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(40)
        # the nonconformity takes what is left, never less than its title
        share_columns(self.table, (am.FINDING,))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())

        self.editor = ActionEditor()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.editor)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([2000, 1000])  # the list gets the larger part from the start
        splitter.setChildrenCollapsible(False)

        self.scope = scope_label(session)  # a department view: its own actions, and it says so
        layout = QVBoxLayout(self)
        layout.addWidget(self.scope)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        self.state_filter.currentIndexChanged.connect(self._filter)
        self.department_filter.currentIndexChanged.connect(self._filter)
        self.new_button.clicked.connect(self.new_action)
        self.delete_button.clicked.connect(self.delete_selected)
        self.import_button.clicked.connect(self.choose_report)
        self.calendar_button.clicked.connect(self.choose_calendar)
        self.editor.saveRequested.connect(self.save)
        self.editor.doneRequested.connect(self.mark_done)
        self.editor.verifyRequested.connect(self.record_verification)
        self.editor.attachRequested.connect(self.choose_attachment)
        self.editor.itemRequested.connect(self._go_to_item)
        session.edited.connect(self._on_edited)
        show_item = getattr(parent, "show_item", None)
        if show_item is not None:
            self.itemActivated.connect(show_item)

        read_only = session.read_only
        #: the login may verify (and remove a verified action): the services' rule
        self.manager_work = session.manager_work
        editable: tuple[QWidget, ...] = (
            self.new_button,
            self.delete_button,
            self.import_button,
            self.editor,
        )
        for widget in editable:
            widget.setEnabled(not read_only)
        self.retranslate_ui()
        self.refresh()

    # --- reading -----------------------------------------------------------------------------

    def _names(self) -> dict[str, str]:
        from ipaudit.ui import i18n

        return {d.key: i18n.text(d.name) for d in self.session.departments()}

    def _on_edited(self, _key: str) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Show the actions as stored now, keeping the selected one."""
        current = self.selected()
        ws = self.session.workspace
        names = self._names()
        rows = service.actions(ws, self.session.department_only)
        self.model.set_actions(rows, names, self.today())
        self.editor.set_departments(names)
        self._show_item_titles()
        self._fill_department_filter(names)
        self._update_count()
        if current is not None and self.select(current.key):
            return
        if self.editor.base is not None and self.model.row_of(self.editor.base.key) < 0:
            self.editor.load(None)

    def _show_item_titles(self) -> None:
        items = self.session.workspace.template.items
        self.editor.set_items({i.key: i18n.text(i.title) for i in items})

    def selected(self) -> CorrectiveAction | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        value = self.proxy.data(index, am.ActionRole)
        return value if isinstance(value, CorrectiveAction) else None

    def select(self, key: str) -> bool:
        row = self.model.row_of(key)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        self._show_selected()
        return True

    def _show_selected(self) -> None:
        action = self.selected()
        self._show_delete(action)
        if action is None:
            return
        names = {ev.id: ev.title or ev.original_name for ev in self._evidence_of(action)}
        self.editor.load(action, names)

    def _show_delete(self, action: CorrectiveAction | None) -> None:
        """Remove is offered unless the action holds the manager's verification and this login
        is not the manager's (the services refuse that: a head's undo could not put it back)."""
        verified = action is not None and (
            action.verification is not None or action.status is ActionStatus.VERIFIED
        )
        refused = verified and not self.manager_work and not self.session.read_only
        self.delete_button.setEnabled(not self.session.read_only and not refused)
        self.delete_button.setToolTip(
            self.tr("A verified corrective action is the compliance manager's to remove.")
            if refused
            else ""
        )

    def _evidence_of(self, action: CorrectiveAction) -> list[Any]:
        ws = self.session.workspace
        out = []
        for ev_id in action.evidence_ids:
            try:
                out.append(ws.evidence_by_id(ev_id))
            except errors.expected_types():
                continue
        return out

    def _fill_department_filter(self, names: dict[str, str]) -> None:
        entries = [(self.tr("All departments"), ""), *((n, k) for k, n in names.items())]
        refill(self.department_filter, entries)

    def _filter(self) -> None:
        self.proxy.set_filter(
            self.state_filter.currentData() or ALL, self.department_filter.currentData() or ""
        )
        self._update_count()

    def set_filter(self, state: str, department: str = "") -> None:
        self.state_filter.setCurrentIndex(max(self.state_filter.findData(state), 0))
        self.department_filter.setCurrentIndex(max(self.department_filter.findData(department), 0))

    def _update_count(self) -> None:
        shown = self.proxy.rowCount()
        late = sum(
            1
            for n in range(self.model.rowCount())
            if self.model.action(n).days_overdue(self.model.today)
        )
        text = self.tr("Actions: %n", "", shown)
        if late:
            text += " · " + self.tr("%n overdue", "", late)
        self.count.setText(text)

    # --- editing -----------------------------------------------------------------------------

    def _try(self, headline: str, fn: Callable[[], Any]) -> Any:
        try:
            return fn()
        except errors.expected_types() as exc:
            if not errors.is_expected(exc):
                raise
            errors.show_error(exc, self, headline)
            return None

    def new_action(self) -> None:
        self.table.clearSelection()
        self.table.setCurrentIndex(QModelIndex())
        self.editor.load(None)
        if self.session.department_only:
            self.editor.department.setCurrentIndex(
                max(self.editor.department.findData(self.session.department_only), 0)
            )
        self.editor.finding.setFocus()

    def save(self) -> CorrectiveAction | None:
        """Store the editor's action (a new one gets its number)."""
        before = self.editor.base
        edited = self.editor.edited()
        ws = self.session.workspace

        def store() -> CorrectiveAction:
            if before is None:
                fields = {k: getattr(edited, k) for k in service.EDITABLE}
                return service.add(ws, **fields)
            return service.save(ws, edited)

        after = self._try(self.tr("The corrective action was not saved."), store)
        if after is None:
            return None
        text = (
            self.tr("Add corrective action %1")
            if before is None
            else self.tr("Edit corrective action %1")
        ).replace("%1", after.key)
        push(self.session, text, before, after)
        self.select(after.key)
        return after

    def mark_done(self) -> CorrectiveAction | None:
        before = self.editor.base
        if before is None:
            return None
        on = self.editor.completed.value() or self.today()
        edited = self.editor.edited()  # what was typed and not saved yet is stored with it
        after = self._try(
            self.tr("The corrective action was not marked done."),
            lambda: service.close(self.session.workspace, before.key, on, edited=edited),
        )
        if after is not None:
            push(self.session, self.tr("Mark %1 done").replace("%1", after.key), before, after)
            self.select(after.key)
        return after

    def record_verification(self) -> CorrectiveAction | None:
        before = self.editor.base
        if before is None:
            return None
        ed = self.editor
        verification = Verification(
            ed.verified_on.value() or self.today(),
            ed.verified_by.text().strip(),
            ed.verified_result.toPlainText().strip(),
            ed.effective.isChecked(),
        )
        after = self._try(
            self.tr("The verification was not recorded."),
            lambda: service.verify(
                self.session.workspace,
                before.key,
                by=verification.by,
                result=verification.result,
                on=verification.date,
                effective=verification.effective,
            ),
        )
        if after is not None:
            push(self.session, self.tr("Verify %1").replace("%1", after.key), before, after)
            self.select(after.key)
        return after

    def delete_selected(self) -> None:
        action = self.selected()
        if action is None:
            return

        def remove() -> bool:
            service.delete(self.session.workspace, action)
            return True

        done = self._try(self.tr("The corrective action was not removed."), remove)
        if done:
            self.editor.load(None)
            push(
                self.session,
                self.tr("Remove corrective action %1").replace("%1", action.key),
                action,
                None,
            )

    def choose_attachment(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Evidence of completion"))
        if path:
            self.attach_file(Path(path))

    def attach_file(self, path: Path) -> CorrectiveAction | None:
        """Attach ``path`` as evidence of completion (to the action's item) and link it."""
        before = self.editor.base
        if before is None:
            return None
        after = self._try(
            self.tr("The file was not attached."),
            lambda: service.attach_completion(self.session.workspace, before.key, path),
        )
        if after is not None:
            push(
                self.session,
                self.tr("Attach evidence to %1").replace("%1", after.key),
                before,
                after,
            )
            self.select(after.key)
        return after

    def choose_report(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("The certification body's audit report"),
            "",
            self.tr("Audit reports (*.docx *.xlsx *.xls *.ods *.csv);;All files (*)"),
        )
        if path:
            self.import_report(Path(path))

    def import_report(self, path: Path) -> list[CorrectiveAction]:
        """Import the report (a new action per new nonconformity, the others updated); the
        actions made or changed. The count line says how many of each."""
        done = self._try(
            self.tr("The audit report was not imported."),
            lambda: service.import_report(self.session.workspace, path),
        )
        if done is None:
            return []
        changed = done.changed
        if changed:
            stack = self.session.undo_stack
            stack.beginMacro(self.tr("Import %n nonconformities", "", len(changed)))
            for a in done.created:
                push(self.session, a.key, None, a)
            for before, after in done.updated:
                push(self.session, after.key, before, after)
            stack.endMacro()
            self.select(changed[0].key)
        text = (
            self.tr("Report imported: %1 new, %2 updated, %3 unchanged")
            .replace("%1", str(len(done.created)))
            .replace("%2", str(len(done.updated)))
            .replace("%3", str(len(done.unchanged)))
        )
        if done.absent:
            text += " · " + self.tr(
                "%n action(s) of this audit not in the report: %1", "", len(done.absent)
            ).replace("%1", ", ".join(a.key for a in done.absent))
        self.count.setText(text)
        return changed

    def _go_to_item(self, item_key: str) -> None:
        ws = self.session.workspace
        try:
            item = ws.item(item_key)
        except errors.expected_types():
            return
        self.itemActivated.emit(ws.owner(item), item_key)

    # --- language ----------------------------------------------------------------------------

    def choose_calendar(self) -> None:
        target = calendar_export.choose_target(self.session, self)
        if target is not None:
            self.export_calendar(target)

    def export_calendar(self, target: Path) -> workers.Task:
        """The corrective actions' due dates (and the audit day's sessions) as an .ics file."""
        task = calendar_export.export_calendar(self.session, target, self)
        task.finished.connect(
            lambda result: self.count.setText(
                self.tr("Saved %1 (%n event(s))", "", result[1]).replace("%1", str(result[0]))
            )
        )
        return task

    def retranslate_ui(self) -> None:
        show_scope(self.scope, self.session)
        self.editor.refuse_verification(
            ""
            if self.manager_work or self.session.read_only
            else self.tr(
                "Only the compliance manager's login records the verification of effectiveness:"
                " the check must be independent of the department that carried out the action."
            )
        )
        self._show_delete(self.selected())
        self.state_label.setText(self.tr("Show"))
        refill(
            self.state_filter,
            [
                (self.tr("All"), ALL),
                (self.tr("Not closed"), NOT_CLOSED),
                (self.tr("Overdue"), OVERDUE),
                (self.tr("Verified"), VERIFIED),
            ],
        )
        self.department_label.setText(self.tr("Department"))
        if self.department_filter.count():
            self.department_filter.setItemText(0, self.tr("All departments"))
        self.new_button.setText(self.tr("New"))
        self.delete_button.setText(self.tr("Remove"))
        self.import_button.setText(self.tr("Import audit report…"))
        self.calendar_button.setText(self.tr("Calendar…"))
        self.calendar_button.setToolTip(calendar_export.tool_tip())
        self.model.retranslate()
        fit_columns(self.table, NARROW_COLUMNS)
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
            self._show_item_titles()
        super().changeEvent(event)
