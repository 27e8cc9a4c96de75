"""The checklist tree model on its own: grouping, in-place updates and the model tester."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ipaudit.domain.model import (
    ClauseDef,
    Finding,
    Grade,
    Item,
    ItemKind,
    ItemState,
    Status,
    Text,
)
from ipaudit.ui.checklist.checklist_model import (
    COL_EVIDENCE,
    BlockingRole,
    ChecklistModel,
    GradeRole,
    ItemKeyRole,
    StatusRole,
    build_groups,
)


def item(key: str, clause: str) -> Item:
    return Item(
        key=key,
        department="rnd",
        clause=clause,
        refs={},
        title=Text(f"条目{key}", f"Item {key}"),
        guidance=Text("", ""),
        kind=ItemKind.DOCUMENT,
    )


CLAUSES = [
    ClauseDef("5.2", Text("知识产权方针", "IP policy")),
    ClauseDef("8.3.2", Text("研究开发", "R&D"), confirmed=False),
    ClauseDef("10.2", Text("不合格和纠正措施", "Nonconformity")),
]


def finding(item_key: str, grade: Grade, accepted: str | None = None) -> Finding:
    return Finding("x", grade, "rnd", item_key, Text("问题", "problem"), accepted=accepted)


def test_groups_follow_clause_order_and_carry_the_worst_grade(qtmodeltester):
    items = [item("c", "10.2"), item("a", "8.3.2"), item("b", "5.2"), item("d", "8.3.2")]
    groups = build_groups(
        items,
        CLAUSES,
        {"a": ItemState("a", Status.READY)},
        {"a": 2},
        {
            "a": [finding("a", Grade.OBSERVATION)],
            "d": [finding("d", Grade.MAJOR, accepted="explained"), finding("d", Grade.MINOR)],
        },
    )
    assert [g.ref for g in groups] == ["5.2", "8.3.2", "10.2"]
    model = ChecklistModel()
    model.set_groups(groups)
    qtmodeltester.check(model)
    rnd = model.index(1, 0)
    assert rnd.data(Qt.ItemDataRole.DisplayRole).startswith("8.3.2")
    assert "(1/2)" in rnd.data()  # ready of the applicable items
    assert rnd.data(GradeRole) == Grade.MINOR  # the accepted major does not count
    assert rnd.data(Qt.ItemDataRole.ToolTipRole)  # unconfirmed clause explained
    a = model.index_of("a")
    assert a.data(ItemKeyRole) == "a" and a.data(StatusRole) == Status.READY
    assert a.data(GradeRole) == Grade.OBSERVATION and a.data(BlockingRole) is False
    assert model.index_of("a", COL_EVIDENCE).data() == "2"
    assert model.index_of("d").data(BlockingRole) is True
    assert model.index_of("missing").isValid() is False


def test_updates_in_place_and_resets_when_items_change(qtmodeltester):
    items = [item("a", "5.2"), item("b", "5.2")]
    model = ChecklistModel()
    model.set_groups(build_groups(items, CLAUSES, {}, {}, {}))
    resets, changes = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda *a: changes.append(a))
    model.update_item("b", ItemState("b", Status.IN_PROGRESS), 3)
    assert "(0/2)" in model.index(0, 0).data()
    model.update_item("a", ItemState("a", Status.NOT_APPLICABLE), 0)
    assert "(0/1)" in model.index(0, 0).data()  # not applicable items do not count
    assert model.index_of("b").data(StatusRole) == Status.IN_PROGRESS
    assert model.index_of("b", COL_EVIDENCE).data() == "3"
    assert changes and not resets
    model.set_findings({"a": [finding("a", Grade.MAJOR)]})
    assert model.index_of("a").data(GradeRole) == Grade.MAJOR
    model.set_groups(build_groups(items, CLAUSES, {}, {}, {}))
    assert not resets  # same items: data only
    model.set_groups(build_groups([*items, item("c", "10.2")], CLAUSES, {}, {}, {}))
    assert resets == [1]
    qtmodeltester.check(model)
    model.set_groups([])
    qtmodeltester.check(model)
    assert model.rowCount() == 0
