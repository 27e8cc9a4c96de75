"""The audit-day plan: auditors, rooms, an escort per auditor, the people who must be present and
the schedule (opening meeting, site tour, each department's interview, document review, closing
meeting), with the conflicts that would derail the day.

Usually two rooms run in parallel; each auditor has an escort (陪审人员) who follows the auditor
from session to session, fetching files and people. A plan is generated from the workspace (its
audit dates and departments) and then edited by the compliance manager.

Pure data and rules: no disk, no Qt. The services store a plan as records and turn conflicts into
findings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from itertools import combinations
from typing import Any

from ipaudit.domain.model import Department, Text


class Role(StrEnum):
    AUDITOR = "auditor"  # 审核员 (the certification body's)
    ESCORT = "escort"  # 陪审人员
    MANAGER = "manager"  # 管理者代表
    TOP = "top"  # 最高管理者（总经理）
    HEAD = "head"  # 部门负责人
    STAFF = "staff"  # anyone else who must be there


class SessionKind(StrEnum):
    OPENING = "opening"
    TOUR = "tour"
    INTERVIEW = "interview"
    DOCUMENTS = "documents"
    CLOSING = "closing"
    OTHER = "other"


ROLE_TEXT: dict[Role, Text] = {
    Role.AUDITOR: Text("审核员", "auditor"),
    Role.ESCORT: Text("陪审人员", "escort"),
    Role.MANAGER: Text("管理者代表", "management representative"),
    Role.TOP: Text("总经理", "general manager"),
    Role.HEAD: Text("部门负责人", "department head"),
    Role.STAFF: Text("员工", "staff"),
}

KIND_TEXT: dict[SessionKind, Text] = {
    SessionKind.OPENING: Text("首次会议", "Opening meeting"),
    SessionKind.TOUR: Text("现场参观", "Site tour"),
    SessionKind.INTERVIEW: Text("部门访谈", "Department interview"),
    SessionKind.DOCUMENTS: Text("文件审查", "Document review"),
    SessionKind.CLOSING: Text("末次会议", "Closing meeting"),
    SessionKind.OTHER: Text("其他", "Other"),
}

#: sessions held without a room (the tour walks through the company)
ROOMLESS = frozenset({SessionKind.TOUR})


@dataclass(frozen=True, slots=True)
class Person:
    """Someone on the plan. ``name`` is empty until the manager writes it: the plan then shows
    the role (and department) instead."""

    key: str
    role: Role
    name: str = ""
    department: str = ""  # a department head's department key


@dataclass(frozen=True, slots=True)
class Room:
    key: str
    name: str = ""


@dataclass(frozen=True, slots=True)
class Setup:
    """Who and where: the people, the rooms, and each auditor's escort (auditor → escort key)."""

    people: tuple[Person, ...] = ()
    rooms: tuple[Room, ...] = ()
    escorts: Mapping[str, str] = field(default_factory=dict)

    def person(self, key: str) -> Person | None:
        return next((p for p in self.people if p.key == key), None)

    def room(self, key: str) -> Room | None:
        return next((r for r in self.rooms if r.key == key), None)

    def of_role(self, role: Role) -> list[Person]:
        return [p for p in self.people if p.role is role]


@dataclass(frozen=True, slots=True)
class Session:
    key: str
    kind: SessionKind
    day: dt.date
    start: dt.time
    end: dt.time
    room: str = ""  # room key ("" for the tour)
    auditors: tuple[str, ...] = ()  # person keys
    attendees: tuple[str, ...] = ()  # person keys of who must be present (escorts follow auditors)
    department: str = ""  # the department interviewed
    title: str = ""  # the manager's own title; empty shows the kind (and department)

    def overlaps(self, other: Session) -> bool:
        return self.day == other.day and self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class AuditPlan:
    setup: Setup
    sessions: tuple[Session, ...] = ()

    def session(self, key: str) -> Session | None:
        return next((s for s in self.sessions if s.key == key), None)

    def ordered(self) -> list[Session]:
        """The sessions by day, start, room."""
        return sorted(self.sessions, key=lambda s: (s.day, s.start, s.room, s.end, s.key))

    def days(self) -> list[dt.date]:
        return sorted({s.day for s in self.sessions})


