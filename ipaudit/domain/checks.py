"""Checks: everything against everything, producing findings graded the way auditors grade.

× major — the record is missing entirely; ○ minor — it exists but is incomplete or inconsistent;
△ observation — worth fixing, not a nonconformity.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TYPE_CHECKING

from ipaudit.domain.chronology import (
    instance_text,
    phase_findings,
    same_day_findings,
    sequence_findings,
)
from ipaudit.domain.cycle import prerequisite_findings
from ipaudit.domain.evidence_copies import copy_findings, distinct_contents, sort_copies
from ipaudit.domain.facts import DERIVED_KEYS, Declared, declared, fact_label
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
from ipaudit.domain.objectives import SplitState, check_split
from ipaudit.domain.people import people_findings
from ipaudit.domain.rules import ItemRule, Situation, TemplateRules, TimeRule, item_rule, rules_of
from ipaudit.domain.timing import NewFinding, dated_after_audit, is_dated, judge, years_of
from ipaudit.text import counted

if TYPE_CHECKING:
    from ipaudit.domain.comparison import Verdict

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
    derived: Mapping[str, Declared] = field(default_factory=dict)  # e.g. ledger.totals


def follow_merges(key: str, departments: Mapping[str, Department]) -> str:
    """The department ``key`` was merged into, followed to its end (a merge cycle stops the walk)."""
    seen: set[str] = set()
    while key in departments and departments[key].merged_into and key not in seen:
        seen.add(key)
        key = departments[key].merged_into or key
    return key


def _compare(answer: str, fact: Declared, fact_key: str) -> Verdict:
    """The rehearsal's comparison (imported on first use: opening the app does not need it)."""
    from ipaudit.domain.comparison import compare

    return compare(answer, fact, fact_key)


def resolve_department(key: str, departments: Mapping[str, Department]) -> str | None:
    """The workspace department that owns items of template department ``key``; None when absent."""
    key = follow_merges(key, departments)
    dep = departments.get(key)
    if dep is None or dep.absent:
        return None
    return key


def item_department(item: Item, departments: Mapping[str, Department]) -> str | None:
    return resolve_department(item.department, departments)


def _finding(code: str, grade: Grade, dep: str, item: str, zh: str, en: str, *refs: str) -> Finding:
    detail = "|".join(refs)
    return Finding(code, grade, dep, item, Text(zh, en), tuple(refs), key=f"{code}:{item}:{detail}")


def covers_year(ev: Evidence, year: int, lead_months: int = 0) -> bool:
    """A dated file counts for ``year`` by its slot, its period covered or its date (a yearly
    document dated up to ``lead_months`` before its year counts for it)."""
    return is_dated(ev) and year in years_of(ev, lead_months)


def _maker(rules: TemplateRules, dep: str, item_key: str) -> NewFinding:
    """A finding of ``item_key`` graded by the template's grade table."""

    def new(code: str, situation: Situation, zh: str, en: str, *refs: str) -> Finding:
        return _finding(code, rules.grade(situation), dep, item_key, zh, en, *refs)

    return new


def _evidence_findings(
    item: Item,
    rule: ItemRule,
    dep: str,
    files: list[Evidence],
    info: WorkspaceInfo,
    rules: TemplateRules,
) -> list[Finding]:
    title = item.title
    new = _maker(rules, dep, item.key)
    if not files:
        return [
            new(
                "evidence_missing",
                Situation.NO_EVIDENCE,
                f"缺少证据：{title.zh}",
                f"Evidence missing: {title.en}",
            )
        ]
    judged = judge(item, rule, files, info, new)
    out = list(judged.findings)
    # a record counts once by its contents, however many copies are attached (evidence_copies)
    valid = distinct_contents(judged.counted)
    if item.kind is ItemKind.RECORDS and valid < item.min_count:
        out.append(
            new(
                "too_few_records",
                Situation.RECORDS_SHORT,
                f"{title.zh}：需要至少 {item.min_count} 份有效记录，现有 {valid} 份",
                f"{title.en}: at least {counted(item.min_count, 'valid record')} required,"
                f" {valid} attached",
                f"{valid}/{item.min_count}",
            )
        )
    return out


def _record_set_findings(
    item: Item, dep: str, state: ItemState, files: list[Evidence], rules: TemplateRules
) -> list[Finding]:
    have = {ev.slot for ev in files}
    out: list[Finding] = []
    for i in range(1, item.instances + 1):
        missing = [s for s in item.sub_records if f"{i}/{s.key}" not in have]
        if not missing:
            continue
        inst = instance_text(item, state, i)
        out.append(
            _finding(
                "record_set_incomplete",
                rules.grade(Situation.RECORD_SET_INCOMPLETE),
                dep,
                item.key,
                f"{item.title.zh}：{inst.zh} 缺少 " + "、".join(s.title.zh for s in missing),
                f"{item.title.en}: {inst.en} lacks " + ", ".join(s.title.en for s in missing),
                str(i),
                *(s.key for s in missing),
            )
        )
    return out


