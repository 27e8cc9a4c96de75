"""The declared new hires and core leavers of the period: name, kind, department, date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal

from ipaudit.domain.model import Person, PersonKind
from ipaudit.errors import UserError
from ipaudit.services.people import check_department, kind_from_text
from ipaudit.ui.table_model import EditableRowsModel, Index

NAME, KIND, DEPARTMENT, DATE = range(4)
COLUMNS = 4


def parse_day(text: str) -> dt.date | None:
    """A typed date (2026-03-02, 2026/3/2, 2026年3月2日); raises ValueError when unreadable."""
    from ipaudit.ledger.normalize import NormalizeError, parse_date_text

    try:
        return parse_date_text(text)
    except NormalizeError as exc:
        raise ValueError(str(exc)) from exc


class PeopleModel(EditableRowsModel[Person]):
    """One row per person; every cell is edited as text and checked before it is taken."""

    peopleEdited = Signal()
    column_count = COLUMNS
    translated_columns = (KIND, KIND)

    def set_people(self, people: Sequence[Person], *, read_only: bool = False) -> None:
        rows = list(people)
        if rows == self._rows and read_only == self._read_only:
            return
        self.beginResetModel()
        self._rows = rows
        self._read_only = read_only
        self.endResetModel()

    def people(self) -> tuple[Person, ...]:
        """The declared people (rows still without a name are not declared yet)."""
        return tuple(p for p in self._rows if p.name.strip())

    def add_person(self, kind: PersonKind = PersonKind.HIRE) -> int:
        return self._append_row(Person("", kind))

    def remove_person(self, row: int) -> None:
        if self._remove_row(row):
            self.peopleEdited.emit()

    def kind_text(self, kind: PersonKind) -> str:
        return self.tr("New hire") if kind is PersonKind.HIRE else self.tr("Core leaver")

    # --- QAbstractTableModel -----------------------------------------------------------------

    def header_titles(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Hire or leaver"), self.tr("Department"), self.tr("Date"))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        person = self._rows[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        col = index.column()
        if col == NAME:
            return person.name
        if col == KIND:
            return self.kind_text(person.kind)
        if col == DEPARTMENT:
            return person.department
        return person.date.isoformat() if person.date else ""

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        row, col = index.row(), index.column()
        person = self._rows[row]
        text = ("" if value is None else str(value)).strip()
        if col == NAME:
            new = replace(person, name=text)
        elif col == KIND:
            kind = kind_from_text(text)
            if kind is None:
                return False
            new = replace(person, kind=kind)
        elif col == DEPARTMENT:
            try:  # the check of ``people add --department``: a name or key, never a path
                new = replace(person, department=check_department(text))
            except UserError:
                return False
        else:
            try:
                new = replace(person, date=parse_day(text) if text else None)
            except ValueError:
                return False
        if new == person:
            return True
        self._rows[row] = new
        self.dataChanged.emit(index, index)
        self.peopleEdited.emit()
        return True
