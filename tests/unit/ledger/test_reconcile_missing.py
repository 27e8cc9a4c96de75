"""A ledger that was not imported is said once, and only what can be checked is checked."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ipaudit.domain.model import Grade
from ipaudit.ledger.discrepancies import suggest_grade
from ipaudit.ledger.model import DiscrepancyKind as K
from ipaudit.ledger.model import LedgerKind
from ipaudit.ledger.reconcile import reconcile
from ipaudit.ledger.summary import Check, Side
from tests.unit.ledger.reconcile_support import (
    SAMPLE_RATES,
    booked,
    kinds,
    patent,
    payment,
    reward,
)

REWARDS = [
    reward(4, "王强", patent(1), 5000, "2025-01-20"),
    reward(5, "李娜", patent(2, kind=2), 1000, "2025-01-20"),
    reward(6, "周杰", "71234567", 300, "2025-03-15"),
    reward(7, "陈晨", patent(3), 800, "2025-04-01", penalty=True),
]
PAYMENTS = [
    payment(3, "王强", patent(1), 5000, "2025-01-31", "记-0131"),
    payment(4, "李娜", patent(2, kind=2), 1000, "2025-01-31", "记-0131"),
    payment(5, "周杰", "71234567", 300, "2025-03-31", "记-0331"),
]
EXPENSES = booked(PAYMENTS)


def test_all_three_agree_and_nothing_is_missing():
    rec = reconcile(REWARDS, PAYMENTS, EXPENSES, rates=SAMPLE_RATES)
    assert rec.discrepancies == []
    assert rec.summary.missing == () and rec.summary.match_rate == 1.0
    assert [n.check for n in rec.summary.not_run] == [Check.PORTFOLIO]


def test_payment_register_missing_is_one_notice_not_a_wall_of_unpaid_rewards():
    rec = reconcile(REWARDS, None, EXPENSES)
    assert kinds(rec.discrepancies) == {"ledger_not_imported": 1}
    notice = rec.discrepancies[0]
    assert notice.ledger is LedgerKind.PAYMENTS and notice.rows == ()
    assert "奖金发放登记表未导入" in notice.message_zh
    assert "payment register not imported" in notice.message_en
    assert suggest_grade(notice) is Grade.OBSERVATION
    s = rec.summary
    assert s.missing == (LedgerKind.PAYMENTS,)
    assert {n.check for n in s.not_run} >= {Check.REWARDS_PAYMENTS, Check.PAYMENTS_EXPENSES}
    assert s.lines == () and s.records == 0 and s.match_rate is None
    assert "奖金发放登记表未导入" in s.text("zh") and "payment register not imported" in s.text(
        "en"
    )
    assert s.kinds[0].side is Side.MISSING


def test_expense_record_missing_still_compares_rewards_with_payments():
    short = [*PAYMENTS[:2], payment(5, "周杰", "71234567", 200, "2025-03-31", "记-0331")]
    rec = reconcile(REWARDS, short, None)
    assert kinds(rec.discrepancies) == {"ledger_not_imported": 1, "underpaid": 1}
    assert rec.discrepancies[0].kind is K.LEDGER_NOT_IMPORTED  # said first
    assert rec.discrepancies[0].ledger is LedgerKind.EXPENSES
    s = rec.summary
    assert [line.name_en for line in s.lines] == ["reward decisions", "payments"]
    assert s.records == 6 and s.records_matched == 4
    assert "booked" not in s.text("en") and "payments against expenses" in s.text("en")


def test_reward_record_missing_still_compares_payments_with_expenses():
    rec = reconcile(None, PAYMENTS, EXPENSES[:1])
    assert kinds(rec.discrepancies) == {"ledger_not_imported": 1, "batch_not_booked": 1}
    assert not any(d.kind is K.PAYMENT_WITHOUT_DECISION for d in rec.discrepancies)
    s = rec.summary
    assert [line.name_en for line in s.lines] == ["payment batches", "reward expense lines"]
    assert s.records == s.payment_count + s.expense_line_count


def test_an_empty_import_is_not_a_missing_ledger():
    rec = reconcile(REWARDS, [], EXPENSES)
    assert "ledger_not_imported" not in kinds(rec.discrepancies)
    assert kinds(rec.discrepancies)["unpaid_reward"] == 3


@settings(max_examples=30, deadline=None)
@given(st.sets(st.sampled_from(list(LedgerKind)[:3]), max_size=2))
def test_each_missing_ledger_is_said_exactly_once(missing):
    given_ledgers = {
        LedgerKind.REWARDS: REWARDS,
        LedgerKind.PAYMENTS: PAYMENTS,
        LedgerKind.EXPENSES: EXPENSES,
    }
    args = [None if k in missing else given_ledgers[k] for k in given_ledgers]
    rec = reconcile(*args, rates=SAMPLE_RATES)
    notices = [d for d in rec.discrepancies if d.kind is K.LEDGER_NOT_IMPORTED]
    assert sorted(d.ledger for d in notices) == sorted(missing)
    assert len({d.key for d in notices}) == len(notices)
    # the three ledgers agree, so what can be checked finds nothing else
    assert len(rec.discrepancies) == len(notices)
