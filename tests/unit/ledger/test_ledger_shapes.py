"""The shapes real ledgers take, each read from a real file; and where every row of a sheet goes.

An IP number written only inside a text column; a reward record with no reward/penalty column; a
unit in a header or in a two-level header's parent; an export of accounting software (科目明细账)
read from its debit side with its running balance and total rows checked; headers that disagree
with their values; columns left unused, listed with what they look like.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from decimal import Decimal as D
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipaudit.ledger.importer import import_ledger
from ipaudit.ledger.layout import kind_from_names
from ipaudit.ledger.model import LedgerKind
from ipaudit.ledger.normalize import is_reward_category
from tests.unit.ledger.sheetgen import write_sheet

JAN = dt.date(2025, 1, 3)
FEB = dt.date(2025, 2, 3)


def test_an_ip_number_inside_the_description_is_found(tmp_path):
    rows = [
        ["日期", "姓名", "部门", "事由", "金额", "备注"],
        [JAN, "王强", "研发部", "发明专利 ZL 2024 1 0100001.7 授权奖励", 5000, ""],
        [FEB, "李娜", "市场部", "软著登记", 500, "登记号2025SR1000001"],
    ]
    result = import_ledger(write_sheet(tmp_path / "奖励.xlsx", rows), LedgerKind.REWARDS)
    assert "ip_number" not in result.mapping  # 事由 first, then 备注
    assert [e.ip_number for e in result.entries] == ["ZL202410100001.7", "2025SR1000001"]
    assert 0 < result.field_confidence["ip_number"] < 1
    # in a column of notes only
    rows = [
        ["日期", "姓名", "金额", "备注"],
        [JAN, "王强", 5000, "ZL202410100001.7 授权"],
        [FEB, "李娜", 500, "2025SR1000001 登记"],
    ]
    result = import_ledger(write_sheet(tmp_path / "发放.csv", rows), LedgerKind.PAYMENTS)
    assert [e.ip_number for e in result.entries] == ["ZL202410100001.7", "2025SR1000001"]
    assert [n.letter for n in result.unused_columns] == []  # the notes column is used


def test_a_reward_record_without_a_kind_column_is_all_rewards(tmp_path):
    rows = [
        ["知识产权奖励记录"],
        ["日期", "姓名", "知识产权项目", "金额"],
        [JAN, "王强", "ZL202410100001.7", 5000],
        [FEB, "李娜", "2025SR1000001", 500],
    ]
    result = import_ledger(write_sheet(tmp_path / "奖励记录.xlsx", rows))
    assert result.kind is LedgerKind.REWARDS
    assert [(e.amount, e.is_penalty) for e in result.entries] == [
        (D("5000.00"), False),
        (D("500.00"), False),
    ]


def test_a_unit_in_a_two_level_header_scales_its_column(tmp_path):
    rows = [
        ["2025年知识产权奖励发放"],
        ["日期", "姓名", "部门", "事由", "奖金（万元）", ""],
        ["", "", "", "", "应发", "实发"],
        [JAN, "王强", "研发部", "发明专利 ZL202410100001.7 授权奖励", 0.5, 0.5],
        [FEB, "李娜", "市场部", "商标注册号：71234567", 0.03, 0.03],
    ]
    merged = ["A1:F1", "E2:F2", "A2:A3", "B2:B3", "C2:C3", "D2:D3"]
    result = import_ledger(
        write_sheet(tmp_path / "奖励.xlsx", rows, merged=merged), LedgerKind.REWARDS
    )
    assert result.header_row == 3 and result.unit == D(10000)
    assert result.mapping["amount"] == 4
    assert [e.amount for e in result.entries] == [D("5000.00"), D("300.00")]
    assert [e.ip_number for e in result.entries] == ["ZL202410100001.7", "71234567"]
    assert result.problems == []
    # the other amount column is not dropped silently
    assert [(n.letter, n.header, n.looks_like) for n in result.unused_columns] == [
        ("F", "实发", "amount")
    ]


def test_a_unit_in_the_header_scales_its_column(tmp_path):
    rows = [["日期", "姓名", "发放金额(万元)"], [JAN, "王强", 1.25]]
    result = import_ledger(write_sheet(tmp_path / "发放.csv", rows), LedgerKind.PAYMENTS)
    assert result.entries[0].amount == D("12500.00")


ACCOUNTING = [
    ["科目明细账"],
    ["科目：6602.15 管理费用-知识产权费", "", "", "", "", "", ""],
    ["日期", "凭证字号", "摘要", "借方", "贷方", "方向", "余额"],
    ["2025-01-01", "", "期初余额", "", "", "平", 0],
    ["2025-01-10", "记-3", "专利年费 ZL202410100001.7", 900, "", "借", 900],
    ["2025-01-20", "记-8", "代理费", 3000, "", "借", 3900],
    ["2025-01-31", "记-20", "结转本年利润", "", 3900, "平", 0],
    ["", "", "本月合计", 3900, 3900, "平", 0],
    ["", "", "本年累计", 3900, 3900, "平", 0],
    ["2025-02-10", "记-5", "奖励费", 2000, "", "借", 2100],
    ["2025-02-20", "记-9", "检索费", 600, "", "借", 2700],
    ["", "", "本月合计", 2600, 0, "借", 2700],
    ["", "", "本年累计", 6600, 3900, "借", 2700],
]


def test_an_accounting_export_is_read_from_its_debit_side(tmp_path):
    result = import_ledger(write_sheet(tmp_path / "科目明细账.xlsx", ACCOUNTING))
    assert result.kind is LedgerKind.EXPENSES
    assert [(e.source.row, e.amount) for e in result.entries] == [
        (5, D("900.00")),
        (6, D("3000.00")),
        (10, D("2000.00")),
        (11, D("600.00")),
    ]
    assert result.entries[0].ip_number == "ZL202410100001.7"
    # no category column: the 摘要 tells a reward line from other spending
    assert [is_reward_category(e.category) for e in result.entries] == [False, False, True, False]
    # totals checked, not summed: the second 本年累计 covers the whole year; the balance on
    # row 10 (2,100) does not follow from 0 + 2,000 and is reported with its row
    checked = {(t.source.row, t.label): (t.stated, t.computed) for t in result.totals}
    assert checked[(9, "本年累计")] == (D("3900.00"), D("3900.00"))
    assert checked[(13, "本年累计")] == (D("6600.00"), D("6500.00"))
    assert checked[(12, "本月合计")] == (D("2600.00"), D("2600.00"))
    (balance,) = [t for t in result.totals if t.label.startswith("余额")]
    assert (balance.source.row, balance.stated, balance.computed) == (
        10,
        D("2100.00"),
        D("2000.00"),
    )
    assert result.problems == []
    assert result.unused_columns == []  # credit, direction and balance are read
    c = result.counts
    assert (c.entries, c.total_rows, c.skipped) == (4, 4, 2)  # 期初余额 and the credit line


def test_a_header_that_disagrees_with_its_values_is_said(tmp_path):
    rows = [
        ["发放日期", "领取人", "部门", "金额", "凭证号"],
        ["王强", JAN, "研发部", 5000, "记-1"],
        ["李娜", FEB, "市场部", 800, "记-2"],
    ]
    result = import_ledger(write_sheet(tmp_path / "发放.xlsx", rows), LedgerKind.PAYMENTS)
    letters = sorted(w.letter for w in result.warnings)
    assert letters == ["A", "B"]
    assert all("column" in w.message_en and "第" in w.message_zh for w in result.warnings)
    assert result.field_confidence["date"] < 0.75


def test_unknown_headers_give_way_to_the_values(tmp_path):
    # the case: a header joining two names matched nothing and the column was dropped
    rows = [
        ["日期", "受益人/工号", "部门", "专利号/登记号", "奖励(元)", "凭证"],
        [JAN, "王强", "研发部", "ZL202410100001.7", 5000, "记-1"],
        [FEB, "李娜", "研发部", "2025SR1000001", 500, "记-2"],
    ]
    result = import_ledger(write_sheet(tmp_path / "发放.xlsx", rows), LedgerKind.PAYMENTS)
    assert result.mapping == {
        "date": 0,
        "person": 1,
        "department": 2,
        "ip_number": 3,
        "amount": 4,
        "voucher": 5,
    }
    assert result.unused_columns == []


def test_a_column_that_looks_like_a_field_but_is_unused_is_a_warning(tmp_path):
    rows = [
        ["日期", "姓名", "金额", "编码"],
        [JAN, "王强", 5000, "ZL202410100001.7"],
        [FEB, "李娜", 500, "ZL202420200001.X"],
    ]
    path = write_sheet(tmp_path / "发放.xlsx", rows)
    result = import_ledger(path, LedgerKind.PAYMENTS, overrides={"ip_number": -1})
    assert "ip_number" not in result.mapping
    (note,) = result.unused_columns
    assert (note.letter, note.header, note.looks_like) == ("D", "编码", "ip_number")
    (warning,) = result.warnings
    assert warning.letter == "D" and "D" in warning.message_en


@st.composite
def messy_sheets(draw: st.DrawFn) -> list[list[object]]:
    """A payment register with titles, blank rows, bad rows, totals and signature lines."""
    rows: list[list[object]] = []
    for _ in range(draw(st.integers(0, 2))):
        rows.append(draw(st.sampled_from([["奖金发放登记表"], [], ["单位：元"]])))
    rows.append(["序号", "发放日期", "领取人", "部门", "项目", "发放金额", "凭证号"])
    for n in range(1, draw(st.integers(1, 12)) + 1):
        what = draw(st.sampled_from(["entry", "entry", "entry", "blank", "bad", "subtotal"]))
        if what == "entry":
            rows.append([n, JAN, "王强", "研发部", "2025SR1000001", 500, "记-1"])
        elif what == "blank":
            rows.append([])
        elif what == "bad":
            rows.append([n, "三月", "王强", "研发部", "2025SR1000001", "五百", "记-1"])
        else:
            rows.append(["", "", "", "", "本页小计", 500, ""])
    rows.append(["合计", "", "", "", "", 1000, ""])
    if draw(st.booleans()):
        rows.append(["制表人：张三", "", "审核：李四"])
    return rows


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(messy_sheets(), st.sampled_from(["xlsx", "csv"]))
def test_rows_read_entries_problems_and_skipped_add_up_to_the_sheet(rows, fmt):
    with tempfile.TemporaryDirectory() as tmp:
        result = import_ledger(write_sheet(Path(tmp) / f"发放.{fmt}", rows), LedgerKind.PAYMENTS)
    c = result.counts
    parts = c.above_data + c.blank + c.entries + c.problem_rows + c.total_rows + c.skipped
    assert c.sheet_rows == len(rows) == parts
    assert c.entries == len(result.entries)
    assert c.problem_rows == len({p.source.row for p in result.problems})
    assert c.blank == sum(1 for r in rows[c.above_data :] if not r)
    assert c.total_rows == sum(1 for r in rows if "合计" in r or "本页小计" in r)


def test_a_title_above_the_header_tells_the_ledger(tmp_path):
    rows = [
        ["知识产权奖励情况一览"],
        ["奖励时间", "获奖人员", "所在科室", "专利名称及专利号", "奖励金额(元)"],
        [JAN, "王强", "研发一室", "ZL202410100001.7", 5000],
    ]
    result = import_ledger(write_sheet(tmp_path / "Sheet.xlsx", rows))
    assert result.kind is LedgerKind.REWARDS and result.alternatives == ()
    assert result.mapping == {"date": 0, "person": 1, "department": 2, "ip_number": 3, "amount": 4}
    assert kind_from_names(["知识产权奖励发放登记表"]) is LedgerKind.PAYMENTS
    assert kind_from_names(["奖励情况"]) is LedgerKind.REWARDS


def test_a_reward_record_with_a_column_for_penalties(tmp_path):
    rows = [
        ["日期", "姓名", "事由", "罚款金额", "奖励金额"],
        [JAN, "王强", "发明专利授权 ZL202410100001.7", "", 5000],
        [FEB, "李娜", "泄露技术资料", 200, ""],
        ["合计", "", "", 200, 5000],
    ]
    result = import_ledger(write_sheet(tmp_path / "奖惩记录.xlsx", rows))
    assert result.kind is LedgerKind.REWARDS
    assert result.mapping["amount"] == 4
    assert [(e.amount, e.is_penalty) for e in result.entries] == [
        (D("5000.00"), False),
        (D("200.00"), True),
    ]
    (total,) = result.totals
    assert total.stated == total.computed == D("5000.00")  # the reward column's total
    assert result.unused_columns == [] and result.problems == []
