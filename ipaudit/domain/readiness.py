"""Readiness per department and overall, computed from items and findings — never typed in.

"Ready" has one meaning everywhere (:func:`effective_status`): an item marked ready that still
has an unaccepted blocking finding (major or minor) is shown and counted as in progress — in the
tree, group counts, tooltips, readiness, report, workbook and interview sheets alike. A mandatory
item marked not applicable counts as not started (a major finding says why).

An item scores by its status (ready 1, in progress ½, not started 0) capped by its worst blocking
finding (major 0, minor ½). Accepted findings and observations do not lower the score. Readiness is the
mean score of the applicable items, as a percentage.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from ipaudit.domain.checks import findings_by_item, item_department
from ipaudit.domain.model import Department, Finding, Grade, ItemState, Readiness, Status, Template
from ipaudit.domain.rules import is_mandatory

_STATUS_SCORE = {
    Status.READY: 1.0,
    Status.IN_PROGRESS: 0.5,
    Status.NEEDS_REFRESH: 0.5,  # worked on last cycle; its findings say what the new period lacks
    Status.NOT_STARTED: 0.0,
}
_GRADE_CAP = {Grade.MAJOR: 0.0, Grade.MINOR: 0.5, Grade.OBSERVATION: 1.0}


def effective_status(
    state: ItemState | None, findings: Iterable[Finding], *, mandatory: bool = False
) -> Status:
    """The status to show and count: ready only when no unaccepted blocking finding is left."""
    status = state.status if state else Status.NOT_STARTED
    if status is Status.NOT_APPLICABLE and mandatory:
        return Status.NOT_STARTED
    if status is Status.READY and any(f.blocking for f in findings):
        return Status.IN_PROGRESS
    return status


def is_ready(state: ItemState | None, findings: Iterable[Finding]) -> bool:
    return effective_status(state, findings) is Status.READY


def item_score(
    state: ItemState | None, findings: Iterable[Finding], *, mandatory: bool = False
) -> float:
    findings = list(findings)
    score = _STATUS_SCORE.get(effective_status(state, findings, mandatory=mandatory), 0.0)
    for f in findings:
        if f.accepted is None:
            score = min(score, _GRADE_CAP[f.grade])
    return score


def compute_readiness(
    template: Template,
    departments: Sequence[Department],
    states: Mapping[str, ItemState],
    findings: Sequence[Finding],
) -> tuple[Readiness, dict[str, Readiness]]:
    """(overall, per department key) for the departments that are present and not merged."""
    deps = {d.key: d for d in departments}
    by_item = findings_by_item(findings)
    scores: dict[str, list[float]] = defaultdict(list)
    ready: Counter[str] = Counter()
    for item in template.items:
        dep_key = item_department(item, deps)
        if dep_key is None:
            continue
        state = states.get(item.key)
        mandatory = is_mandatory(template, item)
        if state is not None and state.status is Status.NOT_APPLICABLE and not mandatory:
            continue
        score = item_score(state, by_item.get(item.key, ()), mandatory=mandatory)
        scores[dep_key].append(score)
        if score >= 1.0:
            ready[dep_key] += 1
    per_dep: dict[str, Readiness] = {}
    for dep in departments:
        if dep.absent or dep.merged_into:
            continue
        dep_findings = [f for f in findings if f.department == dep.key]
        per_dep[dep.key] = _readiness(
            dep.key, scores.get(dep.key, []), ready[dep.key], dep_findings
        )
    all_scores = [s for values in scores.values() for s in values]
    overall = _readiness("", all_scores, sum(ready.values()), list(findings))
    return overall, per_dep


def _readiness(key: str, scores: list[float], ready: int, findings: list[Finding]) -> Readiness:
    by_grade = Counter(f.grade for f in findings if f.accepted is None)
    percent = round(100.0 * sum(scores) / len(scores), 1) if scores else 100.0
    return Readiness(
        department=key,
        percent=percent,
        items=len(scores),
        ready_items=ready,
        blocking=sum(1 for f in findings if f.blocking),
        by_grade={g: by_grade.get(g, 0) for g in Grade},
    )
