"""Rehearsal comparison: an answer that says the same in other words or number formats passes; a
wrong number, a wrong date or a missing key term fails and is named."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from ipaudit.domain.comparison import (
    Difference,
    DiffKind,
    codes_in,
    compare,
    dates_in,
    names_in,
    plain_official,
    squeeze,
)
from ipaudit.domain.facts import ITEM_UNITS, PEOPLE_UNITS, Declared, FactKind, agrees
from tests.unit.domain.test_normalize import FULL_WIDTH, to_chinese


def number_fact(n: int, units: tuple[str, ...] = PEOPLE_UNITS) -> Declared:
    return Declared(FactKind.NUMBER, str(n), number=Decimal(n), units=units)


def spellings(n: int) -> st.SearchStrategy[str]:
    """The ways people say n of something: 35, ３５, 三十五, 35.0, with or without a unit and
    words around it."""
    return st.sampled_from(
        [
            str(n),
            str(n).translate(FULL_WIDTH),
            to_chinese(n),
            f"{n}.0",
            f"{n:,}",
        ]
    )


WRAPS = ("{}", "{}人", "共{}人", "我们部门现在有 {} 个人", "截至2026年11月共{}名员工", "{} 位")


# (a bare 一 is not read as a number: 统一, 一致 … — see domain.numbers)
@given(st.integers(min_value=2, max_value=99999), st.data())
def test_a_number_in_any_writing_passes(n: int, data: st.DataObject) -> None:
    said = data.draw(spellings(n))
    answer = data.draw(st.sampled_from(WRAPS)).format(said)
    verdict = compare(answer, number_fact(n))
    assert verdict.passed, (answer, verdict)
    assert verdict.differences == ()


@given(
    st.integers(min_value=2, max_value=99999),
    st.integers(min_value=2, max_value=99999),
    st.data(),
)
def test_a_wrong_number_fails_and_says_both(n: int, m: int, data: st.DataObject) -> None:
    assume(n != m)
    answer = data.draw(st.sampled_from(WRAPS)).format(data.draw(spellings(m)))
    verdict = compare(answer, number_fact(n))
    assert not verdict.passed
    assert verdict.differences == (Difference(DiffKind.WRONG_NUMBER, f"{n} 人", f"{m} 人"),)
    assert "回答是" in verdict.differences[0].text().zh
    assert f"the manual says {n} 人" in verdict.differences[0].text().en


@given(st.integers(min_value=1, max_value=5000), st.sampled_from(["件", "项", "个"]))
def test_number_and_verdict_agree_with_the_sheets_check(n: int, unit: str) -> None:
    fact = number_fact(n, ITEM_UNITS)
    for answer in (f"{n}{unit}", f"{n + 1}{unit}", "很多", f"去年{n}件，今年{n + 2}件"):
        assert compare(answer, fact).passed == agrees(answer, fact), answer


def test_no_number_and_no_answer_fail() -> None:
    assert compare("人数不少", number_fact(23)).differences == (
        Difference(DiffKind.MISSING_NUMBER, "23 人"),
    )
    empty = compare(" 。", number_fact(23))
    assert not empty.passed and empty.differences[0].kind is DiffKind.EMPTY


@given(
    st.integers(min_value=10**27, max_value=10**60), st.sampled_from(["", "人", "件", "万元", "%"])
)
def test_a_number_of_any_length_is_a_verdict_never_an_error(n: int, unit: str) -> None:
    """A pasted serial or ID with more digits than Decimal's precision (28) in an answer."""
    verdict = compare(f"共{n}{unit}", number_fact(23))
    assert not verdict.passed and verdict.differences


# -- amounts, percentages, dates -------------------------------------------------------------------


