"""Masking personal numbers in the free text of exported documents.

- 18-digit resident ID numbers (居民身份证号码, GB 11643) whose check digit is valid under ISO 7064
  MOD 11-2: the birth date and sequence are masked, the region code and last four stay
  (``110101********123X``), also written in groups (``110101 19491231 002X``). A number with a
  wrong check digit is left alone: it is some other number (an order number, a bank reference …).
- Mainland mobile numbers ``1[3-9]`` + 9 digits: the middle four are masked (``138****5678``), as
  people write them: ``13812345678``, ``138-1234-5678``, ``138 1234 5678``, ``+86 138…``,
  ``(+86)138…``, ``0086-138…``, with full-width digits (``１３８…``) too.

Only free text is touched. A number must stand on its own: a letter, digit or underscore right
before or after it — or a code separator (``-./#``) joining it to one, or a decimal part after
it — makes it part of something else (a SHA-256 digest, a document or IP number, an amount, a
date), which is left alone. (``Tel:138…`` is a label and a number, and is masked.) Structured fields the documents show verbatim (digests, document and IP numbers,
vouchers, amounts) are passed as ``Verbatim`` and never redacted at all.
"""

from __future__ import annotations

import re

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"  # index: weighted sum mod 11


class Verbatim(str):
    """Text that is shown exactly as stored and never redacted (a digest, a document number …)."""

    __slots__ = ()


# full-width forms and other dashes and spaces → their ASCII look-alikes, one character for one,
# so a match on the folded text has the same span in the original
_FOLD = str.maketrans(
    {
        **{chr(0xFF10 + d): str(d) for d in range(10)},
        "Ｘ": "X",
        "ｘ": "x",
        "＋": "+",
        "－": "-",
        "‐": "-",
        "‑": "-",
        "–": "-",
        "—": "-",
        "（": "(",
        "）": ")",
        "\u3000": " ",
        "\u00a0": " ",
    }
)
_BEFORE = r"(?<![0-9A-Za-z_])(?<![0-9A-Za-z_][-./#])"
# after a number: ".5" or ",000" continue it (an amount); "-A1" or "/B" join it to a code; but
# ".pdf" is a file name's extension
_AFTER = r"(?![0-9A-Za-z_])(?![-./#,][0-9])(?![-/#][A-Za-z_])"
_SEP = r"[ -]?"
_ID = re.compile(_BEFORE + r"[0-9]{6}" + _SEP + r"[0-9]{8}" + _SEP + r"[0-9]{3}[0-9Xx]" + _AFTER)
_PREFIX = r"(?:(?:\+|00)86" + _SEP + r"|\(\+?86\)" + _SEP + r")?"
_MOBILE = re.compile(
    _BEFORE
    + r"(?P<prefix>"
    + _PREFIX
    + r")1[3-9][0-9]"
    + _SEP
    + r"[0-9]{4}"
    + _SEP
    + r"[0-9]{4}"
    + _AFTER
)


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


def _mask_digits(original: str, first: int, last: int) -> str:
    """``original`` with its digits number ``first`` to ``last - 1`` (counting digits only)
    replaced by ``*``; separators and the other digits stay as written."""
    out, n = [], 0
    for ch in original:
        if ch.translate(_FOLD).isdigit() and ch.translate(_FOLD).isascii():
            out.append("*" if first <= n < last else ch)
            n += 1
        else:
            out.append(ch)
    return "".join(out)


def redact(text: str) -> str:
    """``text`` with valid ID numbers and mobile numbers masked; everything else unchanged."""
    if isinstance(text, Verbatim) or not text or not any(c.isdigit() for c in text):
        return text
    folded = text.translate(_FOLD)
    spans: list[tuple[int, int, int, int]] = []  # start, end, first and last digit to mask
    for m in _ID.finditer(folded):
        digits = re.sub(r"[ -]", "", m.group(0))
        if valid_resident_id(digits):
            spans.append((m.start(), m.end(), 6, 14))
    taken = [(s, e) for s, e, _f, _l in spans]
    for m in _MOBILE.finditer(folded):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        start = m.start() + len(m.group("prefix"))
        spans.append((start, m.end(), 3, 7))
    if not spans:
        return text
    out, pos = [], 0
    for start, end, first, last in sorted(spans):
        out.append(text[pos:start])
        out.append(_mask_digits(text[start:end], first, last))
        pos = end
    out.append(text[pos:])
    return "".join(out)
