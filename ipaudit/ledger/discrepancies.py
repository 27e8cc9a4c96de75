"""Building reconciliation findings: stable keys, bilingual messages, grade suggestions.

A discrepancy's ``key`` is a hash of its kind, persons, IP items and source rows. The rows are
identified by ledger (rewards/payments/expenses/portfolio, or the file name when the ledger is not
known), sheet and row number — not by the file's path — so an explanation accepted for a finding
still applies after the same ledger is re-imported from a corrected or renamed file, as long as the
finding itself (same kind, same people, same IP, same rows) is still there. Amounts are deliberately
not part of the key: a difference that changed from 200 to 300 on the same rows keeps its identity
and the reviewer sees the new amount next to the old explanation.

Grades come from the grade table (``ipaudit/domain/rules.py``; a workspace's template may change
it under ``grades:``), one situation ``ledger.<kind>`` per kind of discrepancy. The rule is the
auditors' (DOMAIN.md §1): every disagreement is an isolated lapse in records that exist — minor
(○), one unpaid reward included; a reward process missing altogether is the checklist's major
finding, not the reconciliation's. Observations (△): a difference of amounts (paid vs decided,
batch vs expense, stated total, rate) of at most ``tiny`` (default 1.00 元, i.e. rounding;
``ledger.rounding``) and a ledger not imported (said once, in place of the findings the comparisons
that need it would make — whether the record itself exists is the checklist's question).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from functools import lru_cache
from pathlib import PurePath, PureWindowsPath

from ipaudit.domain.model import Grade, Text
from ipaudit.domain.rules import DEFAULT_GRADES, Situation
from ipaudit.ledger.model import Discrepancy, DiscrepancyKind, Entry, LedgerKind, SourceRef

K = DiscrepancyKind

_AMOUNT_KINDS = frozenset(
    {K.UNDERPAID, K.OVERPAID, K.BATCH_MISMATCH, K.TOTAL_MISMATCH, K.RATE_DEVIATION}
)

KIND_TEXT: dict[DiscrepancyKind, Text] = {
    K.UNPAID_REWARD: Text("奖励未发放", "reward never paid"),
    K.UNDERPAID: Text("少发", "paid less than decided"),
    K.OVERPAID: Text("多发", "paid more than decided"),
    K.PAYMENT_WITHOUT_DECISION: Text("发放无奖励决定", "payment without a decision"),
    K.DUPLICATE_PAYMENT: Text("重复发放", "duplicate payment"),
    K.PAID_BEFORE_DECISION: Text("先发放后决定", "paid before the decision"),
    K.PENALTY_PAID: Text("处罚被当作奖金发放", "penalty in the payment register"),
    K.BATCH_MISMATCH: Text("经费与发放批次不符", "expense differs from its batch"),
    K.BATCH_NOT_BOOKED: Text("发放批次未入账", "batch not booked as expense"),
    K.EXPENSE_WITHOUT_PAYMENTS: Text("奖励经费无发放记录", "reward expense without payments"),
    K.TOTAL_MISMATCH: Text("合计行有误", "stated total wrong"),
    K.RATE_DEVIATION: Text("金额不符合奖励标准", "amount off the reward rate"),
    K.IP_NOT_IN_PORTFOLIO: Text("知识产权不在台账中", "IP not in the portfolio"),
    K.INVALID_IP_NUMBER: Text("专利号校验位错误", "patent number check digit wrong"),
    K.LEDGER_NOT_IMPORTED: Text("台账未导入", "ledger not imported"),
}

LEDGER_TEXT: dict[LedgerKind, Text] = {
    LedgerKind.REWARDS: Text("奖惩记录表", "reward record"),
    LedgerKind.PAYMENTS: Text("奖金发放登记表", "payment register"),
    LedgerKind.EXPENSES: Text("经费使用记录", "expense record"),
    LedgerKind.PORTFOLIO: Text("知识产权台账", "portfolio"),
}


#: the ledger whose checklist item a kind of finding belongs to
KIND_LEDGER: dict[DiscrepancyKind, LedgerKind] = {
    K.UNPAID_REWARD: LedgerKind.REWARDS,
    K.RATE_DEVIATION: LedgerKind.REWARDS,
    K.IP_NOT_IN_PORTFOLIO: LedgerKind.REWARDS,
    K.UNDERPAID: LedgerKind.PAYMENTS,
    K.OVERPAID: LedgerKind.PAYMENTS,
    K.PAYMENT_WITHOUT_DECISION: LedgerKind.PAYMENTS,
    K.DUPLICATE_PAYMENT: LedgerKind.PAYMENTS,
    K.PAID_BEFORE_DECISION: LedgerKind.PAYMENTS,
    K.PENALTY_PAID: LedgerKind.PAYMENTS,
    K.BATCH_MISMATCH: LedgerKind.EXPENSES,
    K.BATCH_NOT_BOOKED: LedgerKind.EXPENSES,
    K.EXPENSE_WITHOUT_PAYMENTS: LedgerKind.EXPENSES,
}


def owning_ledger(d: Discrepancy, files: Mapping[LedgerKind, set[str]]) -> LedgerKind:
    """The ledger a finding belongs to: said by the finding, by its kind, else by the file of
    its first row found in ``files`` (ledger → the file names it was read from)."""
    if d.ledger is not None:
        return d.ledger
    if d.kind in KIND_LEDGER:
        return KIND_LEDGER[d.kind]
    for row in d.rows:
        for kind, names in files.items():
            if row.file in names:
                return kind
    return LedgerKind.PAYMENTS


def kind_text(kind: DiscrepancyKind, lang: str) -> str:
    return KIND_TEXT[kind].get(lang)


def money(amount: Decimal) -> str:
    """``5000`` → ``5,000.00``."""
    return f"{amount:,.2f}"


def signed(amount: Decimal) -> str:
    """``200`` → ``+200.00``, ``-200`` → ``-200.00``."""
    return f"{amount:+,.2f}"


def day(date: dt.date | None) -> str:
    return date.isoformat() if date else "?"


def person_names(entries: Iterable[Entry]) -> Text:
    """The entries' persons, each once in order: ``张三、李四`` / ``张三, 李四``."""
    names = list(dict.fromkeys(e.person for e in entries))
    return Text("、".join(names), ", ".join(names))


