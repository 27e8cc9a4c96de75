"""Phrasings a certification auditor reads without hesitation, read the same way by the answer
comparison: names said before and after their numbers in one sentence, one number for every
objective listed ("各10件"), coverage words for 100 %, negations that state 0 (in Chinese and in
English), and the company's objective said beside the department's share.

Each shape is generated with random objectives, numbers, writings and separators (hypothesis),
and checked both ways: the answer the manual supports passes, the same shape with a number the
manual contradicts fails and names the objective. The words come from the shipped rules file;
the last tests show that they are data."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

import yaml
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ipaudit.domain.comparison import Difference, DiffKind, Verdict, compare, plain_official
from ipaudit.domain.declared import ITEM_UNITS, Declared, FactKind
from ipaudit.domain.facts import declared
from ipaudit.domain.model import Facts, Objective
from ipaudit.domain.rehearsal_rules import default_rules, naming, parse_rules
from ipaudit.resource_files import resource_path
from tests.unit.domain.test_normalize import FULL_WIDTH, to_chinese
from tests.unit.domain.test_one_answer_check import assert_one_verdict, facts_for
from tests.unit.domain.test_rehearsal_rules import (
    DECLARED,
    Goal,
    goal_sets,
    objectives_fact,
    said_number,
    spoken_names,
)

RULES = default_rules()
COUNTED = tuple((name, unit) for name, unit in DECLARED if unit == "件")
TRAINING = "知识产权培训覆盖率"
#: the objectives most phrasings are said against: 8 invention patents, 10 utility models
EIGHT_AND_TEN = objectives_fact(
    [Goal("年度发明专利申请", 8, "件"), Goal("年度实用新型专利申请", 10, "件")]
)


def passes(verdict: Verdict) -> bool:
    return verdict.passed and verdict.differences == ()


def expected(g: Goal) -> str:
    return f"{g.name} {g.value} {g.unit}"


def english_names(declared_name: str) -> list[str]:
    """The English ways the rules name an objective's kind ("invention patent", "invention")."""
    n = naming(declared_name, RULES)
    assert n is not None
    return [w for w in n.words if w.isascii()]


@st.composite
def counted_goals(draw: st.DrawFn, min_size: int = 2, max_size: int = 4) -> list[Goal]:
    """Objectives counted in 件 (patents, software copyrights, trademarks), distinct values."""
    chosen = draw(
        st.lists(st.sampled_from(COUNTED), min_size=min_size, max_size=max_size, unique=True)
    )
    values = draw(
        st.lists(st.integers(1, 200), min_size=len(chosen), max_size=len(chosen), unique=True)
    )
    return [Goal(name, v, unit) for (name, unit), v in zip(chosen, values, strict=True)]


# -- 1. both orders in one sentence ----------------------------------------------------------------

# a list's items are cut at these (and phrases at ，；): a name and its number stay in one item
ITEM_SEPARATORS = st.sampled_from(["、", "和", "，", "；", "及", "以及", "与", ", ", " and "])


@st.composite
def mixed_answers(draw: st.DrawFn, goals: list[Goal]) -> str:
    """Each objective said name first ("发明专利8件") or number first ("10件实用新型"), chosen
    one by one, in a random order, the items joined by list or phrase marks."""
    parts = []
    for g in draw(st.permutations(goals)):
        name = draw(st.sampled_from(spoken_names(g.name)))
        number = draw(said_number(g.value, g.unit))
        if draw(st.booleans()):
            parts.append(f"{draw(st.sampled_from(['', '申请', '目标']))}{name}{number}")
        else:
            parts.append(f"{number}{name}")
    # the first two always in both orders: the shape auditors hear most
    assume(len(parts) < 2 or parts[0][0].isdigit() != parts[1][0].isdigit() or len(goals) > 2)
    seps = [draw(ITEM_SEPARATORS) for _ in parts[1:]]
    lead = draw(st.sampled_from(["", "今年", "我们部门的目标："]))
    return lead + parts[0] + "".join(s + p for s, p in zip(seps, parts[1:], strict=True))


@given(goal_sets(), st.data())
def test_names_before_and_after_their_numbers_in_one_sentence_pass(
    goals: list[Goal], data: st.DataObject
) -> None:
    answer = data.draw(mixed_answers(goals))
    assert passes(compare(answer, objectives_fact(goals), "objectives")), answer


