"""Declared facts: which fact a question is bound to, its declared value, and agreement with an answer."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from ipaudit.domain.model import Facts
from ipaudit.domain.normalize import normalize_text, numbers_agree, numbers_in

PORTFOLIO_TYPES = ("invention", "utility_model", "design", "software_copyright", "trademark")
EXTRA_KEYS = ("projects_in_progress", "search_phases")

FACT_KEYS: frozenset[str] = frozenset(
    {"policy", "headcount", "headcount_total", "duties", "objectives", "certificates"}
    | {f"portfolio.{t}" for t in PORTFOLIO_TYPES}
    | {f"extra.{k}" for k in EXTRA_KEYS}
)


class FactKind(StrEnum):
    NUMBER = "number"  # the answer's first number must equal it
    NUMBERS = "numbers"  # every number in the answer must be one of them
    WORDING = "wording"  # the same wording (policy)
    TEXT = "text"  # one contains the other (duties, search phases)
    LIST = "list"  # the answer names every entry


@dataclass(frozen=True, slots=True)
class Declared:
    kind: FactKind
    display: str
    number: Decimal | None = None
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
        return Declared(FactKind.NUMBER, str(facts.headcount[department]), number=n)
    if key == "headcount_total":
        if not facts.headcount:
            return None
        total = sum(facts.headcount.values())
        return Declared(FactKind.NUMBER, str(total), number=Decimal(total))
    if key == "duties":
        duties = facts.duties.get(department, "").strip()
        return Declared(FactKind.TEXT, duties, text=duties) if duties else None
    if key == "objectives":
        return _objectives(facts, department)
    if key == "certificates":
        certs = tuple(c for c in facts.certificates if c.strip())
        return Declared(FactKind.LIST, "、".join(certs), entries=certs) if certs else None
    if key.startswith("portfolio."):
        kind = key.removeprefix("portfolio.")
        if kind not in facts.portfolio:
            return None
        return Declared(
            FactKind.NUMBER, str(facts.portfolio[kind]), number=Decimal(facts.portfolio[kind])
        )
    if key.startswith("extra."):
        value = facts.extra.get(key.removeprefix("extra."), "").strip()
        if not value:
            return None
        numbers = numbers_in(value)
        if len(numbers) == 1 and normalize_text(value) == normalize_text(_fmt(numbers[0])):
            return Declared(FactKind.NUMBER, value, number=numbers[0])
        return Declared(FactKind.TEXT, value, text=value)
    raise KeyError(key)


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
        return fact.number is not None and numbers_agree(answer, fact.number)
    if fact.kind is FactKind.NUMBERS:
        stated = numbers_in(answer)
        return bool(stated) and all(n in fact.numbers for n in stated)
    said = normalize_text(answer)
    if fact.kind is FactKind.WORDING:
        return said == normalize_text(fact.text)
    if fact.kind is FactKind.TEXT:
        truth = normalize_text(fact.text)
        return bool(said) and (said in truth or truth in said)
    return all(normalize_text(entry) in said for entry in fact.entries)
