"""Malformed templates of every shape: whatever the YAML holds, loading gives a template or a
TemplateError whose every problem says where it is, in both languages — never another exception."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ipaudit.domain.template import TemplateError, load_template_text, where_zh
from ipaudit.domain.template_schema import ItemDoc, explain
from tests.unit.test_template import minimal

TOP = {"edition", "title", "departments", "clauses", "items", "chronology", "grades"}
# items[3].refs.2023, chronology.phases[0].order[1], departments, [2].extra (clause map) …
_QUOTED = r"""\[(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")\]"""  # ['']: a key that is odd
LOCATION = re.compile(rf"^(?:[^.\[\]]+|\[\d+\]|{_QUOTED})(?:\[\d+\]|{_QUOTED}|\.[^.\[\]]+)*$")
YAML_LOCATION = re.compile(r"^line \d+, column \d+$")


def full() -> dict[str, Any]:
    """The small valid template of test_template, with chronology and grades as well."""
    data = minimal()
    data["chronology"] = {
        "phases": [{"item": "rnd.projects", "order": ["initiation", "closing"]}],
        "sequences": [{"first": "ipo.policy", "then": "hr.contracts", "within_months": 6}],
        "same_day": {"set_min": 3, "department_share": 0.5},
    }
    data["grades"] = {"no_evidence": "minor"}
    data["items"][1]["time_rule"] = "periodic"
    data["items"][1]["every"] = "quarter"
    data["items"][3]["lead_months"] = 2
    return data


def load_or_error(text: str, inserted: set[str] | None = frozenset()) -> TemplateError | None:
    """Load ``text``; the TemplateError if it is refused, after checking every problem has a
    location (the whole-file ones aside) and both languages. Locations start at a part of a
    template or at one of the ``inserted`` top-level fields (``None``: at any field)."""
    try:
        load_template_text(text, "company-copy.yaml")
    except TemplateError as err:
        assert err.problems, "a TemplateError carries its problems"
        assert str(err).startswith("template file company-copy.yaml: ")
        assert err.text.zh.startswith("模板文件 company-copy.yaml 有 ")
        for p in err.problems:
            assert p.problem and p.problem_zh, p
            if p.path:
                assert LOCATION.match(p.path) or YAML_LOCATION.match(p.path), p
                assert f"{p.path}: {p.problem}" in str(err)
                assert f"{where_zh(p.path)}：{p.problem_zh}" in err.text.zh  # 第 3 行第 5 列
                head = re.split(r"[.\[]", p.path, maxsplit=1)[0]
                if inserted is not None:
                    assert head in TOP | inserted or p.path.startswith(("[", "line ")), p
            else:  # a problem of the whole file
                assert p.problem in ("the file is empty",) or p.problem.startswith(
                    ("must be a mapping", "invalid YAML")
                ), p
        return err
    return None


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 2030),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["", " ", "pdf", "2023", "5.2", "8.3.2", "7.b", "rnd", "rnd.projects"]),
    st.sampled_from(["record_set", "yearly", "month", "periodic", "initiation", "major"]),
    st.text(max_size=6),
    st.dates(),
)
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(
            st.one_of(
                st.sampled_from(["zh", "en", "key", "format", "columns"]), st.text(max_size=4)
            ),
            inner,
            max_size=3,
        ),
    ),
    max_leaves=8,
)


