"""Report layout: tables that keep together, tokens that never break at a hyphen, the objective
whose split does not add up marked on the facts page."""

from __future__ import annotations

import re

import docx
from hypothesis import given
from hypothesis import strategies as st

from ipaudit.export import docx_xml as X

from .conftest import Exported

KEEP = "<w:keepNext/>"


def rows_keep(xml: str) -> list[bool]:
    """For each table row (header first): whether its cells keep with the next row."""
    return [KEEP in row for row in re.findall(r"<w:tr>.*?</w:tr>", xml)]


def test_a_short_table_stays_together() -> None:
    cols = [X.Column("a", 1000), X.Column("b", 1000)]
    xml = X.table(cols, [["1", "2"]] * 3)
    assert rows_keep(xml) == [True, True, True, False]


def test_a_long_table_has_no_orphaned_first_or_last_row() -> None:
    cols = [X.Column("a", 1000)]
    xml = X.table(cols, [[str(n)] for n in range(20)])
    keeps = rows_keep(xml)
    # header with the first row; the last two rows together; the rest may break anywhere
    assert keeps[0] and keeps[1]
    assert keeps[-2] and not keeps[-1]
    assert not any(keeps[2:-2])


def test_an_empty_table_keeps_nothing() -> None:
    assert rows_keep(X.table([X.Column("a", 1000)], [])) == [False]


@given(st.text(alphabet="ZL0123456789.-记年 abc", max_size=40))
def test_no_break_only_changes_inner_hyphens(text: str) -> None:
    out = X.no_break(text)
    assert out.replace(X.NO_BREAK_HYPHEN, "-") == text
    assert not re.search(r"\w-\w", out)
    # a hyphen that is not between two letters or digits (a minus sign, a dash) stays
    assert out.count("-") == len(re.findall(r"(?<!\w)-|-(?!\w)", text))


def test_no_break_hyphen_is_words_own_element() -> None:
    xml = X.run(X.no_break("记-2026-0930"))
    assert xml.count("<w:noBreakHyphen/>") == 2
    assert "\u2011" not in xml


def test_facts_page_marks_the_objective_split_that_does_not_add_up(pack_zh: Exported) -> None:
    report = docx.Document(str(pack_zh.path / "迎审就绪报告.docx"))
    objectives = next(t for t in report.tables if t.rows[0].cells[0].text == "目标")
    marked = {r.cells[0].text: r.cells[4].text for r in objectives.rows[1:]}
    assert "⚠ 分解合计 10件，与目标 12件 不符" in marked["年度发明专利申请"]
    assert sum("⚠" in v for v in marked.values()) == 1


def test_every_table_heading_keeps_with_its_table(pack_zh: Exported) -> None:
    report = docx.Document(str(pack_zh.path / "迎审就绪报告.docx"))
    headings = [p for p in report.paragraphs if p.style.name.startswith("Heading")]
    assert headings
    assert all(p._p.pPr is not None and p._p.pPr.find(X_KEEP) is not None for p in headings)


X_KEEP = f"{{{X.W_URI}}}keepNext"
