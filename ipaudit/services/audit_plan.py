"""The audit-day plan of a workspace: generate it, edit its sessions, people and rooms, list its
conflicts (also findings). Used by the CLI and the GUI alike.

The plan is stored as records of kind ``plan``: one ``setup`` record (people, rooms, escorts) and
one ``session:<key>`` record per session, so two people editing different sessions never get in
each other's way; an edit based on a version someone else has replaced meanwhile is an
EditConflict naming who and when.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ipaudit.domain.audit_plan import (
    AuditPlan,
    Conflict,
    ConflictKind,
    Person,
    Role,
    Room,
    Session,
    SessionKind,
    Setup,
    default_plan,
    escorts_of,
    find_conflicts,
    new_person_key,
    new_room_key,
    new_session_key,
    person_name,
    room_name,
    session_from_json,
    session_json,
    session_title,
    setup_from_json,
    setup_json,
    without_person,
)
from ipaudit.domain.cycle import anchor, make_finding
from ipaudit.domain.model import Finding, Grade, Text
from ipaudit.services.departments import department_key
from ipaudit.services.manager_rights import require_manager
from ipaudit.store.errors import InvalidInput
from ipaudit.text import counted

if TYPE_CHECKING:
    from ipaudit.export.calendar_ics import Event
    from ipaudit.export.plan_rows import PlanInput
    from ipaudit.export.source import ExtraDocument
    from ipaudit.services import Workspace

KIND = "plan"
SETUP = "setup"
SESSION_PREFIX = "session:"
# the checklist item plan conflicts are filed under (the opening meeting and tour), and a
# fallback for a company's own checklist without it
ANCHOR_ITEMS = ("mgmt.site_tour", "mgmt.interview")
FINDING_CODE = "plan_conflict"
KEY_PATTERN = re.compile(r"^[a-z0-9_]{1,40}$")


@dataclass(frozen=True, slots=True)
class StoredPlan:
    """The plan with the version of each of its records (for edits based on what was read)."""

    plan: AuditPlan
    versions: dict[str, int]

    def setup_version(self) -> int:
        return self.versions.get(SETUP, 0)

    def session_version(self, key: str) -> int:
        return self.versions.get(SESSION_PREFIX + key, 0)


def load(ws: Workspace) -> StoredPlan | None:
    """The stored plan, or None when none was made yet."""
    records = ws.records.all(KIND)
    setup = next((r for r in records if r.key == SETUP), None)
    if setup is None:
        return None
    sessions = tuple(
        session_from_json(r.value) for r in records if r.key.startswith(SESSION_PREFIX)
    )
    versions = {r.key: r.version for r in records}
    return StoredPlan(AuditPlan(setup_from_json(setup.value), sessions), versions)


def plan_of(ws: Workspace) -> AuditPlan | None:
    stored = load(ws)
    return None if stored is None else stored.plan


def need_plan(ws: Workspace) -> StoredPlan:
    stored = load(ws)
    if stored is None:
        raise InvalidInput(
            "还没有审核日程。请先生成（plan-generate 或“生成默认日程”）。",
            "There is no audit-day plan yet. Generate one first (plan-generate, or"
            " 'Generate default plan').",
        )
    return stored


def department_texts(ws: Workspace) -> dict[str, Text]:
    return {d.key: d.name for d in ws.departments()}


def generate(ws: Workspace, *, rooms: int = 2, replace_existing: bool = False) -> AuditPlan:
    """Make the default plan from the audit dates and the departments; an existing plan is
    replaced only when asked, keeping its people (auditors, escorts, names), rooms and escort
    assignments (``rooms`` then only adds placeholders when it has none)."""
    if not 1 <= rooms <= 6:
        raise InvalidInput(
            f"会议室数量 {rooms} 无效（1～6）。",
            f"{counted(rooms, 'room')} is not possible (1 to 6).",
        )
    if load(ws) is not None and not replace_existing:
        raise InvalidInput(
            "已有审核日程；要重新生成（覆盖现有日程）请确认替换。",
            "There is an audit-day plan already; confirm replacing it to generate a new one.",
        )
    info = ws.info()
    previous = plan_of(ws)
    # made again: the auditors, escorts, rooms and names already written are kept
    kept = previous.setup if previous is not None else None
    plan = default_plan(ws.departments(), info.audit_start, info.audit_end, rooms, kept)
    named = name_people(plan.setup, known_names(ws, previous))
    plan = replace(plan, setup=named)
    put_plan(ws, plan)
    return plan


# --- who is who: the names the workspace knows ------------------------------------------------

#: what a department's head is called before or after the name ("研发部负责人王强", "王强（研发部经理）")
HEAD_WORDS = ("负责人", "经理", "部长", "主管", "主任", "总监")
#: what may follow a name in running text ("周建国批准")
_AFTER_NAME = r"(?=[（(，,、；;。：:\s]|$|负责|统筹|审核|审批|批准|签|主持|组织|牵头|分管)"


def _name_patterns(role_words: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A name right after one of ``role_words`` (a regex alternation), and a name followed by
    the role in brackets."""
    from ipaudit.domain.comparison import SURNAMES

    name = rf"[{SURNAMES}][\u4e00-\u9fff]{{1,2}}"
    return (
        re.compile(rf"(?:{role_words})(?:为|是|：|:)?({name}?){_AFTER_NAME}"),
        re.compile(rf"({name})[（(](?:{role_words})[）)]"),
    )


