"""One verdict per answer: the checklist's answer findings, the answer field and the interview
sheets (``facts.agrees``) judge an answer exactly as the interview rehearsal does, for the answers
the rehearsal's tests generate (objectives in any order and writing, swapped or left out; the
policy's phrases in any order, left out or negated; a headcount said with the company's), and a
finding says what the rehearsal says differs."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from ipaudit.domain.checks import CheckInput, run_checks
from ipaudit.domain.comparison import Verdict, compare
from ipaudit.domain.facts import agrees
from ipaudit.domain.interview import InterviewQuestion, department_questions
from ipaudit.domain.model import (
    Facts,
    Finding,
    ItemKind,
    ItemState,
    Objective,
    Question,
    Status,
    Text,
)
from tests.factories import DEPARTMENTS, INFO, TEMPLATE, item
from tests.unit.domain.test_rehearsal_rules import Goal, answers, goal_sets

ITEM = "rnd.interview"
QUESTIONS = (
    Question("headcount", Text("部门有多少人？", "How many people?"), fact="headcount"),
    Question("total", Text("公司有多少人？", "How many in the company?"), fact="headcount_total"),
    Question("policy", Text("方针是什么？", "What is the policy?"), fact="policy"),
    Question("objectives", Text("今年的目标？", "This year's objectives?"), fact="objectives"),
)
INTERVIEW = item(ITEM, ItemKind.ANSWER, questions=QUESTIONS)
ONE_ITEM = replace(TEMPLATE, items=(INTERVIEW,))

PHRASES = ("尊重知识产权", "激励创新创造", "规范管理运用", "提升核心竞争力")
HEADCOUNT = {"rnd": 23, "ip_office": 3, "sales": 34}  # the company: 60


def facts_for(goals: list[Goal]) -> Facts:
    """A manual declaring ``goals`` as R&D's objectives (the company's targets twice as many)."""
    return Facts(
        policy="，".join(PHRASES),
        headcount=HEADCOUNT,
        objectives=tuple(
            Objective(f"o{i}", g.name, Decimal(2 * g.value), g.unit, {"rnd": Decimal(g.value)})
            for i, g in enumerate(goals)
        ),
    )


def asked(facts: Facts, question: str) -> InterviewQuestion:
    """The question as the rehearsal asks it (with its official answer)."""
    states: dict[str, ItemState] = {}
    found = [
        q
        for q in department_questions([INTERVIEW], states, facts, "rnd")
        if q.key == f"{ITEM}/{question}"
    ]
    assert len(found) == 1 and found[0].official is not None
    return found[0]


def checklist(facts: Facts, question: str, answer: str) -> list[Finding]:
    """The checklist's findings on ``answer`` typed in the item panel for ``question`` (the other
    questions answered as the manual says, so nothing else is found)."""
    given_answers = {
        "headcount": "23人",
        "total": "60人",
        "policy": "，".join(PHRASES),
        "objectives": asked(facts, "objectives").official_text("zh") or "",
        question: answer,
    }
    state = ItemState(ITEM, Status.READY, answers=given_answers)
    found = run_checks(
        CheckInput(
            info=INFO,
            template=ONE_ITEM,
            departments=DEPARTMENTS,
            facts=facts,
            states={ITEM: state},
            evidence=[],
        )
    )
    return [f for f in found if f.code == "answer_contradicts_fact"]


def assert_one_verdict(facts: Facts, question: str, answer: str) -> Verdict:
    """The rehearsal's verdict on ``answer``; the checklist, the answer field and the interview
    sheets give the same, and the checklist's finding names what the rehearsal finds."""
    q = asked(facts, question)
    assert q.official is not None
    rehearsal = compare(answer, q.official, q.fact_key)
    found = checklist(facts, question, answer)
    assert [f.refs for f in found] == ([] if rehearsal.passed else [(question,)]), (
        answer,
        rehearsal,
        found,
    )
    assert agrees(answer, q.official, q.fact_key) is rehearsal.passed, (answer, rehearsal)
    for d in rehearsal.differences if found else ():
        assert d.text().zh in found[0].message.zh and d.text().en in found[0].message.en
    return rehearsal


