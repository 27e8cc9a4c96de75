"""The shared sample ledgers, imported for real, reconcile to exactly their README's table."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ipaudit.ledger.importer import import_ledger, is_reward_category
from ipaudit.ledger.model import DiscrepancyKind as K
from ipaudit.ledger.reconcile import reconcile
from ipaudit.ledger.summary import Side
from ipaudit.ledger.totals import Dimension
from tests.shared_samples import SAMPLES, needs_shared
from tests.unit.ledger.reconcile_support import SAMPLE_RATES, holding

pytestmark = needs_shared


def money(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


@pytest.fixture(scope="module")
def ledgers():
    rewards = import_ledger(SAMPLES / "奖惩记录表.xls")
    payments = import_ledger(SAMPLES / "奖金发放登记表.xlsx")
    expenses = import_ledger(SAMPLES / "知识产权经费使用记录.csv")
    for result in (rewards, payments, expenses):
        assert result.problems == []
    return rewards, payments, expenses


@pytest.fixture(scope="module")
def result(ledgers):
    rewards, payments, expenses = ledgers
    return reconcile(
        rewards.entries,
        payments.entries,
        expenses.entries,
        totals=[*rewards.totals, *payments.totals, *expenses.totals],
        rates=SAMPLE_RATES,
        is_reward_category=is_reward_category,
    )


def test_exactly_the_five_findings_of_the_readme(result):
    got = [
        (d.kind, d.persons, d.ip_items, d.expected, d.actual, d.difference)
        for d in result.discrepancies
    ]
    assert got == [
        # 1 reward decided but never paid: 黄海, ZL202410100004.0, decided 2025-09-05, 5,000.00
        (K.UNPAID_REWARD, ("黄海",), ("ZL202410100004.0",), money("5,000.00"), money("0"),
         money("-5,000.00")),
        # 2 paid less than decided: 孙丽, ZL202420200003.9: decided 1,000.00, paid 800.00, −200.00
        (K.UNDERPAID, ("孙丽",), ("ZL202420200003.9",), money("1,000.00"), money("800.00"),
         money("-200.00")),
        # 3 paid without a reward decision: 马超, ZL202420200005.8, paid 2025-09-30, 1,000.00
        (K.PAYMENT_WITHOUT_DECISION, ("马超",), ("ZL202420200005.8",), money("0"),
         money("1,000.00"), money("1,000.00")),
        # 4 voucher 记-2025-0930: expense 2,200.00, payments 2,000.00, +200.00
        (K.BATCH_MISMATCH, ("王强", "马超"), ("ZL202420200004.3", "ZL202420200005.8"),
         money("2,000.00"), money("2,200.00"), money("200.00")),
        # 5 payment register: 合计 27,100.00, rows sum to 26,600.00, +500.00
        (K.TOTAL_MISMATCH, (), (), money("26,600.00"), money("27,100.00"), money("500.00")),
    ]  # fmt: skip


def test_the_findings_say_where(result):
    unpaid, under, no_decision, batch, total = result.discrepancies
    assert unpaid.message_zh.startswith(
        "黄海 ZL202410100004.0 奖励 5,000.00 元（2025-09-05 决定）未发放"
    )
    assert unpaid.message_en.startswith(
        "Reward of 5,000.00 to 黄海 for ZL202410100004.0 decided 2025-09-05 was never paid"
    )
    assert [(r.file, r.sheet, r.row) for r in unpaid.rows] == [("奖惩记录表.xls", "奖惩记录", 14)]
    assert [r.row for r in under.rows] == [10, 9]
    assert no_decision.date.isoformat() == "2025-09-30" and no_decision.rows[0].row == 13
    assert "记-2025-0930" in batch.message_zh
    assert [(r.file, r.row) for r in batch.rows] == [
        ("知识产权经费使用记录.csv", 11),
        ("奖金发放登记表.xlsx", 12),
        ("奖金发放登记表.xlsx", 13),
    ]
    assert total.rows[0].row == 16 and "27,100.00" in total.message_zh


def test_the_totals_of_the_readme(result):
    s = result.summary
    assert s.rewards_total == money("30,800.00") and s.penalties_total == money("500.00")
    assert s.payments_total == money("26,600.00")
    assert s.expenses_total == money("26,800.00")
    assert (s.reward_count, s.penalty_count, s.payment_count, s.expense_line_count) == (
        13,
        1,
        13,
        5,
    )
    assert (s.rewards_matched, s.payments_matched, s.batches_matched) == (11, 11, 4)
    assert s.match_rate == 25 / 31
    assert {(k.kind, k.side) for k in s.kinds} == {
        (K.UNPAID_REWARD, Side.A_NOT_B),
        (K.UNDERPAID, Side.DIFFERENT),
        (K.PAYMENT_WITHOUT_DECISION, Side.B_NOT_A),
        (K.BATCH_MISMATCH, Side.DIFFERENT),
        (K.TOTAL_MISMATCH, Side.SINGLE),
    }
    (period,) = result.totals[Dimension.PERIOD].rows
    assert (period.rewards, period.payments, period.expenses) == (
        money("30,800.00"),
        money("26,600.00"),
        money("26,800.00"),
    )


def test_links_of_the_samples(result, ledgers):
    rewards = ledgers[0]
    li_na = next(e for e in rewards.entries if e.source.row == 5)  # "李  娜" in the file
    (paid,) = result.payments_of(li_na)
    assert (paid.person, paid.source.row) == ("李娜", 4)
    batch = result.batch_of(paid)
    assert batch.voucher == "记-2025-0131" and batch.matched
    assert [e.amount for e in result.batch_lines(batch)] == [money("7,000.00")]


def test_a_complete_portfolio_adds_nothing_and_a_partial_one_names_what_is_missing(ledgers):
    rewards, payments, expenses = ledgers
    numbers = sorted({e.ip_number for e in rewards.entries if e.ip_number})
    portfolio = [holding(n + 2, number) for n, number in enumerate(numbers)]
    args = (rewards.entries, payments.entries, expenses.entries)
    assert len(reconcile(*args, totals=payments.totals, portfolio=portfolio).discrepancies) == 5
    partial = [h for h in portfolio if h.ip_number != "71234567"]
    found = reconcile(*args, totals=payments.totals, portfolio=partial).discrepancies
    assert [(d.kind, d.persons) for d in found if d.kind is K.IP_NOT_IN_PORTFOLIO] == [
        (K.IP_NOT_IN_PORTFOLIO, ("周杰",))
    ]