def _first_name(patterns: tuple[re.Pattern[str], ...], texts: list[str]) -> str:
    for text in texts:
        found = [(m.start(1), m.group(1)) for p in patterns for m in p.finditer(text)]
        if found:
            return min(found)[1]
    return ""


def known_names(ws: Workspace, previous: AuditPlan | None = None) -> dict[tuple[Role, str], str]:
    """The names the workspace knows for the people a plan needs, by (role, department): the
    general manager and the management representative (department ""), each department's head.

    In order of trust: the names written on ``previous`` (the plan a new one replaces); who
    rehearsed the interview for a department (the most answers); what the declared facts and the
    prepared answers say ("总经理周建国批准", "林婉清（管理者代表）", "研发部负责人王强", a duty text
    "部门负责人王强")."""
    from ipaudit.services import rehearsal

    known: dict[tuple[Role, str], str] = {}
    if previous is not None:
        for p in previous.setup.people:
            if p.name and p.role in (Role.TOP, Role.MANAGER, Role.HEAD):
                known.setdefault((p.role, p.department if p.role is Role.HEAD else ""), p.name)

    rehearsed: dict[str, tuple[int, str]] = {}
    for rec in ws.records.all(rehearsal.KIND):
        person = str(rec.value.get("person", "")).strip()
        answers = len(rec.value.get("attempts", []))
        if person and rec.department and answers > rehearsed.get(rec.department, (0, ""))[0]:
            rehearsed[rec.department] = (answers, person)
    for dep, (_n, person) in rehearsed.items():
        if dep != "management":  # the general manager and the representative both answer there
            known.setdefault((Role.HEAD, dep), person)

    facts = ws.facts()
    texts = [*facts.duties.values(), *facts.extra.values()]
    texts += [a for state in ws.states().values() for a in state.answers.values() if a]
    texts = [" ".join(t.split()) for t in texts]
    for role, words in ((Role.TOP, "总经理|董事长"), (Role.MANAGER, "管理者代表|管代")):
        name = _first_name(_name_patterns(words), texts)
        if name:
            known.setdefault((role, ""), name)
    heads = "|".join(HEAD_WORDS)
    for d in ws.departments(active_only=True):
        if d.key == "management" or (Role.HEAD, d.key) in known:
            continue
        own = " ".join(facts.duties.get(d.key, "").split())
        spelled = "|".join(re.escape(n) for n in dict.fromkeys((d.name.zh, d.name.en)) if n)
        name = _first_name(_name_patterns(rf"(?:{spelled})(?:{heads})"), texts) or (
            _first_name(_name_patterns(rf"部门(?:{heads})|{heads}"), [own]) if own else ""
        )
        if name:
            known[(Role.HEAD, d.key)] = name
    return known


