"""Names the ledger views show for ledgers, fields and units, and how they format money and dates.

Widget strings are English in the code and translated by Qt; texts that come with the data (problem
reasons, discrepancy messages, summary tables) carry both languages and are picked with ``lang()``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from ipaudit.ledger.model import ImportResult, LedgerKind
from ipaudit.ledger.model import column_letter as column_letter  # for the ledger views
from ipaudit.ui import i18n


def tr(text: str) -> str:
    return QCoreApplication.translate("ledger", text)


def lang() -> str:
    """The UI language for texts that come with the data: "zh" or "en"."""
    return i18n.language()


def kind_name(kind: LedgerKind) -> str:
    names = {
        LedgerKind.REWARDS: tr("Reward record"),
        LedgerKind.PAYMENTS: tr("Payment register"),
        LedgerKind.EXPENSES: tr("Expense record"),
        LedgerKind.PORTFOLIO: tr("IP portfolio"),
    }
    return names[kind]


def kind_noun(kind: LedgerKind) -> str:
    """The ledger's name inside a sentence ("replaces the payment register …")."""
    names = {
        LedgerKind.REWARDS: tr("the reward record"),
        LedgerKind.PAYMENTS: tr("the payment register"),
        LedgerKind.EXPENSES: tr("the expense record"),
        LedgerKind.PORTFOLIO: tr("the IP portfolio"),
    }
    return names[kind]


def field_name(field: str) -> str:
    """A column meaning (``synonyms.FIELDS``) as the mapping control shows it."""
    names = {
        "date": tr("Date"),
        "person": tr("Name"),
        "department": tr("Department"),
        "amount": tr("Amount"),
        "ip_number": tr("IP item"),
        "category": tr("Category"),
        "voucher": tr("Voucher"),
        "kind": tr("Reward or penalty"),
        "text": tr("Description"),
        "status": tr("Status"),
        "granted": tr("Grant date"),
        "inventors": tr("Inventors"),
    }
    return names.get(field, field)


def column_lines(r: ImportResult) -> list[str]:
    """The import's warnings, then every column not imported with what its values look like."""
    ui = lang()
    lines = [w.message(ui) for w in r.warnings]
    if r.unused_columns:
        listed = [
            f"{n.letter} “{n.header}”"
            + (
                " " + tr("(looks like %1)").replace("%1", field_name(n.looks_like))
                if n.looks_like
                else ""
            )
            for n in r.unused_columns
        ]
        lines.append(tr("Columns not imported: %1").replace("%1", ", ".join(listed)))
    return lines


def unit_name(unit: Decimal) -> str:
    names = {
        Decimal(1): tr("yuan"),
        Decimal(1000): tr("thousand yuan"),
        Decimal(10000): tr("ten thousand yuan (万元)"),
    }
    return names.get(unit, f"× {unit}")


UNITS = (Decimal(1), Decimal(1000), Decimal(10000))


def money(amount: Decimal | None) -> str:
    return "" if amount is None else f"{amount:,.2f}"


def signed(amount: Decimal | None) -> str:
    return "" if amount is None else f"{amount:+,.2f}"


def day(date: dt.date | None) -> str:
    return date.isoformat() if date else ""


def cents(amount: Decimal | None) -> int:
    """An amount as whole cents: a sort key that Qt compares exactly (never a float)."""
    return 0 if amount is None else int(amount.scaleb(2).to_integral_value())
