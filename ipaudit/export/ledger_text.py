"""Money and ledger-row references as document text."""

from __future__ import annotations

from decimal import Decimal

from ipaudit.export.redaction import Verbatim
from ipaudit.ledger import discrepancies
from ipaudit.ledger.model import SourceRef


def money(amount: Decimal | None) -> str:
    """``5000`` → ``5,000.00``; None → ""."""
    return "" if amount is None else Verbatim(discrepancies.money(amount))


def signed(amount: Decimal | None) -> str:
    """``200`` → ``+200.00``; None → ""."""
    return "" if amount is None else Verbatim(discrepancies.signed(amount))


def row_ref(ref: SourceRef, lang: str) -> str:
    """Where a ledger row is: ``file［sheet］第 12 行`` / ``file [sheet] row 12``."""
    if lang.startswith("en"):
        return (
            f"{ref.file} [{ref.sheet}] row {ref.row}" if ref.sheet else f"{ref.file} row {ref.row}"
        )
    return (
        f"{ref.file}［{ref.sheet}］第 {ref.row} 行" if ref.sheet else f"{ref.file} 第 {ref.row} 行"
    )
