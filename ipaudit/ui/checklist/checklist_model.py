"""A department's checklist as a tree: clause groups, then the items of each clause.

Rows are plain values built in one pass from one read of states, evidence and findings; edits and
fresh findings change data in place (``dataChanged``) so selection and expansion survive.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from ipaudit.domain.checks import worst_grade
from ipaudit.domain.model import ClauseDef, Finding, Grade, Item, ItemState, Status, Text
from ipaudit.domain.readiness import effective_status
from ipaudit.ui.checklist.icons import clause_icon
from ipaudit.ui.checklist.lang import fill, text_of
from ipaudit.ui.checklist.terms import grade_name, kind_name, status_name
from ipaudit.ui.icons import grade_icon, status_icon
from ipaudit.ui.two_level_model import TOP, AnyIndex, TwoLevelModel

COL_TITLE = 0
COL_GRADE = 1
COL_EVIDENCE = 2
COLUMNS = 3

ItemKeyRole = Qt.ItemDataRole.UserRole + 1  # str; "" for a clause group
BlockingRole = Qt.ItemDataRole.UserRole + 2  # bool: a finding that blocks certification
SearchRole = Qt.ItemDataRole.UserRole + 3  # normalised text the search box matches
StatusRole = Qt.ItemDataRole.UserRole + 4  # Status value, e.g. "ready" (items only)
GradeRole = Qt.ItemDataRole.UserRole + 5  # worst open Grade value ("major"…) or None
EvidenceCountRole = Qt.ItemDataRole.UserRole + 6  # int

_GROUP = TOP  # internal id of a group row; item rows carry their group's row + 1


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


@dataclass(slots=True)
class ItemRow:
    item: Item
    state: ItemState
    evidence: int = 0
    findings: tuple[Finding, ...] = ()
    mandatory: bool = False  # cannot be not applicable
    worst: Grade | None = field(init=False, default=None)  # worst open finding
    blocking: bool = field(init=False, default=False)

    def __post_init__(self) -> None:
        self.set_findings(self.findings)

    def set_findings(self, findings: tuple[Finding, ...]) -> None:
        self.findings = findings
        self.worst = worst_grade(findings)
        self.blocking = any(f.blocking for f in findings)

    @property
    def key(self) -> str:
        return self.item.key

    @property
    def status(self) -> Status:
        """The status shown and counted: never ready while a blocking finding is open."""
        return effective_status(self.state, self.findings, mandatory=self.mandatory)

    @property
    def applicable(self) -> bool:
        return self.status is not Status.NOT_APPLICABLE


@dataclass(slots=True)
class ClauseGroup:
    ref: str
    title: Text
    confirmed: bool = True
    rows: list[ItemRow] = field(default_factory=list)
    search: str = ""

    @property
    def worst(self) -> Grade | None:
        grades = [r.worst for r in self.rows if r.worst is not None]
        return min(grades, key=lambda g: g.rank) if grades else None


def _clause_key(ref: str) -> tuple[tuple[int, int | str], ...]:
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in ref.split("."))


def build_groups(
    items: Sequence[Item],
    clauses: Sequence[ClauseDef],
    states: Mapping[str, ItemState],
    evidence_counts: Mapping[str, int],
    findings: Mapping[str, Sequence[Finding]],
    mandatory: Collection[str] = (),
) -> list[ClauseGroup]:
    """Group ``items`` by clause in clause order (one pass, no reads); ``mandatory``: the keys of
    the items that cannot be not applicable."""
    defs = {c.ref: c for c in clauses}
    order = {c.ref: i for i, c in enumerate(clauses)}
    groups: dict[str, ClauseGroup] = {}
    for item in items:
        group = groups.get(item.clause)
        if group is None:
            c = defs.get(item.clause)
            title = c.title if c else Text(item.clause, item.clause)
            group = ClauseGroup(item.clause, title, c.confirmed if c else True)
            group.search = normalise(f"{item.clause} {title.zh} {title.en}")
            groups[item.clause] = group
        group.rows.append(
            ItemRow(
                item,
                states.get(item.key) or ItemState(item.key),
                evidence_counts.get(item.key, 0),
                tuple(findings.get(item.key, ())),
                item.key in mandatory,
            )
        )
    return sorted(groups.values(), key=lambda g: (order.get(g.ref, len(order)), _clause_key(g.ref)))


class ChecklistModel(TwoLevelModel):
    column_count = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._groups: list[ClauseGroup] = []
        self._where: dict[str, tuple[int, int]] = {}  # item key -> (group row, item row)

    # --- filling -----------------------------------------------------------------------------

    def set_groups(self, groups: list[ClauseGroup]) -> None:
        """Show ``groups``; the same items in the same places only change data."""
        where = {r.key: (g, i) for g, group in enumerate(groups) for i, r in enumerate(group.rows)}
        same = where == self._where and [g.ref for g in groups] == [g.ref for g in self._groups]
        if same and groups:
            self._groups = groups
            self._all_changed()
            return
        self.beginResetModel()
        self._groups = groups
        self._where = where
        self.endResetModel()

    def update_item(self, key: str, state: ItemState, evidence: int) -> None:
        pos = self._where.get(key)
        if pos is None:
            return
        row = self._groups[pos[0]].rows[pos[1]]
        row.state = state
        row.evidence = evidence
        self._row_changed(*pos)

    def set_findings(self, by_item: Mapping[str, Sequence[Finding]]) -> None:
        for group in self._groups:
            for row in group.rows:
                row.set_findings(tuple(by_item.get(row.key, ())))
        self._all_changed()

    def refresh_texts(self) -> None:
        """The UI language changed: every text is re-read."""
        self._all_changed()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)

    def groups(self) -> list[ClauseGroup]:
        return self._groups

    def item_keys(self) -> list[str]:
        return [r.key for g in self._groups for r in g.rows]

    def row_for(self, key: str) -> ItemRow | None:
        pos = self._where.get(key)
        return self._groups[pos[0]].rows[pos[1]] if pos else None

    def index_of(self, key: str, column: int = COL_TITLE) -> QModelIndex:
        pos = self._where.get(key)
        if pos is None:
            return QModelIndex()
        return self.createIndex(pos[1], column, pos[0] + 1)

    def _row_changed(self, g: int, i: int) -> None:
        self.dataChanged.emit(
            self.createIndex(i, 0, g + 1), self.createIndex(i, COLUMNS - 1, g + 1)
        )
        self.dataChanged.emit(
            self.createIndex(g, 0, _GROUP), self.createIndex(g, COLUMNS - 1, _GROUP)
        )

    def _all_changed(self) -> None:
        if not self._groups:
            return
        last = len(self._groups) - 1
        self.dataChanged.emit(
            self.createIndex(0, 0, _GROUP), self.createIndex(last, COLUMNS - 1, _GROUP)
        )
        for g, group in enumerate(self._groups):
            if group.rows:
                self.dataChanged.emit(
                    self.createIndex(0, 0, g + 1),
                    self.createIndex(len(group.rows) - 1, COLUMNS - 1, g + 1),
                )

    # --- structure ---------------------------------------------------------------------------

    def top_count(self) -> int:
        return len(self._groups)

    def child_count(self, top: int) -> int:
        return len(self._groups[top].rows)

    def header_titles(self) -> tuple[str, ...]:
        return (self.tr("Item"), self.tr("Finding"), self.tr("Files"))  # COL_TITLE … COL_EVIDENCE

    # --- data --------------------------------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            if index.row() >= len(self._groups):
                return None
            return self._group_data(self._groups[index.row()], index.column(), role)
        g = int(index.internalId()) - 1
        if g >= len(self._groups) or index.row() >= len(self._groups[g].rows):
            return None
        return self._item_data(
            self._groups[g], self._groups[g].rows[index.row()], index.column(), role
        )

    def _group_data(self, group: ClauseGroup, col: int, role: int) -> Any:
        if role == ItemKeyRole:
            return ""
        if role == SearchRole:
            return group.search
        if role == BlockingRole:
            return any(r.blocking for r in group.rows)
        if role == GradeRole:
            return group.worst.value if group.worst else None
        if role == EvidenceCountRole:
            return sum(r.evidence for r in group.rows)
        if col == COL_TITLE:
            if role == Qt.ItemDataRole.DisplayRole:
                applicable = [r for r in group.rows if r.applicable]
                ready = sum(1 for r in applicable if r.status is Status.READY)
                count = f"{ready}/{len(applicable)}" if applicable else "—"
                return f"{group.ref}  {text_of(group.title)}  ({count})"
            if role == Qt.ItemDataRole.DecorationRole:
                return clause_icon()
            if role == Qt.ItemDataRole.ToolTipRole and not group.confirmed:
                return self.tr(
                    "Clause number or title not confirmed against the published standard"
                )
        if col == COL_GRADE:
            worst = group.worst
            if role == Qt.ItemDataRole.DecorationRole and worst is not None:
                return grade_icon(worst)
            if role == Qt.ItemDataRole.ToolTipRole and worst is not None:
                return grade_name(worst)
        return None

    def _item_data(self, group: ClauseGroup, row: ItemRow, col: int, role: int) -> Any:
        if role == ItemKeyRole:
            return row.key
        if role == SearchRole:
            t = row.item.title
            return f"{group.search} {normalise(f'{row.key} {t.zh} {t.en}')}"
        if role == BlockingRole:
            return row.blocking
        if role == StatusRole:
            return row.status.value
        if role == GradeRole:
            worst = row.worst
            return worst.value if worst else None
        if role == EvidenceCountRole:
            return row.evidence
        if col == COL_TITLE:
            if role == Qt.ItemDataRole.DisplayRole:
                return text_of(row.item.title)
            if role == Qt.ItemDataRole.DecorationRole:
                return status_icon(row.status)
            if role == Qt.ItemDataRole.ToolTipRole:
                tip = fill(
                    "%1\n%2 · %3 · %4",
                    text_of(row.item.title),
                    row.key,
                    kind_name(row.item.kind),
                    status_name(row.status),
                )
                if row.status is not row.state.status:
                    tip += "\n" + self.tr(
                        "Marked %1, but a blocking finding is still open"
                    ).replace("%1", status_name(row.state.status))
                return tip
        elif col == COL_GRADE:
            worst = row.worst
            open_findings = [f for f in row.findings if f.accepted is None]
            if role == Qt.ItemDataRole.DecorationRole and worst is not None:
                return grade_icon(worst)
            if role == Qt.ItemDataRole.DisplayRole and len(open_findings) > 1:
                return str(len(open_findings))
            if role == Qt.ItemDataRole.ToolTipRole and open_findings:
                return "\n".join(
                    f"{grade_name(f.grade)}: {text_of(f.message)}" for f in open_findings
                )
        elif col == COL_EVIDENCE:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(row.evidence) if row.evidence else ""
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("%n current file(s)", "", row.evidence)
        return None