@st.composite
def objective_answers(draw: st.DrawFn) -> tuple[list[Goal], str]:
    """Objectives and an answer: all said, two swapped, or one left out (the rehearsal's cases)."""
    goals = draw(goal_sets())
    case = draw(st.sampled_from(["said", "swapped", "dropped"]))
    said = list(goals)
    if case == "swapped":
        i, j = draw(st.lists(st.integers(0, len(goals) - 1), min_size=2, max_size=2, unique=True))
        said[i] = replace(goals[i], value=goals[j].value, unit=goals[j].unit)
        said[j] = replace(goals[j], value=goals[i].value, unit=goals[i].unit)
    elif case == "dropped":
        del said[draw(st.integers(0, len(goals) - 1))]
    answer, _order = draw(answers(said))
    return goals, answer


@settings(max_examples=60, deadline=None)
@given(objective_answers())
def test_objective_answers_get_one_verdict(case: tuple[list[Goal], str]) -> None:
    goals, answer = case
    assert_one_verdict(facts_for(goals), "objectives", answer)


@st.composite
def policy_answers(draw: st.DrawFn) -> str:
    """The policy's phrases in any order, some left out, some negated, any separators."""
    order = draw(st.permutations(PHRASES))
    kept = draw(st.integers(min_value=1, max_value=len(PHRASES)))
    negate = draw(st.sets(st.integers(0, kept - 1), max_size=2))
    parts = [f"不{p}" if i in negate else p for i, p in enumerate(order[:kept])]
    sep = draw(st.sampled_from(["，", "；", "、", " ", "。"]))
    lead = draw(st.sampled_from(["", "我们的方针是：", "方针："]))
    return lead + sep.join(parts)


@settings(max_examples=60, deadline=None)
@given(policy_answers())
def test_policy_answers_get_one_verdict(answer: str) -> None:
    assert_one_verdict(facts_for([Goal("年度发明专利申请", 8, "件")]), "policy", answer)


@st.composite
def headcount_answers(draw: st.DrawFn) -> str:
    """The department's and the company's headcount, right or not, in either order."""
    own = draw(st.sampled_from([23, 24, 60]))
    company = draw(st.sampled_from([60, 23, 61]))
    parts = [f"我们部门{own}人", f"公司{company}人"]
    if draw(st.booleans()):
        parts.reverse()
    if draw(st.booleans()):
        parts = parts[:1]
    return "，".join(parts)


@settings(max_examples=60, deadline=None)
@given(headcount_answers(), st.sampled_from(["headcount", "total"]))
def test_headcount_answers_get_one_verdict(answer: str, question: str) -> None:
    assert_one_verdict(facts_for([Goal("年度发明专利申请", 8, "件")]), question, answer)


# -- the answers the looser check used to let through (or fail) --------------------------------

RND = [Goal("年度发明专利申请", 8, "件"), Goal("年度实用新型专利申请", 10, "件")]


def test_swapped_objectives_are_a_contradiction_naming_both() -> None:
    """Every number said is a declared one, but each with the other objective's name."""
    facts = facts_for(RND)
    verdict = assert_one_verdict(facts, "objectives", "发明专利10件，实用新型8件")
    assert not verdict.passed
    message = checklist(facts, "objectives", "发明专利10件，实用新型8件")[0].message
    assert "数字不对：回答是 10 件，手册是 年度发明专利申请 8 件。" in message.zh
    assert "Wrong number: said 8 件, the manual says 年度实用新型专利申请 10 件." in message.en


def test_a_negated_policy_phrase_is_a_contradiction() -> None:
    facts = facts_for(RND)
    answer = "不尊重知识产权，激励创新创造，规范管理运用，提升核心竞争力"
    assert not assert_one_verdict(facts, "policy", answer).passed
    assert "意思说反了" in checklist(facts, "policy", answer)[0].message.zh


def test_the_department_headcount_said_after_the_company_passes() -> None:
    """ "公司60人，我们部门23人" answers the department's headcount rightly (the first number is
    the company's); "我们部门60人" does not."""
    facts = facts_for(RND)
    assert assert_one_verdict(facts, "headcount", "公司60人，我们部门23人").passed
    assert assert_one_verdict(facts, "total", "公司60人，我们部门23人").passed
    assert not assert_one_verdict(facts, "headcount", "我们部门60人").passed


def test_an_answer_as_the_manual_writes_it_has_no_finding() -> None:
    facts = facts_for(RND)
    for question in ("headcount", "total", "policy", "objectives"):
        q = asked(facts, question)
        assert q.official is not None
        assert assert_one_verdict(facts, question, q.official_text("zh") or "").passed, question
    assert checklist(facts, "policy", "，".join(PHRASES)) == []
