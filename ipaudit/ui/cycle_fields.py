"""The date fields of an audit cycle, shared by the workspace information dialog and the
new-workspace wizard: a date edit, a date that may be left undeclared, and the period that
follows the audit type's default (``cycle.default_period``) until the user edits it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from ipaudit.domain.cycle import default_period
from ipaudit.domain.model import WorkspaceInfo


def qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def pydate(d: QDate) -> dt.date:
    return dt.date(d.year(), d.month(), d.day())


def date_edit(name: str, value: dt.date) -> QDateEdit:
    edit = QDateEdit(qdate(value))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setMinimumDate(QDate(1950, 1, 1))
    edit.setMaximumDate(QDate(2100, 12, 31))
    return edit


class OptionalDate(QWidget):
    """A date that may be left undeclared: a check box enables the date."""

    def __init__(self, name: str, value: dt.date | None, fallback: dt.date) -> None:
        super().__init__()
        self.setObjectName(name)
        self.declared = QCheckBox()
        self.declared.setObjectName(f"{name}Declared")
        self.edit = date_edit(f"{name}Edit", value or fallback)
        self.declared.setChecked(value is not None)
        self.edit.setEnabled(value is not None)
        self.declared.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.declared)
        layout.addWidget(self.edit, 1)

    def value(self) -> dt.date | None:
        return pydate(self.edit.date()) if self.declared.isChecked() else None

    def set_value(self, value: dt.date | None) -> None:
        self.declared.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(qdate(value))


class DefaultPeriod:
    """Mixin for a form with ``period_start``/``period_end`` edits: the period follows the audit
    type's default while the dates that drive it change, until the user edits the period itself.
    The form sets ``_period_touched`` and ``_updating`` to False and provides ``info()`` and
    ``_check()``."""

    period_start: QDateEdit
    period_end: QDateEdit
    _period_touched: bool
    _updating: bool

    def info(self) -> WorkspaceInfo:
        raise NotImplementedError

    def _check(self) -> None:
        raise NotImplementedError

    def use_default_period(self) -> None:
        """Set the period the audit type asks for; from now on it follows the dates again."""
        start, end = default_period(self.info())
        self._updating = True
        try:
            self.period_start.setDate(qdate(start))
            self.period_end.setDate(qdate(end))
        finally:
            self._updating = False
        self._period_touched = False
        self._check()

    def _driver_changed(self) -> None:
        if not self._period_touched and not self._updating:
            self.use_default_period()
        self._check()

    def _period_edited(self) -> None:
        if not self._updating:
            self._period_touched = True
        self._check()
