"""The facts tab on a laptop-sized window: the objectives list first and in view, department headers
wrapped into two lines rather than cut off (the full screens are in test_layout_fits.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ipaudit.ui import i18n
from ipaudit.ui.facts import objectives_model as om
from ipaudit.ui.facts.facts_editor import FactsEditor


def chars(text: str) -> int:
    return len(text)


def test_a_short_name_stays_on_one_line() -> None:
    assert om.two_lines("研发部", chars, 5) == "研发部"
    assert om.two_lines("Finance", chars, 10) == "Finance"


def test_a_long_chinese_name_breaks_in_the_middle() -> None:
    assert om.two_lines("知识产权管理机构", chars, 5) == "知识产权\n管理机构"


def test_a_long_english_name_breaks_at_the_space_that_balances_the_lines() -> None:
    assert om.two_lines("HR and administration", chars, 10) == "HR and\nadministration"
    assert om.two_lines("IP management body", chars, 10) == "IP management\nbody"


@pytest.fixture(params=["zh", "en"])
def editor(request, qtbot, session):
    i18n.set_language(request.param)
    widget = FactsEditor(session)
    qtbot.addWidget(widget)
    # the facts tab's share of a 1366×768 window with the findings dock open
    widget.resize(1040, 400)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    i18n.reset()


def test_the_objectives_list_comes_first_with_three_rows_in_view(editor) -> None:
    page = editor.policy_page
    table = page.objectives_view
    assert page.splitter.widget(0) is page.objectives_box
    assert table.model().rowCount() >= 3
    top = table.mapTo(editor, table.rect().topLeft()).y()
    rows = sum(table.rowHeight(r) for r in range(3))
    assert top + table.horizontalHeader().height() + rows <= editor.height()
    # nothing covers the list: the wrapped hint above it and the buttons under it have room
    hint, buttons = page.objectives_hint, page.objectives_buttons
    assert hint.height() >= hint.heightForWidth(hint.width())
    assert hint.geometry().bottom() < table.geometry().top()
    assert buttons.geometry().top() > table.geometry().bottom()
    # and the policy below keeps a few lines
    assert page.policy.height() >= 3 * page.policy.fontMetrics().lineSpacing()


def test_department_headers_are_not_cut_off(editor) -> None:
    table = editor.policy_page.objectives_view
    header = table.horizontalHeader()
    model = table.model()
    metrics = header.fontMetrics()
    wrapped = 0
    for col in range(om.FIRST_SPLIT, model.check_column):
        text = model.headerData(col, Qt.Orientation.Horizontal)
        lines = text.split("\n")
        wrapped += len(lines) == 2
        assert len(lines) <= 2, text
        widest = max(metrics.horizontalAdvance(line) for line in lines)
        assert widest < header.sectionSize(col), text
        assert len(lines) * metrics.height() <= header.height(), text
        # the tool tip names the department in full
        tip = model.headerData(col, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert text.replace("\n", "").replace(" ", "") in tip.replace(" ", "")
    assert wrapped >= 1  # the demo's IP management body has a long name
    # the sum check is still in view beside the shares
    last = model.check_column
    right = table.columnViewportPosition(last) + table.columnWidth(last)
    assert right <= table.viewport().width() + 1