def _answer_findings(
    item: Item,
    dep: str,
    state: ItemState,
    facts: Facts,
    rules: TemplateRules,
    derived: Mapping[str, Declared] | None = None,
) -> list[Finding]:
    out: list[Finding] = []
    unanswered = [q for q in item.questions if not state.answers.get(q.key, "").strip()]
    if item.kind is ItemKind.ANSWER and item.questions and len(unanswered) == len(item.questions):
        out.append(
            _finding(
                "answer_missing",
                rules.grade(Situation.NO_ANSWERS),
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
                rules.grade(Situation.SOME_ANSWERS_MISSING),
                dep,
                item.key,
                f"{item.title.zh}：{len(unanswered)} 个问题未回答："
                + "；".join(f"“{q.text.zh}”" for q in unanswered),
                f"{item.title.en}: {counted(len(unanswered), 'question')} not answered: "
                + "; ".join(f"'{q.text.en}'" for q in unanswered),
                *(q.key for q in unanswered),
            )
        )
    for q in item.questions:
        answer = state.answers.get(q.key, "").strip()
        if not q.fact or not answer:
            continue
        fact = declared(facts, q.fact, dep, derived)
        if fact is None and q.fact == "procedures":
            out.append(
                _finding(
                    "procedure_not_declared",
                    rules.grade(Situation.PROCEDURE_NOT_DECLARED),
                    dep,
                    item.key,
                    f"“{q.text.zh}”：手册未给本部门分配任何程序文件；请在事实中声明本部门的程序文件"
                    "（不能拿全公司的程序文件清单代替）",
                    f"'{q.text.en}': the manual assigns no procedure to this department; declare"
                    " its own procedures in the facts (the company's whole list is no answer)",
                    q.key,
                )
            )
        elif fact is None and q.fact in DERIVED_KEYS:
            out.append(
                _finding(
                    "fact_not_declared",
                    rules.grade(Situation.FACT_NOT_DECLARED),
                    dep,
                    item.key,
                    f"“{q.text.zh}”的答案无法核对：尚未导入奖惩记录表、奖金发放登记表和经费使用记录"
                    "三张台账；导入后按核对结果核对",
                    f"The answer to '{q.text.en}' cannot be checked: the reward record, the"
                    " payment register and the expense record are not all imported; import them"
                    " and it is compared with their reconciliation",
                    q.key,
                )
            )
        elif fact is None:
            out.append(
                _finding(
                    "fact_not_declared",
                    rules.grade(Situation.FACT_NOT_DECLARED),
                    dep,
                    item.key,
                    f"“{q.text.zh}”的答案无法核对：体系事实中的{fact_label(q.fact).zh}尚未填写",
                    f"The answer to '{q.text.en}' cannot be checked: {fact_label(q.fact).en} is"
                    " not declared in the facts",
                    q.key,
                )
            )
        elif not (verdict := _compare(answer, fact, q.fact)).passed:
            # the rehearsal's comparison, and what it finds different (which number, which phrase)
            zh_why = "".join(d.text().zh for d in verdict.differences)
            en_why = " ".join(d.text().en for d in verdict.differences)
            out.append(
                _finding(
                    "answer_contradicts_fact",
                    rules.grade(Situation.ANSWER_CONTRADICTS),
                    dep,
                    item.key,
                    f"“{q.text.zh}”回答“{answer}”与手册所述“{fact.display}”不一致：{zh_why}",
                    f"'{q.text.en}' was answered '{answer}', the manual says '{fact.display}':"
                    f" {en_why}",
                    q.key,
                )
            )
    return out


