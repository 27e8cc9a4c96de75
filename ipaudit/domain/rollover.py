"""The next cycle: the workspace information of the next audit, and which items need this cycle's
records once the period moves.

A certificate lives three years: the initial audit, a surveillance audit in each of the next two
years and a recertification in the third, after which a new certificate starts over with
surveillance audits. The next audit is a year after this one unless the user says otherwise; the
period follows the audit type (:func:`ipaudit.domain.cycle.default_period`).

An item "needs refresh" when its records, judged by its time rule against the new period, no
longer count: an event record of last year, a year of the period without its plan, a month or
quarter not covered, a contract that expired. Timeless evidence (the manual or a policy still in
force) keeps its status; so does an item with no records, or one marked not applicable.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from ipaudit.domain.cycle import CYCLE_YEARS, add_months, default_period
from ipaudit.domain.model import (
    AuditType,
    Evidence,
    Finding,
    Grade,
    Item,
    ItemState,
    Status,
    Template,
    Text,
    WorkspaceInfo,
)
from ipaudit.domain.rules import Situation, item_rule
from ipaudit.domain.timing import judge

#: the time findings that mean "last cycle's records no longer cover the new period"
REFRESH_CODES = frozenset(
    {"evidence_outside_period", "document_not_in_force", "year_not_covered", "period_not_covered"}
)
#: a surveillance audit this many months or more after the certificate started is in its third
#: year: the next audit is the recertification
RECERTIFICATION_AFTER_MONTHS = 30


def next_audit_type(info: WorkspaceInfo, audit_start: dt.date) -> AuditType:
    """The type of the audit after ``info``'s one, starting ``audit_start``: initial →
    surveillance → surveillance → recertification → surveillance (the new certificate)."""
    if info.audit_type is not AuditType.SURVEILLANCE:
        return AuditType.SURVEILLANCE
    if info.certificate_start is not None:
        third_year = add_months(info.certificate_start, RECERTIFICATION_AFTER_MONTHS)
        if audit_start >= third_year:
            return AuditType.RECERTIFICATION
    if info.certificate_end is not None and audit_start > add_months(info.certificate_end, -12):
        return AuditType.RECERTIFICATION
    return AuditType.SURVEILLANCE


def next_info(
    info: WorkspaceInfo,
    audit_type: AuditType | None = None,
    audit_start: dt.date | None = None,
) -> WorkspaceInfo:
    """The workspace information of the next cycle: the audit a year later (or on
    ``audit_start``), as long as this one; the last audit is this one; the period the type's
    default. After a recertification the new certificate is taken to run on from the old one's
    expiry for three years (to be confirmed in the workspace information)."""
    start = audit_start or add_months(info.audit_start, 12)
    kind = audit_type or next_audit_type(info, start)
    cert_start, cert_end = info.certificate_start, info.certificate_end
    if info.audit_type is AuditType.RECERTIFICATION and info.certificate_end is not None:
        cert_start = info.certificate_end + dt.timedelta(days=1)
        cert_end = add_months(cert_start, 12 * CYCLE_YEARS) - dt.timedelta(days=1)
    new = replace(
        info,
        audit_type=kind,
        audit_start=start,
        audit_end=start + (info.audit_end - info.audit_start),
        last_audit=info.audit_start,
        certificate_start=cert_start,
        certificate_end=cert_end,
    )
    period_start, period_end = default_period(new)
    return replace(new, period_start=period_start, period_end=period_end)


def refresh_reasons(
    template: Template, item: Item, files: Sequence[Evidence], info: WorkspaceInfo
) -> list[Text]:
    """Why ``item``'s current ``files`` no longer cover ``info``'s period (empty: they still do,
    or the item has no records or no time rule)."""
    rule = item_rule(template, item)
    if rule.time_rule is None or not files:
        return []
    found: list[Text] = []

    def new(code: str, _situation: Situation, zh: str, en: str, *refs: str) -> Finding:
        finding = Finding(code, Grade.MINOR, "", item.key, Text(zh, en), tuple(refs))
        if code in REFRESH_CODES:
            found.append(finding.message)
        return finding

    judge(item, rule, files, info, new)
    return found


def items_to_refresh(
    template: Template,
    info: WorkspaceInfo,
    evidence: Iterable[Evidence],
    states: Mapping[str, ItemState],
) -> dict[str, list[Text]]:
    """The items that need this cycle's records under ``info`` (the new cycle's information),
    each with the reasons; items marked not applicable are left as they are."""
    files: dict[str, list[Evidence]] = {}
    for ev in evidence:
        if ev.current:
            files.setdefault(ev.item_key, []).append(ev)
    out: dict[str, list[Text]] = {}
    for item in template.items:
        state = states.get(item.key)
        if state is not None and state.status is Status.NOT_APPLICABLE:
            continue
        reasons = refresh_reasons(template, item, files.get(item.key, []), info)
        if reasons:
            out[item.key] = reasons
    return out


__all__ = [
    "RECERTIFICATION_AFTER_MONTHS",
    "REFRESH_CODES",
    "items_to_refresh",
    "next_audit_type",
    "next_info",
    "refresh_reasons",
]
