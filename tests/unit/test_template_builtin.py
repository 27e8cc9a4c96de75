"""The built-in GB/T 29490 templates and the clause map: they load and they agree with each other."""

from __future__ import annotations

import pytest

from ipaudit.domain.model import Edition, ItemKind, Template
from ipaudit.domain.template import (
    DEPARTMENT_KEYS,
    FACT_KEYS,
    builtin_path,
    builtin_text,
    counterparts,
    load_builtin,
    load_clause_map,
    load_template_text,
)

EDITIONS = (Edition.GB2023, Edition.GB2013)


@pytest.fixture(scope="module")
def templates() -> dict[Edition, Template]:
    return {ed: load_builtin(ed) for ed in EDITIONS}


@pytest.mark.parametrize("edition", EDITIONS)
def test_builtin_loads_with_its_edition(
    templates: dict[Edition, Template], edition: Edition
) -> None:
    t = templates[edition]
    assert t.edition is edition
    assert t.source == builtin_path(edition).name == f"gbt29490-{edition.value}.yaml"
    assert 80 <= len(t.items) <= 130
    assert edition.value in t.title.zh


@pytest.mark.parametrize("edition", EDITIONS)
def test_keys_are_unique(templates: dict[Edition, Template], edition: Edition) -> None:
    keys = [i.key for i in templates[edition].items]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("edition", EDITIONS)
def test_departments_are_the_fixed_keys(
    templates: dict[Edition, Template], edition: Edition
) -> None:
    t = templates[edition]
    assert tuple(d.key for d in t.departments) == DEPARTMENT_KEYS
    assert {d.key for d in t.departments if d.optional} == {"procurement"}
    owners = {i.department for i in t.items}
    assert owners == set(DEPARTMENT_KEYS), "every department owns at least one item"


@pytest.mark.parametrize("edition", EDITIONS)
def test_questions_bind_only_known_facts(
    templates: dict[Edition, Template], edition: Edition
) -> None:
    facts = {q.fact for i in templates[edition].items for q in i.questions if q.fact}
    assert facts <= FACT_KEYS
    # every fact a check compares against is asked somewhere
    assert facts == FACT_KEYS


def test_2023_has_no_management_representative_item(templates: dict[Edition, Template]) -> None:
    t23 = templates[Edition.GB2023]
    assert "5.4.1" not in {c.ref for c in t23.clauses}
    assert all(i.clause != "5.4.1" and i.refs["2023"].clause != "5.4.1" for i in t23.items)
    assert "mgmt.rep_appointment" not in {i.key for i in t23.items}
    assert t23.item("mgmt.roles").refs["2023"].clause == "5.3"
    t13 = templates[Edition.GB2013]
    assert t13.item("mgmt.rep_appointment").clause == "5.4.1"
    assert "mgmt.roles" not in {i.key for i in t13.items}


def test_2023_only_items(templates: dict[Edition, Template]) -> None:
    only23 = {i.key for i in templates[Edition.GB2023].items} - {
        i.key for i in templates[Edition.GB2013].items
    }
    by_key = {i.key: i for i in templates[Edition.GB2023].items}
    clauses = {by_key[k].refs["2023"].clause for k in only23}
    # compliance obligations, context, interested parties, scope, awareness, Annex B
    assert {"4.1", "4.2", "4.3", "4.5", "7.3", "B"} <= clauses
    assert all("2013" not in by_key[k].refs for k in only23)


@pytest.mark.parametrize("edition", EDITIONS)
def test_an_item_is_in_a_template_exactly_when_it_has_that_editions_ref(
    templates: dict[Edition, Template], edition: Edition
) -> None:
    other = Edition.GB2013 if edition is Edition.GB2023 else Edition.GB2023
    other_keys = {i.key for i in templates[other].items}
    for item in templates[edition].items:
        assert item.refs[edition.value].clause.startswith(item.clause)
        assert (other.value in item.refs) == (item.key in other_keys), item.key


def test_shared_items_agree_between_editions(templates: dict[Edition, Template]) -> None:
    t23, t13 = templates[Edition.GB2023], templates[Edition.GB2013]
    shared = {i.key for i in t23.items} & {i.key for i in t13.items}
    assert len(shared) >= 80
    for key in shared:
        a, b = t23.item(key), t13.item(key)
        assert a.refs == b.refs, key
        assert (a.department, a.kind, a.min_count, a.instances) == (
            b.department,
            b.kind,
            b.min_count,
            b.instances,
        ), key
        assert [s.key for s in a.sub_records] == [s.key for s in b.sub_records], key
        assert [(q.key, q.fact) for q in a.questions] == [(q.key, q.fact) for q in b.questions]
        assert a.seed_refs == b.seed_refs, key
        assert a.forms == b.forms, key


def test_refs_to_the_other_edition_exist_there_with_the_same_confirmation(
    templates: dict[Edition, Template],
) -> None:
    for ed in EDITIONS:
        other = Edition.GB2013 if ed is Edition.GB2023 else Edition.GB2023
        clauses = {c.ref: c for c in templates[other].clauses}
        for item in templates[ed].items:
            ref = item.refs.get(other.value)
            if ref is None:
                continue
            assert ref.clause in clauses, (item.key, ref)
            if not clauses[ref.clause].confirmed:
                assert not ref.confirmed, (item.key, ref)


