"""Keys for comparing IP numbers across ledgers, cached per distinct number.

Two ledgers refer to the same IP item when their numbers agree once the office prefix (ZL/CN), the
dot and the check digit are set aside: ``ZL202410100001.7``, ``202410100001.7`` and
``CN2024101000017`` are one patent. Leaving the check digit out of the key lets a number whose
check digit was mistyped on one ledger still find its counterpart; the wrong check digit is reported
on its own (INVALID_IP_NUMBER) instead of turning one typo into an unpaid reward plus a payment
without a decision. Other numbers (software copyrights, trademarks, titles) compare as normalised text.
"""

from __future__ import annotations

from ipaudit.ledger import ipnumber


def _patent_digits(number: str) -> str:
    """The 12 (or 8) digits of a patent number, without prefix, dot and check digit."""
    body = number[2:] if number[:2] in ("ZL", "CN") else number
    return body.replace(".", "")[:-1]


class IpKeys:
    """``keys(number)`` → comparison key ("" for a blank number); ``valid(number)`` → check digit ok."""

    __slots__ = ("_keys", "_valid")

    def __init__(self) -> None:
        self._keys: dict[str, str] = {"": ""}
        self._valid: dict[str, bool] = {"": True}

    def __call__(self, number: str) -> str:
        key = self._keys.get(number)
        if key is None:
            key = "P" + _patent_digits(number) if ipnumber.is_patent_number(number) else number
            self._keys[number] = key
        return key

    def valid(self, number: str) -> bool:
        """False only for a patent number whose check digit is wrong."""
        ok = self._valid.get(number)
        if ok is None:
            ok = not ipnumber.is_patent_number(number) or ipnumber.patent_check_ok(number)
            self._valid[number] = ok
        return ok
