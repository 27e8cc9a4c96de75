"""A proxy that shows a chosen set of source rows in a chosen order, for tables of 100,000 rows.

``QSortFilterProxyModel`` compares rows through ``data()`` one pair at a time: with a Python model
that is a few million calls into Python for one sort, and it sorts again on every ``dataChanged``.
Here the order is computed in one pass with Python's own sort over keys the source model gives
(``source.sort_keys(column)``, or ``source.sort_key(row, column)`` row by row), the filter is a set of source rows, and ``dataChanged`` is only
passed on. Selections and the current index survive a sort or filter change (persistent indexes are
moved to the rows' new places).

A source of ``background_rows`` rows or more is ordered in a worker: the proxy keeps showing the
rows as they were until the new order is ready, then changes its layout once (``busy()`` tells
whether an order is on its way, ``settled`` when the rows shown are the ones last asked for). The
sort itself is done in slices with a merge, so the GUI thread gets its turns while it runs.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Collection, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ipaudit.ui import workers

Index = QModelIndex | QPersistentModelIndex

#: rows sorted at a time in a worker before the slices are merged (a C-level sort of this many
#: rows holds the interpreter for a few milliseconds only)
SLICE = 8192


def order_rows(
    count: int,
    wanted: frozenset[int] | None,
    keys: Callable[[], Sequence[Any]] | None,
    descending: bool,
    slice_rows: int = SLICE,
) -> tuple[list[int], list[int]]:
    """(proxy row -> source row, source row -> proxy row or -1) of ``count`` source rows: only
    the ``wanted`` ones (None: all), in the order of ``keys()`` (None: the source's order; a
    stable sort). Pure Python without Qt, safe to run in a worker."""
    rows = list(range(count)) if wanted is None else [r for r in range(count) if r in wanted]
    if keys is not None and rows:
        key = keys().__getitem__
        if len(rows) <= slice_rows:
            rows.sort(key=key, reverse=descending)
        else:  # sorted slices merged: the same stable order, the interpreter released between
            slices = [rows[i : i + slice_rows] for i in range(0, len(rows), slice_rows)]
            for part in slices:
                part.sort(key=key, reverse=descending)
            rows = list(heapq.merge(*slices, key=key, reverse=descending))
    proxy_of = [-1] * count
    for n, r in enumerate(rows):
        proxy_of[r] = n
    return rows, proxy_of


class RowsProxy(QAbstractProxyModel):
    #: the rows shown are the ones last asked for (after an order computed in a worker)
    settled = Signal()

    #: sources of this many rows or more are ordered in a worker
    background_rows = 20_000

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._generation = 0  # the order asked for last; a worker's older order is dropped
        self._pending: workers.Task | None = None
        self._wanted: frozenset[int] | None = None
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._source_of: list[int] = []  # proxy row -> source row
        self._proxy_of: list[int] = []  # source row -> proxy row, -1 when hidden
        self._connections: list[Any] = []

    # --- the source --------------------------------------------------------------------------

    def setSourceModel(self, model: QAbstractItemModel) -> None:
        old = self.sourceModel()
        if old is not None:
            for signal, slot in self._connections:
                signal.disconnect(slot)
        self._connections = []
        self.beginResetModel()
        super().setSourceModel(model)
        if model is not None:
            for signal, slot in (
                (model.modelAboutToBeReset, self.beginResetModel),
                (model.modelReset, self._source_reset),
                (model.dataChanged, self._source_data_changed),
                (model.headerDataChanged, self.headerDataChanged),
                (model.layoutChanged, self._source_reshaped),
                (model.rowsInserted, self._source_reshaped),
                (model.rowsRemoved, self._source_reshaped),
                (model.columnsInserted, self._source_reshaped),
                (model.columnsRemoved, self._source_reshaped),
            ):
                signal.connect(slot)
                self._connections.append((signal, slot))
        self._compute()
        self.endResetModel()

    def _source_reset(self) -> None:
        self._compute()
        self.endResetModel()

    def _source_reshaped(self, *_args: object) -> None:
        self.beginResetModel()
        self._compute()
        self.endResetModel()

    def _source_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex, roles: Sequence[int] = ()) -> None:  # fmt: skip
        if not self._source_of:
            return
        if top_left.row() == bottom_right.row():
            row = self._proxy_of[top_left.row()] if top_left.row() < len(self._proxy_of) else -1
            if row < 0:
                return
            first, last = row, row
        else:
            first, last = 0, len(self._source_of) - 1
        self.dataChanged.emit(
            self.index(first, top_left.column()), self.index(last, bottom_right.column()), roles
        )

    # --- what is shown -----------------------------------------------------------------------

    def set_rows(self, rows: Collection[int] | None) -> None:
        """Show only these source rows (None: all)."""
        wanted = None if rows is None else frozenset(rows)
        if wanted == self._wanted:
            return
        self._wanted = wanted
        self._relayout()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column = column
        self._sort_order = order
        self._relayout()

    def sort_column(self) -> int:
        return self._sort_column

    def shown_rows(self) -> list[int]:
        """Source rows in the order shown."""
        return list(self._source_of)

    def busy(self) -> bool:
        """True while an order is computed in a worker."""
        return self._pending is not None

    def _plan(self) -> tuple[int, frozenset[int] | None, Callable[[], Sequence[Any]] | None, bool]:
        """What ``order_rows`` needs for the current source, filter and sort column."""
        source = self.sourceModel()
        count = source.rowCount() if source is not None else 0
        column = self._sort_column
        keys: Callable[[], Sequence[Any]] | None = None
        if source is not None and 0 <= column < source.columnCount() and count:
            all_keys = getattr(source, "sort_keys", None)
            if all_keys is not None:  # one pass over the model, then a C-level sort
                keys = lambda: all_keys(column)  # noqa: E731
            else:
                key = source.sort_key  # type: ignore[attr-defined]
                keys = lambda: [key(r, column) for r in range(count)]  # noqa: E731
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        return count, self._wanted, keys, descending

    def _compute(self) -> None:
        """Order the rows now (inside a model reset). A large source is shown filtered but in
        its own order at once, and sorted in a worker."""
        self._generation += 1
        self._pending = None
        count, wanted, keys, descending = self._plan()
        if keys is not None and count >= self.background_rows:
            self._source_of, self._proxy_of = order_rows(count, wanted, None, descending)
            self._start_order()
            return
        self._source_of, self._proxy_of = order_rows(count, wanted, keys, descending)

    def _relayout(self) -> None:
        count = self.sourceModel().rowCount() if self.sourceModel() is not None else 0
        if count >= self.background_rows:
            self._start_order()
            return
        self._generation += 1
        self._pending = None
        self._apply(order_rows(*self._plan()))

    def _start_order(self) -> None:
        self._generation += 1
        generation = self._generation
        count, wanted, keys, descending = self._plan()
        task = workers.Task(
            lambda _ctx: (generation, order_rows(count, wanted, keys, descending)),
            "order table rows",
        )
        task.finished.connect(self._ordered)
        task.failed.connect(self._order_failed)
        self._pending = task
        workers.start(task)

    def _ordered(self, result: tuple[int, tuple[list[int], list[int]]]) -> None:
        generation, order = result
        if generation != self._generation:
            return  # asked again since, or the source changed: a newer order is coming
        self._pending = None
        source = self.sourceModel()
        if source is None or len(order[1]) != source.rowCount():
            return
        self._apply(order)

    def _order_failed(self, exc: BaseException) -> None:
        self._pending = None
        raise exc  # a bug: the excepthook shows the crash dialog

    def _apply(self, order: tuple[list[int], list[int]]) -> None:
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        sources = [self.mapToSource(i) for i in persistent]
        self._source_of, self._proxy_of = order
        self.changePersistentIndexList(persistent, [self.mapFromSource(s) for s in sources])
        self.layoutChanged.emit()
        self.settled.emit()

    # --- QAbstractProxyModel -----------------------------------------------------------------

    def mapToSource(self, proxy_index: Index) -> QModelIndex:
        source = self.sourceModel()
        if source is None or not proxy_index.isValid():
            return QModelIndex()
        row = proxy_index.row()
        if not 0 <= row < len(self._source_of):
            return QModelIndex()
        return source.index(self._source_of[row], proxy_index.column())

    def mapFromSource(self, source_index: Index) -> QModelIndex:
        if not source_index.isValid():
            return QModelIndex()
        row = source_index.row()
        if not 0 <= row < len(self._proxy_of) or self._proxy_of[row] < 0:
            return QModelIndex()
        return self.index(self._proxy_of[row], source_index.column())

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if parent.isValid() or not 0 <= row < len(self._source_of):
            return QModelIndex()
        if not 0 <= column < self.columnCount():
            return QModelIndex()
        return self.createIndex(row, column)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._source_of)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        source = self.sourceModel()
        return 0 if parent.isValid() or source is None else source.columnCount()

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and bool(self._source_of)

    def sibling(self, row: int, column: int, index: Index) -> QModelIndex:
        return self.index(row, column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        source = self.sourceModel()
        if source is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return source.headerData(section, orientation, role)
        if not 0 <= section < len(self._source_of):
            return None
        return source.headerData(self._source_of[section], orientation, role)
