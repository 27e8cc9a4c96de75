"""Generated ledgers with injected discrepancies: the reconciliation reports exactly those."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ipaudit.ledger.columns import Columns
from ipaudit.ledger.importer import import_ledger
from ipaudit.ledger.model import LedgerKind
from ipaudit.ledger.reconcile import reconcile
from tests.unit.ledger.reconcile_gen import (
    INJECTABLE,
    RATES,
    Rec,
    found,
    generate,
    reconcile_imported,
    to_entries,
)
from tests.unit.ledger.sheetgen import write_sheet, write_workbook

injections = st.lists(st.sampled_from(INJECTABLE), unique=True, max_size=len(INJECTABLE))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), inject=injections, vouchers=st.booleans())
@example(seed=0, inject=[], vouchers=True)
@example(seed=1, inject=list(INJECTABLE), vouchers=False)
def test_entries_report_exactly_the_injected_discrepancies(seed, inject, vouchers):
    g = generate(random.Random(seed), inject, vouchers=vouchers)
    rewards, payments, expenses, totals, portfolio = to_entries(g)
    r = reconcile(rewards, payments, expenses, totals=totals, rates=RATES, portfolio=portfolio)
    assert found(r.discrepancies) == g.expected
    assert r.summary.discrepancy_count == sum(g.expected.values())
    if not g.expected:
        assert r.summary.match_rate == 1.0
    # the ledgers as the workspace keeps them once loaded give the same result
    loaded = [Columns.prepared(x) for x in (rewards, payments, expenses)]
    again = reconcile(*loaded, totals=totals, rates=RATES, portfolio=portfolio)
    assert again.discrepancies == r.discrepancies
    assert again.summary == r.summary


# -- the same ledgers as real files in the layouts finance departments use ------------------

HEADERS = {  # field -> header texts seen in real ledgers (all in the shipped synonyms)
    LedgerKind.REWARDS: {
        "date": ["日期", "奖励日期", "决定日期", "奖惩日期"],
        "person": ["姓名", "获奖人", "受奖人"],
        "department": ["部门", "所在部门"],
        "kind": ["奖惩类型", "奖惩类别", "奖惩性质"],
        "ip_number": ["知识产权项目", "专利号", "知识产权编号"],
        "text": ["事由", "奖惩事由"],
        "amount": ["金额(元)", "金额（元）", "奖励金额", "奖惩金额"],
    },
    LedgerKind.PAYMENTS: {
        "date": ["发放日期", "日期", "支付日期"],
        "person": ["姓名", "领取人"],
        "department": ["部门", "所在部门"],
        "ip_number": ["项目", "知识产权项目", "专利号"],
        "amount": ["发放金额", "金额", "实发金额"],
        "voucher": ["凭证号", "凭证字号"],
    },
    LedgerKind.EXPENSES: {
        "date": ["日期", "记账日期"],
        "voucher": ["凭证号", "凭证编号"],
        "category": ["费用类别", "费用科目"],
        "ip_number": ["项目", "专利号"],
        "text": ["摘要"],
        "amount": ["金额", "发生额", "金额(元)"],
    },
}
EXTRA = {
    LedgerKind.REWARDS: ["序号", "备注"],
    LedgerKind.PAYMENTS: ["序号", "领取人签字"],
    LedgerKind.EXPENSES: ["经手人", "审批人"],
}
TITLES = {
    LedgerKind.REWARDS: "知识产权奖惩记录表",
    LedgerKind.PAYMENTS: "知识产权奖金发放登记表",
    LedgerKind.EXPENSES: "知识产权经费使用记录",
}
FULL_WIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")


def _spaced(name: str, rng: random.Random) -> str:
    if len(name) < 2 or rng.random() < 0.7:
        return name
    cut = 2 if len(name) == 4 else 1
    return name[:cut] + " " * rng.randint(1, 2) + name[cut:]


def _amount(value: Decimal, rng: random.Random, text_only: bool) -> object:
    forms = ["plain", "yuan", "comma", "full"] + ([] if text_only else ["number", "number"])
    form = rng.choice(forms)
    if form == "number":
        return float(value) if rng.random() < 0.5 else value
    if form == "yuan":
        return f"{value:.2f}元" if rng.random() < 0.5 else f"¥{value:,.2f}"
    if form == "comma":
        return f"{value:,.2f}"
    if form == "full":
        return f"{value:.2f}".translate(FULL_WIDTH)
    return f"{value}"


def _date(value: dt.date, rng: random.Random, text_only: bool) -> object:
    form = rng.choice(["cell", "cell", "zh", "slash", "dot", "iso"])
    if form == "cell" and not text_only:
        return value
    if form == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    if form == "slash":
        return f"{value:%Y/%m/%d}"
    if form == "dot":
        return f"{value.year}.{value.month}.{value.day}"
    return value.isoformat()


def _cells(kind: LedgerKind, rec: Rec, rng: random.Random, text_only: bool) -> dict[str, object]:
    ip = rec.ip.translate(FULL_WIDTH) if rec.ip and rng.random() < 0.2 else rec.ip
    cells: dict[str, object] = {
        "date": _date(rec.date, rng, text_only) if rec.date else "",
        "person": _spaced(rec.person, rng),
        "department": rec.department,
        "ip_number": ip,
        "amount": _amount(rec.amount, rng, text_only),
        "voucher": rec.voucher,
        "category": rec.category,
        "text": rec.text,
    }
    if kind is LedgerKind.REWARDS:
        cells["kind"] = rng.choice(["处罚", "罚款"]) if rec.penalty else rng.choice(["奖励", "奖"])
    return cells


def sheet_rows(
    kind: LedgerKind,
    records: list[Rec],
    rng: random.Random,
    *,
    text_only: bool,
    stated: Decimal | None = None,
) -> list[list[object]]:
    fields = list(HEADERS[kind])
    columns: list[tuple[str, str]] = [(f, rng.choice(HEADERS[kind][f])) for f in fields]
    columns += [("", extra) for extra in EXTRA[kind] if rng.random() < 0.6]
    rng.shuffle(columns)
    if columns[0][0] == "amount":  # the 合计 label needs the first column
        columns.append(columns.pop(0))
    rows: list[list[object]] = []
    if rng.random() < 0.7:
        rows.append([TITLES[kind]] + [""] * (len(columns) - 1))
    if rng.random() < 0.4:
        rows.append(["单位：元"] + [""] * (len(columns) - 1))
    rows.append([header for _, header in columns])
    for n, rec in enumerate(records, start=1):
        cells = _cells(kind, rec, rng, text_only)
        rows.append([cells[f] if f else (n if h == "序号" else "") for f, h in columns])
    if stated is not None:
        total = ["合计"] + [""] * (len(columns) - 1)
        at = next(i for i, (f, _) in enumerate(columns) if f == "amount")
        total[at] = stated if not text_only else f"{stated:.2f}"
        rows.append(total)
    return rows


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**32 - 1),
    inject=injections,
    vouchers=st.booleans(),
    fmt=st.sampled_from(["xlsx", "xls", "ods", "csv-gb18030", "csv-utf-8-sig", "tsv", "book"]),
)
@example(seed=2, inject=list(INJECTABLE), vouchers=True, fmt="book")
def test_files_in_random_layouts_report_exactly_the_injected(
    tmp_path_factory, seed, inject, vouchers, fmt
):
    rng = random.Random(seed)
    g = generate(random.Random(seed), inject, vouchers=vouchers)
    folder = tmp_path_factory.mktemp("ledgers")
    text_only = fmt.startswith("csv") or fmt == "tsv"
    sheets = {
        LedgerKind.REWARDS: (
            "奖惩记录",
            sheet_rows(LedgerKind.REWARDS, g.rewards, rng, text_only=text_only),
        ),
        LedgerKind.PAYMENTS: (
            "奖金发放",
            sheet_rows(
                LedgerKind.PAYMENTS, g.payments, rng, text_only=text_only, stated=g.total_stated
            ),
        ),
        LedgerKind.EXPENSES: (
            "经费使用",
            sheet_rows(LedgerKind.EXPENSES, g.expenses, rng, text_only=text_only),
        ),
    }
    results = {}
    if fmt == "book":
        path = write_workbook(folder / "财务台账.xlsx", dict(sheets.values()))
        for kind, (sheet, _) in sheets.items():
            results[kind] = import_ledger(path, kind, sheet=sheet)
    else:
        suffix, _, encoding = fmt.partition("-")
        for kind, (sheet, rows) in sheets.items():
            path = folder / f"{TITLES[kind]}.{suffix}"
            write_sheet(path, rows, sheet_name=sheet, encoding=encoding or "utf-8")
            results[kind] = import_ledger(path, kind)
    for result in results.values():
        assert result.problems == []
    rewards, payments, expenses = (results[k] for k in HEADERS)
    assert len(rewards.entries) == len(g.rewards) and len(payments.entries) == len(g.payments)
    assert len(payments.totals) == 1
    r = reconcile_imported(g, rewards, payments, expenses)
    assert found(r.discrepancies) == g.expected
