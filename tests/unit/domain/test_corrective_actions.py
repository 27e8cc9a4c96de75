"""Corrective actions: overdue grading as data, closing and verifying in order, and the previous
audit's open nonconformities feeding the surveillance prerequisite."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from ipaudit.domain import corrective_actions as ca
from ipaudit.domain.checks import CheckInput
from ipaudit.domain.cycle import PREREQUISITE, prerequisite_findings
from ipaudit.domain.facts import Declared, FactKind
from ipaudit.domain.model import Facts, Grade
from ipaudit.domain.template import load_builtin
from ipaudit.services.workspace import default_departments
from tests.factories import INFO

DAY = dt.date(2026, 12, 1)


def action(**kw) -> ca.CorrectiveAction:
    base = ca.CorrectiveAction("CA-001", ca.NcSource.INTERNAL_AUDIT, "培训签到表缺失", raised=DAY)
    return replace(base, **kw)


@pytest.mark.parametrize(
    ("source", "days", "grade"),
    [
        (ca.NcSource.INTERNAL_AUDIT, 0, None),
        (ca.NcSource.INTERNAL_AUDIT, 1, Grade.OBSERVATION),
        (ca.NcSource.MOCK_AUDIT, 30, Grade.OBSERVATION),
        (ca.NcSource.MOCK_AUDIT, 31, Grade.MINOR),
        (ca.NcSource.CERTIFICATION, 1, Grade.MINOR),
        (ca.NcSource.CERTIFICATION, 90, Grade.MINOR),
        (ca.NcSource.CERTIFICATION, 91, Grade.MAJOR),
    ],
)
def test_overdue_grade_by_days_and_source(source, days, grade) -> None:
    due = DAY + dt.timedelta(days=10)
    a = action(source=source, due=due)
    today = due + dt.timedelta(days=days)
    assert a.days_overdue(today) == days
    assert ca.overdue_grade(a, today) is grade


def test_done_or_undated_actions_are_never_overdue() -> None:
    late = DAY + dt.timedelta(days=400)
    assert ca.overdue_grade(action(due=None), late) is None
    done = ca.close(action(due=DAY + dt.timedelta(days=5)), DAY + dt.timedelta(days=3))
    assert done.status is ca.ActionStatus.DONE and ca.overdue_grade(done, late) is None


def test_close_then_verify_in_order() -> None:
    a = action(due=DAY + dt.timedelta(days=30))
    with pytest.raises(ca.ActionError):  # not done yet
        ca.verify(a, ca.Verification(DAY, "李审", "已核查"))
    done = ca.close(a, DAY + dt.timedelta(days=5), evidence_ids=[7, 7], item_keys=["hr.trainings"])
    assert done.evidence_ids == (7,) and done.item_keys == ("hr.trainings",)
    with pytest.raises(ca.ActionError):  # verified before it was done
        ca.verify(done, ca.Verification(DAY + dt.timedelta(days=4), "李审", "已核查"))
    ok = ca.verify(done, ca.Verification(DAY + dt.timedelta(days=9), "李审", "已核查"))
    assert ok.status is ca.ActionStatus.VERIFIED
    with pytest.raises(ca.ActionError):
        ca.close(ok, DAY + dt.timedelta(days=10))
    again = ca.verify(done, ca.Verification(DAY + dt.timedelta(days=9), "李审", "仍缺", False))
    assert again.status is ca.ActionStatus.IN_PROGRESS and again.verification is not None


def test_inconsistent_actions_are_refused() -> None:
    with pytest.raises(ca.ActionError):
        ca.check(action(finding=" "))
    with pytest.raises(ca.ActionError):
        ca.check(action(status=ca.ActionStatus.VERIFIED))
    with pytest.raises(ca.ActionError):
        ca.check(action(due=DAY - dt.timedelta(days=1)))


def test_previous_audit_open_counts_the_certification_bodys_unverified() -> None:
    assert ca.previous_audit_open([action()], DAY) is None  # internal ones do not count
    ext = action(source=ca.NcSource.CERTIFICATION, raised=DAY - dt.timedelta(days=300))
    verified = replace(
        ext,
        key="CA-002",
        status=ca.ActionStatus.VERIFIED,
        completed=DAY - dt.timedelta(days=200),
        verification=ca.Verification(DAY - dt.timedelta(days=100), "x", "ok"),
    )
    this_audit = replace(ext, key="CA-003", raised=DAY + dt.timedelta(days=1))
    assert ca.previous_audit_open([ext, verified, this_audit], DAY) == 1
    assert ca.previous_audit_open([verified], DAY) == 0


def _prereqs(facts: Facts, derived: dict[str, Declared]) -> list[str]:
    template = load_builtin(INFO.edition)
    data = CheckInput(
        info=replace(INFO, last_audit=dt.date(2025, 3, 1)),
        template=template,
        departments=default_departments(template),
        facts=facts,
        states={},
        evidence=[],
        derived=derived,
    )
    return [
        f.message.en
        for f in prerequisite_findings(data)
        if f.code == PREREQUISITE and "open_nonconformities" in f.refs
    ]


def test_the_surveillance_prerequisite_reads_the_actions_before_the_declared_number() -> None:
    from decimal import Decimal

    declared_closed = Facts(open_nonconformities=0)
    assert _prereqs(declared_closed, {}) == []
    two_open = {ca.PREVIOUS_OPEN_FACT: Declared(FactKind.NUMBER, "2", number=Decimal(2))}
    found = _prereqs(declared_closed, two_open)
    assert len(found) == 1 and "2 are still open" in found[0]
    none_open = {ca.PREVIOUS_OPEN_FACT: Declared(FactKind.NUMBER, "0", number=Decimal(0))}
    assert _prereqs(Facts(open_nonconformities=3), none_open) == []
    assert len(_prereqs(Facts(), {})) == 1  # neither declared nor tracked


def test_json_round_trip_and_numbering() -> None:
    a = ca.verify(
        ca.close(action(due=DAY + dt.timedelta(days=3), owner="王五"), DAY, evidence_ids=[3]),
        ca.Verification(DAY + dt.timedelta(days=1), "李审", "有效"),
    )
    assert ca.action_from_json(ca.action_json(a), 4) == replace(a, version=4)
    assert ca.new_key([]) == "CA-001"
    assert ca.new_key(["CA-001", "CA-009", "X"]) == "CA-010"
