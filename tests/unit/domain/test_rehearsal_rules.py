"""Rehearsal verdicts that read more than words: each objective's number said with its own name,
negated key phrases, and the department's number over the company's. Answers are built from the
official facts the way people say them (any order, punctuation, full-width digits, Chinese
numerals, the objectives' other names); the words come from the shipped rules file."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from ipaudit.demo.content import DUTIES, HEADCOUNT, OBJECTIVES, POLICY
from ipaudit.domain.comparison import Difference, DiffKind, Verdict, compare
from ipaudit.domain.facts import PEOPLE_UNITS, Declared, FactKind
from ipaudit.domain.model import Objective
from ipaudit.domain.rehearsal_rules import (
    RulesError,
    default_rules,
    naming,
    parse_rules,
    split_negated,
)
from tests.unit.domain.test_normalize import FULL_WIDTH, to_chinese

RULES = default_rules()

# -- objectives ------------------------------------------------------------------------------------

# declared objective names (as a manual writes them) and the unit each is counted in
DECLARED = (
    ("年度发明专利申请", "件"),
    ("年度实用新型专利申请", "件"),
    ("年度软件著作权登记", "件"),
    ("知识产权培训覆盖率", "%"),
    ("年度外观设计专利申请", "件"),
    ("年度商标注册申请", "件"),
)


@dataclass(frozen=True)
class Goal:
    name: str
    value: int
    unit: str


def objectives_fact(goals: list[Goal]) -> Declared:
    """The objectives fact as ``ipaudit.domain.facts`` declares it for a department."""
    return Declared(
        FactKind.NUMBERS,
        "；".join(f"{g.name} {g.value}{g.unit}" for g in goals),
        numbers=tuple(Decimal(g.value) for g in goals),
        entries=tuple(g.name for g in goals),
        units=tuple(g.unit for g in goals),
    )


@st.composite
def goal_sets(draw: st.DrawFn) -> list[Goal]:
    chosen = draw(st.lists(st.sampled_from(DECLARED), min_size=2, max_size=5, unique=True))
    values = draw(
        st.lists(
            st.integers(min_value=1, max_value=100),
            min_size=len(chosen),
            max_size=len(chosen),
            unique=True,
        )
    )
    return [Goal(name, v, unit) for (name, unit), v in zip(chosen, values, strict=True)]


def spoken_names(declared: str) -> list[str]:
    """The ways an objective is named: as declared, and each name of its kind in the rules."""
    n = naming(declared, RULES)
    assert n is not None
    return [declared, *n.words]


@st.composite
def said_number(draw: st.DrawFn, value: int, unit: str) -> str:
    digits = draw(
        st.sampled_from([str(value), str(value).translate(FULL_WIDTH), to_chinese(value)])
    )
    if unit == "%":
        return draw(st.sampled_from([f"{digits}%", f"百分之{to_chinese(value)}"]))
    return digits + draw(st.sampled_from(["件", "项", " 件"]))


SEPARATORS = st.sampled_from(["，", "；", "、", " ", "。", "\n", ",", ""])


@st.composite
def answers(draw: st.DrawFn, goals: list[Goal]) -> tuple[str, list[Goal]]:
    """An answer stating ``goals`` in a random order, one way of speaking throughout (name first
    or number first), and the order used."""
    order = draw(st.permutations(goals))
    name_first = draw(st.booleans())
    sep = draw(SEPARATORS)
    parts = []
    for g in order:
        name = draw(st.sampled_from(spoken_names(g.name)))
        number = draw(said_number(g.value, g.unit))
        if name_first:
            link = draw(st.sampled_from(["", "：", "是", "目标", "为"]))
            parts.append(f"{name}{link}{number}")
        else:
            parts.append(f"{number}{name}")
    lead = draw(st.sampled_from(["", "今年我们部门的目标：", "2026年"]))
    return lead + sep.join(parts), list(order)


def passes(verdict: Verdict) -> bool:
    return verdict.passed and verdict.differences == ()


@given(goal_sets(), st.data())
def test_the_objectives_said_in_any_order_and_writing_pass(
    goals: list[Goal], data: st.DataObject
) -> None:
    answer, _order = data.draw(answers(goals))
    verdict = compare(answer, objectives_fact(goals), "objectives")
    assert passes(verdict), (answer, verdict)


@given(goal_sets(), st.data())
def test_any_swap_of_two_numbers_fails_naming_both(goals: list[Goal], data: st.DataObject) -> None:
    i, j = data.draw(st.lists(st.integers(0, len(goals) - 1), min_size=2, max_size=2, unique=True))
    swapped = list(goals)
    swapped[i] = replace(goals[i], value=goals[j].value, unit=goals[j].unit)
    swapped[j] = replace(goals[j], value=goals[i].value, unit=goals[i].unit)
    answer, _order = data.draw(answers(swapped))
    verdict = compare(answer, objectives_fact(goals), "objectives")
    assert not verdict.passed, answer
    named = " ".join(d.expected for d in verdict.differences)
    assert goals[i].name in named and goals[j].name in named, (answer, verdict)
    if goals[i].unit == goals[j].unit:  # said with the other's name: a wrong number, both
        wrong = {d.expected: d.said for d in verdict.differences}
        assert wrong[f"{goals[i].name} {goals[i].value} {goals[i].unit}"].startswith(
            str(goals[j].value)
        ), verdict


@given(goal_sets(), st.data())
def test_leaving_any_number_out_fails_naming_it(goals: list[Goal], data: st.DataObject) -> None:
    dropped = data.draw(st.integers(0, len(goals) - 1))
    kept = [g for k, g in enumerate(goals) if k != dropped]
    answer, _order = data.draw(answers(kept))
    verdict = compare(answer, objectives_fact(goals), "objectives")
    g = goals[dropped]
    assert verdict.differences == (
        Difference(DiffKind.MISSING_NUMBER, f"{g.name} {g.value} {g.unit}"),
    ), (answer, verdict)


def rnd_objectives() -> Declared:
    """R&D's objectives in the demo: invention 8, utility model 10, software 6, training 100 %."""
    goals = [Goal(o.text, int(o.split["rnd"]), o.unit) for o in OBJECTIVES if "rnd" in o.split]
    return objectives_fact(goals)


