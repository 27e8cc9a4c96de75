"""A staff awareness sample conforms only when the employee could state both the policy and
their part in it; a grade the answers overrule is reported, never changed silently."""

from __future__ import annotations

import pytest

from ipaudit.domain import mock_audit as m
from ipaudit.text import Text

PLAN = m.default_plan()
PERSON = m.Sample(
    "S17",
    "awareness",
    "employee:rnd:1",
    Text("研发部 员工 1", "R&D employee 1"),
    department="rnd",
    awareness=True,
)
RECORD = m.Sample("S01", "trainings", "instance:hr.trainings:1", Text("培训 1", "Training 1"))


def test_conform_without_both_answers_is_refused() -> None:
    with pytest.raises(m.AwarenessError) as exc:
        m.record_result(PERSON, m.Result.CONFORM)
    assert "--policy yes --role yes" in exc.value.text.zh and "S17" in exc.value.text.zh
    assert "record both answers" in exc.value.text.en
    half = m.record_awareness(PERSON, PLAN, policy_ok=True, role_ok=False)
    with pytest.raises(m.AwarenessError):
        m.record_result(half, m.Result.CONFORM)
    # a nonconformity needs no answers; a record sample is graded as given
    assert m.record_result(PERSON, m.Result.MINOR).result is m.Result.MINOR
    assert m.record_result(RECORD, m.Result.CONFORM).result is m.Result.CONFORM
    both = m.record_awareness(PERSON, PLAN, policy_ok=True, role_ok=True)
    assert m.record_result(both, m.Result.CONFORM).result is m.Result.CONFORM


def test_an_answer_no_overrules_the_grade_given_and_says_so() -> None:
    s = m.record_awareness(PERSON, PLAN, policy_ok=True, role_ok=False, grade=m.Result.CONFORM)
    assert s.result is m.Result.MINOR
    changed = m.grade_changed(s, m.Result.CONFORM)
    assert changed is not None
    assert "一般不符合" in changed.zh and "√ 符合" in changed.zh and "本岗位" in changed.zh
    assert "could not state their part in it" in changed.en
    # no grade given: conform was expected, the user is told too
    assert m.grade_changed(s, None) is not None
    # a more severe grade stays and nothing is to be said
    major = m.record_awareness(PERSON, PLAN, policy_ok=False, role_ok=False, grade=m.Result.MAJOR)
    assert major.result is m.Result.MAJOR and m.grade_changed(major, m.Result.MAJOR) is None
    # both yes: conform, or the grade given
    ok = m.record_awareness(PERSON, PLAN, policy_ok=True, role_ok=True)
    assert ok.result is m.Result.CONFORM and m.grade_changed(ok, None) is None
    obs = m.record_awareness(PERSON, PLAN, policy_ok=True, role_ok=True, grade=m.Result.OBSERVATION)
    assert obs.result is m.Result.OBSERVATION and m.grade_changed(obs, m.Result.OBSERVATION) is None