@given(counted_goals(), st.data())
def test_a_swap_said_in_both_orders_fails_naming_both(
    goals: list[Goal], data: st.DataObject
) -> None:
    i, j = data.draw(st.lists(st.integers(0, len(goals) - 1), min_size=2, max_size=2, unique=True))
    swapped = list(goals)
    swapped[i], swapped[j] = (
        replace(goals[i], value=goals[j].value),
        replace(goals[j], value=goals[i].value),
    )
    answer = data.draw(mixed_answers(swapped))
    verdict = compare(answer, objectives_fact(goals), "objectives")
    wrong = {
        d.expected: d.said.split()[0]  # said in 件 or 项
        for d in verdict.differences
        if d.kind is DiffKind.WRONG_NUMBER
    }
    assert wrong == {
        expected(goals[i]): str(goals[j].value),
        expected(goals[j]): str(goals[i].value),
    }, (answer, verdict)


def test_the_mixed_orders_an_auditor_hears() -> None:
    rnd = EIGHT_AND_TEN
    for answer in (
        "发明专利8件和10件实用新型",
        "申请发明专利8件，实用新型10件",
        "8件发明专利、10件实用新型",
        "10件实用新型和发明专利8件",
        "8 invention patents and utility models 10",
    ):
        assert passes(compare(answer, rnd)), answer
    verdict = compare("发明专利10件和8件实用新型", rnd)
    assert verdict.differences == (
        Difference(DiffKind.WRONG_NUMBER, "年度发明专利申请 8 件", "10 件"),
        Difference(DiffKind.WRONG_NUMBER, "年度实用新型专利申请 10 件", "8 件"),
    )


# -- 2. coverage words -----------------------------------------------------------------------------

FULL_COVERAGE = (
    "培训全覆盖",
    "全员培训",
    "覆盖率100%",
    "全部覆盖",
    "知识产权培训全面覆盖",
    "培训覆盖全体员工",
    "所有员工都参加了知识产权培训",
    "培训覆盖率百分百",
    "training: full coverage",
    "all staff trained",
)


@given(goal_sets(), st.sampled_from(FULL_COVERAGE), st.integers(1, 99), st.data())
def test_coverage_words_state_one_hundred_percent(
    goals: list[Goal], words: str, other: int, data: st.DataObject
) -> None:
    others = [g for g in goals if g.unit != "%"]
    assume(others)
    training = Goal(TRAINING, 100, "%")
    answer_rest = (
        data.draw(mixed_answers(others))
        if len(others) > 1
        else (f"{spoken_names(others[0].name)[0]}{others[0].value}{others[0].unit}")
    )
    sep = data.draw(st.sampled_from(["，", "；", "。"]))
    answer = (
        f"{answer_rest}{sep}{words}" if data.draw(st.booleans()) else f"{words}{sep}{answer_rest}"
    )
    assert passes(compare(answer, objectives_fact([*others, training]), "objectives")), answer
    # the manual declares less than full coverage: the answer contradicts it
    lower = Goal(TRAINING, other, "%")
    verdict = compare(answer, objectives_fact([*others, lower]), "objectives")
    assert verdict.differences == (Difference(DiffKind.WRONG_NUMBER, expected(lower), "100 %"),), (
        answer,
        verdict,
    )


def test_coverage_words_an_auditor_hears_and_their_negation() -> None:
    full = objectives_fact([Goal(TRAINING, 100, "%")])
    for answer in ("培训全覆盖", "全员培训", "覆盖率100%", "全部覆盖"):
        assert passes(compare(answer, full)), answer
    for answer in ("培训没有全覆盖", "培训覆盖率不到100%", "not all staff were trained"):
        verdict = compare(answer, full)
        assert [d.kind for d in verdict.differences] == [DiffKind.NEGATED], (answer, verdict)
    # read only where a percentage is asked for: no number for a department without one
    invention = objectives_fact([Goal("年度发明专利申请", 8, "件")])
    assert passes(compare("发明专利8件，全员培训", invention))
    assert passes(compare("全员60人，发明专利8件", invention))
    # a prepared answer stating the coverage
    prepared = plain_official("知识产权培训覆盖率100%，每年培训两次")
    assert passes(compare("每年两次知识产权培训，全员覆盖", prepared))
    assert not compare("每年两次知识产权培训，覆盖率90%", prepared).passed


