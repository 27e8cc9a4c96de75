"""Normalising answers and declared facts before they are compared.

"23人", "２３", " 23 " and "二十三人" all mean 23; policy wording is compared without punctuation,
spacing or width differences.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

_PUNCT_CATEGORIES = ("P", "S", "Z", "C")  # punctuation, symbols, separators, control
_NUMBER_RE = re.compile(r"-?\d+(?:\.\d+)?")
_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "两": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_CN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_CN_BIG_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000}
_CN_NUMERAL_RE = re.compile(r"[零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿]+")


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "")


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal or a spreadsheet: wide East Asian characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def normalize_text(text: str) -> str:
    """Wording only: NFKC, case-folded, without punctuation, symbols and white space."""
    folded = nfkc(text).casefold()
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] not in _PUNCT_CATEGORIES)


def chinese_numeral_value(text: str) -> int | None:
    """``二十三`` → 23, ``一百零五`` → 105, ``两千`` → 2000; None when ``text`` is not a numeral."""
    if not text or any(
        ch not in _CN_DIGITS and ch not in _CN_UNITS and ch not in _CN_BIG_UNITS for ch in text
    ):
        return None
    total = section = 0
    digit: int | None = None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        elif ch in _CN_UNITS:
            section += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
        else:
            section += digit or 0
            total += (section or 1) * _CN_BIG_UNITS[ch]
            section = 0
            digit = None
    return total + section + (digit or 0)


def numbers_in(text: str) -> list[Decimal]:
    """Every number an answer states, Arabic (any width) or Chinese numerals, in order."""
    plain = nfkc(text).replace(",", "")
    found: list[tuple[int, Decimal]] = []
    for m in _NUMBER_RE.finditer(plain):
        try:
            found.append((m.start(), Decimal(m.group())))
        except InvalidOperation:  # pragma: no cover - the regex admits only valid numbers
            continue
    for m in _CN_NUMERAL_RE.finditer(plain):
        value = chinese_numeral_value(m.group())
        if value is not None and (len(m.group()) > 1 or m.group() not in "两"):
            found.append((m.start(), Decimal(value)))
    found.sort(key=lambda pair: pair[0])
    return [value for _, value in found]


def first_number(text: str) -> Decimal | None:
    values = numbers_in(text)
    return values[0] if values else None


def numbers_agree(answer: str, declared: Decimal | int) -> bool:
    """True when the answer's first number equals the declared one (``"23人"`` agrees with 23)."""
    value = first_number(answer)
    return value is not None and value == Decimal(declared)
