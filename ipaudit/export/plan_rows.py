"""The audit-day plan as the documents show it: one row per session with names instead of keys,
in the export language, shared by the docx, the xlsx and the calendar."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from ipaudit.domain.audit_plan import (
    KIND_TEXT,
    ROLE_TEXT,
    AuditPlan,
    Conflict,
    Person,
    Role,
    Session,
    escorts_of,
    person_name,
    room_name,
    session_title,
)
from ipaudit.domain.model import Text


@dataclass(frozen=True, slots=True)
class PlanInput:
    """What the plan's documents are made of, read once by the services."""

    plan: AuditPlan
    company: str
    audit_start: dt.date
    audit_end: dt.date
    departments: Mapping[str, Text]  # department key -> its name
    conflicts: Sequence[Conflict]
    as_of: dt.datetime  # the documents' fixed date (same plan → same bytes)


@dataclass(frozen=True, slots=True)
class PlanRow:
    session: Session
    title: str
    kind: str
    room: str
    department: str
    auditors: str
    escorts: str
    attendees: str
    conflict: bool


LABELS: dict[str, Text] = {
    "title": Text("审核日程安排", "Audit-day plan"),
    "company": Text("受审核方", "Organisation"),
    "dates": Text("审核日期", "Audit dates"),
    "day": Text("日期", "Date"),
    "time": Text("时间", "Time"),
    "start": Text("开始", "Start"),
    "end": Text("结束", "End"),
    "room": Text("会议室", "Room"),
    "session": Text("日程", "Session"),
    "kind": Text("类型", "Kind"),
    "department": Text("受访部门", "Department"),
    "dep": Text("部门", "Department"),
    "auditors": Text("审核员", "Auditors"),
    "escorts": Text("陪审人员", "Escorts"),
    "attendees": Text("须出席人员", "Must attend"),
    "conflict": Text("冲突", "Conflict"),
    "people": Text("人员与分工", "People and roles"),
    "name": Text("姓名", "Name"),
    "role": Text("角色", "Role"),
    "escort_of": Text("陪同审核员", "Escorts auditor"),
    "conflicts": Text("日程冲突", "Conflicts in the plan"),
    "no_conflicts": Text("日程无冲突。", "The plan has no conflicts."),
    "everywhere": Text("全体 / 现场", "All / on site"),
    "schedule": Text("日程表", "Schedule"),
    "sessions_sheet": Text("审核日程", "Sessions"),
    "people_sheet": Text("人员", "People"),
    "conflicts_sheet": Text("冲突", "Conflicts"),
    "yes": Text("是", "yes"),
    "none": Text("（未安排）", "(none)"),
    "file": Text("审核日程安排", "Audit-day plan"),
    "calendar": Text("审核日程", "Audit day"),
    "generated": Text("生成时间", "Generated"),
}


def label(key: str, lang: str) -> str:
    return LABELS[key].get(lang)


class Names:
    """Names of the plan's people, rooms and departments in one language."""

    def __init__(self, inp: PlanInput, lang: str, clean: Callable[[str], str] = str) -> None:
        self.inp = inp
        self.lang = lang
        self.clean = clean
        self.deps = {k: v.get(lang) for k, v in inp.departments.items()}

    def person(self, key: str) -> str:
        return self.clean(person_name(self.inp.plan.setup.person(key), self.lang, self.deps, key))

    def people(self, keys: Sequence[str]) -> str:
        return (
            "、".join(self.person(k) for k in keys)
            if not self.lang.startswith("en")
            else ", ".join(self.person(k) for k in keys)
        )

    def room(self, key: str) -> str:
        if not key:
            return ""
        return self.clean(room_name(self.inp.plan.setup.room(key), self.lang, key))

    def session(self, s: Session) -> str:
        return self.clean(session_title(s, self.lang, self.deps))

    def role(self, p: Person) -> str:
        return ROLE_TEXT[p.role].get(self.lang)

    def department(self, key: str) -> str:
        return self.deps.get(key, key) if key else ""


def plan_rows(inp: PlanInput, lang: str, clean: Callable[[str], str] = str) -> list[PlanRow]:
    names = Names(inp, lang, clean)
    bad = {key for c in inp.conflicts for key in c.sessions}
    return [
        PlanRow(
            session=s,
            title=names.session(s),
            kind=KIND_TEXT[s.kind].get(lang),
            room=names.room(s.room),
            department=names.department(s.department),
            auditors=names.people(s.auditors),
            escorts=names.people(escorts_of(inp.plan, s)),
            attendees=names.people(s.attendees),
            conflict=s.key in bad,
        )
        for s in inp.plan.ordered()
    ]


def people_rows(inp: PlanInput, lang: str, clean: Callable[[str], str] = str) -> list[list[str]]:
    """Name, role, department, and the auditor an escort follows."""
    names = Names(inp, lang, clean)
    follows = {e: a for a, e in inp.plan.setup.escorts.items()}
    order = list(Role)
    people = sorted(inp.plan.setup.people, key=lambda p: (order.index(p.role), p.key))
    return [
        [
            names.person(p.key),
            names.role(p),
            names.department(p.department),
            names.person(follows[p.key]) if p.key in follows else "",
        ]
        for p in people
    ]


def time_span(s: Session) -> str:
    return f"{s.start:%H:%M}–{s.end:%H:%M}"


def day_label(day: dt.date, lang: str) -> str:
    weekday = "一二三四五六日"[day.weekday()]
    if lang.startswith("en"):
        return day.strftime("%A %d %B %Y")
    return f"{day.year}年{day.month}月{day.day}日（星期{weekday}）"
