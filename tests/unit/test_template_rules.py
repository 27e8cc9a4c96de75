"""Template rules: time rules, mandatory items, chronology and grades — validated with clear
messages, and declared sensibly by both built-in templates."""

from __future__ import annotations

import re
from typing import Any

import pytest

from ipaudit.domain.model import Grade, ItemKind
from ipaudit.domain.rules import Every, Situation, TimeRule, mandatory_keys, rules_of
from ipaudit.domain.template import TemplateError, builtin_path, load_builtin
from tests.unit.test_template import load, minimal


def item_of(data: dict[str, Any], key: str) -> dict[str, Any]:
    return next(i for i in data["items"] if i["key"] == key)


def problems_of(data: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(TemplateError) as exc:
        load(data)
    return {p.path: p.problem for p in exc.value.problems}


def test_rules_load_into_the_template() -> None:
    data = minimal()
    item_of(data, "hr.contracts").update(time_rule="in_force", mandatory=True)
    item_of(data, "fin.ledger").update(time_rule="yearly", lead_months=0)
    data["chronology"] = {
        "phases": [{"item": "rnd.projects", "order": ["initiation", "closing"]}],
        "same_day": {"set_min": 4, "department_min": 10, "department_share": 0.6},
    }
    data["grades"] = {"no_evidence": "minor"}
    t = load(data)
    rules = rules_of(t)
    assert rules.items["hr.contracts"].time_rule is TimeRule.IN_FORCE
    assert mandatory_keys(t) == {"hr.contracts"}
    assert rules.items["fin.ledger"].lead_months == 0
    assert rules.items["rnd.interview"].time_rule is None
    assert rules.items["ipo.policy"].time_rule is TimeRule.IN_FORCE  # default by kind
    assert rules.phase_orders[0].phases == (("initiation",), ("closing",))
    assert rules.same_day.set_min == 4 and rules.same_day.department_share == 0.6
    assert rules.grade(Situation.NO_EVIDENCE) is Grade.MINOR
    assert rules.grade(Situation.UNDATED) is Grade.MINOR  # the default table fills the rest


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        (
            lambda d: item_of(d, "hr.contracts").update(time_rule="sometimes"),
            "items[1].time_rule",
            "unknown time rule",
        ),
        (
            lambda d: item_of(d, "rnd.interview").update(time_rule="event"),
            "items[4].time_rule",
            "answer item",
        ),
        (
            lambda d: item_of(d, "fin.ledger").update(time_rule="event"),
            "items[3].time_rule",
            "yearly item",
        ),
        (
            lambda d: item_of(d, "hr.contracts").update(lead_months=2),
            "items[1].lead_months",
            "only items with time_rule: yearly",
        ),
        (
            lambda d: item_of(d, "fin.ledger").update(lead_months=13),
            "items[3].lead_months",
            "0 to 12",
        ),
        (
            lambda d: item_of(d, "hr.contracts").update(time_rule="periodic"),
            "items[1].every",
            "missing",
        ),
        (
            lambda d: item_of(d, "hr.contracts").update(time_rule="periodic", every="week"),
            "items[1].every",
            "month or quarter",
        ),
        (
            lambda d: item_of(d, "hr.contracts").update(every="month"),
            "items[1].every",
            "only items with time_rule: periodic",
        ),
        (
            lambda d: item_of(d, "hr.contracts").update(mandatory="yes"),
            "items[1].mandatory",
            "true or false",
        ),
        (
            lambda d: d.update(
                chronology={"phases": [{"item": "hr.contracts", "order": ["a", "b"]}]}
            ),
            "chronology.phases[0].item",
            "not a record_set",
        ),
        (
            lambda d: d.update(
                chronology={
                    "phases": [{"item": "rnd.projects", "order": ["initiation", "testing"]}]
                }
            ),
            "chronology.phases[0].order[1]",
            "not a sub-record",
        ),
        (
            lambda d: d.update(chronology={"sequences": [{"first": "ipo.policy", "then": "nope"}]}),
            "chronology.sequences[0].then",
            "no item 'nope'",
        ),
        (
            lambda d: d.update(chronology={"same_day": {"department_share": 2}}),
            "chronology.same_day.department_share",
            "share",
        ),
        (
            lambda d: d.update(grades={"no_evidence": "fatal"}),
            "grades.no_evidence",
            "unknown grade",
        ),
        (
            lambda d: d.update(grades={"missing_everything": "major"}),
            "grades.missing_everything",
            "unknown field",
        ),
    ],
)
def test_rule_problems_are_named_with_their_path(change, path: str, words: str) -> None:
    data = minimal()
    change(data)
    found = problems_of(data)
    assert path in found, found
    assert words in found[path]


