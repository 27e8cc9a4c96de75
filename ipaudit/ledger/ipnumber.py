"""IP numbers: normalisation and the check digit of Chinese patent numbers.

A Chinese patent application number since 2003 has 12 digits and a check digit after a dot:
``ZL 2024 1 0100001.7`` — year, type (1 invention, 2 utility model, 3 design, 8/9 PCT), serial.
The check digit is sum(digit × weight) mod 11 with weights 2,3,4,5,6,7,8,9,2,3,4,5; 10 is written X.
Older 8-digit numbers (before 2003) use weights 2..9 the same way.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
# 12 digits (dot optional) or the pre-2003 8 digits (dot required, else it reads as a trademark)
_PATENT_RE = re.compile(r"^(?:ZL|CN)?(\d{12}(?=\.?[\dX]$)|\d{8}(?=\.))\.?([\dX])$")
_SOFTWARE_RE = re.compile(r"^\d{4}SR\d{4,8}$")


class IpType(StrEnum):
    INVENTION = "invention"
    UTILITY_MODEL = "utility_model"
    DESIGN = "design"
    SOFTWARE = "software_copyright"
    TRADEMARK = "trademark"
    OTHER = "other"


def normalize_ip_number(raw: str) -> str:
    """NFKC, upper case, no spaces; ``ZL 2024 1 0100001.7`` → ``ZL202410100001.7``."""
    text = unicodedata.normalize("NFKC", str(raw)).upper()
    text = re.sub(r"\s+", "", text)
    text = text.replace("。", ".").replace("·", ".")
    # "专利号:" and similar labels in front
    text = re.sub(r"^[^\dA-Z]*(?=(ZL|CN|\d))", "", text)
    return text


def check_digit(digits: str) -> str:
    """The check character for 8 or 12 patent digits."""
    total = sum(int(c) * w for c, w in zip(digits, WEIGHTS, strict=False)) % 11
    return "X" if total == 10 else str(total)


def patent_parts(number: str) -> tuple[str, str] | None:
    """(the 12 or 8 digits, the check character) of a normalised patent number, else None:
    ``ZL202410100001.7`` → ("202410100001", "7")."""
    m = _PATENT_RE.match(number)
    return m.groups() if m else None  # type: ignore[return-value]


def is_patent_number(number: str) -> bool:
    return _PATENT_RE.match(number) is not None


def patent_check_ok(number: str) -> bool:
    """True when ``number`` (normalised) is a patent number whose check digit is right."""
    parts = patent_parts(number)
    return parts is not None and check_digit(parts[0]) == parts[1]


def classify(number: str) -> IpType:
    parts = patent_parts(number)
    if parts:
        digits = parts[0]
        kind = digits[4] if len(digits) == 12 else digits[2]
        return {
            "1": IpType.INVENTION,
            "8": IpType.INVENTION,
            "2": IpType.UTILITY_MODEL,
            "9": IpType.UTILITY_MODEL,
            "3": IpType.DESIGN,
        }.get(kind, IpType.OTHER)
    if _SOFTWARE_RE.match(number):
        return IpType.SOFTWARE
    if number.isdigit() and 6 <= len(number) <= 9:
        return IpType.TRADEMARK
    return IpType.OTHER
