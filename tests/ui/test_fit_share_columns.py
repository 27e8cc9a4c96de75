"""fit.share_columns: columns that share a table's width as stretched ones do, none narrower than
its title, kept so when the table is resized, the titles change or the sort column changes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QTableView

from ipaudit.ui.fit import arrow_room, share_columns, title_width

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


def test_a_sortable_table_keeps_room_for_the_sort_arrow(qtbot) -> None:
    """A shared column at its least width (its title's) widens by the sort arrow when the table
    is sorted by it; the table keeps that room in reserve, so no sort makes it scroll sideways."""
    from PySide6.QtWidgets import QHBoxLayout, QTextEdit, QWidget

    model = QStandardItemModel(3, len(TITLES))
    model.setHorizontalHeaderLabels(TITLES)
    table = QTableView()
    table.setModel(model)
    table.setSortingEnabled(True)
    host = QWidget()  # the table beside a part that takes all the room it is given
    row = QHBoxLayout(host)
    row.addWidget(table)
    row.addWidget(QTextEdit(), 10)
    qtbot.addWidget(host)
    header = table.horizontalHeader()
    for col in range(2):
        header.resizeSection(col, 120)  # the other columns leave the last two their least
    share_columns(table, (2, 3))
    host.resize(600, 200)
    host.show()
    qtbot.waitExposed(host)
    for col in range(len(TITLES)):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            table.sortByColumn(col, order)
            qtbot.wait(10)
            if col >= 2:  # a shared column: its title and the arrow in full
                assert header.sectionSize(col) >= title_width(header, col), col
            assert sum(_widths(table)) <= table.viewport().width(), (col, _widths(table))
            assert table.horizontalScrollBar().maximum() == 0, col
    # sorted by column 3 now: its need holds the arrow, column 2's does not
    least = 240 + title_width(header, 2) + title_width(header, 3)
    assert table.minimumWidth() >= least
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert table.minimumWidth() >= 240 + title_width(header, 2) + title_width(header, 3) + (
        arrow_room(header)
    )