@given(st.integers(min_value=1, max_value=9999), st.data())
def test_money_in_wan_yuan_and_commas_passes(k: int, data: st.DataObject) -> None:
    yuan = k * 1000
    official = plain_official(f"今年知识产权经费预算{yuan}元，由总经理批准")
    wan = f"{(Decimal(yuan) / 10000).normalize():f}"
    said = data.draw(st.sampled_from([f"{wan}万元", f"{yuan:,}元", f"{yuan}.00元", f"{yuan} 元"]))
    verdict = compare(f"今年的知识产权经费预算是{said}，总经理批准的", official)
    assert verdict.passed, (said, verdict)


@given(st.integers(min_value=1, max_value=9999), st.integers(min_value=1, max_value=9999))
def test_a_wrong_amount_fails(k: int, j: int) -> None:
    assume(k != j)
    official = plain_official(f"今年知识产权经费预算{k * 1000}元，由总经理批准")
    verdict = compare(f"今年知识产权经费预算{j * 1000}元，总经理批准", official)
    assert not verdict.passed
    assert verdict.differences[0] == Difference(
        DiffKind.WRONG_NUMBER, f"{k * 1000} 元", f"{j * 1000} 元"
    )


@given(st.integers(min_value=1, max_value=100))
def test_percentages_in_words_and_digits(p: int) -> None:
    fact = Declared(FactKind.NUMBERS, f"培训覆盖率 {p}%", numbers=(Decimal(p),))
    assert compare(f"培训覆盖率达到百分之{to_chinese(p)}", fact).passed
    assert compare(f"覆盖率{p}%", fact).passed
    if p == 100:
        assert compare("培训覆盖率百分之百", fact).passed
    wrong = compare(f"覆盖率{p + 1}%", fact)
    assert not wrong.passed and wrong.differences[0].said == f"{p + 1} %"


@given(st.dates(min_value=__import__("datetime").date(2000, 1, 1)), st.data())
def test_dates_in_any_writing(day: object, data: st.DataObject) -> None:
    import datetime as dt

    assert isinstance(day, dt.date)
    writings = [
        f"{day.year}年{day.month}月{day.day}日",
        f"{day:%Y-%m-%d}",
        f"{day.year}.{day.month}.{day.day}",
        f"{day.year}/{day.month:02d}/{day.day:02d}",
    ]
    official = plain_official(f"手册在{writings[0]}发布")
    said = data.draw(st.sampled_from(writings))
    assert dates_in(said) == [(day.year, day.month, day.day)]
    assert compare(f"{said}发布的手册", official).passed
    other = day + dt.timedelta(days=1)
    wrong = compare(f"{other:%Y-%m-%d}发布的手册", official)
    assert not wrong.passed
    assert wrong.differences[0].kind is DiffKind.WRONG_DATE


# -- key terms -------------------------------------------------------------------------------------

_PHRASES = ("尊重知识产权", "激励创新创造", "规范合规管理", "提升核心竞争力", "保护商业秘密")
_SEPARATORS = st.sampled_from(["，", "、", " ", "　", ",", "；", "和"])


def policy() -> Declared:
    text = "，".join(_PHRASES)
    return Declared(FactKind.WORDING, text, text=text)


@given(st.permutations(_PHRASES), _SEPARATORS, st.sampled_from(["", "我们的方针是：", "方针：“"]))
def test_the_policy_in_any_order_with_extra_words_passes(
    order: list[str], sep: str, lead: str
) -> None:
    verdict = compare(lead + sep.join(order) + "。", policy())
    assert verdict.passed, verdict


@given(st.permutations(_PHRASES), st.integers(min_value=0, max_value=4), _SEPARATORS)
def test_a_policy_phrase_left_out_fails_and_is_named(
    order: list[str], dropped: int, sep: str
) -> None:
    kept = [p for i, p in enumerate(order) if i != dropped]
    verdict = compare(sep.join(kept), policy())
    assert not verdict.passed
    assert verdict.differences == (Difference(DiffKind.MISSING_TERM, order[dropped]),)


