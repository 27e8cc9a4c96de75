"""Three-way reconciliation of the reward record, the payment register and the expense record.

``reconcile()`` runs every comparison and check and returns a :class:`Reconciliation`: the findings
(``Discrepancy``), the summary, the links a view needs to highlight related rows (a reward and its
payments, a payment and its batch, a batch and its expense lines) and the totals tables.

- reward record ↔ payment register: ``matching`` (per person and IP item);
- payment register ↔ expense record: ``batches`` (per voucher, else per date, within a window);
- stated 合计/小计 rows, totals side by side: ``totals``;
- the procedure's rates: ``rates``; the portfolio and patent check digits: ``ipchecks``.

No Qt, no database: Python and, for the bulk joins and sums, polars (``frames``); linear in the
number of rows apart from sorting. Each ledger may be given as entries or as prepared ``Columns``
(the form a loaded ledger is kept in), or as ``None`` when it was not imported: that is said once
(``ledger_not_imported``) and the comparisons that need it do not run — no wall of "reward never
paid" for a payment register nobody imported. The summary names every check that did not run.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from ipaudit.domain.model import Grade
from ipaudit.ledger import discrepancies as dsc
from ipaudit.ledger.batches import Batch, BatchMatching, match_batches
from ipaudit.ledger.columns import Columns, collector_paused, money
from ipaudit.ledger.discrepancies import suggest_grade
from ipaudit.ledger.ipchecks import check_ip_numbers, check_portfolio
from ipaudit.ledger.ipkeys import IpKeys
from ipaudit.ledger.matching import RewardLink, RewardMatching, match_rewards
from ipaudit.ledger.model import (
    Discrepancy,
    DiscrepancyKind,
    Entry,
    LedgerKind,
    SourceRef,
    StatedTotal,
)
from ipaudit.ledger.rates import RateTable, check_decision_rates
from ipaudit.ledger.summary import CHECK_NEEDS, Check, NotRun, Summary, kind_lines, not_run
from ipaudit.ledger.totals import Dimension, TotalsBuilder, TotalsTable, check_stated_totals
from ipaudit.text import Text

ZERO = Decimal("0.00")
K = DiscrepancyKind
# a ledger not imported is said first: it explains why some comparisons are absent
_KIND_ORDER = {kind: n for n, kind in enumerate(DiscrepancyKind)} | {K.LEDGER_NOT_IMPORTED: -1}
_THREE = (LedgerKind.REWARDS, LedgerKind.PAYMENTS, LedgerKind.EXPENSES)

#: the check whose ledgers a kind of finding needs (kinds not listed need one ledger only)
_KIND_CHECK: dict[DiscrepancyKind, Check] = {
    K.UNPAID_REWARD: Check.REWARDS_PAYMENTS,
    K.UNDERPAID: Check.REWARDS_PAYMENTS,
    K.OVERPAID: Check.REWARDS_PAYMENTS,
    K.PAYMENT_WITHOUT_DECISION: Check.REWARDS_PAYMENTS,
    K.DUPLICATE_PAYMENT: Check.REWARDS_PAYMENTS,
    K.PAID_BEFORE_DECISION: Check.REWARDS_PAYMENTS,
    K.BATCH_MISMATCH: Check.PAYMENTS_EXPENSES,
    K.BATCH_NOT_BOOKED: Check.PAYMENTS_EXPENSES,
    K.EXPENSE_WITHOUT_PAYMENTS: Check.PAYMENTS_EXPENSES,
}


@dataclass(slots=True)
class Reconciliation:
    rewards: list[Entry]  # as given (penalties included)
    payments: list[Entry]
    expenses: list[Entry]  # as given (all categories)
    discrepancies: list[Discrepancy]
    summary: Summary
    matching: RewardMatching  # reward record <-> payment register
    batching: BatchMatching  # payment register <-> expense record
    period: tuple[dt.date, dt.date] | None = None
    _totals: TotalsBuilder | None = field(default=None, repr=False)
    _by_source: dict[SourceRef, object] | None = field(default=None, repr=False)
    _findings: dict[SourceRef, list[Discrepancy]] | None = field(default=None, repr=False)

    @property
    def reward_links(self) -> list[RewardLink]:
        """One link per reward decision (penalties excluded), in input order."""
        return self.matching.links

    @property
    def batches(self) -> list[Batch]:
        """Payment batches; ``Batch.payments`` / ``Batch.lines`` index ``payments`` / ``expenses``."""
        return self.batching.batches

    # -- totals ----------------------------------------------------------------------------
    def totals_table(self, dim: Dimension) -> TotalsTable:
        """The totals of one dimension (period, year, quarter, month, person, department, IP
        item), built on first request: a view showing one table pays for that one only."""
        if self._totals is None:
            lines = self.batching.reward_lines
            self._totals = TotalsBuilder(
                self.matching.reward_columns,
                self.matching.payment_columns,
                [self.expenses[i] for i in lines],
                period=self.period,
                penalties=self.matching.penalty_columns,
            )
        return self._totals.table(dim)

    @property
    def totals(self) -> dict[Dimension, TotalsTable]:
        """All seven totals tables."""
        return {dim: self.totals_table(dim) for dim in Dimension}

    # -- links for highlighting ------------------------------------------------------------
    def _index(self) -> dict[SourceRef, object]:
        if self._by_source is None:
            index: dict[SourceRef, object] = {}
            for i, r in enumerate(self.matching.rewards):
                index[r.source] = ("r", i)
            for j, p in enumerate(self.payments):
                index[p.source] = j
            for i, e in enumerate(self.expenses):
                index[e.source] = i
            self._by_source = index
        return self._by_source

    def link_of(self, reward: Entry) -> RewardLink | None:
        found = self._index().get(reward.source)
        return self.matching.link(found[1]) if isinstance(found, tuple) else None

    def payments_of(self, reward: Entry) -> tuple[Entry, ...]:
        """The payments settling a reward, then its duplicates and extra payments."""
        link = self.link_of(reward)
        return link.payments + link.duplicates + link.extras if link else ()

    def reward_of(self, payment: Entry) -> Entry | None:
        j = self._index().get(payment.source)
        if not isinstance(j, int):
            return None
        i = self.matching.reward_of(j)
        return None if i is None else self.matching.rewards[i]

    def batch_of(self, entry: Entry) -> Batch | None:
        """The batch of a payment, or the batch an expense line books."""
        n = self._index().get(entry.source)
        if not isinstance(n, int):
            return None
        if entry.kind is LedgerKind.EXPENSES:
            b = self.batching.batch_of_line.get(n)
            return None if b is None else self.batches[b]
        return self.batches[self.batching.batch_of_payment[n]]

    def batch_payments(self, batch: Batch) -> list[Entry]:
        return [self.payments[j] for j in batch.payments]

    def batch_lines(self, batch: Batch) -> list[Entry]:
        return [self.expenses[i] for i in batch.lines]

    def findings_for(self, source: SourceRef) -> list[Discrepancy]:
        """Every finding citing a row (to mark it in a table)."""
        return self._finding_index().get(source, [])

    def _finding_index(self) -> dict[SourceRef, list[Discrepancy]]:
        if self._findings is None:
            index: dict[SourceRef, list[Discrepancy]] = {}
            for d in self.discrepancies:
                for ref in d.rows:
                    index.setdefault(ref, []).append(d)
            self._findings = index
        return self._findings

    def build_indexes(self) -> None:
        """Build now what the views look up on first use — the totals tables, the findings by
        row, the links between the ledgers' rows — e.g. in a worker, not on the GUI thread."""
        _ = self.totals
        self._finding_index()
        self._index()

    def grade(self, discrepancy: Discrepancy) -> Grade:
        return suggest_grade(discrepancy)


