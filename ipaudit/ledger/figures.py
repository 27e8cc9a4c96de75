"""The reconciliation as the finance interview states it: the audit period's totals of the three
ledgers and the discrepancies still open, for the official answers of the questions bound to
``ledger.totals`` and ``ledger.differences`` (``ipaudit.domain.facts.ledger_facts``)."""

from __future__ import annotations

from collections.abc import Collection
from decimal import Decimal

from ipaudit.domain.facts import LedgerFigures
from ipaudit.ledger.discrepancies import KIND_TEXT, LEDGER_TEXT
from ipaudit.ledger.model import Discrepancy, DiscrepancyKind
from ipaudit.ledger.reconcile import Reconciliation
from ipaudit.ledger.totals import Dimension
from ipaudit.text import Text


def _named(d: Discrepancy) -> Text:
    """A discrepancy in a few words: its kind and whom or what it concerns."""
    kind = KIND_TEXT[d.kind]
    who = "、".join(d.persons or d.ip_items)
    return Text(f"{kind.zh}（{who}）", f"{kind.en} ({who})") if who else kind


def figures(recon: Reconciliation, accepted: Collection[str]) -> LedgerFigures:
    """``recon``'s totals and open discrepancies; ``accepted``: the keys explained by the user."""
    row = recon.totals_table(Dimension.PERIOD).total  # entries of the audit period only
    found = [d for d in recon.discrepancies if d.kind is not DiscrepancyKind.LEDGER_NOT_IMPORTED]
    open_ = tuple(_named(d) for d in found if d.key not in accepted)
    return LedgerFigures(
        rewards_total=row.rewards,
        payments_total=row.payments,
        reward_expenses_total=row.expenses if row.expenses is not None else Decimal("0.00"),
        open_discrepancies=open_,
        explained=sum(1 for d in found if d.key in accepted),
        missing=tuple(LEDGER_TEXT[k].zh for k in recon.summary.missing),
    )
