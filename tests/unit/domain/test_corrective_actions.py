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
    """An action filled in as a user would before closing it (no evidence yet)."""
    base = ca.CorrectiveAction(
        "CA-001",
        ca.NcSource.INTERNAL_AUDIT,
        "培训签到表缺失",
        raised=DAY,
        root_cause="培训结束时未核对签到",
        action="培训结束时由行政人事部核对签到人数",
        owner="冯婷",
    )
    return replace(base, **kw)


def empty(**kw) -> ca.CorrectiveAction:
    """An action with only its nonconformity written."""
    base = ca.CorrectiveAction("CA-003", ca.NcSource.CERTIFICATION, "未见背景调查记录", raised=DAY)
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
    done = ca.close(
        action(due=DAY + dt.timedelta(days=5)), DAY + dt.timedelta(days=3), evidence_ids=[1]
    )
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
    assert ca.is_closed(ok)
    with pytest.raises(ca.ActionError):
        ca.close(ok, DAY + dt.timedelta(days=10), evidence_ids=[8])
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
        evidence_ids=(5,),
        verification=ca.Verification(DAY - dt.timedelta(days=100), "x", "ok"),
    )
    this_audit = replace(ext, key="CA-003", raised=DAY + dt.timedelta(days=1))
    assert ca.previous_audit_open([ext, verified, this_audit], DAY) == 1
    assert ca.previous_audit_open([verified], DAY) == 0
    # verified with nothing written (a record stored before the close rule): not closed
    hollow = replace(verified, root_cause="", action="", owner="", evidence_ids=())
    assert not ca.is_closed(hollow)
    assert ca.previous_audit_open([hollow], DAY) == 1


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


# --- what closing and verifying need ------------------------------------------------------------


def test_closing_an_empty_action_names_every_missing_field_in_both_languages() -> None:
    with pytest.raises(ca.ActionError) as caught:
        ca.close(empty(), DAY)
    text = caught.value.text
    for zh, en in (
        ("原因分析", "root cause"),
        ("纠正措施", "corrective action"),
        ("责任人", "owner"),
        ("完成证据", "evidence of completion"),
    ):
        assert zh in text.zh and en in text.en
    assert "CA-003" in text.zh and "CA-003" in text.en
    assert "纠正（" not in text.zh  # a minor nonconformity needs no correction


@pytest.mark.parametrize("blank", ["root_cause", "action", "owner"])
def test_each_required_text_is_needed_and_blank_is_empty(blank: str) -> None:
    a = action(evidence_ids=(4,), **{blank: "  "})
    with pytest.raises(ca.ActionError) as caught:
        ca.close(a, DAY)
    rule = next(r for r in ca.CLOSE_REQUIRES if r.field == blank)
    assert caught.value.text.en.count(",") == 0  # only that one is named
    assert rule.text.en in caught.value.text.en


def test_evidence_is_needed_and_files_about_to_be_attached_count() -> None:
    with pytest.raises(ca.ActionError) as caught:
        ca.close(action(), DAY)
    assert "evidence of completion" in caught.value.text.en
    assert "root cause" not in caught.value.text.en
    pending = ca.check_close(action(), DAY, new_files=1)
    assert pending.status is ca.ActionStatus.DONE and pending.evidence_ids == ()
    assert ca.close(action(), DAY, evidence_ids=[9]).evidence_ids == (9,)
    # the dates are checked with the files still to come
    with pytest.raises(ca.ActionError, match="before it was found"):
        ca.check_close(action(), DAY - dt.timedelta(days=1), new_files=1)


def test_a_major_nonconformity_also_needs_its_correction() -> None:
    major = action(grade=Grade.MAJOR, evidence_ids=(2,))
    with pytest.raises(ca.ActionError) as caught:
        ca.close(major, DAY)
    assert "correction" in caught.value.text.en and "纠正" in caught.value.text.zh
    assert ca.close(replace(major, correction="补做记录"), DAY).status is ca.ActionStatus.DONE


def test_a_rule_table_of_ones_own_is_applied() -> None:
    only_owner = (ca.Required("owner", ca.PLAN_FIELDS["owner"]),)
    assert ca.close_missing(empty(), rules=only_owner) == [ca.PLAN_FIELDS["owner"]]
    assert ca.close_missing(empty(owner="王五"), rules=only_owner) == []


