"""The finance questions bound to the reconciliation: the official answer is its totals and open
discrepancies, and an answer is compared with them — amounts in 元 must be the totals (or their
differences), a claim that the ledgers agree must be true."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipaudit.domain.facts import (
    LEDGER_DIFFERENCES,
    LEDGER_TOTALS,
    LedgerFigures,
    agrees,
    claims_agreement,
    declared,
    ledger_facts,
)
from ipaudit.domain.model import Facts, Text

D = Decimal
OPEN = LedgerFigures(D("19500.00"), D("14500.00"), D("14800.00"), (Text("少发（李娜）", "x"),))
CLEAN = LedgerFigures(D("12000.00"), D("12000.00"), D("12000.00"))
EXPLAINED = LedgerFigures(D("12000.00"), D("11500.00"), D("11500.00"), (), explained=1)


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("三表一致", True),
        ("核对无误，金额相符", True),
        ("经核对无差异", True),
        ("没有差异", True),
        ("The three ledgers agree.", True),
        ("三表不一致", False),
        ("存在差异 300 元", False),
        ("发放与决定不符", False),
        ("They differ by 300 yuan", False),
        ("每季度核对一次", None),
    ],
)
def test_claims(text: str, claim: bool | None) -> None:
    assert claims_agreement(text) is claim


@pytest.mark.parametrize(
    ("figures", "answer", "ok"),
    [
        (OPEN, "三表一致", False),  # discrepancies are open
        (OPEN, "奖励合计19,500元，发放14,500元，经费奖励费1.48万元，存在差异", True),
        (OPEN, "奖励合计19500元，发放合计19500元，一致", False),
        (OPEN, "发放与经费相差300元，原因已查明", True),  # a true difference of the totals
        (OPEN, "按季度核对，差异逐笔列出", True),
        (CLEAN, "三表一致，合计均为12000元", True),
        (CLEAN, "三表不一致", False),  # nothing found: they agree
        (CLEAN, "奖励合计一万二千元", True),
        (CLEAN, "奖励合计13000元", False),
        (EXPLAINED, "三表一致", True),  # the differences are explained: either claim stands
        (EXPLAINED, "有1项差异，已说明", True),
    ],
)
def test_totals_answers(figures: LedgerFigures, answer: str, ok: bool) -> None:
    fact = ledger_facts(figures)[LEDGER_TOTALS]
    assert agrees(answer, fact) is ok


def test_differences_answer_cannot_deny_open_ones() -> None:
    open_ = ledger_facts(OPEN)[LEDGER_DIFFERENCES]
    assert "少发（李娜）" in open_.display
    assert not agrees("无差异", open_)
    assert agrees("李娜少发500元，已于12月补发", open_)
    clean = ledger_facts(CLEAN)[LEDGER_DIFFERENCES]
    assert agrees("无差异", clean) and agrees("曾有一笔差异，已更正", clean)


def test_display_and_missing_ledgers() -> None:
    fact = ledger_facts(OPEN)[LEDGER_TOTALS]
    assert "19,500.00 元" in fact.display and "14,800.00 元" in fact.display
    assert "1 项差异未处理" in fact.display
    assert "三表一致" in ledger_facts(CLEAN)[LEDGER_TOTALS].display
    missing = LedgerFigures(D(0), D(0), D(0), missing=("经费使用记录",))
    assert ledger_facts(missing) == {}


def test_declared_takes_derived_values_only_when_passed() -> None:
    facts = Facts()
    assert declared(facts, LEDGER_TOTALS, "finance") is None
    derived = ledger_facts(CLEAN)
    assert declared(facts, LEDGER_TOTALS, "finance", derived) == derived[LEDGER_TOTALS]


amounts = st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False)


@given(amounts, amounts, amounts, amounts)
def test_any_amount_stated_in_yuan_must_be_a_total_or_a_difference(
    r: Decimal, p: Decimal, e: Decimal, said: Decimal
) -> None:
    fact = ledger_facts(LedgerFigures(r, p, e))[LEDGER_TOTALS]
    truthful = said in {r, p, e} | {abs(a - b) for a in (r, p, e) for b in (r, p, e) if a != b}
    assert agrees(f"奖励合计{said:f}元", fact) is truthful


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("奖励合计5000.00元", [D("5000.00")]),  # an amount, never year 5000 month 00
        ("2026.11.30 核对，共1200.50元", [D("1200.50")]),
        ("2026-11 发放 300 元", [D("300")]),
    ],
)
def test_amounts_with_decimals_are_not_dates(text: str, values: list[Decimal]) -> None:
    from ipaudit.domain.numbers import stated

    assert stated(text, ("元",)) == values


def test_the_budget_question_is_answered_by_the_declared_budget_and_the_spending() -> None:
    from ipaudit.domain.facts import BUDGET, budget_fact

    budget = {"agency": D(36000), "rewards": D(22000), "training": D(8000)}
    facts = Facts(budget=budget)
    declared_only = declared(facts, BUDGET, "management")
    assert declared_only is not None and "66,000.00 元" in declared_only.display
    assert agrees("2026年预算6.6万元，由总经理批准", declared_only)
    assert agrees("代理费预算36000元", declared_only)  # one category's budget is true too
    assert not agrees("今年预算8万元", declared_only)
    with_spending = budget_fact(budget, {"agency": D(30000), "training": D(5000)})
    assert with_spending is not None and "已支出 35,000.00 元" in with_spending.display
    assert agrees("预算6.6万元，已支出3.5万元，结余31000元", with_spending)
    assert not agrees("预算6.6万元，已支出5万元", with_spending)
    assert declared(Facts(), BUDGET, "management") is None