def name_people(setup: Setup, known: dict[tuple[Role, str], str]) -> Setup:
    """``setup`` with each unnamed manager, general manager and head named as ``known`` says
    (the others keep their placeholder: the plan's conflicts say no interviewee is named)."""
    people = []
    for p in setup.people:
        key = (p.role, p.department if p.role is Role.HEAD else "")
        people.append(replace(p, name=known.get(key, "")) if not p.name else p)
    return replace(setup, people=tuple(people))


def put_plan(ws: Workspace, plan: AuditPlan) -> None:
    """Store ``plan`` whole, replacing the stored one (generate, undo of a generate)."""
    require_manager(ws, "the audit plan", "审核计划")
    from ipaudit.store.records_store import Record

    records = [Record(KIND, SETUP, setup_json(plan.setup))]
    records += [
        Record(KIND, SESSION_PREFIX + s.key, session_json(s), s.department) for s in plan.sessions
    ]
    ws.records.replace_kind(KIND, records)
    ws.changed()


def clear(ws: Workspace) -> None:
    require_manager(ws, "the audit plan", "审核计划")
    ws.records.replace_kind(KIND, [])
    ws.changed()


# --- sessions -------------------------------------------------------------------------------------


def check_session(plan: AuditPlan, s: Session) -> None:
    """Refuse a session that refers to what the plan does not have (bad input, not a conflict)."""
    if not KEY_PATTERN.match(s.key):
        raise InvalidInput(
            f"日程键“{s.key}”无效（小写字母、数字、下划线）。",
            f"The session key '{s.key}' is not valid (lower-case letters, digits, _).",
        )
    for key in (*s.auditors, *s.attendees):
        if plan.setup.person(key) is None:
            raise InvalidInput(
                f"日程中没有人员“{key}”。请先添加此人。",
                f"There is no person '{key}' on the plan. Add the person first.",
            )
    for key in s.auditors:
        person = plan.setup.person(key)
        if person is not None and person.role is not Role.AUDITOR:
            raise InvalidInput(f"“{key}”不是审核员。", f"'{key}' is not an auditor on the plan.")
    if s.room and plan.setup.room(s.room) is None:
        raise InvalidInput(
            f"日程中没有会议室“{s.room}”。", f"There is no room '{s.room}' on the plan."
        )


def _check_department(ws: Workspace, plan: AuditPlan, s: Session) -> Session:
    """``s`` with its department given by key (a name, or a merged department, leads to the
    department's key now); bad input naming the choices when the workspace has no such
    department. One already on the session is kept, so a session of a department merged away
    since can still be edited or moved."""
    if not s.department:
        return s
    old = plan.session(s.key)
    if old is not None and old.department == s.department:
        return s
    return replace(s, department=department_key(ws, s.department, absent=True))


def save_session(ws: Workspace, session: Session, *, base_version: int | None = None) -> int:
    """Store ``session`` (new or changed); returns its new version. ``base_version``: the
    version the edit started from (0 for a new session)."""
    require_manager(ws, "the audit plan", "审核计划")
    stored = need_plan(ws)
    check_session(stored.plan, session)
    session = _check_department(ws, stored.plan, session)
    rec = ws.records.put(
        KIND,
        SESSION_PREFIX + session.key,
        session_json(session),
        department=session.department,
        base_version=base_version,
        what=_what(session.key),
    )
    ws.changed()
    return rec.version


def add_session(ws: Workspace, session: Session) -> Session:
    """Add ``session`` under a new key when its key is empty or taken."""
    stored = need_plan(ws)
    if not session.key or stored.plan.session(session.key) is not None:
        session = replace(session, key=new_session_key(stored.plan, session.kind))
    save_session(ws, session, base_version=0)
    return session