# --- names ----------------------------------------------------------------------------------------


def person_name(
    person: Person | None, lang: str, departments: Mapping[str, str], key: str = ""
) -> str:
    """The person's name, or their role (a head: "<department>负责人") when none is written yet."""
    if person is None:
        return f"?{key}"
    if person.name:
        return person.name
    role = ROLE_TEXT[person.role].get(lang)
    if person.role is Role.HEAD and person.department:
        dep = departments.get(person.department, person.department)
        return f"{dep} – head" if lang.startswith("en") else f"{dep}负责人"
    suffix = person.key.rsplit("_", 1)[-1] if person.key[-1:].isdigit() else ""
    if lang.startswith("en"):
        role = role[:1].upper() + role[1:]
    return f"{role} {suffix}".strip()


def room_name(room: Room | None, lang: str, key: str = "") -> str:
    if room is None:
        return "" if not key else f"?{key}"
    if room.name:
        return room.name
    suffix = room.key.rsplit("_", 1)[-1]
    return f"Room {suffix}" if lang.startswith("en") else f"会议室{suffix}"


def session_title(session: Session, lang: str, departments: Mapping[str, str]) -> str:
    if session.title:
        return session.title
    kind = KIND_TEXT[session.kind].get(lang)
    if session.department:
        dep = departments.get(session.department, session.department)
        return f"{kind}: {dep}" if lang.startswith("en") else f"{kind}：{dep}"
    return kind


def escorts_of(plan: AuditPlan, session: Session) -> list[str]:
    """The escorts present in ``session``: each of its auditors' escort."""
    out: list[str] = []
    for auditor in session.auditors:
        escort = plan.setup.escorts.get(auditor, "")
        if escort and escort not in out:
            out.append(escort)
    return out


# --- conflicts ------------------------------------------------------------------------------------


class ConflictKind(StrEnum):
    PERSON_TWICE = "person_twice"  # a person in two places at once
    DEPARTMENT_TWICE = "department_twice"  # a department interviewed twice at the same time
    AUDITOR_TWICE = "auditor_twice"  # an auditor in two rooms at once
    ROOM_TWICE = "room_twice"  # a room double-booked
    NO_ROOM = "no_room"  # a session (other than the tour) without a known room
    ESCORT_UNASSIGNED = "escort_unassigned"  # an escort who follows no auditor
    AUDITOR_NO_ESCORT = "auditor_no_escort"  # an auditor without an escort
    OUTSIDE_DATES = "outside_dates"  # a session outside the audit dates
    BAD_TIME = "bad_time"  # a session that ends before it starts
    NO_INTERVIEWEE = "no_interviewee"  # an interview nobody named answers (the services find it)


@dataclass(frozen=True, slots=True)
class Conflict:
    kind: ConflictKind
    sessions: tuple[str, ...]  # keys of the sessions involved (sorted)
    subject: str  # the person, department, room key the conflict is about ("" when none)
    message: Text

    @property
    def key(self) -> str:
        return f"{self.kind.value}:{self.subject}:{'|'.join(self.sessions)}"


