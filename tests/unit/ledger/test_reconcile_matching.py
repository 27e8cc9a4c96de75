"""Reward record ↔ payment register: one failing and one passing case per kind of discrepancy."""

from __future__ import annotations

from decimal import Decimal

from ipaudit.ledger.matching import MatchHow
from ipaudit.ledger.model import DiscrepancyKind as K
from ipaudit.ledger.reconcile import reconcile
from tests.unit.ledger.reconcile_support import booked, kinds, money, patent, payment, reward

A = patent(1)
B = patent(2, kind=2)
C = patent(3, kind=2)


def rec(rewards, payments, **kw):
    """Reconcile with every payment batch booked as it should be."""
    return reconcile(rewards, payments, booked(payments), **kw)


def test_every_reward_paid_once_on_time_is_clean():
    rewards = [reward(4, "王强", A, 5000, "2025-01-20"), reward(5, "李娜", B, 1000, "2025-01-20")]
    payments = [
        payment(3, "王强", A, 5000, "2025-01-31"),
        payment(4, "李娜", B, 1000, "2025-01-31"),
    ]
    r = rec(rewards, payments)
    assert r.discrepancies == []
    assert [link.how for link in r.reward_links] == [MatchHow.EXACT, MatchHow.EXACT]
    assert r.payments_of(rewards[1]) == (payments[1],)
    assert r.reward_of(payments[0]) == rewards[0]
    assert (r.summary.rewards_matched, r.summary.payments_matched) == (2, 2)


def test_unpaid_reward():
    rewards = [reward(4, "王强", A, 5000, "2025-01-20"), reward(14, "黄海", C, 5000, "2025-09-05")]
    r = rec(rewards, [payment(3, "王强", A, 5000, "2025-01-31")])
    (d,) = r.discrepancies
    assert d.kind is K.UNPAID_REWARD
    assert (d.persons, d.ip_items) == (("黄海",), (C,))
    assert (d.expected, d.actual, d.difference) == (money(5000), money(0), money(-5000))
    assert [ref.row for ref in d.rows] == [14]
    assert "黄海" in d.message_zh and "未发放" in d.message_zh and "5,000.00" in d.message_zh
    assert "2025-09-05" in d.message_en and "never paid" in d.message_en
    assert r.link_of(rewards[1]).how is MatchHow.UNPAID


def test_paid_less_and_paid_more():
    rewards = [reward(10, "孙丽", B, 1000, "2025-06-10"), reward(11, "吴磊", A, 5000, "2025-06-10")]
    payments = [
        payment(9, "孙丽", B, 800, "2025-06-30"),
        payment(10, "吴磊", A, 5500, "2025-06-30"),
    ]
    r = rec(rewards, payments)
    by_kind = {d.kind: d for d in r.discrepancies}
    assert set(by_kind) == {K.UNDERPAID, K.OVERPAID}
    under, over = by_kind[K.UNDERPAID], by_kind[K.OVERPAID]
    assert (under.expected, under.actual, under.difference) == (
        money(1000),
        money(800),
        money(-200),
    )
    assert (over.expected, over.actual, over.difference) == (money(5000), money(5500), money(500))
    assert [ref.row for ref in under.rows] == [10, 9]  # the decision and the payment
    assert "少发 200.00" in under.message_zh and "200.00 less" in under.message_en
    assert r.link_of(rewards[0]).how is MatchHow.DIFFERENT


def test_payment_without_decision():
    r = rec(
        [reward(4, "王强", A, 5000, "2025-01-20")],
        [
            payment(3, "王强", A, 5000, "2025-01-31"),
            payment(13, "马超", C, 1000, "2025-09-30", "记-2025-0930", department="生产部"),
        ],
    )
    (d,) = r.discrepancies
    assert d.kind is K.PAYMENT_WITHOUT_DECISION
    assert (d.persons, d.ip_items, d.difference) == (("马超",), (C,), money(1000))
    assert d.rows[0].row == 13 and "无对应的奖励决定" in d.message_zh


