"""Columns recognised by their values: sheets whose headers are blank or mean nothing.

Generated ledgers (rewards, payments, expenses) are written to real xlsx and csv files with the
columns in any order, extra columns (a 序号, a blank column, free notes) and blank or title rows
above; the import must place every field by what the column holds. The recognisers are checked
one by one as well.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ipaudit.ledger import content
from ipaudit.ledger.importer import import_ledger
from ipaudit.ledger.ipnumber import check_digit
from ipaudit.ledger.model import LedgerKind
from ipaudit.ledger.synonyms import load_synonyms
from tests.unit.ledger.sheetgen import write_sheet

SYN = load_synonyms()
SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "欧阳", "司马"]
GIVEN = ["强", "娜", "伟", "芳", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "涛", "明"]
DEPARTMENTS = [
    "研发部",
    "市场部",
    "财务部",
    "知识产权办公室",
    "测试中心",
    "行政人事部",
    "质量管理室",
]
CATEGORIES = ["申请费", "代理费", "年费", "检索费", "培训费", "奖励费", "软件购置费", "诉讼费"]
FIELDS_OF = {
    LedgerKind.REWARDS: ["date", "person", "department", "kind", "ip_number", "amount"],
    LedgerKind.PAYMENTS: ["date", "person", "department", "ip_number", "amount", "voucher"],
    LedgerKind.EXPENSES: ["date", "voucher", "category", "ip_number", "amount"],
}
MEANINGLESS = ["", "列1", "Column2", "A", "字段", "x", "备用", "???"]


def patent(serial: int, year: int = 2024, kind: int = 1) -> str:
    digits = f"{year}{kind}{serial:07d}"
    return f"ZL{digits}.{check_digit(digits)}"


@st.composite
def values(draw: st.DrawFn, field: str) -> object:
    """One cell of ``field`` written the ways finance writes it."""
    if field == "date":
        day = draw(st.dates(dt.date(2020, 1, 1), dt.date(2026, 12, 31)))
        shape = draw(st.sampled_from(["date", "iso", "cn", "dot", "slash"]))
        return {
            "date": day,
            "iso": day.isoformat(),
            "cn": f"{day.year}年{day.month}月{day.day}日",
            "dot": f"{day.year}.{day.month}.{day.day}",
            "slash": f"{day.year}/{day.month:02d}/{day.day:02d}",
        }[shape]
    if field == "person":
        name = draw(st.sampled_from(SURNAMES)) + "".join(
            draw(st.lists(st.sampled_from(GIVEN), min_size=1, max_size=2))
        )
        return name if len(name) <= 4 else name[:4]
    if field == "department":
        return draw(st.sampled_from(DEPARTMENTS))
    if field == "kind":
        return draw(st.sampled_from(["奖励", "处罚", "奖", "罚款"]))
    if field == "ip_number":
        shape = draw(st.sampled_from(["patent", "software", "spaced"]))
        serial = draw(st.integers(1, 9_999_999))
        if shape == "software":
            return f"2025SR{serial:07d}"
        number = patent(serial, kind=draw(st.sampled_from([1, 2, 3])))
        return number if shape == "patent" else f"ZL {number[2:6]} {number[6:]}"
    if field == "amount":
        cents = draw(st.integers(100, 10_000_000))
        value = Decimal(cents) / 100
        shape = draw(st.sampled_from(["number", "yen", "yuan", "text"]))
        return {
            "number": float(value),
            "yen": f"¥{value:,.2f}",
            "yuan": f"{value}元",
            "text": str(value),
        }[shape]
    if field == "voucher":
        n = draw(st.integers(1, 999))
        return draw(
            st.sampled_from([f"记-{n}", f"记字第{n}号", f"银付-{n:04d}", f"记-2025-{n:04d}"])
        )
    if field == "category":
        return draw(st.sampled_from(CATEGORIES))
    raise AssertionError(field)


@st.composite
def content_only_sheets(
    draw: st.DrawFn,
) -> tuple[LedgerKind, list[list[object]], dict[str, int], int]:
    """(kind, rows, field -> column, header row) of a ledger whose headers say nothing."""
    kind = draw(st.sampled_from(list(FIELDS_OF)))
    fields = list(FIELDS_OF[kind])
    extras = draw(st.lists(st.sampled_from(["seq", "blank", "notes"]), unique=True))
    columns = draw(st.permutations(fields + extras))
    n = draw(st.integers(3, 8))
    body = []
    for i in range(n):
        row: list[object] = []
        for col in columns:
            if col == "seq":
                row.append(i + 1)
            elif col == "blank":
                row.append("")
            elif col == "notes":
                row.append(draw(st.sampled_from(["已审核", "见附件", "", "补录"])))
            else:
                row.append(draw(values(col)))
        body.append(row)
    above: list[list[object]] = []
    if draw(st.booleans()):
        above.append(["知识产权台账"])
    if draw(st.booleans()):
        above.append([])
    if draw(st.booleans()):
        above.append([draw(st.sampled_from(MEANINGLESS)) for _ in columns])
    mapping = {f: columns.index(f) for f in fields}
    return kind, [*above, *body], mapping, len(above)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content_only_sheets(), st.sampled_from(["xlsx", "csv"]))
def test_every_field_is_found_by_its_values(sheet, fmt) -> None:
    kind, rows, mapping, above = sheet
    with tempfile.TemporaryDirectory() as tmp:
        path = write_sheet(Path(tmp) / f"sheet.{fmt}", rows)
        result = import_ledger(path, kind)
    for field, column in mapping.items():
        assert result.mapping.get(field) == column, (field, result.mapping, rows)
    assert result.header_row == above
    assert result.problems == []
    assert len(result.entries) == len(rows) - above
    assert all(0 < result.field_confidence[f] <= 1 for f in mapping)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content_only_sheets())
def test_the_kind_is_told_by_its_values_where_it_can_be(sheet) -> None:
    kind, rows, _mapping, _above = sheet
    with tempfile.TemporaryDirectory() as tmp:
        result = import_ledger(write_sheet(Path(tmp) / "sheet.csv", rows))
    if kind is LedgerKind.PAYMENTS:  # a payment register and a reward record without a
        assert result.kind in (LedgerKind.PAYMENTS, LedgerKind.REWARDS)  # kind column look alike
        assert result.confidence < 0.75  # so the user is asked
    else:
        assert result.kind is kind


def test_recognisers() -> None:
    assert content.is_ip_number("ZL202410100001.7", SYN) == 1.0
    assert content.is_ip_number("2023SR0123456", SYN) == 1.0
    assert content.is_ip_number("71234567", SYN) > 0
    assert content.is_ip_number("研发项目", SYN) == 0
    assert content.is_date(dt.date(2025, 3, 5), SYN) == 1.0
    assert content.is_date("2025年3月5日", SYN) == 1.0
    assert content.is_date(45721.0, SYN) > 0  # an Excel serial
    assert content.is_date(45700.0, SYN) == 0  # a round amount, not a date
    assert content.is_amount("壹仟贰佰元整", SYN) == 1.0
    assert content.is_amount("¥1,200.00", SYN) == 1.0
    assert content.is_amount("张三", SYN) == 0
    assert content.is_person("李  娜", SYN) == 1.0
    assert content.is_person("欧阳明", SYN) == 1.0
    assert content.is_person("研发部", SYN) == 0 and content.is_department("研发部", SYN) == 1.0
    assert content.is_department("知识产权中心", SYN) == 1.0
    assert content.is_voucher("记-12", SYN) == 1.0
    assert content.is_voucher("记字第8号", SYN) == 1.0
    assert content.is_voucher("银付 0031", SYN) == 1.0
    assert content.is_voucher("研发部", SYN) == 0
    assert content.is_category("年费", SYN) == 1.0 and content.is_category("发明专利", SYN) == 1.0
    assert content.is_kind("处罚", SYN) == 1.0 and content.is_kind("研发部", SYN) == 0
    assert content.is_status("已授权", SYN) == 1.0
    assert content.is_inventors("张三、李四", SYN) == 1.0


def test_ip_numbers_are_found_inside_text() -> None:
    assert content.find_ip_number("授权 ZL 2024 1 0100001.7奖励") == "ZL202410100001.7"
    assert content.find_ip_number("软著2025SR1000001登记奖励") == "2025SR1000001"
    assert content.find_ip_number("商标注册号：71234567") == "71234567"
    assert content.find_ip_number("第71234567号商标") == "71234567"
    assert content.find_ip_number("2025年3月发放") == ""
    assert content.find_ip_number(5000) == ""


def test_a_row_number_column_is_not_an_amount() -> None:
    rows = [[1, "王强", 500.0], [2, "李娜", 800.0], ["合计", "", 1300.0]]
    profiles = content.profile_columns(rows, SYN)
    assert profiles[0].row_numbers and profiles[0].best() is None
    assert profiles[2].best() == "amount"
