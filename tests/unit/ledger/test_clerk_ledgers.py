"""Shapes a finance clerk writes that the other ledger tests never used, each written as a real
workbook, imported and reconciled: a payment register with both an amount due (应发) and an amount
paid (实发) under one merged 金额 header, or with tax withheld, or 税前/税后; months without their
day (2025年1月); an expense record's clerk (经手人 under an English header, or no header at all)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipaudit.ledger import normalize as nz
from ipaudit.ledger.model import DiscrepancyKind as K
from ipaudit.ledger.model import ImportResult, LedgerKind
from ipaudit.ledger.reconcile import Reconciliation, reconcile
from ipaudit.ledger.sources import import_sources

D = dt.date
# date, name, department, IP number, decided amount
REWARDS = [
    (D(2025, 1, 10), "王强", "研发部", "ZL202410100001.7", 5000),
    (D(2025, 1, 10), "李娜", "研发部", "ZL202420200001.X", 1000),
    (D(2025, 3, 12), "孙丽", "研发部", "ZL202420200003.9", 1000),
    (D(2025, 3, 12), "吴磊", "研发部", "ZL202410100003.6", 5000),
    (D(2025, 3, 12), "郑爽", "市场部", "2025SR1000002", 500),
]
# date, name, department, IP number, due, paid, voucher: 孙丽 is paid 800 of her 1,000
PAYMENTS = [
    (D(2025, 1, 28), "王强", "研发部", "ZL202410100001.7", 5000, 5000, "记-2025-0128"),
    (D(2025, 1, 28), "李娜", "研发部", "ZL202420200001.X", 1000, 1000, "记-2025-0128"),
    (D(2025, 3, 28), "孙丽", "研发部", "ZL202420200003.9", 1000, 800, "记-2025-0328"),
    (D(2025, 3, 28), "吴磊", "研发部", "ZL202410100003.6", 5000, 5000, "记-2025-0328"),
    (D(2025, 3, 28), "郑爽", "市场部", "2025SR1000002", 500, 500, "记-2025-0328"),
]
# date, voucher, category, text, amount: the reward lines book what was paid
EXPENSES = [
    (D(2025, 1, 8), "记-2025-0108", "申请费", "发明专利申请费", 900),
    (D(2025, 1, 28), "记-2025-0128", "奖励费", "1月知识产权奖金", 6000),
    (D(2025, 2, 20), "记-2025-0220", "检索费", "立项前专利检索", 3000),
    (D(2025, 3, 28), "记-2025-0328", "奖励费", "3月知识产权奖金", 6300),
]


def _xlsx(path: Path, rows: list[list[object]], merged: tuple[str, ...] = ()) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    for row in rows:
        ws.append(row)
    for cells in merged:
        ws.merge_cells(cells)
    wb.save(path)
    return path


def _rewards_rows() -> list[list[object]]:
    return [
        ["知识产权奖惩记录表"],
        ["日期", "姓名", "部门", "奖惩类型", "知识产权项目", "金额"],
        *[[d, n, dep, "奖励", ip, a] for d, n, dep, ip, a in REWARDS],
    ]


def _expense_rows() -> list[list[object]]:
    return [["日期", "凭证号", "费用类别", "摘要", "金额"], *[list(e) for e in EXPENSES]]


def _reconcile(tmp_path: Path, payments: Path, expenses: Path | None = None):
    files = [
        _xlsx(tmp_path / "奖惩记录表.xlsx", _rewards_rows()),
        payments,
        expenses or _xlsx(tmp_path / "经费使用记录.xlsx", _expense_rows()),
    ]
    imported = import_sources(files)
    by_kind: dict[LedgerKind, ImportResult] = {r.kind: r for r in imported.results}
    assert set(by_kind) == {LedgerKind.REWARDS, LedgerKind.PAYMENTS, LedgerKind.EXPENSES}
    for r in by_kind.values():
        assert r.problems == []
    rec: Reconciliation = reconcile(
        by_kind[LedgerKind.REWARDS].entries,
        by_kind[LedgerKind.PAYMENTS].entries,
        by_kind[LedgerKind.EXPENSES].entries,
        totals=[t for r in by_kind.values() for t in r.totals],
    )
    return by_kind, rec


def _only_the_short_payment(rec: Reconciliation) -> None:
    found = [(d.kind, d.persons, d.difference) for d in rec.discrepancies]
    assert found == [(K.UNDERPAID, ("孙丽",), Decimal("-200.00"))]


# ------------------------------------------------------------------ amount due and amount paid


def test_due_and_paid_under_one_merged_header_read_the_paid_column(tmp_path):
    rows: list[list[object]] = [
        ["知识产权奖金发放登记表"],
        ["发放日期", "姓名", "部门", "项目", "金额", "", "凭证号"],
        ["", "", "", "", "应发", "实发", ""],
        *[list(p) for p in PAYMENTS],
    ]
    merged = ("E2:F2", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "G2:G3")
    by_kind, rec = _reconcile(tmp_path, _xlsx(tmp_path / "发放.xlsx", rows, merged))
    pay = by_kind[LedgerKind.PAYMENTS]
    assert pay.mapping["amount"] == 5  # F, 实发
    assert [e.amount for e in pay.entries] == [Decimal(p[5]) for p in PAYMENTS]
    assert [(n.letter, n.looks_like) for n in pay.unused_columns] == [("E", "amount")]
    (said,) = [w for w in pay.warnings if w.column == 4]
    assert "4 行相同、1 行不同" in said.message_zh and "column F" in said.message_en
    _only_the_short_payment(rec)


def test_paid_net_of_tax_on_every_row_reads_the_due_column(tmp_path):
    rows: list[list[object]] = [
        ["发放日期", "姓名", "部门", "项目", "应发金额", "代扣个税", "实发金额", "凭证号"],
        *[
            [d, n, dep, ip, paid, paid * 0.2, paid * 0.8, v]
            for d, n, dep, ip, _, paid, v in PAYMENTS
        ],
    ]
    by_kind, rec = _reconcile(tmp_path, _xlsx(tmp_path / "发放.xlsx", rows))
    pay = by_kind[LedgerKind.PAYMENTS]
    assert pay.mapping["amount"] == 4  # E, 应发金额: rewards are decided before tax
    said = [w for w in pay.warnings if w.column == 6]
    assert said and "5 行不同" in said[0].message_zh
    assert "G" in {n.letter for n in pay.unused_columns}
    _only_the_short_payment(rec)


@pytest.mark.parametrize("after_first", [False, True])
def test_pre_and_post_tax_columns_in_either_order_read_the_pre_tax(tmp_path, after_first):
    def amounts(paid: int) -> list[object]:
        pair: list[object] = [paid, round(paid * 0.8, 2)]
        return pair[::-1] if after_first else pair

    heads = ["税后金额", "税前金额"] if after_first else ["税前金额", "税后金额"]
    rows: list[list[object]] = [
        ["发放日期", "姓名", "部门", "项目", *heads, "凭证号"],
        *[[d, n, dep, ip, *amounts(paid), v] for d, n, dep, ip, _, paid, v in PAYMENTS],
    ]
    by_kind, rec = _reconcile(tmp_path, _xlsx(tmp_path / "发放.xlsx", rows))
    pay = by_kind[LedgerKind.PAYMENTS]
    assert pay.mapping["amount"] == (5 if after_first else 4)
    _only_the_short_payment(rec)


# ------------------------------------------------------------------ months without their day


def test_months_without_their_day_link_bookings_and_keep_decisions_before_payments(tmp_path):
    """The expense record has no voucher column, so its reward lines are linked to the payment
    batches by date: "2025年1月" must be read as the end of January (after the batch of 28
    January). The reward record is dated by month too: read as the month's first day, the
    payments of the 28th are after the decisions."""
    rewards = [
        ["日期", "姓名", "部门", "奖惩类型", "知识产权项目", "金额"],
        *[[f"{d.year}年{d.month}月", n, dep, "奖励", ip, a] for d, n, dep, ip, a in REWARDS],
    ]
    payments = [
        ["发放日期", "姓名", "部门", "项目", "发放金额", "凭证号"],
        *[[d, n, dep, ip, paid, v] for d, n, dep, ip, _, paid, v in PAYMENTS],
    ]
    expenses = [
        ["月份", "费用类别", "摘要", "金额"],
        *[[f"{d.year}-{d.month:02d}", c, t, a] for d, _, c, t, a in EXPENSES],
    ]
    files = [
        _xlsx(tmp_path / "奖惩记录表.xlsx", rewards),
        _xlsx(tmp_path / "发放.xlsx", payments),
        _xlsx(tmp_path / "经费.xlsx", expenses),
    ]
    by_kind = {r.kind: r for r in import_sources(files).results}
    for r in by_kind.values():
        assert r.problems == [] and r.counts.entries == len(r.entries) > 0
    assert [e.date for e in by_kind[LedgerKind.REWARDS].entries][:2] == [D(2025, 1, 1)] * 2
    assert [e.date for e in by_kind[LedgerKind.EXPENSES].entries] == [
        D(2025, 1, 31),
        D(2025, 1, 31),
        D(2025, 2, 28),
        D(2025, 3, 31),
    ]
    rec = reconcile(
        by_kind[LedgerKind.REWARDS].entries,
        by_kind[LedgerKind.PAYMENTS].entries,
        by_kind[LedgerKind.EXPENSES].entries,
    )
    _only_the_short_payment(rec)


@given(
    year=st.integers(1950, 2100),
    month=st.integers(1, 12),
    form=st.sampled_from(
        ["{y}年{m}月", "{y}年{m:02d}月份", "{y}-{m:02d}", "{y}/{m}", "{y} 年 {m} 月"]
    ),
    wide=st.booleans(),
)
def test_a_month_reads_as_its_first_or_last_day_and_only_when_asked(year, month, form, wide):
    text = form.format(y=year, m=month)
    if wide:
        text = text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789-/"})
    first = nz.parse_date_text(text, month_end=False)
    last = nz.parse_date_text(text, month_end=True)
    assert first == D(year, month, 1)
    assert last is not None and (last.year, last.month) == (year, month)
    assert (last + dt.timedelta(days=1)).day == 1
    assert nz.parse_date_month_start(text) == first and nz.parse_date_month_end(text) == last
    with pytest.raises(nz.NormalizeError):
        nz.parse_date_text(text)  # a date that must be a day (an evidence date) is not a month
    with pytest.raises(nz.NormalizeError):
        nz.parse_date_text(f"{year}年13月", month_end=True)


def test_a_dotted_month_is_not_a_date():
    """2025.3 is as likely an amount as a month: never read as a date."""
    with pytest.raises(nz.NormalizeError):
        nz.parse_date_text("2025.3", month_end=True)


# ------------------------------------------------------------------ the expense record's clerk


def _clerk_ledger(tmp_path: Path, header: list[str] | None, clerks: list[str]) -> Path:
    rows = [[*e, c] for e, c in zip(EXPENSES, clerks, strict=True)]
    return _xlsx(tmp_path / "c.xlsx", [header, *rows] if header else rows)


@pytest.mark.parametrize(
    "header",
    [["Date", "Voucher", "Category", "Description", "Amount", "Handled by"], None],
    ids=["english", "no header"],
)
def test_the_name_on_every_expense_line_is_the_clerk_not_a_payee(tmp_path, header):
    expenses = _clerk_ledger(tmp_path, header, ["张会计"] * len(EXPENSES))
    payments = [
        ["发放日期", "姓名", "部门", "项目", "发放金额", "凭证号"],
        *[[d, n, dep, ip, paid, v] for d, n, dep, ip, _, paid, v in PAYMENTS],
    ]
    by_kind, rec = _reconcile(tmp_path, _xlsx(tmp_path / "发放.xlsx", payments), expenses)
    exp = by_kind[LedgerKind.EXPENSES]
    assert "person" not in exp.mapping
    assert [(n.letter, n.looks_like) for n in exp.unused_columns] == [("F", "person")]
    assert all(e.person == "" for e in exp.entries)
    _only_the_short_payment(rec)
    assert not any("张会计" in d.persons for d in rec.discrepancies)


def test_names_that_change_from_line_to_line_stay_the_expense_person(tmp_path):
    """A column of payees (a different name on each reward line) is no clerk: it is kept."""
    header = ["日期", "凭证号", "费用类别", "摘要", "金额", "报销人"]
    expenses = _clerk_ledger(tmp_path, header, ["王强", "李娜", "吴磊", "孙丽"])
    by_kind = {r.kind: r for r in import_sources([expenses]).results}
    assert by_kind[LedgerKind.EXPENSES].mapping.get("person") == 5


# ------------------------------------------------------------------ a total above the rows


def test_a_total_written_under_the_header_covers_the_rows_below(tmp_path):
    """合计 right under the header (some clerks put it first): it covers the rows below it, so
    its 500 too many is found, not a difference of the whole stated amount against nothing."""
    stated = sum(p[5] for p in PAYMENTS) + 500
    rows: list[list[object]] = [
        ["发放日期", "姓名", "部门", "项目", "发放金额", "凭证号"],
        ["合计", "", "", "", stated, ""],
        *[[d, n, dep, ip, paid, v] for d, n, dep, ip, _, paid, v in PAYMENTS],
    ]
    by_kind, rec = _reconcile(tmp_path, _xlsx(tmp_path / "发放.xlsx", rows))
    (total,) = by_kind[LedgerKind.PAYMENTS].totals
    assert (total.source.row, total.first_row, total.last_row) == (2, 3, 7)
    assert total.difference == Decimal("500.00")
    found = sorted((d.kind, d.difference) for d in rec.discrepancies)
    assert found == [(K.TOTAL_MISMATCH, Decimal("500.00")), (K.UNDERPAID, Decimal("-200.00"))]


def test_a_total_above_and_one_below_each_cover_every_row(tmp_path):
    paid = sum(p[5] for p in PAYMENTS)
    rows: list[list[object]] = [
        ["发放日期", "姓名", "部门", "项目", "发放金额", "凭证号"],
        ["合计", "", "", "", paid, ""],
        *[[d, n, dep, ip, amount, v] for d, n, dep, ip, _, amount, v in PAYMENTS],
        ["合计", "", "", "", paid, ""],
    ]
    by_kind, rec = _reconcile(tmp_path, _xlsx(tmp_path / "发放.xlsx", rows))
    totals = by_kind[LedgerKind.PAYMENTS].totals
    assert [(t.first_row, t.last_row, t.difference) for t in totals] == [(3, 7, 0), (3, 7, 0)]
    _only_the_short_payment(rec)


# ------------------------------------------------------------------ a note after a name


def test_a_note_after_a_payee_is_not_part_of_the_name(tmp_path):
    rows: list[list[object]] = [
        ["发放日期", "姓名", "部门", "项目", "发放金额", "凭证号"],
        *[[d, f"{n}（{dep[:2]}）", dep, ip, paid, v] for d, n, dep, ip, _, paid, v in PAYMENTS],
    ]
    by_kind, rec = _reconcile(tmp_path, _xlsx(tmp_path / "发放.xlsx", rows))
    assert [e.person for e in by_kind[LedgerKind.PAYMENTS].entries] == [p[1] for p in PAYMENTS]
    _only_the_short_payment(rec)


_CJK_NAME = st.text(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=2, max_size=4
)


@given(
    name=_CJK_NAME,
    note=st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=6),
    brackets=st.sampled_from(["（）", "()", "【】", "[]", "〔〕"]),
    gap=st.sampled_from(["", " ", "\u3000"]),
)
def test_a_bracketed_note_of_two_characters_or_more_leaves_the_name(name, note, brackets, gap):
    written = f"{name}{gap}{brackets[0]}{note}{brackets[1]}"
    person = nz.normalize_person(written)
    if len(note) >= 2:
        assert person == nz.normalize_name(name)
    else:  # 王伟(A), 王伟(大): tells namesakes apart
        assert person == nz.normalize_name(written)
    assert nz.normalize_person(person) == person
    assert nz.normalize_person(name) == nz.normalize_name(name)


# ------------------------------------------------------------------ 奖励/处罚 under one 金额


def test_reward_and_penalty_columns_under_a_merged_amount_header(tmp_path):
    """金额（元） merged over 奖励 and 处罚: the penalty is read from its own column, not lost
    as a row 'without an amount'."""
    rows: list[list[object]] = [
        ["知识产权奖惩记录表"],
        ["日期", "姓名", "部门", "知识产权项目", "事由", "金额（元）", ""],
        ["", "", "", "", "", "奖励", "处罚"],
        *[[d, n, dep, ip, "授权奖励", a, ""] for d, n, dep, ip, a in REWARDS],
        [D(2025, 3, 20), "何静", "行政人事部", "", "违反保密规定", "", 500],
    ]
    merged = ("F2:G2", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3")
    path = _xlsx(tmp_path / "奖惩记录表.xlsx", rows, merged)
    (result,) = import_sources([path]).results
    assert result.kind is LedgerKind.REWARDS and result.problems == []
    assert result.mapping["amount"] == 5
    assert [n.letter for n in result.unused_columns] == []
    assert [(e.person, e.is_penalty, e.amount) for e in result.entries][-2:] == [
        ("郑爽", False, Decimal(500)),
        ("何静", True, Decimal(500)),
    ]
