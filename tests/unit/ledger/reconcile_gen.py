"""Generated ledgers that agree, with chosen discrepancies injected, and what must be found.

``generate(rng, inject, vouchers=...)`` builds a company's year: reward decisions at the rates of
``RATES`` (some shared by two inventors, some patents rewarded at application and at grant), the
payments of each month paid together on the 28th (some in two instalments, some without the IP
item, unambiguously), each month's batch booked as one 奖励费 line a few days later (by voucher,
or by date when ``vouchers`` is False), other expense lines, unpaid penalties and a correct 合计.
Then each name in ``inject`` adds exactly one discrepancy of that kind to its own rows, and
``Generated.expected`` says what a correct reconciliation reports: ``(kind, person, ip)`` for the
row-level kinds, ``(kind, date)`` for batches, ``(kind, "")`` for the stated total.

Records are plain; ``to_entries`` makes importer-like entries, the file tests write them to sheets.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from ipaudit.ledger.importer import is_reward_category
from ipaudit.ledger.ipnumber import check_digit
from ipaudit.ledger.model import (
    Discrepancy,
    DiscrepancyKind,
    Entry,
    LedgerKind,
    SourceRef,
    StatedTotal,
)
from ipaudit.ledger.rates import RateTable
from ipaudit.ledger.reconcile import Reconciliation, reconcile

K = DiscrepancyKind
ZERO = Decimal("0.00")
YEAR = 2025
RATES = RateTable.from_dict(
    {
        "invention": 5000,
        "utility_model": 1000,
        "design": 500,
        "software_copyright": 500,
        "trademark": 300,
        "发明专利申请": 1000,
    }
)
ITEM_KINDS = [  # (kind, reason texts with their amounts, stages)
    ("invention", [("发明专利申请", 1000), ("发明专利授权", 5000)]),
    ("invention", [("发明专利授权", 5000)]),
    ("utility_model", [("实用新型授权", 1000)]),
    ("design", [("外观设计授权", 500)]),
    ("software", [("软件著作权登记", 500)]),
    ("trademark", [("商标注册", 300)]),
]
NAMES = [
    "王强", "李娜", "陈晓东", "赵敏", "刘洋", "周杰", "孙丽", "吴磊", "郑爽", "黄海",
    "欧阳娜娜", "司马光明", "张伟", "杨帆", "朱琳", "胡军", "郭静", "林峰",
]  # fmt: skip
DEPARTMENTS = ["研发部", "测试部", "市场部", "生产部"]
OTHER_CATEGORIES = ["申请费", "代理费", "年费", "检索费", "培训费"]
INJECTABLE = (
    "unpaid_reward",
    "underpaid",
    "overpaid",
    "payment_without_decision",
    "duplicate_payment",
    "paid_before_decision",
    "penalty_paid",
    "batch_mismatch",
    "batch_not_booked",
    "expense_without_payments",
    "total_mismatch",
    "rate_deviation",
    "ip_not_in_portfolio",
    "invalid_ip_number",
)


@dataclass
class Rec:
    person: str = ""
    department: str = ""
    ip: str = ""
    amount: Decimal = ZERO
    date: dt.date | None = None
    penalty: bool = False
    voucher: str = ""
    category: str = ""
    text: str = ""


@dataclass
class Generated:
    rewards: list[Rec]
    payments: list[Rec]
    expenses: list[Rec]
    portfolio: list[str]  # IP numbers held
    vouchers: bool
    total_stated: Decimal  # what the payment register's 合计 row says
    expected: Counter = field(default_factory=Counter)

    @property
    def total_paid(self) -> Decimal:
        return sum((p.amount for p in self.payments), ZERO)


def patent_number(year: int, kind: int, serial: int) -> str:
    digits = f"{year}{kind}{serial:07d}"
    return f"ZL{digits}.{check_digit(digits)}"


def found(discrepancies: list[Discrepancy]) -> Counter:
    """The same shape as ``Generated.expected``, from a reconciliation's findings."""
    out: Counter = Counter()
    for d in discrepancies:
        if d.kind in (K.BATCH_MISMATCH, K.BATCH_NOT_BOOKED, K.EXPENSE_WITHOUT_PAYMENTS):
            out[(d.kind.value, d.date)] += 1
        elif d.kind is K.TOTAL_MISMATCH:
            out[(d.kind.value, "")] += 1
        else:
            person = d.persons[0] if d.persons else ""
            out[(d.kind.value, person, d.ip_items[0] if d.ip_items else "")] += 1
    return out


def _pay_day(month: int) -> dt.date:
    return dt.date(YEAR, month, 28)


def _voucher(day: dt.date) -> str:
    return f"记-{day:%Y-%m%d}"