class _Names:
    def __init__(self, plan: AuditPlan, departments: Mapping[str, Text]) -> None:
        self.plan = plan
        self.deps = departments
        self.zh = {k: v.zh for k, v in departments.items()}
        self.en = {k: v.en for k, v in departments.items()}

    def _deps(self, lang: str) -> dict[str, str]:
        return self.en if lang == "en" else self.zh

    def person(self, key: str) -> Text:
        p = self.plan.setup.person(key)
        return Text(person_name(p, "zh", self.zh, key), person_name(p, "en", self.en, key))

    def room(self, key: str) -> Text:
        r = self.plan.setup.room(key)
        return Text(room_name(r, "zh", key), room_name(r, "en", key))

    def dep(self, key: str) -> Text:
        return self.deps.get(key, Text(key, key))

    def session(self, s: Session) -> Text:
        when = f"{s.day.isoformat()} {s.start:%H:%M}–{s.end:%H:%M}"
        room = self.room(s.room) if s.room else None
        zh = f"“{session_title(s, 'zh', self.zh)}”（{when}{'，' + room.zh if room else ''}）"
        en = f"'{session_title(s, 'en', self.en)}' ({when}{', ' + room.en if room else ''})"
        return Text(zh, en)

    def pair(self, a: Session, b: Session) -> Text:
        sa, sb = self.session(a), self.session(b)
        return Text(f"{sa.zh}与{sb.zh}", f"{sa.en} and {sb.en}")


def _pair_conflict(kind: ConflictKind, a: Session, b: Session, subject: str, msg: Text) -> Conflict:
    return Conflict(kind, tuple(sorted((a.key, b.key))), subject, msg)


def find_conflicts(
    plan: AuditPlan,
    audit_start: dt.date,
    audit_end: dt.date,
    departments: Mapping[str, Text] | None = None,
) -> list[Conflict]:
    """Every conflict of ``plan``, each with a message naming the sessions involved, in a
    stable order (by kind, then by sessions)."""
    names = _Names(plan, departments or {})
    setup = plan.setup
    out: list[Conflict] = []
    sessions = plan.ordered()
    auditors = {p.key for p in setup.of_role(Role.AUDITOR)}

    for s in sessions:
        label = names.session(s)
        if s.end <= s.start:
            out.append(
                Conflict(
                    ConflictKind.BAD_TIME,
                    (s.key,),
                    "",
                    Text(
                        f"{label.zh}的结束时间不晚于开始时间。",
                        f"{label.en} ends before it starts.",
                    ),
                )
            )
        if not audit_start <= s.day <= audit_end:
            out.append(
                Conflict(
                    ConflictKind.OUTSIDE_DATES,
                    (s.key,),
                    "",
                    Text(
                        f"{label.zh}不在审核日期 {audit_start}～{audit_end} 内。",
                        f"{label.en} is outside the audit dates {audit_start} – {audit_end}.",
                    ),
                )
            )
        if s.kind not in ROOMLESS and setup.room(s.room) is None:
            out.append(
                Conflict(
                    ConflictKind.NO_ROOM,
                    (s.key,),
                    s.room,
                    Text(
                        f"{label.zh}没有安排会议室。",
                        f"{label.en} has no room.",
                    ),
                )
            )

    for a, b in combinations(sessions, 2):
        if not a.overlaps(b) or a.end <= a.start or b.end <= b.start:
            continue
        pair = names.pair(a, b)
        if a.room and a.room == b.room and a.kind not in ROOMLESS and b.kind not in ROOMLESS:
            room = names.room(a.room)
            out.append(
                _pair_conflict(
                    ConflictKind.ROOM_TWICE,
                    a,
                    b,
                    a.room,
                    Text(
                        f"{room.zh}同时安排了{pair.zh}。",
                        f"{room.en} is booked twice at once: {pair.en}.",
                    ),
                )
            )
        if (
            a.department
            and a.department == b.department
            and (a.kind is SessionKind.INTERVIEW and b.kind is SessionKind.INTERVIEW)
        ):
            dep = names.dep(a.department)
            out.append(
                _pair_conflict(
                    ConflictKind.DEPARTMENT_TWICE,
                    a,
                    b,
                    a.department,
                    Text(
                        f"{dep.zh}同时被访谈两次：{pair.zh}。",
                        f"{dep.en} is interviewed twice at the same time: {pair.en}.",
                    ),
                )
            )
        shared_auditors = [x for x in a.auditors if x in b.auditors]
        for auditor in shared_auditors:
            who = names.person(auditor)
            out.append(
                _pair_conflict(
                    ConflictKind.AUDITOR_TWICE,
                    a,
                    b,
                    auditor,
                    Text(
                        f"审核员{who.zh}同时出现在{pair.zh}。",
                        f"The auditor {who.en} is in two sessions at once: {pair.en}.",
                    ),
                )
            )
        # people: the attendees, and the escorts who follow their auditors — an escort who is in
        # both only because the same auditor is (already an auditor conflict) is not repeated
        present_a = _presence(plan, a)
        present_b = _presence(plan, b)
        for ident in sorted(set(present_a) & set(present_b)):
            (person, via_a), (_other, via_b) = present_a[ident], present_b[ident]
            if person in shared_auditors:
                continue
            if via_a is not None and via_a == via_b and via_a in shared_auditors:
                continue
            who = names.person(person)
            out.append(
                _pair_conflict(
                    ConflictKind.PERSON_TWICE,
                    a,
                    b,
                    person,
                    Text(
                        f"{who.zh}须同时出席{pair.zh}。",
                        f"{who.en} must be in two places at once: {pair.en}.",
                    ),
                )
            )

    escorted = {e for e in setup.escorts.values() if e}
    for escort_person in setup.of_role(Role.ESCORT):
        if escort_person.key not in escorted:
            who = names.person(escort_person.key)
            out.append(
                Conflict(
                    ConflictKind.ESCORT_UNASSIGNED,
                    (),
                    escort_person.key,
                    Text(
                        f"陪审人员{who.zh}没有对应的审核员，也就没有会议室。",
                        f"The escort {who.en} follows no auditor, so has no room to go to.",
                    ),
                )
            )
    for auditor in sorted(auditors):
        escort_key = setup.escorts.get(auditor, "")
        assigned = setup.person(escort_key) if escort_key else None
        if assigned is None or assigned.role is not Role.ESCORT:
            who = names.person(auditor)
            out.append(
                Conflict(
                    ConflictKind.AUDITOR_NO_ESCORT,
                    tuple(s.key for s in sessions if auditor in s.auditors),
                    auditor,
                    Text(
                        f"审核员{who.zh}没有陪审人员。",
                        f"The auditor {who.en} has no escort.",
                    ),
                )
            )
    order = list(ConflictKind)
    return sorted(out, key=lambda c: (order.index(c.kind), c.sessions, c.subject))


