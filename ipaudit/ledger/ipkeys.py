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
from functools import lru_cache
from itertools import compress, repeat
from operator import add, itemgetter, mod, ne, not_

from ipaudit.ledger import ipnumber

_CHECK = "0123456789X"
_D1, _D2, _D3 = itemgetter(slice(2, 6)), itemgetter(slice(6, 10)), itemgetter(slice(10, 14))
_LAST = itemgetter(15)


def invalid_patent_numbers(numbers: Iterable[str]) -> set[str]:
    """The patent numbers among ``numbers`` whose check digit is wrong (the rule of
    ``ipnumber.patent_check_ok``). Numbers in the usual form ``ZL`` + 12 digits + ``.`` + check
    are tested with per-4-digit tables and the loops in C; the rest through the full pattern."""
    first, second = _tables()
    numbers = list(numbers)
    usual = [
        len(n) == 16 and n[14] == "." and n[:2] == "ZL" and n.isascii() and n[2:14].isdigit()
        for n in numbers
    ]
    plain = list(compress(numbers, usual))
    total = map(first.__getitem__, map(_D1, plain))
    total = map(add, total, map(second.__getitem__, map(_D2, plain)))
    total = map(add, total, map(first.__getitem__, map(_D3, plain)))
    expected = map(_CHECK.__getitem__, map(mod, total, repeat(11)))
    bad = set(compress(plain, map(ne, expected, map(_LAST, plain))))
    for number in compress(numbers, map(not_, usual)):
        parts = ipnumber.patent_parts(number)
        if parts is not None and ipnumber.check_digit(parts[0]) != parts[1]:
            bad.add(number)
    return bad


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, int], dict[str, int]]:
    """Weighted digit sums of every 4-digit group: weights 2,3,4,5 and 6,7,8,9."""
    groups = [f"{n:04d}" for n in range(10_000)]
    sums = [[int(c) for c in g] for g in groups]
    first = {g: 2 * a + 3 * b + 4 * c + 5 * d for g, (a, b, c, d) in zip(groups, sums, strict=True)}
    second = {
        g: 6 * a + 7 * b + 8 * c + 9 * d for g, (a, b, c, d) in zip(groups, sums, strict=True)
    }
    return first, second


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

    def many(self, numbers: list[str]) -> list[str]:
        """``[self(n) for n in numbers]``, with one step per distinct number."""
        cache = self._keys
        for number in set(numbers).difference(cache):
            cache[number] = _key(number)
        return list(map(cache.__getitem__, numbers))


def _key(number: str) -> str:
    """``P`` + the digits of a patent number (prefix, dot and check digit set aside), else the
    number itself."""
    parts = ipnumber.patent_parts(number)
    return "P" + parts[0] if parts else number