def test_the_objectives_found_wrong_in_the_product_fail() -> None:
    fact = rnd_objectives()
    swapped = compare("实用新型专利申请8件，发明专利申请10件", fact)
    assert not swapped.passed
    assert swapped.differences[:2] == (
        Difference(DiffKind.WRONG_NUMBER, "年度发明专利申请 8 件", "10 件"),
        Difference(DiffKind.WRONG_NUMBER, "年度实用新型专利申请 10 件", "8 件"),
    )
    assert "回答是 10 件，手册是 年度发明专利申请 8 件" in swapped.differences[0].text().zh
    alone = compare("发明专利8件", fact)
    assert [d.kind for d in alone.differences] == [DiffKind.MISSING_NUMBER] * 3
    assert "年度软件著作权登记 6 件" in alone.differences[1].text().zh
    management = objectives_fact([Goal(o.text, int(o.target), o.unit) for o in OBJECTIVES])
    assert len(compare("12件", management).differences) == 3
    said = "发明、实用新型、软著分别为8件、10件、6件，培训覆盖率百分之百，共培训23人"
    assert passes(compare(said, fact))
    # a number said with an objective the department does not have is wrong
    finance = objectives_fact([Goal("知识产权培训覆盖率", 100, "%")])
    assert (
        Difference(DiffKind.WRONG_NUMBER, finance.display, "99 件")
        in compare("发明专利申请99件，培训覆盖率100%", finance).differences
    )


def test_the_portfolio_total_is_accepted_not_asked_for() -> None:
    fact = Declared(
        FactKind.NUMBERS,
        "发明专利 14 件，实用新型 37 件",
        numbers=(Decimal(14), Decimal(37), Decimal(51)),
        entries=("发明专利", "实用新型"),
        units=("件", "件"),
    )
    assert passes(compare("发明专利14件，实用新型37件", fact))
    assert passes(compare("共51件，其中发明专利14件，实用新型37件", fact))
    assert not compare("发明专利37件，实用新型14件，共51件", fact).passed


def test_two_objectives_of_one_kind_are_told_apart_by_their_qualifier() -> None:
    fact = objectives_fact([Goal("年度发明专利申请", 12, "件"), Goal("发明专利授权", 3, "件")])
    assert passes(compare("发明专利授权3件，发明专利申请12件", fact))
    verdict = compare("发明专利申请3件，发明专利授权12件", fact)
    assert [d.kind for d in verdict.differences] == [DiffKind.WRONG_NUMBER] * 2