def _ledger_of_sheets(
    totals: Sequence[StatedTotal], ledgers: Iterable[Sequence[Entry]]
) -> dict[tuple[str, str], LedgerKind]:
    """(file, sheet) -> ledger, for the sheets the stated totals come from."""
    wanted = {(t.source.file, t.source.sheet) for t in totals}
    out: dict[tuple[str, str], LedgerKind] = {}
    for entries in ledgers:
        for e in entries:
            if not wanted - out.keys():
                return out
            where = (e.source.file, e.source.sheet)
            if where in wanted and where not in out:
                out[where] = e.kind
    return out


def reconcile(
    rewards: Sequence[Entry] | Columns | None,
    payments: Sequence[Entry] | Columns | None,
    expenses: Sequence[Entry] | Columns | None,
    *,
    totals: Iterable[StatedTotal] = (),
    rates: RateTable | None = None,
    portfolio: Sequence[Entry] | None = None,
    window_days: int = 15,
    pay_window_days: int = 180,
    is_reward_category: Callable[[str], bool] | None = None,
    period: tuple[dt.date, dt.date] | None = None,
) -> Reconciliation:
    """Compare the three ledgers and check them; see the module docstring.

    ``window_days``: how long after a batch's last payment its expense line may be booked.
    ``pay_window_days``: when a reward or payment has no IP item, how long after the decision a
    payment of the same person and amount still settles it.
    ``is_reward_category``: which expense categories book rewards (default: the importer's,
    from the synonyms file: 奖励费, 奖金, 激励费 …).
    ``period``: the audit period, for the totals tables only.
    A ledger given as ``None`` was not imported (see the module docstring).
    """
    given = dict(zip(_THREE, (rewards, payments, expenses), strict=True))
    missing = tuple(kind for kind, ledger in given.items() if ledger is None)
    with collector_paused():
        return _reconcile(
            _own(rewards),
            _own(payments),
            _own(expenses),
            missing,
            list(totals),
            rates,
            None if portfolio is None else list(portfolio),
            window_days,
            pay_window_days,
            is_reward_category,
            period,
        )