def objective_findings(
    facts: Facts, dep: str, item_key: str = OBJECTIVES_ITEM, rules: TemplateRules | None = None
) -> list[Finding]:
    """Department splits that do not add up; manual objectives missing from the objectives list."""
    grade = (rules or TemplateRules()).grade(Situation.OBJECTIVE_MISMATCH)
    out: list[Finding] = []
    for obj in facts.objectives:
        check = check_split(obj)  # rates and percentages are not split by adding up
        if check.state is SplitState.MISMATCH:
            total = check.total
            out.append(
                _finding(
                    "objective_split_mismatch",
                    grade,
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
                    grade,
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
    attached: dict[str, list[Evidence]] = defaultdict(list)
    for ev in data.evidence:
        if ev.current:
            attached[ev.item_key].append(ev)
    # the files that may be records: an empty file is none, for any check (evidence_copies)
    copies = {key: sort_copies(files) for key, files in attached.items()}
    files_by_item = {key: list(c.usable) for key, c in copies.items() if c.usable}
    findings: list[Finding] = []
    empty = ItemState("")
    rules = rules_of(data.template)
    dated_by_dep: dict[str, list[tuple[Item, list[Evidence]]]] = defaultdict(list)
    evidence_items: dict[str, list[Item]] = defaultdict(list)
    for item in data.template.items:
        dep = item_department(item, deps)
        if dep is None:
            continue
        state = data.states.get(item.key, empty)
        rule = item_rule(data.template, item)
        if state.status is Status.NOT_APPLICABLE:
            if rule.mandatory:
                findings.append(_mandatory_na_finding(item, dep, rules))
            else:
                if not state.na_reason.strip():
                    findings.append(
                        _finding(
                            "na_without_reason",
                            rules.grade(Situation.NA_WITHOUT_REASON),
                            dep,
                            item.key,
                            f"{item.title.zh}：标为不适用但未说明理由",
                            f"{item.title.en}: marked not applicable without a reason",
                        )
                    )
                continue
        files = files_by_item.get(item.key, [])
        if item.kind is not ItemKind.ANSWER:
            evidence_items[dep].append(item)
            if item.key in copies:
                findings.extend(copy_findings(item, copies[item.key], _maker(rules, dep, item.key)))
            findings.extend(_evidence_findings(item, rule, dep, files, data.info, rules))
            if item.kind is ItemKind.RECORD_SET and files:
                # a record dated after the audit does not fill its phase (timing.dated_after_audit)
                shown = [ev for ev in files if not dated_after_audit(ev, data.info)]
                findings.extend(_record_set_findings(item, dep, state, shown, rules))
            if rule.time_rule is not TimeRule.IN_FORCE:
                dated_by_dep[dep].append((item, files))
        findings.extend(_answer_findings(item, dep, state, data.facts, rules, data.derived))
    findings.extend(_chronology_findings(data, deps, files_by_item, rules, dated_by_dep))
    findings.extend(_departments_without_records(evidence_items, files_by_item, rules))
    obj_item = _objectives_item(data.template)
    if obj_item is not None:
        dep = item_department(obj_item, deps)
        if dep is not None:
            findings.extend(objective_findings(data.facts, dep, obj_item.key, rules))
    findings.extend([*prerequisite_findings(data), *people_findings(data)])  # audit cycle
    findings.extend(data.extra_findings)
    if data.accepted:
        findings = [
            replace(f, accepted=data.accepted[f.key]) if f.key in data.accepted else f
            for f in findings
        ]
    findings.sort(key=lambda f: (f.department, f.grade.rank, f.item_key))
    return findings


def _mandatory_na_finding(item: Item, dep: str, rules: TemplateRules) -> Finding:
    return _finding(
        "mandatory_not_applicable",
        rules.grade(Situation.MANDATORY_NOT_APPLICABLE),
        dep,
        item.key,
        f"{item.title.zh}：是必备要求，不能标为不适用（审核员从不豁免）；请准备记录",
        f"{item.title.en}: a mandatory requirement cannot be not applicable (auditors never"
        " waive it); prepare its records",
    )


def _chronology_findings(
    data: CheckInput,
    deps: Mapping[str, Department],
    files_by_item: Mapping[str, list[Evidence]],
    rules: TemplateRules,
    dated_by_dep: Mapping[str, list[tuple[Item, list[Evidence]]]],
) -> list[Finding]:
    """Phases in order, the sequence of items, and records that look written after the fact."""
    out: list[Finding] = []
    items = {it.key: it for it in data.template.items}
    applicable = {
        key
        for key, it in items.items()
        if item_department(it, deps) is not None
        and (
            data.states.get(key) is None
            or data.states[key].status is not Status.NOT_APPLICABLE
            or item_rule(data.template, it).mandatory
        )
    }
    for order in rules.phase_orders:
        item = items.get(order.item)
        if item is None or order.item not in applicable:
            continue
        dep = item_department(item, deps) or item.department
        state = data.states.get(item.key, ItemState(item.key))
        new = _maker(rules, dep, item.key)
        out.extend(phase_findings(item, order, state, files_by_item.get(item.key, []), new))
    for seq in rules.item_orders:
        first, then = items.get(seq.first), items.get(seq.then)
        if first is None or then is None or not {first.key, then.key} <= applicable:
            continue
        dep = item_department(then, deps) or then.department
        out.extend(sequence_findings(seq, first, then, files_by_item, _maker(rules, dep, then.key)))
    for dep, by_item in dated_by_dep.items():
        out.extend(same_day_findings(by_item, rules.same_day, partial(_maker, rules, dep)))
    return out


def _departments_without_records(
    evidence_items: Mapping[str, list[Item]],
    files_by_item: Mapping[str, list[Evidence]],
    rules: TemplateRules,
) -> list[Finding]:
    """A department that owns record items but holds no record at all: a whole process missing."""
    return [
        _finding(
            "department_without_records",
            rules.grade(Situation.DEPARTMENT_WITHOUT_RECORDS),
            dep,
            items[0].key,
            f"本部门的 {len(items)} 项记录要求一份证据都没有",
            f"The department holds no record at all for its"
            f" {counted(len(items), 'record requirement')}",
            "department",
        )
        for dep, items in evidence_items.items()
        if items and not any(files_by_item.get(it.key) for it in items)
    ]


def _objectives_item(template: Template) -> Item | None:
    """The item the objectives checks are filed under: the IP office's objectives list."""
    preferences: tuple[Callable[[Item], bool], ...] = (
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
