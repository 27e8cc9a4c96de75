"""The audit cycle: default periods by audit type, validation of the dates, prerequisites."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipaudit.domain.checks import CheckInput, run_checks
from ipaudit.domain.cycle import (
    PREREQUISITE,
    add_months,
    default_period,
    validate,
    with_changes,
)
from ipaudit.domain.model import (
    AuditType,
    Edition,
    Evidence,
    Facts,
    Finding,
    Grade,
    ItemState,
    Status,
    WorkspaceInfo,
)
from ipaudit.domain.template import load_builtin
from ipaudit.services import default_departments

TEMPLATE = load_builtin(Edition.GB2023)
DEPARTMENTS = default_departments(TEMPLATE)
AUDIT = dt.date(2026, 3, 10)
BASE = WorkspaceInfo(
    company="示例科技有限公司",
    edition=Edition.GB2023,
    audit_type=AuditType.INITIAL,
    audit_start=AUDIT,
    audit_end=AUDIT + dt.timedelta(days=2),
    period_start=dt.date(2025, 6, 1),
    period_end=AUDIT - dt.timedelta(days=1),
    system_start=dt.date(2025, 6, 1),
)
_ids = iter(range(1, 1_000_000))


def ev(item_key: str, doc_date: dt.date | None, slot: str = "") -> Evidence:
    return Evidence(
        id=next(_ids),
        item_key=item_key,
        slot=slot,
        sha256="0" * 64,
        size=1,
        original_name=f"{item_key}.pdf",
        title="记录",
        department="",
        doc_date=doc_date,
    )


def prerequisites(
    info: WorkspaceInfo,
    evidence: list[Evidence] | None = None,
    facts: Facts | None = None,
    states: dict[str, ItemState] | None = None,
) -> list[Finding]:
    data = CheckInput(
        info=info,
        template=TEMPLATE,
        departments=DEPARTMENTS,
        facts=facts or Facts(),
        states=states or {},
        evidence=evidence
        if evidence is not None
        else [
            ev("ipo.internal_audit", dt.date(2025, 11, 20), "1/report"),
            ev("mgmt.management_review", dt.date(2025, 12, 15), "1/report"),
        ],
    )
    return [
        f
        for f in run_checks(data)
        if f.code in (PREREQUISITE, "surveillance_overdue", "period_not_whole_cycle")
    ]


# --- periods ---------------------------------------------------------------------------------


def test_default_period_follows_the_audit_type() -> None:
    initial = replace(BASE, system_start=dt.date(2025, 9, 1))
    assert default_period(initial) == (dt.date(2025, 9, 1), dt.date(2026, 3, 9))
    surveillance = replace(BASE, audit_type=AuditType.SURVEILLANCE, last_audit=dt.date(2025, 3, 12))
    assert default_period(surveillance) == (dt.date(2025, 3, 13), dt.date(2026, 3, 9))
    recert = replace(
        BASE, audit_type=AuditType.RECERTIFICATION, certificate_start=dt.date(2023, 4, 1)
    )
    assert default_period(recert) == (dt.date(2023, 4, 1), dt.date(2026, 3, 9))
    # without the dates that set them: one year back, three for recertification
    assert default_period(replace(BASE, system_start=None))[0] == dt.date(2025, 3, 10)
    assert default_period(replace(recert, certificate_start=None))[0] == dt.date(2023, 3, 10)


def test_changing_a_date_that_sets_the_period_moves_it_unless_the_period_is_given() -> None:
    moved = with_changes(
        BASE, {"audit_start": dt.date(2026, 5, 4), "audit_end": dt.date(2026, 5, 6)}
    )
    assert (moved.period_start, moved.period_end) == (dt.date(2025, 6, 1), dt.date(2026, 5, 3))
    kept = with_changes(
        BASE, {"audit_type": AuditType.SURVEILLANCE, "period_start": dt.date(2025, 1, 1)}
    )
    assert kept.period_start == dt.date(2025, 1, 1) and kept.period_end == BASE.period_end
    assert with_changes(BASE, {"company": "新名称"}).period_start == BASE.period_start
    with pytest.raises(KeyError):
        with_changes(BASE, {"colour": "red"})


@given(
    st.dates(dt.date(1990, 1, 1), dt.date(2090, 12, 31)),
    st.integers(-120, 120),
)
def test_add_months_lands_in_the_right_month_and_never_overflows(day: dt.date, n: int) -> None:
    moved = add_months(day, n)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == n
    assert moved.day == day.day or (moved.day < day.day and (moved + dt.timedelta(1)).day == 1)


@given(
    st.sampled_from(list(AuditType)),
    st.dates(dt.date(2000, 1, 1), dt.date(2090, 1, 1)),
    st.one_of(st.none(), st.integers(1, 2000)),
)
def test_the_default_period_always_validates(
    kind: AuditType, audit: dt.date, back: int | None
) -> None:
    earlier = None if back is None else audit - dt.timedelta(days=back)
    info = replace(
        BASE,
        audit_type=kind,
        audit_start=audit,
        audit_end=audit,
        last_audit=earlier,
        certificate_start=earlier,
        certificate_end=None,
        system_start=earlier,
    )
    start, end = default_period(info)
    assert validate(replace(info, period_start=start, period_end=end)) == []
    assert end < audit


def test_validation_says_what_is_wrong() -> None:
    assert validate(BASE) == []
    bad = replace(
        BASE,
        company=" ",
        audit_end=AUDIT - dt.timedelta(days=1),
        period_end=AUDIT + dt.timedelta(days=1),
        last_audit=AUDIT + dt.timedelta(days=3),
        certificate_start=dt.date(2024, 1, 1),
        certificate_end=dt.date(2023, 1, 1),
    )
    problems = " ".join(p.en for p in validate(bad))
    assert "company name" in problems
    assert "audit ends" in problems
    assert "must end on or before the audit's first day" in problems
    assert "last audit" in problems
    assert "certificate expires" in problems
    # the period may end exactly on the audit's first day
    assert validate(replace(BASE, period_end=AUDIT)) == []


# --- prerequisites ---------------------------------------------------------------------------


def test_initial_needs_three_months_of_running_system() -> None:
    assert prerequisites(BASE) == []
    short = replace(BASE, system_start=dt.date(2026, 1, 5), period_start=dt.date(2026, 1, 5))
    found = prerequisites(short)
    assert [(f.item_key, f.grade) for f in found] == [("ipo.manual", Grade.MAJOR)]
    assert "64 days" in found[0].message.en
    exactly = replace(BASE, system_start=dt.date(2025, 12, 10))
    assert prerequisites(exactly) == []
    undeclared = prerequisites(replace(BASE, system_start=None))
    assert [f.refs for f in undeclared] == [("system_start",)]


def test_initial_needs_one_valid_ip_right_when_the_portfolio_is_declared() -> None:
    assert prerequisites(BASE, facts=Facts(portfolio={"invention": 0, "trademark": 1})) == []
    none = prerequisites(BASE, facts=Facts(portfolio={"invention": 0, "trademark": 0}))
    assert [(f.item_key, f.refs) for f in none] == [("ipo.portfolio_register", ("portfolio",))]
    surveillance = replace(BASE, audit_type=AuditType.SURVEILLANCE, last_audit=dt.date(2025, 3, 12))
    facts = Facts(portfolio={"invention": 0}, open_nonconformities=0)
    assert prerequisites(surveillance, facts=facts) == []


@pytest.mark.parametrize("kind", list(AuditType))
def test_internal_audit_and_review_must_be_dated_before_the_audit(kind: AuditType) -> None:
    info = replace(
        BASE,
        audit_type=kind,
        last_audit=dt.date(2025, 3, 12),
        certificate_start=dt.date(2023, 4, 1),
        period_start=dt.date(2023, 4, 1),
    )
    facts = Facts(open_nonconformities=0)
    assert prerequisites(info, facts=facts) == []
    late = [
        ev("ipo.internal_audit", AUDIT, "1/report"),  # on the audit's first day: too late
        ev("mgmt.management_review", None, "1/report"),  # undated: proves nothing
    ]
    found = prerequisites(info, late, facts)
    assert sorted(f.item_key for f in found) == ["ipo.internal_audit", "mgmt.management_review"]
    assert all(f.grade is Grade.MAJOR for f in found)
    # waived as not applicable: still a missing prerequisite
    waived = {
        "ipo.internal_audit": ItemState("ipo.internal_audit", Status.NOT_APPLICABLE, "今年没做")
    }
    found = prerequisites(info, late[1:], facts, waived)
    assert "ipo.internal_audit" in {f.item_key for f in found}
    # no file at all: "evidence missing" says it, not twice
    assert prerequisites(info, [], facts) == []


def test_surveillance_needs_the_last_audit_and_closed_nonconformities() -> None:
    info = replace(BASE, audit_type=AuditType.SURVEILLANCE, last_audit=dt.date(2025, 3, 12))
    assert prerequisites(info, facts=Facts(open_nonconformities=0)) == []
    undeclared = prerequisites(info)
    assert [(f.item_key, f.refs) for f in undeclared] == [
        ("ipo.corrective_actions", ("open_nonconformities",))
    ]
    still_open = prerequisites(info, facts=Facts(open_nonconformities=2))
    assert len(still_open) == 1 and "2 are still open" in still_open[0].message.en
    no_last = prerequisites(replace(info, last_audit=None), facts=Facts(open_nonconformities=0))
    assert [(f.grade, f.refs) for f in no_last] == [(Grade.MAJOR, ("last_audit",))]
    overdue = prerequisites(
        replace(info, last_audit=dt.date(2024, 12, 1)), facts=Facts(open_nonconformities=0)
    )
    assert [(f.code, f.grade) for f in overdue] == [("surveillance_overdue", Grade.OBSERVATION)]


def test_recertification_covers_the_whole_cycle_of_a_valid_certificate() -> None:
    info = replace(
        BASE,
        audit_type=AuditType.RECERTIFICATION,
        certificate_start=dt.date(2023, 4, 1),
        certificate_end=dt.date(2026, 3, 31),
        period_start=dt.date(2023, 4, 1),
    )
    assert prerequisites(info) == []
    assert [f.refs for f in prerequisites(replace(info, certificate_start=None))] == [
        ("certificate_start",)
    ]
    short = prerequisites(replace(info, period_start=dt.date(2025, 3, 10)))
    assert [(f.code, f.grade) for f in short] == [("period_not_whole_cycle", Grade.MINOR)]
    expired = prerequisites(replace(info, certificate_end=dt.date(2026, 2, 28)))
    assert [(f.grade, f.refs) for f in expired] == [(Grade.MAJOR, ("certificate_end",))]


def test_a_prerequisite_finding_has_a_stable_key_and_can_be_accepted() -> None:
    info = replace(BASE, system_start=None)
    first = prerequisites(info)[0]
    assert first.key == prerequisites(info)[0].key
    data = CheckInput(
        info=info,
        template=TEMPLATE,
        departments=DEPARTMENTS,
        facts=Facts(),
        states={},
        evidence=[],
        accepted={first.key: "体系于2025年6月1日随手册发布运行"},
    )
    accepted = next(f for f in run_checks(data) if f.key == first.key)
    assert accepted.accepted and not accepted.blocking
