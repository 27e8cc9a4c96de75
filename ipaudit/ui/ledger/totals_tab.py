"""Totals of the three ledgers side by side, per audit period, year, quarter, month, person,
department or IP item, with the differences (paid − decided, booked − paid) in red."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ipaudit.ledger.totals import Dimension, TotalsTable
from ipaudit.ui.ledger.texts import lang
from ipaudit.ui.ledger.totals_model import TotalsModel


class TotalsTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tables: Mapping[Dimension, TotalsTable] = {}
        self.dimension_label = QLabel()
        self.dimension = QComboBox()
        self.dimension.setObjectName("totalsDimension")
        for dim in Dimension:
            self.dimension.addItem("", dim.value)
        self.dimension.setCurrentIndex(self.dimension.findData(Dimension.YEAR.value))
        self.dimension_label.setBuddy(self.dimension)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.model = TotalsModel(self)
        self.view = QTableView()
        self.view.setObjectName("totalsTable")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        top = QHBoxLayout()
        top.addWidget(self.dimension_label)
        top.addWidget(self.dimension)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.note)
        self.dimension.currentIndexChanged.connect(self._show)
        self.retranslate_ui()

    def set_tables(self, tables: Mapping[Dimension, TotalsTable]) -> None:
        self.tables = tables
        self._show()

    def set_dimension(self, dim: Dimension) -> None:
        self.dimension.setCurrentIndex(self.dimension.findData(dim.value))

    def current_dimension(self) -> Dimension:
        return Dimension(self.dimension.currentData())

    def current_table(self) -> TotalsTable | None:
        return self.tables.get(self.current_dimension())

    def _show(self) -> None:
        self.model.set_table(self.current_table())

    def retranslate_ui(self) -> None:
        self.dimension_label.setText(self.tr("&Totals per:"))
        ui = lang()
        for i in range(self.dimension.count()):
            self.dimension.setItemText(i, Dimension(self.dimension.itemData(i)).text(ui))
        self.note.setText(
            self.tr(
                "Decided: rewards of the reward record (penalties apart). Paid: the payment"
                " register. Booked: the reward lines of the expense record, which books batches,"
                " not people — so it has no column per person, department or IP item."
            )
        )
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
