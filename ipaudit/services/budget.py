"""The IP budget of a workspace: declared per expense category, compared with the imported expense
record (the lines dated in the audit period, by category). Used by the CLI, the GUI and the checks."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from ipaudit.domain.budget import (
    BY_KEY,
    CATEGORIES,
    BudgetLine,
    budget_findings,
    category_key,
    compare,
    spending_in_period,
)
from ipaudit.domain.cycle import anchor
from ipaudit.domain.facts import BUDGET, Declared, budget_fact
from ipaudit.domain.model import Facts, Finding
from ipaudit.store.errors import InvalidInput

if TYPE_CHECKING:
    from ipaudit.services import Workspace

BUDGET_ITEM = "fin.budget"


def parse_category(text: str) -> str:
    """The category key the user means (``application``, ``年费`` …), or a bad-input error."""
    key = category_key(text)
    if key is None:
        names = "、".join(f"{c.key}（{c.name.zh}）" for c in CATEGORIES)
        names_en = ", ".join(c.key for c in CATEGORIES)
        raise InvalidInput(
            f"未知的经费类别“{text}”。可用：{names}。",
            f"Unknown expense category '{text}'. Use one of: {names_en}.",
        )
    return key


def parse_amount(text: str) -> Decimal | None:
    """A budget amount in yuan (``50000``, ``¥50,000.00``, ``5万元``); None for an empty text."""
    from ipaudit.ledger.normalize import NormalizeError, parse_amount_text

    if not text.strip():
        return None
    try:
        value = parse_amount_text(text)
    except (NormalizeError, InvalidOperation):
        value = None
    if value is None or value < 0:
        raise InvalidInput(
            f"“{text}”不是有效金额（例如 50000 或 5万元）。",
            f"'{text}' is not an amount (for example 50000 or 5万元).",
        )
    return value


def set_budget(ws: Workspace, category: str, amount: Decimal | None) -> None:
    """Declare (or with None remove) the budget of one expense category."""
    key = parse_category(category)

    def change(facts: Facts) -> Facts:
        budget = dict(facts.budget)
        if amount is None:
            budget.pop(key, None)
        else:
            budget[key] = amount
        return replace(facts, budget=budget)

    ws.update_facts(change)  # read and written in one transaction


def actual_spending(ws: Workspace) -> dict[str, Decimal]:
    """The expense record's amounts in the audit period, by category key."""
    from ipaudit.ledger.model import LedgerKind
    from ipaudit.services import ledgers as ledger_service

    info = ws.info()
    entries = ledger_service.load_book(ws).of(LedgerKind.EXPENSES)
    lines = ((e.category, e.amount, e.date) for e in entries)
    return spending_in_period(lines, info.period_start, info.period_end)


def budget_lines(ws: Workspace) -> list[BudgetLine]:
    """Budget, actual and variance per category."""
    return compare(ws.facts().budget, actual_spending(ws))


def findings(ws: Workspace) -> list[Finding]:
    budget = ws.facts().budget
    if not budget:
        return []
    where = anchor(ws.template, ws.departments(), BUDGET_ITEM)
    if where is None:
        return []
    return budget_findings(budget_lines(ws), where[0], where[1])


def derived_facts(ws: Workspace) -> dict[str, Declared]:
    """The official answer on the IP budget: its declared total with the period's spending."""
    budget = ws.facts().budget
    fact = budget_fact(budget, actual_spending(ws)) if budget else None
    return {BUDGET: fact} if fact is not None else {}


def line_json(line: BudgetLine) -> dict[str, object]:
    cat = BY_KEY.get(line.category)
    return {
        "category": line.category,
        "name_zh": cat.name.zh if cat else line.category,
        "name_en": cat.name.en if cat else line.category,
        "budget": None if line.budget is None else str(line.budget),
        "actual": str(line.actual),
        "variance": None if line.variance is None else str(line.variance),
        "overspent": line.overspent,
    }
