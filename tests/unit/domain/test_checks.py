"""Each check: one case where it fires and one where it stays silent."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from ipaudit.domain.checks import CheckInput, run_checks
from ipaudit.domain.model import Evidence, Facts, Finding, Grade, ItemState, Objective, Status
from tests.factories import DEPARTMENTS, INFO, TEMPLATE

_ids = iter(range(1, 1_000_000))


def ev(item_key: str, slot: str = "", doc_date: dt.date | None = None, **kw: object) -> Evidence:
    ident = next(_ids)
    return Evidence(
        id=ident,
        item_key=item_key,
        slot=slot,
        sha256=f"{ident:064x}",  # each file its own contents (a copy is a finding of its own)
        size=1,
        original_name="a.pdf",
        title="记录",
        department="rnd",
        doc_date=doc_date,
        **kw,  # type: ignore[arg-type]
    )


FACTS = Facts(
    policy="尊重知识产权，激励创新创造",
    headcount={"rnd": 23, "ip_office": 3},
    objectives=(
        Objective(
            "patents",
            "年度专利申请",
            Decimal(10),
            "件",
            {"rnd": Decimal(8), "ip_office": Decimal(2)},
        ),
    ),
    manual_objectives=("年度专利申请",),
)


def complete_evidence() -> list[Evidence]:
    """Every requirement met, each record dated as real work is (on different days)."""
    return [
        ev("rnd.manual", doc_date=dt.date(2023, 6, 1)),
        *(ev("rnd.contracts", doc_date=dt.date(2025, 3, day)) for day in (1, 2, 3)),
        *(
            ev("rnd.projects", f"{i}/{s}", dt.date(2025, 4 + i, day))
            for i in (1, 2)
            for s, day in (("init", 1), ("design", 10))
        ),
        ev("rnd.training_plan", "year:2024", doc_date=dt.date(2023, 12, 20)),
        ev("rnd.training_plan", doc_date=dt.date(2025, 1, 10)),
        ev("ipo.objectives_list", doc_date=dt.date(2024, 1, 2)),
    ]


def answered() -> dict[str, ItemState]:
    return {
        "rnd.interview": ItemState(
            "rnd.interview",
            Status.READY,
            answers={"headcount": "23人", "policy": "尊重知识产权、激励创新创造。"},
        )
    }


def run(
    evidence: list[Evidence] | None = None,
    states: dict[str, ItemState] | None = None,
    facts: Facts = FACTS,
    accepted: dict[str, str] | None = None,
) -> list[Finding]:
    return run_checks(
        CheckInput(
            info=INFO,
            template=TEMPLATE,
            departments=DEPARTMENTS,
            facts=facts,
            states=answered() if states is None else states,
            evidence=complete_evidence() if evidence is None else evidence,
            accepted=accepted or {},
        )
    )


def codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def test_complete_workspace_has_no_findings() -> None:
    assert run() == []


def test_evidence_missing_is_major() -> None:
    found = run([e for e in complete_evidence() if e.item_key != "rnd.manual"])
    assert codes(found) == ["evidence_missing"]
    assert found[0].grade is Grade.MAJOR and found[0].item_key == "rnd.manual"


def test_fewer_records_than_required_is_minor() -> None:
    evidence = complete_evidence()
    evidence.remove(next(e for e in evidence if e.item_key == "rnd.contracts"))
    found = run(evidence)
    assert codes(found) == ["too_few_records"]
    assert "2" in found[0].message.en and "3" in found[0].message.en


def test_record_set_names_the_instance_and_sub_record() -> None:
    evidence = [e for e in complete_evidence() if e.slot != "2/design"]
    states = answered() | {
        "rnd.projects": ItemState("rnd.projects", instance_names=("A项目", "智能网关"))
    }
    found = run(evidence, states)
    assert codes(found) == ["record_set_incomplete"]
    assert "智能网关" in found[0].message.zh and "设计" in found[0].message.zh
    assert found[0].refs == ("2", "design")


def test_year_of_period_not_covered() -> None:
    evidence = [e for e in complete_evidence() if e.slot != "year:2024"]
    found = run(evidence)
    assert codes(found) == ["year_not_covered"]
    assert found[0].refs == ("2024",)


def test_year_covered_by_period_of_a_document() -> None:
    evidence = [e for e in complete_evidence() if e.item_key != "rnd.training_plan"]
    evidence.append(
        ev("rnd.training_plan", period_start=dt.date(2024, 1, 1), period_end=dt.date(2025, 12, 31))
    )
    assert run(evidence) == []


def test_evidence_dated_outside_the_period() -> None:
    evidence = complete_evidence()
    evidence.append(ev("rnd.contracts", doc_date=dt.date(2023, 6, 1)))
    found = run(evidence)
    assert codes(found) == ["evidence_outside_period"]
    assert "2023-06-01" in found[0].message.zh


def test_answer_contradicting_headcount_is_minor_and_clears_when_fixed() -> None:
    states = answered()
    states["rnd.interview"] = replace(
        states["rnd.interview"], answers={**states["rnd.interview"].answers, "headcount": "25人"}
    )
    found = run(states=states)
    assert codes(found) == ["answer_contradicts_fact"]
    assert (
        found[0].grade is Grade.MINOR
        and "25人" in found[0].message.zh
        and "23" in found[0].message.zh
    )
    assert run(states=states, facts=replace(FACTS, headcount={"rnd": 25, "ip_office": 3})) == []


def test_policy_wording_compared_after_normalisation() -> None:
    states = answered()
    states["rnd.interview"] = replace(
        states["rnd.interview"], answers={"headcount": "２３", "policy": "尊重知识产权，鼓励创新"}
    )
    found = run(states=states)
    assert codes(found) == ["answer_contradicts_fact"]
    assert found[0].refs == ("policy",)


def test_unanswered_answer_item_is_major() -> None:
    assert codes(run(states={})) == ["answer_missing"]
    partial = {"rnd.interview": ItemState("rnd.interview", answers={"headcount": "23"})}
    found = run(states=partial)
    assert codes(found) == ["answer_missing"] and found[0].grade is Grade.MINOR


def test_undeclared_fact_is_an_observation() -> None:
    found = run(facts=replace(FACTS, headcount={}))
    assert codes(found) == ["fact_not_declared"]
    assert found[0].grade is Grade.OBSERVATION and not found[0].blocking


def test_objective_split_must_add_up() -> None:
    bad = replace(
        FACTS,
        objectives=(
            Objective(
                "patents",
                "年度专利申请",
                Decimal(10),
                "件",
                {"rnd": Decimal(7), "ip_office": Decimal(2)},
            ),
        ),
    )
    found = run(facts=bad)
    assert codes(found) == ["objective_split_mismatch"]
    assert "9" in found[0].message.zh and found[0].item_key == "ipo.objectives_list"


def test_percent_objectives_are_not_summed() -> None:
    pct = replace(
        FACTS,
        objectives=(
            *FACTS.objectives,
            Objective(
                "training",
                "培训覆盖率",
                Decimal(100),
                "%",
                {"rnd": Decimal(100), "ip_office": Decimal(100)},
            ),
        ),
    )
    assert run(facts=pct) == []


def test_manual_objective_missing_from_list() -> None:
    found = run(facts=replace(FACTS, manual_objectives=("年度专利申请", "商标注册2件")))
    assert codes(found) == ["objective_not_in_list"]
    assert "商标注册2件" in found[0].message.zh


def test_not_applicable_needs_a_reason() -> None:
    evidence = [e for e in complete_evidence() if e.item_key != "rnd.manual"]
    states = answered() | {"rnd.manual": ItemState("rnd.manual", Status.NOT_APPLICABLE)}
    assert codes(run(evidence, states)) == ["na_without_reason"]
    states["rnd.manual"] = ItemState("rnd.manual", Status.NOT_APPLICABLE, na_reason="公司无此业务")
    assert run(evidence, states) == []


def test_accepted_finding_stops_blocking() -> None:
    found = run([e for e in complete_evidence() if e.item_key != "rnd.manual"])
    key = found[0].key
    again = run(
        [e for e in complete_evidence() if e.item_key != "rnd.manual"], accepted={key: "另行说明"}
    )
    assert again[0].accepted == "另行说明" and not again[0].blocking


@pytest.mark.parametrize("absent", [True, False])
def test_absent_department_items_are_not_checked(absent: bool) -> None:
    deps = [replace(DEPARTMENTS[0], absent=absent), DEPARTMENTS[1]]
    found = run_checks(
        CheckInput(INFO, TEMPLATE, deps, FACTS, {}, [])  # nothing attached at all
    )
    rnd = [f for f in found if f.department == "rnd"]
    assert (rnd == []) is absent


def test_merged_department_owns_the_items() -> None:
    deps = [DEPARTMENTS[0], replace(DEPARTMENTS[1], merged_into="rnd")]
    found = run_checks(CheckInput(INFO, TEMPLATE, deps, FACTS, answered(), []))
    assert {f.department for f in found} == {"rnd"}
    assert "ipo.objectives_list" in {f.item_key for f in found}
