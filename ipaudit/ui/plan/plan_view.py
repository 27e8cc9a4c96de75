"""The audit-day plan editor (Audit menu → plan): the schedule with in-place editing, the people
(names, each auditor's escort) and the rooms, the conflicts with their rows highlighted, and the
plan exported as Word, Excel or a calendar in a worker. Every change is one undo step."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ipaudit.domain.audit_plan import KIND_TEXT, ROLE_TEXT, AuditPlan, Role, Session, SessionKind
from ipaudit.services import audit_plan as service
from ipaudit.ui import calendar_export, errors, i18n, workers
from ipaudit.ui.department_scope import scope_label, show_scope
from ipaudit.ui.fit import fit_columns, share_columns
from ipaudit.ui.plan import plan_models as pm
from ipaudit.ui.plan.plan_commands import push
from ipaudit.ui.plan.plan_delegates import PeopleDelegate, SessionDelegate
from ipaudit.ui.session import WorkspaceSession

EXPORT_FILTERS = {"docx": "Word (*.docx)", "xlsx": "Excel (*.xlsx)", "ics": "iCalendar (*.ics)"}
SESSION_FIELDS = {
    pm.DAY: "day",
    pm.START: "start",
    pm.END: "end",
    pm.ROOM: "room",
    pm.SESSION: "title",
    pm.DEPARTMENT: "department",
    pm.AUDITORS: "auditors",
    pm.ATTENDEES: "attendees",
}


#: the schedule's set-width columns: the text each must show in full
SCHEDULE_COLUMNS = {
    pm.DAY: "2026-12-15",
    pm.START: "09:00",
    pm.END: "09:00",
    pm.ROOM: "中" * 4,
    pm.DEPARTMENT: "中" * 4,
    pm.AUDITORS: "中" * 4,
    pm.ESCORTS: "中" * 4,
}


class PlanView(QWidget):
    #: a plan export finished: (format, path)
    exported = Signal(str, str)

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("planView")
        self.session = session
        self.plan: AuditPlan | None = None
        # the plan is the compliance manager's (the services' rule, ``session.manager_work``); a
        # department view shows a part of it, which is not where the whole plan is changed
        self.read_only = not session.manager_work or session.department_only is not None
        self.tasks: list[workers.Task] = []

        # --- bar
        self.generate_button = QPushButton()
        self.generate_button.setObjectName("generatePlan")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("newSessionKind")
        self.add_button = QPushButton()
        self.add_button.setObjectName("addSession")
        self.remove_button = QPushButton()
        self.remove_button.setObjectName("removeSession")
        self.summary = QLabel()
        self.summary.setObjectName("planSummary")
        self.summary.setWordWrap(True)  # a saved file's path must not widen the window
        self.export_buttons = {fmt: QPushButton() for fmt in EXPORT_FILTERS}
        for fmt, button in self.export_buttons.items():
            button.setObjectName(f"export_{fmt}")
            button.clicked.connect(lambda _=False, f=fmt: self.choose_export(f))
        bar = QHBoxLayout()
        for w in (self.generate_button, self.kind_combo, self.add_button, self.remove_button):
            bar.addWidget(w)
        bar.addWidget(self.summary, 1)
        for button in self.export_buttons.values():
            bar.addWidget(button)

        # --- schedule
        self.sessions = pm.SessionsModel(self)
        self.sessions.on_edit = self._edit_session
        self.table = QTableView()
        self.table.setObjectName("planTable")
        self.table.setModel(self.sessions)
        self.table.setItemDelegate(SessionDelegate(self.sessions, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # the session and who must attend share what is left (never less than their titles);
        # the other columns keep a set width and elide (tool tip: all), so the schedule does
        # not scroll sideways
        share_columns(self.table, (pm.SESSION, pm.ATTENDEES))

        self.conflicts_label = QLabel()
        self.conflicts = QListWidget()
        self.conflicts.setObjectName("planConflicts")
        self.conflicts.setWordWrap(True)
        self.conflicts.itemClicked.connect(self._show_conflict)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.conflicts_label)
        lower_layout.addWidget(self.conflicts, 1)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.table)
        left.addWidget(lower)
        left.setStretchFactor(0, 4)
        left.setStretchFactor(1, 1)
        left.setChildrenCollapsible(False)

        # --- people and rooms
        self.people = pm.PeopleModel(self)
        self.people.on_edit = self._edit_person
        self.people_table = QTableView()
        self.people_table.setObjectName("planPeople")
        self.people_table.setModel(self.people)
        self.people_table.setItemDelegate(PeopleDelegate(self.people, self.people_table))
        self.people_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.people_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.people_table.verticalHeader().hide()
        # the side pane is narrow: the four columns share it, each at least as wide as its
        # title ("Department" at 150 %), and their texts elide (tool tip: the whole text)
        share_columns(self.people_table, range(self.people.columnCount()))
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("newPersonRole")
        self.add_person_button = QPushButton()
        self.add_person_button.setObjectName("addPerson")
        self.remove_person_button = QPushButton()
        self.remove_person_button.setObjectName("removePerson")
        people_bar = QHBoxLayout()
        people_bar.addWidget(self.role_combo, 1)
        people_bar.addWidget(self.add_person_button)
        people_bar.addWidget(self.remove_person_button)
        people_page = QWidget()
        people_layout = QVBoxLayout(people_page)
        people_layout.addWidget(self.people_table, 1)
        people_layout.addLayout(people_bar)

        self.rooms = pm.RoomsModel(self)
        self.rooms.on_edit = self._edit_room
        self.rooms_table = QTableView()
        self.rooms_table.setObjectName("planRooms")
        self.rooms_table.setModel(self.rooms)
        self.rooms_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rooms_table.verticalHeader().hide()
        self.rooms_table.horizontalHeader().setStretchLastSection(True)
        self.add_room_button = QPushButton()
        self.add_room_button.setObjectName("addRoom")
        self.remove_room_button = QPushButton()
        self.remove_room_button.setObjectName("removeRoom")
        rooms_bar = QHBoxLayout()
        rooms_bar.addStretch(1)
        rooms_bar.addWidget(self.add_room_button)
        rooms_bar.addWidget(self.remove_room_button)
        rooms_page = QWidget()
        rooms_layout = QVBoxLayout(rooms_page)
        rooms_layout.addWidget(self.rooms_table, 1)
        rooms_layout.addLayout(rooms_bar)

        self.side = QTabWidget()
        self.side.setObjectName("planSide")
        self.side.addTab(people_page, "")
        self.side.addTab(rooms_page, "")

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 430])
        splitter.setChildrenCollapsible(False)

        # a department view: its own sessions and people, and it says so
        self.scope = scope_label(session)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scope)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)

        self.generate_button.clicked.connect(self.generate)
        self.add_button.clicked.connect(lambda: self.add_session())
        self.remove_button.clicked.connect(self.remove_selected)
        self.add_person_button.clicked.connect(lambda: self.add_person())
        self.remove_person_button.clicked.connect(self.remove_selected_person)
        self.add_room_button.clicked.connect(lambda: self.add_room())
        self.remove_room_button.clicked.connect(self.remove_selected_room)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        session.edited.connect(lambda _key: self._refresh_timer.start())

        self.retranslate_ui()
        self.refresh()

    # --- reading -----------------------------------------------------------------------------

    def _departments(self) -> dict[str, str]:
        return {d.key: i18n.text(d.name) for d in self.session.workspace.departments()}

    def refresh(self) -> None:
        """Show the plan as stored now, keeping the selected session."""
        ws = self.session.workspace
        current = self.selected()
        self.plan, found = service.department_plan(ws, self.session.department_only)
        lang = i18n.language()
        names = pm.PlanNames(self.plan, self._departments(), lang) if self.plan else None
        for model in (self.sessions, self.people, self.rooms):
            model.read_only = self.read_only
        self.sessions.set_plan(self.plan, names, found)
        self.people.set_plan(self.plan, names)
        self.rooms.set_plan(self.plan, lang)
        self.conflicts.clear()
        for c in found:
            item = QListWidgetItem(c.message.get(lang))
            item.setData(Qt.ItemDataRole.UserRole, list(c.sessions))
            self.conflicts.addItem(item)
        self._update_summary(len(found))
        have = self.plan is not None
        for w in (
            self.add_button,
            self.kind_combo,
            self.add_person_button,
            self.remove_person_button,
            self.add_room_button,
            self.remove_room_button,
            self.remove_button,
        ):
            w.setEnabled(have and not self.read_only)
        self.generate_button.setEnabled(not self.read_only)
        why = self.read_only_reason()
        for widget in self.editing_widgets():
            widget.setToolTip(why)
        for button in self.export_buttons.values():
            button.setEnabled(have)
        if current is not None:
            self.select(current.key)

    def editing_widgets(self) -> tuple[QWidget, ...]:
        """The bar's and the side pane's buttons that change the plan."""
        return (
            self.generate_button,
            self.add_button,
            self.kind_combo,
            self.remove_button,
            self.add_person_button,
            self.remove_person_button,
            self.add_room_button,
            self.remove_room_button,
        )

    def read_only_reason(self) -> str:
        """Why the plan cannot be changed here ("" when it can)."""
        if self.session.read_only:
            return self.tr("The workspace is open read-only.")
        if not self.session.manager_work:
            return self.tr("Only the compliance manager's login changes the audit plan.")
        if self.session.department_only is not None:
            return self.tr(
                "This department view shows the department's own sessions; the audit plan is"
                " changed in the whole workspace."
            )
        return ""

    def _update_summary(self, conflicts: int) -> None:
        if self.plan is None:
            self.summary.setText(self.tr("No plan yet: generate the default plan to start."))
        else:
            text = self.tr("Sessions: %n", "", len(self.plan.sessions))
            text += " · " + (
                self.tr("Conflicts: %n", "", conflicts) if conflicts else self.tr("no conflicts")
            )
            self.summary.setText(text)
        self.conflicts_label.setText(
            self.tr("Conflicts (%1)").replace("%1", str(conflicts))
            if conflicts
            else self.tr("Conflicts: none")
        )

    def selected(self) -> Session | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        value = self.sessions.data(index, pm.ObjectRole)
        return value if isinstance(value, Session) else None

    def select(self, key: str) -> bool:
        row = self.sessions.row_of(key)
        if row < 0:
            return False
        self.table.setCurrentIndex(self.sessions.index(row, pm.SESSION))
        self.table.scrollTo(self.sessions.index(row, 0))
        return True

    def _show_conflict(self, item: QListWidgetItem) -> None:
        keys = item.data(Qt.ItemDataRole.UserRole) or []
        if keys:
            self.select(keys[0])

    # --- editing -----------------------------------------------------------------------------

    def _change(self, text: str, headline: str, fn: Callable[[], Any]) -> bool:
        """Run one service edit and record it as one undo step (before/after as stored)."""
        ws = self.session.workspace
        before = service.plan_of(ws)
        try:
            fn()
        except errors.expected_types() as exc:
            if not errors.is_expected(exc):
                raise
            errors.show_error(exc, self, headline)
            self._refresh_timer.start()
            return False
        push(self.session, text, before, service.plan_of(ws))
        return True

    def _edit_session(self, key: str, column: int, value: Any) -> bool:
        field = SESSION_FIELDS.get(column)
        if field is None:
            return False
        if field in ("auditors", "attendees"):
            value = tuple(value)
        if field == "title" and self.plan is not None:
            current = self.plan.session(key)
            names = pm.PlanNames(self.plan, self._departments(), i18n.language())
            if current is not None and value == names.session(replace(current, title="")):
                value = ""  # the default title: follow the kind and department

        def edit() -> None:
            service.edit_session(
                self.session.workspace, key, lambda s: replace(s, **{field: value})
            )

        return self._change(
            self.tr("Edit session %1").replace("%1", key),
            self.tr("The session was not changed."),
            edit,
        )

    def _edit_person(self, key: str, column: int, value: Any) -> bool:
        ws = self.session.workspace
        if column == pm.NAME:
            return self._change(
                self.tr("Rename %1").replace("%1", key),
                self.tr("The name was not changed."),
                lambda: service.rename_person(ws, key, str(value)),
            )
        if column == pm.P_ESCORT:
            return self._change(
                self.tr("Escort of %1").replace("%1", key),
                self.tr("The escort was not assigned."),
                lambda: service.set_escort(ws, key, str(value)),
            )
        return False

    def _edit_room(self, key: str, _column: int, value: Any) -> bool:
        return self._change(
            self.tr("Rename %1").replace("%1", key),
            self.tr("The room was not renamed."),
            lambda: service.rename_room(self.session.workspace, key, str(value)),
        )

    def generate(self) -> bool:
        ws = self.session.workspace
        replace_existing = self.plan is not None
        if replace_existing and not self._confirm_replace():
            return False
        return self._change(
            self.tr("Generate the default plan"),
            self.tr("The plan was not generated."),
            lambda: service.generate(ws, replace_existing=replace_existing),
        )

    def _confirm_replace(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Replace the plan"),
            self.tr("Replace the current plan with the default plan? (Undo brings it back.)"),
        )
        return answer == QMessageBox.StandardButton.Yes

    def add_session(self, kind: SessionKind | None = None) -> Session | None:
        if self.plan is None:
            return None
        kind = kind or SessionKind(self.kind_combo.currentData() or SessionKind.OTHER.value)
        info = self.session.workspace.info()
        rooms = self.plan.setup.rooms
        new = Session(
            "",
            kind,
            info.audit_start,
            dt.time(8, 0),
            dt.time(8, 30),
            "" if kind is SessionKind.TOUR or not rooms else rooms[0].key,
        )
        made: list[Session] = []
        ok = self._change(
            self.tr("Add session"),
            self.tr("The session was not added."),
            lambda: made.append(service.add_session(self.session.workspace, new)),
        )
        if ok and made:
            self.refresh()
            self.select(made[0].key)
            return made[0]
        return None

    def remove_selected(self) -> bool:
        s = self.selected()
        if s is None:
            return False
        return self._change(
            self.tr("Remove session %1").replace("%1", s.key),
            self.tr("The session was not removed."),
            lambda: service.remove_session(self.session.workspace, s.key),
        )

    def _selected_of(self, table: QTableView) -> Any:
        index = table.currentIndex()
        return index.data(pm.ObjectRole) if index.isValid() else None

    def add_person(self, role: Role | None = None) -> bool:
        role = role or Role(self.role_combo.currentData() or Role.STAFF.value)
        return self._change(
            self.tr("Add person"),
            self.tr("The person was not added."),
            lambda: service.add_person(self.session.workspace, role),
        )

    def remove_selected_person(self) -> bool:
        p = self._selected_of(self.people_table)
        if p is None:
            return False
        return self._change(
            self.tr("Remove %1").replace("%1", p.key),
            self.tr("The person was not removed."),
            lambda: service.remove_person(self.session.workspace, p.key),
        )

    def add_room(self) -> bool:
        return self._change(
            self.tr("Add room"),
            self.tr("The room was not added."),
            lambda: service.add_room(self.session.workspace),
        )

    def remove_selected_room(self) -> bool:
        r = self._selected_of(self.rooms_table)
        if r is None:
            return False
        return self._change(
            self.tr("Remove %1").replace("%1", r.key),
            self.tr("The room was not removed."),
            lambda: service.remove_room(self.session.workspace, r.key),
        )

    # --- export ------------------------------------------------------------------------------

    def choose_export(self, fmt: str) -> None:
        company = self.session.workspace.info().company
        name = f"{self.tr('Audit-day plan')}-{company}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the plan"), name, EXPORT_FILTERS[fmt]
        )
        if path:
            self.export_to(fmt, Path(path))

    def export_to(self, fmt: str, path: Path) -> workers.Task:
        """Write the plan as ``fmt`` (docx, xlsx) to ``path`` in a worker; "ics" writes the
        workspace calendar: the sessions and the corrective actions' due dates."""
        ws = self.session.workspace
        lang = i18n.language()
        if fmt == "ics":
            task = calendar_export.export_calendar(self.session, path, self)
        else:
            only = self.session.department_only
            task = workers.Task(
                lambda _ctx: service.export_plan(ws, lang=lang, department=only, **{fmt: path}),
                "plan-export",
            )
            errors.watch(task, self, self.tr("The plan was not exported."))
        for button in self.export_buttons.values():
            button.setEnabled(False)
        task.finished.connect(lambda _r: self._export_done())
        task.failed.connect(lambda _e: self._export_done())
        task.finished.connect(lambda _r: self._exported(fmt, path))
        self.tasks.append(task)
        return task if fmt == "ics" else workers.start(task)

    def _export_done(self) -> None:
        for button in self.export_buttons.values():
            button.setEnabled(self.plan is not None)

    def _exported(self, fmt: str, path: Path) -> None:
        self.summary.setText(self.tr("Saved %1").replace("%1", str(path)))
        self.exported.emit(fmt, str(path))

    # --- language ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        show_scope(self.scope, self.session)
        lang = i18n.language()
        fit_columns(self.table, SCHEDULE_COLUMNS)
        self.generate_button.setText(self.tr("Generate default plan"))
        self.add_button.setText(self.tr("Add session"))
        self.remove_button.setText(self.tr("Remove session"))
        self.export_buttons["docx"].setText(self.tr("Word…"))
        self.export_buttons["xlsx"].setText(self.tr("Excel…"))
        self.export_buttons["ics"].setText(self.tr("Calendar…"))
        self.export_buttons["ics"].setToolTip(calendar_export.tool_tip())
        current = self.kind_combo.currentData()
        self.kind_combo.clear()
        for kind in SessionKind:
            self.kind_combo.addItem(KIND_TEXT[kind].get(lang), kind.value)
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(current or "other"), 0))
        current = self.role_combo.currentData()
        self.role_combo.clear()
        for role in Role:
            self.role_combo.addItem(ROLE_TEXT[role].get(lang), role.value)
        self.role_combo.setCurrentIndex(max(self.role_combo.findData(current or "staff"), 0))
        self.add_person_button.setText(self.tr("Add"))
        self.remove_person_button.setText(self.tr("Remove"))
        self.add_room_button.setText(self.tr("Add room"))
        self.remove_room_button.setText(self.tr("Remove room"))
        self.side.setTabText(0, self.tr("People"))
        self.side.setTabText(1, self.tr("Rooms"))
        for model in (self.sessions, self.people, self.rooms):
            model.retranslate()
        if self.plan is not None or self.summary.text():
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
