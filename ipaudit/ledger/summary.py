"""The reconciliation summary, read the way a reconciliation report is read.

Like the work-order report of the seed's fourth article: how many records were compared, how many
agree and the match rate; then the disagreements counted and summed per kind, and sorted into "in
the first ledger, not in the second", "in the second, not in the first", "in both but different",
plus the checks that look at one ledger at a time (stated totals, rates, portfolio, IP numbers).

Match rates:
- reward record ↔ payment register: reward decisions settled exactly, on time and once, plus the
  payments settling them, over all decisions and payments;
- payment register ↔ expense record: payments in batches whose expense lines equal them, plus those
  lines, over all payments and reward expense lines;
- overall: decisions as above, payments that pass both comparisons, and matched expense lines,
  over all decisions, payments and reward expense lines.

A ledger that was not imported is said once (one finding, ``ledger_not_imported``); the
comparisons that need it are left out of the table and the match rate, and the summary says which
checks did not run — also the rate check when no rates are set and the portfolio check when no
portfolio is given.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from ipaudit.ledger import discrepancies as dsc
from ipaudit.ledger.model import Discrepancy, DiscrepancyKind, LedgerKind
from ipaudit.text import Text, counted

K = DiscrepancyKind
ZERO = Decimal("0.00")


class Side(StrEnum):
    A_NOT_B = "a_not_b"  # in the first ledger of the pair, not in the second
    B_NOT_A = "b_not_a"
    DIFFERENT = "different"  # in both, but they disagree
    SINGLE = "single"  # a check of one ledger (totals, rates, portfolio, numbers)
    MISSING = "missing"  # a ledger not imported: nothing to compare

    def text(self, lang: str) -> str:
        zh, en = _SIDE_TEXT[self]
        return en if lang.startswith("en") else zh


_SIDE_TEXT = {
    Side.A_NOT_B: ("前表有、后表无", "in the first, not in the second"),
    Side.B_NOT_A: ("后表有、前表无", "in the second, not in the first"),
    Side.DIFFERENT: ("两边都有但不一致", "in both, but different"),
    Side.SINGLE: ("单表检查", "check of one ledger"),
    Side.MISSING: ("台账未导入", "ledger not imported"),
}

KIND_SIDE: dict[DiscrepancyKind, Side] = {
    K.UNPAID_REWARD: Side.A_NOT_B,
    K.BATCH_NOT_BOOKED: Side.A_NOT_B,
    K.PAYMENT_WITHOUT_DECISION: Side.B_NOT_A,
    K.DUPLICATE_PAYMENT: Side.B_NOT_A,
    K.PENALTY_PAID: Side.B_NOT_A,
    K.EXPENSE_WITHOUT_PAYMENTS: Side.B_NOT_A,
    K.UNDERPAID: Side.DIFFERENT,
    K.OVERPAID: Side.DIFFERENT,
    K.PAID_BEFORE_DECISION: Side.DIFFERENT,
    K.BATCH_MISMATCH: Side.DIFFERENT,
    K.TOTAL_MISMATCH: Side.SINGLE,
    K.RATE_DEVIATION: Side.SINGLE,
    K.IP_NOT_IN_PORTFOLIO: Side.SINGLE,
    K.INVALID_IP_NUMBER: Side.SINGLE,
    K.LEDGER_NOT_IMPORTED: Side.MISSING,
}

R, P, E = LedgerKind.REWARDS, LedgerKind.PAYMENTS, LedgerKind.EXPENSES


class Check(StrEnum):
    """The checks a reconciliation runs, each of which may not run for want of its data."""

    REWARDS_PAYMENTS = "rewards_payments"  # reward record <-> payment register
    PAYMENTS_EXPENSES = "payments_expenses"  # payment register <-> expense record
    RATES = "rates"  # rewards at the procedure's rates
    PORTFOLIO = "portfolio"  # rewarded IP in the portfolio

    def text(self, lang: str) -> str:
        return CHECK_TEXT[self].get(lang)


CHECK_TEXT: dict[Check, Text] = {
    Check.REWARDS_PAYMENTS: Text("奖惩记录与奖金发放的核对", "rewards against payments"),
    Check.PAYMENTS_EXPENSES: Text("奖金发放与经费记录的核对", "payments against expenses"),
    Check.RATES: Text("奖励标准核对", "the rate check"),
    Check.PORTFOLIO: Text("知识产权台账核对", "the portfolio check"),
}

#: the ledgers each comparison needs
CHECK_NEEDS: dict[Check, frozenset[LedgerKind]] = {
    Check.REWARDS_PAYMENTS: frozenset({R, P}),
    Check.PAYMENTS_EXPENSES: frozenset({P, E}),
    Check.RATES: frozenset({R}),
    Check.PORTFOLIO: frozenset({R}),
}


@dataclass(frozen=True, slots=True)
class NotRun:
    """A check that did not run, and why."""

    check: Check
    text: Text

    def reason(self, lang: str) -> str:
        return self.text.get(lang)

    @property
    def reason_zh(self) -> str:
        return self.text.zh

    @property
    def reason_en(self) -> str:
        return self.text.en


#: the two ledgers a kind of finding compares: (first, second)
KIND_PAIR: dict[DiscrepancyKind, tuple[LedgerKind, LedgerKind]] = {
    **dict.fromkeys(
        (
            K.UNPAID_REWARD,
            K.UNDERPAID,
            K.OVERPAID,
            K.PAYMENT_WITHOUT_DECISION,
            K.DUPLICATE_PAYMENT,
            K.PAID_BEFORE_DECISION,
            K.PENALTY_PAID,
        ),
        (R, P),
    ),
    **dict.fromkeys((K.BATCH_MISMATCH, K.BATCH_NOT_BOOKED, K.EXPENSE_WITHOUT_PAYMENTS), (P, E)),
}


def side_text(kind: DiscrepancyKind, lang: str) -> str:
    """Where a kind of finding lies, naming the two ledgers: "in the reward record, not in the
    payment register"; checks of one ledger and missing ledgers as ``Side.text``."""
    side = KIND_SIDE[kind]
    pair = KIND_PAIR.get(kind)
    if pair is None or side not in (Side.A_NOT_B, Side.B_NOT_A, Side.DIFFERENT):
        return side.text(lang)
    a, b = (dsc.LEDGER_TEXT[k] for k in pair)
    a_zh, a_en, b_zh, b_en = a.zh, a.en, b.zh, b.en
    if lang.startswith("en"):
        if side is Side.A_NOT_B:
            return f"in the {a_en}, not in the {b_en}"
        if side is Side.B_NOT_A:
            return f"in the {b_en}, not in the {a_en}"
        return f"in both the {a_en} and the {b_en}, but different"
    if side is Side.A_NOT_B:
        return f"{a_zh}有、{b_zh}无"
    if side is Side.B_NOT_A:
        return f"{b_zh}有、{a_zh}无"
    return f"{a_zh}与{b_zh}都有但不一致"