def _nodes(obj: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path] if path else []
    if isinstance(obj, dict):
        for k, v in obj.items():
            found += _nodes(v, (*path, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            found += _nodes(v, (*path, i))
    return found


_ALL_NODES = _nodes(full())
_DAMAGE = st.tuples(
    st.sampled_from(_ALL_NODES), st.sampled_from(["replace", "delete", "add a field"]), _values
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damages=st.lists(_DAMAGE, min_size=1, max_size=4))
def test_any_damage_anywhere_gives_a_located_error_never_a_crash(
    damages: list[tuple[tuple[Any, ...], str, Any]],
) -> None:
    data = full()
    inserted: set[str] = set()
    for path, how, value in damages:
        parent: Any = data
        try:
            for step in path[:-1]:
                parent = parent[step]
            last = path[-1]
            if how == "delete":
                del parent[last]
            elif how == "add a field" and isinstance(parent, dict):
                parent[f"x_{last}"] = value
                if len(path) == 1:
                    inserted.add(f"x_{last}")
            else:
                parent[last] = copy.deepcopy(value)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier damage removed or replaced the place
    load_or_error(dump(data), inserted)


@settings(max_examples=150, deadline=None)
@given(document=_values)
@example(document={"0\x850": None})  # a key YAML reads back as "0 0"
def test_any_yaml_document_gives_a_located_error_never_a_crash(document: Any) -> None:
    text = dump(document)
    # its own top-level fields are unknown fields, named as YAML reads them back (a key with a
    # line break such as U+0085 comes back folded into a space)
    read = yaml.safe_load(text)
    own = {str(k) for k in read} if isinstance(read, dict) else set()
    err = load_or_error(text, own)
    assert err is not None  # nothing that small is a template


_EDITS = st.lists(
    st.tuples(
        st.integers(0, 10_000),
        st.sampled_from(["delete a line", "repeat a line", "insert", "cut the rest"]),
        st.sampled_from([": [", "- ", "\t", "  x: 1", "{", "'", '"', "&a ", "*a", "? ", "!!int "]),
    ),
    min_size=1,
    max_size=3,
)


@settings(max_examples=200, deadline=None)
@given(edits=_EDITS)
def test_any_edit_of_the_text_gives_a_located_error_never_a_crash(
    edits: list[tuple[int, str, str]],
) -> None:
    lines = dump(full()).splitlines(keepends=True)
    for at, how, piece in edits:
        i = at % len(lines)
        if how == "delete a line" and len(lines) > 1:
            del lines[i]
        elif how == "repeat a line":
            lines.insert(i, lines[i])
        elif how == "insert":
            col = at % max(1, len(lines[i]))
            lines[i] = lines[i][:col] + piece + lines[i][col:]
        else:
            lines = lines[: i + 1]
    load_or_error("".join(lines), None)  # a cut line can turn a nested field into a top one


def test_a_yaml_syntax_error_is_located_by_line() -> None:
    lines = dump(full()).splitlines()
    lines.insert(12, "  - {key: broken, zh: [unclosed")
    err = load_or_error("\n".join(lines))
    assert err is not None
    (p,) = err.problems
    assert YAML_LOCATION.match(p.path) and int(p.path.split()[1].rstrip(",")) >= 13


def test_problems_of_one_broken_item_come_together() -> None:
    """An item that does not fit its shape still has its key, department, clause and seed ids
    checked, so that the author sees all of them at once."""
    data = full()
    del data["chronology"]  # it names ipo.policy, which is refused
    item = data["items"][0]
    item.update(key="Policy", department="legal", clause="9.9", seed=["4.g"], kind=["pdf"])
    del item["title"]["en"]
    err = load_or_error(dump(data))
    assert err is not None
    assert [(p.path, p.problem.split(" (")[0]) for p in err.problems] == [
        ("items[0].title.en", "missing"),
        ("items[0].kind", "must be text, not a list"),
        ("items[0].key", "invalid key 'Policy'"),
        ("items[0].department", "unknown department 'legal'"),
        ("items[0].clause", "clause '9.9' is not in clauses"),
        ("items[0].refs.2023", "5.2 is not clause 9.9 or one of its sub-clauses"),
        ("items[0].seed[0]", "unknown seed id '4.g'"),
    ]


def test_an_order_of_phases_that_is_not_text_is_a_problem_not_a_crash() -> None:
    data = full()
    data["chronology"]["phases"][0]["order"] = [{"a": 1}, ["closing", [2]]]
    err = load_or_error(dump(data))
    assert err is not None
    assert {p.path for p in err.problems} == {
        "chronology.phases[0].order[0]",
        "chronology.phases[0].order[1]",
    }


@pytest.mark.parametrize(
    ("raw", "en", "zh"),
    [
        ({"kind": "pdf"}, "unknown kind 'pdf' (expected one of: document,", "未知类型 'pdf'"),
        ({"kind": " "}, "is empty", "为空"),
        ({"min_count": 0}, "must be at least 1, not 0", "至少为 1，而不是 0"),
        ({"min_count": True}, "must be a whole number, not True", "必须是整数"),
        (
            {"every": "week"},
            "unknown period 'week' (expected month or quarter)",
            "应为 month 或 quarter",
        ),
        ({"title": None}, "missing (needs zh and en)", "缺失（需要 zh 和 en）"),
        ({"title": []}, "must be a mapping, not a list", "必须是映射（键: 值），而不是列表"),
        ({"mandatory": "yes"}, "must be true or false, not 'yes'", "必须是 true 或 false"),
        ({"forms": [None]}, "must be a mapping, not nothing", "而不是空值"),
    ],
)
def test_the_words_of_a_shape_problem(raw: dict[str, Any], en: str, zh: str) -> None:
    (field,) = raw
    found = [p for p in explain(raw, ItemDoc, "items[0]") if p.path.startswith(f"items[0].{field}")]
    assert found, explain(raw, ItemDoc, "items[0]")
    assert found[0].problem.startswith(en) and zh in found[0].problem_zh