def edit_session(ws: Workspace, key: str, change: Callable[[Session], Session]) -> Session:
    """Read the session, apply ``change`` and store the result based on what was read."""
    stored = need_plan(ws)
    current = _session(stored, key)
    new = replace(change(current), key=key)
    save_session(ws, new, base_version=stored.session_version(key))
    return new


def remove_session(ws: Workspace, key: str, *, base_version: int | None = None) -> Session:
    require_manager(ws, "the audit plan", "审核计划")
    stored = need_plan(ws)
    current = _session(stored, key)
    ws.records.delete(KIND, SESSION_PREFIX + key, base_version=base_version)
    ws.changed()
    return current


def _session(stored: StoredPlan, key: str) -> Session:
    s = stored.plan.session(key)
    if s is None:
        keys = ", ".join(x.key for x in stored.plan.ordered())
        raise InvalidInput(
            f"日程中没有“{key}”。现有：{keys}", f"There is no session '{key}'. Sessions: {keys}"
        )
    return s


def _what(key: str) -> str:
    return f"审核日程 / audit plan: {key}"


# --- people, rooms, escorts --------------------------------------------------------------------


def edit_setup(ws: Workspace, change: Callable[[Setup], Setup]) -> Setup:
    """Read the setup, apply ``change`` and store it based on what was read."""
    stored = need_plan(ws)
    new = change(stored.plan.setup)
    save_setup(ws, new, base_version=stored.setup_version())
    return new


def save_setup(ws: Workspace, setup: Setup, *, base_version: int | None = None) -> int:
    require_manager(ws, "the audit plan", "审核计划")
    keys = [p.key for p in setup.people] + [r.key for r in setup.rooms]
    for key in keys:
        if not KEY_PATTERN.match(key):
            raise InvalidInput(
                f"键“{key}”无效（小写字母、数字、下划线）。",
                f"The key '{key}' is not valid (lower-case letters, digits, _).",
            )
    if len(set(keys)) != len(keys):
        raise InvalidInput("人员或会议室的键重复。", "A person or room key is used twice.")
    rec = ws.records.put(
        KIND, SETUP, setup_json(setup), base_version=base_version, what=_what(SETUP)
    )
    ws.changed()
    return rec.version


def _new_key(key: str, setup: Setup, what: Text) -> str:
    """``key`` as the user gave it for a new person or room: valid as every key of the plan
    (``KEY_PATTERN``) and not taken by a person or a room; bad input saying so otherwise."""
    key = key.strip()
    if not KEY_PATTERN.match(key):
        raise InvalidInput(
            f"{what.zh}的键“{key}”无效（小写字母、数字、下划线，最多 40 个）。",
            f"The {what.en} key '{key}' is not valid (lower-case letters, digits, _; 40 at most).",
        )
    if setup.person(key) is not None or setup.room(key) is not None:
        raise InvalidInput(
            f"日程中已有键“{key}”（人员或会议室）；请换一个键。",
            f"The plan has a person or room '{key}' already; choose another key.",
        )
    return key


def add_person(
    ws: Workspace, role: Role, name: str = "", department: str = "", key: str = ""
) -> Person:
    """A new person on the plan, under ``key`` when given (validated), else a new key."""
    person_holder: list[Person] = []

    def add(setup: Setup) -> Setup:
        new = _new_key(key, setup, Text("人员", "person")) if key else new_person_key(setup, role)
        person = Person(new, role, name.strip(), department)
        person_holder.append(person)
        return replace(setup, people=(*setup.people, person))

    edit_setup(ws, add)
    return person_holder[0]


def rename_person(ws: Workspace, key: str, name: str) -> Person:
    def rename(setup: Setup) -> Setup:
        if setup.person(key) is None:
            raise _no_person(key)
        return replace(
            setup,
            people=tuple(
                replace(p, name=name.strip()) if p.key == key else p for p in setup.people
            ),
        )

    return edit_setup(ws, rename).person(key) or Person(key, Role.STAFF)


