"""Portfolio and patent-number checks, rates inside a reconciliation, stable keys and grades."""

from __future__ import annotations

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from ipaudit.domain.model import Grade
from ipaudit.ledger.discrepancies import suggest_grade
from ipaudit.ledger.ipkeys import IpKeys, invalid_patent_numbers
from ipaudit.ledger.ipnumber import is_patent_number, patent_check_ok
from ipaudit.ledger.model import DiscrepancyKind as K
from ipaudit.ledger.model import SourceRef
from ipaudit.ledger.reconcile import reconcile
from tests.unit.ledger.reconcile_support import (
    SAMPLE_RATES,
    booked,
    expense,
    holding,
    kinds,
    money,
    patent,
    payment,
    reward,
)

REWARDS = [
    reward(4, "王强", patent(1), 5000, "2025-01-20", text="发明专利授权"),
    reward(5, "李娜", patent(2, kind=2), 1000, "2025-01-20", text="实用新型授权"),
    reward(6, "周杰", "71234567", 300, "2025-03-15", text="商标注册"),
]
PAYMENTS = [
    payment(3, "王强", patent(1), 5000, "2025-01-31", "记-0131"),
    payment(4, "李娜", patent(2, kind=2), 1000, "2025-01-31", "记-0131"),
    payment(5, "周杰", "71234567", 300, "2025-03-31", "记-0331"),
]
PORTFOLIO = [holding(2, patent(1)), holding(3, patent(2, kind=2).removeprefix("ZL"))]


def rec(rewards=REWARDS, payments=PAYMENTS, **kw):
    return reconcile(rewards, payments, booked(payments), **kw)


def test_rewards_for_ip_missing_from_the_portfolio():
    assert rec().discrepancies == []  # no portfolio given: not checked
    (d,) = rec(portfolio=PORTFOLIO).discrepancies
    assert (d.kind, d.persons, d.ip_items, d.actual) == (
        K.IP_NOT_IN_PORTFOLIO,
        ("周杰",),
        ("71234567",),
        money(300),
    )
    assert "知识产权台账中没有 71234567" in d.message_zh
    full = [*PORTFOLIO, holding(4, "71234567", "trademark")]
    assert rec(portfolio=full).discrepancies == []


def test_wrong_check_digits_on_any_ledger_once_per_number():
    wrong = patent(7, wrong=True)
    rewards = [*REWARDS, reward(7, "赵敏", wrong, 5000, "2025-03-15")]
    payments = [*PAYMENTS, payment(6, "赵敏", wrong, 5000, "2025-03-31", "记-0331")]
    lines = [*booked(payments), expense(9, 900, "2025-04-01", "记-0401", "申请费", ip=wrong)]
    r = reconcile(rewards, payments, lines)
    (d,) = r.discrepancies
    assert (d.kind, d.ip_items, d.persons) == (K.INVALID_IP_NUMBER, (wrong,), ("赵敏",))
    assert [(ref.file, ref.row) for ref in d.rows] == [
        ("奖惩记录表.xls", 7),
        ("奖金发放登记表.xlsx", 6),
        ("知识产权经费使用记录.csv", 9),
    ]
    assert patent(7) in d.message_zh  # says what it should be
    portfolio_only = reconcile(REWARDS, PAYMENTS, booked(PAYMENTS), portfolio=[holding(2, wrong)])
    assert kinds(portfolio_only.discrepancies) == {"invalid_ip_number": 1, "ip_not_in_portfolio": 3}


def test_rates_inside_a_reconciliation():
    assert rec(rates=SAMPLE_RATES).discrepancies == []
    rewards = [*REWARDS[:2], reward(6, "周杰", "71234567", 500, "2025-03-15", text="商标注册")]
    payments = [*PAYMENTS[:2], payment(5, "周杰", "71234567", 500, "2025-03-31", "记-0331")]
    (d,) = rec(rewards, payments, rates=SAMPLE_RATES).discrepancies
    assert (d.kind, d.expected, d.actual, d.difference) == (
        K.RATE_DEVIATION,
        money(300),
        money(500),
        money(200),
    )