def test_unconfirmed_2023_numbers_are_marked(templates: dict[Edition, Template]) -> None:
    t23 = templates[Edition.GB2023]
    confirmed = {c.ref for c in t23.clauses if c.confirmed}
    # DOMAIN: these titles are confirmed
    assert {
        "4.1",
        "4.2",
        "4.3",
        "4.4",
        "4.5",
        "5.1",
        "5.2",
        "5.3",
        "7.1",
        "7.2",
        "7.4",
    } <= confirmed
    assert {"9.1", "10.1", "10.2", "10.3"} <= confirmed
    # … and these are not
    unconfirmed = {c.ref for c in t23.clauses if not c.confirmed}
    assert {"6.1", "6.2", "7.3", "7.5", "9.2", "9.3", "9.4"} <= unconfirmed
    assert all(ref in unconfirmed for ref in (c.ref for c in t23.clauses if c.ref.startswith("8.")))
    rnd = t23.item("rnd.projects")
    assert rnd.refs["2023"].confirmed is False and rnd.refs["2013"].confirmed is True


def test_2013_unconfirmed_titles_are_marked(templates: dict[Edition, Template]) -> None:
    t13 = templates[Edition.GB2013]
    unconfirmed = {c.ref for c in t13.clauses if not c.confirmed}
    assert unconfirmed == {"7.3.1", "7.3.2", "7.3.3", "7.3.4", "7.3.5", "7.4.1", "7.4.2", "7.4.3"}
    assert t13.item("mkt.risk_monitoring").refs["2013"].confirmed is False


@pytest.mark.parametrize("edition", EDITIONS)
def test_workspace_copy_loads_the_same_as_the_file(
    templates: dict[Edition, Template], edition: Edition
) -> None:
    copy = load_template_text(builtin_text(edition), "workspace copy")
    assert copy.items == templates[edition].items
    assert copy.clauses == templates[edition].clauses
    assert copy.source == "workspace copy"


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_text_is_chinese_and_english(
    templates: dict[Edition, Template], edition: Edition
) -> None:
    for item in templates[edition].items:
        texts = [item.title, item.guidance]
        texts += [q.text for q in item.questions] + [s.title for s in item.sub_records]
        for form in item.forms:
            assert form.columns, (item.key, form.title.zh)
            texts += [form.title, *form.columns]
        if item.instance_label is not None:
            texts.append(item.instance_label)
        for text in texts:
            assert _has_cjk(text.zh), (item.key, text)
            assert not _has_cjk(text.en), (item.key, text)


@pytest.mark.parametrize("edition", EDITIONS)
def test_every_department_interview_binds_the_seed_facts(
    templates: dict[Edition, Template], edition: Edition
) -> None:
    """Seed §1: every department answers headcount, duties, policy and objectives as documented."""
    t = templates[edition]
    for dept in DEPARTMENT_KEYS:
        if dept == "procurement":  # answers with HR/admin (行政人事部(采购))
            continue
        interviews = [i for i in t.items if i.department == dept and i.key.endswith(".interview")]
        assert len(interviews) == 1, dept
        (item,) = interviews
        assert item.kind is ItemKind.ANSWER
        facts = {q.fact for q in item.questions}
        headcount = "headcount_total" if dept == "management" else "headcount"
        assert {headcount, "duties", "policy", "objectives"} <= facts, dept
        assert "1" in item.seed_refs


def test_clause_map_references_existing_clauses(templates: dict[Edition, Template]) -> None:
    mapping = load_clause_map()
    assert len(mapping) >= 40
    c13 = {c.ref: c for c in templates[Edition.GB2013].clauses}
    c23 = {c.ref: c for c in templates[Edition.GB2023].clauses}
    pairs = set()
    for m in mapping:
        assert m.clause_2013 in c13, m
        assert m.clause_2023 in c23, m
        assert m.confirmed == (c13[m.clause_2013].confirmed and c23[m.clause_2023].confirmed), m
        pairs.add((m.clause_2013, m.clause_2023))
    assert len(pairs) == len(mapping), "no duplicate pairs"
    # every 2013 clause that carries items has a 2023 counterpart
    for item in templates[Edition.GB2013].items:
        assert counterparts(mapping, Edition.GB2013, item.refs["2013"].clause), item.key


def test_clause_map_covers_every_shared_items_pair(templates: dict[Edition, Template]) -> None:
    mapping = load_clause_map()
    pairs = {(m.clause_2013, m.clause_2023) for m in mapping}
    for item in templates[Edition.GB2023].items:
        if "2013" in item.refs:
            pair = (item.refs["2013"].clause, item.refs["2023"].clause)
            assert pair in pairs, (item.key, pair)


def test_clause_map_management_representative_note() -> None:
    mapping = load_clause_map()
    (rep,) = counterparts(mapping, "2013", "5.4.1")
    assert rep.clause_2023 == "5.3"
    assert rep.note is not None and "管理者代表" in rep.note.zh
    assert {m.clause_2013 for m in counterparts(mapping, "2023", "7.5")} == {
        "4.2.1",
        "4.2.2",
        "4.2.3",
        "4.2.4",
    }
    # a sub-clause without its own entry falls back to its parent
    assert counterparts(mapping, "2013", "5.5.2") == counterparts(mapping, "2013", "5.5")
