"""Rows ↔ domain values: JSON for the facts sections, dates and Decimals as exact text."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from ipaudit.domain.model import (
    AuditType,
    Department,
    Edition,
    Evidence,
    Facts,
    ItemState,
    Objective,
    Person,
    PersonKind,
    Procedure,
    Status,
    Text,
    WorkspaceInfo,
)

# workspace information in the ``meta`` table; the optional dates are absent when not declared
INFO_DATES = (
    "audit_start",
    "audit_end",
    "period_start",
    "period_end",
    "last_audit",
    "certificate_start",
    "certificate_end",
    "system_start",
)


def info_to_meta(info: WorkspaceInfo) -> dict[str, str | None]:
    """The ``meta`` rows of ``info``; None means the row is removed."""
    values: dict[str, str | None] = {
        "company": info.company,
        "edition": info.edition.value,
        "audit_type": info.audit_type.value,
    }
    for key in INFO_DATES:
        day = getattr(info, key)
        values[key] = day.isoformat() if day else None
    return values


def info_from_meta(rows: Mapping[str, str]) -> WorkspaceInfo:
    def day(key: str) -> dt.date | None:
        text = rows.get(key)
        return dt.date.fromisoformat(text) if text else None

    dates = {key: day(key) for key in INFO_DATES}
    return WorkspaceInfo(
        company=rows["company"],
        edition=Edition(rows["edition"]),
        audit_type=AuditType(rows["audit_type"]),
        **dates,  # type: ignore[arg-type]
    )


def _person_from(data: Mapping[str, Any]) -> Person:
    date = data.get("date")
    return Person(
        name=data["name"],
        kind=PersonKind(data["kind"]),
        department=data.get("department", ""),
        date=dt.date.fromisoformat(date) if date else None,
    )


def facts_to_sections(facts: Facts) -> dict[str, Any]:
    return {
        "policy": facts.policy,
        "manual_objectives": list(facts.manual_objectives),
        "objectives": [
            {
                "key": o.key,
                "text": o.text,
                "target": str(o.target),
                "unit": o.unit,
                "split": {k: str(v) for k, v in o.split.items()},
                "year": o.year,
            }
            for o in facts.objectives
        ],
        "headcount": dict(facts.headcount),
        "duties": dict(facts.duties),
        "procedures": [
            {"code": p.code, "title": p.title, "department": p.department} for p in facts.procedures
        ],
        "certificates": list(facts.certificates),
        "portfolio": dict(facts.portfolio),
        "extra": dict(facts.extra),
        "people": [
            {
                "name": p.name,
                "kind": p.kind.value,
                "department": p.department,
                "date": p.date.isoformat() if p.date else None,
            }
            for p in facts.people
        ],
        "budget": {k: str(v) for k, v in facts.budget.items()},
        "open_nonconformities": facts.open_nonconformities,
    }


def facts_from_sections(sections: dict[str, Any]) -> Facts:
    return Facts(
        policy=sections.get("policy", ""),
        manual_objectives=tuple(sections.get("manual_objectives", ())),
        objectives=tuple(
            Objective(
                key=o["key"],
                text=o["text"],
                target=Decimal(o["target"]),
                unit=o.get("unit", ""),
                split={k: Decimal(v) for k, v in o.get("split", {}).items()},
                year=o.get("year"),
            )
            for o in sections.get("objectives", ())
        ),
        headcount={k: int(v) for k, v in sections.get("headcount", {}).items()},
        duties=dict(sections.get("duties", {})),
        procedures=tuple(Procedure(**p) for p in sections.get("procedures", ())),
        certificates=tuple(sections.get("certificates", ())),
        portfolio={k: int(v) for k, v in sections.get("portfolio", {}).items()},
        extra=dict(sections.get("extra", {})),
        people=tuple(_person_from(p) for p in sections.get("people", ())),
        budget={k: Decimal(v) for k, v in sections.get("budget", {}).items()},
        open_nonconformities=sections.get("open_nonconformities"),
    )


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def department_from_row(row: Any) -> Department:
    return Department(
        key=row.key,
        name=Text(row.name_zh, row.name_en),
        absent=bool(row.absent),
        merged_into=row.merged_into,
        position=row.position,
    )


def state_problem(row: Any) -> str | None:
    """Why the item state ``row`` cannot be read (written by another program: an unknown
    status, answers or names that are not JSON of their shape); None when it can."""
    if row.status not in {st.value for st in Status}:
        return f"unknown status {str(row.status)[:40]!r}"
    try:
        answers, names = json.loads(row.answers), json.loads(row.instance_names)
    except (ValueError, TypeError, RecursionError):
        return "answers or instance names not JSON"
    if not isinstance(answers, dict) or not isinstance(names, list):
        return "answers not a JSON object or instance names not a JSON list"
    return None


def state_from_row(row: Any) -> ItemState:
    """The state of ``row``; one that cannot be read (``state_problem``) is read as not started,
    keeping its version (a save replaces it) — the findings name it."""
    if state_problem(row) is not None:
        return ItemState(row.item_key, version=row.version)
    return ItemState(
        item_key=row.item_key,
        status=Status(row.status),
        na_reason=row.na_reason,
        notes=row.notes,
        answers=json.loads(row.answers),
        instance_names=tuple(json.loads(row.instance_names)),
        version=row.version,
    )


def evidence_from_row(row: Any) -> Evidence:
    return Evidence(
        id=row.id,
        item_key=row.item_key,
        slot=row.slot,
        sha256=row.sha256,
        size=row.size,
        original_name=row.original_name,
        title=row.title,
        department=row.department,
        doc_number=row.doc_number,
        version=row.version_label,
        doc_date=row.doc_date,
        period_start=row.period_start,
        period_end=row.period_end,
        added_at=row.added_at,
        supersedes=row.supersedes,
        current=bool(row.current),
        last_cycle=bool(row.last_cycle),
    )
