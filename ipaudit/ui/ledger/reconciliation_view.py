"""The reconciliation of the workspace's three ledgers: summary, linked ledgers and discrepancies,
totals, rates — with filters and an xlsx export of what is shown.

The ledgers are loaded and reconciled in a worker (``ledgers.load_book``, about a second for
large workspaces); the view reloads when an import or a rate change has changed the ledgers, and
only refreshes the explanations when a finding was accepted or withdrawn.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ipaudit.export.reconciliation_xlsx import write_xlsx
from ipaudit.ledger.discrepancies import kind_text
from ipaudit.ledger.model import DiscrepancyKind, Entry, LedgerKind, SourceRef
from ipaudit.ledger.rates import RateTable
from ipaudit.ledger.reconcile import Reconciliation
from ipaudit.services import Workspace
from ipaudit.services.ledgers import (
    LedgerBook,
    explanations,
    generation,
    load_book,
    window_days,
)
from ipaudit.ui import errors, workers
from ipaudit.ui.ledger import background, filtering, view_sheets
from ipaudit.ui.ledger.discrepancy_panel import DiscrepancyPanel
from ipaudit.ui.ledger.entries_model import row_index
from ipaudit.ui.ledger.linked_tables import LEDGERS, LinkedTables
from ipaudit.ui.ledger.rates_tab import RatesTab
from ipaudit.ui.ledger.text_table_model import TextTableModel
from ipaudit.ui.ledger.texts import lang
from ipaudit.ui.ledger.totals_tab import TotalsTab
from ipaudit.ui.session import WorkspaceSession

SUMMARY_TAB, LEDGERS_TAB, TOTALS_TAB, RATES_TAB = range(4)


@dataclass(frozen=True, slots=True)
class Loaded:
    generation: str
    book: LedgerBook
    explanations: dict[str, str]
    rates: RateTable | None
    window_days: int
    persons: list[str]  # for the person filter
    periods: list[tuple[str, filtering.Period]]  # for the period filter
    entry_of: dict[SourceRef, Entry]  # every entry by the row it was read from
    row_of: dict[LedgerKind, dict[SourceRef, int]]  # each ledger's entries_model.row_index


def _load(ws: Workspace) -> Loaded:
    current = generation(ws)
    book = load_book(ws)
    rec = book.reconciliation
    entries = (*rec.rewards, *rec.payments, *rec.expenses) if rec is not None else ()
    if rec is not None:
        rec.build_indexes()  # here, off the GUI thread (else by the first look-up on a click)
    explained = explanations(ws, rec.discrepancies) if rec is not None else {}
    return Loaded(
        current,
        book,
        explained,
        book.rates,
        window_days(ws),
        filtering.persons(rec) if rec is not None else [],
        filtering.periods(entries),
        {e.source: e for e in entries},
        {kind: row_index(filtering.ledger_entries(rec, kind)) for kind in LEDGERS},
    )


def _summary_table_view(model: TextTableModel, name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(22)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    model.modelReset.connect(lambda: _fit_height(view))
    return view


def _fit_height(view: QTableView) -> None:
    """As tall as its rows: the summary tables are short and should not scroll."""
    rows = view.model().rowCount()
    height = view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
    height += sum(view.rowHeight(r) or 22 for r in range(rows))
    view.setFixedHeight(height + 2)


class ReconciliationView(QWidget):
    #: the ledgers were (re)loaded and are shown
    loaded = Signal()
    #: the view was exported to this path
    exported = Signal(str)

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reconciliationView")
        self.session = session
        self.book: LedgerBook | None = None
        self.rec: Reconciliation | None = None
        self.explained: dict[str, str] = {}
        self._generation: str | None = None
        self._entry_of: dict[SourceRef, Entry] = {}
        self._persons: list[str] = []
        self._periods: list[tuple[str, filtering.Period]] = []
        self._loading = False
        self._load_again = False
        self._task: workers.Task | None = None

        # top bar
        self.status = QLabel()
        self.status.setObjectName("reconciliationStatus")
        self.status.setWordWrap(True)
        self.import_button = QPushButton()
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportView")
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)

        # summary
        self.summary_text = QLabel()
        self.summary_text.setObjectName("summaryText")
        self.summary_text.setWordWrap(True)
        self.summary_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary_title = QLabel()
        self.kinds_title = QLabel()
        self.summary_model = TextTableModel(self, bold_last=True)
        self.kinds_model = TextTableModel(self)
        self.summary_table = _summary_table_view(self.summary_model, "summaryTable")
        self.kinds_table = _summary_table_view(self.kinds_model, "kindsTable")
        summary = QWidget()
        sl = QVBoxLayout(summary)
        sl.addWidget(self.summary_text)
        sl.addWidget(self.summary_title)
        sl.addWidget(self.summary_table)
        sl.addSpacing(8)
        sl.addWidget(self.kinds_title)
        sl.addWidget(self.kinds_table)
        sl.addStretch(1)

        # ledgers and discrepancies
        self.kind_label = QLabel()
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("filterKind")
        self.kind_label.setBuddy(self.kind_filter)
        self.person_label = QLabel()
        self.person_filter = QComboBox()
        self.person_filter.setObjectName("filterPerson")
        self.person_label.setBuddy(self.person_filter)
        self.period_label = QLabel()
        self.period_filter = QComboBox()
        self.period_filter.setObjectName("filterPeriod")
        self.period_label.setBuddy(self.period_filter)
        self.clear_filters = QPushButton()
        filters = QHBoxLayout()
        for label, combo in (
            (self.kind_label, self.kind_filter),
            (self.person_label, self.person_filter),
            (self.period_label, self.period_filter),
        ):
            filters.addWidget(label)
            filters.addWidget(combo)
            filters.addSpacing(12)
        filters.addWidget(self.clear_filters)
        filters.addStretch(1)
        self.tables = LinkedTables()
        self.discrepancies = DiscrepancyPanel(session)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.tables)
        split.addWidget(self.discrepancies)
        split.setChildrenCollapsible(False)
        split.setSizes([560, 260])
        ledgers = QWidget()
        ll = QVBoxLayout(ledgers)
        ll.addLayout(filters)
        ll.addWidget(split, 1)

        self.totals = TotalsTab()
        self.rates = RatesTab(session)

        self.tabs = QTabWidget()
        self.tabs.addTab(summary, "")
        self.tabs.addTab(ledgers, "")
        self.tabs.addTab(self.totals, "")
        self.tabs.addTab(self.rates, "")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        for combo in (self.kind_filter, self.person_filter, self.period_filter):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.clear_filters.clicked.connect(self.reset_filters)
        self.discrepancies.discrepancySelected.connect(self._discrepancy_selected)
        self.import_button.clicked.connect(self.open_import)
        self.export_button.clicked.connect(self.choose_export)
        session.edited.connect(self._on_edited)
        self.retranslate_ui()
        self.reload()

    # --- loading -----------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        return self._loading

    def reload(self) -> workers.Task | None:
        """Load and reconcile the ledgers in a worker; ``loaded`` fires when they are shown."""
        if self._loading:
            self._load_again = True
            return self._task
        self._loading = True
        self._show_status()
        ws = self.session.workspace
        self._task = background.start(
            lambda _ctx: _load(ws),
            self._loaded,
            self._load_failed,
            description="reconcile ledgers",
        )
        return self._task

    def _loaded(self, data: Loaded) -> None:
        self._loading = False
        self._task = None
        if self._load_again:
            self._load_again = False
            self.reload()
            return
        self._generation = data.generation
        self.book = data.book
        self.rec = data.book.reconciliation
        self.explained = data.explanations
        rec = self.rec
        self._entry_of = data.entry_of
        self._persons, self._periods = data.persons, data.periods
        self.tables.set_reconciliation(rec, self.explained.keys(), data.row_of)
        self.discrepancies.set_rows(rec.discrepancies if rec else [], self.explained)
        self.totals.set_tables(rec.totals if rec else {})
        self.rates.set_values(data.rates, data.window_days)
        self._fill_summary()
        self._fill_filters()
        self.apply_filters()
        self._show_status()
        self.loaded.emit()

    def _load_failed(self, exc: BaseException) -> None:
        self._loading = False
        self._task = None
        self._show_status()
        errors.show_error(exc, self, self.tr("The ledgers could not be reconciled."))

    def _on_edited(self, _key: str) -> None:
        ws = self.session.workspace
        if generation(ws) != self._generation:
            self.reload()
        elif self.rec is not None:
            self.explained = explanations(ws, self.rec.discrepancies)
            self.tables.set_accepted(self.explained.keys())
            self.discrepancies.set_explanations(self.explained)

    # --- filters -----------------------------------------------------------------------------

    def current_filter(self) -> filtering.ViewFilter:
        period = self.period_filter.currentData()
        return filtering.ViewFilter(
            kind=self.kind_filter.currentData() or "",
            person=self.person_filter.currentData() or "",
            period=period if period else None,
        )

    def set_filter(
        self, *, kind: str | None = None, person: str | None = None, period: str | None = None
    ) -> None:
        """Choose filter values (kind: "" / ``filtering.ANY`` / a kind value; period: its label)."""
        if kind is not None:
            self.kind_filter.setCurrentIndex(max(self.kind_filter.findData(kind), 0))
        if person is not None:
            self.person_filter.setCurrentIndex(max(self.person_filter.findData(person), 0))
        if period is not None:
            pos = self.period_filter.findText(period) if period else 0
            self.period_filter.setCurrentIndex(max(pos, 0))

    def reset_filters(self) -> None:
        for combo in (self.kind_filter, self.person_filter, self.period_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.apply_filters()

    def apply_filters(self) -> None:
        rec = self.rec
        if rec is None:
            return
        flt = self.current_filter()
        self.tables.show_filtered(lambda kind: filtering.entry_rows(rec, kind, flt))
        self.discrepancies.set_visible(filtering.discrepancy_rows(rec, flt, self._entry_of))
        self.clear_filters.setEnabled(flt.active)

    def _fill_filters(self) -> None:
        rec = self.rec
        current = self.current_filter()
        combos = (self.kind_filter, self.person_filter, self.period_filter)
        for combo in combos:
            combo.blockSignals(True)
            combo.clear()
        self.kind_filter.addItem(self.tr("All rows"), "")
        self.kind_filter.addItem(self.tr("Rows with a discrepancy"), filtering.ANY)
        self.person_filter.addItem(self.tr("Everyone"), "")
        self.period_filter.addItem(self.tr("Whole period"), None)
        if rec is not None:
            ui = lang()
            present = {d.kind for d in rec.discrepancies if d.rows}  # a missing ledger has none
            for kind in DiscrepancyKind:
                if kind in present:
                    self.kind_filter.addItem(kind_text(kind, ui), kind.value)
            for name in self._persons:
                self.person_filter.addItem(name, name)
            for label, span in self._periods:
                shown = label if "-Q" in label or len(label) == 4 else f"  {label}"
                self.period_filter.addItem(shown, span)
        self.kind_filter.setCurrentIndex(max(self.kind_filter.findData(current.kind), 0))
        self.person_filter.setCurrentIndex(max(self.person_filter.findData(current.person), 0))
        if current.period is not None:
            pos = next(
                (
                    i
                    for i in range(self.period_filter.count())
                    if self.period_filter.itemData(i) == current.period
                ),
                0,
            )
            self.period_filter.setCurrentIndex(pos)
        for combo in combos:
            combo.blockSignals(False)

    def _discrepancy_selected(self, d: object) -> None:
        if d is None:
            return
        self.tables.highlight_sources(d.rows)  # type: ignore[attr-defined]

    # --- import and export -------------------------------------------------------------------

    def open_import(self) -> QWidget:
        from ipaudit.ui.ledger.import_wizard import LedgerImportWizard

        wizard = LedgerImportWizard(self.session, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.open()
        return wizard

    def choose_export(self) -> None:
        if self.rec is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the reconciliation view"),
            self.tr("reconciliation.xlsx"),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if name:
            if not name.lower().endswith(".xlsx"):
                name += ".xlsx"
            self.export_to(Path(name))

    def export_snapshot(self) -> view_sheets.ViewSnapshot:
        """What the view shows, collected for the export worker (references, not copies)."""
        rec = self.rec
        assert rec is not None
        shown = [
            self.discrepancies.model.discrepancy(r) for r in self.discrepancies.proxy.shown_rows()
        ]
        return view_sheets.snapshot(
            rec,
            shown,
            self.explained,
            self.tables.models,
            {kind: self.tables.proxies[kind].shown_rows() for kind in LEDGERS},
            self.totals.current_table(),
        )

    def export_to(self, path: Path) -> workers.Task | None:
        """Write the view to ``path`` in a worker; ``exported`` fires when it is written."""
        if self.rec is None:
            return None
        snap = self.export_snapshot()
        return background.start(
            lambda ctx: write_xlsx(
                path, view_sheets.build_sheets(snap), ctx.progress, ctx.cancelled
            ),
            lambda written: self.exported.emit(str(written)),
            lambda exc: errors.show_error(exc, self, self.tr("The view was not exported.")),
            description="export reconciliation view",
            parent=self,
            label=self.tr("Writing %1…").replace("%1", path.name),
            cancellable=True,
        )

    # --- display -----------------------------------------------------------------------------

    def _fill_summary(self) -> None:
        rec = self.rec
        ui = lang()
        if rec is None:
            self.summary_text.setText("")
            self.summary_model.set_table([])
            self.kinds_model.set_table([])
            return
        self.summary_text.setText(rec.summary.text(ui))
        self.summary_model.set_table(rec.summary.table(ui))
        kinds = rec.summary.kind_table(ui)
        self.kinds_model.set_table(kinds)
        self.kinds_title.setVisible(len(kinds) > 1)
        self.kinds_table.setVisible(len(kinds) > 1)

    def _show_status(self) -> None:
        has = self.rec is not None
        self.export_button.setEnabled(has and not self._loading)
        for tab in (SUMMARY_TAB, LEDGERS_TAB, TOTALS_TAB):
            self.tabs.setTabEnabled(tab, has or self._loading)
        if not has and not self._loading:
            self.tabs.setCurrentIndex(RATES_TAB)  # rates can be set before any ledger is there
        if self._loading:
            self.status.setText(self.tr("Reconciling the ledgers…"))
        elif not has:
            self.status.setText(
                self.tr(
                    "No ledgers imported yet. Import the reward record, the payment register and"
                    " the expense record to reconcile them."
                )
            )
        else:
            imports = self.book.imports if self.book else []
            files = ", ".join(i.file_name for i in imports)
            self.status.setText(self.tr("Reconciled from: %1").replace("%1", files))

    def retranslate_ui(self) -> None:
        self.import_button.setText(self.tr("&Import a ledger…"))
        self.export_button.setText(self.tr("E&xport view to xlsx…"))
        self.export_button.setToolTip(
            self.tr("The summary, the discrepancies and ledger rows shown, and the totals")
        )
        self.tabs.setTabText(SUMMARY_TAB, self.tr("Summary"))
        self.tabs.setTabText(LEDGERS_TAB, self.tr("Ledgers and discrepancies"))
        self.tabs.setTabText(TOTALS_TAB, self.tr("Totals"))
        self.tabs.setTabText(RATES_TAB, self.tr("Rates"))
        compared, by_kind = self.tr("Records compared"), self.tr("Discrepancies by kind")
        self.summary_title.setText(f"<b>{compared}</b>")
        self.kinds_title.setText(f"<b>{by_kind}</b>")
        self.kind_label.setText(self.tr("&Show:"))
        self.person_label.setText(self.tr("&Person:"))
        self.period_label.setText(self.tr("P&eriod:"))
        self.clear_filters.setText(self.tr("&Clear filters"))
        if self.rec is not None and not self._loading:
            self._fill_summary()
            self._fill_filters()
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
