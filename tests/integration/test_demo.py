"""The demo workspace is a realistic company: every finding in it is one of its deliberate gaps,
records are dated as real work dates them, answers are real, every department has a procedure,
the people and the budget of the period are declared. As ``ipaudit demo`` builds it, it also holds
the audit day and the cycle: a plan without conflicts, rehearsals, an imported request list, a
walked mock audit and corrective actions, each made through its service."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import docx
import pytest

from ipaudit.demo import audit_day, content
from ipaudit.demo.build import build_demo
from ipaudit.domain.audit_plan import Role, SessionKind
from ipaudit.domain.comparison import DiffKind
from ipaudit.domain.corrective_actions import OVERDUE, PREVIOUS_OPEN_FACT, ActionStatus
from ipaudit.domain.cycle import CORRECTIVE_ACTIONS
from ipaudit.domain.mock_audit import draw
from ipaudit.domain.request_list import Coverage
from ipaudit.services import (
    Workspace,
    audit_plan,
    calendar,
    corrective_actions,
    mock_audit,
    next_cycle,
    rehearsal,
    request_list,
)

FILLER = "按《知识产权管理手册》和相应程序文件执行，记录见本条目所附证据。"
# the deliberate gaps: each fires, nothing else does
DELIBERATE = {
    "answer_contradicts_fact",
    "answer_missing",
    "budget_overspent",
    "evidence_missing",
    "evidence_outside_period",
    "fact_not_declared",
    "ledger.batch_mismatch",
    "ledger.unpaid_reward",
    "na_without_reason",
    "objective_not_in_list",
    "objective_split_mismatch",
    "person_record_missing",
    "record_set_incomplete",
    "too_few_records",
    "year_not_covered",
    "corrective_action_overdue",  # the internal audit's action (the audit day's one gap)
}


PROGRESS: list[tuple[int, int]] = []  # what the demo's build reported


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    PROGRESS.clear()
    path = tmp_path_factory.mktemp("demo") / "demo.ipaudit"
    return build_demo(path, audit_day=True, progress=lambda n, total: PROGRESS.append((n, total)))


def test_every_finding_is_a_deliberate_gap(demo: Path) -> None:
    with Workspace.open(demo) as ws:
        codes = {f.code for f in ws.findings()}
        people = sorted(
            (f.item_key, f.refs[0]) for f in ws.findings() if f.code.startswith("person")
        )
        budget = [f.refs[0] for f in ws.findings() if f.code == "budget_overspent"]
        overall, _ = ws.readiness()
    assert codes == DELIBERATE
    assert people == [("hr.exit_handover", "谢振华")]
    assert budget == ["search"]
    assert 80 < overall.percent < 100


def test_the_cycle_is_a_surveillance_audit_with_its_dates(demo: Path) -> None:
    with Workspace.open(demo) as ws:
        info = ws.info()
        facts = ws.facts()
    assert info.last_audit is not None and info.period_start == info.last_audit + dt.timedelta(1)
    assert info.period_end < info.audit_start
    assert info.certificate_start and info.certificate_end and info.system_start
    assert facts.open_nonconformities == 0
    assert {p.kind.value for p in facts.people} == {"hire", "leaver"}
    assert set(facts.budget) >= {"application", "agency", "rewards", "training"}


def test_records_are_dated_as_work_happens(demo: Path) -> None:
    with Workspace.open(demo) as ws:
        evidence = ws.evidence()
        info = ws.info()
    days = [ev.doc_date for ev in evidence if ev.doc_date]
    # no weekend, and no day carries more than a few records
    assert all(day.weekday() < 5 for day in days)
    busiest, count = Counter(days).most_common(1)[0]
    assert count <= len(days) // 10, busiest
    # documents in force were issued before the period, event records fall in it
    assert min(days) < info.period_start
    by_item = Counter(ev.item_key for ev in evidence)
    assert by_item["ipo.maintenance"] >= 4  # one per quarter
    # an R&D project's phases follow each other
    project = sorted(
        (ev for ev in evidence if ev.item_key == "rnd.projects" and ev.slot.startswith("1/")),
        key=lambda ev: ev.doc_date or dt.date.min,
    )
    slots = [ev.slot for ev in project]
    assert (slots[0], slots[-1]) == ("1/initiation", "1/closing")
    audit = max(ev.doc_date for ev in evidence if ev.item_key == "ipo.internal_audit")
    review = min(ev.doc_date for ev in evidence if ev.item_key == "mgmt.management_review")
    assert audit and review and audit < review


def test_answers_are_real_and_every_department_has_a_procedure(demo: Path) -> None:
    with Workspace.open(demo) as ws:
        answers = [a for s in ws.states().values() for a in s.answers.values()]
        departments = {d.key for d in ws.departments(active_only=True)}
        facts = ws.facts()
    assert answers and FILLER not in answers
    assert departments <= {p.department for p in facts.procedures}
    assert facts.procedures == content.PROCEDURES


# --- the audit day and the cycle -------------------------------------------------------------------


def test_the_plan_names_the_company_people_and_has_no_conflict(demo: Path) -> None:
    with Workspace.open(demo) as ws:
        plan = audit_plan.plan_of(ws)
        conflicts = audit_plan.conflicts(ws)
        info = ws.info()
        departments = {d.key for d in ws.departments(active_only=True)}
        pack = audit_plan.pack_documents(ws)
        codes = {f.code for f in ws.findings()}
    assert plan is not None and conflicts == [] and audit_plan.FINDING_CODE not in codes
    assert all(p.name for p in plan.setup.people) and all(r.name for r in plan.setup.rooms)
    heads = plan.setup.of_role(Role.HEAD)
    staff = {k: {"".join(n.split()) for n in names} for k, names in content.STAFF.items()}
    assert heads and all(p.name in staff[p.department] for p in heads)  # the demo's own people
    interviewed = {s.department for s in plan.sessions if s.kind is SessionKind.INTERVIEW}
    assert interviewed == departments
    assert all(info.audit_start <= s.day <= info.audit_end for s in plan.sessions)
    assert {d.ext for d in pack} == {"docx", "xlsx"}


def test_rehearsals_give_a_mix_of_interview_readiness(demo: Path) -> None:
    with Workspace.open(demo) as ws:
        ready = rehearsal.readiness(ws)
        wrong_dep, wrong_person = audit_day.REHEARSED_WRONG
        attempts = rehearsal.attempts(ws, wrong_dep, wrong_person)
        right_dep = audit_day.REHEARSED_RIGHT[0]
        everything = len(rehearsal.questions(ws, right_dep))
    percents = [r.percent for r in ready.values()]
    assert all(0 <= p <= 100 for p in percents) and not all(p == 100 for p in percents)
    assert ready[right_dep].percent == 100 and ready[right_dep].answered == everything
    assert 0 < ready[wrong_dep].percent < 100
    failed = [a for a in attempts if not a.passed]
    assert len(failed) == 1 and failed[0].differences[0].kind is DiffKind.WRONG_NUMBER
    assert all(a.passed for a in attempts if a is not failed[0])


def test_the_request_list_is_imported_worded_its_own_way_and_partly_confirmed(demo: Path) -> None:
    with Workspace.open(demo) as ws:
        found = request_list.coverage(ws)
        titles = {i.title.zh for i in ws.template.items}
    requested = [rc.line.request.title for rc in found]
    assert requested == [title for _dep, title, _note in audit_day.REQUEST_LIST]
    assert not set(requested) & titles  # worded unlike the checklist
    confirmed = [rc for rc in found if rc.line.confirmed]
    assert 0 < len(confirmed) < len(found)
    by_number = {rc.line.number: rc for rc in found}
    corrected, no_item = audit_day.CORRECTED
    assert by_number[corrected].line.matched == audit_day.CORRECTED[corrected]
    assert by_number[corrected].coverage is Coverage.COVERED  # the verified action's form
    assert by_number[no_item].line.matched == () and by_number[no_item].coverage is Coverage.MISSING
    assert {rc.coverage for rc in found} == set(Coverage)


def test_the_mock_audit_is_drawn_from_its_seed_and_walked(demo: Path, tmp_path: Path) -> None:
    with Workspace.open(demo) as ws:
        (audit,) = mock_audit.audits(ws)
        again = draw(audit.plan, mock_audit.population(ws, audit.plan), audit.seed)
        actions = corrective_actions.by_origin(ws)
        info = ws.info()
        written = mock_audit.write_reports(ws, audit, tmp_path / "reports")
    assert audit.seed == audit_day.MOCK_AUDIT_SEED and audit.date < info.audit_start
    assert [s.ref for s in again] == [s.ref for s in audit.samples]  # reproducible
    assert 0 < audit.walked < len(audit.samples)
    awareness = [s for s in audit.samples if s.awareness]
    assert awareness and all(s.person and s.policy_ok is not None for s in awareness)
    assert not any(" " in s.person for s in awareness)  # names as said, not as padded in HR's list
    ncs = audit.nonconformities()
    assert ncs and all(f"{audit.key}/{s.key}" in actions for s in ncs)
    assert len(written) == 1 + len(ncs)
    # the nonconformity report states what the walk found
    notes = {s.note for s in ncs}
    texts = [_docx_text(path) for path in written[1:]]
    assert all(any(note in text for text in texts) for note in notes)


def test_corrective_actions_closed_open_and_overdue(demo: Path) -> None:
    with Workspace.open(demo) as ws:
        stored = corrective_actions.actions(ws)
        overdue = corrective_actions.overdue(ws)
        found = [f for f in ws.findings() if f.code == OVERDUE]
        derived = corrective_actions.derived_facts(ws)
        declared = ws.facts().open_nonconformities
        forms = {ev.id for ev in ws.evidence(CORRECTIVE_ACTIONS)}
    verified = [a for a in stored if a.status is ActionStatus.VERIFIED]
    assert len(verified) == 1 and verified[0].verification is not None
    assert verified[0].evidence_ids and set(verified[0].evidence_ids) <= forms
    assert len(overdue) == 1 and [f.refs[0] for f in found] == [overdue[0].key]
    assert found[0].item_key in overdue[0].item_keys  # filed under the item it is about
    not_due = [a for a in stored if not a.status.finished and a not in overdue]
    assert not_due and all(a.due and a.due > dt.date.today() for a in not_due)
    # the last audit's nonconformity is closed, as the demo declares
    assert derived[PREVIOUS_OPEN_FACT].number == declared == 0


def test_the_demo_with_its_audit_day_rolls_over_to_the_next_cycle(
    demo: Path, tmp_path: Path
) -> None:
    with Workspace.open(demo) as ws:
        stored = corrective_actions.actions(ws)
        started = next_cycle.start_next_cycle(ws, tmp_path / "next.ipaudit")
    with Workspace.open(started.path) as new:
        carried = {a.key for a in corrective_actions.actions(new)}
    # the open actions carry over, the verified one stays in this cycle's file
    assert carried == {a.key for a in stored if a.status is not ActionStatus.VERIFIED}
    assert started.left_actions == 1


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_build_reports_its_progress_to_the_end(demo: Path) -> None:
    done = [n for n, _total in PROGRESS]
    totals = {total for _n, total in PROGRESS}
    assert done == sorted(done) and len(totals) == 1
    assert done[-1] == totals.pop()  # the audit day included
    with Workspace.open(demo) as ws:
        assert max(done) > len(ws.template.items)


AUDIT_DAY_KINDS = (
    audit_plan.KIND,
    rehearsal.KIND,
    request_list.KIND,
    mock_audit.KIND,
    corrective_actions.KIND,
)


def _audit_day(path: Path) -> dict[str, list[tuple[str, object]]]:
    """The audit day's records, without the moments rehearsal answers were given."""
    with Workspace.open(path) as ws:
        out: dict[str, list[tuple[str, object]]] = {}
        for kind in AUDIT_DAY_KINDS:
            rows = []
            for r in ws.records.all(kind):
                value = dict(r.value)
                if kind == rehearsal.KIND:
                    value["attempts"] = [
                        {k: v for k, v in a.items() if k != "at"} for a in value["attempts"]
                    ]
                rows.append((r.key, value))
            out[kind] = sorted(rows, key=lambda row: row[0])
    return out


