"""Keys for comparing IP numbers across ledgers, and the check-digit test in bulk.

Two ledgers refer to the same IP item when their numbers agree once the office prefix (ZL/CN), the
dot and the check digit are set aside: ``ZL202410100001.7``, ``202410100001.7`` and
``CN2024101000017`` are one patent. Leaving the check digit out of the key lets a number whose
check digit was mistyped on one ledger still find its counterpart; the wrong check digit is reported
on its own (INVALID_IP_NUMBER) instead of turning one typo into an unpaid reward plus a payment
without a decision. Other numbers (software copyrights, trademarks, titles) compare as normalised text.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ipaudit.ledger import ipnumber

if TYPE_CHECKING:
    import polars as pl


# ipnumber's patent pattern without look-ahead: 12 digits (dot optional) or 8 digits and a dot
_PATENT_DIGITS = r"^(?:ZL|CN)?(?:(\d{12})\.?[\dX]|(\d{8})\.[\dX])$"


def invalid_patent_numbers(numbers: Iterable[str] | pl.Series) -> set[str]:
    """The patent numbers among ``numbers`` whose check digit is wrong (the rule of
    ``ipnumber.patent_check_ok``). Numbers in the usual form ``ZL`` + 12 digits + ``.`` + check
    are tested in one vectorised step; the few others that could be patent numbers through the
    full pattern."""
    import polars as pl

    series = (
        numbers if isinstance(numbers, pl.Series) else pl.Series(list(numbers), dtype=pl.String)
    )
    frame = pl.DataFrame({"n": series})
    usual = pl.col("n").str.contains(r"^ZL[0-9]{12}\.[0-9X]$")
    # the 12 digits as one integer, then each digit by division: no string per digit
    digits = pl.col("n").str.slice(2, 12).cast(pl.Int64)
    total = pl.sum_horizontal(
        digits // 10 ** (11 - k) % 10 * w for k, w in enumerate(ipnumber.WEIGHTS)
    )
    check = (total % 11).cast(pl.String).replace("10", "X")
    plain = frame.filter(usual)
    bad = set(plain.filter(check != pl.col("n").str.slice(15, 1))["n"].to_list())
    # the other forms (CN prefix, no dot, the old 8 digits …) one by one
    others = frame.filter(~usual & pl.col("n").str.contains(_PATENT_DIGITS))["n"].to_list()
    for number in others:
        parts = ipnumber.patent_parts(number)
        if parts is not None and ipnumber.check_digit(parts[0]) != parts[1]:
            bad.add(number)
    return bad


class IpKeys:
    """``keys(number)`` → comparison key ("" for a blank number), cached per distinct number."""

    __slots__ = ("_keys",)

    def __init__(self) -> None:
        self._keys: dict[str, str] = {"": ""}

    def __call__(self, number: str) -> str:
        key = self._keys.get(number)
        if key is None:
            key = self._keys[number] = _key(number)
        return key

    def of_series(self, numbers: pl.Series) -> list[str]:
        """The keys of a series of numbers, computed in bulk (not remembered one by one)."""
        return key_series(numbers).to_list()


def key_series(numbers: pl.Series) -> pl.Series:
    """The keys of a series of numbers in one vectorised step (the same as :func:`_key`)."""
    import polars as pl

    groups = pl.col("n").str.extract_groups(_PATENT_DIGITS)
    digits = pl.coalesce(groups.struct.field("1"), groups.struct.field("2"))
    key = pl.when(digits.is_not_null()).then(pl.lit("P") + digits).otherwise(pl.col("n"))
    return pl.DataFrame({"n": numbers}).select(key.alias("n"))["n"]


def _key(number: str) -> str:
    """``P`` + the digits of a patent number (prefix, dot and check digit set aside), else the
    number itself."""
    parts = ipnumber.patent_parts(number)
    return "P" + parts[0] if parts else number
