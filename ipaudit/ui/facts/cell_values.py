"""Parsing what is typed into the facts tables: numbers with full-width digits, commas, units."""

from __future__ import annotations

from decimal import Decimal

from ipaudit.domain.normalize import nfkc
from ipaudit.domain.validation import HEADCOUNT, TARGET, InvalidValue


class BadValue(ValueError):
    """The typed text is not a value of the expected kind (the edit is refused)."""


def _clean(text: str, units: tuple[str, ...] = ()) -> str:
    value = nfkc(text).strip().replace(" ", "")
    for unit in units:
        value = value.removesuffix(unit)
    return value


def parse_decimal(text: str, *, units: tuple[str, ...] = ()) -> Decimal | None:
    """A target or share (``validation.TARGET``, read as the command line reads it); None for an
    empty cell. "１２", "1,200", "12件" (with units=("件",)), "2.5", "二十"."""
    value = _clean(text, units)
    if not value:
        return None
    try:  # finite, 0 … 10¹², at most 4 decimals
        return TARGET.parse(value, "")
    except InvalidValue:
        raise BadValue(text) from None


def parse_count(text: str, *, units: tuple[str, ...] = ("人", "件", "个")) -> int | None:
    """A whole count of people or items (``validation.HEADCOUNT``); None for an empty cell."""
    number = parse_decimal(text, units=units)
    if number is None:
        return None
    if HEADCOUNT.problem(number) is not None:  # a whole number 0 … 1,000,000
        raise BadValue(text)
    return int(number)


def parse_year(text: str) -> int | None:
    """A year such as 2026 (also "2026年"); None for an empty cell."""
    number = parse_count(text, units=("年",))
    if number is None:
        return None
    if not 1900 <= number <= 2200:
        raise BadValue(text)
    return number