# -- 3. one number over a list, or each in turn ----------------------------------------------------

EACH = st.sampled_from(["各", "均为", "都是", "各为", "分别为", "each", "both"])
LIST_MARKS = st.sampled_from(["、", "和", "及", "与"])


@st.composite
def listed(draw: st.DrawFn, goals: list[Goal]) -> tuple[str, list[Goal]]:
    """The objectives' names listed, in a random order, and the order."""
    order = draw(st.permutations(goals))
    names = [draw(st.sampled_from(spoken_names(g.name))) for g in order]
    mark = draw(LIST_MARKS)
    return mark.join(names), list(order)


@given(counted_goals(), st.integers(1, 200), EACH, st.data())
def test_one_number_after_each_goes_to_every_objective_listed(
    goals: list[Goal], value: int, word: str, data: st.DataObject
) -> None:
    same = [replace(g, value=value) for g in goals]
    names, _order = data.draw(listed(same))
    number = data.draw(said_number(value, "件"))
    answer = f"{names} {word} {number}" if word.isascii() else f"{names}{word}{number}"
    assert passes(compare(answer, objectives_fact(same), "objectives")), answer
    # one objective declared otherwise: that one (and only it) is contradicted
    k = data.draw(st.integers(0, len(goals) - 1))
    other = data.draw(st.integers(1, 200).filter(lambda v: v != value))
    declared_ = [replace(g, value=other) if i == k else g for i, g in enumerate(same)]
    verdict = compare(answer, objectives_fact(declared_), "objectives")
    assert [(d.kind, d.expected, d.said.split()[0]) for d in verdict.differences] == [
        (DiffKind.WRONG_NUMBER, expected(declared_[k]), str(value))  # said in 件 or 项
    ], (answer, verdict)


@given(counted_goals(), st.sampled_from(["分别为", "分别是", "依次为", "各"]), st.data())
def test_respectively_pairs_names_and_numbers_in_order(
    goals: list[Goal], word: str, data: st.DataObject
) -> None:
    names, order = data.draw(listed(goals))
    numbers = [data.draw(said_number(g.value, g.unit)) for g in order]
    mark = data.draw(st.sampled_from(["、", "和", "，"]))
    answer = f"{names}{word}{mark.join(numbers)}"
    assume(not (mark == "，" and len(numbers) > 1))  # a phrase mark ends the list
    assert passes(compare(answer, objectives_fact(goals), "objectives")), answer
    # the numbers in another order: the objectives they land on are contradicted
    rotated = numbers[1:] + numbers[:1]
    wrong = compare(f"{names}{word}{mark.join(rotated)}", objectives_fact(goals), "objectives")
    assert {d.expected for d in wrong.differences} == {expected(g) for g in order}, wrong


@given(counted_goals(), st.data())
def test_names_then_as_many_numbers_pair_in_order(goals: list[Goal], data: st.DataObject) -> None:
    names, order = data.draw(listed(goals))
    numbers = "、".join(data.draw(said_number(g.value, g.unit)) for g in order)
    assert passes(compare(f"{names}{numbers}", objectives_fact(goals))), f"{names}{numbers}"
    assert passes(compare(f"{numbers}{names}", objectives_fact(goals))), f"{numbers}{names}"


def test_each_and_respectively_an_auditor_hears() -> None:
    ten = objectives_fact(
        [Goal("年度发明专利申请", 10, "件"), Goal("年度实用新型专利申请", 10, "件")]
    )
    for answer in (
        "发明专利和实用新型各10件",
        "发明专利、实用新型均为10件",
        "发明和实用新型都是十件",
    ):
        assert passes(compare(answer, ten)), answer
    rnd = EIGHT_AND_TEN
    assert passes(compare("发明专利、实用新型分别为8件和10件", rnd))
    assert compare("发明专利和实用新型各10件", rnd).differences == (
        Difference(DiffKind.WRONG_NUMBER, "年度发明专利申请 8 件", "10 件"),
    )
    assert not compare("发明专利、实用新型分别为10件和8件", rnd).passed