# -- negation --------------------------------------------------------------------------------------

_PHRASES = tuple(POLICY.split("，"))


def policy() -> Declared:
    return Declared(FactKind.WORDING, POLICY, text=POLICY)


NEGATIONS = st.sampled_from(RULES.negation_before)


@given(st.permutations(_PHRASES), st.data())
def test_negating_any_policy_phrase_fails_and_names_it(
    order: list[str], data: st.DataObject
) -> None:
    k = data.draw(st.integers(0, len(order) - 1))
    word = data.draw(NEGATIONS)
    assume(not any((word + order[k]).startswith(w) for w in RULES.not_negation))
    sep = data.draw(st.sampled_from(["，", "；", "。", ","]))
    said = [p if i != k else word + p for i, p in enumerate(order)]
    verdict = compare(sep.join(said), policy())
    assert not verdict.passed
    assert verdict.differences == (Difference(DiffKind.NEGATED, order[k], word + order[k]),)
    assert f"回答是“{word}{order[k]}”" in verdict.differences[0].text().zh


@given(st.sampled_from(sorted(DUTIES)), st.sampled_from(RULES.negation_after), st.data())
def test_duties_said_and_then_denied_fail(department: str, word: str, data: st.DataObject) -> None:
    duties = DUTIES[department]
    fact = Declared(FactKind.TEXT, duties, text=duties)
    assert passes(compare(duties, fact))
    tail = data.draw(st.sampled_from(["负责", "做", "管", ""]))
    verdict = compare(f"{duties}{word}{tail}", fact)
    assert not verdict.passed
    assert [d.kind for d in verdict.differences] == [DiffKind.NEGATED]


@given(st.sampled_from(sorted(DUTIES)), st.data())
def test_negating_any_duty_fails(department: str, data: st.DataObject) -> None:
    duties = DUTIES[department]
    phrases = duties.split("，")
    k = data.draw(st.integers(0, len(phrases) - 1))
    word = data.draw(st.sampled_from(["不", "没有", "不需要", "从不", "并非"]))
    said = "，".join(p if i != k else word + p.removeprefix("负责") for i, p in enumerate(phrases))
    verdict = compare(said, Declared(FactKind.TEXT, duties, text=duties))
    assert not verdict.passed
    assert any(d.kind is DiffKind.NEGATED for d in verdict.differences), verdict


def test_the_negations_found_in_the_product_fail() -> None:
    verdict = compare("不尊重知识产权，不激励创新创造，规范管理运用，提升核心竞争力", policy())
    assert [d.expected for d in verdict.differences] == ["尊重知识产权", "激励创新创造"]
    assert verdict.differences[0].text().zh == (
        "意思说反了：回答是“不尊重知识产权”，手册是“尊重知识产权”。"
    )
    assert "Says the opposite" in verdict.differences[0].text().en
    duties = DUTIES["rnd"]
    denied = compare(f"{duties}都不负责", Declared(FactKind.TEXT, duties, text=duties))
    assert not denied.passed
    assert "技术交底" in denied.differences[0].expected
    # words that only start with a negation character negate nothing
    assert passes(compare("不断提升核心竞争力，尊重知识产权，激励创新创造，规范管理运用", policy()))


def test_a_negation_the_official_text_states_must_be_kept() -> None:
    text = "尊重他人知识产权，不侵犯他人专利权"
    fact = Declared(FactKind.WORDING, text, text=text)
    assert passes(compare("不侵犯他人专利权，尊重他人知识产权", fact))
    verdict = compare("尊重他人知识产权，侵犯他人专利权", fact)
    assert verdict.differences == (
        Difference(DiffKind.NEGATED, "不侵犯他人专利权", "侵犯他人专利权"),
    )


def test_split_negated_keeps_the_plain_words_apart() -> None:
    read = split_negated(
        "尊重知识产权，没有激励创新、规范管理，研发记录都不负责。提升竞争力", RULES
    )
    assert [n.said for n in read.negated] == [
        "没有激励创新、规范管理",
        "尊重知识产权,没有激励创新、规范管理,研发记录都不负责".replace(",", "，"),
    ]
    assert "提升竞争力" in read.plain and "激励创新" not in read.plain


