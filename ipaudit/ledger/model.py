"""Values of the finance ledgers: normalised entries, import problems and reconciliation results.

One entry type serves the three ledgers and the portfolio; each ledger fills the fields it has.
Money is Decimal, dates are dates, text is normalised (see ledger.normalize) before it lands here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from ipaudit.text import Text


class LedgerKind(StrEnum):
    REWARDS = "rewards"  # 知识产权奖惩记录表
    PAYMENTS = "payments"  # 知识产权奖金发放登记表
    EXPENSES = "expenses"  # 知识产权经费使用记录
    PORTFOLIO = "portfolio"  # 知识产权台账 (patents, copyrights, trademarks …)


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where a value came from: file name, sheet, 1-based row as the spreadsheet shows it."""

    file: str
    sheet: str
    row: int

    def __str__(self) -> str:
        return (
            f"{self.file} [{self.sheet}] row {self.row}"
            if self.sheet
            else f"{self.file} row {self.row}"
        )


@dataclass(frozen=True, slots=True)
class Entry:
    kind: LedgerKind
    source: SourceRef
    date: dt.date | None = None
    person: str = ""  # normalised name ("李  娜" -> "李娜")
    department: str = ""
    ip_number: str = ""  # normalised IP number ("ZL202410100001.7", "71234567", "2025SR1000001")
    amount: Decimal = Decimal("0.00")  # always positive; direction is in ``is_penalty``
    is_penalty: bool = False  # rewards ledger: 处罚/罚款
    voucher: str = ""  # 凭证号
    category: str = ""  # expenses: 费用类别; portfolio: ip type
    text: str = ""  # 事由 / 摘要 / title
    # portfolio only
    status: str = ""
    granted: dt.date | None = None
    inventors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Problem:
    """A row or cell that could not become (part of) an entry. Nothing is dropped silently."""

    source: SourceRef
    column: str  # header text of the column ("" for the whole row)
    raw: str  # the raw cell text
    reason_zh: str
    reason_en: str

    @property
    def text(self) -> Text:
        """The reason as the one bilingual text type."""
        return Text(self.reason_zh, self.reason_en)

    def reason(self, lang: str) -> str:
        return self.text.get(lang)


@dataclass(frozen=True, slots=True)
class StatedTotal:
    """A 小计/合计/总计 row: what it states, and what the rows it covers add up to."""

    source: SourceRef
    label: str
    stated: Decimal
    computed: Decimal
    first_row: int
    last_row: int

    @property
    def difference(self) -> Decimal:
        return self.stated - self.computed


def column_letter(index: int) -> str:
    """The spreadsheet letter of a 0-based column: 0 → "A", 27 → "AB"."""
    letters = ""
    n = index + 1
    while n > 0:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True, slots=True)
class ColumnNote:
    """A source column the import did not use, or whose header and values disagree."""

    column: int  # 0-based
    header: str
    looks_like: str | None = None  # the ledger field its values look like, if any
    message_zh: str = ""
    message_en: str = ""

    @property
    def letter(self) -> str:
        return column_letter(self.column)

    @property
    def text(self) -> Text:
        return Text(self.message_zh, self.message_en)

    def message(self, lang: str) -> str:
        return self.text.get(lang)


@dataclass(frozen=True, slots=True)
class RowCounts:
    """Where every row of the sheet went; the parts add up to ``sheet_rows``."""

    sheet_rows: int = 0
    above_data: int = 0  # title, unit and header rows
    blank: int = 0
    entries: int = 0
    problem_rows: int = 0  # rows that became problems
    total_rows: int = 0  # 小计/合计/本年累计 rows (checked, not counted)
    skipped: int = 0  # signature and note lines, repeated headers, numbered template rows,
    #                   balance carried forward, credit-only lines of an accounting export


@dataclass(slots=True)
class ImportResult:
    kind: LedgerKind
    file: str
    sheet: str
    header_row: int  # 1-based
    mapping: dict[str, int]  # field name -> 0-based column index
    entries: list[Entry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    totals: list[StatedTotal] = field(default_factory=list)
    rows_read: int = 0
    unit: Decimal = Decimal(1)  # 10000 when the sheet says 万元
    confidence: float = 1.0  # of the detected mapping, 0..1
    field_confidence: dict[str, float] = field(default_factory=dict)
    headers: tuple[str, ...] = ()  # the header row's texts (index = column)
    unused_columns: list[ColumnNote] = field(default_factory=list)
    warnings: list[ColumnNote] = field(default_factory=list)  # things the user must see
    counts: RowCounts = field(default_factory=RowCounts)
    signature: str = ""  # of the header layout, to remember a mapping by
    alternatives: tuple[LedgerKind, ...] = ()  # other ledgers the sheet could be, when detected


class DiscrepancyKind(StrEnum):
    UNPAID_REWARD = "unpaid_reward"  # reward decided, never paid
    UNDERPAID = "underpaid"  # paid less than decided
    OVERPAID = "overpaid"  # paid more than decided
    PAYMENT_WITHOUT_DECISION = "payment_without_decision"
    DUPLICATE_PAYMENT = "duplicate_payment"
    PAID_BEFORE_DECISION = "paid_before_decision"
    PENALTY_PAID = "penalty_paid"  # a penalty appears in the payment register
    BATCH_MISMATCH = "batch_mismatch"  # expense reward line != its payment batch
    BATCH_NOT_BOOKED = "batch_not_booked"  # payment batch with no expense line
    EXPENSE_WITHOUT_PAYMENTS = "expense_without_payments"  # reward expense line with no batch
    TOTAL_MISMATCH = "total_mismatch"  # stated 合计 differs from its rows
    RATE_DEVIATION = "rate_deviation"  # reward differs from the procedure's rate
    IP_NOT_IN_PORTFOLIO = "ip_not_in_portfolio"
    INVALID_IP_NUMBER = "invalid_ip_number"  # patent number check digit wrong
    LEDGER_NOT_IMPORTED = "ledger_not_imported"  # said once; the checks needing it did not run


@dataclass(frozen=True, slots=True)
class Discrepancy:
    kind: DiscrepancyKind
    key: str  # stable identity (kind + persons + IP + rows), for accepted explanations
    persons: tuple[str, ...]
    ip_items: tuple[str, ...]
    expected: Decimal | None  # what should be (e.g. decided amount)
    actual: Decimal | None  # what is (e.g. paid amount)
    difference: Decimal  # actual - expected (or the amount at stake)
    rows: tuple[SourceRef, ...]
    text: Text  # what the user reads
    date: dt.date | None = None
    ledger: LedgerKind | None = None  # the ledger it concerns, when no row says it

    @property
    def message_zh(self) -> str:
        return self.text.zh

    @property
    def message_en(self) -> str:
        return self.text.en

    def message(self, lang: str) -> str:
        return self.text.get(lang)
