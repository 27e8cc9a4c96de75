"""Time rules over generated record sets: every violation found, none invented."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from ipaudit.domain.checks import CheckInput, run_checks
from ipaudit.domain.model import Evidence, ItemKind, ItemState, Status, Text
from ipaudit.domain.rules import Every, ItemRule, RuledTemplate, TemplateRules, TimeRule
from ipaudit.domain.timing import period_slots
from tests.factories import DEPARTMENTS, INFO, TEMPLATE, item

PS, PE = INFO.period_start, INFO.period_end  # 2024-01-01 … 2025-12-31
AE = INFO.audit_end  # 2026-03-04: a record dated after it cannot exist at the audit
days = st.dates(min_value=dt.date(2021, 1, 1), max_value=dt.date(2027, 12, 31))


@st.composite
def records(draw: st.DrawFn, n: int = 6) -> list[Evidence]:
    """Records dated, given a period, or undated — inside, across and outside the period."""
    out = []
    for i in range(draw(st.integers(min_value=1, max_value=n))):
        kind = draw(st.sampled_from(["date", "period", "both", "none", "start"]))
        a, b = sorted([draw(days), draw(days)])
        out.append(
            Evidence(
                id=i + 1,
                item_key="x.records",
                slot="",
                sha256=f"{i + 1:064x}",  # different records, different contents
                size=1,
                original_name=f"{i}.pdf",
                title=f"记录{i}",
                department="rnd",
                doc_date=a if kind in ("date", "both") else None,
                period_start=a if kind in ("period", "both", "start") else None,
                period_end=b if kind in ("period", "both") else None,
            )
        )
    return out


def run_rule(rule: ItemRule, files: list[Evidence], kind: ItemKind = ItemKind.RECORDS):
    it = (
        item("x.records", kind, min_count=1)
        if kind is ItemKind.RECORDS
        else item("x.records", kind)
    )
    template = RuledTemplate(
        edition=TEMPLATE.edition,
        title=Text("测试", "test"),
        departments=TEMPLATE.departments,
        clauses=TEMPLATE.clauses,
        items=(it,),
        rules=TemplateRules(items={"x.records": rule}),
    )
    found = run_checks(
        CheckInput(
            INFO, template, DEPARTMENTS, _facts(), {"x.records": ItemState("x.records")}, files
        )
    )
    return [f for f in found if f.item_key == "x.records" and f.code != "records_same_day"]


def _facts():
    from ipaudit.domain.model import Facts

    return Facts()


def undated(ev: Evidence) -> bool:
    return ev.doc_date is None and ev.period_start is None and ev.period_end is None


def after_audit(ev: Evidence) -> bool:
    """Dated (else starting) after the audit's last day: a finding under every rule."""
    day = ev.doc_date or ev.period_start
    return day is not None and day > AE


def flagged(found, code: str) -> set[int]:
    return {
        int(r.split(":")[1])
        for f in found
        if f.code == code
        for r in f.refs
        if r.startswith("evidence:")
    }


@settings(max_examples=200)
@given(records())
def test_event_records_fall_inside_the_period(files: list[Evidence]) -> None:
    found = run_rule(ItemRule(TimeRule.EVENT), files)

    def outside(ev: Evidence) -> bool:
        if ev.doc_date is not None:
            return not PS <= ev.doc_date <= PE
        start = ev.period_start or ev.period_end
        end = ev.period_end or ev.period_start
        return end < PS or start > PE

    assert flagged(found, "record_undated") == {ev.id for ev in files if undated(ev)}
    assert flagged(found, "evidence_dated_after_audit") == {
        ev.id for ev in files if after_audit(ev)
    }
    assert flagged(found, "evidence_outside_period") == {
        ev.id for ev in files if not undated(ev) and not after_audit(ev) and outside(ev)
    }
    valid = [ev for ev in files if not undated(ev) and not outside(ev)]
    assert ("too_few_records" in {f.code for f in found}) is (not valid)


@settings(max_examples=200)
@given(records())
def test_in_force_documents_signed_before_the_end_and_not_expired(files: list[Evidence]) -> None:
    found = run_rule(ItemRule(TimeRule.IN_FORCE), files)

    def not_in_force(ev: Evidence) -> bool:
        signed = ev.doc_date or ev.period_start
        if signed is not None and signed > PE:
            return True
        return ev.period_end is not None and ev.period_end < PE

    assert flagged(found, "record_undated") == {ev.id for ev in files if undated(ev)}
    assert flagged(found, "evidence_dated_after_audit") == {
        ev.id for ev in files if after_audit(ev)
    }
    assert flagged(found, "document_not_in_force") == {
        ev.id for ev in files if not undated(ev) and not after_audit(ev) and not_in_force(ev)
    }
    assert "evidence_outside_period" not in {f.code for f in found}  # old contracts are fine


