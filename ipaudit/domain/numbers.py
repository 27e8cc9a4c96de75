"""The one reader of numbers written in Chinese or Arabic digits, and of the quantities a text states.

Chinese numerals follow the written standard; a malformed form is rejected, never guessed:

- ``十`` 10, ``十五`` 15, ``二十三`` 23, ``一百零五`` 105, ``一千零五十`` 1050, ``两千`` 2000,
  ``一万零二十`` 10020, ``一亿二千万`` 120000000, ``一万亿`` 10**12, ``三百万亿`` 3 × 10**14;
  capitals (壹贰叁肆伍陆柒捌玖拾佰仟萬億) and 〇/零 read the same.
- rejected: two digits in a row (``五五``), a unit that does not decrease (``十十``, ``一百千``),
  ``零`` doubled, leading or trailing (``一千零零五``, ``一百零``), a bare digit after 百, 千, 万 or
  亿 without ``零`` (``一百一``, ``一万五``: 110 or 101? 15000 or 10005? — written out, they are
  not ambiguous), ``两`` not followed by a unit (``十两``), ``十`` without its digit anywhere but at
  the start, ``万万`` and ``亿亿``.
- ``三点五`` is 3.5 (digits after 点 one by one); ``百分之六十`` is 60 with the unit ``%``.

Arabic numbers may be full-width, carry thousands separators (``1,200``) and decimals, and a
Chinese multiplier (``1.2万`` is 12000, ``3千`` 3000).

:func:`parse_yuan` reads amounts written in numerals with 元角分 (``壹仟贰佰元伍角``), for the ledgers.

:func:`quantities` finds every number a sentence states with the unit that follows it, and marks
years (``2026年``), dates (``11月``, ``30日``, ``2026-11-30``) and ordinals (``第3``, ``3rd``), so a
comparison can ignore them: "截至2026年11月共60人" states 60 人.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

DIGITS: dict[str, int] = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "貳": 2,
    "两": 2,
    "兩": 2,
    "三": 3,
    "叁": 3,
    "參": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "陸": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_ZEROS = frozenset("零〇○")
_TWO_BEFORE_UNIT = frozenset("两兩")
UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8}
NUMERAL_CHARS = frozenset(DIGITS) | frozenset(UNITS) | frozenset(BIG_UNITS)


class NumberError(ValueError):
    """Text that is not a well-formed number."""


def parse_chinese_integer(text: str) -> int:
    """A whole number in Chinese numerals; :class:`NumberError` when malformed (see the module)."""
    s = text.strip()
    if not s or any(ch not in NUMERAL_CHARS for ch in s):
        raise NumberError(f"not a Chinese numeral: {text!r}")
    if s in _ZEROS:
        return 0
    yi = [i for i, ch in enumerate(s) if BIG_UNITS.get(ch) == 10**8]
    if len(yi) > 1:
        raise NumberError(f"亿 twice in {text!r}")
    if yi:
        before, after = s[: yi[0]], s[yi[0] + 1 :]
        if not before:
            raise NumberError(f"亿 without a number before it in {text!r}")
        high = _below_yi(before, text, start=True, before_big=True)
        return high * 10**8 + _below_yi(after, text, start=False)
    return _below_yi(s, text, start=True)


def _below_yi(s: str, raw: str, *, start: bool, before_big: bool = False) -> int:
    """A part without 亿: ``[section 万] section``; ``before_big``: 亿 follows it."""
    wan = [i for i, ch in enumerate(s) if BIG_UNITS.get(ch) == 10**4]
    if len(wan) > 1:
        raise NumberError(f"万 twice in {raw!r}")
    if wan:
        before, after = s[: wan[0]], s[wan[0] + 1 :]
        if not before:
            raise NumberError(f"万 without a number before it in {raw!r}")
        high = _section(before, raw, start=start, before_big=True)
        return high * 10**4 + _section(after, raw, start=False, before_big=before_big)
    return _section(s, raw, start=start, before_big=before_big)


def _section(s: str, raw: str, *, start: bool, before_big: bool = False) -> int:
    """Up to four places (千百十个); ``start``: at the very beginning of the numeral;
    ``before_big``: 万 or 亿 follows it (两万 is well-formed)."""
    if not s:
        return 0
    value = 0
    last_unit = 10**4
    digit: int | None = None
    two = False  # the digit was written 两 (valid only before a unit)
    zero = False  # a 零 stands before the next part
    for pos, ch in enumerate(s):
        if ch in _ZEROS:
            if zero or digit is not None or (pos == 0 and start):
                raise NumberError(f"misplaced 零 in {raw!r}")
            zero = True
        elif ch in DIGITS:
            if digit is not None:
                raise NumberError(f"two digits in a row in {raw!r}")
            digit, two = DIGITS[ch], ch in _TWO_BEFORE_UNIT
        else:
            unit = UNITS[ch]
            if unit >= last_unit:
                raise NumberError(f"{ch} out of order in {raw!r}")
            if digit is None:
                if not (unit == 10 and pos == 0 and start):
                    raise NumberError(f"{ch} without its digit in {raw!r}")
                digit = 1
            if two and unit == 10:
                raise NumberError(f"两 before 十 in {raw!r}")
            value += digit * unit
            last_unit, digit, two, zero = unit, None, False, False
    if digit is None:
        if zero:
            raise NumberError(f"trailing 零 in {raw!r}")
        return value
    if two and not (before_big and last_unit == 10**4):
        raise NumberError(f"两 without a unit in {raw!r}")
    if last_unit == 10**4:  # a bare digit: alone, or after 零 following 万/亿
        if not start and not zero:
            raise NumberError(f"a bare digit after 万 or 亿 in {raw!r} (write 零)")
    elif last_unit != 10 and not zero:
        raise NumberError(f"a bare digit after {last_unit} in {raw!r} (ambiguous; write 零 or 十)")
    return value + digit


_ARABIC_RE = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
#: what an Arabic number may be multiplied by when written right after it: 1.2万, 3千, 2亿
MULTIPLIERS: dict[str, int] = {"千": 1000, **BIG_UNITS}


def parse_number(text: str) -> Decimal:
    """A whole text that is one number: Arabic (any width, ``1,200``, ``1.5``, ``1.2万``) or Chinese
    (``二十三``, ``三点五``, ``百分之六十``); :class:`NumberError` otherwise."""
    s = unicodedata.normalize("NFKC", text).strip()
    if s.startswith("百分之"):
        return parse_number(s[3:])
    multiplier = 1
    if len(s) > 1 and s[-1] in MULTIPLIERS and s[0].isascii() and s[0].isdigit():
        multiplier, s = MULTIPLIERS[s[-1]], s[:-1]
    if _ARABIC_RE.fullmatch(s):
        return Decimal(s.replace(",", "")) * multiplier
    integer, dot, fraction = s.partition("点")
    if dot:
        if not fraction or any(ch not in DIGITS or ch in _TWO_BEFORE_UNIT for ch in fraction):
            raise NumberError(f"not a decimal: {text!r}")
        try:
            return Decimal(
                f"{parse_chinese_integer(integer)}.{''.join(str(DIGITS[c]) for c in fraction)}"
            )
        except InvalidOperation as exc:  # pragma: no cover - digits only
            raise NumberError(text) from exc
    return Decimal(parse_chinese_integer(s))


YUAN = ("元", "圆", "圓")
_MIXED_RE = re.compile(r"([\d,]*\.?\d*)([万萬千亿億])")


def parse_yuan(text: str) -> Decimal:
    """An amount written with Chinese numerals, as on receipts and cheques (大写金额): yuan, then
    角 and 分 — ``壹仟贰佰元整`` 1200, ``贰万零伍拾元伍角`` 20050.5, ``壹佰元零伍分`` 100.05, ``伍角``
    0.5, ``人民币壹万元整`` 10000 — or Arabic digits with a multiplier (``1.2万`` 12000, ``3千`` 3000).

    ``text`` is NFKC, without white space, sign or currency symbol; a leading ``人民币`` or ``大写``
    and a trailing ``整``/``正`` are allowed. :class:`NumberError` when it is not such an amount."""
    s = text
    for prefix in ("人民币", "大写"):
        if s.startswith(prefix):
            s = s[len(prefix) :]
    s = s.rstrip("整正")
    if not s:
        raise NumberError(f"not an amount: {text!r}")
    integer_part, fraction_part = s, ""
    for yuan in YUAN:
        if yuan in s:
            integer_part, _, fraction_part = s.partition(yuan)
            break
    else:
        if s[-1] in "角分":
            integer_part, fraction_part = "", s
    if integer_part[:1].isdigit() or "." in integer_part:
        m = _MIXED_RE.fullmatch(integer_part)
        if not m or fraction_part:
            raise NumberError(f"not an amount: {text!r}")
        try:
            return Decimal(m.group(1).replace(",", "")) * MULTIPLIERS[m.group(2)]
        except InvalidOperation as exc:
            raise NumberError(f"not an amount: {text!r}") from exc
    yuan_value = parse_chinese_integer(integer_part) if integer_part else 0
    return Decimal(yuan_value) + Decimal(_jiao_fen(fraction_part, text)) / 100


def _jiao_fen(s: str, raw: str) -> int:
    """伍角陆分 → 56, 零伍分 → 5, 伍角 → 50, "" → 0 (in cents)."""
    cents = 0
    digit: int | None = None
    seen_jiao = seen_fen = False
    for ch in s:
        if ch in DIGITS:
            if digit not in (None, 0):
                raise NumberError(f"two digits in a row in {raw!r}")
            digit = DIGITS[ch]
        elif ch == "角" and digit is not None and not seen_jiao and not seen_fen:
            cents += digit * 10
            digit = None
            seen_jiao = True
        elif ch == "分" and digit is not None and not seen_fen:
            cents += digit
            digit = None
            seen_fen = True
        else:
            raise NumberError(f"misplaced {ch} in {raw!r}")
    if digit not in (None, 0):  # "壹元伍" — a digit without 角 or 分
        raise NumberError(f"a digit without 角 or 分 in {raw!r}")
    return cents


class Role(StrEnum):
    QUANTITY = "quantity"
    YEAR = "year"
    DATE = "date"  # month or day of a date
    ORDINAL = "ordinal"


@dataclass(frozen=True, slots=True)
class Quantity:
    value: Decimal
    unit: str  # the unit right after the number ("人", "件", "%", …), "" when none
    role: Role
    start: int  # position in the NFKC text


# A numeric token: percent words, Arabic (with an optional Chinese multiplier) or Chinese numerals.
_TOKEN_RE = re.compile(
    r"(?P<pct>百分之)?"
    r"(?:(?P<ar>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?P<mul>[万萬亿億](?![零〇一二两三四五六七八九十百千]))?"
    r"|(?P<cn>[零〇○一壹二贰貳两兩三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億]+"
    r"(?:点[零〇一二三四五六七八九]+)?))"
)
_UNIT_RE = re.compile(r"\s*(%|‰|个人|余人|多人|[人名位个件项篇份次家套台元])")
_ORDINAL_BEFORE = ("第", "No.", "no.", "#", "NO.")
_DATE_AFTER = ("年", "月", "日", "号", "季度", "周岁", "岁")
# 2026-11-30, 2026/11, 2026.11.30; never 5000.00 (an amount with two decimals, not year.month)
_DATE_SEP_RE = re.compile(
    r"\d{4}\s*[-/]\s*\d{1,2}(?:\s*[-/]\s*\d{1,2})?|\d{4}\s*\.\s*\d{1,2}\s*\.\s*\d{1,2}"
)


def quantities(text: str) -> list[Quantity]:
    """Every number ``text`` states, in order, with its unit and role. Malformed Chinese numerals
    (``五五``) are not numbers and are skipped; so are words that merely contain a digit
    character (``统一``, ``万一``)."""
    s = unicodedata.normalize("NFKC", text or "")
    date_spans = [m.span() for m in _DATE_SEP_RE.finditer(s)]
    out: list[Quantity] = []
    for m in _TOKEN_RE.finditer(s):
        start, end = m.span()
        if any(a <= start < b for a, b in date_spans):
            out.append(Quantity(Decimal(0), "", Role.DATE, start))
            continue
        token = m.group(0)
        try:
            # 百分之百: a bare 百 is a hundred only in a percentage
            value = Decimal(100) if m.group("pct") and m.group("cn") in ("百", "佰") else None
            value = parse_number(token) if value is None else value
        except NumberError:
            continue
        if m.group("cn") and not _stands_alone(s, start, end, token):
            continue
        before = s[:start].rstrip()
        after = s[end:]
        if m.group("pct"):
            unit = "%"
        else:
            um = _UNIT_RE.match(after)
            unit = um.group(1) if um else ""
            unit = {"个人": "人", "余人": "人", "多人": "人", "‰": "‰"}.get(unit, unit)
        role = Role.QUANTITY
        if any(before.endswith(p) for p in _ORDINAL_BEFORE) or re.match(
            r"(?:st|nd|rd|th)\b", after
        ):
            role = Role.ORDINAL
        elif after.lstrip().startswith(_DATE_AFTER):
            role = Role.YEAR if after.lstrip().startswith("年") else Role.DATE
        out.append(Quantity(value, unit, role, start))
    return out


# Words that contain numeral characters without stating a number.
_NUMERAL_WORDS = (
    "统一",
    "唯一",
    "万一",
    "一些",
    "一起",
    "一致",
    "一般",
    "一直",
    "进一步",
    "之一",
    "一切",
    "一定",
    "同一",
    "一旦",
    "千万",
    "万分",
    "百分百",
    "一旦",
    "专一",
    "十分",
)


def _stands_alone(s: str, start: int, end: int, token: str) -> bool:
    """A Chinese numeral counts unless it is part of a common word such as 统一 or 一致; a word
    inside a longer numeral (万一 in 二万一千, 之一 in 百分之一) does not stop it."""
    for word in _NUMERAL_WORDS:
        for wm in re.finditer(re.escape(word), s):
            inside = start <= wm.start() and wm.end() <= end and end - start > len(word)
            if wm.start() < end and start < wm.end() and not inside:
                return False
    return len(token) > 1 or token not in ("一", "壹") or _followed_by_unit(s, end)


def _followed_by_unit(s: str, end: int) -> bool:
    return _UNIT_RE.match(s[end:]) is not None


def stated(text: str, units: tuple[str, ...] = ()) -> list[Decimal]:
    """The quantities ``text`` states (years, dates and ordinals left out). With ``units``: those
    bound to one of them when there are any, else the quantities without a unit."""
    found = [q for q in quantities(text) if q.role is Role.QUANTITY]
    if not units:
        return [q.value for q in found]
    bound = [q.value for q in found if q.unit in units]
    return bound or [q.value for q in found if not q.unit]


__all__ = [
    "BIG_UNITS",
    "DIGITS",
    "MULTIPLIERS",
    "NUMERAL_CHARS",
    "UNITS",
    "YUAN",
    "NumberError",
    "Quantity",
    "Role",
    "parse_chinese_integer",
    "parse_number",
    "parse_yuan",
    "quantities",
    "stated",
]
