"""The objectives list: measurable target, unit, year, the split by department and its sum check."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from ipaudit.domain.model import Objective, Text
from ipaudit.domain.objectives import SplitState, check_split, fmt_number
from ipaudit.ui.facts.cell_values import BadValue, parse_decimal, parse_year
from ipaudit.ui.findings.language import pick, short_name
from ipaudit.ui.table_model import Index, RowsTableModel

TEXT, TARGET, UNIT, YEAR = range(4)
FIRST_SPLIT = 4

MISMATCH_BACKGROUND = QColor("#fde4e1")
MISMATCH_FOREGROUND = QColor("#b71c1c")
MUTED_FOREGROUND = QColor("#757575")
MATCH_FOREGROUND = QColor("#2e7d32")

#: the row's ``SplitCheck``
SplitCheckRole = Qt.ItemDataRole.UserRole + 1
#: the department key of a split column
DepartmentKeyRole = Qt.ItemDataRole.UserRole + 2


class ObjectivesModel(RowsTableModel[Objective]):
    """One row per objective; one column per department for its share; the last column checks the sum.

    Edits change the rows and emit ``objectivesEdited``; the editor turns that into an undoable
    facts edit. ``set_rows`` with what is already shown changes nothing (no reset under the editor).
    """

    objectivesEdited = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._departments: list[tuple[str, Text]] = []
        self._read_only = False
        # a department column's header as the view lays it out (two lines when it is long)
        self._header_texts: dict[int, str] = {}

    # --- filling -----------------------------------------------------------------------------

    def set_rows(  # type: ignore[override]  # it takes more than the rows (see table_model)
        self,
        objectives: Sequence[Objective],
        departments: Sequence[tuple[str, Text]],
        *,
        read_only: bool = False,
    ) -> None:
        """Objectives and the department columns (key, name); keys found in a split but not in
        ``departments`` get a column of their own so nothing that is summed stays hidden."""
        deps = list(departments)
        known = {k for k, _ in deps}
        for obj in objectives:
            for key in obj.split:
                if key not in known:
                    deps.append((key, Text(key, key)))
                    known.add(key)
        rows = list(objectives)
        if rows == self._rows and deps == self._departments and read_only == self._read_only:
            return
        self.beginResetModel()
        self._rows = rows
        self._departments = deps
        self._read_only = read_only
        self._header_texts = {}
        self.endResetModel()

    def objectives(self) -> tuple[Objective, ...]:
        return tuple(self._rows)

    def department_keys(self) -> list[str]:
        return [k for k, _ in self._departments]

    @property
    def check_column(self) -> int:
        return FIRST_SPLIT + len(self._departments)

    def department_header(self, section: int) -> str:
        """The department's short name over its share column (one line)."""
        return short_name(pick(self._departments[section - FIRST_SPLIT][1]))

    def set_header_texts(self, texts: dict[int, str]) -> None:
        """Header texts the view chose for department columns (e.g. wrapped into two lines)."""
        if texts != self._header_texts:
            self._header_texts = dict(texts)
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def split_column(self, department: str) -> int:
        """The column of a department's share (-1 when it has none)."""
        keys = self.department_keys()
        return FIRST_SPLIT + keys.index(department) if department in keys else -1

    def add_objective(self) -> int:
        """Append an empty objective with a fresh key; returns its row."""
        used = {o.key for o in self._rows}
        n = len(self._rows) + 1
        while f"objective_{n}" in used:
            n += 1
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(Objective(f"objective_{n}", "", Decimal(0), "", {}, None))
        self.endInsertRows()
        self.objectivesEdited.emit()
        return row

    def remove_objective(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
            self.objectivesEdited.emit()

    # --- QAbstractTableModel -----------------------------------------------------------------

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIRST_SPLIT + len(self._departments) + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            fixed = (self.tr("Objective"), self.tr("Target"), self.tr("Unit"), self.tr("Year"))
            if section < FIRST_SPLIT:
                return fixed[section]
            if section == self.check_column:
                return self.tr("Sum check")
            return self._header_texts.get(section) or self.department_header(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            if FIRST_SPLIT <= section < self.check_column:
                name = pick(self._departments[section - FIRST_SPLIT][1])
                return self.tr("Share of %1 (empty: no share)").replace("%1", name)
            if section == self.check_column:
                return self.tr(
                    "The department shares must add up to the target; percentages are not summed"
                )
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._read_only or index.column() == self.check_column:
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        obj = self._rows[index.row()]
        col = index.column()
        check = check_split(obj, self.department_keys())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(obj, col, check, role == Qt.ItemDataRole.EditRole)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.check_column:
                return self._check_tooltip(obj, check.state, check.total)
            return self._text(obj, col, check, False) or None
        if role == Qt.ItemDataRole.BackgroundRole and check.state is SplitState.MISMATCH:
            return MISMATCH_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole:
            if check.state is SplitState.MISMATCH and col in (TARGET, self.check_column):
                return MISMATCH_FOREGROUND
            if col == self.check_column:
                return MATCH_FOREGROUND if check.state is SplitState.MATCHES else MUTED_FOREGROUND
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col not in (TEXT, UNIT):
            align = Qt.AlignmentFlag.AlignVCenter
            if col == self.check_column:
                return align | Qt.AlignmentFlag.AlignLeft
            return align | Qt.AlignmentFlag.AlignRight
        if role == SplitCheckRole:
            return check
        if role == DepartmentKeyRole and FIRST_SPLIT <= col < self.check_column:
            return self._departments[col - FIRST_SPLIT][0]
        return None

    def _text(self, obj: Objective, col: int, check: Any, edit: bool) -> str:
        if col == TEXT:
            return obj.text
        if col == TARGET:
            return fmt_number(obj.target)
        if col == UNIT:
            return obj.unit
        if col == YEAR:
            return str(obj.year) if obj.year is not None else ""
        if col == self.check_column:
            if check.state is SplitState.NOT_SUMMED:
                return self.tr("rate, not summed")
            if check.state is SplitState.MATCHES:
                return f"{check.formula} ✓"
            return check.formula
        share = obj.split.get(self._departments[col - FIRST_SPLIT][0])
        return fmt_number(share) if share is not None else ""

    def _check_tooltip(self, obj: Objective, state: SplitState, total: Decimal) -> str:
        if state is SplitState.MISMATCH:
            return (
                self.tr("The department shares add up to %1, not the target %2")
                .replace("%1", fmt_number(total))
                .replace("%2", fmt_number(obj.target))
            )
        if state is SplitState.NOT_SUMMED:
            return self.tr("A rate: every department carries it; the shares are not added up")
        if state is SplitState.EMPTY:
            return self.tr("Not split by department yet")
        return self.tr("The department shares add up to the target")

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        row, col = index.row(), index.column()
        obj = self._rows[row]
        text = "" if value is None else str(value)
        try:
            new = self._edited(obj, col, text)
        except BadValue:
            return False
        if new is None or new == obj:
            return new is not None
        self._rows[row] = new
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.check_column))
        self.objectivesEdited.emit()
        return True

    def _edited(self, obj: Objective, col: int, text: str) -> Objective | None:
        if col == TEXT:
            return replace(obj, text=text.strip())
        if col == TARGET:
            target = parse_decimal(text, units=(obj.unit,) if obj.unit else ())
            return None if target is None else replace(obj, target=target)
        if col == UNIT:
            return replace(obj, unit=text.strip())
        if col == YEAR:
            return replace(obj, year=parse_year(text))
        key = self._departments[col - FIRST_SPLIT][0]
        share = parse_decimal(text, units=(obj.unit,) if obj.unit else ())
        split = dict(obj.split)
        if share is None:
            split.pop(key, None)
        else:
            split[key] = share
        return replace(obj, split=split)


def two_lines(text: str, width: Callable[[str], int], limit: int) -> str:
    """``text`` as it best fits a column ``limit`` wide: one line when it fits, else two lines of
    about equal width (broken at a space when the text has spaces, anywhere in Chinese)."""
    text = text.strip()
    if width(text) <= limit or len(text) < 2:
        return text
    words = text.split(" ")
    if len(words) > 1:
        cuts = [(" ".join(words[:n]), " ".join(words[n:])) for n in range(1, len(words))]
    else:
        cuts = [(text[:n], text[n:]) for n in range(1, len(text))]
    first, second = min(cuts, key=lambda c: (max(width(c[0]), width(c[1])), len(c[1])))
    return f"{first}\n{second}"