@settings(max_examples=200)
@given(records(), st.integers(min_value=0, max_value=6))
def test_yearly_documents_cover_every_year(files: list[Evidence], lead: int) -> None:
    files = [
        replace(ev, period_end=None, period_start=None) if ev.period_end else ev for ev in files
    ]
    found = run_rule(ItemRule(TimeRule.YEARLY, lead_months=lead), files, ItemKind.YEARLY)

    def years(ev: Evidence) -> set[int]:
        day = ev.doc_date or ev.period_start
        if day is None:
            return set()
        out = {day.year}
        first_of_next = dt.date(day.year + 1, 1, 1)
        # dated within ``lead`` whole months before the next year: that year's document
        months_left = 12 - day.month + 1
        if lead and months_left <= lead and day < first_of_next:
            out.add(day.year + 1)
        return out

    shown = [ev for ev in files if not after_audit(ev)]
    missing = {y for y in (2024, 2025) if not any(y in years(ev) for ev in shown)}
    reported = {int(f.refs[0]) for f in found if f.code == "year_not_covered"}
    assert reported == missing
    assert flagged(found, "evidence_dated_after_audit") == {
        ev.id for ev in files if after_audit(ev)
    }
    # a document for a year after the period, ready at the audit (next year's plan), is early,
    # not wrong; one for a year before the period is outside it
    assert flagged(found, "evidence_outside_period") == {
        ev.id
        for ev in shown
        if not undated(ev) and not years(ev) & {2024, 2025} and min(years(ev)) < 2024
    }


def test_a_plan_approved_in_the_last_quarter_counts_for_next_year() -> None:
    plan = Evidence(
        1,
        "x.records",
        "",
        "0" * 64,
        1,
        "p.pdf",
        "2025年培训计划",
        "rnd",
        doc_date=dt.date(2023, 12, 15),
    )
    plan_2025 = replace(plan, id=2, sha256="2" * 64, doc_date=dt.date(2025, 1, 3))
    found = run_rule(ItemRule(TimeRule.YEARLY), [plan, plan_2025], ItemKind.YEARLY)
    assert found == []
    late = replace(plan, doc_date=dt.date(2023, 9, 15))  # three and a half months early
    codes = [
        f.code for f in run_rule(ItemRule(TimeRule.YEARLY), [late, plan_2025], ItemKind.YEARLY)
    ]
    assert sorted(codes) == ["evidence_outside_period", "year_not_covered"]


@settings(max_examples=200)
@given(records(n=10), st.sampled_from(list(Every)))
def test_periodic_records_cover_every_slot(files: list[Evidence], every: Every) -> None:
    found = run_rule(ItemRule(TimeRule.PERIODIC, every=every), files)

    def label(day: dt.date) -> str:
        return (
            f"{day.year}Q{(day.month - 1) // 3 + 1}" if every is Every.QUARTER else f"{day:%Y-%m}"
        )

    expected_slots = {label(PS + dt.timedelta(days=d)) for d in range((PE - PS).days + 1)}
    covered: set[str] = set()
    for ev in files:
        if undated(ev) or after_audit(ev):
            continue
        start = ev.period_start or ev.doc_date or ev.period_end
        end = ev.period_end or ev.doc_date or ev.period_start
        if end < PS or start > PE:
            continue
        covered |= {label(start + dt.timedelta(days=d)) for d in range((end - start).days + 1)}
    missing = expected_slots - covered
    reported = {r for f in found if f.code == "period_not_covered" for r in f.refs}
    assert reported == missing


def test_undated_labour_contract_does_not_count_and_old_one_is_in_force() -> None:
    """A contract signed in 2019 for a current employee is fine; an undated one is a finding and
    does not count toward the three."""
    base = Evidence(
        1, "x.records", "", "0" * 64, 1, "c.pdf", "劳动合同", "rnd", doc_date=dt.date(2019, 3, 1)
    )
    files = [
        base,
        replace(base, id=2, sha256="2" * 64, doc_date=dt.date(2022, 5, 1)),
        replace(base, id=3, sha256="3" * 64, doc_date=None),
    ]
    rule = ItemRule(TimeRule.IN_FORCE)
    it = item("x.records", ItemKind.RECORDS, min_count=3)
    template = RuledTemplate(
        edition=TEMPLATE.edition,
        title=Text("t", "t"),
        departments=TEMPLATE.departments,
        clauses=TEMPLATE.clauses,
        items=(it,),
        rules=TemplateRules(items={"x.records": rule}),
    )
    found = run_checks(CheckInput(INFO, template, DEPARTMENTS, _facts(), {}, files))
    assert sorted(f.code for f in found) == ["record_undated", "too_few_records"]
    assert next(f for f in found if f.code == "too_few_records").refs == ("2/3",)


