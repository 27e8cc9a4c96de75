"""Benchmark: three-way reconciliation of 3 × 100,000 rows against datacompy's two-way comparison.

    .venv/bin/pip install -r bench/requirements.txt
    .venv/bin/python bench/bench_reconcile.py [--rows 100000] [--repeat 3]

The three ledgers are generated in memory (a fixed seed): rewards for patents, software copyrights
and trademarks at the procedure's rates (some split between inventors, some in instalments, some
without an IP number in the payment register), payments in voucher batches and in date batches,
and an expense record where each batch is one 奖励费 line among many other expense lines. About one
row in a hundred carries an injected discrepancy of every kind the engine knows.

Measured in the same run, interleaved:
- ours: ``reconcile()`` of the loaded ledgers with the rate table (all comparisons, checks,
  findings, summary) and without it; then the seven totals tables (built on first use, so timed on
  their own). A loaded ledger is kept as prepared columns (``Columns.prepared``: each field of its
  entries as a list, amounts also as integer cents), which the app builds once per import; they
  are built before the clock starts, as the DataFrames are for datacompy. For comparison, also
  ``reconcile()`` straight from the three entry lists, building those columns inside the clock;
- datacompy: ``PandasCompare(...).matches()`` of the reward decisions and the payment register
  joined on person and IP item, on person/ip/date/amount with amounts as floats (its fast path),
  and with the amounts as the Decimals the ledgers hold plus the department; the DataFrames are
  built before the clock starts;
- memory, in a fresh interpreter without pandas: peak RSS with the ledgers loaded and after
  reconciling them, and the reconciliation's own allocations (tracemalloc).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import gc
import random
import resource
import subprocess
import sys
import time
import tracemalloc
from decimal import Decimal
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ipaudit.ledger.columns import Columns
from ipaudit.ledger.ipnumber import check_digit
from ipaudit.ledger.model import Entry, LedgerKind, SourceRef
from ipaudit.ledger.rates import RateTable
from ipaudit.ledger.reconcile import reconcile

RATES = {
    "invention": 5000,
    "utility_model": 1000,
    "design": 500,
    "software_copyright": 500,
    "trademark": 300,
    "发明专利申请": 1000,
}
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红玲建国志文斌浩宇晨阳欣怡"
DEPTS = ["研发一部", "研发二部", "研发三部", "测试部", "生产部", "市场部", "质量部", "行政人事部"]
OTHER_CATS = ["申请费", "代理费", "年费", "检索费", "培训费", "软件购置费", "诉讼费", "维持费"]


def patent(year: int, kind: int, serial: int) -> str:
    digits = f"{year}{kind}{serial:07d}"
    return f"ZL{digits}.{check_digit(digits)}"


def names(rng: random.Random, count: int) -> list[str]:
    out: dict[str, None] = {}
    while len(out) < count:
        given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        out.setdefault(rng.choice(SURNAMES) + given, None)
    return list(out)


class Ledgers:
    """Three generated ledgers plus what was injected into them."""

    def __init__(self, rows: int, seed: int = 29490) -> None:
        rng = random.Random(seed)
        self.rewards: list[Entry] = []
        self.payments: list[Entry] = []
        self.expenses: list[Entry] = []
        self.injected: dict[str, int] = {}
        self.where: list[tuple[str, str, str]] = []
        people = names(rng, max(50, rows // 25))
        dept = {p: rng.choice(DEPTS) for p in people}
        start = dt.date(2021, 1, 1)
        fridays = [start + dt.timedelta(days=4 + 7 * w) for w in range(7 * 53)]
        batches: dict[int, list[Entry]] = {}
        serial = {1: 0, 2: 0, 3: 0}
        sr = 0
        tm = 10_000_000

        def inject(kind: str, person: str = "", ip: str = "") -> None:
            self.injected[kind] = self.injected.get(kind, 0) + 1
            self.where.append((kind, person, ip))

        def add_reward(
            d: dt.date, person: str, ip: str, amount: int, text: str, penalty: bool = False
        ) -> None:
            row = len(self.rewards) + 4
            self.rewards.append(
                Entry(
                    LedgerKind.REWARDS,
                    SourceRef("奖惩记录表.xls", "奖惩", row),
                    d,
                    person,
                    dept[person],
                    ip,
                    Decimal(amount).quantize(CENT),
                    penalty,
                    text=text,
                )
            )

        def add_payment(week: int, person: str, ip: str, amount: Decimal) -> None:
            week = min(max(week, 0), len(fridays) - 1)
            voucher = f"记-{fridays[week]:%Y-%m%d}" if week % 2 == 0 else ""
            row = len(self.payments) + 3
            p = Entry(
                LedgerKind.PAYMENTS,
                SourceRef("奖金发放登记表.xlsx", "发放", row),
                fridays[week],
                person,
                dept[person],
                ip,
                amount,
                voucher=voucher,
            )
            self.payments.append(p)
            batches.setdefault(week, []).append(p)

        def week_after(d: dt.date, days: int) -> int:
            return ((d - start).days + days - 4 + 6) // 7

        while len(self.rewards) < rows:
            d = start + dt.timedelta(days=rng.randrange(5 * 365 - 60))
            roll = rng.random()
            if roll < 0.3:
                serial[1] += 1
                ip, plan = (
                    patent(2020 + serial[1] % 5, 1, serial[1]),
                    [(1000, "发明专利申请"), (5000, "发明专利授权")],
                )
            elif roll < 0.65:
                serial[2] += 1
                ip, plan = patent(2020 + serial[2] % 5, 2, serial[2]), [(1000, "实用新型授权")]
            elif roll < 0.75:
                serial[3] += 1
                ip, plan = patent(2020 + serial[3] % 5, 3, serial[3]), [(500, "外观设计授权")]
            elif roll < 0.95:
                sr += 1
                ip, plan = f"{2021 + sr % 5}SR{sr:07d}", [(500, "软件著作权登记")]
            else:
                tm += 1
                ip, plan = str(tm), [(300, "商标注册")]
            inventors = rng.sample(people, 2 if rng.random() < 0.2 else 1)
            for step, (amount, text) in enumerate(plan):
                decided = d + dt.timedelta(days=200 * step)
                shares = [amount] if len(inventors) == 1 else [amount * 3 // 5, amount * 2 // 5]
                for person, share in zip(inventors, shares, strict=True):
                    self._one(
                        rng,
                        decided,
                        person,
                        ip,
                        share,
                        text,
                        add_reward,
                        add_payment,
                        week_after,
                        inject,
                        people,
                        single=len(inventors) == 1,
                    )
        # every batch booked as one 奖励费 line, a few days later
        for week, pays in sorted(batches.items()):
            total = sum((p.amount for p in pays), Decimal("0.00"))
            r = rng.random()
            if r < 0.01:
                inject("batch_not_booked")
                continue
            if r < 0.02:
                inject("batch_mismatch")
                total += 100
            booked = fridays[week] + dt.timedelta(days=rng.randrange(0, 6))
            self._expense(booked, pays[0].voucher, "奖励费", total, "知识产权奖金")
        self._expense(
            start - dt.timedelta(days=40), "记-2020-1120", "奖励费", Decimal("800.00"), "往年奖金"
        )
        inject("expense_without_payments")
        while len(self.expenses) < rows:
            d = start + dt.timedelta(days=rng.randrange(5 * 365))
            self._expense(
                d,
                f"记-{d:%Y-%m%d}-{rng.randrange(100)}",
                rng.choice(OTHER_CATS),
                Decimal(rng.randrange(3, 300) * 100),
                "",
            )
        # finance keeps each ledger in date order, one row after the other
        self.rewards = _in_date_order(self.rewards, first_row=4)
        self.payments = _in_date_order(self.payments, first_row=3)
        self.expenses = _in_date_order(self.expenses, first_row=2)

    def prepared(self) -> tuple[Columns, Columns, Columns]:
        """The three ledgers as the app keeps them once loaded."""
        return tuple(Columns.prepared(x) for x in (self.rewards, self.payments, self.expenses))

    def _expense(self, d: dt.date, voucher: str, cat: str, amount: Decimal, text: str) -> None:
        row = len(self.expenses) + 2
        self.expenses.append(
            Entry(
                LedgerKind.EXPENSES,
                SourceRef("经费使用记录.csv", "", row),
                d,
                voucher=voucher,
                category=cat,
                amount=amount,
                text=text,
            )
        )

    def _one(
        self,
        rng,
        decided,
        person,
        ip,
        share,
        text,
        add_reward,
        add_payment,
        week_after,
        inject,
        people,
        single,
    ) -> None:
        amount = Decimal(share).quantize(CENT)
        pay_ip = "" if rng.random() < 0.1 else ip
        week = week_after(decided, 7)
        r = rng.random() if single else 1.0  # inject only where one inventor has the reward
        if r < 0.0015:
            inject("unpaid_reward", person, ip)
            add_reward(decided, person, ip, share, text)
        elif r < 0.003:
            inject("underpaid", person, ip)
            add_reward(decided, person, ip, share, text)
            add_payment(week, person, ip, amount - 100)
        elif r < 0.0045:
            inject("overpaid", person, ip)
            add_reward(decided, person, ip, share, text)
            add_payment(week, person, ip, amount + 200)
        elif r < 0.006:
            inject("duplicate_payment", person, ip)
            add_reward(decided, person, ip, share, text)
            add_payment(week, person, ip, amount)
            add_payment(week + 1, person, ip, amount)
        elif r < 0.0075:
            payee = rng.choice(people)
            inject("payment_without_decision", payee, ip)
            add_payment(week, payee, ip, amount)
        elif r < 0.009:
            inject("paid_before_decision", person, ip)
            add_reward(decided, person, ip, share, text)
            add_payment(week_after(decided, -21), person, ip, amount)
        elif r < 0.0105:
            inject("penalty_paid", person, "")
            add_reward(decided, person, "", 200, "违反保密规定", penalty=True)
            add_payment(week, person, "", Decimal("200.00"))
        elif r < 0.06 and share >= 1000:
            add_reward(decided, person, ip, share, text)  # two instalments
            add_payment(week, person, pay_ip, amount - amount // 2)
            add_payment(week + 4, person, pay_ip, amount // 2)
        else:
            add_reward(decided, person, ip, share, text)
            add_payment(week, person, pay_ip, amount)


CENT = Decimal("0.01")


def _in_date_order(entries: list[Entry], first_row: int) -> list[Entry]:
    ordered = sorted(entries, key=lambda e: (e.date or dt.date.min, e.voucher))
    return [
        dataclasses.replace(e, source=dataclasses.replace(e.source, row=first_row + n))
        for n, e in enumerate(ordered)
    ]


def timed(fn):
    gc.collect()
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def frames(led: Ledgers, *, decimal: bool):
    """The reward decisions and the payment register as DataFrames: the columns both have."""
    import pandas as pd

    def frame(entries: list[Entry]) -> pd.DataFrame:
        data = {
            "person": [e.person for e in entries],
            "ip": [e.ip_number for e in entries],
            "date": [e.date for e in entries],
            "amount": [e.amount if decimal else float(e.amount) for e in entries],
        }
        if decimal:
            data["department"] = [e.department for e in entries]
        return pd.DataFrame(data)

    return frame([r for r in led.rewards if not r.is_penalty]), frame(led.payments)


def datacompy_compare(a, b) -> None:
    import datacompy

    datacompy.PandasCompare(a, b, join_columns=["person", "ip"]).matches()


def show(label: str, runs: list[float]) -> float:
    best = min(runs)
    print(f"  {label:44} best {best:.3f} s   runs {' '.join(f'{x:.3f}' for x in runs)}")
    return best


def memory(rows: int) -> None:
    """In a fresh interpreter without pandas: peak RSS with the ledgers, then after reconciling."""
    led = Ledgers(rows)
    rates = RateTable.from_dict(RATES)
    loaded = led.prepared()
    gc.collect()
    before = _rss("VmRSS")
    _reset_peak()
    tracemalloc.start()
    rec = reconcile(*loaded, rates=rates)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    after = _rss("VmHWM")  # the peak since the reset (Linux); else the lifetime peak
    assert rec.discrepancies
    print(f"{before:.0f} {after:.0f} {peak / 2**20:.1f}")


def _rss(field: str) -> float:
    """MiB from /proc/self/status (Linux), else the lifetime peak from getrusage."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _reset_peak() -> None:
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current RSS


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--memory", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.memory:
        memory(args.rows)
        return
    t = time.perf_counter()
    led = Ledgers(args.rows)
    print(
        f"generated {len(led.rewards):,} rewards, {len(led.payments):,} payments, "
        f"{len(led.expenses):,} expense lines in {time.perf_counter() - t:.1f} s"
    )
    rates = RateTable.from_dict(RATES)
    dc_float = frames(led, decimal=False)
    dc_decimal = frames(led, decimal=True)

    kinds = ("full", "norates", "entries", "tables", "dcf", "dcd")
    runs: dict[str, list[float]] = {k: [] for k in kinds}
    rec = None
    for _ in range(args.repeat):  # interleaved, so that both see the same machine
        # each run gets freshly prepared ledgers: nothing carries over from the run before
        seconds, rec = timed(partial(reconcile, *led.prepared(), rates=rates))
        runs["full"].append(seconds)
        runs["tables"].append(timed(lambda: rec.totals)[0])  # noqa: B023
        del rec
        runs["norates"].append(timed(partial(reconcile, *led.prepared()))[0])
        runs["entries"].append(
            timed(partial(reconcile, led.rewards, led.payments, led.expenses, rates=rates))[0]
        )
        runs["dcf"].append(timed(lambda: datacompy_compare(*dc_float))[0])
        runs["dcd"].append(timed(lambda: datacompy_compare(*dc_decimal))[0])

    out = subprocess.run(
        [sys.executable, __file__, "--memory", "--rows", str(args.rows)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    ledgers_rss, peak_rss, traced = float(out[0]), float(out[1]), float(out[2])
    rec = reconcile(*led.prepared(), rates=rates)

    found: dict[str, int] = {}
    for d in rec.discrepancies:
        found[d.kind.value] = found.get(d.kind.value, 0) + 1
    print("kind                         injected  found")
    for kind in sorted(set(found) | set(led.injected)):
        print(f"  {kind:27} {led.injected.get(kind, 0):8} {found.get(kind, 0):6}")
    print("timings (wall clock, interleaved runs):")
    full = show("ours: reconcile() of loaded ledgers, with rates", runs["full"])
    norates = show("ours: reconcile() of loaded ledgers, no rates", runs["norates"])
    entries = show("ours: reconcile() from entry lists, with rates", runs["entries"])
    show("ours: then all seven totals tables", runs["tables"])
    dcf = show("datacompy: rewards vs payments, floats", runs["dcf"])
    dcd = show("datacompy: rewards vs payments, Decimals", runs["dcd"])
    print(
        f"ratio ours/datacompy(floats): {full / dcf:.2f} with rates, {norates / dcf:.2f} without; "
        f"ours/datacompy(Decimals): {full / dcd:.2f}; from entry lists: {entries / dcf:.2f}"
    )
    verdict = "met" if full <= dcf else "NOT met"
    print(f"budget: reconcile() ≤ datacompy (floats): {verdict} ({full:.3f} s vs {dcf:.3f} s)")
    print(
        f"memory (fresh process, no pandas): RSS {ledgers_rss:.0f} MiB with the three ledgers "
        f"loaded, peak RSS {peak_rss:.0f} MiB while reconciling them "
        f"(+{peak_rss - ledgers_rss:.0f} MiB); the reconciliation's own allocations peak at "
        f"{traced:.1f} MiB (tracemalloc)"
    )
    verdict = "met" if peak_rss <= 500 else "NOT met"
    print(f"budget: peak memory ≤ 500 MB: {verdict} ({peak_rss:.0f} MiB)")


if __name__ == "__main__":
    main()