def remove_person(ws: Workspace, key: str) -> None:
    """Remove a person from the plan: off every session and every escort assignment."""
    stored = need_plan(ws)
    if stored.plan.setup.person(key) is None:
        raise _no_person(key)
    new = without_person(stored.plan, key)
    for old, s in zip(stored.plan.sessions, new.sessions, strict=True):
        if s != old:
            save_session(ws, s, base_version=stored.session_version(s.key))
    save_setup(ws, new.setup, base_version=stored.setup_version())


def set_escort(ws: Workspace, auditor: str, escort: str) -> None:
    """``escort`` (empty: none) follows ``auditor``."""

    def assign(setup: Setup) -> Setup:
        a = setup.person(auditor)
        if a is None or a.role is not Role.AUDITOR:
            raise InvalidInput(f"“{auditor}”不是审核员。", f"'{auditor}' is not an auditor.")
        e = setup.person(escort) if escort else None
        if escort and (e is None or e.role is not Role.ESCORT):
            raise InvalidInput(f"“{escort}”不是陪审人员。", f"'{escort}' is not an escort.")
        escorts = dict(setup.escorts)
        if escort:
            escorts[auditor] = escort
        else:
            escorts.pop(auditor, None)
        return replace(setup, escorts=escorts)

    edit_setup(ws, assign)


def add_room(ws: Workspace, name: str = "", key: str = "") -> Room:
    """A new room, under ``key`` when given (validated), else a new key."""
    holder: list[Room] = []

    def add(setup: Setup) -> Setup:
        new = _new_key(key, setup, Text("会议室", "room")) if key else new_room_key(setup)
        room = Room(new, name.strip())
        holder.append(room)
        return replace(setup, rooms=(*setup.rooms, room))

    edit_setup(ws, add)
    return holder[0]


def rename_room(ws: Workspace, key: str, name: str) -> None:
    def rename(setup: Setup) -> Setup:
        if setup.room(key) is None:
            raise InvalidInput(f"没有会议室“{key}”。", f"There is no room '{key}'.")
        rooms = tuple(replace(r, name=name.strip()) if r.key == key else r for r in setup.rooms)
        return replace(setup, rooms=rooms)

    edit_setup(ws, rename)


def remove_room(ws: Workspace, key: str) -> None:
    """Remove a room; its sessions keep their times and show a no-room conflict."""
    stored = need_plan(ws)
    if stored.plan.setup.room(key) is None:
        raise InvalidInput(f"没有会议室“{key}”。", f"There is no room '{key}'.")
    for s in stored.plan.sessions:
        if s.room == key:
            save_session(ws, replace(s, room=""), base_version=stored.session_version(s.key))
    setup = stored.plan.setup
    save_setup(
        ws,
        replace(setup, rooms=tuple(r for r in setup.rooms if r.key != key)),
        base_version=stored.setup_version(),
    )


def _no_person(key: str) -> InvalidInput:
    return InvalidInput(f"日程中没有人员“{key}”。", f"There is no person '{key}' on the plan.")


# --- conflicts ------------------------------------------------------------------------------------


def conflicts(ws: Workspace, plan: AuditPlan | None = None) -> list[Conflict]:
    """The plan's conflicts (see ``domain.audit_plan.find_conflicts``), then every interview
    whose interviewees have no name yet."""
    plan = plan if plan is not None else plan_of(ws)
    if plan is None:
        return []
    info = ws.info()
    deps = department_texts(ws)
    return find_conflicts(plan, info.audit_start, info.audit_end, deps) + unnamed_interviewees(
        plan, deps
    )


