"""Rows ↔ domain values: JSON for the facts sections, dates and Decimals as exact text."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from ipaudit.domain.model import (
    Department,
    Evidence,
    Facts,
    ItemState,
    Objective,
    Procedure,
    Status,
    Text,
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


def state_from_row(row: Any) -> ItemState:
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
    )