def generate(rng: random.Random, inject: list[str], *, vouchers: bool) -> Generated:
    people = rng.sample(NAMES, rng.randint(5, 10))
    dept = {p: rng.choice(DEPARTMENTS) for p in people}
    # persons whose payments may leave the IP item blank: none of their rewards share an amount
    blank_ok = set(rng.sample(people, 2))
    rewards: list[Rec] = []
    payments: list[Rec] = []
    slots: list[tuple[Rec, Rec]] = []  # single reward, single keyed payment: injection targets
    serial = {1: 0, 2: 0, 3: 0}
    sr = tm = 0
    amounts_of: dict[str, set[Decimal]] = {p: set() for p in people}

    def number(kind: str) -> str:
        nonlocal sr, tm
        if kind in ("invention", "utility_model", "design"):
            code = {"invention": 1, "utility_model": 2, "design": 3}[kind]
            serial[code] += 1
            return patent_number(2024, code, 100 + serial[code])
        if kind == "software":
            sr += 1
            return f"2025SR{1000000 + sr}"
        tm += 1
        return str(70000000 + tm)

    for _ in range(rng.randint(8, 16)):
        kind, stages = rng.choice(ITEM_KINDS)
        ip = number(kind)
        month = rng.randint(1, 8)
        share = rng.random() < 0.2 and stages[-1][1] >= 1000
        inventors = rng.sample(people, 2) if share else [rng.choice(people)]
        for n, (text, rate) in enumerate(stages):
            m = month + 3 * n
            decided = dt.date(YEAR, m, rng.randint(1, 20))
            shares = (
                [Decimal(rate)] if not share else [Decimal(rate * 3 // 5), Decimal(rate * 2 // 5)]
            )
            for person, amount in zip(inventors, shares, strict=True):
                amount = amount.quantize(Decimal("0.01"))
                r = Rec(person, dept[person], ip, amount, decided, text=text)
                rewards.append(r)
                blank = person in blank_ok and amount not in amounts_of[person]
                amounts_of[person].add(amount)
                if amount >= 1000 and rng.random() < 0.15:  # two instalments
                    first = (amount / 2).quantize(Decimal("1"))
                    payments.append(Rec(person, dept[person], ip, first, _pay_day(m)))
                    payments.append(Rec(person, dept[person], ip, amount - first, _pay_day(m + 1)))
                    continue
                p = Rec(person, dept[person], "" if blank else ip, amount, _pay_day(m))
                payments.append(p)
                if not share and len(stages) == 1 and not blank:
                    slots.append((r, p))
    for person in rng.sample(people, rng.randint(0, 2)):  # penalties, never paid
        rewards.append(
            Rec(
                person,
                dept[person],
                "",
                Decimal("500.00"),
                dt.date(YEAR, rng.randint(1, 11), 5),
                penalty=True,
                text="违反保密规定",
            )
        )

    g = Generated(rewards, payments, [], sorted({r.ip for r in rewards if r.ip}), vouchers, ZERO)
    targets = [s for s in slots if s[0].person not in blank_ok]
    rng.shuffle(targets)
    spare = [n for n in NAMES if n not in people]
    batch_level = {"batch_mismatch", "batch_not_booked"}
    touched_months: set[int] = set()
    batch_changes: list[str] = []

    def month_of(p: Rec) -> int:
        assert p.date is not None
        return p.date.month

    for what in inject:
        if what in batch_level:
            batch_changes.append(what)
            continue
        if what == "unpaid_reward":
            person = spare.pop()
            ip = number("trademark")
            decided = dt.date(YEAR, rng.randint(1, 11), 10)
            rewards.append(Rec(person, "研发部", ip, Decimal("300.00"), decided, text="商标注册"))
            g.portfolio.append(ip)
            g.expected[(what, person, ip)] += 1
        elif what == "penalty_paid":
            person = spare.pop()
            decided = dt.date(YEAR, rng.randint(1, 10), 3)
            rewards.append(
                Rec(
                    person,
                    "行政人事部",
                    "",
                    Decimal("200.00"),
                    decided,
                    penalty=True,
                    text="违反考勤规定",
                )
            )
            payments.append(
                Rec(person, "行政人事部", "", Decimal("200.00"), _pay_day(decided.month))
            )
            touched_months.add(decided.month)
            g.expected[(what, person, "")] += 1
        elif what == "expense_without_payments":
            g.expected[(what, dt.date(YEAR - 1, 11, 20))] += 1
        elif what == "total_mismatch":
            g.expected[(what, "")] += 1
        elif targets:
            r, p = targets.pop()
            touched_months.add(month_of(p))
            if what == "underpaid":
                p.amount -= 100
                g.expected[(what, r.person, r.ip)] += 1
            elif what == "overpaid":
                p.amount += 50
                g.expected[(what, r.person, r.ip)] += 1
            elif what == "payment_without_decision":
                rewards.remove(r)
                g.expected[(what, p.person, p.ip)] += 1
            elif what == "duplicate_payment":
                again = dataclasses.replace(p, date=_pay_day(month_of(p) + 1))
                payments.append(again)
                touched_months.add(month_of(again))
                g.expected[(what, r.person, r.ip)] += 1
            elif what == "paid_before_decision":
                assert p.date is not None
                r.date = p.date + dt.timedelta(days=1)
                g.expected[(what, r.person, r.ip)] += 1
            elif what == "rate_deviation":
                r.amount += 100
                p.amount += 100
                g.expected[(what, r.person, r.ip)] += 1
            elif what == "ip_not_in_portfolio":
                g.portfolio.remove(r.ip)
                g.expected[(what, r.person, r.ip)] += 1
            elif what == "invalid_ip_number":
                if not r.ip.startswith("ZL"):
                    r.ip, p.ip = (n := number("utility_model")), n
                    g.portfolio.append(n)
                check = r.ip[-1]
                wrong = "0123456789X"[("0123456789X".index(check) + 1) % 11]
                r.ip = r.ip[:-1] + wrong
                g.expected[(what, r.person, r.ip)] += 1
            else:
                raise ValueError(what)
        # no target left for a row-level injection: nothing injected, nothing expected

    # book each month's batch
    months = sorted({month_of(p) for p in payments})
    free_months = [m for m in months if m not in touched_months]
    rng.shuffle(free_months)
    expenses: list[Rec] = []
    changed: dict[int, str] = {}
    for what in batch_changes:
        if free_months:  # else nothing injected, nothing expected
            m = free_months.pop()
            changed[m] = what
            g.expected[(what, _pay_day(m))] += 1
    for m in months:
        day = _pay_day(m)
        total = sum((p.amount for p in payments if month_of(p) == m), ZERO)
        if changed.get(m) == "batch_not_booked":
            continue
        if changed.get(m) == "batch_mismatch":
            total += rng.choice([Decimal(200), Decimal(-100), Decimal("0.50")])
        booked = day + dt.timedelta(days=rng.randint(0, 10))
        expenses.append(
            Rec(
                amount=total,
                date=booked,
                voucher=_voucher(day) if vouchers else "",
                category="奖励费",
                text=f"{YEAR}年{m}月知识产权奖金",
            )
        )
    if "expense_without_payments" in inject:
        expenses.append(
            Rec(
                amount=Decimal("800.00"),
                date=dt.date(YEAR - 1, 11, 20),
                voucher="记-2024-1120" if vouchers else "",
                category="奖励费",
                text="往年奖金",
            )
        )
    for _ in range(rng.randint(2, 6)):
        day = dt.date(YEAR, rng.randint(1, 12), rng.randint(1, 27))
        expenses.append(
            Rec(
                amount=Decimal(rng.randint(3, 90) * 100),
                date=day,
                voucher=f"记-{day:%Y-%m%d}-9",
                category=rng.choice(OTHER_CATEGORIES),
                ip=rng.choice(g.portfolio) if g.portfolio else "",
                text="其他费用",
            )
        )
    for p in payments:
        if vouchers and p.date is not None:
            p.voucher = _voucher(p.date)
    g.payments = sorted(payments, key=lambda p: (p.date, p.person))
    g.rewards = sorted(rewards, key=lambda r: (r.date, r.person))
    g.expenses = sorted(expenses, key=lambda e: e.date)
    g.total_stated = g.total_paid + (Decimal(1000) if "total_mismatch" in inject else ZERO)
    return g


def to_entries(
    g: Generated,
) -> tuple[list[Entry], list[Entry], list[Entry], list[StatedTotal], list[Entry]]:
    """Entries as the importer would make them, rows numbered below a header on row 2."""

    def entry(kind: LedgerKind, file: str, sheet: str, n: int, r: Rec) -> Entry:
        return Entry(
            kind,
            SourceRef(file, sheet, n + 3),
            r.date,
            r.person,
            r.department,
            r.ip,
            r.amount,
            r.penalty,
            voucher=r.voucher,
            category=r.category,
            text=r.text,
        )

    rewards = [
        entry(LedgerKind.REWARDS, "奖惩记录表.xlsx", "奖惩", n, r) for n, r in enumerate(g.rewards)
    ]
    payments = [
        entry(LedgerKind.PAYMENTS, "奖金发放登记表.xlsx", "发放", n, p)
        for n, p in enumerate(g.payments)
    ]
    expenses = [
        entry(LedgerKind.EXPENSES, "经费使用记录.csv", "", n, e) for n, e in enumerate(g.expenses)
    ]
    last = len(payments) + 2
    totals = [
        StatedTotal(
            SourceRef("奖金发放登记表.xlsx", "发放", last + 1),
            "合计",
            g.total_stated,
            g.total_paid,
            3,
            last,
        )
    ]
    return rewards, payments, expenses, totals, portfolio_entries(g)


def portfolio_entries(g: Generated) -> list[Entry]:
    """The portfolio ledger's entries, rows numbered below a header on row 1."""
    return [
        Entry(LedgerKind.PORTFOLIO, SourceRef("台账.xlsx", "台账", n + 2), ip_number=ip)
        for n, ip in enumerate(g.portfolio)
    ]


def reconcile_imported(g: Generated, rewards, payments, expenses) -> Reconciliation:
    """Reconcile three imported ledgers (with their stated totals) against ``g``'s portfolio."""
    return reconcile(
        rewards.entries,
        payments.entries,
        expenses.entries,
        totals=[*rewards.totals, *payments.totals, *expenses.totals],
        rates=RATES,
        portfolio=portfolio_entries(g),
        is_reward_category=is_reward_category,
    )