def _own(ledger: Sequence[Entry] | Columns | None) -> Columns:
    """Columns of a list the reconciliation owns (the caller's sequence is never changed)."""
    if ledger is None:
        return Columns([])
    return ledger if isinstance(ledger, Columns) else Columns(list(ledger))


def _reconcile(
    rc: Columns,
    pc: Columns,
    ec: Columns,
    missing: tuple[LedgerKind, ...],
    stated: list[StatedTotal],
    rates: RateTable | None,
    portfolio: list[Entry] | None,
    window_days: int,
    pay_window_days: int,
    is_reward_category: Callable[[str], bool] | None,
    period: tuple[dt.date, dt.date] | None,
) -> Reconciliation:
    keys = IpKeys()
    # each attribute of each ledger is read once, as a column, by whichever step needs it first
    rewards, payments, expenses = rc.entries, pc.entries, ec.entries

    skipped = not_run(missing, rates=rates is not None, portfolio=portfolio is not None)
    gone = {n.check for n in skipped}
    compared = Check.REWARDS_PAYMENTS not in gone  # no wall of "never paid" to throw away
    rm = match_rewards(rc, pc, window_days=pay_window_days, keys=keys, compared=compared)
    bm = match_batches(pc, ec, window_days=window_days, is_reward_category=is_reward_category)
    found: list[Discrepancy] = [*rm.discrepancies, *bm.discrepancies]
    found += check_stated_totals(stated, _ledger_of_sheets(stated, (rewards, payments, expenses)))
    if rates is not None:
        found += check_decision_rates(rm.reward_columns, rates)
    if portfolio is not None:
        found += check_portfolio(rm.rewards, portfolio, keys)
    ledgers: list[Columns] = [rm.reward_columns, rm.penalty_columns, pc, ec]
    if portfolio is not None:
        ledgers.append(Columns(portfolio))
    found += check_ip_numbers(ledgers)
    if missing:
        found = _checkable(found, skipped, missing)
    found.sort(
        key=lambda d: (
            _KIND_ORDER[d.kind],
            d.date or dt.date.min,
            [(r.file, r.sheet, r.row) for r in d.rows],
        )
    )
    summary = _summary(rm, bm, ec, found, missing, skipped)
    return Reconciliation(
        rewards=rewards,
        payments=payments,
        expenses=expenses,
        discrepancies=found,
        summary=summary,
        matching=rm,
        batching=bm,
        period=period,
    )


def _checkable(
    found: list[Discrepancy], skipped: Sequence[NotRun], missing: tuple[LedgerKind, ...]
) -> list[Discrepancy]:
    """The findings of the checks that ran, and one ``ledger_not_imported`` per missing ledger."""
    gone = {n.check for n in skipped}
    kept = [d for d in found if _KIND_CHECK.get(d.kind) not in gone]
    for ledger in missing:
        checks = [
            c for c in (Check.REWARDS_PAYMENTS, Check.PAYMENTS_EXPENSES) if ledger in CHECK_NEEDS[c]
        ]
        named = Text(
            "、".join(c.text("zh") for c in checks), " and ".join(c.text("en") for c in checks)
        )
        kept.append(dsc.not_imported(ledger, named))
    return kept


def _summary(
    rm: RewardMatching,
    bm: BatchMatching,
    ec: Columns,
    found: list[Discrepancy],
    missing: tuple[LedgerKind, ...] = (),
    skipped: tuple[NotRun, ...] = (),
) -> Summary:
    payments_matched = rm.payments_matched
    booked = 0
    clean_not_booked = 0  # settling a reward cleanly, but in a batch that disagrees
    for batch in bm.batches:
        if batch.matched:
            booked += len(batch.payments)
        else:
            clean_not_booked += sum(1 for j in batch.payments if rm.payment_clean(j))
    return Summary(
        reward_count=len(rm.rewards),
        penalty_count=len(rm.penalties),
        payment_count=len(rm.payments),
        batch_count=len(bm.batches),
        expense_line_count=len(bm.reward_lines),
        rewards_matched=rm.rewards_matched,
        payments_matched=payments_matched,
        payments_booked=booked,
        payments_both=payments_matched - clean_not_booked,
        batches_matched=bm.batches_matched,
        expense_lines_matched=bm.lines_matched,
        rewards_total=_total(rm.reward_columns),
        penalties_total=_total(rm.penalty_columns),
        payments_total=_total(rm.payment_columns),
        expenses_total=sum((ec.entries[i].amount for i in bm.reward_lines), ZERO),
        kinds=kind_lines(found),
        missing=missing,
        not_run=skipped,
    )


def _total(ledger: Columns) -> Decimal:
    """The sum of a ledger's amounts (from its cents series when it has one)."""
    cents = ledger.cents_series()
    return money(int(cents.sum()) if cents is not None else sum(ledger.cents))  # Int64: an int
