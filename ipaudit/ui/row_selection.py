"""Selecting one row of a table view from code, as a click on it would."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import QAbstractItemView


def select_row(view: QAbstractItemView, index: QModelIndex) -> bool:
    """Select the whole row of ``index`` (an index of the view's own model), make it current and
    scroll to it; False, changing nothing, when the index is invalid (a row the view does not show).
    """
    if not index.isValid():
        return False
    view.selectionModel().select(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.setCurrentIndex(index)
    view.scrollTo(index)
    return True
