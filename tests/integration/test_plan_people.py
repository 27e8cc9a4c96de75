"""The audit-day plan names real people: whom the declared facts name, who rehearsed a department's
interview, the names written on the plan a new one replaces; an interview nobody named answers is
a conflict and a finding in words. A department's part of the plan: its sessions, its people and
the conflicts that touch it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ipaudit.domain.audit_plan import ConflictKind, Role
from ipaudit.services import Workspace, audit_plan, rehearsal
from tests.factories import INFO
from tests.plan_people import GENERAL_MANAGER, MANAGER, declare_people


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.create(tmp_path / "people.ipaudit", INFO)
    yield workspace
    workspace.close()


def names(ws: Workspace) -> dict[str, str]:
    return {p.key: p.name for p in audit_plan.need_plan(ws).plan.setup.people}


def unnamed(ws: Workspace) -> dict[str, str]:
    """Session key -> the Chinese message of its no-interviewee conflict."""
    return {
        c.sessions[0]: c.message.zh
        for c in audit_plan.conflicts(ws)
        if c.kind is ConflictKind.NO_INTERVIEWEE
    }


def interviews(ws: Workspace) -> list[str]:
    return [s.key for s in audit_plan.need_plan(ws).plan.sessions if s.department]


def test_the_declared_facts_name_everybody_the_plan_needs(ws: Workspace) -> None:
    heads = declare_people(ws)
    audit_plan.generate(ws)
    named = names(ws)
    assert named["top"] == GENERAL_MANAGER and named["manager"] == MANAGER
    assert {k.removeprefix("head_"): v for k, v in named.items() if k.startswith("head_")} == heads
    assert named["auditor_1"] == ""  # the certification body's people: the workspace cannot know
    assert unnamed(ws) == {} and audit_plan.conflicts(ws) == []


def test_nobody_known_every_interview_says_so_in_words(ws: Workspace) -> None:
    audit_plan.generate(ws)
    plan = audit_plan.need_plan(ws).plan
    assert all(p.name == "" for p in plan.setup.people)
    found = unnamed(ws)
    assert set(found) == set(interviews(ws)) and len(found) >= 6
    assert "研发部" in found["interview_rnd"] and "没有指定受访人" in found["interview_rnd"]
    assert "请体系专员" in found["interview_rnd"]  # a head reading it knows who fills it in
    assert "“研发部负责人”" in found["interview_rnd"]
    assert "总经理" in found["interview_management"]
    # a finding an auditor or a manager reads: words, not the conflict's key
    plan_findings = [f for f in ws.findings() if f.code == audit_plan.FINDING_CODE]
    texts = [f.message.zh for f in plan_findings]
    assert any("研发部" in t and "没有指定受访人" in t for t in texts)
    assert not any("no_interviewee" in f.message.zh + f.message.en for f in plan_findings)
    # naming the head clears R&D's, and only R&D's
    audit_plan.rename_person(ws, "head_rnd", "王强")
    after = unnamed(ws)
    assert "interview_rnd" not in after and set(after) == set(found) - {"interview_rnd"}


def test_who_rehearsed_a_department_is_its_interviewee(ws: Workspace) -> None:
    from dataclasses import replace

    facts = ws.facts()  # the department's duties and headcount declared (no name): questions
    ws.set_facts(
        replace(
            facts,
            duties={**facts.duties, "rnd": "负责研发项目立项检索和技术交底"},
            headcount={**facts.headcount, "rnd": 12},
        )
    )
    asked = rehearsal.questions(ws, "rnd")
    assert asked
    rehearsal.record_answer(ws, "rnd", "王强", asked[0].key, "按阶段检索")
    rehearsal.record_answer(ws, "rnd", "王强", asked[-1].key, "由项目负责人审核")
    rehearsal.record_answer(ws, "rnd", "李娜", asked[0].key, "立项时检索")  # fewer answers
    audit_plan.generate(ws)
    assert names(ws)["head_rnd"] == "王强"
    assert "interview_rnd" not in unnamed(ws) and "interview_finance" in unnamed(ws)


def test_generating_again_keeps_the_names_written(ws: Workspace) -> None:
    audit_plan.generate(ws)
    audit_plan.rename_person(ws, "head_finance", "蒋丽华")
    audit_plan.rename_person(ws, "top", "周建国")
    audit_plan.generate(ws, rooms=3, replace_existing=True)
    named = names(ws)
    assert named["head_finance"] == "蒋丽华" and named["top"] == "周建国"
    assert len(audit_plan.need_plan(ws).plan.setup.rooms) == 3


def test_names_in_running_text_and_brackets(ws: Workspace) -> None:
    from dataclasses import replace

    facts = ws.facts()
    duties = dict(facts.duties)
    duties["management"] = "方针由董事长周建国批准；组长林婉清（管理者代表）统筹体系运行"
    duties["finance"] = "负责经费预算；财务部经理蒋丽华审核奖金发放"
    duties["rnd"] = "负责研发项目立项检索"  # no name: stays a placeholder
    ws.set_facts(replace(facts, duties=duties))
    known = audit_plan.known_names(ws)
    assert known[(Role.TOP, "")] == "周建国" and known[(Role.MANAGER, "")] == "林婉清"
    assert known[(Role.HEAD, "finance")] == "蒋丽华"
    assert (Role.HEAD, "rnd") not in known


def test_a_departments_part_of_the_plan(ws: Workspace) -> None:
    audit_plan.generate(ws)  # nobody named: every interview has its conflict
    part, found = audit_plan.department_plan(ws, "rnd")
    assert part is not None
    keys = {s.key for s in part.sessions}
    assert {"opening", "interview_rnd", "closing"} <= keys
    assert not any(k.startswith("interview_") and k != "interview_rnd" for k in keys)
    assert all(set(s.attendees) <= {"head_rnd"} for s in part.sessions)
    people = {p.key for p in part.setup.people}
    assert "head_rnd" in people and "head_finance" not in people and "top" not in people
    # its own conflicts only: R&D's missing interviewee, not the finance department's
    assert [c.sessions for c in found if c.kind is ConflictKind.NO_INTERVIEWEE] == [
        ("interview_rnd",)
    ]
    whole, every = audit_plan.department_plan(ws, None)
    assert whole == audit_plan.need_plan(ws).plan and len(every) > len(found)
    # management: the general manager and the representative
    mgmt, _found = audit_plan.department_plan(ws, "management")
    assert mgmt is not None
    assert {p.key for p in mgmt.setup.people} >= {"top", "manager"}
    assert "interview_management" in {s.key for s in mgmt.sessions}


def test_generating_again_keeps_auditors_escorts_and_rooms(ws: Workspace) -> None:
    audit_plan.generate(ws)
    audit_plan.rename_person(ws, "auditor_1", "赵立平")
    audit_plan.rename_person(ws, "escort_1", "韩立")
    audit_plan.rename_room(ws, "room_1", "三楼大会议室")
    audit_plan.generate(ws, replace_existing=True)
    plan = audit_plan.need_plan(ws).plan
    assert plan.setup.person("auditor_1").name == "赵立平"
    assert plan.setup.person("escort_1").name == "韩立"
    assert plan.setup.room("room_1").name == "三楼大会议室"
    assert plan.setup.escorts["auditor_1"] == "escort_1"
    opening = plan.session("opening")
    assert opening.room == "room_1" and "auditor_1" in opening.auditors
