"""Chronology rules over generated record sets: every violation found, none invented."""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from ipaudit.domain.checks import CheckInput, run_checks
from ipaudit.domain.model import Evidence, Facts, ItemKind, ItemState, SubRecord, Text
from ipaudit.domain.rules import (
    ItemOrder,
    ItemRule,
    PhaseOrder,
    RuledTemplate,
    SameDay,
    TemplateRules,
    TimeRule,
)
from tests.factories import DEPARTMENTS, INFO, TEMPLATE, item

PHASES = (("init", "search"), ("design",), ("dev",), ("closing",))
SUBS = tuple(SubRecord(k, Text(k, k)) for group in PHASES for k in group)
PROJECTS = item(
    "rnd.projects",
    ItemKind.RECORD_SET,
    instances=3,
    instance_label=Text("项目", "project"),
    sub_records=SUBS,
)
AUDIT = item(
    "ipo.audit",
    ItemKind.RECORD_SET,
    department="ip_office",
    instances=1,
    instance_label=Text("内审", "audit"),
    sub_records=(SubRecord("report", Text("报告", "report")),),
)
REVIEW = item(
    "rnd.review",
    ItemKind.RECORD_SET,
    instances=1,
    instance_label=Text("评审", "review"),
    sub_records=(SubRecord("meeting", Text("会议", "meeting")),),
)
in_period = st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2025, 12, 31))
_ids = iter(range(1, 10**9))


def ev(item_key: str, slot: str, day: dt.date | None, dep: str = "rnd") -> Evidence:
    return Evidence(next(_ids), item_key, slot, "0" * 64, 1, "f.pdf", "记录", dep, doc_date=day)


def template(**rules) -> RuledTemplate:
    return RuledTemplate(
        edition=TEMPLATE.edition,
        title=Text("t", "t"),
        departments=TEMPLATE.departments,
        clauses=TEMPLATE.clauses,
        items=(PROJECTS, AUDIT, REVIEW),
        rules=TemplateRules(
            items={
                k: ItemRule(TimeRule.EVENT) for k in ("rnd.projects", "ipo.audit", "rnd.review")
            },
            **rules,
        ),
    )


def found(t: RuledTemplate, files: list[Evidence]):
    return run_checks(CheckInput(INFO, t, DEPARTMENTS, Facts(), {}, files))


@st.composite
def project_records(draw: st.DrawFn) -> list[Evidence]:
    out = []
    for i in (1, 2, 3):
        for sub in SUBS:
            if draw(st.booleans()):
                out.append(ev("rnd.projects", f"{i}/{sub.key}", draw(in_period)))
    return out


@settings(max_examples=300)
@given(project_records())
def test_phases_out_of_order(files: list[Evidence]) -> None:
    t = template(phase_orders=(PhaseOrder("rnd.projects", PHASES),), same_day=SameDay(99, 999, 1.0))
    reported = {
        (int(f.refs[0]), f.refs[1], f.refs[2])
        for f in found(t, files)
        if f.code == "records_out_of_order"
    }
    expected = set()
    for i in (1, 2, 3):
        day = {}
        for e in files:
            inst, _, sub = e.slot.partition("/")
            if int(inst) == i and (sub not in day or e.doc_date < day[sub]):
                day[sub] = e.doc_date
        present = [[(k, day[k]) for k in group if k in day] for group in PHASES]
        present = [g for g in present if g]
        for before, after in pairwise(present):
            expected |= {(i, a, b) for a, da in before for b, db in after if db < da}
    assert reported == expected


def test_closing_before_initiation_is_found() -> None:
    t = template(phase_orders=(PhaseOrder("rnd.projects", PHASES),))
    files = [
        ev("rnd.projects", "1/init", dt.date(2025, 6, 1)),
        ev("rnd.projects", "1/closing", dt.date(2025, 3, 1)),
    ]
    out = [f for f in found(t, files) if f.code == "records_out_of_order"]
    assert len(out) == 1 and out[0].refs == ("1", "init", "closing")
    assert "2025-03-01" in out[0].message.zh and out[0].grade.value == "minor"


@settings(max_examples=300)
@given(st.lists(in_period, max_size=4), st.lists(in_period, max_size=4))
def test_management_review_after_the_internal_audit(audits: list, reviews: list) -> None:
    t = template(
        item_orders=(ItemOrder("ipo.audit", "rnd.review", within_months=12),),
        same_day=SameDay(99, 999, 1.0),
    )
    files = [ev("ipo.audit", "1/report", d, "ip_office") for d in audits]
    files += [ev("rnd.review", "1/meeting", d) for d in reviews]
    reported = {
        int(r.split(":")[1])
        for f in found(t, files)
        if f.code == "records_out_of_order"
        for r in f.refs
        if r.startswith("evidence:")
    }

    def year_before(day: dt.date) -> dt.date:
        try:
            return day.replace(year=day.year - 1)
        except ValueError:  # 29 February
            return day.replace(year=day.year - 1, day=28)

    expected = {
        e.id
        for e in files
        if e.item_key == "rnd.review"
        and audits
        and not any(year_before(e.doc_date) <= a <= e.doc_date for a in audits)
    }
    assert reported == expected


@settings(max_examples=200)
@given(st.lists(st.sampled_from([dt.date(2025, 3, d) for d in (1, 2, 3)]), min_size=0, max_size=12))
def test_records_written_on_one_day(days: list[dt.date]) -> None:
    rule = SameDay(set_min=3, department_min=8, department_share=0.5)
    t = template(same_day=rule)
    files = [ev("rnd.projects", f"{1 + i % 3}/init", d) for i, d in enumerate(days)]
    out = [f for f in found(t, files) if f.code == "records_same_day"]
    whole_set = len(days) >= 3 and len(set(days)) == 1
    top = max((days.count(d) for d in set(days)), default=0)
    department = len(days) >= 8 and top >= 0.5 * len(days)
    assert sum(1 for f in out if "department" not in f.refs) == int(whole_set)
    assert sum(1 for f in out if "department" in f.refs) == int(department)
    assert all(f.grade.value == "observation" for f in out)


def test_forty_records_on_one_day_look_written_after_the_fact() -> None:
    files = [
        ev("rnd.projects", f"{1 + i % 3}/{SUBS[i % 5].key}", dt.date(2025, 11, 30))
        for i in range(40)
    ]
    out = [f for f in found(template(), files) if f.code == "records_same_day"]
    assert {("department" in f.refs) for f in out} == {True, False}


def test_undated_and_state_names() -> None:
    t = template(phase_orders=(PhaseOrder("rnd.projects", PHASES),))
    files = [
        ev("rnd.projects", "2/design", dt.date(2025, 6, 1)),
        ev("rnd.projects", "2/dev", dt.date(2025, 5, 1)),
    ]
    states = {"rnd.projects": ItemState("rnd.projects", instance_names=("甲", "智能网关"))}
    out = run_checks(CheckInput(INFO, t, DEPARTMENTS, Facts(), states, files))
    msg = next(f for f in out if f.code == "records_out_of_order").message.zh
    assert "智能网关" in msg
