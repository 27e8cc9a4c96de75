"""Declared hires and core leavers: each record matched by the person's name, findings naming them."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from ipaudit.domain.checks import CheckInput, run_checks
from ipaudit.domain.model import (
    Evidence,
    Facts,
    Finding,
    Grade,
    ItemState,
    Person,
    PersonKind,
    Status,
)
from ipaudit.domain.people import REQUIRED, mentions, merge_people
from tests.unit.domain.test_cycle import BASE, DEPARTMENTS, TEMPLATE

_ids = iter(range(1, 1_000_000))
HIRE = Person("张三", PersonKind.HIRE, "研发部", dt.date(2025, 9, 1))
LEAVER = Person("欧阳娜娜", PersonKind.LEAVER, "研发部", dt.date(2025, 11, 30))


def ev(item_key: str, title: str, name: str = "scan.pdf") -> Evidence:
    return Evidence(
        id=next(_ids),
        item_key=item_key,
        slot="",
        sha256="0" * 64,
        size=1,
        original_name=name,
        title=title,
        department="hr_admin",
        doc_date=dt.date(2025, 9, 1),
    )


def people_findings(
    people: tuple[Person, ...],
    evidence: list[Evidence],
    states: dict[str, ItemState] | None = None,
) -> list[Finding]:
    data = CheckInput(
        info=BASE,
        template=TEMPLATE,
        departments=DEPARTMENTS,
        facts=Facts(people=people),
        states=states or {},
        evidence=evidence,
    )
    return [f for f in run_checks(data) if f.code.startswith("person_")]


def test_every_missing_record_is_a_finding_naming_the_person() -> None:
    found = people_findings((HIRE, LEAVER), [])
    assert len(found) == 6
    assert all(f.grade is Grade.MINOR and f.department == "hr_admin" for f in found)
    hire_items = {f.item_key for f in found if "张三" in f.message.zh}
    assert hire_items == {r.item_key for r in REQUIRED[PersonKind.HIRE]}
    leaver = [f for f in found if "欧阳娜娜" in f.message.en]
    assert {f.item_key for f in leaver} == {r.item_key for r in REQUIRED[PersonKind.LEAVER]}
    assert any("exit interview" in f.message.en for f in leaver)


def test_records_count_by_name_in_title_or_file_name() -> None:
    files = [
        ev("hr.labour_contracts", "劳动合同-张 三"),  # spaces inside a Chinese name
        ev("hr.confidentiality_agreements", "保密协议", "保密协议_张三_2025.pdf"),
        ev("hr.background_checks", "背景调查表（张三）"),
        ev("hr.exit_interviews", "离职面谈记录 欧阳 娜娜"),
        ev("hr.exit_handover", "交割清单", "ＯＵＹＡＮＧ.pdf"),  # someone else's record
        ev("hr.labour_contracts", "劳动合同-欧阳娜娜"),  # a record under the wrong item
    ]
    found = people_findings((HIRE, LEAVER), files)
    assert sorted(f.item_key for f in found) == ["hr.exit_agreements", "hr.exit_handover"]
    assert all("欧阳娜娜" in f.refs for f in found)


def test_an_item_marked_not_applicable_asks_for_no_record_of_it() -> None:
    states = {"hr.background_checks": ItemState("hr.background_checks", Status.NOT_APPLICABLE, "-")}
    found = people_findings((HIRE,), [], states)
    assert "hr.background_checks" not in {f.item_key for f in found}


def test_a_person_dated_outside_the_period_is_an_observation() -> None:
    early = replace(HIRE, date=dt.date(2019, 5, 6))
    files = [
        ev("hr.labour_contracts", "劳动合同 张三"),
        ev("hr.confidentiality_agreements", "保密协议 张三"),
        ev("hr.background_checks", "背景调查 张三"),
    ]
    found = people_findings((early,), files)
    assert [(f.code, f.grade) for f in found] == [("person_outside_period", Grade.OBSERVATION)]


names = st.text(alphabet="张王李赵欧阳娜明华伟芳", min_size=2, max_size=4)


@given(names, st.lists(st.sampled_from([" ", "　", "\u3000 "]), max_size=3), st.data())
def test_a_name_is_found_however_it_is_spaced_or_widened(
    name: str, gaps: list[str], data: st.DataObject
) -> None:
    spaced = name
    for gap in gaps:
        cut = data.draw(st.integers(1, len(spaced) - 1)) if len(spaced) > 1 else 0
        spaced = spaced[:cut] + gap + spaced[cut:]
    person = Person(name, PersonKind.HIRE)
    assert mentions(ev("hr.labour_contracts", f"劳动合同（{spaced}）"), person)
    other = Person(name + "伟伟", PersonKind.HIRE)
    assert not mentions(ev("hr.labour_contracts", f"劳动合同 {name}"), other)


def test_merging_replaces_the_same_person_and_keeps_the_others() -> None:
    again = replace(HIRE, name="张 三", department="市场部")
    merged = merge_people((HIRE, LEAVER), [again])
    assert len(merged) == 2
    assert next(p for p in merged if p.kind is PersonKind.HIRE).department == "市场部"
    # the same name as a hire and as a leaver are two entries
    assert len(merge_people((HIRE,), [replace(HIRE, kind=PersonKind.LEAVER)])) == 2