def _identity(plan: AuditPlan, key: str) -> str:
    """Who a person key stands for: two entries with the same name are one person (the manager
    who also heads the IP team)."""
    person = plan.setup.person(key)
    name = person.name.strip() if person is not None else ""
    return f"name:{name}" if name else f"key:{key}"


def _presence(plan: AuditPlan, s: Session) -> dict[str, tuple[str, str | None]]:
    """Who is present in ``s``: identity → (person key, None for an attendee or the auditor an
    escort follows into ``s``)."""
    present: dict[str, tuple[str, str | None]] = {}
    for auditor in s.auditors:
        escort = plan.setup.escorts.get(auditor, "")
        if escort and _identity(plan, escort) not in present:
            present[_identity(plan, escort)] = (escort, auditor)
    for person in s.attendees:
        present[_identity(plan, person)] = (person, None)
    return present


def conflicting_sessions(conflicts: Iterable[Conflict]) -> set[str]:
    return {key for c in conflicts for key in c.sessions}


# --- the default plan ---------------------------------------------------------------------------

DAY_START = dt.time(9, 0)
LUNCH = (dt.time(12, 0), dt.time(13, 30))
DAY_END = dt.time(17, 0)
INTERVIEW_MINUTES = 60
# management first (policy, objectives), then the IP team, then the others in template order
FIRST = ("management", "ip_office")