# -- 4. negation states 0 --------------------------------------------------------------------------

ZERO_CHINESE = (
    "没有{zh}",
    "未申请{zh}",
    "无{zh}",
    "{zh}：无",
    "{zh}没有",
    "{zh}今年没有申请",
    "{zh}0件",
    "{zh}零件",
    "{zh}一件也没有",
)
ZERO_ENGLISH = (
    "no {en}",
    "we did not file any {en}",
    "we didn’t file any {en}",
    "{en}: none",
    "{en}: zero",
    "zero {en}",
    "No {en} were filed",
)


@st.composite
def zero_said(draw: st.DrawFn, declared_name: str) -> str:
    english = draw(st.booleans())
    template = draw(st.sampled_from(ZERO_ENGLISH if english else ZERO_CHINESE))
    names = english_names(declared_name) if english else spoken_names(declared_name)[1:]
    name = draw(st.sampled_from(names))
    return template.format(zh=name, en=name)


@given(counted_goals(min_size=2), st.data())
def test_an_objective_said_negated_states_zero(goals: list[Goal], data: st.DataObject) -> None:
    k = data.draw(st.integers(0, len(goals) - 1))
    none = replace(goals[k], value=0)
    declared_ = [none if i == k else g for i, g in enumerate(goals)]
    parts = [
        data.draw(zero_said(g.name)) if i == k else f"{spoken_names(g.name)[1]}{g.value}件"
        for i, g in enumerate(goals)
    ]
    answer = data.draw(st.sampled_from(["，", "；", "。"])).join(parts)
    assert passes(compare(answer, objectives_fact(declared_), "objectives")), answer
    # the manual declares some: "none" contradicts it
    verdict = compare(answer, objectives_fact(goals), "objectives")
    assert verdict.differences == (
        Difference(DiffKind.WRONG_NUMBER, expected(goals[k]), "0 件"),
    ), (answer, verdict)


PORTFOLIO = {
    "portfolio.invention": ("发明专利", "invention patents"),
    "portfolio.utility_model": ("实用新型", "utility models"),
    "portfolio.design": ("外观设计", "design patents"),
    "portfolio.software_copyright": ("软件著作权", "software copyrights"),
    "portfolio.trademark": ("商标", "trademarks"),
}
NONE_SAID = (
    "没有",
    "无",
    "没有。",
    "我们部门没有",
    "none",
    "None.",
    "zero",
    "零",
    "没有{zh}",
    "{zh}：无",
    "目前还没有{zh}",
    "no {en} were filed",
    "we did not file any {en}",
    "{en}: none",
)


def count(n: int) -> Declared:
    return Declared(FactKind.NUMBER, str(n), number=Decimal(n), units=ITEM_UNITS)


@given(st.sampled_from(sorted(PORTFOLIO)), st.sampled_from(NONE_SAID), st.integers(1, 500))
def test_a_count_said_as_none_is_zero(key: str, template: str, n: int) -> None:
    zh, en = PORTFOLIO[key]
    answer = template.format(zh=zh, en=en)
    assert passes(compare(answer, count(0), key)), answer
    verdict = compare(answer, count(n), key)
    assert verdict.differences == (Difference(DiffKind.WRONG_NUMBER, f"{n} 件", "0 件"),), answer


@given(st.sampled_from(sorted(PORTFOLIO)), st.sampled_from(sorted(PORTFOLIO)))
def test_only_a_negation_of_what_is_counted_states_zero(asked: str, named: str) -> None:
    """ "没有外观设计" says nothing about invention patents; "不清楚" says no number."""
    assume(asked != named)
    for answer in (
        f"没有{PORTFOLIO[named][0]}",
        f"no {PORTFOLIO[named][1]}",
        "不清楚",
        "I don't know",
    ):
        assert compare(answer, count(0), asked).differences == (
            Difference(DiffKind.MISSING_NUMBER, "0 件"),
        ), answer