@lru_cache(maxsize=256)
def file_name(path: str) -> str:
    """The last component of a POSIX or Windows path."""
    return PureWindowsPath(PurePath(path).name).name


def where(rows: Iterable[SourceRef]) -> Text:
    """``奖金发放登记表.xlsx[奖金发放] 第3、4行`` / ``奖金发放登记表.xlsx [奖金发放] rows 3, 4``."""
    grouped: dict[tuple[str, str], list[int]] = {}
    for ref in rows:
        grouped.setdefault((file_name(ref.file), ref.sheet), []).append(ref.row)
    zh: list[str] = []
    en: list[str] = []
    for (name, sheet), numbers in grouped.items():
        numbers = sorted(set(numbers))
        listed = ", ".join(str(n) for n in numbers)
        zh.append(
            f"{name}[{sheet}] 第{'、'.join(str(n) for n in numbers)}行"
            if sheet
            else f"{name} 第{'、'.join(str(n) for n in numbers)}行"
        )
        label = "row" if len(numbers) == 1 else "rows"
        en.append(f"{name} [{sheet}] {label} {listed}" if sheet else f"{name} {label} {listed}")
    return Text("；".join(zh), "; ".join(en))


def make_key(
    kind: DiscrepancyKind,
    persons: Sequence[str],
    ip_items: Sequence[str],
    rows: Iterable[tuple[str, SourceRef]],
) -> str:
    """A stable 16-hex-digit identity; ``rows`` pairs each row with its ledger (or file) name."""
    parts = [
        kind.value,
        "|".join(sorted(persons)),
        "|".join(sorted(ip_items)),
        "|".join(sorted(f"{ledger}:{ref.sheet}:{ref.row}" for ledger, ref in rows)),
    ]
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for value in values:
        if value:
            seen.setdefault(value, None)
    return tuple(seen)


def build(
    kind: DiscrepancyKind,
    *,
    entries: Sequence[Entry] = (),
    extra_rows: Sequence[tuple[str, SourceRef]] = (),
    persons: Sequence[str] | None = None,
    ip_items: Sequence[str] | None = None,
    expected: Decimal | None,
    actual: Decimal | None,
    difference: Decimal,
    what: Text,
    date: dt.date | None = None,
) -> Discrepancy:
    """One finding: persons/IP items default to those of ``entries``; messages get the rows appended."""
    if persons is None:
        persons = _unique(e.person for e in entries)
    if ip_items is None:
        ip_items = _unique(e.ip_number for e in entries)
    keyed_rows = [(e.kind.value, e.source) for e in entries] + list(extra_rows)
    refs = tuple(ref for _, ref in keyed_rows)
    rows_text = where(refs)
    return Discrepancy(
        kind=kind,
        key=make_key(kind, persons, ip_items, keyed_rows),
        persons=tuple(persons),
        ip_items=tuple(ip_items),
        expected=expected,
        actual=actual,
        difference=difference,
        rows=refs,
        text=Text(
            f"{what.zh}（{rows_text.zh}）" if rows_text.zh else what.zh,
            f"{what.en} ({rows_text.en})" if rows_text.en else what.en,
        ),
        date=date,
    )


def situation(discrepancy: Discrepancy, *, tiny: Decimal = Decimal("1.00")) -> Situation:
    """The row of the grade table that grades ``discrepancy``."""
    if discrepancy.kind in _AMOUNT_KINDS and abs(discrepancy.difference) <= tiny:
        return Situation.LEDGER_ROUNDING
    return Situation(f"ledger.{discrepancy.kind.value}")


def suggest_grade(
    discrepancy: Discrepancy,
    grades: Mapping[Situation, Grade] | None = None,
    *,
    tiny: Decimal = Decimal("1.00"),
) -> Grade:
    """The grade of ``discrepancy`` in ``grades`` (a template's table; the built-in one when
    ``None``); see the module docstring for the rule."""
    found = situation(discrepancy, tiny=tiny)
    return (grades or DEFAULT_GRADES).get(found, DEFAULT_GRADES[found])


def not_imported(ledger: LedgerKind, checks: Text) -> Discrepancy:
    """The one finding for a ledger that was not imported; ``checks`` names what did not run."""
    name = LEDGER_TEXT[ledger]
    return Discrepancy(
        kind=K.LEDGER_NOT_IMPORTED,
        key=make_key(K.LEDGER_NOT_IMPORTED, (), (), [(ledger.value, SourceRef("", "", 0))]),
        persons=(),
        ip_items=(),
        expected=None,
        actual=None,
        difference=Decimal("0.00"),
        rows=(),
        text=Text(
            f"{name.zh}未导入：{checks.zh}未核对；导入后即可核对",
            f"{name.en} not imported: {checks.en} not checked; import it to check them",
        ),
        ledger=ledger,
    )