def _at(t: dt.time, minutes: int) -> dt.time:
    full = dt.datetime.combine(dt.date(2000, 1, 1), t) + dt.timedelta(minutes=minutes)
    return full.time()


def _minutes(t: dt.time) -> int:
    return t.hour * 60 + t.minute


def default_setup(departments: Sequence[Department], rooms: int = 2) -> Setup:
    """Two auditors, one escort each, one room each; the manager, the general manager and a
    head for every department other than management."""
    people = [Person(f"auditor_{n}", Role.AUDITOR) for n in range(1, rooms + 1)]
    people += [Person(f"escort_{n}", Role.ESCORT) for n in range(1, rooms + 1)]
    people += [Person("manager", Role.MANAGER), Person("top", Role.TOP)]
    people += [
        Person(f"head_{d.key}", Role.HEAD, department=d.key)
        for d in departments
        if d.key != "management"
    ]
    return Setup(
        people=tuple(people),
        rooms=tuple(Room(f"room_{n}") for n in range(1, rooms + 1)),
        escorts={f"auditor_{n}": f"escort_{n}" for n in range(1, rooms + 1)},
    )


def interviewees(setup: Setup, department: str) -> tuple[str, ...]:
    """Who answers for ``department``: management is the general manager and the manager."""
    if department == "management":
        return tuple(p.key for p in setup.people if p.role in (Role.TOP, Role.MANAGER))
    return tuple(p.key for p in setup.of_role(Role.HEAD) if p.department == department)


def kept_setup(setup: Setup, departments: Sequence[Department], rooms: int = 2) -> Setup:
    """``setup`` (a plan's people, rooms and escorts, kept when the plan is made again) with what
    a plan needs added as placeholders: a head for a department it has none for, and an
    auditor, an escort and a room when it has none."""
    people = list(setup.people)
    rooms_ = list(setup.rooms)
    escorts = dict(setup.escorts)
    fresh = default_setup(departments, rooms)
    taken = {p.key for p in people}
    heads = {p.department for p in people if p.role is Role.HEAD}
    for p in fresh.people:
        if p.key in taken:
            continue
        missing_head = p.role is Role.HEAD and p.department not in heads
        missing_role = p.role in (Role.AUDITOR, Role.ESCORT, Role.MANAGER, Role.TOP) and not any(
            q.role is p.role for q in setup.people
        )
        if missing_head or missing_role:
            people.append(p)
    if not rooms_:
        rooms_ = list(fresh.rooms)
    have = {p.key for p in people}
    for auditor, escort in fresh.escorts.items():
        if auditor in have and escort in have and auditor not in escorts:
            escorts[auditor] = escort
    out = Setup(tuple(people), tuple(rooms_), escorts)
    while len(out.rooms) < rooms:  # more rooms asked than the plan has: placeholders added
        out = replace(out, rooms=(*out.rooms, Room(new_room_key(out))))
    while len(out.of_role(Role.AUDITOR)) < rooms:
        lead = Person(new_person_key(out, Role.AUDITOR), Role.AUDITOR)
        out = replace(out, people=(*out.people, lead))
        guide = Person(new_person_key(out, Role.ESCORT), Role.ESCORT)
        out = replace(
            out, people=(*out.people, guide), escorts={**out.escorts, lead.key: guide.key}
        )
    return out


def _review_spans(at: dt.time, end: dt.time) -> list[tuple[dt.time, dt.time]]:
    """The time from ``at`` to ``end`` without the lunch break, in spans of 30 minutes or more."""
    if _minutes(at) < _minutes(LUNCH[0]):
        spans = [(at, LUNCH[0]), (LUNCH[1], end)]
    else:
        spans = [(max(at, LUNCH[1], key=_minutes), end)]
    return [(a, b) for a, b in spans if _minutes(b) - _minutes(a) >= 30]


