"""Thin table models over the audit-day plan: the schedule (one row per session), the people and
the rooms. They show what the services read; an edit is handed to ``on_edit`` (the view), which
stores it through the services and refreshes the models."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ipaudit.domain.audit_plan import (
    ROLE_TEXT,
    AuditPlan,
    Conflict,
    Person,
    Role,
    Room,
    Session,
    escorts_of,
    person_name,
    room_name,
    session_title,
)
from ipaudit.ui.table_model import RowsTableModel

Index = QModelIndex | QPersistentModelIndex
#: the session / person / room a row shows
ObjectRole = Qt.ItemDataRole.UserRole + 1

CONFLICT_BRUSH = QBrush(QColor("#FFD7D7"))
EditFn = Callable[[str, int, Any], bool]

DAY, START, END, ROOM, SESSION, DEPARTMENT, AUDITORS, ESCORTS, ATTENDEES = range(9)


class PlanNames:
    """Names in the UI language for one plan."""

    def __init__(self, plan: AuditPlan, departments: dict[str, str], lang: str) -> None:
        self.plan = plan
        self.departments = departments
        self.lang = lang

    def person(self, key: str) -> str:
        return person_name(self.plan.setup.person(key), self.lang, self.departments, key)

    def people(self, keys: Sequence[str]) -> str:
        return ("、" if self.lang != "en" else ", ").join(self.person(k) for k in keys)

    def room(self, key: str) -> str:
        return room_name(self.plan.setup.room(key), self.lang, key) if key else ""

    def session(self, s: Session) -> str:
        return session_title(s, self.lang, self.departments)

    def role(self, p: Person) -> str:
        return ROLE_TEXT[p.role].get(self.lang)


class SessionsModel(RowsTableModel[Session]):
    column_count = 9

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.names: PlanNames | None = None
        self.conflicts: dict[str, list[Conflict]] = {}
        self.on_edit: EditFn | None = None
        self.read_only = False

    def set_plan(
        self, plan: AuditPlan | None, names: PlanNames | None, conflicts: Sequence[Conflict]
    ) -> None:
        self.beginResetModel()
        self.names = names
        self._rows = plan.ordered() if plan is not None else []
        self.conflicts = {}
        for c in conflicts:
            for key in c.sessions:
                self.conflicts.setdefault(key, []).append(c)
        self.endResetModel()

    def session(self, row: int) -> Session:
        return self._rows[row]

    def row_of(self, key: str) -> int:
        return next((n for n, s in enumerate(self._rows) if s.key == key), -1)

    def header_titles(self) -> Sequence[str]:
        return (
            self.tr("Date"),
            self.tr("Start"),
            self.tr("End"),
            self.tr("Room"),
            self.tr("Session"),
            self.tr("Department"),
            self.tr("Auditors"),
            self.tr("Escorts"),
            self.tr("Must attend"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.names is None:
            return None
        s = self._rows[index.row()]
        col = index.column()
        names = self.names
        if role == ObjectRole:
            return s
        if role == Qt.ItemDataRole.BackgroundRole:
            return CONFLICT_BRUSH if s.key in self.conflicts else None
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text, then the conflicts
            found = self.conflicts.get(s.key, [])
            lines = [self.data(index, Qt.ItemDataRole.DisplayRole)]
            lines += [c.message.get(names.lang) for c in found]
            return "\n".join(line for line in lines if line) or None
        if role == Qt.ItemDataRole.EditRole:
            return {
                DAY: s.day,
                START: s.start,
                END: s.end,
                ROOM: s.room,
                SESSION: names.session(s),
                DEPARTMENT: s.department,
                AUDITORS: list(s.auditors),
                ESCORTS: escorts_of(names.plan, s),
                ATTENDEES: list(s.attendees),
            }[col]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                DAY: s.day.isoformat(),
                START: f"{s.start:%H:%M}",
                END: f"{s.end:%H:%M}",
                ROOM: names.room(s.room),
                SESSION: names.session(s),
                DEPARTMENT: names.departments.get(s.department, s.department),
                AUDITORS: names.people(s.auditors),
                ESCORTS: names.people(escorts_of(names.plan, s)),
                ATTENDEES: names.people(s.attendees),
            }[col]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.read_only or index.column() == ESCORTS:
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.on_edit is None:
            return False
        if self.data(index, Qt.ItemDataRole.EditRole) == value:
            return False
        return self.on_edit(self._rows[index.row()].key, index.column(), value)


NAME, P_ROLE, P_DEPARTMENT, P_ESCORT = range(4)


class PeopleModel(RowsTableModel[Person]):
    column_count = 4

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.names: PlanNames | None = None
        self.on_edit: EditFn | None = None
        self.read_only = False

    def set_plan(self, plan: AuditPlan | None, names: PlanNames | None) -> None:
        self.beginResetModel()
        self.names = names
        order = list(Role)
        people = plan.setup.people if plan is not None else ()
        self._rows = sorted(people, key=lambda p: (order.index(p.role), p.key))
        self.endResetModel()

    def person(self, row: int) -> Person:
        return self._rows[row]

    def row_of(self, key: str) -> int:
        return next((n for n, p in enumerate(self._rows) if p.key == key), -1)

    def header_titles(self) -> Sequence[str]:
        return (self.tr("Name"), self.tr("Role"), self.tr("Department"), self.tr("Escort"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.names is None:
            return None
        p = self._rows[index.row()]
        names = self.names
        col = index.column()
        if role == ObjectRole:
            return p
        escort = names.plan.setup.escorts.get(p.key, "") if p.role is Role.AUDITOR else ""
        if role == Qt.ItemDataRole.EditRole:
            return {
                NAME: p.name,
                P_ROLE: p.role.value,
                P_DEPARTMENT: p.department,
                P_ESCORT: escort,
            }[col]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):  # tip: elided
            return {
                NAME: names.person(p.key),
                P_ROLE: names.role(p),
                P_DEPARTMENT: names.departments.get(p.department, p.department),
                P_ESCORT: names.person(escort) if escort else "",
            }[col]
        if role == Qt.ItemDataRole.ForegroundRole and col == NAME and not p.name:
            return QBrush(QColor("#808080"))  # a role shown until a name is written
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        editable = index.column() == NAME or (
            index.column() == P_ESCORT and self._rows[index.row()].role is Role.AUDITOR
        )
        return base | Qt.ItemFlag.ItemIsEditable if editable and not self.read_only else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.on_edit is None:
            return False
        if self.data(index, Qt.ItemDataRole.EditRole) == value:
            return False
        return self.on_edit(self._rows[index.row()].key, index.column(), value)


class RoomsModel(RowsTableModel[Room]):
    column_count = 1

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.lang = "zh"
        self.on_edit: EditFn | None = None
        self.read_only = False

    def set_plan(self, plan: AuditPlan | None, lang: str) -> None:
        self.beginResetModel()
        self.lang = lang
        self._rows = list(plan.setup.rooms) if plan is not None else []
        self.endResetModel()

    def room(self, row: int) -> Room:
        return self._rows[row]

    def header_titles(self) -> Sequence[str]:
        return (self.tr("Room"),)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self._rows[index.row()]
        if role == ObjectRole:
            return r
        if role == Qt.ItemDataRole.EditRole:
            return r.name
        if role == Qt.ItemDataRole.DisplayRole:
            return room_name(r, self.lang)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base if self.read_only else base | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.on_edit is None:
            return False
        if self.data(index, Qt.ItemDataRole.EditRole) == value:
            return False
        return self.on_edit(self._rows[index.row()].key, 0, value)


def as_date(value: Any) -> dt.date:
    """A QDate or a date as a date."""
    if isinstance(value, dt.date):
        return value
    return dt.date(value.year(), value.month(), value.day())


def as_time(value: Any) -> dt.time:
    if isinstance(value, dt.time):
        return value
    return dt.time(value.hour(), value.minute())
