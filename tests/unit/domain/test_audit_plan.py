"""The audit-day plan's conflicts: schedules built conflict-free, then given a known set of
conflicts; exactly those are found (every kind detected, none invented). The default plan has
none."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from ipaudit.domain.audit_plan import (
    AuditPlan,
    ConflictKind,
    Person,
    Role,
    Room,
    Session,
    SessionKind,
    Setup,
    default_plan,
    find_conflicts,
    session_from_json,
    session_json,
    setup_from_json,
    setup_json,
    without_person,
)
from ipaudit.domain.model import Department, Text
from ipaudit.domain.template import DEPARTMENT_KEYS

START = dt.date(2026, 3, 2)
K = ConflictKind


def _t(minutes: int) -> dt.time:
    return dt.time(minutes // 60, minutes % 60)


@st.composite
def clean_plans(draw: st.DrawFn) -> tuple[AuditPlan, dt.date]:
    """A plan without conflicts: each room has its own auditor (with an escort) and sessions one
    after another; everyone else attends one session only; each department is interviewed once."""
    days = draw(st.integers(1, 3))
    rooms = draw(st.integers(1, 3))
    people = [Person(f"auditor_{r}", Role.AUDITOR) for r in range(rooms)]
    people += [Person(f"escort_{r}", Role.ESCORT) for r in range(rooms)]
    sessions: list[Session] = []
    n = 0
    for day in range(days):
        for r in range(rooms):
            at = 9 * 60 + draw(st.integers(0, 3)) * 15
            for _ in range(draw(st.integers(0, 4))):
                length = draw(st.sampled_from([30, 45, 60, 90]))
                attendees = []
                for _a in range(draw(st.integers(0, 2))):
                    people.append(Person(f"p_{len(people)}", Role.HEAD))
                    attendees.append(people[-1].key)
                interview = draw(st.booleans())
                sessions.append(
                    Session(
                        f"s_{n}",
                        SessionKind.INTERVIEW if interview else SessionKind.DOCUMENTS,
                        START + dt.timedelta(days=day),
                        _t(at),
                        _t(at + length),
                        f"room_{r}",
                        (f"auditor_{r}",),
                        tuple(attendees),
                        department=f"dep_{n}" if interview else "",
                    )
                )
                n += 1
                at += length + draw(st.sampled_from([0, 15]))
    setup = Setup(
        people=tuple(people),
        rooms=tuple(Room(f"room_{r}") for r in range(rooms)),
        escorts={f"auditor_{r}": f"escort_{r}" for r in range(rooms)},
    )
    return AuditPlan(setup, tuple(sessions)), START + dt.timedelta(days=days - 1)


OVERLAPPING = [K.PERSON_TWICE, K.DEPARTMENT_TWICE, K.AUDITOR_TWICE, K.ROOM_TWICE]
ALONE = [K.NO_ROOM, K.OUTSIDE_DATES, K.BAD_TIME, K.ESCORT_UNASSIGNED, K.AUDITOR_NO_ESCORT]


class Injector:
    """Adds conflicts to a clean plan, each with fresh rooms and people so that it causes exactly
    the conflict it is meant to; records what it added."""

    def __init__(self, plan: AuditPlan, end: dt.date) -> None:
        self.setup = plan.setup
        self.sessions = list(plan.sessions)
        self.end = end
        self.expected: set[tuple[ConflictKind, tuple[str, ...]]] = set()
        self.n = 0

    def _fresh(self, prefix: str) -> str:
        self.n += 1
        return f"{prefix}_x{self.n}"

    def _room(self) -> str:
        key = self._fresh("room")
        self.setup = replace(self.setup, rooms=(*self.setup.rooms, Room(key)))
        return key

    def _person(self, role: Role = Role.STAFF) -> str:
        key = self._fresh("person")
        self.setup = replace(self.setup, people=(*self.setup.people, Person(key, role)))
        return key

    def _add(self, s: Session) -> None:
        self.sessions.append(s)

    def overlapping(self, kind: ConflictKind, target: Session) -> None:
        key = self._fresh("inj")
        base = Session(
            key,
            SessionKind.OTHER,
            target.day,
            target.start,
            target.end,
            self._room(),
            (),
            (self._person(),),
        )
        if kind is K.PERSON_TWICE:
            if not target.attendees:
                return
            base = replace(base, attendees=(target.attendees[0],))
        elif kind is K.DEPARTMENT_TWICE:
            if target.kind is not SessionKind.INTERVIEW:
                return
            base = replace(base, kind=SessionKind.INTERVIEW, department=target.department)
        elif kind is K.AUDITOR_TWICE:
            base = replace(base, auditors=target.auditors)
        elif kind is K.ROOM_TWICE:
            base = replace(base, room=target.room)
        self._add(base)
        self.expected.add((kind, tuple(sorted((key, target.key)))))

    def alone(self, kind: ConflictKind) -> None:
        key = self._fresh("inj")
        late = Session(
            key,
            SessionKind.OTHER,
            START,
            dt.time(20, 0),
            dt.time(21, 0),
            self._room(),
            (),
            (self._person(),),
        )
        if kind is K.NO_ROOM:
            self._add(replace(late, room=""))
            self.expected.add((kind, (key,)))
        elif kind is K.OUTSIDE_DATES:
            # the day just after the audit, or just before it
            day = self.end + dt.timedelta(days=1) if self.n % 2 else START - dt.timedelta(days=1)
            self._add(replace(late, day=day))
            self.expected.add((kind, (key,)))
        elif kind is K.BAD_TIME:
            self._add(replace(late, start=dt.time(21, 0), end=dt.time(20, 30)))
            self.expected.add((kind, (key,)))
        elif kind is K.ESCORT_UNASSIGNED:
            self._person(Role.ESCORT)
            self.expected.add((kind, ()))
        elif kind is K.AUDITOR_NO_ESCORT:
            self._person(Role.AUDITOR)
            self.expected.add((kind, ()))

    def plan(self) -> AuditPlan:
        return AuditPlan(self.setup, tuple(self.sessions))


def found(plan: AuditPlan, end: dt.date) -> set[tuple[ConflictKind, tuple[str, ...]]]:
    return {(c.kind, c.sessions) for c in find_conflicts(plan, START, end)}


@settings(max_examples=150, deadline=None)
@given(clean_plans())
def test_a_clean_schedule_has_no_conflicts(case: tuple[AuditPlan, dt.date]) -> None:
    plan, end = case
    assert find_conflicts(plan, START, end) == []


@settings(max_examples=300, deadline=None)
@given(
    clean_plans(),
    st.lists(st.tuples(st.sampled_from(OVERLAPPING), st.integers(0, 1000)), max_size=6),
    st.lists(st.sampled_from(ALONE), max_size=6),
)
def test_exactly_the_injected_conflicts_are_found(
    case: tuple[AuditPlan, dt.date],
    overlapping: list[tuple[ConflictKind, int]],
    alone: list[ConflictKind],
) -> None:
    plan, end = case
    inject = Injector(plan, end)
    targets: set[str] = set()
    for kind, pick in overlapping:
        if not plan.sessions:
            break
        target = plan.sessions[pick % len(plan.sessions)]
        if target.key in targets:  # one injection per session: injections never meet each other
            continue
        targets.add(target.key)
        inject.overlapping(kind, target)
    for kind in alone:
        inject.alone(kind)
    assert found(inject.plan(), end) == inject.expected


def test_every_kind_is_detected_with_a_message_naming_the_sessions() -> None:
    s1 = Session(
        "a",
        SessionKind.INTERVIEW,
        START,
        dt.time(9),
        dt.time(10),
        "room_1",
        ("aud",),
        ("head",),
        department="rnd",
    )
    s2 = replace(s1, key="b", room="room_1")
    setup = Setup(
        people=(
            Person("aud", Role.AUDITOR, "王审"),
            Person("esc", Role.ESCORT, "李陪"),
            Person("head", Role.HEAD, "张三", "rnd"),
        ),
        rooms=(Room("room_1", "一号会议室"),),
        escorts={"aud": "esc"},
    )
    deps = {"rnd": Text("研发部", "R&D")}
    conflicts = find_conflicts(AuditPlan(setup, (s1, s2)), START, START, deps)
    kinds = {c.kind for c in conflicts}
    assert kinds == {K.PERSON_TWICE, K.DEPARTMENT_TWICE, K.AUDITOR_TWICE, K.ROOM_TWICE}
    person = next(c for c in conflicts if c.kind is K.PERSON_TWICE)
    assert person.subject == "head"  # the escort follows the same auditor: no second message
    assert "张三" in person.message.zh and "部门访谈：研发部" in person.message.zh
    assert "09:00–10:00" in person.message.en and "一号会议室" in person.message.en
    auditor = next(c for c in conflicts if c.kind is K.AUDITOR_TWICE)
    assert "王审" in auditor.message.zh and auditor.sessions == ("a", "b")


def test_an_escort_following_two_auditors_at_once_is_in_two_places() -> None:
    setup = Setup(
        people=(
            Person("a1", Role.AUDITOR),
            Person("a2", Role.AUDITOR),
            Person("esc", Role.ESCORT, "李陪"),
        ),
        rooms=(Room("r1"), Room("r2")),
        escorts={"a1": "esc", "a2": "esc"},
    )
    s1 = Session("x", SessionKind.DOCUMENTS, START, dt.time(9), dt.time(10), "r1", ("a1",))
    s2 = replace(s1, key="y", room="r2", auditors=("a2",))
    conflicts = find_conflicts(AuditPlan(setup, (s1, s2)), START, START)
    assert [(c.kind, c.subject) for c in conflicts] == [(K.PERSON_TWICE, "esc")]
    assert "李陪" in conflicts[0].message.zh


def test_sessions_that_only_touch_do_not_overlap() -> None:
    setup = Setup(
        people=(Person("a", Role.AUDITOR), Person("e", Role.ESCORT)),
        rooms=(Room("r"),),
        escorts={"a": "e"},
    )
    s1 = Session("x", SessionKind.DOCUMENTS, START, dt.time(9), dt.time(10), "r", ("a",))
    s2 = replace(s1, key="y", start=dt.time(10), end=dt.time(11))
    assert find_conflicts(AuditPlan(setup, (s1, s2)), START, START) == []


DEPARTMENTS = list(DEPARTMENT_KEYS)  # the built-in template's, in its order


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(DEPARTMENTS), min_size=1, unique=True),
    st.integers(1, 3),
    st.integers(1, 3),
)
def test_the_default_plan_has_no_conflicts_when_it_fits(
    keys: list[str], extra_days: int, rooms: int
) -> None:
    deps = [Department(k, Text(k, k), position=n) for n, k in enumerate(keys)]
    end = START + dt.timedelta(days=extra_days)
    plan = default_plan(deps, START, end, rooms)
    conflicts = find_conflicts(plan, START, end)
    fits = max(s.day for s in plan.sessions) <= end
    if fits:
        assert conflicts == []
    interviews = [s for s in plan.sessions if s.kind is SessionKind.INTERVIEW]
    assert sorted(s.department for s in interviews) == sorted(keys)
    kinds = {s.kind for s in plan.sessions}
    assert {SessionKind.OPENING, SessionKind.TOUR, SessionKind.CLOSING} <= kinds
    assert all(plan.setup.escorts[a.key] for a in plan.setup.of_role(Role.AUDITOR))


def test_a_default_plan_that_overruns_the_audit_says_so() -> None:
    deps = [Department(k, Text(k, k), position=n) for n, k in enumerate(DEPARTMENTS)]
    plan = default_plan(deps, START, START, rooms=1)
    conflicts = find_conflicts(plan, START, START)
    assert conflicts and {c.kind for c in conflicts} == {K.OUTSIDE_DATES}


def test_json_round_trip_and_removing_a_person() -> None:
    deps = [Department(k, Text(k, k), position=n) for n, k in enumerate(DEPARTMENTS[:4])]
    plan = default_plan(deps, START, START + dt.timedelta(days=1))
    assert setup_from_json(setup_json(plan.setup)) == plan.setup
    assert all(session_from_json(session_json(s)) == s for s in plan.sessions)
    smaller = without_person(plan, "escort_1")
    assert smaller.setup.person("escort_1") is None
    assert "auditor_1" not in smaller.setup.escorts
    kinds = {c.kind for c in find_conflicts(smaller, START, START + dt.timedelta(days=1))}
    assert kinds == {K.AUDITOR_NO_ESCORT}


def test_two_entries_with_one_name_are_one_person() -> None:
    setup = Setup(
        people=(
            Person("manager", Role.MANAGER, "张伟"),
            Person("head_ip_office", Role.HEAD, "张伟", "ip_office"),
            Person("head_rnd", Role.HEAD, "李娜", "rnd"),
        ),
        rooms=(Room("r1"), Room("r2")),
    )
    s1 = Session("x", SessionKind.OTHER, START, dt.time(9), dt.time(10), "r1", (), ("manager",))
    s2 = replace(s1, key="y", room="r2", attendees=("head_ip_office",))
    conflicts = find_conflicts(AuditPlan(setup, (s1, s2)), START, START)
    assert [(c.kind, c.sessions) for c in conflicts] == [(K.PERSON_TWICE, ("x", "y"))]
    assert "张伟" in conflicts[0].message.zh
    s3 = replace(s2, attendees=("head_rnd",))
    assert find_conflicts(AuditPlan(setup, (s1, s3)), START, START) == []


def test_every_day_of_the_audit_has_work_and_no_conflict() -> None:
    keys = ["management", "ip_office", "rnd", "hr_admin", "marketing", "finance", "production"]
    deps = [Department(k, Text(k, k), position=n) for n, k in enumerate(keys)]
    end = START + dt.timedelta(days=2)
    plan = default_plan(deps, START, end, rooms=2)
    days = [START, START + dt.timedelta(days=1), end]
    interviews = {
        d: [s for s in plan.sessions if s.day == d and s.kind is SessionKind.INTERVIEW]
        for d in days
    }
    assert all(interviews[d] for d in days), interviews  # spread: none of the days empty
    reviews = {s.day for s in plan.sessions if s.kind is SessionKind.DOCUMENTS}
    assert reviews == set(days)
    assert find_conflicts(plan, START, end) == []
    assert len({s.key for s in plan.sessions}) == len(plan.sessions)
    closing = next(s for s in plan.sessions if s.kind is SessionKind.CLOSING)
    assert closing.day == end


def test_a_kept_setup_plans_with_its_people_and_rooms() -> None:
    deps = [Department(k, Text(k, k), position=n) for n, k in enumerate(DEPARTMENTS[:5])]
    setup = Setup(
        people=(
            Person("lead", Role.AUDITOR, "赵立平"),
            Person("aud2", Role.AUDITOR, "孙慧"),
            Person("esc1", Role.ESCORT, "韩立"),
            Person("esc2", Role.ESCORT, "唐思远"),
            Person("manager", Role.MANAGER, "林婉清"),
        ),
        rooms=(Room("big", "三楼大会议室"), Room("rd", "四楼研发部会议室")),
        escorts={"lead": "esc1", "aud2": "esc2"},
    )
    plan = default_plan(deps, START, START + dt.timedelta(days=1), 2, setup)
    kept = plan.setup
    assert [p for p in kept.people if p.key in ("lead", "aud2", "esc1", "esc2", "manager")] == list(
        setup.people
    )
    assert kept.rooms == setup.rooms and kept.escorts == setup.escorts
    assert kept.person("top") is not None  # a placeholder for what the plan lacks
    used_rooms = {s.room for s in plan.sessions if s.room}
    assert used_rooms == {"big", "rd"}
    assert {a for s in plan.sessions for a in s.auditors} == {"lead", "aud2"}
    three = default_plan(deps, START, START + dt.timedelta(days=1), 3, setup)
    assert len(three.setup.rooms) == 3 and len(three.setup.of_role(Role.AUDITOR)) == 3
    assert three.setup.rooms[:2] == setup.rooms
