"""Checks: everything against everything, producing findings graded the way auditors grade.

× major — the record is missing entirely; ○ minor — it exists but is incomplete or inconsistent;
△ observation — worth fixing, not a nonconformity.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from ipaudit.domain.cycle import prerequisite_findings
from ipaudit.domain.facts import agrees, declared
from ipaudit.domain.model import (
    Department,
    Evidence,
    Facts,
    Finding,
    Grade,
    Item,
    ItemKind,
    ItemState,
    Status,
    Template,
    Text,
    WorkspaceInfo,
)
from ipaudit.domain.normalize import normalize_text
from ipaudit.domain.people import people_findings

OBJECTIVES_ITEM = "ipo.objectives_list"


@dataclass(slots=True)
class CheckInput:
    """Everything the checks read; the store builds it in one pass."""

    info: WorkspaceInfo
    template: Template
    departments: Sequence[Department]
    facts: Facts
    states: Mapping[str, ItemState]
    evidence: Sequence[Evidence]  # current versions only
    extra_findings: Sequence[Finding] = ()  # e.g. from the ledger reconciliation
    accepted: Mapping[str, str] = field(default_factory=dict)  # finding key -> explanation


def resolve_department(key: str, departments: Mapping[str, Department]) -> str | None:
    """The workspace department that owns items of template department ``key``; None when absent."""
    seen: set[str] = set()
    while key in departments and departments[key].merged_into and key not in seen:
        seen.add(key)
        key = departments[key].merged_into or key
    dep = departments.get(key)
    if dep is None or dep.absent:
        return None
    return key


def item_department(item: Item, departments: Mapping[str, Department]) -> str | None:
    return resolve_department(item.department, departments)


def _finding(code: str, grade: Grade, dep: str, item: str, zh: str, en: str, *refs: str) -> Finding:
    detail = "|".join(refs)
    return Finding(code, grade, dep, item, Text(zh, en), tuple(refs), key=f"{code}:{item}:{detail}")


def _in_period(day: dt.date, info: WorkspaceInfo) -> bool:
    return info.period_start <= day <= info.period_end


def covers_year(ev: Evidence, year: int) -> bool:
    """A file counts for ``year`` by its slot, its period covered or its date."""
    if ev.slot == f"year:{year}":
        return True
    if ev.period_start and ev.period_end:
        return ev.period_start.year <= year <= ev.period_end.year
    return ev.doc_date is not None and ev.doc_date.year == year


def _evidence_findings(
    item: Item, dep: str, files: list[Evidence], info: WorkspaceInfo
) -> list[Finding]:
    out: list[Finding] = []
    title = item.title
    if not files:
        return [
            _finding(
                "evidence_missing",
                Grade.MAJOR,
                dep,
                item.key,
                f"缺少证据：{title.zh}",
                f"Evidence missing: {title.en}",
            )
        ]
    if item.kind is ItemKind.RECORDS and len(files) < item.min_count:
        out.append(
            _finding(
                "too_few_records",
                Grade.MINOR,
                dep,
                item.key,
                f"{title.zh}：需要至少 {item.min_count} 份记录，现有 {len(files)} 份",
                f"{title.en}: at least {item.min_count} records required, {len(files)} attached",
                f"{len(files)}/{item.min_count}",
            )
        )
    if item.kind is ItemKind.YEARLY:
        for year in info.period_years():
            if not any(covers_year(ev, year) for ev in files):
                out.append(
                    _finding(
                        "year_not_covered",
                        Grade.MINOR,
                        dep,
                        item.key,
                        f"{title.zh}：审核期内 {year} 年没有记录",
                        f"{title.en}: no record for {year} of the audit period",
                        str(year),
                    )
                )
    if item.kind is not ItemKind.DOCUMENT:
        for ev in files:
            if ev.doc_date is not None and not _in_period(ev.doc_date, info):
                out.append(
                    _finding(
                        "evidence_outside_period",
                        Grade.MINOR,
                        dep,
                        item.key,
                        f"{title.zh}：《{ev.title}》日期 {ev.doc_date} 不在审核期"
                        f" {info.period_start}～{info.period_end} 内",
                        f"{title.en}: '{ev.title}' is dated {ev.doc_date}, outside the audit period"
                        f" {info.period_start} – {info.period_end}",
                        f"evidence:{ev.id}",
                    )
                )
    return out


def _record_set_findings(
    item: Item, dep: str, state: ItemState, files: list[Evidence]
) -> list[Finding]:
    have = {ev.slot for ev in files}
    out: list[Finding] = []
    label = item.instance_label or Text("实例", "instance")
    for i in range(1, item.instances + 1):
        missing = [s for s in item.sub_records if f"{i}/{s.key}" not in have]
        if not missing:
            continue
        name = state.instance_names[i - 1] if i <= len(state.instance_names) else ""
        zh_name = f"{label.zh} {i}" + (f"（{name}）" if name else "")
        en_name = f"{label.en} {i}" + (f" ({name})" if name else "")
        out.append(
            _finding(
                "record_set_incomplete",
                Grade.MINOR,
                dep,
                item.key,
                f"{item.title.zh}：{zh_name} 缺少 " + "、".join(s.title.zh for s in missing),
                f"{item.title.en}: {en_name} lacks " + ", ".join(s.title.en for s in missing),
                str(i),
                *(s.key for s in missing),
            )
        )
    return out


def _answer_findings(item: Item, dep: str, state: ItemState, facts: Facts) -> list[Finding]:
    out: list[Finding] = []
    unanswered = [q for q in item.questions if not state.answers.get(q.key, "").strip()]
    if item.kind is ItemKind.ANSWER and item.questions and len(unanswered) == len(item.questions):
        out.append(
            _finding(
                "answer_missing",
                Grade.MAJOR,
                dep,
                item.key,
                f"{item.title.zh}：审核员的问题尚未作答",
                f"{item.title.en}: the auditor's questions are not answered yet",
            )
        )
    elif item.kind is ItemKind.ANSWER and unanswered:
        out.append(
            _finding(
                "answer_missing",
                Grade.MINOR,
                dep,
                item.key,
                f"{item.title.zh}：{len(unanswered)} 个问题未回答："
                + "；".join(f"“{q.text.zh}”" for q in unanswered),
                f"{item.title.en}: {len(unanswered)} question(s) not answered: "
                + "; ".join(f"'{q.text.en}'" for q in unanswered),
                *(q.key for q in unanswered),
            )
        )
    for q in item.questions:
        answer = state.answers.get(q.key, "").strip()
        if not q.fact or not answer:
            continue
        fact = declared(facts, q.fact, dep)
        if fact is None:
            out.append(
                _finding(
                    "fact_not_declared",
                    Grade.OBSERVATION,
                    dep,
                    item.key,
                    f"“{q.text.zh}”的答案无法核对：手册事实（{q.fact}）尚未填写",
                    f"The answer to '{q.text.en}' cannot be checked: the fact ({q.fact}) is not declared",
                    q.key,
                )
            )
        elif not agrees(answer, fact):
            out.append(
                _finding(
                    "answer_contradicts_fact",
                    Grade.MINOR,
                    dep,
                    item.key,
                    f"“{q.text.zh}”回答“{answer}”与手册所述“{fact.display}”不一致",
                    f"'{q.text.en}' was answered '{answer}', the manual says '{fact.display}'",
                    q.key,
                )
            )
    return out


def objective_findings(facts: Facts, dep: str, item_key: str = OBJECTIVES_ITEM) -> list[Finding]:
    """Department splits that do not add up; manual objectives missing from the objectives list."""
    out: list[Finding] = []
    for obj in facts.objectives:
        if not obj.split or obj.unit.strip() in ("%", "％"):
            continue  # rates and percentages are not split by adding up
        total = sum(obj.split.values(), Decimal(0))
        if total != obj.target:
            out.append(
                _finding(
                    "objective_split_mismatch",
                    Grade.MINOR,
                    dep,
                    item_key,
                    f"目标“{obj.text}”：各部门分解之和 {total} 不等于公司目标 {obj.target}",
                    f"Objective '{obj.text}': the department split adds up to {total}, not the target"
                    f" {obj.target}",
                    obj.key,
                )
            )
    listed = {normalize_text(o.text) for o in facts.objectives}
    for text in facts.manual_objectives:
        if normalize_text(text) and normalize_text(text) not in listed:
            out.append(
                _finding(
                    "objective_not_in_list",
                    Grade.MINOR,
                    dep,
                    item_key,
                    f"手册中的目标“{text}”不在知识产权目标清单中",
                    f"The manual's objective '{text}' is missing from the objectives list",
                    normalize_text(text),
                )
            )
    return out


def run_checks(data: CheckInput) -> list[Finding]:
    """Every finding of the workspace, worst first within each department."""
    deps = {d.key: d for d in data.departments}
    files_by_item: dict[str, list[Evidence]] = defaultdict(list)
    for ev in data.evidence:
        if ev.current:
            files_by_item[ev.item_key].append(ev)
    findings: list[Finding] = []
    empty = ItemState("")
    for item in data.template.items:
        dep = item_department(item, deps)
        if dep is None:
            continue
        state = data.states.get(item.key, empty)
        if state.status is Status.NOT_APPLICABLE:
            if not state.na_reason.strip():
                findings.append(
                    _finding(
                        "na_without_reason",
                        Grade.MINOR,
                        dep,
                        item.key,
                        f"{item.title.zh}：标为不适用但未说明理由",
                        f"{item.title.en}: marked not applicable without a reason",
                    )
                )
            continue
        files = files_by_item.get(item.key, [])
        if item.kind is not ItemKind.ANSWER:
            findings.extend(_evidence_findings(item, dep, files, data.info))
            if item.kind is ItemKind.RECORD_SET and files:
                findings.extend(_record_set_findings(item, dep, state, files))
        findings.extend(_answer_findings(item, dep, state, data.facts))
    obj_item = _objectives_item(data.template)
    if obj_item is not None:
        dep = item_department(obj_item, deps)
        if dep is not None:
            findings.extend(objective_findings(data.facts, dep, obj_item.key))
    findings.extend([*prerequisite_findings(data), *people_findings(data)])  # audit cycle
    findings.extend(data.extra_findings)
    if data.accepted:
        findings = [
            replace(f, accepted=data.accepted[f.key]) if f.key in data.accepted else f
            for f in findings
        ]
    findings.sort(key=lambda f: (f.department, f.grade.rank, f.item_key))
    return findings


def _objectives_item(template: Template) -> Item | None:
    """The item the objectives checks are filed under: the IP office's objectives list."""
    preferences = (
        lambda i: i.key == OBJECTIVES_ITEM,
        lambda i: i.department == "ip_office" and "objectives" in i.key,
        lambda i: any(q.fact == "objectives" for q in i.questions),
    )
    for wanted in preferences:
        for item in template.items:
            if wanted(item):
                return item
    return None


def worst_grade(findings: Iterable[Finding]) -> Grade | None:
    """The worst grade among the findings not accepted with an explanation; None when none."""
    return min(
        (f.grade for f in findings if f.accepted is None), key=lambda g: g.rank, default=None
    )


def findings_by_item(findings: Iterable[Finding]) -> dict[str, list[Finding]]:
    out: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        out[f.item_key].append(f)
    return out