def test_keys_survive_a_reimport_of_the_same_rows():
    rewards = [*REWARDS, reward(9, "黄海", patent(4), 5000, "2025-09-05")]
    first = rec(rewards).discrepancies[0]
    moved = [
        dataclasses.replace(
            r, source=SourceRef("D:/财务/2025/奖惩记录表(修订).xls", "奖惩记录", r.source.row)
        )
        for r in rewards
    ]
    again = rec(moved).discrepancies[0]
    assert again.kind is K.UNPAID_REWARD and again.key == first.key
    shifted = [
        dataclasses.replace(r, source=dataclasses.replace(r.source, row=r.source.row + 1))
        for r in rewards
    ]
    assert rec(shifted).discrepancies[0].key != first.key
    other_kind = rec(rewards, [*PAYMENTS, payment(9, "黄海", patent(4), 4000, "2025-09-30")])
    assert other_kind.discrepancies[0].key != first.key


def test_every_key_in_a_reconciliation_is_distinct():
    rewards = [*REWARDS, reward(9, "黄海", patent(4), 5000, "2025-09-05")]
    payments = [*PAYMENTS, payment(9, "马超", patent(5), 1000, "2025-09-30"), PAYMENTS[0]]
    found = reconcile(rewards, payments, booked(payments[:3])).discrepancies
    assert len(found) >= 4
    assert len({d.key for d in found}) == len(found)


def test_grades():
    rewards = [*REWARDS, reward(9, "黄海", patent(4), 5000, "2025-09-05")]
    payments = [
        payment(3, "王强", patent(1), 5000, "2025-01-31", "记-0131"),
        payment(4, "李娜", patent(2, kind=2), 999.5, "2025-01-31", "记-0131"),
        payment(5, "周杰", "71234567", 200, "2025-03-31", "记-0331"),
    ]
    r = reconcile(rewards, payments, booked(payments))
    grades = {(d.kind, d.persons): suggest_grade(d) for d in r.discrepancies}
    assert grades == {
        (K.UNPAID_REWARD, ("黄海",)): Grade.MINOR,  # one unpaid reward: an isolated lapse
        (K.UNDERPAID, ("李娜",)): Grade.OBSERVATION,  # 0.50 short: rounding
        (K.UNDERPAID, ("周杰",)): Grade.MINOR,
    }
    assert all(r.grade(d) == grades[(d.kind, d.persons)] for d in r.discrepancies)


def test_findings_for_a_row_and_links_for_highlighting():
    payments = [*PAYMENTS[:2], payment(5, "周杰", "71234567", 200, "2025-03-31", "记-0331")]
    r = reconcile(
        REWARDS, payments, [*booked(payments[:2]), expense(9, 300, "2025-03-31", "记-0331")]
    )
    assert kinds(r.discrepancies) == {"underpaid": 1, "batch_mismatch": 1}
    on_payment = r.findings_for(payments[2].source)
    assert {d.kind for d in on_payment} == {K.UNDERPAID, K.BATCH_MISMATCH}
    assert r.findings_for(REWARDS[0].source) == []
    assert r.reward_of(payments[2]) == REWARDS[2]
    batch = r.batch_of(payments[2])
    assert batch is not None and batch.voucher == "记-0331" and not batch.matched
    assert [e.source.row for e in r.batch_lines(batch)] == [9]


digits = st.text("0123456789", min_size=8, max_size=12)
numbers = st.one_of(
    st.builds(
        lambda d, c: f"ZL{d}.{c}",
        st.text("0123456789", min_size=12, max_size=12),
        st.sampled_from("0123456789X"),
    ),
    st.builds(
        lambda p, d, dot, c: f"{p}{d}{dot}{c}",
        st.sampled_from(["", "ZL", "CN"]),
        digits,
        st.sampled_from(["", "."]),
        st.sampled_from("0123456789X"),
    ),
    st.text("0123456789SRZLX.٣", max_size=18),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(numbers, max_size=30))
def test_bulk_check_digit_test_agrees_with_ipnumber(batch):
    expected = {n for n in batch if is_patent_number(n) and not patent_check_ok(n)}
    assert invalid_patent_numbers(batch) == expected


@settings(max_examples=300, deadline=None)
@given(st.lists(numbers, max_size=30))
def test_bulk_keys_agree_with_one_by_one(batch):
    import polars as pl

    one_by_one = [IpKeys()(n) for n in batch]
    assert IpKeys().of_series(pl.Series(batch, dtype=pl.String)) == one_by_one
