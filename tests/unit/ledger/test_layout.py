"""Finding the header, the column mapping, the ledger kind and the unit — in real files."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipaudit.ledger.errors import SynonymsInvalid
from ipaudit.ledger.importer import import_ledger
from ipaudit.ledger.layout import (
    detect_layout,
    detect_unit,
    kind_from_names,
    layout_signature,
    match_headers,
)
from ipaudit.ledger.model import LedgerKind
from ipaudit.ledger.reader import read_rows
from ipaudit.ledger.synonyms import header_key, load_synonyms
from tests.unit.ledger.sheetgen import write_sheet

SYN = load_synonyms()


def test_header_keys():
    assert header_key("金额（元）") == "金额"
    assert header_key("金 额(万元)") == "金额"
    assert header_key("发放金额/元") == "发放金额"
    assert header_key("日　期：") == "日期"
    assert header_key("Amount ") == "amount"
    assert header_key("（元）") == "(元)"  # nothing but a unit stays what it is


def test_sample_like_headers():
    rows = [
        ["知识产权奖惩记录表", "", "", "", "", "", "", ""],
        ["单位：元", "", "", "", "", "", "", ""],
        ["序号", "日期", "姓名", "部门", "奖惩类型", "知识产权项目", "事由", "金额(元)"],
        [1, dt.date(2025, 1, 20), "王强", "研发部", "奖励", "ZL202410100001.7", "授权", 5000],
    ]
    layout = detect_layout(rows)
    assert (layout.kind, layout.header_row, layout.unit) == (LedgerKind.REWARDS, 3, Decimal(1))
    assert layout.mapping == {
        "date": 1,
        "person": 2,
        "department": 3,
        "kind": 4,
        "ip_number": 5,
        "text": 6,
        "amount": 7,
    }
    assert layout.sure and layout.confidence == 1.0 and layout.missing == ()
    assert layout.column_header(7) == "金额(元)"


def test_ambiguous_headers_are_not_sure_until_a_name_decides():
    rows = [["日期", "姓名", "金额"], [dt.date(2025, 1, 1), "王强", 100]]
    unsure = detect_layout(rows)
    assert unsure.header_row == 1 and unsure.alternatives and not unsure.sure
    named = detect_layout(rows, names=["奖金发放登记表"])
    assert named.kind is LedgerKind.PAYMENTS and named.sure
    fixed = detect_layout(rows, kind=LedgerKind.REWARDS)
    assert fixed.kind is LedgerKind.REWARDS and fixed.sure


def test_no_header():
    layout = detect_layout([["会议纪要"], ["今天讨论了知识产权工作"], [1, 2, 3]])
    assert layout.header_row == 0 and not layout.sure and layout.mapping == {}


def test_missing_required_column_lowers_confidence():
    layout = detect_layout([["发放日期", "姓名", "凭证号"]], kind=LedgerKind.PAYMENTS)
    assert layout.missing == ("amount",) and not layout.sure


@pytest.mark.parametrize(
    ("rows", "amount_col", "unit"),
    [
        ([["单位：万元"], ["日期", "金额"]], 1, 10000),
        ([["金额单位: 人民币万元"], ["日期", "金额"]], 1, 10000),
        ([["日期", "金额（万元）"]], 1, 10000),
        ([["日期", "金额/千元"]], 1, 1000),
        ([["单位：元"], ["日期", "金额"]], 1, 1),
        ([["日期", "金额"]], 1, 1),
    ],
)
def test_units(rows, amount_col, unit):
    assert detect_unit(rows, amount_col) == Decimal(unit)


def test_kind_from_names():
    assert kind_from_names(["奖惩记录表.xls"]) is LedgerKind.REWARDS
    assert kind_from_names(["奖金发放登记表"]) is LedgerKind.PAYMENTS
    assert kind_from_names(["知识产权经费使用记录"]) is LedgerKind.EXPENSES
    assert kind_from_names(["专利台账"]) is LedgerKind.PORTFOLIO
    assert kind_from_names(["Sheet1", ""]) is None


def test_layout_signature():
    a = layout_signature(["日期", "姓名", "金额（元）", None])
    assert a == layout_signature(["日 期", "姓名", "金额(元)"])
    assert a.startswith("v1-") and len(a) == 19
    assert a != layout_signature(["姓名", "日期", "金额"])


def test_match_headers_for_a_chosen_kind():
    headers = ["日期", "凭证号", "费用类别", "项目", "摘要", "金额", "经手人"]
    assert match_headers(headers, LedgerKind.EXPENSES) == {
        "date": 0,
        "voucher": 1,
        "category": 2,
        "ip_number": 3,
        "text": 4,
        "amount": 5,
    }
    # 类别 is the reward/penalty type in the reward record, the cost category in the expenses
    assert match_headers(["姓名", "类别", "金额"], LedgerKind.REWARDS)["kind"] == 1
    assert match_headers(["姓名", "类别", "金额"], LedgerKind.EXPENSES)["category"] == 1


def test_contained_synonyms_match_with_less_confidence():
    layout = detect_layout([["发放日期", "领取人姓名", "奖励金额(税前)"]], kind=LedgerKind.PAYMENTS)
    assert layout.mapping == {"date": 0, "person": 1, "amount": 2}
    assert 0.5 < layout.confidence < 1.0


def test_broken_synonym_files_name_the_place(tmp_path):
    bad = tmp_path / "syn.yaml"
    bad.write_text("fields:\n  salary: [工资]\nkinds: {}\n", encoding="utf-8")
    with pytest.raises(SynonymsInvalid) as info:
        load_synonyms(bad)
    assert "fields.salary" in info.value.message_zh
    bad.write_text("fields: [\n", encoding="utf-8")
    with pytest.raises(SynonymsInvalid) as info:
        load_synonyms(bad)
    assert "YAML" in info.value.message_en


# ------------------------------------------------------------------------------------ generated

SAMPLE_VALUES = {
    "date": dt.date(2025, 3, 5),
    "person": "李  娜",
    "department": "研发部",
    "amount": 1200,
    "ip_number": "ZL202410100001.7",
    "category": "代理费",
    "voucher": "记-2025-0305",
    "kind": "奖励",
    "text": "说明",
    "status": "有效",
    "granted": dt.date(2025, 6, 1),
    "inventors": "王强、李娜",
}
FILE_NAMES = {
    LedgerKind.REWARDS: "奖惩记录表",
    LedgerKind.PAYMENTS: "奖金发放登记表",
    LedgerKind.EXPENSES: "经费使用记录",
    LedgerKind.PORTFOLIO: "知识产权台账",
}


def synonyms_by_field(kind: LedgerKind) -> dict[str, list[str]]:
    """The kind's header synonyms per field, without headers that identify another ledger
    (a payment register headed 奖惩金额 is a reward record to any reader)."""
    others = set().union(*(s.identifying for k, s in SYN.kinds.items() if k is not kind))
    found: dict[str, list[str]] = {}
    for key, name in SYN.kinds[kind].exact.items():
        if key not in others or key in SYN.kinds[kind].identifying:
            found.setdefault(name, []).append(key)
    return found


@st.composite
def layouts(draw):
    kind = draw(st.sampled_from(list(LedgerKind)))
    spec = SYN.kinds[kind]
    by_field = synonyms_by_field(kind)
    optional = [f for f in spec.fields if f not in spec.required and f in by_field]
    fields = list(spec.required) + draw(
        st.lists(st.sampled_from(optional), unique=True, min_size=2, max_size=len(optional))
    )
    headers = {f: draw(st.sampled_from(by_field[f])) for f in fields}
    decorate = draw(st.sampled_from(["", "（元）", "(元)"]))
    if "amount" in headers:
        headers["amount"] += decorate
    extra = draw(st.lists(st.sampled_from(["序号", "备注", "领取人签字"]), unique=True, max_size=2))
    columns = draw(st.permutations(fields + extra))
    above = draw(
        st.lists(st.sampled_from(["title", "unit", "blank"]), max_size=4).filter(
            lambda rows: rows.count("unit") <= 1
        )
    )
    fmt = draw(st.sampled_from(["xlsx", "csv", "xls", "ods", "tsv"]))
    return kind, columns, headers, above, fmt


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(layouts())
def test_generated_layouts_are_found(tmp_path, generated):
    kind, columns, headers, above, fmt = generated
    rows: list[list[object]] = []
    for what in above:
        rows.append(
            {"title": [f"知识产权{FILE_NAMES[kind]}"], "unit": ["单位：元"], "blank": []}[what]
        )
    rows.append([headers.get(c, c) for c in columns])
    for n in range(3):
        rows.append([n + 1 if c == "序号" else SAMPLE_VALUES.get(c, "") for c in columns])
    path = write_sheet(tmp_path / f"{FILE_NAMES[kind]}.{fmt}", rows)
    read = list(read_rows(path))
    expected = {f: columns.index(f) for f in headers}
    layout = detect_layout(read, names=[path.stem])
    assert layout.header_row == len(above) + 1
    assert layout.kind is kind
    assert layout.mapping == expected
    assert layout.unit == Decimal(1)
    result = import_ledger(path)
    assert result.problems == []
    assert len(result.entries) == 3
    entry = result.entries[0]
    if "person" in headers:
        assert entry.person == "李娜"
    if "amount" in headers:
        assert entry.amount == Decimal("1200.00")
    if "date" in headers:
        assert entry.date == dt.date(2025, 3, 5)
