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
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from ipaudit.ledger import discrepancies as dsc
from ipaudit.ledger.model import Discrepancy, DiscrepancyKind

K = DiscrepancyKind
ZERO = Decimal("0.00")


class Side(StrEnum):
    A_NOT_B = "a_not_b"  # in the first ledger of the pair, not in the second
    B_NOT_A = "b_not_a"
    DIFFERENT = "different"  # in both, but they disagree
    SINGLE = "single"  # a check of one ledger (totals, rates, portfolio, numbers)

    def text(self, lang: str) -> str:
        zh, en = _SIDE_TEXT[self]
        return en if lang.startswith("en") else zh


_SIDE_TEXT = {
    Side.A_NOT_B: ("前表有、后表无", "in the first, not in the second"),
    Side.B_NOT_A: ("后表有、前表无", "in the second, not in the first"),
    Side.DIFFERENT: ("两边都有但不一致", "in both, but different"),
    Side.SINGLE: ("单表检查", "check of one ledger"),
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
}


@dataclass(frozen=True, slots=True)
class KindLine:
    kind: DiscrepancyKind
    side: Side
    count: int
    amount: Decimal  # sum of |difference|


@dataclass(frozen=True, slots=True)
class CompareLine:
    """One row of the summary table: records of one kind, how many agree."""

    name_zh: str
    name_en: str
    total: int
    matched: int

    @property
    def unmatched(self) -> int:
        return self.total - self.matched

    @property
    def rate(self) -> float | None:
        return self.matched / self.total if self.total else None

    def name(self, lang: str) -> str:
        return self.name_en if lang.startswith("en") else self.name_zh


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
        return (
            CompareLine("奖励决定", "reward decisions", self.reward_count, self.rewards_matched),
            CompareLine("奖金发放", "payments", self.payment_count, self.payments_matched),
            CompareLine("发放批次", "payment batches", self.batch_count, self.batches_matched),
            CompareLine(
                "经费奖励行",
                "reward expense lines",
                self.expense_line_count,
                self.expense_lines_matched,
            ),
        )

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
        return self.reward_count + self.payment_count + self.expense_line_count

    @property
    def records_matched(self) -> int:
        return self.rewards_matched + self.payments_both + self.expense_lines_matched

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
                    str(line.total),
                    str(line.matched),
                    str(line.unmatched),
                    percent(line.rate),
                ]
            )
        rows.append(
            [
                "all records" if en else "合计",
                str(self.records),
                str(self.records_matched),
                str(self.records - self.records_matched),
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
                    k.side.text(lang),
                    str(k.count),
                    dsc.money(k.amount),
                    percent(k.count / n if n else None),
                ]
            )
        return rows

    def text(self, lang: str) -> str:
        """The summary in a few sentences."""
        m = dsc.money
        if lang.startswith("en"):
            parts = [
                f"Compared {self.reward_count} reward decisions"
                + (
                    f" (plus {self.penalty_count} "
                    f"penalt{'y' if self.penalty_count == 1 else 'ies'})"
                    if self.penalty_count
                    else ""
                )
                + f", {self.payment_count} payments in {self.batch_count} batches and "
                f"{self.expense_line_count} reward expense lines: {self.records} records, "
                f"{self.records_matched} agree, match rate {percent(self.match_rate)}.",
                f"Totals: decided {m(self.rewards_total)}, paid {m(self.payments_total)}, "
                f"booked {m(self.expenses_total)}.",
            ]
            if self.kinds:
                listed = "; ".join(
                    f"{dsc.kind_text(k.kind, 'en')}: {k.count} ({m(k.amount)})" for k in self.kinds
                )
                parts.append(
                    f"{self.discrepancy_count} discrepancies, {m(self.discrepancy_amount)} in "
                    f"total — {listed}. "
                    f"In the first ledger only: {self.side_count(Side.A_NOT_B)}; in the second "
                    f"only: {self.side_count(Side.B_NOT_A)}; in both but different: "
                    f"{self.side_count(Side.DIFFERENT)}; checks of one ledger: "
                    f"{self.side_count(Side.SINGLE)}."
                )
            else:
                parts.append("No discrepancies.")
            return " ".join(parts)
        parts = [
            f"共核对奖励决定 {self.reward_count} 条"
            + (f"（另有处罚 {self.penalty_count} 条）" if self.penalty_count else "")
            + f"、奖金发放 {self.payment_count} 笔（{self.batch_count} 批）、经费奖励行 "
            f"{self.expense_line_count} 条，共 {self.records} 条记录，一致 {self.records_matched} 条，"
            f"匹配率 {percent(self.match_rate)}。",
            f"合计：奖励决定 {m(self.rewards_total)} 元，已发放 {m(self.payments_total)} 元，"
            f"经费奖励 {m(self.expenses_total)} 元。",
        ]
        if self.kinds:
            listed = "，".join(
                f"{dsc.kind_text(k.kind, 'zh')} {k.count} 项 {m(k.amount)} 元" for k in self.kinds
            )
            parts.append(
                f"发现差异 {self.discrepancy_count} 项，金额合计 {m(self.discrepancy_amount)} 元："
                f"{listed}。其中前表有、后表无 {self.side_count(Side.A_NOT_B)} 项，后表有、前表无 "
                f"{self.side_count(Side.B_NOT_A)} 项，两边都有但不一致 "
                f"{self.side_count(Side.DIFFERENT)} 项，单表检查 {self.side_count(Side.SINGLE)} 项。"
            )
        else:
            parts.append("未发现差异。")
        return "".join(parts)


def kind_lines(discrepancies: Iterable[Discrepancy]) -> tuple[KindLine, ...]:
    counts: dict[DiscrepancyKind, list] = {}
    for d in discrepancies:
        c = counts.setdefault(d.kind, [0, ZERO])
        c[0] += 1
        c[1] += abs(d.difference)
    return tuple(
        KindLine(kind, KIND_SIDE[kind], *counts[kind]) for kind in DiscrepancyKind if kind in counts
    )
