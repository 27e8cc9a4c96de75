"""The demo workspace is a realistic company: every finding in it is one of its deliberate gaps,
records are dated as real work dates them, answers are real, every department has a procedure,
the people and the budget of the period are declared."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from ipaudit.demo import content
from ipaudit.demo.build import build_demo
from ipaudit.services import Workspace

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
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("demo") / "demo.ipaudit")


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