def test_instalments_adding_up_are_fine_and_short_ones_are_not():
    rewards = [reward(4, "王强", A, 5000, "2025-01-20")]
    two = [payment(3, "王强", A, 3000, "2025-01-31"), payment(9, "王强", A, 2000, "2025-03-31")]
    r = rec(rewards, two)
    assert r.discrepancies == []
    assert r.link_of(rewards[0]).how is MatchHow.INSTALMENTS
    assert set(r.payments_of(rewards[0])) == set(two)

    short = [payment(3, "王强", A, 3000, "2025-01-31"), payment(9, "王强", A, 1500, "2025-03-31")]
    (d,) = rec(rewards, short).discrepancies
    assert (d.kind, d.actual, d.difference) == (K.UNDERPAID, money(4500), money(-500))
    assert len(d.rows) == 3


def test_duplicate_payment_flags_the_second_one():
    rewards = [reward(4, "王强", A, 5000, "2025-01-20")]
    first = payment(3, "王强", A, 5000, "2025-01-31", "记-0131")
    again = payment(9, "王强", A, 5000, "2025-03-31", "记-0331")
    r = rec(rewards, [again, first])  # the register's order does not matter
    (d,) = r.discrepancies
    assert d.kind is K.DUPLICATE_PAYMENT
    assert (d.expected, d.actual, d.difference) == (money(5000), money(10000), money(5000))
    assert d.date == again.date
    assert "2025-03-31" in d.message_en.split("again")[1]
    link = r.link_of(rewards[0])
    assert (link.payments, link.duplicates) == ((first,), (again,))
    # the same amount for another IP item of the same person is no duplicate
    other = payment(9, "王强", B, 5000, "2025-03-31")
    assert kinds(rec(rewards, [first, other]).discrepancies) == {"payment_without_decision": 1}


def test_two_rewards_for_one_item_are_not_a_duplicate():
    rewards = [reward(4, "王强", A, 5000, "2025-01-20"), reward(9, "王强", A, 5000, "2025-06-10")]
    payments = [
        payment(3, "王强", A, 5000, "2025-06-30"),
        payment(8, "王强", A, 5000, "2025-01-31"),
    ]
    r = rec(rewards, payments)
    assert r.discrepancies == []
    assert r.payments_of(rewards[0]) == (payments[1],)  # each paid after its own decision
    assert r.payments_of(rewards[1]) == (payments[0],)


def test_paid_before_the_decision():
    rewards = [reward(4, "刘洋", A, 5000, "2025-04-15")]
    (d,) = rec(rewards, [payment(7, "刘洋", A, 5000, "2025-03-31")]).discrepancies
    assert d.kind is K.PAID_BEFORE_DECISION
    assert d.difference == money(5000) and d.date.isoformat() == "2025-03-31"
    assert "早于 2025-04-15" in d.message_zh and "before its decision" in d.message_en
    assert rec(rewards, [payment(7, "刘洋", A, 5000, "2025-04-15")]).discrepancies == []


def test_penalty_in_the_payment_register():
    rewards = [
        reward(4, "王强", A, 5000, "2025-01-20"),
        reward(15, "何静", "", 500, "2025-09-05", penalty=True, text="违反保密规定"),
    ]
    paid = [payment(3, "王强", A, 5000, "2025-01-31")]
    assert rec(rewards, paid).discrepancies == []  # a penalty is not expected to be paid
    r = rec(rewards, [*paid, payment(13, "何静", "", 500, "2025-09-30")])
    (d,) = r.discrepancies
    assert (d.kind, d.persons, d.difference) == (K.PENALTY_PAID, ("何静",), money(500))
    assert [ref.row for ref in d.rows] == [15, 13]
    assert "处罚" in d.message_zh
    # a payment row marked as a penalty is one too, decision or not
    (d,) = rec(
        rewards[:1], [*paid, payment(20, "赵敏", "", 200, "2025-10-31", penalty=True)]
    ).discrepancies
    assert d.kind is K.PENALTY_PAID and d.persons == ("赵敏",)


