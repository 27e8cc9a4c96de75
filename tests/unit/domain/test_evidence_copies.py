"""Empty files and second copies are no records: the "at least N" count is the number of distinct
non-empty contents in the period, and each empty file and each second copy is a finding."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from ipaudit.domain.checks import CheckInput, run_checks
from ipaudit.domain.evidence_copies import (
    EMPTY_SHA256,
    distinct_contents,
    is_empty,
    sort_copies,
)
from ipaudit.domain.model import Evidence, Facts, Finding, Grade, ItemKind, ItemState, Text
from ipaudit.domain.rules import (
    ItemRule,
    RuledTemplate,
    Situation,
    TemplateRules,
    TimeRule,
    rules_of,
)
from ipaudit.domain.template import load_builtin
from tests.factories import DEPARTMENTS, INFO, TEMPLATE, item
from tests.unit.test_template import load, minimal

MIN = 50  # never reached: the too_few_records finding always says the count
KEY = "x.records"
IN_PERIOD = dt.date(2025, 3, 5)  # INFO's period: 2024-01-01 .. 2025-12-31
BEFORE = dt.date(2023, 6, 1)


def evidence(ident: int, sha256: str, size: int, day: dt.date | None) -> Evidence:
    return Evidence(
        id=ident,
        item_key=KEY,
        slot="",
        sha256=sha256,
        size=size,
        original_name=f"合同{ident}.pdf",
        title=f"合同{ident}",
        department="rnd",
        doc_date=day,
    )


def check(files: list[Evidence], rules: TemplateRules | None = None) -> list[Finding]:
    template = RuledTemplate(
        edition=TEMPLATE.edition,
        title=Text("测试", "test"),
        departments=TEMPLATE.departments,
        clauses=TEMPLATE.clauses,
        items=(item(KEY, ItemKind.RECORDS, min_count=MIN),),
        rules=rules or TemplateRules(items={KEY: ItemRule(TimeRule.EVENT)}),
    )
    states = {KEY: ItemState(KEY)}
    return run_checks(CheckInput(INFO, template, DEPARTMENTS, Facts(), states, files))


def counted(found: list[Finding]) -> int:
    """The valid records the checks counted (none when no file may be a record at all)."""
    if any(f.code == "evidence_missing" for f in found):
        return 0
    [short] = [f for f in found if f.code == "too_few_records"]
    return int(short.refs[0].split("/")[0])


# one file: its contents (0 = empty, "nohash" = a row stored without its hash, else a content
# number shared by its copies) and its date (in the period, before it, or none)
files_strategy = st.lists(
    st.tuples(
        st.one_of(st.just(0), st.just("nohash"), st.integers(min_value=1, max_value=4)),
        st.sampled_from(["in", "before", "undated"]),
    ),
    max_size=12,
)


def build(spec: list[tuple[int | str, str]]) -> list[Evidence]:
    days = {"in": IN_PERIOD, "before": BEFORE, "undated": None}
    out = []
    for ident, (contents, when) in enumerate(spec, start=1):
        if contents == 0:  # an empty file: by its size, and sometimes only by its hash
            size, sha = (0, EMPTY_SHA256) if ident % 2 else (0, "")
        elif contents == "nohash":
            size, sha = 7, ""
        else:
            size, sha = int(contents) * 100, f"{contents:064x}"
        out.append(evidence(ident, sha, size, days[when]))
    return out


@given(files_strategy)
def test_the_count_is_the_distinct_non_empty_contents_in_the_period(
    spec: list[tuple[int | str, str]],
) -> None:
    files = build(spec)
    found = check(files)
    valid = {
        ev.sha256 or f"row{ev.id}"
        for ev in files
        if ev.size > 0 and ev.doc_date is not None and ev.doc_date >= INFO.period_start
    }
    assert counted(found) == len(valid)
    assert counted(found) == distinct_contents(ev for ev in files if ev.doc_date == IN_PERIOD)

    # one finding per empty file, one per second copy; each names its file
    empties = [ev for ev in files if ev.size == 0]
    by_contents = Counter(ev.sha256 for ev in files if ev.size > 0 and ev.sha256)
    copies = sum(n - 1 for n in by_contents.values())
    empty_findings = [f for f in found if f.code == "evidence_empty"]
    duplicate_findings = [f for f in found if f.code == "evidence_duplicate"]
    assert sorted(f.refs[0] for f in empty_findings) == sorted(f"evidence:{e.id}" for e in empties)
    assert len(duplicate_findings) == copies
    for f in duplicate_findings:  # the copy, then the first file of the same contents
        copy, first = (int(r.split(":")[1]) for r in f.refs)
        assert first < copy and files[copy - 1].sha256 == files[first - 1].sha256
        assert f"合同{copy}" in f.message.zh and f"合同{first}" in f.message.en
    assert {f.grade for f in empty_findings} <= {Grade.MINOR}
    assert {f.grade for f in duplicate_findings} <= {Grade.OBSERVATION}
    # an empty file is never judged (no "undated" or "outside the period" about it)
    judged = {r for f in found if f.code not in ("evidence_empty",) for r in f.refs}
    assert not any(f"evidence:{e.id}" in judged for e in empties if e.doc_date is None)


def test_the_demo_case_two_contracts_an_empty_file_and_a_copy() -> None:
    one = evidence(1, "a" * 64, 158, IN_PERIOD)
    two = evidence(2, "b" * 64, 160, IN_PERIOD)
    empty = evidence(3, EMPTY_SHA256, 0, dt.date(2026, 1, 5))
    copy = evidence(4, "a" * 64, 158, IN_PERIOD)
    found = check([one, two, empty, copy])
    assert counted(found) == 2
    [blank] = [f for f in found if f.code == "evidence_empty"]
    assert blank.refs == ("evidence:3",) and "《合同3》是空文件（0 字节）" in blank.message.zh
    [dup] = [f for f in found if f.code == "evidence_duplicate"]
    assert dup.refs == ("evidence:4", "evidence:1")
    assert "'合同4' has exactly the contents of '合同1'" in dup.message.en
    # a third contract of its own contents fills the count
    three = evidence(5, "c" * 64, 170, IN_PERIOD)
    assert counted(check([one, two, three, empty, copy])) == 3
    found = run_checks_min3([one, two, three, empty, copy])
    assert "too_few_records" not in {f.code for f in found}
    assert {f.code for f in found} == {"evidence_empty", "evidence_duplicate"}


def run_checks_min3(files: list[Evidence]) -> list[Finding]:
    template = RuledTemplate(
        edition=TEMPLATE.edition,
        title=Text("测试", "test"),
        departments=TEMPLATE.departments,
        clauses=TEMPLATE.clauses,
        items=(item(KEY, ItemKind.RECORDS, min_count=3),),
        rules=TemplateRules(items={KEY: ItemRule(TimeRule.EVENT)}),
    )
    found = run_checks(
        CheckInput(INFO, template, DEPARTMENTS, Facts(), {KEY: ItemState(KEY)}, files)
    )
    return [f for f in found if f.code != "records_same_day"]


def test_an_item_holding_only_an_empty_file_has_no_evidence() -> None:
    found = check([evidence(1, EMPTY_SHA256, 0, IN_PERIOD)])
    codes = {f.code for f in found}
    assert {"evidence_missing", "evidence_empty"} <= codes
    assert "department_without_records" in codes  # the department holds no record at all


def test_rows_without_their_hash_are_each_a_record_of_their_own() -> None:
    """An evidence row stored without its SHA-256 is never taken for a copy of another."""
    files = [evidence(i, "", 10, IN_PERIOD) for i in (1, 2, 3)]
    found = check(files)
    assert counted(found) == 3
    assert not [f for f in found if f.code in ("evidence_duplicate", "evidence_empty")]
    assert distinct_contents(files) == 3
    assert sort_copies(files).duplicates == ()


def test_empty_by_size_or_by_hash() -> None:
    assert is_empty(evidence(1, "", 0, None))
    assert is_empty(evidence(2, EMPTY_SHA256, 0, None))
    assert not is_empty(evidence(3, "", 5, None))


def test_the_grades_are_the_templates_data() -> None:
    for edition in ("2023", "2013"):
        rules = rules_of(load_builtin(edition))
        assert rules.grade(Situation.EMPTY_FILE) is Grade.MINOR
        assert rules.grade(Situation.DUPLICATE_FILE) is Grade.OBSERVATION
    data = minimal()
    data["grades"] = {"empty_file": "major", "duplicate_file": "minor"}
    rules = rules_of(load(data))
    found = check(
        [
            evidence(1, "a" * 64, 5, IN_PERIOD),
            evidence(2, "a" * 64, 5, IN_PERIOD),
            evidence(3, EMPTY_SHA256, 0, IN_PERIOD),
        ],
        TemplateRules(items={KEY: ItemRule(TimeRule.EVENT)}, grades=rules.grades),
    )
    grades = {f.code: f.grade for f in found}
    assert grades["evidence_empty"] is Grade.MAJOR
    assert grades["evidence_duplicate"] is Grade.MINOR
