"""Reading a request list's table and matching its titles, without files."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipaudit.domain.model import Edition
from ipaudit.domain.request_list import (
    AUTO_MATCH,
    DECIDED,
    Coverage,
    Matcher,
    RequestListError,
    find_columns,
    is_note,
    line_coverage,
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


# -- what a title says about the copy, notes on the list, states that wait for the user -------

#: request titles as certification bodies write them (from the lists of the integration tests)
TITLES = [
    "知识产权管理手册",
    "知识产权手册",
    "程序文件清单",
    "管理评审报告及签到",
    "内审计划、内审检查表及不符合报告",
    "培训签到单及培训记录",
    "员工劳动合同",
    "劳动合同",
    "保密合同",
    "《知识产权经费使用台账》",
    "知识产权奖金发放记录",
    "离职人员交接清单",
    "新员工入职背调表",
    "目标分解表",
    "采购合同（含知识产权条款）",
    "采购合同",
    "营业执照",
    "组织机构图",
    "年度培训计划",
    "研发项目立项报告及检索报告",
    "专利、商标、软著台账",
]
_CN = "一二三四五六七八九十"


@st.composite
def qualified(draw: st.DrawFn, title: str) -> str:
    """``title`` with a year, which copy (第N份) or a copy/version mark added, before or after."""
    year = draw(st.integers(1995, 2035))
    n = draw(st.integers(1, 60))
    cn = _CN[draw(st.integers(0, 9))]
    after = draw(
        st.sampled_from(
            [
                f"（{year}年）",
                f"{year}年",
                f"({year}年度)",
                f"（{year}-{year + 1}年）",
                f"（{year}年{n % 12 + 1}月）",
                f"第{n}份",
                f" 第{cn}份",
                f"（第{n}份）",
                f"（{year}年 第{n}份）",
                "（复印件）",
                "复印件",
                "（扫描件）",
                "（最新版）",
                "（现行有效版本）",
                f"（V{n % 9 + 1}.{n % 10}）",
                "（加盖公章）",
                "（原件）",
                f"（至少{cn}份）",
            ]
        )
    )
    before = draw(st.sampled_from(["", f"{year}年", f"{year}年度"]))
    return before + title + after if draw(st.booleans()) else title + after


@given(st.data(), st.sampled_from(TITLES))
def test_a_year_a_copy_number_or_a_copy_mark_does_not_change_the_match(
    matcher: Matcher, data: st.DataObject, title: str
) -> None:
    dressed = data.draw(qualified(title))
    assert normalize_title(dressed) == normalize_title(title)
    assert matcher.candidates(dressed) == matcher.candidates(title)


def test_the_qualifiers_found_unmatched_before(matcher: Matcher) -> None:
    # each scored below the proposal threshold with its year, edition or copy number
    for title, key in [
        ("劳动合同（2020年）", "hr.labour_contracts"),
        ("采购合同（2021年）", "proc.contract_clauses"),
        ("知识产权手册（最新版）", "ipo.manual"),
        ("培训签到表（2022年 第2份）", "hr.trainings"),
        ("经费预算（2022年）", "fin.budget"),
    ]:
        top = matcher.candidates(title)[0]
        assert top.item_key == key and top.score >= AUTO_MATCH, (title, top)
    # what is asked stays: a bracket with more than a qualifier is kept
    assert "知识产权条款" in normalize_title("采购合同（含知识产权条款）（2021年）")
    assert normalize_title("近一年无行政处罚承诺书") == "近一年无行政处罚承诺书"


def test_the_weights_are_the_checklists() -> None:
    """The pieces' weights come from the checklist alone: a matcher built twice from the same
    items is the same, whatever was matched with the first one before."""
    template = load_builtin(Edition.GB2023)
    owners = {it.key: it.department for it in template.items}
    first = Matcher.build(template.items, owners)
    for title in TITLES * 3:
        first.candidates(title)
    second = Matcher.build(template.items, owners)
    assert first.idf == second.idf
    assert all(first.candidates(t, limit=20) == second.candidates(t, limit=20) for t in TITLES)


NOTE_TEXTS = [
    "以上资料请于审核前一周准备齐全",
    "复印件须加盖公章",
    "标*者为必备资料，其他如有请提供",
    "请按部门整理成册，现场备查",
    "如无相关记录，请书面说明原因",
]
NOTE_LEADS = ["注：", "注:", "注1：", "说明：", "备注：", "※", "*", "＊", "※ ", "Note: "]


@given(
    st.lists(st.sampled_from(TITLES), min_size=2, max_size=8, unique=True),
    st.lists(
        st.tuples(
            st.integers(0, 12),  # where: 0 above the header, else among/after the lines
            st.sampled_from(NOTE_LEADS),
            st.sampled_from(NOTE_TEXTS),
            st.sampled_from(["title", "first", "merged"]),  # its cell
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_note_rows_anywhere_are_never_requests(
    titles: list[str], notes: list[tuple[int, str, str, str]]
) -> None:
    body: list[list[object]] = [[n, t, "行政人事部", ""] for n, t in enumerate(titles, 1)]
    above: list[list[object]] = [["审核资料清单", "", "", ""]]
    for where, lead, text, cell in notes:
        note = lead + text
        row: list[object] = {
            "title": ["", note, "", ""],
            "first": [note, "", "", ""],
            "merged": [note, note, note, note],
        }[cell]
        if where == 0:
            above.append(row)
        else:
            body.insert(min(where - 1, len(body)), row)
    rows = [*above, ["序号", "资料名称", "提供部门", "备注"], *body]
    found = requests_from_rows(rows)
    assert [r.title for r in found] == titles
    assert [r.number for r in found] == [str(n) for n in range(1, len(titles) + 1)]
    assert {r.department for r in found} == {"行政人事部"}  # no note became a section


def test_a_starred_line_with_its_own_number_is_a_request() -> None:
    rows = [["序号", "资料名称"], ["1", "*劳动合同"], ["2", "保密协议"], ["", "*为必备资料"]]
    assert [r.title for r in requests_from_rows(rows)] == ["*劳动合同", "保密协议"]
    assert is_note("注：以上资料请于审核前一周准备齐全")
    assert not is_note("说明书") and not is_note("技术交底书")


def test_a_line_waits_for_the_user_until_confirmed() -> None:
    C, M = Coverage.COVERED, Coverage.MISSING
    assert line_coverage(False, ("ipo.manual",), [C]) is Coverage.TO_CONFIRM
    assert line_coverage(False, (), []) is Coverage.UNMATCHED
    assert line_coverage(True, ("ipo.manual",), [C]) is C
    assert line_coverage(True, (), []) is M  # the user said no checklist item holds it
    assert set(DECIDED) == {C, Coverage.PARTLY, M}