ALWAYS_REQUIRED = {
    "mgmt.policy",  # policy
    "ipo.policy_publication",
    "mgmt.objectives",  # objectives
    "ipo.objectives_list",
    "ipo.manual",
    "ipo.procedures",
    "ipo.internal_audit",
    "mgmt.management_review",
    "hr.training_plans",  # training
    "hr.trainings",
    "hr.labour_contracts",
    "hr.confidentiality_agreements",
    "hr.reward_procedure",
}


@pytest.mark.parametrize("edition", ["2023", "2013"])
def test_builtin_templates_declare_a_time_rule_for_every_record_item(edition: str) -> None:
    text = builtin_path(edition).read_text(encoding="utf-8")
    blocks = re.split(r"\n  - key: ", text.split("\nitems:\n", 1)[1].split("\nchronology:", 1)[0])
    for block in blocks[1:]:
        kind = re.search(r"\n    kind: (\w+)", block).group(1)
        declared = re.search(r"\n    time_rule: (\w+)", block)
        assert (declared is not None) == (kind != "answer"), block.split("\n", 1)[0]
    t = load_builtin(edition)
    rules = rules_of(t)
    assert mandatory_keys(t) == ALWAYS_REQUIRED
    for it in t.items:
        rule = rules.items[it.key]
        if it.kind is ItemKind.YEARLY:
            assert rule.time_rule is TimeRule.YEARLY
        if rule.time_rule is TimeRule.PERIODIC:
            assert rule.every in (Every.MONTH, Every.QUARTER)
    in_force = {k for k, r in rules.items.items() if r.time_rule is TimeRule.IN_FORCE}
    assert {"hr.labour_contracts", "hr.confidentiality_agreements", "ipo.manual"} <= in_force
    assert rules.items["hr.training_plans"].lead_months == 3  # approved in Q4 of the year before
    assert {o.item for o in rules.phase_orders} >= {
        "rnd.projects",
        "hr.trainings",
        "ipo.internal_audit",
    }
    assert [(o.first, o.then) for o in rules.item_orders] == [
        ("ipo.internal_audit", "mgmt.management_review")
    ]
    assert set(rules.grades) == set(Situation)


@pytest.mark.parametrize("edition", ["2023", "2013"])
def test_grade_rule_major_for_a_missing_process_minor_for_a_lapse(edition: str) -> None:
    rules = rules_of(load_builtin(edition))
    for s in (
        Situation.NO_EVIDENCE,
        Situation.DEPARTMENT_WITHOUT_RECORDS,
        Situation.MANDATORY_NOT_APPLICABLE,
    ):
        assert rules.grade(s) is Grade.MAJOR
    for s in (
        Situation.RECORDS_SHORT,
        Situation.UNDATED,
        Situation.OUTSIDE_PERIOD,
        Situation.OUT_OF_ORDER,
    ):
        assert rules.grade(s) is Grade.MINOR
    assert rules.grade(Situation.WRITTEN_AFTER_THE_FACT) is Grade.OBSERVATION


def test_a_copy_written_before_rules_takes_the_builtin_rules() -> None:
    """A workspace's template copy from before time rules existed declares none: it gets the
    built-in rules of its edition, so a mandatory item marked not applicable there is found."""
    text = builtin_path("2023").read_text(encoding="utf-8")
    text = text.split("\n# ---- chronology", 1)[0]
    legacy = "\n".join(
        line
        for line in text.split("\n")
        if not re.match(r"    (time_rule|mandatory|lead_months|every):", line)
    )
    from ipaudit.domain.template import load_template_text

    t = load_template_text(legacy, "old.ipaudit:template")
    builtin = rules_of(load_builtin("2023"))
    assert mandatory_keys(t) == ALWAYS_REQUIRED
    assert rules_of(t).items == builtin.items
    assert rules_of(t).phase_orders == builtin.phase_orders
    edited = legacy.replace("kind: yearly\n", "kind: records\n", 1)  # an item of another kind
    changed = load_template_text(edited, "old.ipaudit:template")
    first_yearly = next(i for i in load_builtin("2023").items if i.kind is ItemKind.YEARLY)
    assert rules_of(changed).items[first_yearly.key].time_rule is TimeRule.EVENT
