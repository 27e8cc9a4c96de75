"""Declared facts: which fact a question is bound to, its declared value, and agreement with an answer."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from ipaudit.domain.model import Facts
from ipaudit.domain.normalize import covers_terms, normalize_text, numbers_agree, numbers_in

PORTFOLIO_TYPES = ("invention", "utility_model", "design", "software_copyright", "trademark")
EXTRA_KEYS = ("projects_in_progress", "search_phases", "manual_version")

# The unit a quantity fact is stated in, and the words that mean the same unit.
PEOPLE_UNITS = ("人", "名", "位")
ITEM_UNITS = ("件", "项", "个")

FACT_KEYS: frozenset[str] = frozenset(
    {"policy", "headcount", "headcount_total", "duties", "objectives", "certificates"}
    | {"procedures", "portfolio"}
    | {f"portfolio.{t}" for t in PORTFOLIO_TYPES}
    | {f"extra.{k}" for k in EXTRA_KEYS}
)


class FactKind(StrEnum):
    NUMBER = "number"  # the first quantity in the fact's unit must equal it (years, dates ignored)
    NUMBERS = "numbers"  # every quantity the answer states must be one of them
    WORDING = "wording"  # the policy: its key terms covered (see normalize.covers_terms)
    TEXT = "text"  # duties, search phases: their key terms covered
    LIST = "list"  # the answer names every entry (certificates, procedures)
    MENTION = "mention"  # the answer contains the value (a manual version such as A/1)


@dataclass(frozen=True, slots=True)
class Declared:
    kind: FactKind
    display: str
    number: Decimal | None = None
    units: tuple[str, ...] = ()  # the units a NUMBER is stated in ("人", "件" …)
    numbers: tuple[Decimal, ...] = ()
    text: str = ""
    entries: tuple[str, ...] = ()


def _fmt(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else str(value)


def declared(facts: Facts, key: str, department: str) -> Declared | None:
    """The declared value a question bound to ``key`` is checked against; None when undeclared."""
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
        n = facts.portfolio[kind]
        return Declared(FactKind.NUMBER, str(n), number=Decimal(n), units=ITEM_UNITS)
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


_FACT_LABELS = {
    "policy": ("知识产权方针", "the IP policy"),
    "headcount": ("部门人数", "the department's headcount"),
    "headcount_total": ("公司总人数", "the company's headcount"),
    "duties": ("部门职责", "the department's duties"),
    "objectives": ("知识产权目标", "the IP objectives"),
    "certificates": ("证书", "the certificates"),
    "procedures": ("程序文件", "the procedures"),
    "portfolio": ("知识产权数量", "the IP portfolio"),
}


def fact_label(key: str) -> tuple[str, str]:
    """How a declared fact is named to the user (Chinese, English); its key never is."""
    if key in _FACT_LABELS:
        return _FACT_LABELS[key]
    if key.startswith("portfolio."):
        kind = key.removeprefix("portfolio.")
        zh = PORTFOLIO_NAMES_ZH.get(kind, "知识产权")
        return f"{zh}数量", f"the number of {kind.replace('_', ' ')}s"
    return "手册对这个问题的说明", "the manual's statement on this question"


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
    return Declared(FactKind.NUMBERS, display, numbers=numbers)


def _objectives(facts: Facts, department: str) -> Declared | None:
    parts: list[str] = []
    targets: list[Decimal] = []
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
        parts.append(f"{obj.text} {_fmt(value)}{obj.unit}")
    if not targets:
        return None
    return Declared(FactKind.NUMBERS, "；".join(parts), numbers=tuple(targets))


def agrees(answer: str, fact: Declared) -> bool:
    """Whether ``answer`` agrees with the declared ``fact`` after normalisation."""
    if fact.kind is FactKind.NUMBER:
        return fact.number is not None and numbers_agree(answer, fact.number, fact.units)
    if fact.kind is FactKind.NUMBERS:
        stated = numbers_in(answer)
        return bool(stated) and all(n in fact.numbers for n in stated)
    said = normalize_text(answer)
    if fact.kind in (FactKind.WORDING, FactKind.TEXT):
        return covers_terms(answer, fact.text)
    if fact.kind is FactKind.MENTION:
        return bool(said) and normalize_text(fact.text) in said
    codes = fact.text.split()
    return all(
        normalize_text(entry) in said
        or covers_terms(answer, entry)
        or (i < len(codes) and normalize_text(codes[i]) in said)
        for i, entry in enumerate(fact.entries)
    )
