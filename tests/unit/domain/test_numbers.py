"""The one number reader: written forms, rejected malformed forms, and the quantities a sentence
states (years, dates and ordinals apart)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ipaudit.domain.numbers import (
    NumberError,
    Role,
    parse_chinese_integer,
    parse_number,
    parse_yuan,
    quantities,
    stated,
)
from ipaudit.ledger.normalize import parse_amount_text

_CN = "零一二三四五六七八九"


def _section(n: int, leading: bool) -> str:
    """0 < n < 10000 as written (一千零五, 二十三, 十五 only at the very start)."""
    out, zero = "", False
    for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            if zero and out:
                out += "零"
            out += (
                "" if (value == 10 and digit == 1 and not out and leading) else _CN[digit]
            ) + name
            zero = False
        elif out:
            zero = True
    return out


def _below_yi(n: int, leading: bool) -> str:
    if n < 10**4:
        return _section(n, leading)
    hi, lo = divmod(n, 10**4)
    out = _section(hi, leading) + "万"
    return out + (("零" if lo < 1000 else "") + _section(lo, False) if lo else "")


def spell(n: int) -> str:
    """A reference spelling of 0 <= n < 10**16 in Chinese numerals (一万零一亿, 三百万亿)."""
    if n == 0:
        return "零"
    if n < 10**8:
        return _below_yi(n, True)
    hi, lo = divmod(n, 10**8)
    out = _below_yi(hi, True) + "亿"
    return out + (("零" if lo < 10**7 else "") + _below_yi(lo, False) if lo else "")


WRITTEN = [
    ("零", 0),
    ("十", 10),
    ("十五", 15),
    ("二十", 20),
    ("二十三", 23),
    ("一百", 100),
    ("一百零五", 105),
    ("一百一十", 110),
    ("一千零五十", 1050),
    ("两千", 2000),
    ("两万", 20000),
    ("一万零二十", 10020),
    ("十万", 100000),
    ("一亿二千万", 120_000_000),
    ("一万亿", 10**12),
    ("三百万亿", 3 * 10**14),
    ("壹仟贰佰", 1200),
    ("贰万零伍拾", 20050),
    ("拾", 10),
    ("壹億", 10**8),
]
MALFORMED = [
    "五五",  # two digits in a row
    "十十",  # a unit that does not decrease
    "一百千",
    "一百一",  # 110 or 101? written out it is one or the other
    "一万五",  # 15000 or 10005?
    "一千零零五",  # 零 doubled
    "一百零",  # trailing 零
    "零五",  # leading 零
    "十两",  # 两 without a unit
    "两",
    "两十",
    "万万",
    "亿亿",
    "亿",
    "一百十",  # 十 without its digit after 百
    "",
]


@pytest.mark.parametrize(("text", "value"), WRITTEN)
def test_written_forms(text: str, value: int) -> None:
    assert parse_chinese_integer(text) == value
    assert parse_number(text) == value


@pytest.mark.parametrize("text", MALFORMED)
def test_malformed_forms_are_rejected_not_guessed(text: str) -> None:
    with pytest.raises(NumberError):
        parse_chinese_integer(text)


@given(st.integers(min_value=0, max_value=10**16 - 1))
def test_every_number_read_back_from_its_spelling(n: int) -> None:
    assert parse_chinese_integer(spell(n)) == n


@given(st.integers(min_value=0, max_value=10**8))
def test_ledger_amounts_use_the_same_reader(n: int) -> None:
    capital = spell(n).translate(
        str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")
    )
    assert parse_amount_text(capital + "元整") == Decimal(n)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,200", 1200),
        ("１２００", 1200),
        ("3.5", Decimal("3.5")),
        ("1.2万", 12000),
        ("三点五", Decimal("3.5")),
        ("百分之六十", 60),
        ("3千", 3000),
        ("2.5亿", 250_000_000),
    ],
)
def test_numbers_in_any_width_and_form(text: str, value: Decimal | int) -> None:
    assert parse_number(text) == Decimal(value)


STATED = [
    ("截至2026年11月共60人", ("人",), [60]),
    ("截至2026年11月30日，研发部共二十三人", ("人",), [23]),
    ("2026-11-30 统计：有效发明专利 12 件", ("件",), [12]),
    ("第3项目标：申请专利5件", ("件",), [5]),
    ("60名员工", ("人", "名"), [60]),
    ("全员培训覆盖率百分之九十", ("%",), [90]),
    ("目前23人，计划明年扩到30人", ("人",), [23, 30]),
    ("没有", ("人",), []),
    ("统一管理，一致对外", (), []),
    ("我们有五五个人", ("人",), []),  # malformed: not a number
]


@pytest.mark.parametrize(("text", "units", "values"), STATED)
def test_quantities_bound_to_the_unit(text: str, units: tuple[str, ...], values: list) -> None:
    assert stated(text, units) == [Decimal(v) for v in values]


def test_roles_of_numbers() -> None:
    roles = [(q.value, q.role) for q in quantities("2025年第2季度第一次培训30人")]
    assert (Decimal(2025), Role.YEAR) in roles
    assert (Decimal(2), Role.ORDINAL) in roles
    assert (Decimal(30), Role.QUANTITY) in roles


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("壹仟贰佰元整", "1200"),
        ("贰万零伍拾元伍角", "20050.5"),
        ("人民币壹万元整", "10000"),
        ("大写壹佰元零伍分", "100.05"),
        ("伍角陆分", "0.56"),
        ("一千二百圆", "1200"),
        ("兩千元", "2000"),  # traditional 兩 reads as 两 (the ledger once refused it)
        ("1.2万", "12000"),
        ("1,200千", "1200000"),
    ],
)
def test_amounts_in_words(text: str, value: str) -> None:
    assert parse_yuan(text) == Decimal(value)
    assert parse_amount_text(text) == Decimal(value)


@pytest.mark.parametrize(
    "text", ["", "整", "壹壹元", "壹元伍", "伍分伍角", "壹元角", "1.2万伍角", ".万", "伍拾拾元"]
)
def test_malformed_amounts_in_words(text: str) -> None:
    with pytest.raises(NumberError):
        parse_yuan(text)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("二万一千", Decimal(21000), ""),  # 万一 inside a longer numeral is no word
        ("一万一千元", Decimal(11000), "元"),
        ("百分之一", Decimal(1), "%"),  # 之一 inside a percentage
        ("百分之百", Decimal(100), "%"),
    ],
)
def test_numeral_words_inside_a_longer_numeral_do_not_hide_it(
    text: str, value: Decimal, unit: str
) -> None:
    assert [(q.value, q.unit) for q in quantities(text)] == [(value, unit)]


@pytest.mark.parametrize("text", ["万一出现问题", "统一管理", "是其中之一", "十分重要", "百分百"])
def test_words_holding_a_numeral_are_still_no_numbers(text: str) -> None:
    assert quantities(text) == []
