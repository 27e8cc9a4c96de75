"""New hires and core leavers of the audit period, and the HR records each of them needs.

Every new hire has a labour contract, a confidentiality agreement and an IP background check; every
core leaver an exit interview, a handover list and a reminder of the obligations that continue
(a departure IP or non-compete agreement). A record belongs to a person when the person's name
appears in the evidence title or file name, compared after normalisation (NFKC, case, spaces and
punctuation removed — "张 三" is 张三). A missing record is a minor finding naming the person.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ipaudit.domain.cycle import anchor, make_finding
from ipaudit.domain.model import (
    Evidence,
    Finding,
    Grade,
    ItemState,
    Person,
    PersonKind,
    Status,
    Text,
)
from ipaudit.domain.normalize import normalize_text

if TYPE_CHECKING:
    from ipaudit.domain.checks import CheckInput

RECORD_MISSING = "person_record_missing"
OUTSIDE_PERIOD = "person_outside_period"


@dataclass(frozen=True, slots=True)
class RequiredRecord:
    item_key: str  # the checklist item the record is filed under
    title: Text


REQUIRED: dict[PersonKind, tuple[RequiredRecord, ...]] = {
    PersonKind.HIRE: (
        RequiredRecord("hr.labour_contracts", Text("劳动合同", "labour contract")),
        RequiredRecord(
            "hr.confidentiality_agreements", Text("保密协议", "confidentiality agreement")
        ),
        RequiredRecord("hr.background_checks", Text("知识产权背景调查表", "IP background check")),
    ),
    PersonKind.LEAVER: (
        RequiredRecord("hr.exit_interviews", Text("离职面谈记录", "exit interview record")),
        RequiredRecord("hr.exit_handover", Text("离职资料交割清单", "handover list")),
        RequiredRecord(
            "hr.exit_agreements",
            Text("离职知识产权义务提醒（协议）", "reminder of continuing IP obligations"),
        ),
    ),
}

KIND_TEXT = {
    PersonKind.HIRE: Text("新入职员工", "new hire"),
    PersonKind.LEAVER: Text("核心离职员工", "core leaver"),
}


def name_key(name: str) -> str:
    """A name as it is compared: NFKC, case-folded, without spaces or punctuation."""
    return normalize_text(name)


def mentions(ev: Evidence, person: Person) -> bool:
    """Whether the evidence file names ``person`` in its title or file name."""
    key = name_key(person.name)
    return bool(key) and (key in name_key(ev.title) or key in name_key(ev.original_name))


def records_of(person: Person, files: Iterable[Evidence]) -> list[Evidence]:
    return [ev for ev in files if mentions(ev, person)]


def people_findings(data: CheckInput) -> list[Finding]:
    """A finding per declared person and missing record; an observation for a declared date
    outside the audit period."""
    info = data.info
    files: dict[str, list[Evidence]] = {}
    for ev in data.evidence:
        if ev.current:
            files.setdefault(ev.item_key, []).append(ev)
    empty = ItemState("")
    out: list[Finding] = []
    for person in data.facts.people:
        kind = KIND_TEXT[person.kind]
        for need in REQUIRED[person.kind]:
            if data.states.get(need.item_key, empty).status is Status.NOT_APPLICABLE:
                continue
            where = anchor(data.template, data.departments, need.item_key)
            if where is None or records_of(person, files.get(need.item_key, ())):
                continue
            out.append(
                make_finding(
                    RECORD_MISSING,
                    Grade.MINOR,
                    where[0],
                    where[1],
                    f"{kind.zh}{person.name}：缺少{need.title.zh}（证据标题或文件名须含其姓名）",
                    f"{kind.en.capitalize()} {person.name}: the {need.title.en} is missing (the"
                    " evidence title or file name must contain the name)",
                    person.name,
                    need.item_key,
                )
            )
        if person.date and not info.period_start <= person.date <= info.period_end:
            where = anchor(data.template, data.departments, REQUIRED[person.kind][0].item_key)
            if where is None:
                continue
            out.append(
                make_finding(
                    OUTSIDE_PERIOD,
                    Grade.OBSERVATION,
                    where[0],
                    where[1],
                    f"{kind.zh}{person.name} 的日期 {person.date} 不在审核期"
                    f" {info.period_start}～{info.period_end} 内；请核对名单。",
                    f"The {kind.en} {person.name} is dated {person.date}, outside the audit period"
                    f" {info.period_start} – {info.period_end}; check the list.",
                    person.name,
                )
            )
    return out


def people_in(people: Sequence[Person], kind: PersonKind | None = None) -> list[Person]:
    return [p for p in people if kind is None or p.kind is kind]


def merge_people(old: Sequence[Person], new: Iterable[Person]) -> tuple[Person, ...]:
    """``old`` with ``new`` added; a person of the same kind and name is replaced, not repeated."""
    out = {(p.kind, name_key(p.name)): p for p in old}
    for p in new:
        out[(p.kind, name_key(p.name))] = p
    return tuple(sorted(out.values(), key=lambda p: (p.kind.value, p.date or dt.date.min, p.name)))