def unnamed_interviewees(plan: AuditPlan, departments: dict[str, Text]) -> list[Conflict]:
    """An interview where nobody who answers is named: only a placeholder ("研发部负责人")
    stands there, so nobody knows they are expected."""
    zh = {k: v.zh for k, v in departments.items()}
    en = {k: v.en for k, v in departments.items()}
    out = []
    for s in plan.ordered():
        if s.kind is not SessionKind.INTERVIEW:
            continue
        people = [plan.setup.person(k) for k in s.attendees]
        if any(p is not None and p.name.strip() for p in people):
            continue
        room = plan.setup.room(s.room)
        when = f"{s.day.isoformat()} {s.start:%H:%M}–{s.end:%H:%M}"
        where_zh = f"{when}，{room_name(room, 'zh', s.room)}" if s.room else when
        where_en = f"{when}, {room_name(room, 'en', s.room)}" if s.room else when
        if people:  # the placeholders standing there: "研发部负责人", "总经理"
            pairs = list(zip(people, s.attendees, strict=True))
            who_zh = "、".join(f"“{person_name(p, 'zh', zh, k)}”" for p, k in pairs)
            who_en = ", ".join(f"'{person_name(p, 'en', en, k)}'" for p, k in pairs)
            fix = Text(  # (the plan is the compliance manager's: a department head reads it too)
                f"请体系专员在“人员”中写上{who_zh}的姓名。",
                f"the compliance manager writes a name for {who_en} under People.",
            )
        else:
            fix = Text(
                "请体系专员给这场访谈加上受访人。",
                "the compliance manager adds who answers to the session.",
            )
        out.append(
            Conflict(
                ConflictKind.NO_INTERVIEWEE,
                (s.key,),
                s.department,
                Text(
                    f"“{session_title(s, 'zh', zh)}”（{where_zh}）没有指定受访人：{fix.zh}",
                    f"'{session_title(s, 'en', en)}' ({where_en}) has no interviewee named:"
                    f" {fix.en}",
                ),
            )
        )
    return out


# --- a department's part ---------------------------------------------------------------------------


def of_department(plan: AuditPlan, department: str) -> AuditPlan:
    """The part of ``plan`` a department sees: its interviews and the sessions its people must
    attend, each with the department's own people among those attending (the opening meeting
    lists its head, not every head), the auditors and escorts present, and the rooms.
    Management's people are the general manager and the representative."""
    own = {
        p.key
        for p in plan.setup.people
        if (p.role is Role.HEAD and p.department == department)
        or (department == "management" and p.role in (Role.TOP, Role.MANAGER))
    }
    sessions = tuple(
        replace(s, attendees=tuple(k for k in s.attendees if k in own))
        for s in plan.sessions
        if s.department == department or own & set(s.attendees)
    )
    present = set(own)
    for s in sessions:
        present |= {*s.auditors, *escorts_of(plan, s)}
    rooms = {s.room for s in sessions}
    setup = plan.setup
    part = replace(
        setup,
        people=tuple(p for p in setup.people if p.key in present),
        rooms=tuple(r for r in setup.rooms if r.key in rooms),
        escorts={a: e for a, e in setup.escorts.items() if a in present},
    )
    return AuditPlan(part, sessions)


def department_plan(
    ws: Workspace, department: str | None = None
) -> tuple[AuditPlan | None, list[Conflict]]:
    """The plan and its conflicts as a view shows them: whole, or ``department``'s part
    (``of_department``) with the conflicts that touch it (found on the whole plan)."""
    plan = plan_of(ws)
    if plan is None:
        return None, []
    return _part(plan, conflicts(ws, plan), department)


def _part(
    plan: AuditPlan, found: list[Conflict], department: str | None
) -> tuple[AuditPlan, list[Conflict]]:
    """``plan`` and its conflicts ``found``, whole or ``department``'s part (``department_plan``)."""
    if not department:
        return plan, found
    part = of_department(plan, department)
    keys = {s.key for s in part.sessions}
    people = {p.key for p in part.setup.people}
    # about someone or some department not in the part: another's conflict, even in a shared
    # session (another head due in two places during the opening meeting)
    others = ({p.key for p in plan.setup.people} - people) | (
        {s.department for s in plan.sessions} - {department}
    )

    def touches(c: Conflict) -> bool:
        if c.subject in others:
            return False
        return bool(keys & set(c.sessions)) if c.sessions else c.subject in people

    return part, [c for c in found if touches(c)]