def test_the_negations_an_auditor_hears() -> None:
    for key in ("portfolio.invention", "portfolio.utility_model", "portfolio.design"):
        assert passes(compare("no patents were filed", count(0), key)), key
    assert not compare("no patents were filed", count(3), "portfolio.invention").passed
    assert passes(compare("没有商标", count(0), "portfolio.trademark"))
    for answer in ("none", "zero", "没有", "无", "零"):
        assert passes(compare(answer, count(0), "portfolio.invention")), answer
    goals = [Goal("年度发明专利申请", 0, "件"), Goal("年度实用新型专利申请", 10, "件")]
    fact = objectives_fact(goals)
    for answer in (
        "we did not file any invention patents, 10 utility models",
        "没有发明专利，实用新型10件",
        "发明专利未申请，实用新型10件",
        "Invention: none; utility model: 10",
    ):
        assert passes(compare(answer, fact)), answer
    # a number said negated is not the one stated; the other one is
    rnd = EIGHT_AND_TEN
    assert passes(compare("发明专利不是10件，是8件，实用新型10件", rnd))
    # a negated word is not read inside another: "innovation", "know", "nothing"
    assert passes(compare("innovation: invention patents 8, utility models 10", rnd))


# -- 5. the company's objective beside the department's share --------------------------------------


def manual(goals: list[Goal], company: list[int]) -> Facts:
    return Facts(
        policy="尊重知识产权",
        headcount={"rnd": 23},
        objectives=tuple(
            Objective(f"o{i}", g.name, Decimal(c), g.unit, {"rnd": Decimal(g.value)})
            for i, (g, c) in enumerate(zip(goals, company, strict=True))
        ),
    )


def said_list(goals: list[Goal], values: list[int], draw: st.DrawFn) -> str:
    names = [draw(st.sampled_from(spoken_names(g.name)[1:])) for g in goals]
    return listing(goals, names, values)


def listing(goals: list[Goal], names: list[str], values: list[int]) -> str:
    return "、".join(f"{n}{v}{g.unit}" for g, n, v in zip(goals, names, values, strict=True))


COMPANY_LEADS = ("公司目标是", "公司的目标：", "全公司今年", "公司总目标")
OWN_LEADS = ("我们部门承担", "本部门分解到", "我们部门：", "其中我们部门")


@st.composite
def company_cases(draw: st.DrawFn) -> tuple[list[Goal], list[int]]:
    goals = draw(goal_sets())
    company = [g.value + draw(st.integers(1, 50)) for g in goals]
    return goals, company


@settings(deadline=None)
@given(company_cases(), st.booleans(), st.data())
def test_the_company_s_figures_are_compared_with_the_company_s(
    case: tuple[list[Goal], list[int]], company_first: bool, data: st.DataObject
) -> None:
    goals, company = case
    fact = declared(manual(goals, company), "objectives", "rnd")
    assert fact is not None and fact.company is not None
    names = [data.draw(st.sampled_from(spoken_names(g.name)[1:])) for g in goals]
    lead = data.draw(st.sampled_from(COMPANY_LEADS))
    theirs = lead + listing(goals, names, company)
    mine = data.draw(st.sampled_from(OWN_LEADS)) + said_list(
        goals, [g.value for g in goals], data.draw
    )
    sep = data.draw(st.sampled_from(["，", "；", "。"]))
    answer = sep.join([theirs, mine] if company_first else [mine, theirs])
    assert passes(compare(answer, fact, "objectives")), answer
    # a wrong company figure is said wrong for the company; the department's stay right
    k = data.draw(st.integers(0, len(goals) - 1))
    off = [c + 1 if i == k else c for i, c in enumerate(company)]
    theirs_wrong = lead + listing(goals, names, off)  # the same words, one figure off
    wrong = sep.join([theirs_wrong, mine] if company_first else [mine, theirs_wrong])
    verdict = compare(wrong, fact, "objectives")
    assert verdict.differences == (
        Difference(
            DiffKind.WRONG_NUMBER,
            f"公司{goals[k].name} {company[k]} {goals[k].unit}",
            f"{off[k]} {goals[k].unit}",
        ),
    ), (wrong, verdict)
    # the company's figures alone do not say the department's share
    alone = compare(theirs, fact, "objectives")
    assert [d.kind for d in alone.differences] == [DiffKind.MISSING_NUMBER] * len(goals), alone


