"""Filters the checklist tree: "only what blocks" and the search box. Clause groups show when an
item under them does."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from ipaudit.ui.checklist.checklist_model import BlockingRole, ItemKeyRole, SearchRole, normalise


class ChecklistFilter(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._blocking_only = False
        self._terms: list[str] = []

    @property
    def active(self) -> bool:
        return self._blocking_only or bool(self._terms)

    def set_blocking_only(self, on: bool) -> None:
        if on != self._blocking_only:
            self.beginFilterChange()
            self._blocking_only = on
            self.endFilterChange()

    def set_search(self, text: str) -> None:
        terms = normalise(text).split()
        if terms != self._terms:
            self.beginFilterChange()
            self._terms = terms
            self.endFilterChange()

    def filterAcceptsRow(
        self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex
    ) -> bool:
        if not self.active:
            return True
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if not index.data(ItemKeyRole):
            return False  # a clause group: shown when one of its items is
        if self._blocking_only and not index.data(BlockingRole):
            return False
        haystack = index.data(SearchRole) or ""
        return all(term in haystack for term in self._terms)
