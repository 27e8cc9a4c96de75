"""Add / remove buttons under a table or list of facts."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QPushButton, QWidget


class ListButtons(QWidget):
    """ "Add" and "Remove" for a view; Remove is enabled while a row is selected."""

    def __init__(self, view: QAbstractItemView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.add_button = QPushButton()
        self.remove_button = QPushButton()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.add_button)
        layout.addWidget(self.remove_button)
        layout.addStretch(1)
        self.remove_button.setEnabled(False)

    def watch_selection(self) -> None:
        """Call after the view has its model (the selection model comes with it)."""
        self.view.selectionModel().selectionChanged.connect(self._update)
        self.view.model().modelReset.connect(self._update)
        self.view.model().rowsRemoved.connect(self._update)
        self._update()

    def selected_row(self) -> int:
        rows = (
            self.view.selectionModel().selectedRows()
            or self.view.selectionModel().selectedIndexes()
        )
        return rows[0].row() if rows else -1

    def retranslate_ui(self, add: str, remove: str) -> None:
        self.add_button.setText(add)
        self.remove_button.setText(remove)

    def _update(self) -> None:
        self.remove_button.setEnabled(self.isEnabled() and self.selected_row() >= 0)
