"""Mock-audit sampling: reproducible from its seed, never the same record twice; the plan as data;
results and staff awareness graded as the auditors grade."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipaudit.domain import mock_audit as m
from ipaudit.domain.model import Grade, Text

PLAN = m.SamplingPlan(
    (
        m.Stratum("trainings", Text("培训", "trainings"), m.Source.INSTANCES, 3, "hr.trainings"),
        m.Stratum("contracts", Text("合同", "contracts"), m.Source.EVIDENCE, 3, "hr.labour"),
        m.Stratum("rows", Text("台账", "rows"), m.Source.LEDGER, 5, ledgers=("rewards",)),
        m.Stratum("people", Text("员工", "people"), m.Source.EMPLOYEES, 4),
    )
)

refs = st.text(alphabet="abcdefgh:0123456789", min_size=1, max_size=6)
populations = st.dictionaries(
    st.sampled_from([s.key for s in PLAN.strata]),
    st.lists(refs.map(lambda r: m.Candidate(r, Text(r, r))), max_size=30),
)


@given(populations, st.integers(min_value=0, max_value=m.SEED_MAX))
def test_samples_are_distinct_and_the_seed_reproduces_them(population, seed) -> None:
    first = m.draw(PLAN, population, seed)
    assert len({s.ref for s in first}) == len(first)  # never the same record twice
    assert m.draw(PLAN, population, seed) == first
    shuffled = {k: random.Random(seed).sample(v, len(v)) for k, v in population.items()}
    assert m.draw(PLAN, shuffled, seed) == first  # the order the store returns is no input
    taken: set[str] = set()
    for stratum in PLAN.strata:  # each stratum gets its count, or all that is left
        left = {c.ref for c in population.get(stratum.key, ())} - taken
        drawn = [s for s in first if s.stratum == stratum.key]
        assert len(drawn) == min(stratum.count, len(left))
        assert {s.ref for s in drawn} <= left
        taken |= {s.ref for s in drawn}
    assert [s.key for s in first] == [f"S{n:02d}" for n in range(1, len(first) + 1)]


def test_another_seed_draws_other_samples() -> None:
    population = {"rows": [m.Candidate(f"r{n:03d}", Text("", "")) for n in range(200)]}
    seen = {tuple(s.ref for s in m.draw(PLAN, population, seed)) for seed in range(20)}
    assert len(seen) == 20


def test_the_default_plan_is_data_in_the_package() -> None:
    plan = m.default_plan()
    counts = {s.key: (s.source, s.count) for s in plan.strata}
    assert counts["trainings"] == (m.Source.INSTANCES, 3)
    assert counts["labour_contracts"] == (m.Source.EVIDENCE, 3)
    assert counts["ledger_rows"] == (m.Source.LEDGER, 5)
    assert counts["rnd_projects"] == (m.Source.INSTANCES, 1)
    assert counts["awareness"][0] is m.Source.EMPLOYEES
    assert plan.awareness_failure_grade is Grade.MINOR


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ({}, "strata"),
        ({"strata": [{"key": "a b", "source": "ledger", "count": 1}]}, "key"),
        ({"strata": [{"key": "a", "source": "sky", "count": 1}]}, "source"),
        ({"strata": [{"key": "a", "source": "employees", "count": 0}]}, "count"),
        ({"strata": [{"key": "a", "source": "evidence", "count": 2}]}, "item"),
        ({"strata": [{"key": "a", "source": "ledger", "count": 2, "ledgers": ["x"]}]}, "ledgers"),
        (
            {
                "strata": [{"key": "a", "source": "employees", "count": 2}],
                "awareness_failure_grade": "terrible",
            },
            "awareness_failure_grade",
        ),
    ],
)
def test_a_plan_that_cannot_be_used_says_where(data, says) -> None:
    with pytest.raises(m.PlanError) as err:
        m.parse_plan(data, "my-plan.yaml")
    assert "my-plan.yaml" in err.value.text.en and says in err.value.text.en


def test_awareness_is_graded_by_the_plans_rule() -> None:
    sample = m.Sample(
        "S01", "people", "employee:rnd:1", Text("研发部 员工 1", "R&D 1"), awareness=True
    )
    ok = m.record_awareness(sample, PLAN, policy_ok=True, role_ok=True, person="王五")
    assert ok.result is m.Result.CONFORM and ok.person == "王五"
    strict = m.SamplingPlan(PLAN.strata, Grade.MAJOR)
    bad = m.record_awareness(sample, strict, policy_ok=True, role_ok=False)
    assert bad.result is m.Result.MAJOR and bad.result.nonconformity
    assert "本岗位" in m.finding_text(bad).zh and "方针" not in m.finding_text(bad).zh
    lenient = m.SamplingPlan(PLAN.strata, Grade.OBSERVATION)
    assert m.record_awareness(sample, lenient, policy_ok=False, role_ok=True).result is (
        m.Result.OBSERVATION
    )


def test_results_tally_and_the_next_open_sample() -> None:
    population = {"rows": [m.Candidate(f"r{n}", Text(f"行{n}", f"row {n}")) for n in range(5)]}
    samples = m.draw(PLAN, population, 7)
    audit = m.MockAudit("MA-20261201-1", dt.date(2026, 12, 1), 7, PLAN, ("张三",), samples)
    audit = m.with_sample(audit, m.record_result(samples[0], m.Result.MINOR, "缺签字"))
    audit = m.with_sample(audit, m.record_result(samples[2], m.Result.CONFORM))
    assert audit.walked == 2
    assert [s.key for s in audit.nonconformities()] == ["S01"]
    assert audit.tally()[m.Result.MINOR] == 1 and audit.tally()[m.Result.CONFORM] == 1
    assert m.next_open(audit).key == "S02"
    assert m.next_open(audit, after="S02").key == "S04"
    assert m.next_open(audit, after="S05").key == "S02"  # round again
    assert m.audit_from_json(m.audit_json(audit), 3) == m.MockAudit(
        audit.key, audit.date, 7, PLAN, ("张三",), audit.samples, version=3
    )


def test_results_as_people_type_them() -> None:
    assert m.parse_result("一般不符合") is m.Result.MINOR
    assert m.parse_result(" Major ") is m.Result.MAJOR
    assert m.parse_result("√") is m.Result.CONFORM
    assert m.parse_result("观察项") is m.Result.OBSERVATION
    assert m.parse_result("fine") is None


def test_new_keys_count_up_per_day() -> None:
    day = dt.date(2026, 12, 1)
    assert m.new_key(day, []) == "MA-20261201-1"
    assert m.new_key(day, ["MA-20261201-1", "MA-20261130-1"]) == "MA-20261201-2"
