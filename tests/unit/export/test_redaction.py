"""Masking resident ID numbers (check digit validated) and mobile numbers."""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ipaudit.export.redaction import (
    Verbatim,
    id_check_digit,
    mask_id,
    redact,
    valid_resident_id,
)

digits17 = st.text(alphabet="0123456789", min_size=17, max_size=17)
filler = st.text(
    alphabet=st.sampled_from(list("身份证号码：，。 张三李四-()／\n")), min_size=0, max_size=12
)


def test_known_examples() -> None:
    # the GB 11643 example number and its check character
    assert id_check_digit("11010519491231002") == "X"
    assert valid_resident_id("11010519491231002X")
    assert valid_resident_id("11010519491231002x")
    assert not valid_resident_id("110105194912310021")
    assert redact("身份证：11010519491231002X。") == "身份证：110105********002X。"
    assert redact("电话 13812345678，座机 010-12345678") == "电话 138****5678，座机 010-12345678"


def test_numbers_inside_longer_numbers_are_left_alone() -> None:
    assert redact("订单号 913812345678901") == "订单号 913812345678901"
    assert redact("11010519491231002X7") == "11010519491231002X7"
    assert redact("12345678901") == "12345678901"  # 12… is not a mobile prefix


@settings(max_examples=150, deadline=None)
@given(digits17, filler, filler)
def test_valid_ids_are_masked(first17: str, before: str, after: str) -> None:
    number = first17 + id_check_digit(first17)
    text = before + number + after
    out = redact(text)
    assert number not in out
    assert mask_id(number) in out
    assert out.startswith(before) and out.endswith(after)


@settings(max_examples=150, deadline=None)
@given(digits17, st.integers(min_value=0, max_value=10), filler, filler)
def test_invalid_ids_are_untouched(first17: str, shift: int, before: str, after: str) -> None:
    right = id_check_digit(first17)
    wrong = "0123456789X"[("0123456789X".index(right) + 1 + shift % 10) % 11]
    number = first17 + wrong
    assert not valid_resident_id(number)
    text = before + number + after
    assert redact(text) == text


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(digits17, st.booleans()), min_size=1, max_size=5), st.randoms())
def test_mixed_text(ids: list[tuple[str, bool]], rnd: random.Random) -> None:
    """Several numbers in one text: exactly the valid ones are masked."""
    parts, valid, invalid = [], [], []
    for first17, ok in ids:
        check = id_check_digit(first17)
        if ok:
            number = first17 + check
            valid.append(number)
        else:
            number = first17 + ("0" if check != "0" else "1")
            invalid.append(number)
        parts.append(number)
    text = "，".join(parts) + "；联系人手机 1" + str(rnd.randint(3, 9)) + "123456789"
    out = redact(text)
    for number in valid:
        assert number not in out
    for number in invalid:
        assert number in out
    assert re.search(r"1[3-9]\d\*{4}\d{4}$", out)


# --- free text only; the written forms of mobile numbers ---------------------------------------

FULL = str.maketrans({str(d): chr(0xFF10 + d) for d in range(10)})
mobiles = st.builds(
    lambda second, rest: "1" + str(second) + rest,
    st.integers(3, 9),
    st.text(alphabet="0123456789", min_size=9, max_size=9),
)
prefixes = st.sampled_from(["", "+86 ", "+86", "+86-", "0086 ", "(+86)", "（+86）"])
text_around = st.text(alphabet=st.sampled_from(list("手机电话联系人：，。；、 张三\n")), max_size=8)


def _form(number: str, style: int) -> str:
    a, b, c = number[:3], number[3:7], number[7:]
    return [number, f"{a}-{b}-{c}", f"{a} {b} {c}", f"{a}-{b}{c}", f"{a} {b}-{c}"][style]


@settings(max_examples=300, deadline=None)
@given(mobiles, prefixes, st.integers(0, 4), st.booleans(), text_around, text_around)
def test_every_written_form_of_a_mobile_is_masked(
    number: str, prefix: str, style: int, full_width: bool, before: str, after: str
) -> None:
    written = prefix + _form(number, style)
    if full_width:
        written = written.translate(FULL)
    out = redact(before + written + after)
    digits = "".join(ch for ch in out.translate(_UNFULL) if ch.isdigit() or ch == "*")
    assert number not in digits
    assert number[:3] + "****" + number[7:] in digits
    assert out.startswith(before) and out.endswith(after)
    assert len(out) == len(before + written + after)  # separators kept, digits masked in place


_UNFULL = str.maketrans({chr(0xFF10 + d): str(d) for d in range(10)})


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789abcdef", min_size=64, max_size=64), text_around, text_around)
def test_a_sha256_digest_is_never_changed(digest: str, before: str, after: str) -> None:
    for written in (digest, digest.upper(), f"SHA-256: {digest}", f"{digest[:12]}…"):
        text = before + written + after
        assert redact(text) == text


def test_digests_full_of_digits_and_structured_numbers_are_left_alone() -> None:
    digest = "13812345678" + "a" * 10 + "11010519491231002X" + "b" * 25
    assert len(digest) == 64
    assert redact(digest) == digest
    untouched = [
        "金额 13812345678.00 元",  # an amount
        "¥13,812,345,678",
        "ZL201310123456.7",  # a Chinese patent number
        "2026SR0001234",
        "文件编号 QP-13812345678",  # a document number
        "HR/13812345678",
        "2025-03-05",
        "发票号 13812345678-01",
        "a13812345678",
        "13812345678_x",
    ]
    for text in untouched:
        assert redact(text) == text, text


def test_written_forms_examples() -> None:
    assert redact("电话：+86 137 1234 5678。") == "电话：+86 137 **** 5678。"
    assert redact("138-1234-5678") == "138-****-5678"
    assert redact("手机１３８１２３４５６７８") == "手机１３８****５６７８"
    assert redact("身份证 110105 19491231 002X") == "身份证 110105 ******** 002X"
    assert redact("（+86）13812345678") == "（+86）138****5678"
    assert redact("Tel:13812345678") == "Tel:138****5678"
    assert redact("13812345678.pdf") == "138****5678.pdf"


def test_verbatim_fields_are_never_redacted() -> None:
    number = Verbatim("13812345678")
    assert redact(number) == "13812345678"
    assert redact(str(number) + " ") == "138****5678 "
