"""The evidence of one item: current files at the top level, their older versions beneath them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

from ipaudit.domain.model import Evidence
from ipaudit.ui.checklist.lang import fill
from ipaudit.ui.two_level_model import TOP, AnyIndex, TwoLevelModel

COL_TITLE = 0
COL_SLOT = 1
COL_NUMBER = 2
COL_VERSION = 3
COL_DATE = 4
COL_PERIOD = 5
COL_FILE = 6
COL_SIZE = 7
COL_SHA256 = 8
COL_ADDED = 9
COLUMNS = 10

EvidenceIdRole = Qt.ItemDataRole.UserRole + 1
Sha256Role = Qt.ItemDataRole.UserRole + 2  # the full SHA-256 (the column shows its first 12 digits)
CurrentRole = Qt.ItemDataRole.UserRole + 3
EvidenceRole = Qt.ItemDataRole.UserRole + 4  # the Evidence value

SHA_SHOWN = 12


@dataclass(frozen=True, slots=True)
class EvidenceRow:
    evidence: Evidence
    older: tuple[Evidence, ...] = ()  # newest first


def build_rows(evidence: Sequence[Evidence]) -> list[EvidenceRow]:
    """Current files (in the order they were added) with the chain each one replaced."""
    by_id = {e.id: e for e in evidence}
    rows: list[EvidenceRow] = []
    for ev in evidence:
        if not ev.current:
            continue
        chain: list[Evidence] = []
        seen = {ev.id}
        prev = ev.supersedes
        while prev is not None and prev in by_id and prev not in seen:
            seen.add(prev)
            chain.append(by_id[prev])
            prev = by_id[prev].supersedes
        rows.append(EvidenceRow(ev, tuple(chain)))
    return rows


def human_size(size: int) -> str:
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeSIFormat)


class EvidenceModel(TwoLevelModel):
    column_count = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[EvidenceRow] = []
        self._slot_label: Callable[[str], str] = lambda slot: slot

    # --- filling -----------------------------------------------------------------------------

    def set_rows(
        self, rows: list[EvidenceRow], slot_label: Callable[[str], str] | None = None
    ) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if slot_label is not None:
            self._slot_label = slot_label
        self.endResetModel()

    def rows(self) -> list[EvidenceRow]:
        return list(self._rows)

    def evidence_at(self, index: AnyIndex) -> Evidence | None:
        if not index.isValid():
            return None
        if index.internalId() == TOP:
            return self._rows[index.row()].evidence if index.row() < len(self._rows) else None
        parent = self._rows[int(index.internalId()) - 1]
        return parent.older[index.row()] if index.row() < len(parent.older) else None

    def index_of(self, evidence_id: int) -> QModelIndex:
        for r, row in enumerate(self._rows):
            if row.evidence.id == evidence_id:
                return self.createIndex(r, 0, TOP)
            for c, old in enumerate(row.older):
                if old.id == evidence_id:
                    return self.createIndex(c, 0, r + 1)
        return QModelIndex()

    def refresh_texts(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMNS - 1)
        if self._rows:
            self.dataChanged.emit(
                self.createIndex(0, 0, TOP),
                self.createIndex(len(self._rows) - 1, COLUMNS - 1, TOP),
            )

    # --- structure ---------------------------------------------------------------------------

    def top_count(self) -> int:
        return len(self._rows)

    def child_count(self, top: int) -> int:
        return len(self._rows[top].older)

    def header_titles(self) -> tuple[str, ...]:
        return (  # COL_TITLE … COL_ADDED
            self.tr("Title"),
            self.tr("For"),
            self.tr("Doc. No."),
            self.tr("Version"),
            self.tr("Date"),
            self.tr("Period covered"),
            self.tr("File"),
            self.tr("Size"),
            self.tr("SHA-256"),
            self.tr("Added"),
        )

    # --- data --------------------------------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        ev = self.evidence_at(index)
        if ev is None:
            return None
        col = index.column()
        if role == EvidenceIdRole:
            return ev.id
        if role == Sha256Role:
            return ev.sha256
        if role == CurrentRole:
            return ev.current
        if role == EvidenceRole:
            return ev
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(ev, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_SHA256:
                return ev.sha256
            if col == COL_TITLE:
                if not ev.current:
                    return fill(self.tr("Older version, replaced — %1"), ev.original_name)
                return ev.original_name
            return self._display(ev, col) or None
        if role == Qt.ItemDataRole.FontRole:
            if col == COL_SHA256:
                return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
            if not ev.current:
                font = QFont()
                font.setItalic(True)
                return font
        if role == Qt.ItemDataRole.ForegroundRole and not ev.current:
            return QColor(
                QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            )
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_SIZE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, ev: Evidence, col: int) -> str:
        if col == COL_TITLE:
            return ev.title
        if col == COL_SLOT:
            return self._slot_label(ev.slot)
        if col == COL_NUMBER:
            return ev.doc_number
        if col == COL_VERSION:
            return ev.version
        if col == COL_DATE:
            return ev.doc_date.isoformat() if ev.doc_date else ""
        if col == COL_PERIOD:
            if ev.period_start or ev.period_end:
                start = ev.period_start.isoformat() if ev.period_start else "…"
                end = ev.period_end.isoformat() if ev.period_end else "…"
                return f"{start} – {end}"
            return ""
        if col == COL_FILE:
            return ev.original_name
        if col == COL_SIZE:
            return human_size(ev.size)
        if col == COL_SHA256:
            return ev.sha256[:SHA_SHOWN]
        if col == COL_ADDED:
            added = ev.added_at.strftime("%Y-%m-%d %H:%M") if ev.added_at else ""
            # carried over when the next cycle started: last cycle's record, to be refreshed
            return fill(self.tr("%1 · last cycle"), added) if ev.last_cycle else added
        return ""
