"""The rules a checklist template declares beyond its items: time, mandatory items, order, grades.

A template (``ipaudit/resources/templates/*.yaml``) gives each item a time rule and may mark it mandatory;
at the top level it lists the chronology rules (the order of a record set's phases, the order of
two items such as internal audit → management review), the "written after the fact" thresholds and
the grade of each kind of finding. :func:`rules_of` returns them for any template — templates built
in code without rules get the defaults derived from each item's kind.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from ipaudit.domain.model import Grade, Item, ItemKind, Template


class TimeRule(StrEnum):
    """How an item's records are judged against the audit period."""

    EVENT = "event"  # the record's date falls inside the period
    IN_FORCE = "in_force"  # signed before or during the period, not expired during it
    YEARLY = "yearly"  # one per year of the period; may be approved lead_months before its year
    PERIODIC = "periodic"  # every month or quarter of the period covered


class Every(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"


DEFAULT_LEAD_MONTHS = 3  # a plan for year N may be approved in the last quarter of N-1


@dataclass(frozen=True, slots=True)
class ItemRule:
    time_rule: TimeRule | None  # None for answer items (no records)
    mandatory: bool = False
    lead_months: int = DEFAULT_LEAD_MONTHS
    every: Every | None = None  # periodic items only


@dataclass(frozen=True, slots=True)
class PhaseOrder:
    """Within each instance of a record set, the sub-records' phases in order; the sub-records of
    one phase may come in any order among themselves."""

    item: str
    phases: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class ItemOrder:
    """Every dated record of ``then`` (its ``then_records`` sub-records when given) has a dated
    record of ``first`` (``first_records``) on or before it, at most ``within_months`` earlier."""

    first: str
    then: str
    first_records: tuple[str, ...] = ()
    then_records: tuple[str, ...] = ()
    within_months: int = 12


@dataclass(frozen=True, slots=True)
class SameDay:
    """Records that look written after the fact (补记录): a set of at least ``set_min`` dated
    records all on one day; or a department with at least ``department_min`` dated records of
    which ``department_share`` or more carry the same day."""

    set_min: int = 3
    department_min: int = 8
    department_share: float = 0.5  # a ratio of record counts, as the template writes it


class Situation(StrEnum):
    """What a check found, independent of its wording; the grade table maps each to a grade."""

    NO_EVIDENCE = "no_evidence"  # a requirement with no record at all
    DEPARTMENT_WITHOUT_RECORDS = "department_without_records"
    MANDATORY_NOT_APPLICABLE = "mandatory_not_applicable"
    NO_ANSWERS = "no_answers"  # none of an item's questions answered
    SOME_ANSWERS_MISSING = "some_answers_missing"
    RECORDS_SHORT = "records_short"
    RECORD_SET_INCOMPLETE = "record_set_incomplete"
    YEAR_NOT_COVERED = "year_not_covered"
    PERIOD_NOT_COVERED = "period_not_covered"
    OUTSIDE_PERIOD = "outside_period"
    DATED_AFTER_AUDIT = "dated_after_audit"  # a record dated after the audit's last day
    NOT_IN_FORCE = "not_in_force"
    UNDATED = "undated"
    ANSWER_CONTRADICTS = "answer_contradicts"
    PROCEDURE_NOT_DECLARED = "procedure_not_declared"
    FACT_NOT_DECLARED = "fact_not_declared"
    OBJECTIVE_MISMATCH = "objective_mismatch"
    NA_WITHOUT_REASON = "na_without_reason"
    OUT_OF_ORDER = "out_of_order"
    WRITTEN_AFTER_THE_FACT = "written_after_the_fact"
    EMPTY_FILE = "empty_file"  # a file of 0 bytes attached as a record
    DUPLICATE_FILE = "duplicate_file"  # the same contents attached to an item twice
    # the reconciliation of the finance ledgers: one situation per kind of discrepancy
    LEDGER_UNPAID_REWARD = "ledger.unpaid_reward"
    LEDGER_UNDERPAID = "ledger.underpaid"
    LEDGER_OVERPAID = "ledger.overpaid"
    LEDGER_PAYMENT_WITHOUT_DECISION = "ledger.payment_without_decision"
    LEDGER_DUPLICATE_PAYMENT = "ledger.duplicate_payment"
    LEDGER_PAID_BEFORE_DECISION = "ledger.paid_before_decision"
    LEDGER_PENALTY_PAID = "ledger.penalty_paid"
    LEDGER_BATCH_MISMATCH = "ledger.batch_mismatch"
    LEDGER_BATCH_NOT_BOOKED = "ledger.batch_not_booked"
    LEDGER_EXPENSE_WITHOUT_PAYMENTS = "ledger.expense_without_payments"
    LEDGER_TOTAL_MISMATCH = "ledger.total_mismatch"
    LEDGER_RATE_DEVIATION = "ledger.rate_deviation"
    LEDGER_IP_NOT_IN_PORTFOLIO = "ledger.ip_not_in_portfolio"
    LEDGER_INVALID_IP_NUMBER = "ledger.invalid_ip_number"
    LEDGER_NOT_IMPORTED = "ledger.ledger_not_imported"
    LEDGER_ROUNDING = "ledger.rounding"  # an amount off by at most 1.00 yuan


# The rule: 严重 (major) for a prerequisite or a whole process missing; 一般 (minor) for an isolated
# lapse; 观察 (observation) for a risk. A template's ``grades:`` overrides any of these.
DEFAULT_GRADES: Mapping[Situation, Grade] = MappingProxyType(
    {
        Situation.NO_EVIDENCE: Grade.MAJOR,
        Situation.DEPARTMENT_WITHOUT_RECORDS: Grade.MAJOR,
        Situation.MANDATORY_NOT_APPLICABLE: Grade.MAJOR,
        Situation.NO_ANSWERS: Grade.MAJOR,
        Situation.SOME_ANSWERS_MISSING: Grade.MINOR,
        Situation.RECORDS_SHORT: Grade.MINOR,
        Situation.RECORD_SET_INCOMPLETE: Grade.MINOR,
        Situation.YEAR_NOT_COVERED: Grade.MINOR,
        Situation.PERIOD_NOT_COVERED: Grade.MINOR,
        Situation.OUTSIDE_PERIOD: Grade.MINOR,
        Situation.DATED_AFTER_AUDIT: Grade.MINOR,  # one wrong date: an isolated lapse
        Situation.NOT_IN_FORCE: Grade.MINOR,
        Situation.UNDATED: Grade.MINOR,
        Situation.ANSWER_CONTRADICTS: Grade.MINOR,
        Situation.PROCEDURE_NOT_DECLARED: Grade.MINOR,
        Situation.FACT_NOT_DECLARED: Grade.OBSERVATION,
        Situation.OBJECTIVE_MISMATCH: Grade.MINOR,
        Situation.NA_WITHOUT_REASON: Grade.MINOR,
        Situation.OUT_OF_ORDER: Grade.MINOR,
        Situation.WRITTEN_AFTER_THE_FACT: Grade.OBSERVATION,
        # An empty file listed as a record is a lapse of its own (the auditor opens it and finds
        # nothing); a second copy is a risk (it looks like padding) — neither ever counts.
        Situation.EMPTY_FILE: Grade.MINOR,
        Situation.DUPLICATE_FILE: Grade.OBSERVATION,
        # Every disagreement of the ledgers is one lapse in records that exist (one unpaid
        # reward, one payment without its decision …); a reward process missing altogether is
        # the checklist's no_evidence. A ledger not imported and a rounding difference are risks.
        **{s: Grade.MINOR for s in Situation if s.value.startswith("ledger.")},
        Situation.LEDGER_NOT_IMPORTED: Grade.OBSERVATION,
        Situation.LEDGER_ROUNDING: Grade.OBSERVATION,
    }
)


def _default_grades() -> Mapping[Situation, Grade]:
    return DEFAULT_GRADES


@dataclass(frozen=True, slots=True)
class TemplateRules:
    items: Mapping[str, ItemRule] = field(default_factory=dict)
    phase_orders: tuple[PhaseOrder, ...] = ()
    item_orders: tuple[ItemOrder, ...] = ()
    same_day: SameDay = field(default_factory=SameDay)
    grades: Mapping[Situation, Grade] = field(default_factory=_default_grades)

    def grade(self, situation: Situation) -> Grade:
        return self.grades.get(situation, DEFAULT_GRADES[situation])


@dataclass(frozen=True, slots=True)
class RuledTemplate(Template):
    """A template loaded from YAML: its items plus the rules it declares."""

    rules: TemplateRules = field(default_factory=TemplateRules)


def default_time_rule(kind: ItemKind) -> TimeRule | None:
    """The time rule of an item that declares none (workspaces created before time rules)."""
    return {
        ItemKind.DOCUMENT: TimeRule.IN_FORCE,
        ItemKind.RECORDS: TimeRule.EVENT,
        ItemKind.RECORD_SET: TimeRule.EVENT,
        ItemKind.YEARLY: TimeRule.YEARLY,
    }.get(kind)


def rules_of(template: Template) -> TemplateRules:
    rules = getattr(template, "rules", None)
    return rules if isinstance(rules, TemplateRules) else TemplateRules()


def item_rule(template: Template, item: Item) -> ItemRule:
    rule = rules_of(template).items.get(item.key)
    return rule if rule is not None else ItemRule(default_time_rule(item.kind))


def is_mandatory(template: Template, item: Item) -> bool:
    return item_rule(template, item).mandatory


def mandatory_keys(template: Template) -> frozenset[str]:
    """The keys of the items that can never be marked not applicable."""
    return frozenset(key for key, rule in rules_of(template).items.items() if rule.mandatory)


__all__ = [
    "DEFAULT_GRADES",
    "DEFAULT_LEAD_MONTHS",
    "Every",
    "ItemOrder",
    "ItemRule",
    "PhaseOrder",
    "RuledTemplate",
    "SameDay",
    "Situation",
    "TemplateRules",
    "TimeRule",
    "default_time_rule",
    "is_mandatory",
    "item_rule",
    "mandatory_keys",
    "rules_of",
]
