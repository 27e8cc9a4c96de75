"""Reading a request list's table and matching its titles, without files."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipaudit.domain.model import Edition
from ipaudit.domain.request_list import (
    Coverage,
    Matcher,
    RequestListError,
    find_columns,
    normalize_title,
    request_coverage,
    requests_from_rows,
)
from ipaudit.domain.template import load_builtin


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    template = load_builtin(Edition.GB2023)
    return Matcher.build(template.items, {it.key: it.department for it in template.items})


def test_header_found_below_a_title_row_in_any_column_order() -> None:
    rows = [
        ["二阶段审核资料清单", "", ""],
        ["备注", "文件名称", "序号"],
        ["", "知识产权手册", 1.0],
        ["需原件", "劳动合同", 2.0],
    ]
    cols = find_columns([[str(c) for c in r] for r in rows])
    assert (cols.header, cols.title, cols.number, cols.note) == (1, 1, 2, 0)
    found = requests_from_rows(rows)
    assert [(r.number, r.title, r.note, r.row) for r in found] == [
        ("1", "知识产权手册", "", 3),
        ("2", "劳动合同", "需原件", 4),
    ]


def test_without_a_header_the_title_column_is_the_one_with_text() -> None:
    rows = [["1", "知识产权管理手册", "A"], ["2", "保密协议及竞业限制协议", "B"]]
    found = requests_from_rows(rows)
    assert [r.title for r in found] == ["知识产权管理手册", "保密协议及竞业限制协议"]
    assert [r.number for r in found] == ["1", "2"]


def test_sections_name_the_department_and_repeated_numbers_stay_apart() -> None:
    rows = [
        ["序号", "资料名称"],
        ["", "一、财务部"],
        ["1", "经费使用记录"],
        ["", "二、研发部"],
        ["1", "立项报告"],
    ]
    found = requests_from_rows(rows)
    assert [(r.number, r.department) for r in found] == [("1", "财务部"), ("1-5", "研发部")]


def test_a_table_without_lines_is_refused() -> None:
    with pytest.raises(RequestListError):
        requests_from_rows([["", ""], [None, None]])
    with pytest.raises(RequestListError):
        requests_from_rows([["序号", "文件名称"]])


@given(
    st.sampled_from(["劳动合同", "保密协议", "知识产权经费使用记录", "培训签到表"]),
    st.sampled_from(["", "《", "1、", "（三）", "2.1 "]),
    st.sampled_from(["", "》", "台账", "清单", "记录", "登记表", "复印件", "。"]),
)
def test_brackets_numbering_and_record_suffixes_do_not_change_the_match(
    title: str, lead: str, tail: str
) -> None:
    plain = normalize_title(title)
    dressed = normalize_title(f"{lead}{title}{tail}")
    assert plain in dressed or dressed in plain


def test_word_order_and_synonyms(matcher: Matcher) -> None:
    assert matcher.candidates("发放回收记录及受控文件清单")[0].item_key == "ipo.document_control"
    assert matcher.candidates("保密合同")[0].item_key == "hr.confidentiality_agreements"
    assert matcher.candidates("新员工背景审查")[0].item_key == "hr.background_checks"
    # the department named tips a close call toward its own item
    plain = matcher.score("知识产权风险评估报告", "mkt.risk_assessment")
    assert matcher.score("知识产权风险评估报告", "mkt.risk_assessment", "marketing") >= plain


def test_request_coverage_from_its_items() -> None:
    C, P, M = Coverage.COVERED, Coverage.PARTLY, Coverage.MISSING
    assert request_coverage([]) is M
    assert request_coverage([C, C]) is C
    assert request_coverage([C, M]) is P
    assert request_coverage([P]) is P
    assert request_coverage([M, M]) is M