def test_verifying_needs_who_and_what_was_found() -> None:
    done = ca.close(action(), DAY, evidence_ids=[1])
    for by, result, named in (("", "有效", "verified by"), ("李审", " ", "verification result")):
        with pytest.raises(ca.ActionError) as caught:
            ca.verify(done, ca.Verification(DAY, by, result))
        assert named in caught.value.text.en
    assert ca.verify(done, ca.Verification(DAY, "李审", "有效")).status is ca.ActionStatus.VERIFIED


def test_a_done_action_keeps_what_closing_needs() -> None:
    done = ca.close(action(), DAY, evidence_ids=[1])
    with pytest.raises(ca.ActionError, match="owner"):
        ca.check(replace(done, owner=""), before=done)
    # set to done by an edit: the same rule as closing
    with pytest.raises(ca.ActionError, match="evidence"):
        ca.check(action(status=ca.ActionStatus.DONE), before=action())
    # a record stored done before the rule stays editable for what it lacked already
    legacy = empty(status=ca.ActionStatus.DONE, completed=DAY)
    assert ca.check(replace(legacy, clause="10.2"), before=legacy).clause == "10.2"
    with pytest.raises(ca.ActionError):
        ca.check(legacy)  # but nothing new is stored that way


# --- open actions with no due date or owner --------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "grade"),
    [
        (ca.NcSource.CERTIFICATION, Grade.MINOR),
        (ca.NcSource.INTERNAL_AUDIT, Grade.OBSERVATION),
        (ca.NcSource.MOCK_AUDIT, Grade.OBSERVATION),
    ],
)
def test_an_open_action_without_due_date_or_owner_is_graded_by_source(source, grade) -> None:
    assert (
        ca.unplanned_grade(
            empty(source=source),
        )
        is grade
    )
    assert (
        ca.unplanned_grade(
            empty(source=source, owner="王五"),
        )
        is grade
    )  # still no due date
    planned = empty(source=source, owner="王五", due=DAY + dt.timedelta(days=30))
    assert ca.unplanned_grade(planned) is None
    done = ca.close(action(source=source), DAY, evidence_ids=[1])
    assert ca.unplanned_grade(replace(done, due=None)) is None  # done: nothing to plan


def test_the_unplanned_text_names_what_is_missing() -> None:
    text = ca.unplanned_text(empty(owner="王五"))
    assert "完成期限" in text.zh and "due date" in text.en
    assert "责任人" not in text.zh.split("请")[0] and "no owner" not in text.en
    both = ca.unplanned_text(empty())
    assert "完成期限和责任人" in both.zh and "no due date and no owner" in both.en


def test_done_again_after_a_verification_found_it_not_effective() -> None:
    done = ca.close(action(), DAY, evidence_ids=[1])
    with pytest.raises(ca.ActionError, match="before the completion"):  # not effective, too early
        ca.verify(done, ca.Verification(DAY - dt.timedelta(days=1), "李审", "仍缺", False))
    failed = ca.verify(done, ca.Verification(DAY + dt.timedelta(days=2), "李审", "仍缺", False))
    redone = ca.close(failed, DAY + dt.timedelta(days=20), evidence_ids=[2])
    assert redone.status is ca.ActionStatus.DONE and redone.verification is not None
    ok = ca.verify(redone, ca.Verification(DAY + dt.timedelta(days=30), "李审", "有效"))
    assert ok.status is ca.ActionStatus.VERIFIED


def test_a_verified_action_lacking_what_closing_needs_is_a_finding_of_its_own() -> None:
    hollow = empty(
        status=ca.ActionStatus.VERIFIED,
        completed=DAY,
        verification=ca.Verification(DAY, "x", "ok"),
    )
    assert ca.hollow_grade(hollow) is Grade.MINOR
    text = ca.hollow_text(hollow)
    assert "原因分析" in text.zh and "in_progress" in text.en and "root cause" in text.en
    assert ca.hollow_grade(replace(hollow, source=ca.NcSource.INTERNAL_AUDIT)) is Grade.OBSERVATION
    closed = ca.verify(
        ca.close(action(), DAY, evidence_ids=[1]), ca.Verification(DAY, "李审", "有效")
    )
    assert ca.hollow_grade(closed) is None and ca.hollow_grade(empty()) is None