def test_the_company_objective_an_auditor_hears() -> None:
    rnd = [Goal("年度发明专利申请", 8, "件")]
    fact = declared(manual(rnd, [20]), "objectives", "rnd")
    assert fact is not None
    assert passes(compare("公司目标是发明专利20件，我们部门承担8件", fact))
    assert passes(compare("我们部门承担8件发明专利，公司目标是20件", fact))
    assert compare("公司目标是发明专利25件，我们部门承担8件", fact).differences == (
        Difference(DiffKind.WRONG_NUMBER, "公司年度发明专利申请 20 件", "25 件"),
    )
    assert compare("公司目标是发明专利20件，我们部门承担9件", fact).differences == (
        Difference(DiffKind.WRONG_NUMBER, "年度发明专利申请 8 件", "9 件"),
    )
    # the company's other objectives, which the department has no share of, are checked too
    two = Facts(
        objectives=(
            Objective("o1", "年度发明专利申请", Decimal(20), "件", {"rnd": Decimal(8)}),
            Objective("o2", "年度商标注册申请", Decimal(5), "件", {"sales": Decimal(5)}),
        )
    )
    fact2 = declared(two, "objectives", "rnd")
    assert fact2 is not None
    assert passes(compare("公司目标发明专利20件、商标5件，我们部门发明专利8件", fact2))
    assert not compare("公司目标发明专利20件、商标6件，我们部门发明专利8件", fact2).passed
    # management states the company's objectives: no share to tell apart
    top = declared(two, "objectives", "management")
    assert top is not None and top.company is None
    assert passes(compare("公司目标是发明专利20件，商标5件", top))


@settings(max_examples=40, deadline=None)
@given(company_cases(), st.data())
def test_the_checklist_and_the_sheets_agree_on_the_company_figures(
    case: tuple[list[Goal], list[int]], data: st.DataObject
) -> None:
    """The checklist's finding, the answer field and the interview sheets judge the same."""
    goals, _company = case
    facts = facts_for(goals)  # the company's targets twice the department's
    theirs = "公司目标是" + said_list(goals, [2 * g.value for g in goals], data.draw)
    mine = "我们部门承担" + said_list(goals, [g.value for g in goals], data.draw)
    assert assert_one_verdict(facts, "objectives", f"{theirs}，{mine}").passed
    assert not assert_one_verdict(facts, "objectives", theirs).passed


# -- the words are data ----------------------------------------------------------------------------


def shipped() -> Any:
    return yaml.safe_load(resource_path("audit", "rehearsal-rules.yaml").read_text("utf-8"))


def test_the_new_readings_follow_the_rules_file() -> None:
    ten = objectives_fact(
        [Goal("年度发明专利申请", 10, "件"), Goal("年度实用新型专利申请", 10, "件")]
    )
    full = objectives_fact([Goal(TRAINING, 100, "%")])
    rnd = EIGHT_AND_TEN
    assert passes(compare("发明专利和实用新型各10件", ten))
    assert passes(compare("全员培训", full))
    assert passes(compare("no patents were filed", count(0), "portfolio.invention"))
    assert passes(compare("发明专利8件和10件实用新型", rnd))

    data = shipped()
    data["objectives"]["respectively"].remove("各")
    data["numbers"]["full"].remove("全员")
    data["negation"]["before"].remove("no")
    data["item_marks"].remove("和")
    rules = parse_rules(data)
    assert not compare("发明专利和实用新型各10件", ten, rules=rules).passed
    assert not compare("全员培训", full, rules=rules).passed
    assert not compare("no patents were filed", count(0), "portfolio.invention", rules=rules).passed
    assert not compare("发明专利8件和10件实用新型", rnd, rules=rules).passed


def test_english_words_match_whole_words() -> None:
    from ipaudit.domain.rehearsal_rules import find_words

    assert [f.word for f in find_words("innovation know nothing no", ["no"])] == ["no"]
    assert [f.word for f in find_words("10 patents, 1 patent", ["patent"])] == ["patent", "patent"]
    assert find_words("8件发明专利", ["发明"])[0].start == 2  # Chinese words as they are