@dataclass(frozen=True, slots=True)
class KindLine:
    kind: DiscrepancyKind
    side: Side
    count: int
    amount: Decimal  # sum of |difference|

    def where(self, lang: str) -> str:
        """The side, naming the ledgers compared (see ``side_text``)."""
        return side_text(self.kind, lang)


@dataclass(frozen=True, slots=True)
class CompareLine:
    """One row of the summary table: records of one kind, how many agree."""

    text: Text  # the kind of record
    total: int
    matched: int
    check: Check = Check.REWARDS_PAYMENTS  # the comparison that decides "agree"

    @property
    def unmatched(self) -> int:
        return self.total - self.matched

    @property
    def rate(self) -> float | None:
        return self.matched / self.total if self.total else None

    def name(self, lang: str) -> str:
        return self.text.get(lang)

    @property
    def name_zh(self) -> str:
        return self.text.zh

    @property
    def name_en(self) -> str:
        return self.text.en


def percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.2f}%"


@dataclass(frozen=True, slots=True)
class Summary:
    reward_count: int
    penalty_count: int
    payment_count: int
    batch_count: int
    expense_line_count: int  # reward-category lines
    rewards_matched: int
    payments_matched: int  # settling a reward cleanly
    payments_booked: int  # in a batch whose expense lines equal it
    payments_both: int  # both of the above
    batches_matched: int
    expense_lines_matched: int
    rewards_total: Decimal
    penalties_total: Decimal
    payments_total: Decimal
    expenses_total: Decimal  # reward-category lines
    kinds: tuple[KindLine, ...]  # kinds that occur, in DiscrepancyKind order
    missing: tuple[LedgerKind, ...] = ()  # of the three ledgers, those not imported
    not_run: tuple[NotRun, ...] = ()  # checks that did not run, in Check order

    def ran(self, check: Check) -> bool:
        return all(n.check is not check for n in self.not_run)

    @property
    def discrepancy_count(self) -> int:
        return sum(k.count for k in self.kinds)

    @property
    def discrepancy_amount(self) -> Decimal:
        return sum((k.amount for k in self.kinds), ZERO)

    def count(self, kind: DiscrepancyKind) -> int:
        return next((k.count for k in self.kinds if k.kind is kind), 0)

    def side_count(self, side: Side) -> int:
        return sum(k.count for k in self.kinds if k.side is side)

    @property
    def lines(self) -> tuple[CompareLine, ...]:
        """The kinds of record compared (those of a comparison that did not run left out)."""
        rp, pe = Check.REWARDS_PAYMENTS, Check.PAYMENTS_EXPENSES
        every = (
            CompareLine(
                Text("奖励决定", "reward decisions"), self.reward_count, self.rewards_matched, rp
            ),
            CompareLine(
                Text("奖金发放", "payments"), self.payment_count, self.payments_matched, rp
            ),
            CompareLine(
                Text("发放批次", "payment batches"), self.batch_count, self.batches_matched, pe
            ),
            CompareLine(
                Text("经费奖励行", "reward expense lines"),
                self.expense_line_count,
                self.expense_lines_matched,
                pe,
            ),
        )
        return tuple(line for line in every if self.ran(line.check))

    @property
    def rewards_payments_rate(self) -> float | None:
        total = self.reward_count + self.payment_count
        return (self.rewards_matched + self.payments_matched) / total if total else None

    @property
    def payments_expenses_rate(self) -> float | None:
        total = self.payment_count + self.expense_line_count
        return (self.payments_booked + self.expense_lines_matched) / total if total else None

    @property
    def records(self) -> int:
        rp, pe = self.ran(Check.REWARDS_PAYMENTS), self.ran(Check.PAYMENTS_EXPENSES)
        return (
            (self.reward_count if rp else 0)
            + (self.payment_count if rp or pe else 0)
            + (self.expense_line_count if pe else 0)
        )

    @property
    def records_matched(self) -> int:
        rp, pe = self.ran(Check.REWARDS_PAYMENTS), self.ran(Check.PAYMENTS_EXPENSES)
        if rp and pe:
            return self.rewards_matched + self.payments_both + self.expense_lines_matched
        if rp:
            return self.rewards_matched + self.payments_matched
        if pe:
            return self.payments_booked + self.expense_lines_matched
        return 0

    @property
    def match_rate(self) -> float | None:
        return self.records_matched / self.records if self.records else None

    # -- presentation ----------------------------------------------------------------------
    def table(self, lang: str) -> list[list[str]]:
        """Header row, then one row per kind of record: total, agreeing, disagreeing, rate."""
        en = lang.startswith("en")
        head = (
            ["records", "total", "agree", "disagree", "match rate"]
            if en
            else ["类型", "总数", "一致", "不一致", "匹配率"]
        )
        rows = [head]
        for line in self.lines:
            rows.append(
                [
                    line.name(lang),
                    count(line.total),
                    count(line.matched),
                    count(line.unmatched),
                    percent(line.rate),
                ]
            )
        rows.append(
            [
                "all records" if en else "合计",
                count(self.records),
                count(self.records_matched),
                count(self.records - self.records_matched),
                percent(self.match_rate),
            ]
        )
        return rows

    def kind_table(self, lang: str) -> list[list[str]]:
        """Header row, then one row per kind of discrepancy: side, count, amount, share."""
        en = lang.startswith("en")
        head = (
            ["discrepancy", "where", "count", "amount", "share"]
            if en
            else ["差异类型", "归类", "项数", "金额", "占比"]
        )
        rows = [head]
        n = self.discrepancy_count
        for k in self.kinds:
            rows.append(
                [
                    dsc.kind_text(k.kind, lang),
                    k.where(lang),
                    count(k.count),
                    dsc.money(k.amount),
                    percent(k.count / n if n else None),
                ]
            )
        return rows

    def text(self, lang: str) -> str:
        """The summary in a few sentences, ending with the checks that did not run."""
        m, c = dsc.money, count
        rp, pe = self.ran(Check.REWARDS_PAYMENTS), self.ran(Check.PAYMENTS_EXPENSES)
        if lang.startswith("en"):
            compared = []
            if R not in self.missing:
                compared.append(
                    counted(self.reward_count, "reward decision", grouped=True)
                    + (
                        f" (plus {counted(self.penalty_count, 'penalty', 'penalties', grouped=True)})"
                        if self.penalty_count
                        else ""
                    )
                )
            if P not in self.missing:
                compared.append(
                    f"{counted(self.payment_count, 'payment', grouped=True)} in"
                    f" {counted(self.batch_count, 'batch', 'batches', grouped=True)}"
                )
            if E not in self.missing:
                compared.append(
                    counted(self.expense_line_count, "reward expense line", grouped=True)
                )
            parts = [
                f"Compared {_join_en(compared)}: {counted(self.records, 'record', grouped=True)}, "
                f"{c(self.records_matched)} agree, match rate {percent(self.match_rate)}."
                if rp or pe
                else f"Read {_join_en(compared) or 'no ledger'}; nothing to compare with.",
                "Totals: "
                + ", ".join(
                    text
                    for ledger, text in (
                        (R, f"decided {m(self.rewards_total)}"),
                        (P, f"paid {m(self.payments_total)}"),
                        (E, f"booked {m(self.expenses_total)}"),
                    )
                    if ledger not in self.missing
                )
                + ".",
            ]
            if self.kinds:
                listed = "; ".join(
                    f"{dsc.kind_text(k.kind, 'en')}: {c(k.count)} ({m(k.amount)})"
                    for k in self.kinds
                )
                parts.append(
                    f"{counted(self.discrepancy_count, 'discrepancy', 'discrepancies', grouped=True)},"
                    f" {m(self.discrepancy_amount)} in "
                    f"total — {listed}. " + self._sides("en")
                )
            else:
                parts.append("No discrepancies.")
            if self.not_run:
                parts.append("Not run: " + "; ".join(n.reason_en for n in self.not_run) + ".")
            return " ".join(parts)
        compared = []
        if R not in self.missing:
            compared.append(
                f"奖励决定 {c(self.reward_count)} 条"
                + (f"（另有处罚 {c(self.penalty_count)} 条）" if self.penalty_count else "")
            )
        if P not in self.missing:
            compared.append(f"奖金发放 {c(self.payment_count)} 笔（{c(self.batch_count)} 批）")
        if E not in self.missing:
            compared.append(f"经费奖励行 {c(self.expense_line_count)} 条")
        parts = [
            f"共核对{'、'.join(compared)}，共 {c(self.records)} 条记录，一致 "
            f"{c(self.records_matched)} 条，匹配率 {percent(self.match_rate)}。"
            if rp or pe
            else f"读取{'、'.join(compared) or '的台账为空'}，没有可对照的台账。",
            "合计："
            + "，".join(
                text
                for ledger, text in (
                    (R, f"奖励决定 {m(self.rewards_total)} 元"),
                    (P, f"已发放 {m(self.payments_total)} 元"),
                    (E, f"经费奖励 {m(self.expenses_total)} 元"),
                )
                if ledger not in self.missing
            )
            + "。",
        ]
        if self.kinds:
            listed = "，".join(
                f"{dsc.kind_text(k.kind, 'zh')} {c(k.count)} 项 {m(k.amount)} 元"
                for k in self.kinds
            )
            parts.append(
                f"发现差异 {c(self.discrepancy_count)} 项，金额合计 {m(self.discrepancy_amount)} 元："
                f"{listed}。" + self._sides("zh")
            )
        else:
            parts.append("未发现差异。")
        if self.not_run:
            parts.append("未进行：" + "；".join(n.reason_zh for n in self.not_run) + "。")
        return "".join(parts)

    def _sides(self, lang: str) -> str:
        """The findings counted by where they lie, each comparison naming its two ledgers."""
        counts: dict[str, int] = {}
        for k in self.kinds:
            if k.side is not Side.MISSING:
                counts[k.where(lang)] = counts.get(k.where(lang), 0) + k.count
        if lang.startswith("en"):
            listed = "; ".join(f"{where}: {count(n)}" for where, n in counts.items())
            return listed[:1].upper() + listed[1:] + "." if listed else ""
        return (
            "其中" + "，".join(f"{where} {count(n)} 项" for where, n in counts.items()) + "。"
            if counts
            else ""
        )