def default_plan(
    departments: Sequence[Department],
    audit_start: dt.date,
    audit_end: dt.date,
    rooms: int = 2,
    setup: Setup | None = None,
) -> AuditPlan:
    """The plan a manager starts from: opening meeting, tour, one interview per department in
    parallel rooms (management and the IP team first), spread evenly over the audit's days, a
    document review per auditor after each day's interviews and the closing meeting on the last
    day. ``setup``: the people and rooms to plan with (a plan made again keeps its auditors,
    escorts and rooms); else ``rooms`` placeholders of each. Interviews that do not fit the audit
    dates are still planned (on the following days): the conflicts then say so."""
    active = [d for d in departments if not d.absent and not d.merged_into]
    active.sort(key=lambda d: (FIRST.index(d.key) if d.key in FIRST else len(FIRST), d.position))
    setup = default_setup(active, rooms) if setup is None else kept_setup(setup, active, rooms)
    auditors = [p.key for p in setup.of_role(Role.AUDITOR)]
    room_keys = [r.key for r in setup.rooms]
    lanes = max(1, min(len(auditors), len(room_keys)))
    attending_open = tuple(p.key for p in setup.people if p.role not in (Role.AUDITOR, Role.ESCORT))
    sessions: list[Session] = [
        Session(
            "opening",
            SessionKind.OPENING,
            audit_start,
            DAY_START,
            _at(DAY_START, 30),
            room_keys[0],
            tuple(auditors),
            attending_open,
        ),
        Session(
            "tour",
            SessionKind.TOUR,
            audit_start,
            _at(DAY_START, 30),
            _at(DAY_START, 75),
            "",
            tuple(auditors),
            ("manager",) if setup.person("manager") else (),
        ),
    ]
    # the interviews in slots: departments side by side, management alone
    slots: list[list[Department]] = []
    queue = list(active)
    while queue:
        if queue[0].key == "management":  # the manager and the general manager are both needed
            slots.append([queue.pop(0)])
            continue
        slot: list[Department] = []
        while queue and len(slot) < lanes and queue[0].key != "management":
            slot.append(queue.pop(0))
        slots.append(slot)

    review_start, review_end = dt.time(15, 0), dt.time(16, 15)  # the last day's, before closing

    def fits(day: dt.date, at: dt.time) -> dt.time | None:
        """Where an interview starting at ``at`` on ``day`` starts (after lunch), None when the
        day has no room for it."""
        if _minutes(at) < _minutes(LUNCH[1]) and _minutes(at) + INTERVIEW_MINUTES > _minutes(
            LUNCH[0]
        ):
            at = LUNCH[1]
        limit = review_start if day == audit_end else DAY_END
        return at if _minutes(at) + INTERVIEW_MINUTES <= _minutes(limit) else None

    reviews: list[Session] = []

    def review(day: dt.date, at: dt.time, end: dt.time) -> None:
        for a, b in _review_spans(at, end):
            for n in range(lanes):
                reviews.append(
                    Session("", SessionKind.DOCUMENTS, day, a, b, room_keys[n], (auditors[n],))
                )

    day, at = audit_start, _at(DAY_START, 90)
    index = 0
    while True:
        left = len(slots) - index
        quota = -(-left // ((audit_end - day).days + 1)) if day <= audit_end else left
        for _ in range(quota):
            start = fits(day, at)
            if start is None:
                break
            end = _at(start, INTERVIEW_MINUTES)
            for n, dep in enumerate(slots[index]):
                sessions.append(
                    Session(
                        f"interview_{dep.key}",
                        SessionKind.INTERVIEW,
                        day,
                        start,
                        end,
                        room_keys[n],
                        (auditors[n],),
                        interviewees(setup, dep.key),
                        department=dep.key,
                    )
                )
            index, at = index + 1, end
        if index >= len(slots) and day >= audit_end:
            break  # the closing day
        review(day, at, DAY_END)  # the rest of the day: the auditors read the documents
        day, at = day + dt.timedelta(days=1), DAY_START
    last = day
    if _minutes(at) > _minutes(review_start):  # an overrun: closing the day after
        review(day, at, DAY_END)
        last, at = day + dt.timedelta(days=1), DAY_START
    before = len(reviews)
    review(last, at, review_end)
    if len(reviews) == before:
        review(last, review_start, review_end)
    sessions += [replace(r, key=f"documents_{n}") for n, r in enumerate(reviews, 1)]
    sessions.append(
        Session(
            "closing",
            SessionKind.CLOSING,
            last,
            dt.time(16, 30),
            DAY_END,
            room_keys[0],
            tuple(auditors),
            attending_open,
        )
    )
    return AuditPlan(setup, tuple(sessions))


def new_session_key(plan: AuditPlan, kind: SessionKind) -> str:
    taken = {s.key for s in plan.sessions}
    n = 1
    while f"{kind.value}_{n}" in taken:
        n += 1
    return f"{kind.value}_{n}"


def new_person_key(setup: Setup, role: Role) -> str:
    taken = {p.key for p in setup.people}
    n = 1
    while f"{role.value}_{n}" in taken:
        n += 1
    return f"{role.value}_{n}"


def new_room_key(setup: Setup) -> str:
    taken = {r.key for r in setup.rooms}
    n = 1
    while f"room_{n}" in taken:
        n += 1
    return f"room_{n}"


def without_person(plan: AuditPlan, key: str) -> AuditPlan:
    """``plan`` without the person ``key``: off every session and every escort assignment."""
    setup = plan.setup
    new_setup = replace(
        setup,
        people=tuple(p for p in setup.people if p.key != key),
        escorts={a: e for a, e in setup.escorts.items() if key not in (a, e)},
    )
    sessions = tuple(
        replace(
            s,
            auditors=tuple(k for k in s.auditors if k != key),
            attendees=tuple(k for k in s.attendees if k != key),
        )
        for s in plan.sessions
    )
    return AuditPlan(new_setup, sessions)


# --- JSON (the stored form) -----------------------------------------------------------------------


def setup_json(setup: Setup) -> dict[str, Any]:
    return {
        "people": [
            {"key": p.key, "role": p.role.value, "name": p.name, "department": p.department}
            for p in setup.people
        ],
        "rooms": [{"key": r.key, "name": r.name} for r in setup.rooms],
        "escorts": dict(sorted(setup.escorts.items())),
    }


def setup_from_json(data: Mapping[str, Any]) -> Setup:
    return Setup(
        people=tuple(
            Person(
                str(p["key"]),
                Role(p["role"]),
                str(p.get("name", "")),
                str(p.get("department", "")),
            )
            for p in data.get("people", [])
        ),
        rooms=tuple(Room(str(r["key"]), str(r.get("name", ""))) for r in data.get("rooms", [])),
        escorts={str(a): str(e) for a, e in dict(data.get("escorts", {})).items()},
    )


def session_json(s: Session) -> dict[str, Any]:
    return {
        "key": s.key,
        "kind": s.kind.value,
        "day": s.day.isoformat(),
        "start": s.start.strftime("%H:%M"),
        "end": s.end.strftime("%H:%M"),
        "room": s.room,
        "auditors": list(s.auditors),
        "attendees": list(s.attendees),
        "department": s.department,
        "title": s.title,
    }


def session_from_json(data: Mapping[str, Any]) -> Session:
    return Session(
        key=str(data["key"]),
        kind=SessionKind(data["kind"]),
        day=dt.date.fromisoformat(str(data["day"])),
        start=dt.time.fromisoformat(str(data["start"])),
        end=dt.time.fromisoformat(str(data["end"])),
        room=str(data.get("room", "")),
        auditors=tuple(str(k) for k in data.get("auditors", [])),
        attendees=tuple(str(k) for k in data.get("attendees", [])),
        department=str(data.get("department", "")),
        title=str(data.get("title", "")),
    )