def test_payment_without_ip_item_matches_by_person_amount_and_window():
    rewards = [reward(4, "赵敏", "2025SR1000001", 500, "2025-03-15")]
    r = rec(rewards, [payment(6, "赵敏", "", 500, "2025-03-31")])
    assert r.discrepancies == []
    later = [payment(6, "赵敏", "", 500, "2025-08-31")]  # 169 days later
    assert rec(rewards, later).discrepancies == []  # within the default 180 days
    late = rec(rewards, later, pay_window_days=90)
    assert kinds(late.discrepancies) == {"unpaid_reward": 1, "payment_without_decision": 1}
    before = rec(rewards, [payment(6, "赵敏", "", 500, "2025-03-01")])
    assert kinds(before.discrepancies) == {"unpaid_reward": 1, "payment_without_decision": 1}


def test_blank_payment_goes_to_the_reward_decided_just_before_it():
    rewards = [
        reward(4, "赵敏", "2025SR1000001", 500, "2025-03-15"),
        reward(9, "赵敏", "2025SR1000002", 500, "2025-06-10"),
    ]
    payments = [payment(9, "赵敏", "", 500, "2025-06-30")]
    r = rec(rewards, payments)
    (d,) = r.discrepancies
    assert d.kind is K.UNPAID_REWARD and d.ip_items == ("2025SR1000001",)


def test_application_and_grant_rewards_for_one_patent():
    rewards = [
        reward(4, "陈晓东", A, 1000, "2025-01-20", text="发明专利申请"),
        reward(9, "陈晓东", A, 5000, "2025-11-12", text="发明专利授权"),
    ]
    payments = [
        payment(3, "陈晓东", A, 1000, "2025-01-31"),
        payment(9, "陈晓东", A, 5000, "2025-11-28"),
    ]
    assert rec(rewards, payments).discrepancies == []
    (d,) = rec(rewards, payments[:1]).discrepancies
    assert (d.kind, d.expected) == (K.UNPAID_REWARD, money(5000))
    assert d.rows[0].row == 9


def test_ip_number_written_differently_still_matches():
    rewards = [reward(4, "王强", A, 5000, "2025-01-20")]
    bare = A.removeprefix("ZL")
    assert rec(rewards, [payment(3, "王强", bare, 5000, "2025-01-31")]).discrepancies == []
    wrong = patent(1, wrong=True)
    (d,) = rec(rewards, [payment(3, "王强", wrong, 5000, "2025-01-31")]).discrepancies
    assert d.kind is K.INVALID_IP_NUMBER and d.ip_items == (wrong,)


def test_a_reversal_cancels_the_payment_it_reverses():
    rewards = [reward(4, "王强", A, 5000, "2025-01-20")]
    payments = [
        payment(3, "王强", A, 5000, "2025-01-31"),
        payment(4, "王强", A, 5000, "2025-02-01"),
        payment(5, "王强", A, -5000, "2025-02-05"),
    ]
    r = rec(rewards, payments)
    assert r.discrepancies == []
    assert r.matching.reversals == {2: 1}
    # a reversal with nothing to cancel leaves the reward short
    (d,) = rec(rewards, [payments[0], payments[2]]).discrepancies
    assert (d.kind, d.actual, d.difference) == (K.UNDERPAID, money(0), money(-5000))


def test_same_person_many_items_each_kept_apart():
    rewards = [reward(n, "王强", patent(n), 5000, "2025-01-20") for n in range(4, 30)]
    payments = [payment(n, "王强", patent(n), 5000, "2025-01-31") for n in range(4, 30)]
    payments[5] = payment(9, "王强", patent(9), 4000, "2025-01-31")
    (d,) = rec(rewards, payments).discrepancies
    assert (d.kind, d.ip_items, d.difference) == (K.UNDERPAID, (patent(9),), money(-1000))


def test_summary_counts_and_rates():
    rewards = [reward(4, "王强", A, 5000, "2025-01-20"), reward(5, "李娜", B, 1000, "2025-01-20")]
    payments = [payment(3, "王强", A, 5000, "2025-01-31")]
    s = rec(rewards, payments).summary
    assert (s.reward_count, s.rewards_matched, s.payment_count, s.payments_matched) == (2, 1, 1, 1)
    assert s.rewards_payments_rate == 2 / 3
    assert s.count(K.UNPAID_REWARD) == 1 and s.discrepancy_amount == Decimal("1000.00")
