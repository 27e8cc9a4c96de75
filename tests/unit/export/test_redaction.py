"""Masking resident ID numbers (check digit validated) and mobile numbers."""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ipaudit.export.redaction import (
    id_check_digit,
    mask_id,
    redact,
    valid_resident_id,
)

digits17 = st.text(alphabet="0123456789", min_size=17, max_size=17)
filler = st.text(
    alphabet=st.sampled_from(list("身份证号码：，。 张三李四abc-()／\n")), min_size=0, max_size=12
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
