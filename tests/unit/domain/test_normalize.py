"""Fact normalisation: answers and declared facts agree when they mean the same."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import assume, given
from hypothesis import strategies as st

from ipaudit.domain.facts import Declared, FactKind, agrees
from ipaudit.domain.normalize import normalize_text, numbers_in
from ipaudit.domain.numbers import parse_chinese_integer

_CN = "零一二三四五六七八九"


def to_chinese(n: int) -> str:
    """A reference spelling of 0..99999 in Chinese numerals (二十三, 一百零五, 一万零二十)."""
    if n == 0:
        return "零"
    units = [(10000, "万"), (1000, "千"), (100, "百"), (10, "十"), (1, "")]
    out, zero = "", False
    for value, name in units:
        digit = n // value % 10 if value < 10000 else n // value
        if digit:
            if zero and out:
                out += "零"
            out += ("" if (value == 10 and digit == 1 and not out) else _CN[digit]) + name
            zero = False
        elif out:
            zero = True
    return out


FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@given(st.integers(min_value=0, max_value=99999))
def test_chinese_numerals_round_trip(n: int) -> None:
    assert parse_chinese_integer(to_chinese(n)) == n


@given(
    st.integers(min_value=0, max_value=10**6),
    st.sampled_from(["", "人", " 人", "名", "个"]),
    st.booleans(),
)
def test_answer_numbers_are_read_in_any_width(n: int, suffix: str, full_width: bool) -> None:
    text = str(n).translate(FULL_WIDTH) if full_width else str(n)
    assert numbers_in(f" {text}{suffix} ") == [n]


@given(st.text(alphabet="尊重知识产权激励创新创造，。、 ,.!！", min_size=1, max_size=30))
def test_wording_ignores_punctuation_space_and_width(text: str) -> None:
    noisy = text.replace("，", ",").replace(" ", "  ") + "。"
    assert normalize_text(noisy) == normalize_text(text)
    assume(normalize_text(text))  # nothing but marks says nothing: no answer (see below)
    fact = Declared(FactKind.WORDING, text, text=text)
    assert agrees(noisy, fact)


_PHRASES = ("尊重知识产权", "激励创新创造", "规范合规管理", "提升核心竞争力", "保护商业秘密")


@given(st.permutations(_PHRASES), st.integers(min_value=0, max_value=5))
def test_policy_agrees_when_every_phrase_is_said(order: list[str], kept: int) -> None:
    """The policy's phrases in any order agree; an answer leaving any of them out does not (the
    rehearsal's rule: every key phrase of the policy), nor does one saying nothing."""
    fact = Declared(FactKind.WORDING, "，".join(_PHRASES), text="，".join(_PHRASES))
    answer = "、".join(order[:kept]) + "。"
    assert agrees(answer, fact) is (kept == len(_PHRASES))


def test_an_answer_of_marks_only_says_nothing() -> None:
    fact = Declared(FactKind.WORDING, "尊重知识产权", text="尊重知识产权")
    assert not agrees("、。", fact)


def test_examples() -> None:
    assert numbers_in("研发部共二十三人") == [23]
    assert numbers_in("23人") == [Decimal(23)]
    assert numbers_in("没有") == []
    assert numbers_in("二十三人，其中五人") == [23, 5]
    assert normalize_text("ＡＢＣ 知识产权！") == "abc知识产权"


def test_objective_numbers_must_all_be_declared() -> None:
    fact = Declared(FactKind.NUMBERS, "专利 8件", numbers=(Decimal(8), Decimal(2)))
    assert agrees("今年申请专利8件，商标2件", fact)
    assert not agrees("今年申请专利9件", fact)
    assert not agrees("没有目标", fact)


def test_text_and_list_facts() -> None:
    duties = Declared(
        FactKind.TEXT, "负责研发项目的知识产权检索与申请", text="负责研发项目的知识产权检索与申请"
    )
    assert agrees("负责研发项目的知识产权检索与申请。", duties)
    assert agrees("知识产权检索与申请", duties)
    assert not agrees("负责销售", duties)
    certs = Declared(FactKind.LIST, "CMMI3、ISO9001", entries=("CMMI3", "ISO9001"))
    assert agrees("我们有 ISO 9001 和 CMMI3", certs)
    assert not agrees("只有CMMI3", certs)
