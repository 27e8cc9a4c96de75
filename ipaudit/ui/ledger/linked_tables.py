"""The three ledgers side by side, linked: selecting a row highlights the rows that go with it.

- a reward → its payments, and the expense line(s) booking their batches;
- a payment → its reward, the other payments of its batch, and the batch's expense line(s);
- an expense line (a booked batch) → the batch's payments, their rewards, and the batch's other lines.

Rows that a discrepancy cites carry its grade's mark; ``highlight_sources`` highlights the rows a
selected discrepancy cites.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ipaudit.ledger.model import Entry, LedgerKind, SourceRef
from ipaudit.ledger.reconcile import Reconciliation
from ipaudit.ui import workers
from ipaudit.ui.ledger.entries_model import EntriesModel
from ipaudit.ui.ledger.filtering import ledger_entries
from ipaudit.ui.ledger.rows_proxy import RowsProxy
from ipaudit.ui.ledger.texts import kind_name
from ipaudit.ui.row_selection import select_row

LEDGERS = (LedgerKind.REWARDS, LedgerKind.PAYMENTS, LedgerKind.EXPENSES)


class LinkedTables(QWidget):
    #: the entry selected in one of the tables (or None when the selection was cleared)
    entrySelected = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rec: Reconciliation | None = None
        self.models: dict[LedgerKind, EntriesModel] = {}
        self.proxies: dict[LedgerKind, RowsProxy] = {}
        self.views: dict[LedgerKind, QTableView] = {}
        self.titles: dict[LedgerKind, QLabel] = {}
        self._guard = False
        self._filtering = 0  # the filter asked for last
        self._filter_task: workers.Task | None = None
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        for kind in LEDGERS:
            model = EntriesModel(kind, self)
            proxy = RowsProxy(self)
            proxy.setSourceModel(model)
            view = QTableView()
            view.setObjectName(f"ledgerTable_{kind.value}")
            view.setModel(proxy)
            view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            view.setSortingEnabled(True)
            view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
            view.setWordWrap(False)
            view.verticalHeader().hide()
            view.verticalHeader().setDefaultSectionSize(22)
            header = view.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            header.setStretchLastSection(True)
            header.setResizeContentsPrecision(60)
            title = QLabel()
            title.setBuddy(view)
            box = QWidget()
            layout = QVBoxLayout(box)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(title)
            layout.addWidget(view, 1)
            splitter.addWidget(box)
            self.models[kind], self.proxies[kind] = model, proxy
            self.views[kind], self.titles[kind] = view, title
            view.selectionModel().selectionChanged.connect(
                lambda _s, _d, k=kind: self._selection_changed(k)
            )
            for signal in (proxy.modelReset, proxy.layoutChanged, proxy.rowsInserted):
                signal.connect(self._update_titles)
            proxy.rowsRemoved.connect(self._update_titles)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.retranslate_ui()

    # --- filling -----------------------------------------------------------------------------

    def set_reconciliation(
        self,
        rec: Reconciliation | None,
        accepted: Collection[str],
        row_of: Mapping[LedgerKind, dict[SourceRef, int]] | None = None,
    ) -> None:
        """``row_of``: each ledger's ``entries_model.row_index`` if it was built already."""
        self.rec = rec
        self._filtering += 1  # rows filtered from the previous reconciliation are dropped
        self._filter_task = None
        self._guard = True
        for kind, model in self.models.items():
            entries = ledger_entries(rec, kind)
            findings = rec.findings_for if rec else _none
            model.set_rows(entries, findings, accepted, row_of.get(kind) if row_of else None)
        self._guard = False
        self._fit_columns()
        self._update_titles()

    def set_accepted(self, accepted: Collection[str]) -> None:
        for model in self.models.values():
            model.set_accepted(accepted)

    def set_visible(self, rows: Mapping[LedgerKind, Collection[int] | None]) -> None:
        """Show only these source rows per ledger (None: all)."""
        self._filtering += 1  # an earlier filter still computed in a worker is dropped
        self._filter_task = None
        for kind, proxy in self.proxies.items():
            proxy.set_rows(rows.get(kind))
        self._update_titles()

    def show_filtered(self, rows_of: Callable[[LedgerKind], Collection[int] | None]) -> None:
        """Show the rows ``rows_of(ledger)`` chooses in each table: computed at once for small
        ledgers, in a worker when they hold ``RowsProxy.background_rows`` rows or more (the
        tables keep what they show until it is ready). ``rows_of`` must not touch Qt."""
        if sum(m.rowCount() for m in self.models.values()) < RowsProxy.background_rows:
            self.set_visible({k: rows_of(k) for k in LEDGERS})
            return
        self._filtering += 1
        generation = self._filtering
        task = workers.Task(
            lambda _ctx: (generation, {k: rows_of(k) for k in LEDGERS}), "filter ledger rows"
        )
        task.finished.connect(self._filtered)
        task.failed.connect(self._filter_failed)
        self._filter_task = task
        workers.start(task)

    def busy(self) -> bool:
        """True while a filter or an order is computed in a worker."""
        return self._filter_task is not None or any(p.busy() for p in self.proxies.values())

    def _filtered(self, result: tuple[int, dict[LedgerKind, Collection[int] | None]]) -> None:
        generation, rows = result
        if generation != self._filtering:
            return
        self.set_visible(rows)

    def _filter_failed(self, exc: BaseException) -> None:
        self._filter_task = None
        raise exc  # a bug: the excepthook shows the crash dialog

    # --- selection and highlighting ----------------------------------------------------------

    def select(self, kind: LedgerKind, source_row: int) -> bool:
        """Select an entry by its row in the ledger's model (as a click would)."""
        index = self.proxies[kind].mapFromSource(self.models[kind].index(source_row, 0))
        return select_row(self.views[kind], index)

    def selected_entry(self) -> Entry | None:
        for kind, view in self.views.items():
            rows = view.selectionModel().selectedRows()
            if rows:
                return self.models[kind].entry(self.proxies[kind].mapToSource(rows[0]).row())
        return None

    def linked(self, entry: Entry) -> dict[LedgerKind, list[Entry]]:
        """The entries that go with ``entry`` in each ledger (``entry`` itself not included)."""
        rec = self.rec
        out: dict[LedgerKind, list[Entry]] = {k: [] for k in LEDGERS}
        if rec is None:
            return out
        if entry.kind is LedgerKind.REWARDS:
            payments = list(rec.payments_of(entry))
            out[LedgerKind.PAYMENTS] = payments
            out[LedgerKind.EXPENSES] = _lines_of(rec, payments)
        elif entry.kind is LedgerKind.PAYMENTS:
            reward = rec.reward_of(entry)
            out[LedgerKind.REWARDS] = [reward] if reward is not None else []
            batch = rec.batch_of(entry)
            if batch is not None:
                out[LedgerKind.PAYMENTS] = rec.batch_payments(batch)
                out[LedgerKind.EXPENSES] = rec.batch_lines(batch)
        elif entry.kind is LedgerKind.EXPENSES:
            batch = rec.batch_of(entry)
            if batch is not None:
                payments = rec.batch_payments(batch)
                out[LedgerKind.PAYMENTS] = payments
                out[LedgerKind.EXPENSES] = rec.batch_lines(batch)
                rewards = (rec.reward_of(p) for p in payments)
                out[LedgerKind.REWARDS] = list({r.source: r for r in rewards if r}.values())
        for kind in LEDGERS:
            out[kind] = [e for e in out[kind] if e.source != entry.source]
        return out

    def highlight_sources(self, sources: Iterable[SourceRef], *, scroll: bool = True) -> None:
        """Highlight the rows read from ``sources`` in every table (and bring them into view)."""
        wanted = set(sources)
        self._guard = True
        for view in self.views.values():
            view.selectionModel().clearSelection()
        self._guard = False
        for kind, model in self.models.items():
            rows = {r for s in wanted if (r := model.row_of(s)) >= 0}
            model.set_highlight(rows)
            if scroll and rows:
                self._scroll_to(kind, rows)

    def clear_highlight(self) -> None:
        for model in self.models.values():
            model.set_highlight(())

    def highlighted(self) -> dict[LedgerKind, list[Entry]]:
        """The highlighted entries per ledger, in row order."""
        return {
            kind: [model.entry(r) for r in sorted(model.highlighted())]
            for kind, model in self.models.items()
        }

    def _selection_changed(self, kind: LedgerKind) -> None:
        if self._guard:
            return
        rows = self.views[kind].selectionModel().selectedRows()
        if not rows:
            self.clear_highlight()
            self.entrySelected.emit(None)
            return
        self._guard = True
        for other, view in self.views.items():
            if other is not kind:
                view.selectionModel().clearSelection()
        self._guard = False
        entry = self.models[kind].entry(self.proxies[kind].mapToSource(rows[0]).row())
        links = self.linked(entry)
        for other, model in self.models.items():
            found = {r for e in links[other] if (r := model.row_of(e.source)) >= 0}
            model.set_highlight(found)
            if found and other is not kind:
                self._scroll_to(other, found)
        self.entrySelected.emit(entry)

    def _scroll_to(self, kind: LedgerKind, rows: Collection[int]) -> None:
        proxy, model = self.proxies[kind], self.models[kind]
        shown = [proxy.mapFromSource(model.index(r, 0)) for r in rows]
        shown = [i for i in shown if i.isValid()]
        if shown:
            self.views[kind].scrollTo(min(shown, key=lambda i: i.row()))

    # --- language and looks ------------------------------------------------------------------

    def _fit_columns(self) -> None:
        for view in self.views.values():
            view.resizeColumnsToContents()
            header = view.horizontalHeader()
            for col in range(header.count()):
                header.resizeSection(col, min(header.sectionSize(col), 200))

    def _update_titles(self) -> None:
        for kind, title in self.titles.items():
            shown, total = self.proxies[kind].rowCount(), self.models[kind].rowCount()
            count = str(total) if shown == total else f"{shown} / {total}"
            title.setText(f"<b>{kind_name(kind)}</b> ({count})")

    def retranslate_ui(self) -> None:
        for model in self.models.values():
            model.retranslate()
        self._update_titles()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _none(_source: SourceRef) -> list:
    return []


def _lines_of(rec: Reconciliation, payments: Iterable[Entry]) -> list[Entry]:
    lines: dict[SourceRef, Entry] = {}
    seen: set[str] = set()
    for p in payments:
        batch = rec.batch_of(p)
        if batch is None or batch.key in seen:
            continue
        seen.add(batch.key)
        for line in rec.batch_lines(batch):
            lines.setdefault(line.source, line)
    return list(lines.values())
