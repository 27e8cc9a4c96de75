"""fit.share_columns: columns that share a table's width as stretched ones do, none narrower than
its title, kept so when the table is resized, the titles change or the sort column changes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QTableView

from ipaudit.ui.fit import share_columns, title_width

TITLES = ["Name", "Role", "Department", "Escort"]


def _table(qtbot, width: int) -> QTableView:
    model = QStandardItemModel(3, len(TITLES))
    model.setHorizontalHeaderLabels(TITLES)
    table = QTableView()
    table.setModel(model)
    qtbot.addWidget(table)
    table.resize(width, 200)
    table.show()
    qtbot.waitExposed(table)
    share_columns(table, range(len(TITLES)))
    return table


def _widths(table: QTableView) -> list[int]:
    return [table.horizontalHeader().sectionSize(c) for c in range(len(TITLES))]


def test_a_long_title_keeps_its_width_and_the_others_share_the_rest(qtbot) -> None:
    table = _table(qtbot, 300)
    header = table.horizontalHeader()
    need = [title_width(header, c) for c in range(len(TITLES))]
    widths = _widths(table)
    assert all(w >= n for w, n in zip(widths, need, strict=True)), (widths, need)
    assert sum(widths) == table.viewport().width()  # the whole width, no sideways scrolling
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0)
    equal = table.viewport().width() // len(TITLES)
    assert need[2] > equal  # "Department" would be elided by an equal share
    assert widths[2] == need[2] and widths[0] == widths[1]  # it keeps its need, the rest share


def test_it_follows_a_resize_a_new_title_and_the_sort_column(qtbot) -> None:
    table = _table(qtbot, 300)
    table.resize(600, 200)
    qtbot.waitUntil(lambda: sum(_widths(table)) == table.viewport().width())
    assert min(_widths(table)) > title_width(table.horizontalHeader(), 2)  # room for all
    table.resize(300, 200)
    model = table.model()
    model.setHeaderData(0, Qt.Orientation.Horizontal, "Name of the person")
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: _widths(table)[0] >= title_width(header, 0))
    table.setSortingEnabled(True)
    table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    sorted_need = title_width(header, 3)
    assert sorted_need > title_width(header, 1)  # the arrow takes room
    qtbot.waitUntil(lambda: _widths(table)[3] >= sorted_need)
