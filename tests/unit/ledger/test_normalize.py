"""Normalising ledger cells: money, dates, names, IP numbers, reward/penalty (property-tested)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ipaudit.ledger.cells import CellIssue
from ipaudit.ledger.normalize import (
    NormalizeError,
    date_from_serial,
    is_reward_category,
    normalize_code,
    normalize_ip,
    normalize_name,
    normalize_text,
    parse_amount,
    parse_date,
    reward_or_penalty,
    split_names,
)

CENT = Decimal("0.01")
FULL_WIDTH = str.maketrans("0123456789,.", "０１２３４５６７８９，．")
EXCEL_EPOCH = dt.date(1899, 12, 30)

# an independent writer of capital numerals (大写金额), to read back with parse_amount
_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ("", "拾", "佰", "仟")


def _section(n: int) -> str:
    """0 < n < 10000 → capital numerals, zeros collapsed as written on cheques."""
    text = ""
    zero = False
    for pos in range(3, -1, -1):
        d = n // 10**pos % 10
        if d == 0:
            zero = bool(text)
        else:
            if zero:
                text += "零"
                zero = False
            text += _DIGITS[d] + _UNITS[pos]
    return text


def capital(amount: Decimal) -> str:
    yuan = int(amount)
    jiao = int(amount * 10) % 10
    fen = int(amount * 100) % 10
    high, low = divmod(yuan, 10_000)
    text = ""
    if high:
        text += _section(high) + "万"
        if 0 < low < 1000:
            text += "零"
    if low:
        text += _section(low)
    if yuan:
        text += "元"
    if not jiao and not fen:
        return (text or "零元") + "整"
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif yuan:
        text += "零"
    if fen:
        text += _DIGITS[fen] + "分"
    return text


money = st.decimals(
    min_value=Decimal("-99999999.99"),
    max_value=Decimal("99999999.99"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)


# ------------------------------------------------------------------------------------ amounts


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("¥1,200.00", "1200.00"),
        ("￥1,200.00", "1200.00"),
        ("1200元", "1200.00"),
        ("1,200", "1200.00"),
        ("(1,200.00)", "-1200.00"),
        ("（1,200.00）", "-1200.00"),
        ("-1200", "-1200.00"),
        ("1200-", "-1200.00"),
        ("¥-1,200", "-1200.00"),
        ("壹仟贰佰元整", "1200.00"),
        ("贰万零伍拾元伍角", "20050.50"),
        ("人民币壹万元整", "10000.00"),
        ("壹佰元零伍分", "100.05"),
        ("伍角", "0.50"),
        ("一千二百元", "1200.00"),
        ("拾元", "10.00"),
        ("１２００", "1200.00"),
        ("１，２００．５０", "1200.50"),
        ("1.2万", "12000.00"),
        ("1.2万元", "12000.00"),
        (" 1 200 ", "1200.00"),
        ("-", "0.00"),
        ("RMB 300", "300.00"),
    ],
)
def test_amount_texts(raw, expected):
    assert parse_amount(raw) == Decimal(expected)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("1,20", "千位分隔符"),
        ("1200.555", "两位小数"),
        ("壹壹元", "不是金额"),
        ("abc", "不是金额"),
        ("12..5", "不是金额"),
        ("¥", "不是金额"),
        ("9" * 20, "不合理"),
    ],
)
def test_bad_amount_texts_say_why(raw, reason):
    with pytest.raises(NormalizeError) as info:
        parse_amount(raw)
    assert reason in info.value.reason_zh
    assert info.value.reason_en


def test_amount_cells_of_other_types():
    assert parse_amount(None) is None and parse_amount("") is None and parse_amount("  ") is None
    assert parse_amount(5000) == Decimal("5000.00")
    assert parse_amount(Decimal("12.345")) == Decimal("12.35")
    for bad in (True, dt.date(2025, 1, 1), CellIssue("formula", "=SUM(A1:A3)"), float("nan")):
        with pytest.raises(NormalizeError):
            parse_amount(bad)
    with pytest.raises(NormalizeError) as info:
        parse_amount(CellIssue("error", "#DIV/0!"))
    assert "#DIV/0!" in info.value.reason_zh


def test_float_is_rounded_to_cents_once_half_up():
    # binary 1234.565 is a hair below; rounding its shortest repr once gives the written cents
    assert parse_amount(1234.565) == Decimal("1234.57")
    assert parse_amount(0.1 + 0.2) == Decimal("0.30")
    assert parse_amount(1.2345, Decimal(10000)) == Decimal("12345.00")  # unit first, then round


def test_unit_applies_unless_the_text_names_its_own():
    wan = Decimal(10000)
    assert parse_amount("1.5", wan) == Decimal("15000.00")
    assert parse_amount(2, wan) == Decimal("20000.00")
    assert parse_amount("1200元", wan) == Decimal("1200.00")


@settings(max_examples=150, deadline=None)
@given(money)
def test_amount_formats_round_trip(value):
    plain = f"{abs(value):.2f}"
    grouped = f"{abs(value):,.2f}"
    sign = "-" if value < 0 else ""
    assert parse_amount(f"{sign}{plain}") == value
    assert parse_amount(f"{sign}{grouped}") == value
    assert parse_amount(f"{sign}¥{grouped}") == value
    assert parse_amount(f"{sign}{grouped}元") == value
    assert parse_amount(f"{sign}{grouped}".translate(FULL_WIDTH)) == value
    if value < 0:
        assert parse_amount(f"({grouped})") == value


@settings(max_examples=150, deadline=None)
@given(money.filter(lambda d: d >= 0))
def test_capital_numerals_round_trip(value):
    assert parse_amount(capital(value)) == value


@settings(max_examples=150, deadline=None)
@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_floats_become_cents(value):
    amount = parse_amount(value)
    assert amount == amount.quantize(CENT)
    assert abs(amount - Decimal(value)) <= Decimal("0.005") + Decimal("1e-6")


# ------------------------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    "raw",
    [
        "2025年3月5日",
        "2025年03月05日",
        "2025.3.5",
        "2025/03/05",
        "2025-03-05",
        "20250305",
        "２０２５年３月５日",
        "2025-03-05 14:30:00",
        "2025-03-05T00:00:00",
        " 2025 年 3 月 5 日 ",
        "2025年3月5号",
        dt.date(2025, 3, 5),
        dt.datetime(2025, 3, 5, 14, 30),
        45721,
        45721.75,
        "45721",
    ],
)
def test_date_forms(raw):
    assert parse_date(raw) == dt.date(2025, 3, 5)


@pytest.mark.parametrize(
    "raw",
    ["2025-02-30", "3/5/2025", "明天", "2025年13月1日", True, dt.time(10, 0), 0, 1e9, "1899-01-01"],
)
def test_bad_dates_say_why(raw):
    with pytest.raises(NormalizeError) as info:
        parse_date(raw)
    assert info.value.reason_zh and info.value.reason_en


def test_empty_date_is_none():
    assert parse_date("") is None and parse_date(None) is None and parse_date("   ") is None


def test_excel_serials_of_the_1900_system():
    assert date_from_serial(1) == dt.date(1900, 1, 1)
    assert date_from_serial(59) == dt.date(1900, 2, 28)
    assert date_from_serial(61) == dt.date(1900, 3, 1)
    with pytest.raises(NormalizeError):
        date_from_serial(60)  # the 29 February 1900 Excel pretends existed


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_date_formats_round_trip(day):
    forms = [
        f"{day.year}年{day.month}月{day.day}日",
        f"{day.year}.{day.month}.{day.day}",
        f"{day:%Y/%m/%d}",
        day.isoformat(),
        f"{day:%Y%m%d}",
        f"{day.year}年{day.month}月{day.day}日".translate(FULL_WIDTH),
    ]
    for form in forms:
        assert parse_date(form) == day, form
    serial = (day - EXCEL_EPOCH).days
    assert parse_date(serial) == day
    assert parse_date(float(serial) + 0.5) == day


# ------------------------------------------------------------------------------------ text

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("李  娜", "李娜"),
        ("欧阳 娜娜", "欧阳娜娜"),
        ("John  Smith", "John Smith"),
        ("\u3000王强\u3000", "王强"),
        ("李\u00a0娜", "李娜"),
        ("张\u200b三", "张三"),
        ("买买提・艾力", "买买提·艾力"),
        ("买买提 . 艾力", "买买提·艾力"),
        ("ＷＡＮＧ Ｑｉａｎｇ", "WANG Qiang"),
    ],
)
def test_names(raw, expected):
    assert normalize_name(raw) == expected


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(CJK, min_size=1, max_size=3), min_size=1, max_size=3), st.data())
def test_spaces_inside_chinese_names_disappear(parts, data):
    gaps = [data.draw(st.sampled_from([" ", "  ", "\u3000", "\t", ""])) for _ in parts]
    padded = data.draw(st.sampled_from(["", " ", "\u3000"]))
    raw = padded + "".join(p + g for p, g in zip(parts, gaps, strict=True)) + padded
    assert normalize_name(raw) == "".join(parts)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.text("abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=6), min_size=1, max_size=3)
)
def test_latin_names_keep_one_space(words):
    assert normalize_name("  ".join(words) + " ") == " ".join(words)


def test_codes_and_texts():
    assert normalize_code("记 - 2025 - 0131") == "记-2025-0131"
    assert normalize_code(131.0) == "131"
    assert normalize_code("奖励费\u3000") == "奖励费"
    assert normalize_text("  2025年1月　知识产权奖金 ") == "2025年1月 知识产权奖金"


@given(
    st.text(
        st.sampled_from("记字第-－ 　\t\u200b\ufeff0１2９/ABＣ.号ﾊｶﾞ①")
        | st.characters(codec="utf-8"),
        max_size=12,
    )
)
def test_a_code_is_its_nfkc_form_without_white_space(text):
    plain = unicodedata.normalize("NFKC", text)
    plain = "".join(
        ch for ch in plain if not ch.isspace() and ch not in "\u200b\u200c\u200d\u2060\ufeff"
    )
    assert normalize_code(text) == plain


def test_ip_numbers():
    assert normalize_ip("７１２３４５６７") == "71234567"
    assert normalize_ip(71234567.0) == "71234567"
    assert normalize_ip(71234567) == "71234567"
    assert normalize_ip("ZL 2024 1 0100001.7") == "ZL202410100001.7"
    assert normalize_ip("专利号：ZL202410100001.7") == "ZL202410100001.7"
    assert normalize_ip("zl202420200001.x") == "ZL202420200001.X"
    assert normalize_ip("ZL202410100001.7") == "ZL202410100001.7"
    assert normalize_ip("") == "" and normalize_ip(None) == ""
    with pytest.raises(NormalizeError):
        normalize_ip(dt.date(2025, 1, 1))


def test_inventor_lists():
    assert split_names("张三、李  四；王五, 赵六/钱七") == ("张三", "李四", "王五", "赵六", "钱七")
    assert split_names("") == ()


@pytest.mark.parametrize(
    ("raw", "penalty"),
    [
        ("奖励", False),
        ("奖", False),
        ("表彰", False),
        ("奖金", False),
        ("处罚", True),
        ("惩", True),
        ("罚款", True),
        ("扣款", True),
        ("扣发奖金", True),
        (" 处 罚 ", True),
        ("Penalty", True),
        ("", None),
    ],
)
def test_reward_or_penalty(raw, penalty):
    assert reward_or_penalty(raw) is penalty


@pytest.mark.parametrize("raw", ["奖惩", "其他", "调整"])
def test_unclear_reward_or_penalty_is_an_error(raw):
    with pytest.raises(NormalizeError) as info:
        reward_or_penalty(raw)
    assert raw in info.value.reason_zh


def test_reward_categories():
    for category in ("奖励费", "奖金", "专利奖励", "知识产权奖励费", " 奖励 费 ", "职务发明报酬"):
        assert is_reward_category(category)
    for category in ("代理费", "年费", "申请费", "诉讼费", ""):
        assert not is_reward_category(category)
