"""Totals side by side per period, person, department and IP item; stated totals; the summary."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ipaudit.ledger.model import DiscrepancyKind as K
from ipaudit.ledger.model import SourceRef, StatedTotal
from ipaudit.ledger.rates import RateTable
from ipaudit.ledger.reconcile import reconcile
from ipaudit.ledger.summary import Side
from ipaudit.ledger.totals import Dimension, build_totals, check_stated_totals
from tests.unit.ledger.reconcile_support import (
    PAYMENTS_FILE,
    booked,
    expense,
    money,
    patent,
    payment,
    reward,
)

REWARDS = [
    reward(4, "王强", patent(1), 5000, "2024-12-20"),
    reward(5, "李娜", patent(2, kind=2), 1000, "2025-01-20", department="市场部"),
    reward(6, "王强", patent(3, kind=2), 1000, "2025-05-06"),
    reward(7, "何静", "", 500, "2025-05-06", penalty=True, department="行政人事部"),
]
PAYMENTS = [
    payment(3, "王强", patent(1), 5000, "2025-01-10", "记-0110"),
    payment(4, "李娜", patent(2, kind=2), 800, "2025-01-31", "记-0131", department="市场部"),
    payment(5, "王强", patent(3, kind=2), 1000, "2025-05-30", "记-0530"),
]
EXPENSES = [
    expense(2, 5000, "2025-01-10", "记-0110"),
    expense(3, 800, "2025-01-31", "记-0131"),
    expense(4, 1200, "2025-05-30", "记-0530"),
    expense(5, 700, "2025-05-30", "记-0531", "代理费"),
]


def test_tables_side_by_side():
    tables = build_totals(REWARDS, PAYMENTS, EXPENSES[:3])
    assert set(tables) == set(Dimension)
    month = {row.key: row for row in tables[Dimension.MONTH].rows}
    assert list(month) == ["2024-12", "2025-01", "2025-05"]
    jan = month["2025-01"]
    assert (jan.rewards, jan.payments, jan.expenses) == (money(1000), money(5800), money(5800))
    assert (jan.reward_count, jan.payment_count, jan.expense_count) == (1, 2, 2)
    assert jan.paid_minus_decided == money(4800) and jan.booked_minus_paid == money(0)
    may = month["2025-05"]
    assert (may.rewards, may.penalties, may.booked_minus_paid) == (
        money(1000),
        money(500),
        money(200),
    )
    quarter = [row.key for row in tables[Dimension.QUARTER].rows]
    assert quarter == ["2024-Q4", "2025-Q1", "2025-Q2"]
    year = {row.key: row.rewards for row in tables[Dimension.YEAR].rows}
    assert year == {"2024": money(5000), "2025": money(2000)}
    (period,) = tables[Dimension.PERIOD].rows
    assert period.key == "2024-12-20–2025-05-30"
    for table in tables.values():  # every table adds up to the same grand total
        assert (table.total.rewards, table.total.payments) == (money(7000), money(6800))
    assert tables[Dimension.MONTH].total.expenses == money(7000)


def test_person_department_and_ip_tables_have_no_expense_column():
    tables = build_totals(REWARDS, PAYMENTS, EXPENSES[:3])
    person = {row.key: (row.rewards, row.payments) for row in tables[Dimension.PERSON].rows}
    assert person == {
        "何静": (money(0), money(0)),
        "李娜": (money(1000), money(800)),
        "王强": (money(6000), money(6000)),
    }
    dept = {row.key: row for row in tables[Dimension.DEPARTMENT].rows}
    assert dept["行政人事部"].penalties == money(500) and dept["市场部"].expenses is None
    ip = {row.key: row.paid_minus_decided for row in tables[Dimension.IP].rows}
    assert ip[patent(2, kind=2)] == money(-200) and ip[""] == money(0)
    rows = tables[Dimension.IP].as_rows("en")
    assert rows[-1][0] == "Total" and rows[-2][0] == "(blank)"
    assert tables[Dimension.IP].headers("zh")[0] == "知识产权项目"


def test_audit_period_filters_the_tables():
    tables = build_totals(
        REWARDS, PAYMENTS, EXPENSES[:3], period=(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    )
    (period,) = tables[Dimension.PERIOD].rows
    assert period.key == "2025-01-01–2025-12-31"
    assert (period.rewards, period.payments) == (money(2000), money(6800))


def test_reconciliation_exposes_the_tables_with_reward_lines_only():
    r = reconcile(REWARDS, PAYMENTS, EXPENSES)
    month = {row.key: row.expenses for row in r.totals[Dimension.MONTH].rows}
    assert month["2025-05"] == money(1200)  # the 代理费 line is not a reward expense
    zh = r.totals[Dimension.MONTH].as_rows("zh")
    assert zh[-1] == ["合计", "7,000.00", "500.00", "6,800.00", "-200.00", "7,000.00", "+200.00"]


def test_stated_totals():
    good = StatedTotal(
        SourceRef(PAYMENTS_FILE, "奖金发放", 16), "合计", money(6800), money(6800), 3, 5
    )
    bad = StatedTotal(
        SourceRef(PAYMENTS_FILE, "奖金发放", 16), "合计", money(27100), money(26600), 3, 15
    )
    assert check_stated_totals([good]) == []
    (d,) = check_stated_totals([bad])
    assert (d.kind, d.expected, d.actual, d.difference) == (
        K.TOTAL_MISMATCH,
        money(26600),
        money(27100),
        money(500),
    )
    assert d.rows == (bad.source,) and d.persons == () and d.ip_items == ()
    assert "27,100.00" in d.message_zh and "rows 3–15" in d.message_en
    # within a reconciliation the message names the ledger the file holds
    (d,) = reconcile(REWARDS, PAYMENTS, booked(PAYMENTS), totals=[bad]).discrepancies[-1:]
    assert d.message_zh.startswith("奖金发放登记表“合计”") and "payment register" in d.message_en


def test_summary_reads_like_a_reconciliation_report():
    r = reconcile(REWARDS, PAYMENTS, EXPENSES)
    s = r.summary
    assert (s.reward_count, s.penalty_count, s.payment_count, s.batch_count) == (3, 1, 3, 3)
    assert (s.rewards_total, s.penalties_total, s.payments_total, s.expenses_total) == (
        money(7000),
        money(500),
        money(6800),
        money(7000),
    )
    # 李娜 underpaid by 200; batch 记-0530 booked 200 more than paid
    assert {(k.kind, k.side, k.count, k.amount) for k in s.kinds} == {
        (K.UNDERPAID, Side.DIFFERENT, 1, money(200)),
        (K.BATCH_MISMATCH, Side.DIFFERENT, 1, money(200)),
    }
    assert (s.rewards_matched, s.payments_matched, s.batches_matched) == (2, 2, 2)
    assert s.records == 9 and s.records_matched == 2 + 1 + 2  # 王强's May payment's batch is off
    assert s.match_rate == 5 / 9
    table = s.table("zh")
    assert table[0] == ["类型", "总数", "一致", "不一致", "匹配率"]
    assert table[1] == ["奖励决定", "3", "2", "1", "66.67%"]
    assert table[-1] == ["合计", "9", "5", "4", "55.56%"]
    assert s.kind_table("en")[1][:3] == [
        "paid less than decided",
        "in both the reward record and the payment register, but different",
        "1",
    ]
    assert "奖惩记录表与奖金发放登记表都有但不一致 1 项" in s.text("zh")
    zh = s.text("zh")
    assert "共核对奖励决定 3 条（另有处罚 1 条）" in zh and "匹配率 55.56%" in zh
    assert "少发 1 项 200.00 元" in zh and "奖金发放登记表与经费使用记录都有但不一致 1 项" in zh
    en = s.text("en")
    assert "plus 1 penalty)" in en and "2 discrepancies, 400.00 in total" in en


def test_summary_without_discrepancies():
    paid = [payment(3, "王强", patent(1), 5000, "2025-01-10")]
    s = reconcile(REWARDS[:1], paid, booked(paid)).summary
    assert s.kinds == () and s.match_rate == 1.0
    assert "未发现差异。" in s.text("zh") and "No discrepancies." in s.text("en")
    assert s.discrepancy_amount == Decimal("0.00")
    # without rates and portfolio, the summary says those checks did not run
    assert s.text("zh").endswith(
        "未进行：奖励标准核对（尚未设定奖励标准）；知识产权台账核对（知识产权台账未导入）。"
    )
    assert "Not run: the rate check (no reward rates set)" in s.text("en")
    rated = reconcile(
        REWARDS[:1], paid, booked(paid), rates=RateTable.from_dict({"invention": 5000})
    )
    assert "rate check" not in rated.summary.text("en")