def test_spaces_inside_chinese_names_do_not_matter() -> None:
    official = plain_official("组长林婉清统筹，沈雨桐负责专利申请")
    assert squeeze("林  婉 清") == "林婉清"
    assert compare("林 婉 清 统筹；专利申请由 沈  雨桐 负责", official).passed


def test_document_numbers_and_quoted_titles_are_hard_terms() -> None:
    official = plain_official("按《专利检索管理程序》IP-CX-05执行，立项阶段和设计阶段开展检索")
    assert codes_in(official.text) == ["IP-CX-05"]
    good = compare("立项和设计阶段检索，执行ip-cx-05 《专利检索管理程序》", official)
    assert good.passed, good
    missing = compare("立项和设计阶段开展检索，按程序执行", official)
    assert not missing.passed
    said = {d.expected for d in missing.differences}
    assert said == {"IP-CX-05", "《专利检索管理程序》"}


def test_a_text_with_most_terms_passes_and_notes_the_rest() -> None:
    official = plain_official(
        "负责研发项目立项和设计阶段的知识产权检索，技术交底与专利挖掘，研发记录的管理"
    )
    verdict = compare("研发项目立项、设计阶段的知识产权检索，专利挖掘，研发记录管理", official)
    assert verdict.passed
    assert [d.expected for d in verdict.notes] == ["技术交底"]
    assert not compare("负责研发", official).passed


def test_lists_need_every_entry_by_title_or_number() -> None:
    fact = Declared(
        FactKind.LIST,
        "XH-CX-04 人力资源控制程序；XH-CX-05 知识产权奖惩制度",
        entries=("人力资源控制程序", "知识产权奖惩制度"),
        text="XH-CX-04 XH-CX-05",
    )
    assert compare("人力资源控制程序和XH-CX-05", fact).passed
    verdict = compare("执行人力资源控制程序", fact)
    assert verdict.differences == (Difference(DiffKind.MISSING_ENTRY, "XH-CX-05 知识产权奖惩制度"),)


def test_the_reconciliation_claim_and_amounts() -> None:
    fact = Declared(
        FactKind.RECONCILED,
        "奖励合计 19,500.00 元，发放合计 14,500.00 元；三表不一致",
        numbers=(Decimal(19500), Decimal(14500), Decimal(5000)),
        agreed=False,
    )
    assert compare("奖励1.95万元，发放14500元，相差5000元，不一致", fact).passed
    wrong = compare("三张表一致，奖励合计19500元", fact)
    assert [d.kind for d in wrong.differences] == [DiffKind.WRONG_CLAIM]
    amount = compare("奖励合计两万元", fact)
    assert amount.differences[0] == Difference(DiffKind.WRONG_NUMBER, fact.display, "20000 元")


@pytest.mark.parametrize("kind", list(DiffKind))
def test_every_difference_reads_in_both_languages(kind: DiffKind) -> None:
    d = Difference(kind, "35 人", "36 人")
    text = d.text()
    assert text.zh and text.en and kind.value not in text.zh
    assert Difference.from_json(d.to_json()) == d


def test_names_of_people_are_hard_terms() -> None:
    official = plain_official(
        "组长林婉清（管理者代表）统筹；沈雨桐负责专利申请和维护；韩立负责商标、软著和合同审查；"
        "唐思远负责检索和风险监控。"
    )
    assert names_in(official.text) == ["林婉清", "沈雨桐", "韩立", "唐思远"]
    said = "林 婉清统筹，沈雨桐管专利申请和维护，韩立管商标软著和合同审查，唐思远做检索和风险监控"
    assert compare(said, official).passed
    verdict = compare(said.replace("韩立", ""), official)
    assert not verdict.passed
    assert verdict.differences == (Difference(DiffKind.MISSING_TERM, "韩立"),)
    # everyday words are not names
    assert (
        names_in("用国家知识产权局专利检索系统检索，检索报告由项目负责人和知识产权专员审核。") == []
    )
