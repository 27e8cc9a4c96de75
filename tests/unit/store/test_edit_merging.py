"""Edits based on an older state: what one person changed is merged into what another saved
meanwhile; only the same field changed differently by both is a conflict, naming who and when."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipaudit.domain.model import Department, Facts, ItemState, Status, Text
from ipaudit.store import edits
from ipaudit.store.errors import EditConflict, InvalidInput
from ipaudit.store.workspace_store import WorkspaceStore
from tests.factories import DEPARTMENTS, INFO

FACTS = Facts(policy="尊重知识产权", headcount={"rnd": 23, "ip_office": 2})


@pytest.fixture
def store(workspace_address: str):  # a file, or a database on the test server
    with WorkspaceStore.create(workspace_address, INFO, "x", DEPARTMENTS, FACTS) as st:
        yield st


def editor(store: WorkspaceStore) -> str:
    """Who an edit of ``store`` is stored as: the OS user for a file, the login on a server."""
    from urllib.parse import urlsplit

    return (urlsplit(store.url).username or "") if store.is_server else edits.os_user()


# --- the merge itself ---------------------------------------------------------------------

values = st.one_of(st.none(), st.integers(-3, 3), st.text(max_size=3))
mappings = st.dictionaries(st.sampled_from("abcde"), values, max_size=5)


@given(mappings, mappings)
def test_a_side_that_did_not_change_takes_the_other(base: dict, other: dict) -> None:
    assert edits.merge_value(base, other, base) == other
    assert edits.merge_value(base, base, other) == other


@given(mappings, mappings, mappings)
def test_edits_of_different_keys_are_both_kept(base: dict, mine: dict, theirs: dict) -> None:
    # mine changes only keys a–b, theirs only c–e: no conflict, and each change survives
    mine = {
        **{k: v for k, v in base.items() if k not in "ab"},
        **{k: mine[k] for k in mine if k in "ab"},
    }
    theirs = {
        **{k: v for k, v in base.items() if k in "ab"},
        **{k: theirs[k] for k in theirs if k not in "ab"},
    }
    merged = edits.merge_value(base, mine, theirs)
    assert {k: v for k, v in merged.items() if k in "ab"} == {
        k: v for k, v in mine.items() if k in "ab"
    }
    assert {k: v for k, v in merged.items() if k not in "ab"} == {
        k: v for k, v in theirs.items() if k not in "ab"
    }


@given(values, values, values)
def test_the_same_value_changed_differently_is_a_conflict(
    base: Any, mine: Any, theirs: Any
) -> None:
    if base in (mine, theirs) or mine == theirs:
        edits.merge_value(base, mine, theirs)  # no conflict
    else:
        with pytest.raises(edits.MergeConflict):
            edits.merge_value(base, mine, theirs)


def test_editor_values_survive_garbage() -> None:
    assert edits.editor_from_value("not json") == edits.Editor()
    assert edits.editor_from_value(None) == edits.Editor()
    now = dt.datetime(2026, 3, 5, 9, 30)
    assert edits.editor_from_value(edits.editor_value(now, "王伟")) == edits.Editor("王伟", now)


# --- item states --------------------------------------------------------------------------


def test_an_edit_based_on_an_older_state_keeps_the_other_change(store: WorkspaceStore) -> None:
    base = store.save_item_state(ItemState("rnd.x", Status.IN_PROGRESS, notes="起草"), "rnd")
    # someone else answers a question meanwhile
    store.save_item_state(replace(base, answers={"q1": "23人"}), "rnd", base=base)
    # this window, still showing ``base``, edits the notes
    saved = store.save_item_state(replace(base, notes="已定稿"), "rnd", base=base)
    assert saved.notes == "已定稿" and saved.answers == {"q1": "23人"}
    assert store.item_state("rnd.x") == saved and saved.version == 3


def test_the_same_field_changed_by_both_is_a_conflict_naming_who_and_when(
    store: WorkspaceStore,
) -> None:
    base = store.save_item_state(ItemState("rnd.x", notes="起草"), "rnd")
    theirs = store.save_item_state(replace(base, notes="他们的备注"), "rnd", base=base)
    with pytest.raises(EditConflict) as caught:
        store.save_item_state(replace(base, notes="我的备注"), "rnd", base=base)
    conflict = caught.value
    assert conflict.by == editor(store) and conflict.at is not None
    assert conflict.what == edits.Edited("rnd.x", "notes")  # what changed, not a display text
    assert conflict.by in conflict.message("zh") and "rnd.x" not in conflict.message("en")
    assert conflict.about("“备注”", "zh").startswith("“备注”已被 ")
    assert store.item_state("rnd.x") == theirs  # nothing of the refused edit was written
    # the editor is recorded per row
    assert store.editor("item_states", "rnd.x").by == editor(store)


def test_answers_merge_question_by_question(store: WorkspaceStore) -> None:
    base = store.save_item_state(ItemState("rnd.x", answers={"q1": "a", "q2": "b"}), "rnd")
    store.save_item_state(replace(base, answers={"q1": "A", "q2": "b"}), "rnd", base=base)
    saved = store.save_item_state(replace(base, answers={"q1": "a"}), "rnd", base=base)
    assert saved.answers == {"q1": "A"}  # their q1 kept, my removal of q2 kept
    with pytest.raises(EditConflict) as caught:  # the same question: it names the question
        store.save_item_state(replace(base, answers={"q1": "B", "q2": "b"}), "rnd", base=base)
    assert caught.value.what == edits.Edited("rnd.x", "answers", "q1")


def test_update_item_state_reads_inside_the_write(store: WorkspaceStore) -> None:
    store.save_item_state(ItemState("rnd.x", notes="n"), "rnd")
    seen: list[ItemState] = []

    def change(state: ItemState) -> ItemState:
        seen.append(state)
        return replace(state, status=Status.READY)

    saved = store.update_item_state("rnd.x", "rnd", change)
    assert seen[0].notes == "n" and saved.notes == "n" and saved.status is Status.READY
    again = store.update_item_state("rnd.x", "rnd", lambda s: s)  # no change: nothing written
    assert again.version == saved.version


# --- facts and departments ----------------------------------------------------------------


def test_facts_edits_of_two_departments_merge(store: WorkspaceStore) -> None:
    base = store.facts()
    store.set_facts(replace(base, headcount={**base.headcount, "rnd": 30}), base=base)
    store.set_facts(replace(base, headcount={**base.headcount, "ip_office": 3}), base=base)
    assert store.facts().headcount == {"rnd": 30, "ip_office": 3}
    with pytest.raises(EditConflict) as caught:  # the same department: it names the department
        store.set_facts(replace(base, headcount={**base.headcount, "rnd": 31}), base=base)
    assert caught.value.what == edits.Edited(part="headcount", key="rnd")


def test_facts_conflict_names_the_fact(store: WorkspaceStore) -> None:
    base = store.facts()
    store.set_facts(replace(base, policy="甲"), base=base)
    with pytest.raises(EditConflict) as caught:
        store.set_facts(replace(base, policy="乙"), base=base)
    assert caught.value.what == edits.Edited(part="policy") and caught.value.by == editor(store)
    assert store.facts().policy == "甲"


def test_update_facts_changes_what_is_stored_now(store: WorkspaceStore) -> None:
    stale = store.facts()
    store.set_facts(replace(stale, policy="新方针"))
    store.update_facts(lambda f: replace(f, extra={**f.extra, "k": "v"}))
    facts = store.facts()
    assert facts.policy == "新方针" and facts.extra == {"k": "v"}


def test_department_edits_are_read_inside_the_write(store: WorkspaceStore) -> None:
    store.update_department("rnd", lambda d: replace(d, name=Text("研发中心", "R&D centre")))
    store.update_department("rnd", lambda d: replace(d, absent=True))
    rnd = next(d for d in store.departments() if d.key == "rnd")
    assert rnd.name.zh == "研发中心" and rnd.absent

    def refuse(current: Department | None) -> Department:
        raise InvalidInput("已存在", "exists")

    with pytest.raises(InvalidInput):
        store.update_department("rnd", refuse)
    assert [d.key for d in store.departments()] == ["rnd", "ip_office"]


def test_undo_reverts_only_what_this_edit_changed(store: WorkspaceStore) -> None:
    old = store.save_item_state(ItemState("rnd.x", notes="起草"), "rnd")
    new = replace(old, notes="定稿")
    store.save_item_state(new, "rnd", base=old)
    # someone answers meanwhile; then this window undoes its notes edit
    current = store.item_state("rnd.x")
    store.save_item_state(replace(current, answers={"q": "23人"}), "rnd", base=current)
    undone = store.save_item_state(old, "rnd", base=new)
    assert undone.notes == "起草" and undone.answers == {"q": "23人"}


def test_a_counter_is_bumped_from_unset_across_connections(workspace_address: str) -> None:
    path = workspace_address
    WorkspaceStore.create(path, INFO, "x", DEPARTMENTS, FACTS).close()
    with WorkspaceStore.open(path) as one, WorkspaceStore.open(path) as two:
        for _ in range(5):
            one.bump_setting("generation")
            two.bump_setting("generation")
        assert one.get_setting("generation") == "10"
