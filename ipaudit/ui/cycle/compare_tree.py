"""What changed since last year, as a tree: one branch per kind of change (information, facts,
departments, item status, evidence), each row what changed, last cycle's value and this one's."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from ipaudit.domain.model import Status, Text
from ipaudit.export.i18n import STATUS_TEXT
from ipaudit.services.cycle_compare import CycleComparison
from ipaudit.ui.findings.language import pick


class CompareTree(QTreeWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cycleCompareTree")
        self.setColumnCount(3)
        self.setAlternatingRowColors(True)
        self.setUniformRowHeights(True)
        header = self.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.comparison: CycleComparison | None = None
        #: (item title, why its records no longer cover the period) kept when the cycle started
        self.refresh: list[tuple[Text, Text]] = []
        self.retranslate_ui()

    def set_refresh(self, rows: list[tuple[Text, Text]]) -> None:
        self.refresh = rows
        self.show_comparison(self.comparison)

    def show_comparison(self, comparison: CycleComparison | None) -> None:
        self.comparison = comparison
        self.clear()
        if self.refresh:
            needs = pick(STATUS_TEXT[Status.NEEDS_REFRESH])
            self._branch(
                self.tr("Items that need this cycle's records"),
                [(pick(title), pick(why), needs) for title, why in self.refresh],
            )
        if comparison is None:
            self._fit()
            return
        sections = (
            (
                self.tr("Workspace information"),
                [(pick(c.label), c.old, c.new) for c in comparison.info],
            ),
            (self.tr("Facts"), [(pick(c.label), c.old, c.new) for c in comparison.facts]),
            (
                self.tr("Departments"),
                [(pick(c.label), c.old, c.new) for c in comparison.departments],
            ),
            (
                self.tr("Item status"),
                [
                    (pick(s.title), pick(STATUS_TEXT[s.old]), pick(STATUS_TEXT[s.new]))
                    for s in comparison.statuses
                ],
            ),
            (
                self.tr("Evidence"),
                [
                    (
                        pick(e.title),
                        "、".join(e.removed) or "-",
                        "、".join(e.added) or "-",
                    )
                    for e in comparison.evidence
                ],
            ),
        )
        for title, rows in sections:
            self._branch(title, rows)
        self._fit()

    def _fit(self) -> None:
        """What at most 360 pixels, last cycle's value at most 480; this cycle's takes the rest."""
        for column, widest in ((0, 360), (1, 480)):
            self.resizeColumnToContents(column)
            self.setColumnWidth(column, min(self.columnWidth(column), widest))

    def _branch(self, title: str, rows: list[tuple[str, str, str]]) -> QTreeWidgetItem:
        branch = QTreeWidgetItem(self, [f"{title} ({len(rows)})", "", ""])
        font = branch.font(0)
        font.setBold(True)
        branch.setFont(0, font)
        for what, old, new in rows:
            row = QTreeWidgetItem(branch, [what, old, new])
            for col in range(3):
                row.setToolTip(col, row.text(col))
        branch.setExpanded(bool(rows) and len(rows) <= 60)
        return branch

    def retranslate_ui(self) -> None:
        self.setHeaderLabels([self.tr("What"), self.tr("Last cycle"), self.tr("This cycle")])
        self.show_comparison(self.comparison)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
