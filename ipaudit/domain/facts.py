"""Declared facts: which fact a question is bound to, its declared value, and agreement with an answer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from ipaudit.domain.declared import (
    ITEM_UNITS,
    MONEY_UNITS,
    PEOPLE_UNITS,
    Declared,
    FactKind,
    claims_agreement,
)
from ipaudit.domain.model import Facts, Text
from ipaudit.domain.normalize import normalize_text, numbers_in

PORTFOLIO_TYPES = ("invention", "utility_model", "design", "software_copyright", "trademark")
EXTRA_KEYS = ("projects_in_progress", "search_phases", "manual_version")

# Facts the workspace derives rather than declares: the services pass them in (see ``derived``).
LEDGER_TOTALS = "ledger.totals"  # the reconciliation's totals and whether the three tables agree
LEDGER_DIFFERENCES = "ledger.differences"  # the open (unaccepted) discrepancies
DERIVED_KEYS = frozenset({LEDGER_TOTALS, LEDGER_DIFFERENCES})
BUDGET = "budget"  # the declared IP budget (with the period's spending when the services know it)
DERIVED_FACTS = DERIVED_KEYS | {BUDGET}  # the keys the services may pass a value for

FACT_KEYS: frozenset[str] = frozenset(
    {"policy", "headcount", "headcount_total", "duties", "objectives", "certificates"}
    | {"procedures", "portfolio"}
    | {f"portfolio.{t}" for t in PORTFOLIO_TYPES}
    | {f"extra.{k}" for k in EXTRA_KEYS}
    | DERIVED_KEYS
    | {BUDGET}
)


@dataclass(frozen=True, slots=True)
class LedgerFigures:
    """What the reconciliation of the finance ledgers shows for the audit period, as the services
    read it (the domain never reads ledgers): the three totals and the open discrepancies (not
    accepted with an explanation), each named in Chinese and English."""

    rewards_total: Decimal  # the reward record's rewards
    payments_total: Decimal  # the payment register
    reward_expenses_total: Decimal  # the expense record's reward lines
    open_discrepancies: tuple[Text, ...] = ()  # each open one, named
    explained: int = 0  # discrepancies accepted with an explanation
    missing: tuple[str, ...] = ()  # the ledgers not imported, named in Chinese


def _yuan(value: Decimal) -> str:
    return f"{value:,.2f} 元"


def budget_fact(
    budget: Mapping[str, Decimal], spent: Mapping[str, Decimal] | None = None
) -> Declared | None:
    """The IP budget as the manual declares it: its total (and each category's budget); with
    ``spent`` (the expense record's lines of the period, by category) also what was spent, so an
    answer on "how much has been spent" is compared too. None when no budget is declared."""
    if not budget:
        return None
    total = sum(budget.values(), Decimal(0))
    numbers = [total, *budget.values()]
    display = f"知识产权经费预算 {_yuan(total)}"
    if spent is not None:
        used = sum(spent.values(), Decimal(0))
        numbers += [used, *spent.values(), abs(total - used)]
        display += f"，审核期内已支出 {_yuan(used)}"
    return Declared(FactKind.RECONCILED, display, numbers=tuple(numbers))


def ledger_facts(figures: LedgerFigures) -> dict[str, Declared]:
    """The official answers of the finance questions bound to the reconciliation: the totals (and
    whether the tables agree) and the open discrepancies. Nothing when a ledger is missing: the
    totals would be no one's answer."""
    if figures.missing:
        return {}
    open_ = figures.open_discrepancies
    # agree: nothing found; differ: something open; explained differences: either claim stands
    agreed = False if open_ else (True if not figures.explained else None)
    if open_:
        verdict = f"三表不一致，{len(open_)} 项差异未处理"
    elif figures.explained:
        verdict = f"{figures.explained} 项差异已说明"
    else:
        verdict = "三表一致"
    totals = (figures.rewards_total, figures.payments_total, figures.reward_expenses_total)
    gaps = {abs(a - b) for a in totals for b in totals if a != b}  # "相差 300 元" is true too
    display = (
        f"奖励合计 {_yuan(totals[0])}，发放合计 {_yuan(totals[1])}，"
        f"经费记录中的奖励费 {_yuan(totals[2])}；{verdict}"
    )
    listed = "；".join(d.zh for d in open_)
    differences = f"{len(open_)} 项差异未处理：{listed}" if open_ else "无未处理的差异"
    return {
        LEDGER_TOTALS: Declared(
            FactKind.RECONCILED, display, numbers=(*totals, *sorted(gaps)), agreed=agreed
        ),
        # only "there is no difference" can be wrong about the open ones
        LEDGER_DIFFERENCES: Declared(
            FactKind.RECONCILED, differences, agreed=False if open_ else None
        ),
    }


def _fmt(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else str(value)


def declared(
    facts: Facts, key: str, department: str, derived: Mapping[str, Declared] | None = None
) -> Declared | None:
    """The declared value a question bound to ``key`` is checked against; None when undeclared.

    ``derived``: the values the workspace derives (``ledger_facts``), passed in by the services;
    a derived key without one is undeclared (no ledger imported yet)."""
    if key in DERIVED_KEYS:
        return (derived or {}).get(key)
    if key == BUDGET:
        return (derived or {}).get(key) or budget_fact(facts.budget)
    if key == "policy":
        return (
            Declared(FactKind.WORDING, facts.policy, text=facts.policy)
            if facts.policy.strip()
            else None
        )
    if key == "headcount":
        if department not in facts.headcount:
            return None
        n = Decimal(facts.headcount[department])
        return Declared(
            FactKind.NUMBER, str(facts.headcount[department]), number=n, units=PEOPLE_UNITS
        )
    if key == "headcount_total":
        if not facts.headcount:
            return None
        total = sum(facts.headcount.values())
        return Declared(FactKind.NUMBER, str(total), number=Decimal(total), units=PEOPLE_UNITS)
    if key == "duties":
        duties = facts.duties.get(department, "").strip()
        return Declared(FactKind.TEXT, duties, text=duties) if duties else None
    if key == "objectives":
        return _objectives(facts, department)
    if key == "certificates":
        certs = tuple(c for c in facts.certificates if c.strip())
        return Declared(FactKind.LIST, "、".join(certs), entries=certs) if certs else None
    if key == "procedures":
        return _procedures(facts, department)
    if key == "portfolio":
        return _portfolio(facts)
    if key.startswith("portfolio."):
        kind = key.removeprefix("portfolio.")
        if kind not in facts.portfolio:
            return None
        count = facts.portfolio[kind]
        return Declared(FactKind.NUMBER, str(count), number=Decimal(count), units=ITEM_UNITS)
    if key.startswith("extra."):
        value = facts.extra.get(key.removeprefix("extra."), "").strip()
        if not value:
            return None
        if key == "extra.manual_version":
            return Declared(FactKind.MENTION, value, text=value)
        numbers = numbers_in(value)
        if len(numbers) == 1 and normalize_text(value) == normalize_text(_fmt(numbers[0])):
            return Declared(FactKind.NUMBER, value, number=numbers[0])
        return Declared(FactKind.TEXT, value, text=value)
    raise KeyError(key)


LEDGER_LABEL = Text(
    "三张财务台账的核对结果（请先导入奖惩记录表、奖金发放登记表和经费使用记录）",
    "the reconciliation of the finance ledgers (import the reward record, the payment register"
    " and the expense record first)",
)
_FACT_LABELS = {
    "policy": Text("知识产权方针", "the IP policy"),
    "headcount": Text("部门人数", "the department's headcount"),
    "headcount_total": Text("公司总人数", "the company's headcount"),
    "duties": Text("部门职责", "the department's duties"),
    "objectives": Text("知识产权目标", "the IP objectives"),
    "certificates": Text("证书", "the certificates"),
    "procedures": Text("程序文件", "the procedures"),
    "portfolio": Text("知识产权数量", "the IP portfolio"),
    BUDGET: Text("知识产权经费预算", "the IP budget"),
    LEDGER_TOTALS: LEDGER_LABEL,
    LEDGER_DIFFERENCES: LEDGER_LABEL,
}


def fact_label(key: str) -> Text:
    """How a declared fact is named to the user; its key never is."""
    if key in _FACT_LABELS:
        return _FACT_LABELS[key]
    if key.startswith("portfolio."):
        kind = key.removeprefix("portfolio.")
        zh = PORTFOLIO_NAMES_ZH.get(kind, "知识产权")
        return Text(f"{zh}数量", f"the number of {kind.replace('_', ' ')}s")
    return Text("手册对这个问题的说明", "the manual's statement on this question")


# How the portfolio's kinds are named in an answer about the company's IP situation.
PORTFOLIO_NAMES_ZH = {
    "invention": "发明专利",
    "utility_model": "实用新型",
    "design": "外观设计",
    "software_copyright": "软件著作权",
    "trademark": "商标",
}


def _procedures(facts: Facts, department: str) -> Declared | None:
    """The department's own procedures — never the company's whole list in their place."""
    own = tuple(p for p in facts.procedures if p.department == department)
    if not own:
        return None
    entries = tuple(p.title for p in own)
    display = "；".join(f"{p.code} {p.title}".strip() for p in own)
    return Declared(FactKind.LIST, display, entries=entries, text=" ".join(p.code for p in own))


def _portfolio(facts: Facts) -> Declared | None:
    """The company's IP situation: each declared count, and their total."""
    counts = {k: v for k, v in facts.portfolio.items() if k in PORTFOLIO_NAMES_ZH}
    if not counts:
        return None
    display = "，".join(f"{PORTFOLIO_NAMES_ZH[k]} {v} 件" for k, v in counts.items())
    numbers = (*(Decimal(v) for v in counts.values()), Decimal(sum(counts.values())))
    # each count named (entries, units); the total is accepted but not asked for
    names = tuple(PORTFOLIO_NAMES_ZH[k] for k in counts)
    return Declared(
        FactKind.NUMBERS, display, numbers=numbers, entries=names, units=("件",) * len(names)
    )


def _objectives(facts: Facts, department: str) -> Declared | None:
    parts: list[str] = []
    targets: list[Decimal] = []
    names: tuple[str, ...] = ()  # each target's objective, and its unit
    units: tuple[str, ...] = ()
    for obj in facts.objectives:
        share = obj.split.get(department)
        value = (
            share
            if share is not None
            else (obj.target if department in ("", "management") else None)
        )
        if value is None:
            continue
        targets.append(value)
        names, units = (*names, obj.text), (*units, obj.unit)
        parts.append(f"{obj.text} {_fmt(value)}{obj.unit}")
    if not targets:
        return None
    # a department's share: the company's objectives too (a figure said for the company)
    company = (
        None
        if department in ("", "management")
        else Declared(
            FactKind.NUMBERS,
            "；".join(f"{o.text} {_fmt(o.target)}{o.unit}" for o in facts.objectives),
            numbers=tuple(o.target for o in facts.objectives),
            entries=tuple(o.text for o in facts.objectives),
            units=tuple(o.unit for o in facts.objectives),
        )
    )
    return Declared(
        FactKind.NUMBERS,
        "；".join(parts),
        numbers=tuple(targets),
        entries=names,
        units=units,
        company=company,
    )


def agrees(answer: str, fact: Declared, fact_key: str | None = None) -> bool:
    """Whether ``answer`` says what the declared ``fact`` says: the interview rehearsal's
    comparison (:func:`ipaudit.domain.comparison.compare`), so the checklist, the interview sheets
    and the rehearsal give one verdict. ``fact_key``: the fact the question asks for (the
    department's headcount or the company's decides which number said counts)."""
    from ipaudit.domain.comparison import compare  # (here: opening the app does not need it)

    return compare(answer, fact, fact_key).passed


__all__ = [
    "BUDGET",
    "DERIVED_FACTS",
    "DERIVED_KEYS",
    "EXTRA_KEYS",
    "FACT_KEYS",
    "ITEM_UNITS",
    "LEDGER_DIFFERENCES",
    "LEDGER_LABEL",
    "LEDGER_TOTALS",
    "MONEY_UNITS",
    "PEOPLE_UNITS",
    "PORTFOLIO_NAMES_ZH",
    "PORTFOLIO_TYPES",
    "Declared",
    "FactKind",
    "LedgerFigures",
    "agrees",
    "budget_fact",
    "claims_agreement",
    "declared",
    "fact_label",
    "ledger_facts",
]
