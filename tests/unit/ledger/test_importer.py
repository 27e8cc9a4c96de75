"""Importing ledgers from real files: entries, problems, stated totals, mappings, progress, cancel."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from ipaudit.ledger import importer
from ipaudit.ledger.errors import (
    HeaderNotFound,
    ImportCancelled,
    LedgerKindUnknown,
    MappingInvalid,
)
from ipaudit.ledger.importer import import_ledger, import_workbook, is_reward_category, preview
from ipaudit.ledger.model import Entry, LedgerKind, SourceRef
from tests.unit.ledger.sheetgen import ExcelError, Formula, write_sheet, write_workbook

D = Decimal
JAN = dt.date(2025, 1, 31)
PAY_HEADER = ["序号", "发放日期", "姓名", "部门", "项目", "发放金额", "凭证号", "领取人签字"]


def pay_row(n, name, amount, day=JAN, voucher="记-1", ip="2025SR1000001"):
    return [n, day, name, "研发部", ip, amount, voucher, None]


def test_entries_carry_their_source_and_normalised_values(tmp_path):
    rows = [
        ["奖金发放登记表"],
        ["单位：元"],
        PAY_HEADER,
        pay_row(1, "李  娜", 1000),
        pay_row(2, "欧阳 娜娜", "¥1,500.50", day="2025年2月3日", ip="ZL 2024 1 0100001.7"),
        pay_row(3, "王强", "壹仟元整", day=45700, ip="７１２３４５６７"),
    ]
    path = write_sheet(tmp_path / "发放.xlsx", rows, sheet_name="发放")
    result = import_ledger(path)
    assert result.kind is LedgerKind.PAYMENTS
    assert (result.file, result.sheet, result.header_row) == ("发放.xlsx", "发放", 3)
    assert result.mapping == {
        "date": 1,
        "person": 2,
        "department": 3,
        "ip_number": 4,
        "amount": 5,
        "voucher": 6,
    }
    assert result.problems == [] and result.rows_read == 3
    a, b, c = result.entries
    assert a.source == SourceRef("发放.xlsx", "发放", 4)
    assert (a.person, a.amount, a.date, a.voucher) == ("李娜", D("1000.00"), JAN, "记-1")
    assert (b.person, b.amount, b.date, b.ip_number) == (
        "欧阳娜娜",
        D("1500.50"),
        dt.date(2025, 2, 3),
        "ZL202410100001.7",
    )
    assert (c.amount, c.date, c.ip_number) == (D("1000.00"), dt.date(2025, 2, 12), "71234567")


def test_every_unreadable_row_is_a_problem_with_its_place(tmp_path):
    rows = [
        PAY_HEADER,
        pay_row(1, "王强", 500),
        pay_row(2, "李娜", "五百块"),
        pay_row(3, "陈晓东", 300, day="2025-02-30"),
        pay_row(4, None, 800),
        pay_row(5, "赵敏", None),
        pay_row(6, "刘洋", Formula("=F2*2")),
        pay_row(7, "周杰", Formula("=1/0", cached=ExcelError("#DIV/0!"))),
        pay_row(8, "孙丽", 700),
    ]
    path = write_sheet(tmp_path / "p.xlsx", rows, sheet_name="S")
    result = import_ledger(path, LedgerKind.PAYMENTS)
    assert [e.person for e in result.entries] == ["王强", "孙丽"]
    found = {(p.source.row, p.column, p.raw) for p in result.problems}
    assert found == {
        (3, "发放金额", "五百块"),
        (4, "发放日期", "2025-02-30"),
        (5, "姓名", ""),
        (6, "发放金额", ""),
        (7, "发放金额", "=F2*2"),
        (8, "发放金额", "#DIV/0!"),
    }
    by_row = {p.source.row: p for p in result.problems}
    assert "不存在" in by_row[4].reason_zh and "does not exist" in by_row[4].reason_en
    assert by_row[5].reason_zh == "缺少姓名" and by_row[5].reason("en") == "the name is missing"
    assert "公式" in by_row[7].reason_zh and "Excel" in by_row[7].reason_en
    assert all(p.source.file == "p.xlsx" and p.source.sheet == "S" for p in result.problems)
    # nothing dropped: every data row is an entry or has a problem
    assert len({e.source.row for e in result.entries} | set(by_row)) == 8


def test_totals_subtotals_and_the_lines_below_them(tmp_path):
    rows = [
        ["知识产权奖金发放登记表"],
        PAY_HEADER,
        pay_row(1, "王强", 1000),
        pay_row(2, "李娜", 500),
        ["", "一月小计", None, None, None, 1500, None, None],
        [None] * 8,
        pay_row(3, "陈晓东", 300, day=dt.date(2025, 2, 1)),
        ["", "本月小计", None, None, None, 350, None, None],
        ["合  计", None, None, None, None, "1,800.00", None, None],
        ["制表人：张会计", None, None, "审核：李经理", None, None, None, None],
        ["注：金额单位为元"],
    ]
    path = write_sheet(tmp_path / "t.xlsx", rows)
    result = import_ledger(path, LedgerKind.PAYMENTS)
    assert len(result.entries) == 3 and result.problems == []
    first, second, total = result.totals
    assert (first.label, first.stated, first.computed, first.first_row, first.last_row) == (
        "一月小计",
        D("1500.00"),
        D("1500.00"),
        3,
        4,
    )
    assert (second.stated, second.computed, second.difference) == (
        D("350.00"),
        D("300.00"),
        D("50.00"),
    )
    assert (second.first_row, second.last_row) == (7, 7)
    assert (total.label, total.stated, total.computed, total.first_row, total.last_row) == (
        "合  计",
        D("1800.00"),
        D("1800.00"),
        3,
        7,
    )
    assert total.source.row == 9


def test_total_without_a_result_is_a_problem_not_a_zero(tmp_path):
    rows = [
        PAY_HEADER,
        pay_row(1, "王强", 1000),
        ["合计", None, None, None, None, Formula("=SUM(F2)")],
    ]
    result = import_ledger(write_sheet(tmp_path / "t.xlsx", rows), LedgerKind.PAYMENTS)
    assert result.totals == []
    (problem,) = result.problems
    assert (problem.source.row, problem.column, problem.raw) == (3, "发放金额", "=SUM(F2)")


def test_blank_template_and_repeated_header_rows_are_skipped(tmp_path):
    rows = [
        PAY_HEADER,
        pay_row(1, "王强", 1000),
        [None] * 8,
        PAY_HEADER,  # a page break repeats the header
        pay_row(2, "李娜", 500),
        [3, None, None, None, None, None, None, None],  # numbered template rows
        [4, None, None, None, None, None, None, None],
        [None, None, None, None, None, None, None, "已签"],  # something outside the ledger
        [
            "制表人：张会计",
            None,
            None,
            None,
            None,
            None,
            None,
            None,
        ],  # no total above: still a note
        [None, "审核：李经理", None, None, None, None, None, None],
    ]
    result = import_ledger(write_sheet(tmp_path / "b.csv", rows), LedgerKind.PAYMENTS)
    assert [e.person for e in result.entries] == ["王强", "李娜"]
    (problem,) = result.problems
    assert problem.source.row == 8 and problem.raw == "已签" and problem.column == ""


def test_rewards_and_penalties(tmp_path):
    header = ["日期", "姓名", "部门", "奖惩类型", "知识产权项目", "事由", "金额"]
    day = dt.date(2025, 3, 1)
    rows = [
        header,
        [day, "王强", "研发部", "奖励", "ZL202410100001.7", "发明专利授权", 5000],
        [day, "何静", "行政部", "罚款", None, "违反保密规定", 500],
        [day, "吴磊", "研发部", "处罚", None, "迟交", -200],
        [day, "李娜", "研发部", "奖励", None, "笔误", -300],
        [day, "赵敏", "研发部", "调整", None, "?", 100],
    ]
    result = import_ledger(write_sheet(tmp_path / "奖惩.xlsx", rows))
    assert result.kind is LedgerKind.REWARDS
    got = [(e.person, e.amount, e.is_penalty) for e in result.entries]
    assert got == [
        ("王强", D("5000.00"), False),
        ("何静", D("500.00"), True),
        ("吴磊", D("200.00"), True),
    ]
    assert {(p.source.row, p.column) for p in result.problems} == {(5, "金额"), (6, "奖惩类型")}
    # without a type column the sign decides
    rows = [["日期", "获奖人", "奖励金额"], [day, "王强", 1000], [day, "何静", "(500)"]]
    result = import_ledger(write_sheet(tmp_path / "r.csv", rows), LedgerKind.REWARDS)
    assert [(e.amount, e.is_penalty) for e in result.entries] == [
        (D("1000.00"), False),
        (D("500.00"), True),
    ]


def test_reward_total_counts_the_amounts_as_written(tmp_path):
    rows = [
        ["日期", "姓名", "奖惩类型", "金额"],
        [JAN, "王强", "奖励", 1000],
        [JAN, "何静", "处罚", -200],
        ["合计", None, None, 800],
    ]
    result = import_ledger(write_sheet(tmp_path / "r.xlsx", rows), LedgerKind.REWARDS)
    (total,) = result.totals
    assert (total.stated, total.computed) == (D("800.00"), D("800.00"))


def test_payments_and_expenses_keep_the_sign(tmp_path):
    rows = [
        ["日期", "凭证号", "费用类别", "摘要", "金额"],
        ["2025/01/08", "记-1", "代理费", "代理", "4,500.00"],
        ["2025/01/09", "记-2", "代理费", "冲回", "-4,500.00"],
        ["2025/01/31", "记 - 3", "奖励费", "奖金", "(7,000.00)"],
    ]
    result = import_ledger(write_sheet(tmp_path / "经费.csv", rows, encoding="gb18030"))
    assert result.kind is LedgerKind.EXPENSES
    assert [e.amount for e in result.entries] == [D("4500.00"), D("-4500.00"), D("-7000.00")]
    assert result.entries[2].voucher == "记-3"
    assert [is_reward_category(e.category) for e in result.entries] == [False, False, True]


def test_unit_of_ten_thousand(tmp_path):
    rows = [
        ["奖金发放登记表"],
        ["单位：万元"],
        ["日期", "姓名", "金额"],
        [JAN, "王强", 0.5],
        [JAN, "李娜", "1,2"],
    ]
    result = import_ledger(write_sheet(tmp_path / "u.xlsx", rows), LedgerKind.PAYMENTS)
    assert result.unit == D(10000)
    assert [e.amount for e in result.entries] == [D("5000.00")]
    assert result.problems[0].raw == "1,2"
    rows = [["日期", "姓名", "金额（万元）"], [JAN, "王强", "0.12"], [JAN, "李娜", "300元"]]
    result = import_ledger(write_sheet(tmp_path / "v.csv", rows), LedgerKind.PAYMENTS)
    assert [e.amount for e in result.entries] == [D("1200.00"), D("300.00")]
    result = import_ledger(write_sheet(tmp_path / "w.csv", rows), LedgerKind.PAYMENTS, unit=D(1))
    assert result.entries[0].amount == D("0.12")


def test_merged_cells(tmp_path):
    rows = [
        ["日期", "凭证号", "姓名", "金额"],
        [JAN, "记-1", "王强", 1000],
        [None, None, "李娜", 500],
        [dt.date(2025, 2, 28), "记-2", "陈晓东", 800],
        [None, "记-3", "赵敏", None],
    ]
    path = write_sheet(tmp_path / "m.xlsx", rows, merged=["A2:A3", "B2:B3", "D4:D5"])
    result = import_ledger(path, LedgerKind.PAYMENTS)
    assert [(e.person, e.date, e.voucher, e.amount) for e in result.entries] == [
        ("王强", JAN, "记-1", D("1000.00")),
        ("李娜", JAN, "记-1", D("500.00")),  # the merged date and voucher hold for both rows
        ("陈晓东", dt.date(2025, 2, 28), "记-2", D("800.00")),
    ]
    (problem,) = result.problems
    assert problem.source.row == 5 and problem.column == "金额" and "第 4 行" in problem.reason_zh


def test_explicit_mapping_and_header_row(tmp_path):
    rows = [["A", "B", "C"], ["甲", "乙", "丙"], ["王强", "2025-01-31", "1000"]]
    path = write_sheet(tmp_path / "odd.csv", rows)
    # headers that mean nothing: the values decide, and the kind stays open to the user
    found = import_ledger(path)
    assert found.header_row == 2 and found.mapping == {"person": 0, "date": 1, "amount": 2}
    assert found.confidence < 0.75
    result = import_ledger(
        path, LedgerKind.PAYMENTS, mapping={"person": 0, "date": 1, "amount": 2}, header_row=2
    )
    assert result.header_row == 2 and result.mapping == {"person": 0, "date": 1, "amount": 2}
    (entry,) = result.entries
    assert (entry.person, entry.date, entry.amount) == ("王强", JAN, D("1000.00"))
    with pytest.raises(MappingInvalid):
        import_ledger(path, LedgerKind.PAYMENTS, mapping={"person": 0, "date": 1}, header_row=2)
    with pytest.raises(MappingInvalid):
        import_ledger(path, LedgerKind.PAYMENTS, mapping={"person": 0, "amount": 9}, header_row=2)
    with pytest.raises(MappingInvalid):
        import_ledger(path, LedgerKind.PAYMENTS, mapping={"person": 0, "amount": 0}, header_row=2)
    with pytest.raises(MappingInvalid):
        import_ledger(path, LedgerKind.PAYMENTS, mapping={"salary": 0, "amount": 2}, header_row=2)
    notes = write_sheet(tmp_path / "notes.csv", [["甲", "乙"], ["说明文字", "更多说明"]])
    with pytest.raises(HeaderNotFound):
        import_ledger(notes)
    with pytest.raises(LedgerKindUnknown):
        import_ledger(notes, mapping={"person": 0, "amount": 1}, header_row=1)


def test_missing_required_column_is_refused(tmp_path):
    rows = [["日期", "姓名", "部门"], [JAN, "王强", "研发部"]]
    with pytest.raises(MappingInvalid) as info:
        import_ledger(write_sheet(tmp_path / "x.csv", rows), LedgerKind.PAYMENTS)
    assert "金额" in info.value.message_zh


def test_portfolio_register(tmp_path):
    rows = [
        ["知识产权台账"],
        ["序号", "类型", "专利号/登记号", "名称", "申请日", "授权日", "法律状态", "发明人"],
        [
            1,
            "发明专利",
            "ZL202410100001.7",
            "一种方法",
            "2024-01-05",
            "2025-01-10",
            "有效",
            "王强、李  娜",
        ],
        [2, "商标", "７１２３４５６７", "示例商标", dt.date(2023, 5, 1), None, "注册", None],
        [3, "软件著作权", None, "管理系统", None, None, None, None],
    ]
    result = import_ledger(write_sheet(tmp_path / "知识产权台账.xlsx", rows))
    assert result.kind is LedgerKind.PORTFOLIO
    first, second = result.entries
    assert (first.category, first.ip_number, first.text, first.status) == (
        "发明专利",
        "ZL202410100001.7",
        "一种方法",
        "有效",
    )
    assert (first.date, first.granted, first.inventors) == (
        dt.date(2024, 1, 5),
        dt.date(2025, 1, 10),
        ("王强", "李娜"),
    )
    assert (second.ip_number, second.granted) == ("71234567", None)
    (problem,) = result.problems
    assert problem.source.row == 5 and problem.column == "专利号/登记号"


def test_workbook_with_all_ledgers(tmp_path):
    day = dt.date(2025, 1, 20)
    path = write_workbook(
        tmp_path / "台账汇总.xlsx",
        {
            "说明": [["本工作簿包含三本台账"]],
            "奖惩记录": [["日期", "姓名", "奖惩类型", "金额"], [day, "王强", "奖励", 5000]],
            "奖金发放": [PAY_HEADER, pay_row(1, "王强", 5000)],
            "经费使用": [["日期", "凭证号", "费用类别", "金额"], [JAN, "记-1", "奖励费", 5000]],
        },
    )
    seen = []
    results = import_workbook(path, progress=lambda done, total: seen.append((done, total)))
    assert [(r.sheet, r.kind) for r in results] == [
        ("奖惩记录", LedgerKind.REWARDS),
        ("奖金发放", LedgerKind.PAYMENTS),
        ("经费使用", LedgerKind.EXPENSES),
    ]
    assert all(len(r.entries) == 1 for r in results)
    assert seen[-1] == (4, 4)
    with pytest.raises(HeaderNotFound):
        import_workbook(write_sheet(tmp_path / "notes.xlsx", [["只是说明"]]))


def test_progress_and_cancel(tmp_path):
    rows = [PAY_HEADER] + [pay_row(i, f"员工{i}", 100) for i in range(10_000)]
    path = write_sheet(tmp_path / "big.xlsx", rows)
    calls = []
    result = import_ledger(path, progress=lambda done, total: calls.append((done, total)))
    assert len(result.entries) == 10_000
    assert len(calls) >= 4 and calls == sorted(calls)
    assert calls[-1] == (10_001, 10_001)
    checks = []

    def cancel() -> bool:
        checks.append(1)
        return len(checks) >= 2

    with pytest.raises(ImportCancelled) as info:
        import_ledger(path, cancel=cancel)
    assert info.value.row is not None and "取消" in info.value.message_zh


def test_preview_shows_the_first_rows_and_the_layout(tmp_path):
    rows = [["奖金发放登记表"], PAY_HEADER] + [pay_row(i, f"员工{i}", 100) for i in range(50)]
    shown = preview(write_sheet(tmp_path / "奖金发放.xlsx", rows), rows=10)
    assert len(shown.rows) == 10 and shown.rows[1][0] == "序号"
    assert shown.layout.header_row == 2 and shown.layout.kind is LedgerKind.PAYMENTS
    assert shown.layout.sure and shown.total_rows == 52


def test_fast_constructors_build_the_same_values():
    assert importer._FAST is not None  # the model still has the fields the fast path fills
    make_entry, make_source = importer._FAST
    source = make_source("f.xlsx", "S", 7)
    assert source == SourceRef("f.xlsx", "S", 7) and hash(source) == hash(
        SourceRef("f.xlsx", "S", 7)
    )
    args = (
        LedgerKind.PAYMENTS,
        source,
        JAN,
        "王强",
        "研发部",
        "ZL1",
        D("1.00"),
        False,
        "v",
        "c",
        "t",
    )
    fast = make_entry(*args)
    plain = Entry(*args)
    assert fast == plain and hash(fast) == hash(plain)
    assert dataclasses.replace(fast, person="李娜").person == "李娜"
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.person = "x"  # type: ignore[misc]