def findings(ws: Workspace) -> list[Finding]:
    """A minor finding per plan conflict (none without a plan), filed under the opening
    meeting and tour item."""
    found = conflicts(ws)
    if not found:
        return []
    where = None
    for item in ANCHOR_ITEMS:
        where = anchor(ws.template, ws.departments(), item)
        if where is not None:
            break
    if where is None:
        return []
    return [
        make_finding(
            FINDING_CODE,
            Grade.MINOR,
            where[0],
            where[1],
            "审核日程冲突：" + c.message.zh,
            "Audit-day plan conflict: " + c.message.en,
            c.key,
        )
        for c in found
    ]


# --- parsing (CLI and GUI input) ---------------------------------------------------------------


def parse_time(text: str) -> dt.time:
    value = text.strip().replace("：", ":")
    m = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?", value)
    if m is None or int(m.group(1)) > 23 or int(m.group(2) or 0) > 59:
        raise InvalidInput(
            f"“{text}”不是时间（如 09:30）。", f"'{text}' is not a time (write it like 09:30)."
        )
    return dt.time(int(m.group(1)), int(m.group(2) or 0))


def parse_kind(text: str) -> SessionKind:
    from ipaudit.domain.audit_plan import KIND_TEXT

    value = text.strip().lower()
    for kind, label in KIND_TEXT.items():
        if value in (kind.value, label.zh, label.en.lower()):
            return kind
    names = ", ".join(k.value for k in SessionKind)
    raise InvalidInput(
        f"“{text}”不是日程类型（{names}）。", f"'{text}' is not a kind of session ({names})."
    )


def parse_role(text: str) -> Role:
    from ipaudit.domain.audit_plan import ROLE_TEXT

    value = text.strip().lower()
    for role, label in ROLE_TEXT.items():
        if value in (role.value, label.zh, label.en.lower()):
            return role
    names = ", ".join(r.value for r in Role)
    raise InvalidInput(f"“{text}”不是角色（{names}）。", f"'{text}' is not a role ({names}).")


# --- documents and calendar ----------------------------------------------------------------------


def plan_input(
    ws: Workspace, plan: AuditPlan | None = None, *, department: str | None = None
) -> PlanInput:
    """What the plan's documents are made of (``department``: that department's part, see
    ``department_plan``); dated by the plan's last change (the same plan gives the same bytes)."""
    from ipaudit.export.plan_rows import PlanInput

    plan = plan if plan is not None else need_plan(ws).plan
    plan, found = _part(plan, conflicts(ws, plan), department)
    info = ws.info()
    stamps = [r.updated_at for r in ws.records.all(KIND) if r.updated_at is not None]
    as_of = max(stamps, default=dt.datetime.combine(info.audit_start, dt.time(8, 0)))
    return PlanInput(
        plan=plan,
        company=info.company,
        audit_start=info.audit_start,
        audit_end=info.audit_end,
        departments=department_texts(ws),
        conflicts=found,
        as_of=as_of,
    )


def calendar_events(ws: Workspace, lang: str = "zh", department: str | None = None) -> list[Event]:
    """The plan's sessions as calendar entries (none without a plan); ``department``: its part
    of the plan (``department_plan``)."""
    stored = load(ws)
    if stored is None:
        return []
    return _events(plan_input(ws, stored.plan, department=department), lang)