def test_mandatory_item_marked_not_applicable_is_major_and_still_checked() -> None:
    it = item("x.records", ItemKind.RECORDS)
    template = RuledTemplate(
        edition=TEMPLATE.edition,
        title=Text("t", "t"),
        departments=TEMPLATE.departments,
        clauses=TEMPLATE.clauses,
        items=(it,),
        rules=TemplateRules(items={"x.records": ItemRule(TimeRule.EVENT, mandatory=True)}),
    )
    state = ItemState("x.records", Status.NOT_APPLICABLE, na_reason="今年没做")
    found = run_checks(CheckInput(INFO, template, DEPARTMENTS, _facts(), {"x.records": state}, []))
    codes = {f.code: f.grade.value for f in found}
    assert codes["mandatory_not_applicable"] == "major"
    assert codes["evidence_missing"] == "major"


@settings(max_examples=200)
@given(
    st.lists(
        st.tuples(st.integers(min_value=1, max_value=3), st.sampled_from(["init", "design"]), days),
        max_size=8,
    )
)
def test_a_project_with_a_record_in_the_period_is_work_of_the_period(records_: list) -> None:
    """An R&D project initiated before the period and closed in it is a valid sample; a project
    whose records all lie outside the period is not."""
    files = [
        Evidence(
            i + 1, "x.records", f"{inst}/{sub}", "0" * 64, 1, "f.pdf", "记录", "rnd", doc_date=day
        )
        for i, (inst, sub, day) in enumerate(records_)
    ]
    it = replace(TEMPLATE.item("rnd.projects"), key="x.records")
    template = RuledTemplate(
        edition=TEMPLATE.edition,
        title=Text("t", "t"),
        departments=TEMPLATE.departments,
        clauses=TEMPLATE.clauses,
        items=(it,),
        rules=TemplateRules(items={"x.records": ItemRule(TimeRule.EVENT)}),
    )
    found = run_checks(CheckInput(INFO, template, DEPARTMENTS, _facts(), {}, files))
    live = {ev.slot.split("/")[0] for ev in files if PS <= ev.doc_date <= PE}
    expected = {
        ev.id
        for ev in files
        if not PS <= ev.doc_date <= PE and ev.slot.split("/")[0] not in live and not after_audit(ev)
    }
    assert flagged(found, "evidence_outside_period") == expected
    # a record dated after the audit never counts, not even as a phase of a live project
    assert flagged(found, "evidence_dated_after_audit") == {
        ev.id for ev in files if after_audit(ev)
    }


@settings(max_examples=200)
@given(days, days, st.sampled_from(list(Every)))
def test_a_month_or_quarter_still_running_at_the_period_end_is_not_due(
    a: dt.date, b: dt.date, every: Every
) -> None:
    """Monitoring of a quarter is made when the quarter ends: a quarter (or month) that ends after
    the period's last day is not asked for; one that began before the period and ends in it is."""
    start, end = sorted([a, b])
    info = replace(INFO, period_start=start, period_end=end)

    def label(day: dt.date) -> str:
        return (
            f"{day.year}Q{(day.month - 1) // 3 + 1}" if every is Every.QUARTER else f"{day:%Y-%m}"
        )

    # a slot's last day is the day whose next day carries another label
    ends = {
        label(day)
        for day in (start + dt.timedelta(days=d) for d in range((end - start).days + 1))
        if label(day + dt.timedelta(days=1)) != label(day)
    }
    assert set(period_slots(info, every)) == ends
    assert period_slots(info, every) == sorted(ends)


def test_the_running_quarter_of_a_surveillance_period_is_not_asked_for() -> None:
    info = replace(INFO, period_start=dt.date(2025, 11, 27), period_end=dt.date(2026, 12, 14))
    assert period_slots(info, Every.QUARTER) == ["2025Q4", "2026Q1", "2026Q2", "2026Q3"]
    assert period_slots(info, Every.MONTH)[0] == "2025-11"
    assert period_slots(info, Every.MONTH)[-1] == "2026-11"


def test_a_document_renewed_by_number_without_a_gap_is_in_force() -> None:
    """An agreement that expired in the period and its renewal (same document number, valid from
    the next day) are one document in force; under another number the expiry is a finding."""
    old = Evidence(
        1, "x.records", "", "1" * 64, 1, "a.pdf", "保密协议", "rnd",
        doc_number="NDA-007", period_start=dt.date(2022, 1, 1), period_end=dt.date(2024, 12, 31),
    )  # fmt: skip
    new = replace(
        old, id=2, sha256="2" * 64, title="保密协议 2025",
        period_start=dt.date(2025, 1, 1), period_end=dt.date(2027, 12, 31),
    )  # fmt: skip
    assert run_rule(ItemRule(TimeRule.IN_FORCE), [old, new]) == []
    other = replace(new, doc_number="NDA-008")
    assert flagged(
        run_rule(ItemRule(TimeRule.IN_FORCE), [old, other]), "document_not_in_force"
    ) == {1}
