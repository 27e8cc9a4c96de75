"""Normalising answers and declared facts before they are compared.

"23人", "２３", " 23 " and "二十三人" all mean 23 (numbers are read by :mod:`ipaudit.domain.numbers`,
the only number reader); policy wording is compared without punctuation,
spacing or width differences.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from ipaudit.domain.numbers import NumberError, parse_chinese_integer, stated

_PUNCT_CATEGORIES = ("P", "S", "Z", "C")  # punctuation, symbols, separators, control


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
    """``二十三`` → 23, ``一百零五`` → 105, ``两千`` → 2000; None when ``text`` is not a well-formed
    numeral (see :mod:`ipaudit.domain.numbers`)."""
    try:
        return parse_chinese_integer(text)
    except NumberError:
        return None


def numbers_in(text: str) -> list[Decimal]:
    """Every quantity an answer states, Arabic (any width) or Chinese numerals, in order; years,
    dates and ordinals ("2026年", "11月", "第3") are left out."""
    return stated(text)


def first_number(text: str) -> Decimal | None:
    values = numbers_in(text)
    return values[0] if values else None


def numbers_agree(answer: str, declared: Decimal | int, units: tuple[str, ...] = ()) -> bool:
    """True when the answer states the declared number, in one of ``units`` when it names one
    ("截至2026年11月共60人" agrees with 60 人)."""
    values = stated(answer, units)
    return bool(values) and values[0] == Decimal(declared)