def test_full_width_and_chinese_numerals_in_the_new_shapes() -> None:
    rnd = EIGHT_AND_TEN
    assert passes(
        compare(f"发明专利{'8'.translate(FULL_WIDTH)}件和{to_chinese(10)}件实用新型", rnd)
    )
    ten = objectives_fact(
        [Goal("年度发明专利申请", 10, "件"), Goal("年度实用新型专利申请", 10, "件")]
    )
    assert passes(compare(f"发明专利、实用新型均为{to_chinese(10)}件", ten))


# -- the demo manual's departments, answered as department heads answer ----------------------------

DEMO_ANSWERS = [
    ("rnd", "今年我们部门的目标是发明专利8件，实用新型10件，软著6件，培训全覆盖", []),
    (
        "rnd",
        "公司今年的目标是发明专利12件、实用新型15件、软著6件，我们研发部承担发明8件、"
        "实用新型10件、软著6件，培训覆盖率100%",
        [],
    ),
    (
        "rnd",
        "公司目标发明专利12件，其中研发部承担8件；实用新型15件，研发承担10件；"
        "软著6件全部由研发承担；全员培训",
        [],
    ),
    ("rnd", "发明、实用新型、软著分别是8、10、6件，全员参加培训", []),
    ("rnd", "发明专利8件，实用新型10件，软著6件，培训没有全覆盖", [DiffKind.NEGATED]),
    ("rnd", "发明专利12件，实用新型15件，软著6件，培训100%", [DiffKind.WRONG_NUMBER] * 2),
    ("production", "我们生产部的目标：发明专利2件、实用新型5件，培训全员覆盖", []),
    ("production", "公司发明专利目标12件，我们部门2件，实用新型公司15件，我们5件，培训100%", []),
    (
        "production",
        "公司发明专利目标12件，我们部门3件，实用新型公司15件，我们5件，培训100%",
        [DiffKind.WRONG_NUMBER],
    ),
    ("finance", "我们部门没有发明专利和实用新型的目标，培训全覆盖", []),
    ("finance", "全员培训，没有专利方面的指标", []),
    ("management", "发明专利12件、实用新型15件、软件著作权6件，全员培训", []),
    ("marketing", "培训覆盖率100%，公司的专利目标是发明12件、实用新型15件", []),
    (
        "marketing",
        "培训覆盖率100%，公司的专利目标是发明12件、实用新型16件",
        [DiffKind.WRONG_NUMBER],
    ),
]


def test_the_demo_manual_answered_by_its_departments() -> None:
    from ipaudit.demo.content import HEADCOUNT, OBJECTIVES

    facts = Facts(objectives=tuple(OBJECTIVES), headcount=HEADCOUNT)
    for department, answer, kinds in DEMO_ANSWERS:
        fact = declared(facts, "objectives", department)
        assert fact is not None
        verdict = compare(answer, fact, "objectives")
        assert [d.kind for d in verdict.differences] == kinds, (department, answer, verdict)


# -- totals ----------------------------------------------------------------------------------------

TOTALS = st.sampled_from(["共", "共计", "合计", "一共", "总共"])


@given(counted_goals(), TOTALS, st.integers(1, 50), st.data())
def test_a_total_over_the_objectives_listed_is_never_one_s_number(
    goals: list[Goal], word: str, off: int, data: st.DataObject
) -> None:
    """ "发明专利和实用新型共18件": the sum of their objectives, which names neither's number (a
    finding for what is not said, not a contradiction); another sum contradicts the manual."""
    names, order = data.draw(listed(goals))
    total = sum(g.value for g in goals)
    fact = objectives_fact(goals)
    said = compare(f"{names}{word}{data.draw(said_number(total, '件'))}", fact)
    assert {d.kind for d in said.differences} == {DiffKind.MISSING_NUMBER}, said
    wrong = compare(f"{names}{word}{total + off}件", fact)
    assert (
        Difference(
            DiffKind.WRONG_NUMBER,
            f"{'、'.join(g.name for g in order)} 合计 {total} 件",
            f"{total + off} 件",
        )
        in wrong.differences
    ), wrong
    # said after each one's number, the total is accepted
    each = "、".join(f"{spoken_names(g.name)[1]}{g.value}件" for g in goals)
    assert passes(compare(f"{each}，{word}{total}件", fact))
    assert not compare(f"{each}，{word}{total + off}件", fact).passed
