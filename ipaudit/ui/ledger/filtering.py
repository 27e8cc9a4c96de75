"""Which rows of the reconciliation view a filter shows: by kind of discrepancy, person and period.

Pure Python over the reconciliation (no Qt), so the rules read in one place:
- kind: "" shows everything, ``ANY`` the rows some discrepancy cites, a ``DiscrepancyKind`` value
  the rows a discrepancy of that kind cites;
- person: the entry's person; an expense line (which names no person) is shown when a payment of
  its batch is that person's;
- period: the entry's date within it (undated entries are left out once a period is chosen).
A discrepancy is shown when it is of the kind, names the person, and is dated within the period
(or, without a date of its own, cites a row dated within it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ipaudit.ledger.model import Discrepancy, Entry, LedgerKind, SourceRef
from ipaudit.ledger.reconcile import Reconciliation

ANY = "*"

Period = tuple[dt.date, dt.date]


@dataclass(frozen=True, slots=True)
class ViewFilter:
    kind: str = ""  # "", ANY, or a DiscrepancyKind value
    person: str = ""
    period: Period | None = None

    @property
    def active(self) -> bool:
        return bool(self.kind or self.person or self.period)


def periods(entries: Iterable[Entry]) -> list[tuple[str, Period]]:
    """Years, their quarters and their months that have entries, as (label, (first, last) day)."""
    months = sorted({(e.date.year, e.date.month) for e in entries if e.date is not None})
    out: list[tuple[str, Period]] = []
    for year in sorted({y for y, _m in months}):
        out.append((f"{year}", (dt.date(year, 1, 1), dt.date(year, 12, 31))))
        for q in sorted({(m - 1) // 3 + 1 for y, m in months if y == year}):
            first = dt.date(year, 3 * q - 2, 1)
            last = _month_end(year, 3 * q)
            out.append((f"{year}-Q{q}", (first, last)))
        for m in (m for y, m in months if y == year):
            out.append((f"{year}-{m:02d}", (dt.date(year, m, 1), _month_end(year, m))))
    return out


def _month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def persons(rec: Reconciliation) -> list[str]:
    return sorted({e.person for e in (*rec.rewards, *rec.payments) if e.person})


def _in(period: Period | None, date: dt.date | None) -> bool:
    return period is None or (date is not None and period[0] <= date <= period[1])


def ledger_entries(rec: Reconciliation | None, kind: LedgerKind) -> list[Entry]:
    """The entries of one of the three reconciled ledgers (none without a reconciliation)."""
    if rec is None:
        return []
    if kind is LedgerKind.REWARDS:
        return rec.rewards
    if kind is LedgerKind.PAYMENTS:
        return rec.payments
    return rec.expenses


def entry_rows(rec: Reconciliation, kind: LedgerKind, flt: ViewFilter) -> set[int] | None:
    """The rows (indices into the ledger's entries) the filter shows; None when it shows all."""
    if not flt.active:
        return None
    entries = ledger_entries(rec, kind)
    batch_persons: dict[str, set[str]] = {}

    def person_ok(e: Entry) -> bool:
        if not flt.person:
            return True
        if kind is not LedgerKind.EXPENSES:
            return e.person == flt.person
        batch = rec.batch_of(e)
        if batch is None:
            return False
        names = batch_persons.get(batch.key)
        if names is None:
            names = batch_persons[batch.key] = {p.person for p in rec.batch_payments(batch)}
        return flt.person in names

    def kind_ok(e: Entry) -> bool:
        if not flt.kind:
            return True
        found = rec.findings_for(e.source)
        if flt.kind == ANY:
            return bool(found)
        return any(d.kind.value == flt.kind for d in found)

    return {
        n for n, e in enumerate(entries) if _in(flt.period, e.date) and kind_ok(e) and person_ok(e)
    }


def discrepancy_rows(
    rec: Reconciliation, flt: ViewFilter, entry_of: dict[SourceRef, Entry]
) -> set[int] | None:
    """The discrepancies (indices into ``rec.discrepancies``) the filter shows; None: all."""
    if not flt.active:
        return None

    def shown(d: Discrepancy) -> bool:
        if flt.kind and flt.kind != ANY and d.kind.value != flt.kind:
            return False
        if flt.person and flt.person not in d.persons:
            return False
        if flt.period is None:
            return True
        if d.date is not None:
            return _in(flt.period, d.date)
        return any(
            _in(flt.period, e.date) for ref in d.rows if (e := entry_of.get(ref)) is not None
        )

    return {n for n, d in enumerate(rec.discrepancies) if shown(d)}
