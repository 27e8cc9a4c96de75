"""Translated names of statuses, grades and item kinds (shared by the checklist widgets)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ipaudit.domain.model import Grade, ItemKind, Status
from ipaudit.domain.rules import Every, ItemRule, TimeRule


def tr(text: str, disambiguation: str = "", n: int = -1) -> str:
    return QCoreApplication.translate("ChecklistTerms", text, disambiguation, n)


def status_name(status: Status) -> str:
    return {
        Status.NOT_STARTED: tr("Not started"),
        Status.IN_PROGRESS: tr("In progress"),
        Status.READY: tr("Ready"),
        Status.NOT_APPLICABLE: tr("Not applicable"),
        Status.NEEDS_REFRESH: tr("Needs refresh"),
    }[status]


def grade_name(grade: Grade) -> str:
    return {
        Grade.MAJOR: tr("Major nonconformity"),
        Grade.MINOR: tr("Minor nonconformity"),
        Grade.OBSERVATION: tr("Observation"),
    }[grade]


def kind_name(kind: ItemKind) -> str:
    return {
        ItemKind.DOCUMENT: tr("Document"),
        ItemKind.RECORDS: tr("Records"),
        ItemKind.RECORD_SET: tr("Record set"),
        ItemKind.YEARLY: tr("Yearly records"),
        ItemKind.ANSWER: tr("Auditor questions"),
    }[kind]


def time_rule_name(rule: ItemRule) -> str:
    """How the item's records are judged against the audit period ("" for answer items)."""
    if rule.time_rule is TimeRule.EVENT:
        return tr("Dated inside the audit period")
    if rule.time_rule is TimeRule.IN_FORCE:
        return tr("In force during the audit period")
    if rule.time_rule is TimeRule.YEARLY:
        if not rule.lead_months:
            return tr("One for each year of the period")
        return tr(
            "One for each year of the period (approved up to %n month(s) before)",
            "",
            rule.lead_months,
        )
    if rule.time_rule is TimeRule.PERIODIC:
        if rule.every is Every.MONTH:
            return tr("Every month of the period covered")
        return tr("Every quarter of the period covered")
    return ""


def mandatory_name() -> str:
    return tr("Mandatory: never not applicable")
