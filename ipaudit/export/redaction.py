"""Masking personal numbers in exported documents.

- 18-digit resident ID numbers (居民身份证号码, GB 11643) whose check digit is valid under ISO 7064
  MOD 11-2: the birth date and sequence are masked, the region code and last four stay
  (``110101********123X``). A number with a wrong check digit is left alone: it is some other
  number (an order number, a bank reference …), not an ID.
- Mainland mobile numbers ``1[3-9]`` + 9 digits: the middle four are masked (``138****5678``).

A match must stand on its own: digits directly before or after it make it part of a longer
number, which is left alone.
"""

from __future__ import annotations

import re

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"  # index: weighted sum mod 11

_ID = re.compile(r"(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])")
_MOBILE = re.compile(r"(?<![0-9])1[3-9][0-9]{9}(?![0-9])")


def id_check_digit(first17: str) -> str:
    """The check character of an ID number from its first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK[total % 11]


def valid_resident_id(text: str) -> bool:
    """Whether ``text`` is an 18-character ID number with a valid check digit."""
    if len(text) != 18 or not text[:17].isascii() or not text[:17].isdigit():
        return False
    return id_check_digit(text[:17]) == text[17].upper()


def mask_id(number: str) -> str:
    return number[:6] + "*" * 8 + number[14:]


def mask_mobile(number: str) -> str:
    return number[:3] + "****" + number[7:]


def _id_sub(match: re.Match[str]) -> str:
    found = match.group(0)
    return mask_id(found) if valid_resident_id(found) else found


def redact(text: str) -> str:
    """``text`` with valid ID numbers and mobile numbers masked; everything else unchanged."""
    if not text or not any(c.isdigit() for c in text):
        return text
    text = _ID.sub(_id_sub, text)
    return _MOBILE.sub(lambda m: mask_mobile(m.group(0)), text)
