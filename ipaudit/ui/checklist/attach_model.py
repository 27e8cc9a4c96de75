"""The files of a drop as a table model for the dates dialog: one line per file (its tick box and
name, then the document date and the covered period, each a date with a tick box saying whether it
is used) and under it a line with the file's note.

The model holds plain values, not widgets, so a drop of a thousand files costs a thousand small
objects; a date editor exists only while a date is being edited (see ``attach_dialog``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ipaudit.services.evidence_review import FileReview

COL_FILE, COL_DATE, COL_FROM, COL_TO = range(4)
DATE_COLUMNS = (COL_DATE, COL_FROM, COL_TO)
FIELDS = ("doc_date", "period_start", "period_end")

Index = QModelIndex | QPersistentModelIndex


class DateCell:
    """One date of a file: the day and whether it is used (ticked). An unticked date is shown
    greyed when it was found in the file (a doubtful date) or given before; otherwise the cell is
    blank and ticking it starts from today."""

    __slots__ = ("day", "on", "seen")

    def __init__(self, day: dt.date | None, shown: dt.date | None = None) -> None:
        self.on = day is not None
        self.seen = day is not None or shown is not None
        self.day = day or shown or dt.date.today()

    def text(self) -> str:
        return self.day.isoformat() if self.on or self.seen else ""

    def value(self) -> dt.date | None:
        return self.day if self.on else None


class AttachRow:
    """One file of the drop: whether it is attached, its three dates and its note."""

    __slots__ = ("dates", "include", "note", "review")

    def __init__(self, review: FileReview) -> None:
        self.review = review
        self.include = not (review.empty or review.duplicate_of or review.repeated)
        proposal = review.proposal
        # a doubtful date or period is shown, not proposed: its box stays unticked
        doubtful = proposal.doubtful if proposal.doc_date is None else None
        first, last = (
            proposal.doubtful_period
            if proposal.period_start is None and proposal.doubtful_period is not None
            else (None, None)
        )
        self.dates = (
            DateCell(proposal.doc_date, doubtful),
            DateCell(proposal.period_start, first),
            DateCell(proposal.period_end, last),
        )
        self.note = ""

    @property
    def doc_date(self) -> DateCell:
        return self.dates[0]

    @property
    def period_start(self) -> DateCell:
        return self.dates[1]

    @property
    def period_end(self) -> DateCell:
        return self.dates[2]

    def meta(self) -> dict[str, dt.date | None]:
        return {field: cell.value() for field, cell in zip(FIELDS, self.dates, strict=True)}


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class AttachModel(QAbstractTableModel):
    """Model rows 2n (file n) and 2n + 1 (its note, spanning the four columns in the view)."""

    #: a file's note changed (its text, so maybe its height); the argument is the file's number
    noteChanged = Signal(int)
    #: whether any file is ticked may have changed
    includeChanged = Signal()

    def __init__(
        self, reviews: Sequence[FileReview], note: Callable[[AttachRow], str], parent: QObject
    ) -> None:
        super().__init__(parent)
        self.rows = [AttachRow(review) for review in reviews]
        self._note = note
        self.headers = ["", "", "", ""]

    # --- reading ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2 * len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    @staticmethod
    def is_note(index: Index) -> bool:
        return index.row() % 2 == 1

    def row_of(self, index: Index) -> AttachRow:
        return self.rows[index.row() // 2]

    def cell(self, number: int, column: int) -> QModelIndex:
        """The index of file ``number``'s cell in ``column``."""
        return self.index(2 * number, column)

    def note_index(self, number: int) -> QModelIndex:
        return self.index(2 * number + 1, 0)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row() // 2]
        column = index.column()
        if index.row() % 2:
            if column == COL_FILE and role == Qt.ItemDataRole.DisplayRole:
                return row.note
            return None
        if column == COL_FILE:
            if role == Qt.ItemDataRole.DisplayRole:
                return row.review.path.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return str(row.review.path)
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if row.include else Qt.CheckState.Unchecked
            return None
        cell = row.dates[column - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell.text()
        if role == Qt.ItemDataRole.EditRole:
            return _qdate(cell.day)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if cell.on else Qt.CheckState.Unchecked
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid() or index.row() % 2:
            return (
                Qt.ItemFlag.ItemIsEnabled if index.column() == COL_FILE else Qt.ItemFlag.NoItemFlags
            )
        usable = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == COL_FILE:
            return usable | Qt.ItemFlag.ItemIsUserCheckable
        row = self.rows[index.row() // 2]
        if not row.include:  # a file left out: its dates are greyed and cannot be changed
            return Qt.ItemFlag.NoItemFlags
        flags = usable | Qt.ItemFlag.ItemIsUserCheckable
        if row.dates[index.column() - 1].on:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    # --- changing --------------------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.row() % 2:
            return False
        number = index.row() // 2
        row = self.rows[number]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole:
            on = Qt.CheckState(value) == Qt.CheckState.Checked
            if column == COL_FILE:
                if on == row.include:
                    return True
                row.include = on
                # the dates follow: enabled or not
                self.dataChanged.emit(index, self.cell(number, COL_TO))
                self.includeChanged.emit()
                return True
            cell = row.dates[column - 1]
            if not row.include or on == cell.on:
                return on == cell.on
            cell.on = on
            cell.seen = True
        elif role == Qt.ItemDataRole.EditRole and column in DATE_COLUMNS:
            day = value.toPython() if isinstance(value, QDate) else value
            if not isinstance(day, dt.date) or not row.include:
                return False
            cell = row.dates[column - 1]
            cell.day, cell.on, cell.seen = day, True, True  # a date typed in is a date used
        else:
            return False
        self.dataChanged.emit(index, index)
        self._refresh_note(number)
        return True

    def set_header_labels(self, labels: Sequence[str]) -> None:
        self.headers = list(labels)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)

    def refresh_notes(self) -> None:
        """Every note again (after the language changed)."""
        for row in self.rows:
            row.note = self._note(row)
        if self.rows:
            self.dataChanged.emit(self.note_index(0), self.note_index(len(self.rows) - 1))

    def _refresh_note(self, number: int) -> None:
        row = self.rows[number]
        note = self._note(row)
        if note != row.note:
            row.note = note
            index = self.note_index(number)
            self.dataChanged.emit(index, index)
            self.noteChanged.emit(number)