# -- scope -----------------------------------------------------------------------------------------


def headcount(n: int) -> Declared:
    return Declared(FactKind.NUMBER, str(n), number=Decimal(n), units=PEOPLE_UNITS)


@given(
    st.integers(min_value=2, max_value=999),
    st.integers(min_value=2, max_value=999),
    st.sampled_from(RULES.scope_own),
    st.sampled_from(RULES.scope_company),
    st.booleans(),
    st.sampled_from(["，", "；", "", " "]),
)
def test_the_department_number_counts_over_the_company_number(
    own: int, company: int, own_word: str, company_word: str, own_first: bool, sep: str
) -> None:
    assume(own != company)
    parts = [f"{company_word}{company}人", f"{own_word}{to_chinese(own)}人"]
    answer = sep.join(parts[::-1] if own_first else parts)
    assert passes(compare(answer, headcount(own), "headcount")), answer
    assert passes(compare(answer, headcount(company), "headcount_total")), answer
    wrong = compare(f"{company_word}{company}人", headcount(own), "headcount")
    assert wrong.differences == (Difference(DiffKind.WRONG_NUMBER, f"{own} 人", f"{company} 人"),)


def test_the_headcount_found_in_the_product() -> None:
    total = sum(HEADCOUNT.values())
    assert passes(compare(f"公司{total}人，我们部门4人", headcount(4), "headcount"))
    assert passes(compare(f"公司{total}人，我们部门4人", headcount(total), "headcount_total"))
    assert compare(f"公司{total}人", headcount(4)).differences[0].said == f"{total} 人"


# -- the rules are data ----------------------------------------------------------------------------


def test_the_rules_file_is_what_the_verdicts_follow() -> None:
    import yaml

    from ipaudit.resource_files import resource_path

    data = yaml.safe_load(resource_path("audit", "rehearsal-rules.yaml").read_text("utf-8"))
    answer = "没有尊重知识产权，激励创新创造，规范管理运用，提升核心竞争力"
    assert not compare(answer, policy(), rules=parse_rules(data)).passed
    data["negation"]["before"].remove("没有")
    data["negation"]["before"].remove("没")
    assert compare(answer, policy(), rules=parse_rules(data)).passed
    # an objective kind the rules do not know is named by its own words
    fact = objectives_fact([Goal("年度技术秘密认定", 4, "项"), Goal("年度发明专利申请", 8, "件")])
    assert passes(compare("发明专利8件，技术秘密认定4项", fact))
    assert not compare("发明专利4件，技术秘密认定8项", fact).passed


@pytest.mark.parametrize(
    "broken",
    [
        {"clause_marks": "", "phrase_marks": ","},
        {"clause_marks": "。", "phrase_marks": ",", "negation": {"before": "不"}},
        {"clause_marks": "。", "phrase_marks": ",", "scope": {"facts": {"headcount": "team"}}},
        {"clause_marks": "。", "phrase_marks": ",", "objectives": {"names": ["发明"]}},
        [],
    ],
)
def test_a_broken_rules_file_is_refused(broken: object) -> None:
    with pytest.raises(RulesError):
        parse_rules(broken, "rules.yaml")


def test_every_objective_name_in_the_demo_is_recognised() -> None:
    for o in OBJECTIVES:
        assert isinstance(o, Objective)
        n = naming(o.text, RULES)
        assert n is not None and n.kind != o.text, o.text


def test_a_portfolio_count_is_the_company_s() -> None:
    fact = Declared(FactKind.NUMBER, "14", number=Decimal(14), units=("件", "项", "个"))
    answer = "公司发明专利14件，我们部门今年申请了3件"
    assert passes(compare(answer, fact, "portfolio.invention"))
    assert compare(answer, fact).differences[0].said == "3 件"  # a fact not listed: own


def test_objectives_said_in_english_or_each_in_turn() -> None:
    fact = rnd_objectives()
    said = "Invention 8, utility model 10, software copyright 6, training coverage 100%"
    assert passes(compare(said, fact))
    assert passes(compare("发明专利和实用新型各8件、10件，软著6件，培训100%", fact))
    assert not compare("Invention 10, utility model 8, software 6, training 100%", fact).passed
