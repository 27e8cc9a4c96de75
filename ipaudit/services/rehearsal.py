"""Interview rehearsal: a department's questions one at a time, each answer compared with the
official one and kept, and the department's interview readiness.

Each person's attempts in a department are one record of kind ``rehearsal`` (key
``<department>/<person>``) holding every attempt in order, so the history stays. A department's
interview readiness is the share of its rehearsable questions whose last answer (by anyone of the
department) was right.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ipaudit.domain.comparison import Difference, Verdict, compare, plain_official, squeeze
from ipaudit.domain.facts import Declared
from ipaudit.domain.interview import InterviewQuestion, department_questions
from ipaudit.services import departments
from ipaudit.store.errors import InvalidInput

if TYPE_CHECKING:
    from ipaudit.services.workspace import Workspace

KIND = "rehearsal"


@dataclass(frozen=True, slots=True)
class Attempt:
    """One answer given: to which question, what was said, the verdict, and when."""

    question: str  # InterviewQuestion.key
    answer: str
    passed: bool
    differences: tuple[Difference, ...]
    at: dt.datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": self.answer,
            "passed": self.passed,
            "differences": [d.to_json() for d in self.differences],
            "at": self.at.isoformat(timespec="seconds"),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Attempt:
        return cls(
            question=str(data["question"]),
            answer=str(data.get("answer", "")),
            passed=bool(data.get("passed")),
            differences=tuple(Difference.from_json(d) for d in data.get("differences", [])),
            at=dt.datetime.fromisoformat(str(data["at"])),
        )


@dataclass(frozen=True, slots=True)
class PersonResult:
    """One person's rehearsal in one department: questions answered (last attempt each), how many
    of those right, and how many attempts in all."""

    department: str
    person: str
    questions: int  # the department's rehearsable questions
    answered: int
    right: int
    attempts: int
    last: dt.datetime | None

    @property
    def share(self) -> float:
        return self.right / self.questions if self.questions else 0.0


@dataclass(frozen=True, slots=True)
class InterviewReadiness:
    """A department's interview readiness: of its ``questions``, ``right`` were last answered
    right, ``answered`` were answered at all, by ``people`` people."""

    department: str
    questions: int
    answered: int
    right: int
    people: int

    @property
    def share(self) -> float:
        return self.right / self.questions if self.questions else 0.0

    @property
    def percent(self) -> float:
        return round(100 * self.share, 1)


def _check_department(ws: Workspace, department: str) -> str:
    """The department key for ``department`` (its key or its Chinese or English name; a merged
    department's names lead to the one it was merged into), bad input naming the choices when
    the company has no such department."""
    return departments.department_key(ws, department)


def resolve_department(ws: Workspace, department: str) -> str:
    """The key of the active department named ``department`` (key, Chinese or English name)."""
    return _check_department(ws, department)


def questions(ws: Workspace, department: str) -> list[InterviewQuestion]:
    """The department's questions that can be rehearsed (the official answer is known), in the
    interview sheet's order."""
    return _Reader(ws).questions(_check_department(ws, department))


class _Reader:
    """One read of the states and facts (and the derived facts when a question needs them) for
    the questions of several departments."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.states = ws.states()
        self.facts = ws.facts()
        self.by_department = ws.items_by_department()
        self._derived: dict[str, Declared] | None = None

    def derived(self) -> dict[str, Declared]:
        if self._derived is None:
            self._derived = self.ws.derived_facts()
        return self._derived

    def questions(self, dep: str) -> list[InterviewQuestion]:
        items = self.by_department.get(dep, [])
        derived = self.derived() if any(q.fact for it in items for q in it.questions) else {}
        asked = department_questions(items, self.states, self.facts, dep, derived)
        return rehearsable(asked)


def rehearsable(asked: list[InterviewQuestion]) -> list[InterviewQuestion]:
    """The questions with an official answer, each fact asked once (the headcount or the policy
    is asked by the common questions and again by several items: one answer is rehearsed)."""
    seen: set[str] = set()
    out: list[InterviewQuestion] = []
    for q in asked:
        if not q.answerable:
            continue
        if q.official is not None and q.fact_key is not None:
            if q.fact_key in seen:
                continue
            seen.add(q.fact_key)
        out.append(q)
    return out


def unprepared(ws: Workspace, department: str) -> list[InterviewQuestion]:
    """The department's questions without an official answer yet (nothing to rehearse against)."""
    dep = _check_department(ws, department)
    items = ws.items_of(dep)
    asked = department_questions(items, ws.states(), ws.facts(), dep, {})
    return [q for q in asked if not q.answerable]


def check(question: InterviewQuestion, answer: str) -> Verdict:
    """``answer`` compared with the question's official answer."""
    official = question.official if question.official is not None else None
    if official is None:
        if not question.given:
            raise InvalidInput(
                "这个问题还没有统一口径答案，无法演练。",
                "This question has no official answer yet; it cannot be rehearsed.",
            )
        official = plain_official(question.given)
    return compare(answer, official, question.fact_key)


def _record_key(department: str, person: str) -> str:
    return f"{department}/{person}"


def _clean_person(person: str) -> str:
    name = " ".join(squeeze(person).split())  # "张  三" is 张三
    if not name:
        raise InvalidInput("请填写作答人的姓名。", "Give the name of the person answering.")
    return name


def attempts(ws: Workspace, department: str, person: str) -> list[Attempt]:
    """Every attempt ``person`` made in ``department``, oldest first."""
    rec = ws.records.get(KIND, _record_key(department, _clean_person(person)))
    if rec is None:
        return []
    return [Attempt.from_json(a) for a in rec.value.get("attempts", [])]


def record_answer(
    ws: Workspace, department: str, person: str, question_key: str, answer: str
) -> Attempt:
    """Compare ``answer`` with the official answer of ``question_key`` and keep the attempt in
    the person's history; returns it."""
    dep = _check_department(ws, department)
    name = _clean_person(person)
    by_key = {q.key: q for q in questions(ws, dep)}
    question = by_key.get(question_key)
    if question is None:
        raise InvalidInput(
            f"部门“{dep}”没有可演练的问题“{question_key}”。",
            f"The department '{dep}' has no question '{question_key}' to rehearse.",
            ws.path,
        )
    verdict = check(question, answer)
    attempt = Attempt(
        question_key,
        answer.strip(),
        verdict.passed,
        verdict.differences,
        dt.datetime.now().replace(microsecond=0),
    )
    key = _record_key(dep, name)
    current = ws.records.get(KIND, key)
    history = list(current.value.get("attempts", [])) if current else []
    history.append(attempt.to_json())
    ws.records.put(
        KIND,
        key,
        {"person": name, "department": dep, "attempts": history},
        department=dep,
        base_version=current.version if current else 0,
        what=f"{dep} {name}",
    )
    return attempt


def _last_by_question(history: list[Attempt]) -> dict[str, Attempt]:
    last: dict[str, Attempt] = {}
    for a in sorted(history, key=lambda a: a.at):
        last[a.question] = a
    return last


def _histories(ws: Workspace, department: str | None) -> dict[tuple[str, str], list[Attempt]]:
    out: dict[tuple[str, str], list[Attempt]] = {}
    for rec in ws.records.all(KIND, department):
        person = str(rec.value.get("person", rec.key.partition("/")[2]))
        out[(rec.department, person)] = [
            Attempt.from_json(a) for a in rec.value.get("attempts", [])
        ]
    return out


def results(ws: Workspace, department: str | None = None) -> list[PersonResult]:
    """Each person's result per department (of one department when given), by department then
    name; only the questions the department still has count."""
    dep = _check_department(ws, department) if department else None
    keys: dict[str, set[str]] = {}
    reader = _Reader(ws)
    active = {d.key for d in ws.departments(active_only=True)}
    out: list[PersonResult] = []
    for (d, person), history in sorted(_histories(ws, dep).items()):
        if d not in active:  # the department was removed or merged since
            continue
        if d not in keys:
            keys[d] = {q.key for q in reader.questions(d)}
        last = {k: a for k, a in _last_by_question(history).items() if k in keys[d]}
        out.append(
            PersonResult(
                d,
                person,
                len(keys[d]),
                len(last),
                sum(1 for a in last.values() if a.passed),
                len(history),
                max((a.at for a in history), default=None),
            )
        )
    return out


def readiness(ws: Workspace) -> dict[str, InterviewReadiness]:
    """Each active department's interview readiness."""
    histories = _histories(ws, None)
    reader = _Reader(ws)
    out: dict[str, InterviewReadiness] = {}
    for d in ws.departments(active_only=True):
        keys = {q.key for q in reader.questions(d.key)}
        mine = [(p, h) for (dep, p), h in histories.items() if dep == d.key]
        merged = [a for _p, h in mine for a in h if a.question in keys]
        last = _last_by_question(merged)
        out[d.key] = InterviewReadiness(
            d.key,
            len(keys),
            len(last),
            sum(1 for a in last.values() if a.passed),
            len(mine),
        )
    return out


def result_json(r: PersonResult) -> dict[str, Any]:
    return {
        "department": r.department,
        "person": r.person,
        "questions": r.questions,
        "answered": r.answered,
        "right": r.right,
        "attempts": r.attempts,
        "last": r.last.isoformat(timespec="seconds") if r.last else None,
    }


def readiness_json(r: InterviewReadiness) -> dict[str, Any]:
    return {
        "department": r.department,
        "questions": r.questions,
        "answered": r.answered,
        "right": r.right,
        "people": r.people,
        "percent": r.percent,
    }
