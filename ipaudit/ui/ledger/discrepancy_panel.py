"""The discrepancies of the reconciliation: grade, kind, people, amounts, where, and the explanation
of those accepted. A difference is accepted with a written explanation (an undoable
``AcceptFinding``) and stops blocking readiness; withdrawing the acceptance is undoable too."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ipaudit.domain.model import Finding
from ipaudit.ledger.discrepancies import kind_text, suggest_grade
from ipaudit.ledger.model import Discrepancy
from ipaudit.ui import commands
from ipaudit.ui.findings.accept_dialog import AcceptDialog, open_accept_dialog
from ipaudit.ui.ledger import discrepancies_model as dm
from ipaudit.ui.ledger.rows_proxy import RowsProxy
from ipaudit.ui.ledger.texts import lang
from ipaudit.ui.row_selection import select_row
from ipaudit.ui.session import WorkspaceSession


class DiscrepancyPanel(QWidget):
    #: the selected discrepancy, or None
    discrepancySelected = Signal(object)

    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.accept_dialog: AcceptDialog | None = None
        self.model = dm.DiscrepanciesModel(self)
        self.proxy = RowsProxy(self)
        self.proxy.setSourceModel(self.model)
        self.title = QLabel()
        self.view = QTableView()
        self.view.setObjectName("ledgerDiscrepancies")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSortingEnabled(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(22)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(dm.MESSAGE, QHeaderView.ResizeMode.Stretch)
        for col, width in (
            (dm.GRADE, 90),
            (dm.KIND, 150),
            (dm.PERSONS, 90),
            (dm.IP, 150),
            (dm.EXPECTED, 90),
            (dm.ACTUAL, 90),
            (dm.DIFFERENCE, 90),
            (dm.EXPLANATION, 180),
        ):
            header.resizeSection(col, width)
        self.view.sortByColumn(dm.GRADE, Qt.SortOrder.AscendingOrder)
        self.detail = QLabel()
        self.detail.setObjectName("discrepancyDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.accept_button = QPushButton()
        self.withdraw_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.title)
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.withdraw_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.detail)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        for signal in (self.proxy.modelReset, self.proxy.layoutChanged, self.proxy.rowsRemoved):
            signal.connect(self._update_title)
        self.proxy.rowsInserted.connect(self._update_title)
        self.accept_button.clicked.connect(self.accept_selected)
        self.withdraw_button.clicked.connect(self.withdraw_selected)
        self.retranslate_ui()

    # --- filling -----------------------------------------------------------------------------

    def set_rows(self, discrepancies: list[Discrepancy], explanations: Mapping[str, str]) -> None:
        key = self._selected_key()
        self.model.set_rows(discrepancies, explanations)
        if key:
            self.select_key(key)
        self._selection_changed()

    def set_explanations(self, explanations: Mapping[str, str]) -> None:
        self.model.set_explanations(explanations)
        self._selection_changed()

    def set_visible(self, rows: Collection[int] | None) -> None:
        self.proxy.set_rows(rows)
        self._update_title()

    # --- selection ---------------------------------------------------------------------------

    def selected(self) -> Discrepancy | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].data(dm.DiscrepancyRole) if rows else None

    def _selected_key(self) -> str:
        d = self.selected()
        return d.key if d is not None else ""

    def select_key(self, key: str) -> bool:
        row = self.model.row_of(key)
        if row < 0:
            return False
        return select_row(self.view, self.proxy.mapFromSource(self.model.index(row, 0)))

    def _selection_changed(self, *_args: object) -> None:
        d = self.selected()
        self._show_detail(d)
        self._update_buttons()
        self.discrepancySelected.emit(d)

    # --- accepting ---------------------------------------------------------------------------

    def finding_of(self, d: Discrepancy) -> Finding:
        """The workspace finding of a discrepancy (as the findings list shows it)."""
        assessment = self.session.assessment
        if assessment is not None:
            for f in assessment.findings:
                if f.key == d.key:
                    return f
        return Finding(
            code=f"ledger.{d.kind.value}",
            grade=suggest_grade(d),
            department="finance",
            item_key="",
            message=d.text,
            refs=tuple(str(r) for r in d.rows),
            key=d.key,
            accepted=self.model.explanation(d.key),
        )

    def accept_selected(self) -> AcceptDialog | None:
        """Ask for the explanation of the selected discrepancy (window-modal, not blocking)."""
        d = self.selected()
        if d is None or self.model.explanation(d.key) is not None or self._read_only():
            return None
        dialog = open_accept_dialog(self.finding_of(d), self, lambda text: self.accept(d, text))
        dialog.finished.connect(self._forget_dialog)
        self.accept_dialog = dialog
        return dialog

    def accept(self, d: Discrepancy, explanation: str) -> None:
        """Accept ``d`` with ``explanation`` (undoable)."""
        if explanation.strip():
            item_key = self.finding_of(d).item_key
            self.session.undo_stack.push(
                commands.AcceptFinding(self.session, d.key, explanation.strip(), item_key)
            )

    def withdraw_selected(self) -> None:
        d = self.selected()
        if d is None or self.model.explanation(d.key) is None or self._read_only():
            return
        item_key = self.finding_of(d).item_key
        self.session.undo_stack.push(commands.AcceptFinding(self.session, d.key, None, item_key))

    def _forget_dialog(self) -> None:
        self.accept_dialog = None

    def _read_only(self) -> bool:
        return self.session.read_only_facts

    # --- display -----------------------------------------------------------------------------

    def _show_detail(self, d: Discrepancy | None) -> None:
        if d is None:
            self.detail.setText(self.tr("Select a discrepancy to see its rows in the ledgers."))
            return
        ui = lang()
        text = f"<b>{kind_text(d.kind, ui)}</b>: {_escape(d.message(ui))}"
        explanation = self.model.explanation(d.key)
        if explanation is not None:
            label = self.tr("Accepted because:")
            text += f"<br><i>{label}</i> {_escape(explanation)}"
        self.detail.setText(text)

    def _update_buttons(self) -> None:
        d = self.selected()
        editable = not self._read_only()
        accepted = d is not None and self.model.explanation(d.key) is not None
        self.accept_button.setEnabled(editable and d is not None and not accepted)
        self.withdraw_button.setEnabled(editable and accepted)

    def _update_title(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        count = str(total) if shown == total else f"{shown} / {total}"
        title = self.tr("Discrepancies")
        self.title.setText(f"<b>{title}</b> ({count})")

    def retranslate_ui(self) -> None:
        self.accept_button.setText(self.tr("Accept with e&xplanation…"))
        self.accept_button.setToolTip(
            self.tr("Accept the difference with a written explanation the report shows")
        )
        self.withdraw_button.setText(self.tr("&Withdraw acceptance"))
        self.model.retranslate()
        self._update_title()
        self._show_detail(self.selected())
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