def _events(inp: PlanInput, lang: str) -> list[Event]:
    """The sessions of the plan ``inp`` as calendar entries."""
    import hashlib

    from ipaudit.export.calendar_ics import Event
    from ipaudit.export.plan_rows import label, plan_rows

    seed = f"{inp.company}|{inp.audit_start.isoformat()}".encode()
    tag = hashlib.sha256(seed).hexdigest()[:12]
    sep = ": " if lang.startswith("en") else "："
    out: list[Event] = []
    for row in plan_rows(inp, lang):
        s = row.session
        lines = [
            f"{label(k, lang)}{sep}{v}"
            for k, v in (
                ("auditors", row.auditors),
                ("escorts", row.escorts),
                ("attendees", row.attendees),
            )
            if v
        ]
        out.append(
            Event(
                uid=f"plan-{s.key}-{tag}@ipaudit",
                title=f"{label('calendar', lang)}{sep}{row.title}",
                start=dt.datetime.combine(s.day, s.start),
                end=dt.datetime.combine(s.day, s.end),
                location=row.room,
                description="\n".join(lines),
                categories=(label("calendar", lang),),
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class PlanFiles:
    docx: Path | None = None
    xlsx: Path | None = None
    ics: Path | None = None


def export_plan(
    ws: Workspace,
    *,
    docx: Path | str | None = None,
    xlsx: Path | str | None = None,
    ics: Path | str | None = None,
    lang: str = "zh",
    department: str | None = None,
) -> PlanFiles:
    """Write the plan as docx, xlsx and/or .ics (each atomically) in ``lang`` (``department``:
    those of that department's part)."""
    from ipaudit.export.atomic_file import write_atomic
    from ipaudit.export.calendar_ics import ics_bytes
    from ipaudit.export.plan_docx import build_plan_docx
    from ipaudit.export.plan_rows import label
    from ipaudit.export.plan_xlsx import build_plan_xlsx

    inp = plan_input(ws, department=department)
    out: dict[str, Path] = {}
    if docx:
        out["docx"] = write_atomic(output_path(docx), build_plan_docx(inp, lang))
    if xlsx:
        out["xlsx"] = write_atomic(output_path(xlsx), build_plan_xlsx(inp, lang))
    if ics:
        data = ics_bytes(
            _events(inp, lang),
            name=f"{label('calendar', lang)} — {inp.company}",
            stamp=inp.as_of.astimezone(dt.UTC),  # stored in local time
        )
        out["ics"] = write_atomic(output_path(ics), data)
    return PlanFiles(**out)


def output_path(path: Path | str) -> Path:
    target = Path(path)
    if not target.parent.is_dir():
        raise InvalidInput(
            f"文件夹“{target.parent}”不存在。", f"The folder '{target.parent}' does not exist."
        )
    return target


def pack_documents(ws: Workspace) -> list[ExtraDocument]:
    """The plan's docx and xlsx for the readiness pack (none without a plan)."""
    from ipaudit.export.plan_docx import build_plan_docx
    from ipaudit.export.plan_rows import LABELS
    from ipaudit.export.plan_xlsx import build_plan_xlsx
    from ipaudit.export.source import ExtraDocument

    if load(ws) is None:
        return []
    inp = plan_input(ws)
    name = LABELS["file"]
    return [
        ExtraDocument(
            name,
            "docx",
            lambda lang, clean: build_plan_docx(inp, lang, clean),
            Text(
                "审核当天日程安排：会议室、审核员、陪审人员与出席人员（Word）",
                "The audit-day plan: rooms, auditors, escorts and who attends (Word)",
            ),
        ),
        ExtraDocument(
            name,
            "xlsx",
            lambda lang, clean: build_plan_xlsx(inp, lang, clean),
            Text(
                "审核当天日程安排，每项日程一行（Excel）",
                "The audit-day plan, one row per session (Excel)",
            ),
        ),
    ]


def restore(ws: Workspace, current: AuditPlan | None, target: AuditPlan | None) -> None:
    """Bring the stored plan from ``current`` to ``target`` (an undo or redo), writing only the
    records that differ, so sessions others edited meanwhile stay as they are."""
    if target is None:
        clear(ws)
        return
    if current is None or load(ws) is None:
        put_plan(ws, target)
        return
    if current.setup != target.setup:
        save_setup(ws, target.setup)
    old = {s.key: s for s in current.sessions}
    new = {s.key: s for s in target.sessions}
    for key in old.keys() - new.keys():
        ws.records.delete(KIND, SESSION_PREFIX + key)
    for key, s in new.items():
        if old.get(key) != s:
            ws.records.put(
                KIND,
                SESSION_PREFIX + key,
                session_json(s),
                department=s.department,
                what=_what(key),
            )
    ws.changed()
