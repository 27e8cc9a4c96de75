"""The reward rates of the procedure and the booking window, edited with undo.

Edits stay in the table until Apply; Apply pushes one undoable command per setting that changed
(one macro when both did), which stores them and reconciles again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ipaudit.domain.validation import WINDOW_DAYS
from ipaudit.ledger.rates import RateTable
from ipaudit.ui.ledger import rates_model as rm
from ipaudit.ui.ledger.ledger_commands import SetRates, SetWindowDays, same_rates
from ipaudit.ui.session import WorkspaceSession


class RatesTab(QWidget):
    def __init__(self, session: WorkspaceSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.rates: RateTable | None = None
        self.window_days = 15
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.model = rm.RatesModel(self)
        self.view = QTableView()
        self.view.setObjectName("ratesTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(24)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.setMaximumWidth(560)
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        self.window_label = QLabel()
        self.window_spin = QSpinBox()
        self.window_spin.setObjectName("windowDays")
        self.window_spin.setRange(int(WINDOW_DAYS.low), int(WINDOW_DAYS.high))
        self.window_spin.setMaximumWidth(120)
        self.window_label.setBuddy(self.window_spin)
        self.window_note = QLabel()
        self.window_note.setWordWrap(True)
        self.apply_button = QPushButton()
        self.apply_button.setObjectName("applyRates")
        self.revert_button = QPushButton()

        rate_buttons = QHBoxLayout()
        rate_buttons.addWidget(self.add_button)
        rate_buttons.addWidget(self.remove_button)
        rate_buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(self.window_label, self.window_spin)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.revert_button)
        bottom.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.view, 1)
        layout.addLayout(rate_buttons)
        layout.addSpacing(12)
        layout.addLayout(form)
        layout.addWidget(self.window_note)
        layout.addLayout(bottom)

        self.add_button.clicked.connect(self.add_category)
        self.remove_button.clicked.connect(self.remove_selected)
        self.apply_button.clicked.connect(self.apply)
        self.revert_button.clicked.connect(self.revert)
        self.model.dataChanged.connect(self._update_buttons)
        self.model.rowsInserted.connect(self._update_buttons)
        self.model.rowsRemoved.connect(self._update_buttons)
        self.window_spin.valueChanged.connect(self._update_buttons)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.retranslate_ui()

    def set_values(self, rates: RateTable | None, window_days: int) -> None:
        """What the workspace holds; edits not applied yet are discarded."""
        self.rates = rates
        self.window_days = window_days
        self.revert()

    def revert(self) -> None:
        self.model.set_rate_table(self.rates)
        self.window_spin.setValue(self.window_days)
        self._update_buttons()

    def add_category(self) -> None:
        row = self.model.add_category()
        index = self.model.index(row, rm.KEY)
        self.view.setCurrentIndex(index)
        self.view.edit(index)

    def remove_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            self.model.remove_category(rows[0].row())

    def dirty(self) -> bool:
        return not same_rates(self.model.rate_table(), self.rates) or (
            self.window_spin.value() != self.window_days
        )

    def apply(self) -> None:
        new_rates = self.model.rate_table()
        new_days = self.window_spin.value()
        rates_changed = not same_rates(new_rates, self.rates)
        days_changed = new_days != self.window_days
        if not (rates_changed or days_changed):
            return
        stack = self.session.undo_stack
        both = rates_changed and days_changed
        if both:
            stack.beginMacro(self.tr("Edit the reward rates and the booking window"))
        if rates_changed:
            stack.push(SetRates(self.session, self.rates, new_rates))
        if days_changed:
            stack.push(SetWindowDays(self.session, self.window_days, new_days))
        if both:
            stack.endMacro()
        self.rates, self.window_days = new_rates, new_days
        self._update_buttons()

    def _update_buttons(self) -> None:
        editable = not self.session.read_only_facts
        dirty = self.dirty()
        self.apply_button.setEnabled(editable and dirty)
        self.revert_button.setEnabled(dirty)
        rows = self.view.selectionModel().selectedRows()
        self.remove_button.setEnabled(
            editable and bool(rows) and self.model.is_category(rows[0].row())
        )
        self.add_button.setEnabled(editable)

    def retranslate_ui(self) -> None:
        self.intro.setText(
            self.tr(
                "The rewards of the reward/penalty procedure. A reward that differs from its rate is"
                " a finding; a type without an amount is not checked. Categories apply to rewards"
                " whose reason names them (for example 发明专利申请)."
            )
        )
        self.add_button.setText(self.tr("&Add category"))
        self.remove_button.setText(self.tr("&Remove category"))
        self.window_label.setText(self.tr("&Booking window (days):"))
        self.window_note.setText(
            self.tr(
                "How many days after a payment batch its expense line may be booked and still"
                " count as booking that batch."
            )
        )
        self.apply_button.setText(self.tr("A&pply"))
        self.revert_button.setText(self.tr("Re&vert"))
        self.model.retranslate()
        self._update_buttons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