def test_the_audit_day_is_the_same_on_every_build(demo: Path, tmp_path: Path) -> None:
    again = build_demo(tmp_path / "again.ipaudit", audit_day=True)
    first = _audit_day(demo)
    assert all(first[kind] for kind in AUDIT_DAY_KINDS)
    assert _audit_day(again) == first


def test_the_calendar_holds_the_plan_and_the_open_actions(demo: Path, tmp_path: Path) -> None:
    import icalendar

    with Workspace.open(demo) as ws:
        sessions = audit_plan.need_plan(ws).plan.sessions
        unfinished = [a for a in corrective_actions.actions(ws) if not a.status.finished]
        path, count = calendar.write_calendar(ws, tmp_path / "audit.ics")
    events = list(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))
    assert count == len(events) == len(sessions) + len(unfinished) and unfinished


def test_a_department_calendar_holds_its_part(demo: Path, tmp_path: Path) -> None:
    """A department view's calendar (calendar --department): its sessions and its actions."""
    import icalendar

    with Workspace.open(demo) as ws:
        mine = [a for a in corrective_actions.actions(ws) if not a.status.finished]
        department = mine[0].department
        mine = [a for a in mine if a.department == department and a.due is not None]
        part, _conflicts = audit_plan.department_plan(ws, department)
        assert part is not None
        whole = len(audit_plan.need_plan(ws).plan.sessions)
        path, count = calendar.write_calendar(ws, tmp_path / "dept.ics", department=department)
        tag = calendar.workspace_tag(ws)  # the workspace's id, not its file name
    events = list(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))
    actions = {str(e["UID"]) for e in events if str(e["UID"]).startswith("action-")}
    assert actions == {f"action-{a.key}-{tag}@ipaudit" for a in mine} and mine
    assert count == len(events) == len(part.sessions) + len(mine)
    assert 0 < len(part.sessions) < whole
