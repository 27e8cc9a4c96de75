"""The verdict of a pack: ready, ready with conditions or not ready for the audit, and what must be
fixed, by whom and by when.

The rule, kept simple on purpose (README, "The verdict"):

- **not ready** when an unaccepted major finding remains, or when blocking findings remain and the
  deadline to fix them (the audit's first day minus the margin) has already passed on the day the
  data is from;
- **ready with conditions** when the only blocking findings left are minor ones;
- **ready** when no blocking finding is left (observations do not count).

"Blocking" is :attr:`Finding.blocking` (major or minor, not accepted), the same meaning the
readiness figures use. Everything here is computed from :class:`PackData` alone; the report, the
workbook and the interview sheets all call it, so they never disagree.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ipaudit.domain.model import Finding, Grade

if TYPE_CHECKING:
    from ipaudit.export.data import PackData


class Verdict(enum.Enum):
    READY = "ready"
    CONDITIONS = "conditions"  # ready with conditions: only minor findings block
    NOT_READY = "not_ready"


@dataclass(frozen=True, slots=True)
class MustFix:
    """One blocking finding as the must-fix list prints it."""

    finding: Finding
    item_title: str


@dataclass(frozen=True, slots=True)
class DepartmentFixes:
    department: str  # workspace department key
    fixes: tuple[MustFix, ...]


@dataclass(frozen=True, slots=True)
class Trend:
    """The figures of the previous export that differed from this one."""

    exported_at: dt.datetime
    blocking: int
    percent: float
    verdict: Verdict | None


@dataclass(frozen=True, slots=True)
class Assessment:
    verdict: Verdict
    audit_start: dt.date
    deadline: dt.date  # the audit's first day minus the margin
    overdue: bool  # blocking findings remain and the deadline is before the data's date
    blocking: int
    major: int
    minor: int
    must_fix: tuple[DepartmentFixes, ...]  # departments in pack order, majors first in each

    def figures(self, percent: float) -> dict[str, Any]:
        """What the export history records, for the next export's trend."""
        return {"verdict": self.verdict.value, "blocking": self.blocking, "readiness": percent}


def decide(major: int, minor: int, overdue: bool) -> Verdict:
    """The rule itself: any major → not ready; blocking past the deadline → not ready; only
    minor → with conditions; none → ready."""
    if major or (overdue and (major + minor)):
        return Verdict.NOT_READY
    return Verdict.CONDITIONS if minor else Verdict.READY


def assess(data: PackData) -> Assessment:
    """The verdict and the must-fix list of ``data``."""
    blocking = [f for f in data.findings if f.blocking]
    major = sum(1 for f in blocking if f.grade is Grade.MAJOR)
    minor = len(blocking) - major
    start = data.info.audit_start
    deadline = start - dt.timedelta(days=max(0, data.options.margin_days))
    overdue = bool(blocking) and deadline < data.as_of.date()
    titles = {it.key: it.title.get(data.lang) for it in data.template.items}
    order = {d.key: n for n, d in enumerate(data.departments)}
    grade_order = {Grade.MAJOR: 0, Grade.MINOR: 1, Grade.OBSERVATION: 2}
    by_dep: dict[str, list[Finding]] = {}
    for f in blocking:
        by_dep.setdefault(f.department, []).append(f)
    groups = tuple(
        DepartmentFixes(
            dep,
            tuple(
                MustFix(f, titles.get(f.item_key, ""))
                for f in sorted(fs, key=lambda f: grade_order[f.grade])
            ),
        )
        for dep, fs in sorted(by_dep.items(), key=lambda kv: (order.get(kv[0], 10**6), kv[0]))
    )
    return Assessment(
        verdict=decide(major, minor, overdue),
        audit_start=start,
        deadline=deadline,
        overdue=overdue,
        blocking=len(blocking),
        major=major,
        minor=minor,
        must_fix=groups,
    )


def worst_open(findings: list[Finding]) -> Grade | None:
    """The worst unaccepted finding's grade, or None."""
    grades = {f.grade for f in findings if f.accepted is None}
    for g in (Grade.MAJOR, Grade.MINOR, Grade.OBSERVATION):
        if g in grades:
            return g
    return None


def trend_from(records: list[Any], current: dict[str, Any]) -> Trend | None:
    """The newest earlier export (``records`` newest first, as the export history gives them)
    whose recorded figures differ from ``current``; None when there is none. Exporting the same
    state again finds the same earlier export, so the pack stays the same bytes."""
    for r in records:
        figures = r.options.get("figures") if isinstance(r.options, dict) else None
        if not isinstance(figures, dict) or "blocking" not in figures:
            continue
        if all(figures.get(k) == v for k, v in current.items()):
            continue
        try:
            verdict = Verdict(figures.get("verdict"))
        except ValueError:
            verdict = None
        try:
            return Trend(
                r.exported_at, int(figures["blocking"]), float(figures["readiness"]), verdict
            )
        except (TypeError, ValueError, KeyError):
            continue
    return None
