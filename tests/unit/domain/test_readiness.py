"""Readiness comes from items and findings: status scores, capped by the worst blocking finding."""

from __future__ import annotations

from dataclasses import replace

from ipaudit.domain.model import Finding, Grade, ItemState, Status, Text
from ipaudit.domain.readiness import compute_readiness, effective_status, item_score
from tests.factories import DEPARTMENTS, TEMPLATE


def finding(item: str, grade: Grade, dep: str = "rnd", accepted: str | None = None) -> Finding:
    return Finding(
        "x", grade, dep, item, Text("问题", "problem"), key=f"x:{item}:{grade}", accepted=accepted
    )


def test_item_score_is_status_capped_by_worst_finding() -> None:
    ready = ItemState("a", Status.READY)
    assert item_score(ready, []) == 1.0
    assert item_score(ready, [finding("a", Grade.MINOR)]) == 0.5
    assert item_score(ready, [finding("a", Grade.MAJOR)]) == 0.0
    assert item_score(ready, [finding("a", Grade.OBSERVATION)]) == 1.0
    assert item_score(ready, [finding("a", Grade.MAJOR, accepted="ok")]) == 1.0
    assert item_score(ItemState("a", Status.IN_PROGRESS), []) == 0.5
    assert item_score(None, []) == 0.0


def test_department_and_overall_readiness() -> None:
    states = {it.key: ItemState(it.key, Status.READY) for it in TEMPLATE.items}
    overall, per_dep = compute_readiness(TEMPLATE, DEPARTMENTS, states, [])
    assert overall.percent == 100.0 and per_dep["rnd"].percent == 100.0
    assert per_dep["rnd"].items == 5 and per_dep["ip_office"].items == 1

    found = [finding("rnd.manual", Grade.MAJOR), finding("rnd.contracts", Grade.MINOR)]
    overall, per_dep = compute_readiness(TEMPLATE, DEPARTMENTS, states, found)
    assert per_dep["rnd"].percent == round(100 * (0 + 0.5 + 1 + 1 + 1) / 5, 1)
    assert per_dep["rnd"].blocking == 2 and per_dep["ip_office"].blocking == 0
    assert per_dep["rnd"].by_grade[Grade.MAJOR] == 1
    assert overall.blocking == 2 and overall.percent == round(100 * 4.5 / 6, 1)


def test_not_applicable_items_do_not_count() -> None:
    states = {it.key: ItemState(it.key, Status.READY) for it in TEMPLATE.items}
    states["rnd.manual"] = ItemState("rnd.manual", Status.NOT_APPLICABLE, na_reason="无")
    _, per_dep = compute_readiness(
        TEMPLATE, DEPARTMENTS, states, [finding("rnd.contracts", Grade.MAJOR)]
    )
    assert per_dep["rnd"].items == 4 and per_dep["rnd"].percent == 75.0


def test_merged_and_absent_departments_have_no_readiness_of_their_own() -> None:
    deps = [DEPARTMENTS[0], replace(DEPARTMENTS[1], merged_into="rnd")]
    _, per_dep = compute_readiness(TEMPLATE, deps, {}, [])
    assert set(per_dep) == {"rnd"} and per_dep["rnd"].items == 6
    deps = [DEPARTMENTS[0], replace(DEPARTMENTS[1], absent=True)]
    _, per_dep = compute_readiness(TEMPLATE, deps, {}, [])
    assert set(per_dep) == {"rnd"} and per_dep["rnd"].items == 5


def test_ready_has_one_meaning() -> None:
    """An item marked ready beside an open blocking finding is shown and counted in progress."""
    ready = ItemState("a", Status.READY)
    assert effective_status(ready, []) is Status.READY
    assert effective_status(ready, [finding("a", Grade.OBSERVATION)]) is Status.READY
    assert effective_status(ready, [finding("a", Grade.MINOR)]) is Status.IN_PROGRESS
    assert effective_status(ready, [finding("a", Grade.MAJOR, accepted="说明")]) is Status.READY
    na = ItemState("a", Status.NOT_APPLICABLE, na_reason="今年没做")
    assert effective_status(na, []) is Status.NOT_APPLICABLE
    assert effective_status(na, [], mandatory=True) is Status.NOT_STARTED
    states = {it.key: ItemState(it.key, Status.READY) for it in TEMPLATE.items}
    key = TEMPLATE.items[0].key
    overall, _ = compute_readiness(TEMPLATE, DEPARTMENTS, states, [finding(key, Grade.MINOR)])
    shown_ready = sum(
        effective_status(states[it.key], [finding(key, Grade.MINOR)] if it.key == key else [])
        is Status.READY
        for it in TEMPLATE.items
    )
    assert overall.ready_items == shown_ready == len(TEMPLATE.items) - 1