def count(n: int) -> str:
    """``100000`` → ``100,000``."""
    return f"{n:,}"


def _join_en(parts: list[str]) -> str:
    if len(parts) <= 2:
        return " and ".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def not_run(missing: Iterable[LedgerKind], *, rates: bool, portfolio: bool) -> tuple[NotRun, ...]:
    """The checks that cannot run without the ``missing`` ledgers, rates or portfolio."""
    gone = frozenset(missing)
    out: list[NotRun] = []
    for check in Check:
        lacking = [k for k in (R, P, E) if k in CHECK_NEEDS[check] & gone]
        what = CHECK_TEXT[check]
        if lacking:
            zh = "、".join(dsc.LEDGER_TEXT[k].zh for k in lacking)
            en = _join_en([dsc.LEDGER_TEXT[k].en for k in lacking])
            out.append(
                NotRun(check, Text(f"{what.zh}（{zh}未导入）", f"{what.en} ({en} not imported)"))
            )
        elif check is Check.RATES and not rates:
            out.append(
                NotRun(
                    check,
                    Text(f"{what.zh}（尚未设定奖励标准）", f"{what.en} (no reward rates set)"),
                )
            )
        elif check is Check.PORTFOLIO and not portfolio:
            out.append(
                NotRun(
                    check,
                    Text(f"{what.zh}（知识产权台账未导入）", f"{what.en} (no portfolio imported)"),
                )
            )
    return tuple(out)


def kind_lines(discrepancies: Iterable[Discrepancy]) -> tuple[KindLine, ...]:
    counts: dict[DiscrepancyKind, int] = {}
    amounts: dict[DiscrepancyKind, Decimal] = {}
    for d in discrepancies:
        counts[d.kind] = counts.get(d.kind, 0) + 1
        amounts[d.kind] = amounts.get(d.kind, ZERO) + abs(d.difference)
    return tuple(
        KindLine(kind, KIND_SIDE[kind], counts[kind], amounts[kind])
        for kind in DiscrepancyKind
        if kind in counts
    )
