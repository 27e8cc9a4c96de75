"""Small hand-built templates and workspaces for tests that must not depend on the built-in YAML."""

from __future__ import annotations

import datetime as dt

from ipaudit.domain.model import (
    AuditType,
    ClauseDef,
    ClauseRef,
    Department,
    DepartmentDef,
    Edition,
    Item,
    ItemKind,
    Question,
    SubRecord,
    Template,
    Text,
    WorkspaceInfo,
)

INFO = WorkspaceInfo(
    company="测试科技有限公司",
    edition=Edition.GB2023,
    audit_type=AuditType.SURVEILLANCE,
    audit_start=dt.date(2026, 3, 2),
    audit_end=dt.date(2026, 3, 4),
    period_start=dt.date(2024, 1, 1),
    period_end=dt.date(2025, 12, 31),
)


def item(key: str, kind: ItemKind, department: str = "rnd", **kw: object) -> Item:
    return Item(
        key=key,
        department=department,
        clause="8.1",
        refs={"2023": ClauseRef("8.1"), "2013": ClauseRef("8.2")},
        title=Text(f"条目{key}", f"Item {key}"),
        guidance=Text("说明", "guidance"),
        kind=kind,
        **kw,  # type: ignore[arg-type]
    )


DOC = item("rnd.manual", ItemKind.DOCUMENT)
RECORDS = item("rnd.contracts", ItemKind.RECORDS, min_count=3)
RECORD_SET = item(
    "rnd.projects",
    ItemKind.RECORD_SET,
    instances=2,
    instance_label=Text("项目", "project"),
    sub_records=(
        SubRecord("init", Text("立项", "initiation")),
        SubRecord("design", Text("设计", "design")),
    ),
)
YEARLY = item("rnd.training_plan", ItemKind.YEARLY)
ANSWER = item(
    "rnd.interview",
    ItemKind.ANSWER,
    questions=(
        Question("headcount", Text("部门有多少人？", "How many people?"), fact="headcount"),
        Question("policy", Text("方针是什么？", "What is the policy?"), fact="policy"),
    ),
)
OBJECTIVES = item(
    "ipo.objectives_list",
    ItemKind.DOCUMENT,
    department="ip_office",
    questions=(
        Question("objectives", Text("今年的目标？", "This year's objectives?"), fact="objectives"),
    ),
)

TEMPLATE = Template(
    edition=Edition.GB2023,
    title=Text("测试清单", "Test checklist"),
    departments=(
        DepartmentDef("rnd", Text("研发部", "R&D")),
        DepartmentDef("ip_office", Text("知识产权管理机构", "IP office")),
        DepartmentDef("procurement", Text("采购", "Procurement"), optional=True),
    ),
    clauses=(ClauseDef("8.1", Text("运行", "Operation")),),
    items=(DOC, RECORDS, RECORD_SET, YEARLY, ANSWER, OBJECTIVES),
)

DEPARTMENTS = [
    Department("rnd", Text("研发部", "R&D"), position=0),
    Department("ip_office", Text("知识产权管理机构", "IP office"), position=1),
]
