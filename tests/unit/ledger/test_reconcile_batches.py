"""Payment register ↔ expense record: batches by voucher or date, booked within a window."""

from __future__ import annotations

from ipaudit.ledger.batches import match_batches, normalize_voucher
from ipaudit.ledger.model import DiscrepancyKind as K
from ipaudit.ledger.reconcile import reconcile
from tests.unit.ledger.reconcile_support import expense, kinds, money, patent, payment, reward

REWARDS = [
    reward(4, "王强", patent(1), 5000, "2025-09-05"),
    reward(5, "李娜", patent(2), 5000, "2025-09-05"),
    reward(6, "周杰", "71234567", 300, "2025-11-12"),
]
VOUCHERED = [
    payment(12, "王强", patent(1), 5000, "2025-09-30", "记-2025-0930"),
    payment(13, "李娜", patent(2), 5000, "2025-09-30", "记-2025-0930"),
    payment(14, "周杰", "71234567", 300, "2025-11-28", "记-2025-1128"),
]
UNVOUCHERED = [
    payment(12, "王强", patent(1), 5000, "2025-09-30"),
    payment(13, "李娜", patent(2), 5000, "2025-09-30"),
    payment(14, "周杰", "71234567", 300, "2025-11-28"),
]
OTHER = [
    expense(2, 900, "2025-09-30", "记-2025-0930", "申请费", ip=patent(9)),  # same voucher, ignored
    expense(3, 4500, "2025-10-02", "", "代理费"),
]


def rec(payments, expenses, **kw):
    return reconcile(REWARDS, payments, expenses, **kw)


def test_batches_by_voucher_booked_exactly():
    lines = [
        expense(10, 10000, "2025-09-30", "记-2025-0930"),
        expense(11, 300, "2025-11-28", "记 - 2025 - 1128"),  # spaces: the same voucher
        *OTHER,
    ]
    r = rec(VOUCHERED, lines)
    assert r.discrepancies == []
    assert [(b.voucher, b.total, b.booked) for b in r.batches] == [
        ("记-2025-0930", money(10000), money(10000)),
        ("记-2025-1128", money(300), money(300)),
    ]
    batch = r.batch_of(VOUCHERED[1])
    assert r.batch_payments(batch) == VOUCHERED[:2]
    assert r.batch_lines(batch) == [lines[0]]
    assert r.batch_of(lines[0]) is batch and r.batch_of(OTHER[0]) is None
    assert r.summary.expense_line_count == 2  # the other categories do not count


def test_batch_differs_from_its_expense_line():
    lines = [expense(11, 10200, "2025-09-30", "记-2025-0930"), expense(12, 300, "2025-11-28")]
    (d,) = rec(VOUCHERED, lines).discrepancies
    assert d.kind is K.BATCH_MISMATCH
    assert (d.expected, d.actual, d.difference) == (money(10000), money(10200), money(200))
    # both sides' rows: the expense line and every payment of the batch
    assert [(ref.file, ref.row) for ref in d.rows] == [
        ("知识产权经费使用记录.csv", 11),
        ("奖金发放登记表.xlsx", 12),
        ("奖金发放登记表.xlsx", 13),
    ]
    assert "记-2025-0930" in d.message_zh and "+200.00" in d.message_en


def test_batch_never_booked_and_expense_without_payments():
    lines = [expense(11, 10000, "2025-09-30", "记-2025-0930"), expense(12, 800, "2025-05-06")]
    found = rec(VOUCHERED, lines).discrepancies
    assert kinds(found) == {"batch_not_booked": 1, "expense_without_payments": 1}
    not_booked = next(d for d in found if d.kind is K.BATCH_NOT_BOOKED)
    assert (not_booked.expected, not_booked.difference) == (money(300), money(-300))
    assert [ref.row for ref in not_booked.rows] == [14]
    stray = next(d for d in found if d.kind is K.EXPENSE_WITHOUT_PAYMENTS)
    assert (stray.actual, stray.rows[0].row) == (money(800), 12)


def test_batches_by_date_booked_within_the_window():
    lines = [expense(11, 10000, "2025-10-10"), expense(12, 300, "2025-12-12"), *OTHER]
    r = rec(UNVOUCHERED, lines)
    assert r.discrepancies == []  # 10 and 14 days after the payments
    assert [b.key for b in r.batches] == ["date:2025-09-30", "date:2025-11-28"]
    assert [b.by_voucher for b in r.batches] == [False, False]


def test_expense_booked_too_late_or_too_early():
    late = [expense(11, 10000, "2025-10-20"), expense(12, 300, "2025-11-28")]  # 20 days later
    assert kinds(rec(UNVOUCHERED, late).discrepancies) == {
        "batch_not_booked": 1,
        "expense_without_payments": 1,
    }
    assert rec(UNVOUCHERED, late, window_days=25).discrepancies == []
    early = [expense(11, 10000, "2025-09-29"), expense(12, 300, "2025-11-28")]
    assert kinds(rec(UNVOUCHERED, early).discrepancies) == {
        "batch_not_booked": 1,
        "expense_without_payments": 1,
    }


def test_date_matching_prefers_the_batch_of_the_same_amount():
    payments = [
        payment(3, "王强", patent(1), 5000, "2025-09-20"),
        payment(4, "李娜", patent(2), 5000, "2025-09-26"),
        payment(5, "李娜", patent(2), 1, "2025-09-26"),
    ]
    lines = [expense(2, 5000, "2025-09-30"), expense(3, 5001, "2025-09-30")]
    b = match_batches(payments, lines)
    assert b.discrepancies == []
    assert [batch.lines for batch in b.batches] == [[0], [1]]


def test_two_lines_for_one_batch_add_up():
    lines = [
        expense(11, 6000, "2025-09-30", "记-2025-0930"),
        expense(12, 4000, "2025-09-30", "记-2025-0930"),
        expense(13, 300, "2025-11-28", "记-2025-1128"),
    ]
    r = rec(VOUCHERED, lines)
    assert r.discrepancies == []
    assert r.batches[0].lines == [0, 1]


def test_voucher_written_differently_falls_back_to_the_date():
    lines = [expense(11, 10000, "2025-10-03", "记0930"), expense(12, 300, "2025-11-28", "记1128")]
    r = rec(VOUCHERED, lines)
    assert r.discrepancies == []
    assert [b.by_voucher for b in r.batches] == [False, False]


def test_reward_categories_can_be_chosen():
    lines = [expense(11, 10000, "2025-09-30", "记-2025-0930", "创新津贴")]
    lines.append(expense(12, 300, "2025-11-28", "记-2025-1128", "奖励费"))
    default = rec(VOUCHERED, lines).discrepancies
    assert kinds(default) == {"batch_not_booked": 1}  # 津贴 is not a reward category by default
    custom = rec(VOUCHERED, lines, is_reward_category=lambda c: "津贴" in c or "奖励" in c)
    assert custom.discrepancies == []


def test_voucher_normalisation():
    assert normalize_voucher(" 记 - 2025 - ０９３０ ") == "记-2025-0930"
    assert normalize_voucher("ji-0930") == "JI-0930"
