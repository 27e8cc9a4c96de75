"""Template validation: every kind of problem is reported with its path, all at once."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipaudit.domain.model import Edition, ItemKind
from ipaudit.domain.template import (
    _ITEM_FIELDS,
    DEPARTMENT_KEYS,
    TemplateError,
    TemplateProblem,
    load_clause_map,
    load_template,
    load_template_text,
)


def _dept(key: str) -> dict[str, Any]:
    return {"key": key, "zh": f"部门{key}", "en": f"Department {key}"}


def minimal() -> dict[str, Any]:
    """A small valid template exercising every kind."""
    return {
        "edition": "2023",
        "title": {"zh": "测试模板", "en": "Test template"},
        "departments": [_dept(k) for k in DEPARTMENT_KEYS],
        "clauses": [
            {"ref": "5.2", "zh": "知识产权方针", "en": "IP policy"},
            {"ref": "8.3", "zh": "业务环节", "en": "Business processes", "confirmed": False},
            {"ref": "8.3.2", "zh": "研究开发", "en": "R&D", "confirmed": False},
        ],
        "items": [
            {
                "key": "ipo.policy",
                "department": "ip_office",
                "clause": "5.2",
                "refs": {"2023": "5.2", "2013": "5.2"},
                "kind": "document",
                "title": {"zh": "方针", "en": "Policy"},
                "guidance": {"zh": "发布方针", "en": "Publish the policy"},
                "seed": ["1"],
            },
            {
                "key": "hr.contracts",
                "department": "hr_admin",
                "clause": "5.2",
                "refs": {"2023": "5.2"},
                "kind": "records",
                "min_count": 3,
                "title": {"zh": "劳动合同", "en": "Labour contracts"},
                "guidance": {"zh": "至少三套", "en": "At least three"},
                "forms": [
                    {
                        "zh": "签到表",
                        "en": "Sign-in sheet",
                        "format": "xlsx",
                        "columns": [{"zh": "姓名", "en": "Name"}],
                    }
                ],
                "seed": ["7.c"],
            },
            {
                "key": "rnd.projects",
                "department": "rnd",
                "clause": "8.3",
                "refs": {"2023": "8.3.2", "2013": "8.2"},
                "unconfirmed": ["2023"],
                "kind": "record_set",
                "instances": 3,
                "instance_label": {"zh": "项目", "en": "Project"},
                "sub_records": [
                    {"key": "initiation", "zh": "立项", "en": "Initiation"},
                    {"key": "closing", "zh": "结题", "en": "Closing"},
                ],
                "title": {"zh": "三个项目", "en": "Three projects"},
                "guidance": {"zh": "各阶段记录", "en": "Every phase"},
                "seed": ["6.a", "6.f"],
            },
            {
                "key": "fin.ledger",
                "department": "finance",
                "clause": "5.2",
                "refs": {"2023": "5.2"},
                "kind": "yearly",
                "title": {"zh": "经费使用记录", "en": "Expense record"},
                "guidance": {"zh": "每年", "en": "Every year"},
            },
            {
                "key": "rnd.interview",
                "department": "rnd",
                "clause": "5.2",
                "refs": {"2023": "5.2"},
                "kind": "answer",
                "title": {"zh": "访谈", "en": "Interview"},
                "guidance": {"zh": "回答", "en": "Answer"},
                "questions": [
                    {"key": "headcount", "zh": "人数？", "en": "Headcount?", "fact": "headcount"},
                    {"key": "free", "zh": "其他？", "en": "Other?"},
                ],
            },
        ],
    }


def load(data: Any, name: str = "test.yaml"):
    return load_template_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), name)


def problems(data: Any) -> list[TemplateProblem]:
    with pytest.raises(TemplateError) as info:
        load(data)
    assert info.value.problems, "a TemplateError must carry its problems"
    return info.value.problems


def problem_at(data: Any, path: str) -> TemplateProblem:
    found = [p for p in problems(data) if p.path == path]
    assert found, f"no problem at {path}: {problems(data)}"
    return found[0]


# -- the valid case ------------------------------------------------------------------------------


def test_minimal_template_loads_into_model_values() -> None:
    t = load(minimal(), "mine.yaml")
    assert t.edition is Edition.GB2023
    assert t.source == "mine.yaml"
    assert [d.key for d in t.departments] == list(DEPARTMENT_KEYS)
    assert t.clauses[1].confirmed is False
    policy = t.item("ipo.policy")
    assert policy.kind is ItemKind.DOCUMENT
    assert policy.refs["2023"].clause == "5.2" and policy.refs["2023"].confirmed
    assert policy.seed_refs == ("1",)
    contracts = t.item("hr.contracts")
    assert contracts.min_count == 3
    assert contracts.forms[0].format == "xlsx"
    assert contracts.forms[0].columns[0].en == "Name"
    projects = t.item("rnd.projects")
    assert projects.instances == 3
    assert [s.key for s in projects.sub_records] == ["initiation", "closing"]
    assert projects.refs["2023"].confirmed is False
    assert projects.refs["2013"].confirmed is True
    assert projects.instance_label is not None and projects.instance_label.zh == "项目"
    interview = t.item("rnd.interview")
    assert [(q.key, q.fact) for q in interview.questions] == [
        ("headcount", "headcount"),
        ("free", None),
    ]
    assert t.item("fin.ledger").min_count == 1


def test_unquoted_edition_and_integer_seed_ids_are_accepted() -> None:
    data = minimal()
    data["edition"] = 2023
    data["items"][0]["seed"] = [1, "5.a"]
    text = yaml.safe_dump(data, allow_unicode=True).replace("'2023': '5.2'", "2023: '5.2'")
    assert "\n    2023: '5.2'" in text  # an unquoted (integer) edition key
    t = load_template_text(text, "x.yaml")
    assert t.edition is Edition.GB2023
    assert t.item("ipo.policy").seed_refs == ("1", "5.a")
    assert t.item("ipo.policy").refs["2023"].clause == "5.2"


# -- one test per kind of problem ------------------------------------------------------------------


def test_unknown_kind() -> None:
    data = minimal()
    data["items"][3]["kind"] = "spreadsheet"
    p = problem_at(data, "items[3].kind")
    assert "unknown kind 'spreadsheet'" in p.problem
    assert "未知类型" in p.problem_zh


def test_missing_zh_or_en() -> None:
    data = minimal()
    del data["items"][0]["title"]["en"]
    data["items"][1]["guidance"] = {"zh": "", "en": "x"}
    del data["departments"][2]["zh"]
    assert problem_at(data, "items[0].title.en").problem == "missing"
    assert problem_at(data, "items[1].guidance.zh").problem == "is empty"
    assert problem_at(data, "departments[2].zh").problem == "missing"


def test_missing_title_mapping() -> None:
    data = minimal()
    del data["items"][2]["guidance"]
    assert "zh and en" in problem_at(data, "items[2].guidance").problem


def test_duplicate_item_key() -> None:
    data = minimal()
    data["items"][4]["key"] = "ipo.policy"
    p = problem_at(data, "items[4].key")
    assert "duplicate item key 'ipo.policy'" in p.problem
    assert "items[0].key" in p.problem


def test_duplicate_department_clause_subrecord_and_question_keys() -> None:
    data = minimal()
    data["departments"].append(_dept("rnd"))
    data["clauses"].append({"ref": "5.2", "zh": "重复", "en": "Again"})
    data["items"][2]["sub_records"].append({"key": "closing", "zh": "再次", "en": "Again"})
    data["items"][4]["questions"].append({"key": "free", "zh": "再问", "en": "Again?"})
    paths = {p.path for p in problems(data)}
    assert {
        f"departments[{len(DEPARTMENT_KEYS)}].key",
        "clauses[3].ref",
        "items[2].sub_records[2].key",
        "items[4].questions[2].key",
    } <= paths


def test_invalid_item_key() -> None:
    data = minimal()
    data["items"][0]["key"] = "Policy"
    assert "invalid key 'Policy'" in problem_at(data, "items[0].key").problem


def test_unknown_department() -> None:
    data = minimal()
    data["items"][1]["department"] = "legal"
    p = problem_at(data, "items[1].department")
    assert "unknown department 'legal'" in p.problem


def test_standard_departments_must_be_declared() -> None:
    data = minimal()
    data["departments"] = [d for d in data["departments"] if d["key"] != "finance"]
    assert "finance" in problem_at(data, "departments").problem


def test_extra_departments_are_allowed() -> None:
    data = minimal()
    data["departments"].append(_dept("legal"))
    data["items"][0]["department"] = "legal"
    assert load(data).item("ipo.policy").department == "legal"


def test_record_set_without_sub_records() -> None:
    data = minimal()
    del data["items"][2]["sub_records"]
    assert "needs sub_records" in problem_at(data, "items[2].sub_records").problem
    data = minimal()
    data["items"][2]["sub_records"] = []
    assert "at least one sub-record" in problem_at(data, "items[2].sub_records").problem


def test_record_set_needs_instances_and_label() -> None:
    data = minimal()
    del data["items"][2]["instances"]
    del data["items"][2]["instance_label"]
    paths = {p.path for p in problems(data)}
    assert {"items[2].instances", "items[2].instance_label"} <= paths


def test_record_set_fields_on_other_kinds() -> None:
    data = minimal()
    data["items"][0]["instances"] = 2
    p = problem_at(data, "items[0].instances")
    assert "only record_set" in p.problem


def test_min_count_below_one() -> None:
    data = minimal()
    data["items"][1]["min_count"] = 0
    assert "at least 1" in problem_at(data, "items[1].min_count").problem


def test_min_count_must_be_a_whole_number() -> None:
    data = minimal()
    data["items"][1]["min_count"] = "three"
    assert "whole number" in problem_at(data, "items[1].min_count").problem
    data["items"][1]["min_count"] = True
    assert "whole number" in problem_at(data, "items[1].min_count").problem


def test_min_count_only_on_records() -> None:
    data = minimal()
    data["items"][0]["min_count"] = 2
    assert "only records" in problem_at(data, "items[0].min_count").problem


def test_unknown_fact_key() -> None:
    data = minimal()
    data["items"][4]["questions"][0]["fact"] = "employees"
    p = problem_at(data, "items[4].questions[0].fact")
    assert "unknown fact key 'employees'" in p.problem
    assert "headcount_total" in p.problem  # lists what is allowed


def test_unknown_seed_id() -> None:
    data = minimal()
    data["items"][0]["seed"] = ["4.g", "10"]
    paths = {p.path: p.problem for p in problems(data)}
    assert "unknown seed id '4.g'" in paths["items[0].seed[0]"]
    assert "unknown seed id '10'" in paths["items[0].seed[1]"]


def test_float_seed_id_is_reported_with_a_hint() -> None:
    data = minimal()
    data["items"][0]["seed"] = [7.5]
    assert "quoted" in problem_at(data, "items[0].seed[0]").problem


def test_clause_not_in_clauses() -> None:
    data = minimal()
    data["items"][0]["clause"] = "9.9"
    assert "'9.9' is not in clauses" in problem_at(data, "items[0].clause").problem


def test_own_edition_ref_not_in_clauses() -> None:
    data = minimal()
    data["items"][2]["refs"]["2023"] = "8.3.7"
    assert "'8.3.7' is not in clauses" in problem_at(data, "items[2].refs.2023").problem


def test_own_edition_ref_must_sit_under_the_grouping_clause() -> None:
    data = minimal()
    data["items"][2]["clause"] = "5.2"
    p = problem_at(data, "items[2].refs.2023")
    assert "8.3.2 is not clause 5.2" in p.problem


def test_own_edition_ref_required() -> None:
    data = minimal()
    data["items"][0]["refs"] = {"2013": "5.2"}
    assert "edition 2023" in problem_at(data, "items[0].refs").problem


def test_unconfirmed_clause_must_be_marked() -> None:
    data = minimal()
    del data["items"][2]["unconfirmed"]
    p = problem_at(data, "items[2].unconfirmed")
    assert "unconfirmed" in p.problem and "'2023'" in p.problem


def test_unconfirmed_edition_must_have_a_ref() -> None:
    data = minimal()
    data["items"][1]["unconfirmed"] = ["2013"]
    assert "not an edition in refs" in problem_at(data, "items[1].unconfirmed[0]").problem


def test_unknown_edition_in_refs() -> None:
    data = minimal()
    data["items"][0]["refs"]["2019"] = "5.2"
    assert "unknown field" in problem_at(data, "items[0].refs.2019").problem


def test_unquoted_clause_number_is_reported_with_a_hint() -> None:
    data = minimal()
    data["items"][0]["refs"]["2013"] = 8.1
    p = problem_at(data, "items[0].refs.2013")
    assert "quoted" in p.problem and '"8.1"' in p.problem


def test_malformed_clause_number() -> None:
    data = minimal()
    data["clauses"][0]["ref"] = "5.x"
    assert "not a clause number" in problem_at(data, "clauses[0].ref").problem


def test_unknown_edition() -> None:
    data = minimal()
    data["edition"] = "2019"
    assert "unknown edition '2019'" in problem_at(data, "edition").problem


def test_unknown_field_catches_typos() -> None:
    data = minimal()
    data["items"][0]["guidence"] = {"zh": "x", "en": "y"}
    data["colour"] = "red"
    paths = {p.path for p in problems(data)}
    assert {"items[0].guidence", "colour"} <= paths


def test_answer_item_needs_questions() -> None:
    data = minimal()
    del data["items"][4]["questions"]
    assert "at least one question" in problem_at(data, "items[4].questions").problem


def test_form_problems() -> None:
    data = minimal()
    form = data["items"][1]["forms"][0]
    form["format"] = "pdf"
    form["columns"] = [{"zh": "姓名"}]
    paths = {p.path: p.problem for p in problems(data)}
    assert "unknown form format 'pdf'" in paths["items[1].forms[0].format"]
    assert paths["items[1].forms[0].columns[0].en"] == "missing"


def test_form_needs_columns() -> None:
    data = minimal()
    data["items"][1]["forms"][0]["columns"] = []
    assert "at least one column" in problem_at(data, "items[1].forms[0].columns").problem


def test_wrong_types() -> None:
    data = minimal()
    data["items"] = {"ipo.policy": {}}
    assert "must be a list" in problem_at(data, "items").problem
    data = minimal()
    data["items"][0] = "ipo.policy"
    assert "must be a mapping" in problem_at(data, "items[0]").problem
    data = minimal()
    data["departments"][4]["optional"] = "yes"
    assert "true or false" in problem_at(data, "departments[4].optional").problem


def test_empty_items_list() -> None:
    data = minimal()
    data["items"] = []
    assert problem_at(data, "items").problem == "has no items"


def test_root_must_be_a_mapping() -> None:
    with pytest.raises(TemplateError) as info:
        load_template_text("- a\n- b\n", "list.yaml")
    assert "must be a mapping" in str(info.value)


# -- reporting -------------------------------------------------------------------------------------


def test_all_problems_are_reported_at_once() -> None:
    data = minimal()
    data["items"][0]["kind"] = "pdf"
    data["items"][1]["department"] = "legal"
    data["items"][2]["instances"] = 0
    data["items"][4]["questions"][0]["fact"] = "mood"
    data["items"][3]["seed"] = ["11.a"]
    paths = [p.path for p in problems(data)]
    assert paths == [
        "items[0].kind",
        "items[1].department",
        "items[2].instances",
        "items[3].seed[0]",
        "items[4].questions[0].fact",
    ]


def test_message_names_file_path_and_problem_in_both_languages() -> None:
    data = minimal()
    data["items"][3]["kind"] = "pdf"
    data["items"][0]["department"] = "legal"
    with pytest.raises(TemplateError) as info:
        load(data, "company-copy.yaml")
    err = info.value
    assert err.file == "company-copy.yaml"
    message = str(err)
    assert message.startswith("template file company-copy.yaml: 2 problems:")
    assert "items[3].kind: unknown kind 'pdf'" in message
    assert "items[0].department: unknown department 'legal'" in message
    assert "模板文件 company-copy.yaml 有 2 处问题" in err.text.zh
    assert "items[3].kind：未知类型 'pdf'" in err.text.zh
    assert err.text.en == message


def test_invalid_yaml_reports_the_line() -> None:
    good = yaml.safe_dump(minimal(), allow_unicode=True, sort_keys=False).splitlines()
    good.insert(5, "  - {key: broken, zh: [unclosed")
    with pytest.raises(TemplateError) as info:
        load_template_text("\n".join(good), "broken.yaml")
    (p,) = info.value.problems
    assert p.path.startswith("line ")
    line = int(p.path.split()[1].rstrip(","))
    assert 6 <= line <= 7
    assert "invalid YAML" in p.problem
    assert "broken.yaml" in str(info.value)


def test_tab_indentation_reports_the_line() -> None:
    text = 'edition: "2023"\ntitle:\n\tzh: x\n'
    with pytest.raises(TemplateError) as info:
        load_template_text(text, "tabs.yaml")
    assert info.value.problems[0].path.startswith("line 3")


def test_empty_file() -> None:
    with pytest.raises(TemplateError) as info:
        load_template_text("# only a comment\n", "empty.yaml")
    assert info.value.problems[0].problem == "the file is empty"


def test_load_template_from_a_real_file(tmp_path: Path) -> None:
    path = tmp_path / "copy.yaml"
    path.write_text(yaml.safe_dump(minimal(), allow_unicode=True), encoding="utf-8")
    t = load_template(path)
    assert t.source == "copy.yaml"
    assert len(t.items) == 5


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes(yaml.safe_dump(minimal(), allow_unicode=True).encode("gbk"))
    with pytest.raises(TemplateError) as info:
        load_template(path)
    assert "not UTF-8" in str(info.value)
    assert "gbk.yaml" in str(info.value)


def test_clause_map_validation(tmp_path: Path) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(
        '- {"2013": "5.4.1", "2023": "5.3", confirmed: true}\n'
        '- {"2013": 5.5, "2023": "9.4"}\n'
        '- {"2013": "7.1", "2023": "8.2.1", confirmed: false, extra: 1}\n',
        encoding="utf-8",
    )
    with pytest.raises(TemplateError) as info:
        load_clause_map(path)
    paths = {p.path for p in info.value.problems}
    assert paths == {"[1].2013", "[1].confirmed", "[2].extra"}


# -- robustness ------------------------------------------------------------------------------------

_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 5),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=6),
)
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)
_fields = st.sampled_from(sorted(_ITEM_FIELDS))  # every field an item may have


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(index=st.integers(0, 4), field=_fields, value=_values)
def test_any_damaged_field_gives_a_template_error_never_a_crash(
    index: int, field: str, value: Any
) -> None:
    data = copy.deepcopy(minimal())
    data["items"][index][field] = value
    try:
        t = load(data)
    except TemplateError as err:
        assert err.problems
        assert all(p.path.startswith(f"items[{index}]") for p in err.problems)
    else:
        assert len(t.items) == 5


@settings(max_examples=80, deadline=None)
@given(value=_values, where=st.sampled_from(["edition", "title", "departments", "clauses"]))
def test_any_damaged_header_gives_a_template_error_never_a_crash(value: Any, where: str) -> None:
    data = copy.deepcopy(minimal())
    data[where] = value
    try:
        load(data)
    except TemplateError as err:
        assert err.problems
