"""Cell values of the ledgers → normalised values: money, dates, names, IP numbers, reward/penalty.

Each parser returns the value, ``None`` for an empty cell, or raises ``NormalizeError`` with the
reason in Chinese and English (the importer turns it into a ``Problem`` carrying the raw text).

Money is ``Decimal`` with two places. A float from a reader is rounded to cents exactly once:
``Decimal(repr(x))`` (the float's shortest exact decimal form) times the unit, then ROUND_HALF_UP.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from ipaudit.domain.numbers import NUMERAL_CHARS, NumberError, parse_yuan
from ipaudit.ledger.cells import Cell, CellIssue, cell_text
from ipaudit.ledger.ipnumber import normalize_ip_number
from ipaudit.ledger.synonyms import Synonyms, header_key, load_synonyms
from ipaudit.text import Text

CENT = Decimal("0.01")
ONE = Decimal(1)
_MAX_AMOUNT = Decimal("1e13")  # ten trillion yuan: beyond any ledger line, so a typo or a code


class NormalizeError(ValueError):
    """A cell value that cannot be read as what its column holds; ``reason`` says why."""

    def __init__(self, reason_zh: str | Text, reason_en: str = "") -> None:
        self.reason = reason_zh if isinstance(reason_zh, Text) else Text(reason_zh, reason_en)
        super().__init__(self.reason.en)

    @property
    def reason_zh(self) -> str:
        return self.reason.zh

    @property
    def reason_en(self) -> str:
        return self.reason.en


def _issue_error(issue: CellIssue) -> NormalizeError:
    if issue.kind == "formula":
        return NormalizeError(
            f"公式 {issue.text} 没有保存计算结果（文件由不计算公式的程序生成）；"
            "请在 Excel/WPS 中打开并保存后重新导入",
            f"the formula {issue.text} has no saved result (the file was written by a program"
            " that does not calculate); open and save it in Excel or WPS, then import again",
        )
    return NormalizeError(
        f"公式结果是错误值 {issue.text}",
        f"the formula result is the error {issue.text}",
    )


def _wrong_type(value: Cell, what_zh: str, what_en: str) -> NormalizeError:
    if isinstance(value, CellIssue):
        return _issue_error(value)
    return NormalizeError(
        f"“{cell_text(value)}”不是{what_zh}", f"“{cell_text(value)}” is not {what_en}"
    )


# ---------------------------------------------------------------------------------------- money

_SPACE_RE = re.compile(r"\s+")
_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_CODE_BREAK_RE = re.compile("[\\s\u200b\u200c\u200d\u2060\ufeff]")  # what a code never keeps
_PLAIN_NUMBER_RE = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d*)?")
_CURRENCY_PREFIXES = ("人民币", "rmb", "cny", "¥", "￥", "$")
_DASHES = frozenset({"-", "—", "–", "−", "--", "——", "/"})
# a text with one of these is written in Chinese numerals (壹仟贰佰元) or mixed (1.2万)
_CN_MONEY_CHARS = NUMERAL_CHARS


def amount_from_number(value: float | int, unit: Decimal = ONE) -> Decimal:
    """A numeric cell → Decimal cents, rounded once (after applying the unit)."""
    if value.__class__ is float:
        if not math.isfinite(value):
            raise NormalizeError(f"“{value}”不是金额", f"“{value}” is not an amount")
        number = Decimal(repr(value))
    else:
        number = Decimal(value)
    if unit is not ONE and unit != ONE:
        number *= unit
    if abs(number) >= _MAX_AMOUNT:
        raise NormalizeError(
            f"金额 {cell_text(value)} 大得不合理",
            f"the amount {cell_text(value)} is implausibly large",
        )
    return number.quantize(CENT, ROUND_HALF_UP)


def parse_amount(value: Cell, unit: Decimal = ONE) -> Decimal | None:
    """An amount cell → Decimal (two places), ``None`` when empty.

    Numbers (floats rounded once), "¥1,200.00", "1200元", "1,200", "(1,200.00)", "-1200",
    "1.2万", capital numerals ("壹仟贰佰元整", "贰万零伍拾元伍角"), full-width digits. ``unit`` is the
    sheet's multiplier (10000 for 万元); an amount that names its own unit ("1200元") keeps it.
    """
    if value.__class__ is float or value.__class__ is int:
        return amount_from_number(value, unit)
    if value.__class__ is str:
        return parse_amount_text(value, unit)
    if value is None:
        return None
    if isinstance(value, Decimal):
        return amount_from_number(value, unit)
    if value.__class__ is bool:
        raise NormalizeError(
            f"“{cell_text(value)}”是逻辑值，不是金额",
            f"“{cell_text(value)}” is a logical value, not an amount",
        )
    raise _wrong_type(value, "金额", "an amount")


def parse_amount_text(text: str, unit: Decimal = ONE) -> Decimal | None:
    raw = text
    s = _SPACE_RE.sub("", unicodedata.normalize("NFKC", text)).lower()
    s = _ZERO_WIDTH_RE.sub("", s)
    if not s:
        return None
    if s in _DASHES:  # accounting format shows zero as a dash
        return Decimal("0.00")
    negative = False
    if s[0] == "(" and s[-1] == ")":
        negative, s = True, s[1:-1]
    for prefix in _CURRENCY_PREFIXES:  # "¥-1,200" and "-¥1,200" both occur
        if s.startswith(prefix):
            s = s[len(prefix) :]
            break
    if s[:1] in ("-", "−", "–") or s.startswith("负"):
        negative = not negative
        s = s[1:]
    elif s[-1:] == "-":  # "1,200-" (some accounting exports)
        negative = not negative
        s = s[:-1]
    for prefix in _CURRENCY_PREFIXES:
        if s.startswith(prefix):
            s = s[len(prefix) :]
            break
    if not s:
        raise _not_amount(raw)
    if any(ch in _CN_MONEY_CHARS for ch in s):
        number = _parse_mixed_or_capital(s, raw)
        factor = ONE
        own_unit = True
    else:
        number, factor, own_unit = _parse_plain(s, raw)
    if not own_unit:
        factor = unit
    if factor != ONE:
        number *= factor
    if negative:
        number = -number
    if abs(number) >= _MAX_AMOUNT:
        raise NormalizeError(f"金额“{raw}”大得不合理", f"the amount “{raw}” is implausibly large")
    rounded = number.quantize(CENT, ROUND_HALF_UP)
    if rounded != number:
        raise NormalizeError(
            f"金额“{raw}”超过两位小数（分以下）",
            f"the amount “{raw}” has more than two decimal places (below a cent)",
        )
    return rounded


def _not_amount(raw: str) -> NormalizeError:
    return NormalizeError(f"“{raw}”不是金额", f"“{raw}” is not an amount")


def _parse_plain(s: str, raw: str) -> tuple[Decimal, Decimal, bool]:
    """ "1,200.00元" → (1200.00, 1, True); "1.2万" → (1.2, 10000, True); "1200" → (1200, 1, False)."""
    factor = ONE
    own_unit = False
    for suffix, mult in (  # 万 and 千 go the Chinese-numeral way ("1.2万")
        ("元整", 1),
        ("圆整", 1),
        ("元", 1),
        ("圆", 1),
    ):
        if s.endswith(suffix):
            s = s[: -len(suffix)]
            factor = Decimal(mult)
            own_unit = True
            break
    if s.endswith("整"):
        s = s[:-1]
    if not s or _PLAIN_NUMBER_RE.fullmatch(s) is None or s in (".", ","):
        if "," in s and re.fullmatch(r"[\d,]+(?:\.\d*)?", s):
            raise NormalizeError(
                f"金额“{raw}”的千位分隔符位置不对",
                f"the thousands separators of “{raw}” are misplaced",
            )
        raise _not_amount(raw)
    try:
        return Decimal(s.replace(",", "")), factor, own_unit
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only numbers
        raise _not_amount(raw) from exc


def _parse_mixed_or_capital(s: str, raw: str) -> Decimal:
    """Capital numerals (壹仟贰佰元整), Chinese numerals with 元角分, or "1.2万" — read by the
    project's one number reader, ``domain.numbers.parse_yuan``."""
    try:
        return parse_yuan(s)
    except NumberError as exc:
        raise _not_amount(raw) from exc


# ---------------------------------------------------------------------------------------- dates

_EXCEL_EPOCH = dt.date(1899, 12, 30)
_MAX_SERIAL = 2_958_465  # 9999-12-31
_DATE_RE = re.compile(
    r"(\d{4})\s*[年./\-]\s*(\d{1,2})\s*[月./\-]\s*(\d{1,2})\s*[日号]?"
    r"(?:[\sT]+\d{1,2}[:：]\d{2}(?:[:：]\d{2}(?:\.\d+)?)?)?"
)
_COMPACT_DATE_RE = re.compile(r"(\d{4})(\d{2})(\d{2})")
# a month without its day: "2025年3月", "2025年03月份", "2025-03", "2025/3" (never "2025.3", which
# is as likely an amount)
_MONTH_RE = re.compile(r"(\d{4})\s*(?:年\s*(\d{1,2})\s*月份?|[/\-]\s*(\d{1,2}))")
_SERIAL_TEXT_RE = re.compile(r"\d{5}(?:\.\d+)?")
_MIN_YEAR = 1950
_MAX_YEAR = 2100


def date_from_serial(serial: float) -> dt.date:
    """An Excel serial day number (1900 date system) → date; the time of day is dropped."""
    if not math.isfinite(serial) or serial < 1 or serial > _MAX_SERIAL:
        raise NormalizeError(
            f"数字 {cell_text(serial)} 不是 Excel 日期序号",
            f"the number {cell_text(serial)} is not an Excel date",
        )
    days = int(serial)
    if days == 60:  # Excel's 1900-02-29, a day that never was
        raise NormalizeError("1900年2月29日不存在", "1900-02-29 does not exist")
    if days < 60:
        days += 1
    return _EXCEL_EPOCH + dt.timedelta(days=days)


def parse_date(value: Cell, month_end: bool | None = None) -> dt.date | None:
    """A date cell → date, ``None`` when empty.

    Date cells, Excel serial numbers, "2025年3月5日", "2025.3.5", "2025/03/05", "2025-03-05",
    "20250305", with full-width digits and an optional time of day. A month without its day
    ("2025年3月", "2025-03") is refused unless ``month_end`` says how to read it: False its
    first day, True its last.
    """
    if value.__class__ is dt.date:
        return value
    if value.__class__ is dt.datetime:
        return value.date()
    if value.__class__ is str:
        return parse_date_text(value, month_end)
    if value.__class__ is float or value.__class__ is int:
        return _checked_year(date_from_serial(value), cell_text(value))
    if value is None:
        return None
    raise _wrong_type(value, "日期", "a date")


def parse_date_month_start(value: Cell) -> dt.date | None:
    """``parse_date`` reading a month without its day ("2025年3月") as the month's first day.

    A decision dated only by its month was taken from its first day; a payment or a booking so
    dated happened by its last (``parse_date_month_end``). Read so, a month-only date never makes
    a payment look earlier than its decision or a booking earlier than its payments.
    """
    return parse_date(value, False)


def parse_date_month_end(value: Cell) -> dt.date | None:
    """``parse_date`` reading a month without its day as the month's last day."""
    return parse_date(value, True)


def parse_date_text(text: str, month_end: bool | None = None) -> dt.date | None:
    s = unicodedata.normalize("NFKC", text).strip()
    if not s:
        return None
    m = _DATE_RE.fullmatch(s) or _COMPACT_DATE_RE.fullmatch(s)
    if m is None:
        if _SERIAL_TEXT_RE.fullmatch(s):  # a serial number exported as text
            return _checked_year(date_from_serial(float(s)), text)  # ok: a day count, not money
        only = _MONTH_RE.fullmatch(s)
        if only is not None and month_end is not None:
            return _month_date(
                int(only.group(1)), int(only.group(2) or only.group(3)), text, month_end
            )
        raise NormalizeError(
            f"“{text}”不是可识别的日期（应如 2025-03-05、2025年3月5日）",
            f"“{text}” is not a date we can read (write it like 2025-03-05)",
        )
    year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3))
    try:
        date = dt.date(year, month, day)
    except ValueError as exc:
        raise NormalizeError(f"日期“{text}”不存在", f"the date “{text}” does not exist") from exc
    return _checked_year(date, text)


def _month_date(year: int, month: int, raw: str, month_end: bool) -> dt.date:
    if not 1 <= month <= 12:
        raise NormalizeError(f"日期“{raw}”不存在", f"the date “{raw}” does not exist")
    first = dt.date(year, month, 1)
    if month_end:
        first = (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)
    return _checked_year(first, raw)


def _checked_year(date: dt.date, raw: str) -> dt.date:
    if not _MIN_YEAR <= date.year <= _MAX_YEAR:
        raise NormalizeError(
            f"日期“{raw}”的年份 {date.year} 不合理",
            f"the year {date.year} of “{raw}” is implausible",
        )
    return date


# ---------------------------------------------------------------------------------------- text

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_CJK_GAP_RE = re.compile(f"(?<=[{_CJK}])\\s+(?=[{_CJK}])")
_CJK_DOT_RE = re.compile(f"(?<=[{_CJK}])\\s*[.・•‧∙]\\s*(?=[{_CJK}])")


def normalize_name(value: Cell) -> str:
    """NFKC; white space collapsed; none between Chinese characters ("李  娜" → "李娜",
    "欧阳 娜娜" → "欧阳娜娜", "John  Smith" → "John Smith"); middle dots unified (买买提·艾力)."""
    s = unicodedata.normalize("NFKC", value if value.__class__ is str else cell_text(value))
    s = " ".join(_ZERO_WIDTH_RE.sub("", s).split())
    if " " in s:
        s = _CJK_GAP_RE.sub("", s)
    if not s.isascii():
        s = _CJK_DOT_RE.sub("·", s)
    return s


_NAME_NOTE_RE = re.compile(r"(.+?)\s*[(\[【〔]([^()\[\]【】〔〕]{2,})[)\]】〕]")


def normalize_person(value: Cell) -> str:
    """A person's name as ``normalize_name``, without a note in brackets after it: a clerk's
    "王强（研发）", "李娜(已离职)", "张三【代领】" is 王强, 李娜, 张三 — the same person as in the other
    ledgers. A note of one character ("王伟(A)", "王伟(大)") tells two namesakes apart and stays."""
    s = normalize_name(value)
    if s.endswith((")", "]", "】", "〕")):
        m = _NAME_NOTE_RE.fullmatch(s)
        if m is not None:
            return m.group(1)
    return s


def normalize_text(value: Cell) -> str:
    """Free text (事由, 摘要, titles): NFKC, white space collapsed, stripped."""
    s = unicodedata.normalize("NFKC", value if value.__class__ is str else cell_text(value))
    return " ".join(_ZERO_WIDTH_RE.sub("", s).split())


def normalize_code(value: Cell) -> str:
    """Voucher numbers and categories: NFKC, no white space ("记 - 2025 - 0131" → "记-2025-0131")."""
    s = value if value.__class__ is str else cell_text(value)
    if _CODE_BREAK_RE.search(s) is None and unicodedata.is_normalized("NFKC", s):
        return s  # already a code (most vouchers): nothing to do
    s = unicodedata.normalize("NFKC", s)
    return _SPACE_RE.sub("", _ZERO_WIDTH_RE.sub("", s))


IP_PLAIN_RE = re.compile(r"[A-Z0-9][A-Z0-9.]*")  # already in normalised form


def normalize_ip(value: Cell) -> str:
    """An IP-number cell → ``ipnumber.normalize_ip_number`` form; numeric cells read as written."""
    if value.__class__ is str:
        if IP_PLAIN_RE.fullmatch(value):
            return value
        return normalize_ip_number(value)
    if value is None:
        return ""
    if value.__class__ is float or value.__class__ is int:
        return normalize_ip_number(cell_text(value))
    raise _wrong_type(value, "知识产权编号", "an IP number")


_NAME_LIST_RE = re.compile(r"[、,;/|]+")
_BOTH_WAYS = frozenset({"奖惩", "奖罚", "奖/惩", "奖/罚", "奖励/处罚"})


def split_names(value: Cell) -> tuple[str, ...]:
    """Inventors "张三、李  四；王五" → ("张三", "李四", "王五")."""
    text = unicodedata.normalize("NFKC", value if value.__class__ is str else cell_text(value))
    names = (normalize_name(part) for part in _NAME_LIST_RE.split(text))
    return tuple(name for name in names if name)


def reward_or_penalty(value: Cell, synonyms: Synonyms | None = None) -> bool | None:
    """The 奖惩类型 cell → True for a penalty, False for a reward, None when empty."""
    words = synonyms or load_synonyms()
    text = value if value.__class__ is str else cell_text(value)
    key = header_key(text)
    if not key:
        return None
    if key in words.penalty_words:
        return True
    if key in words.reward_words:
        return False
    if key not in _BOTH_WAYS:
        if any(w in key for w in words.penalty_words):  # "扣发奖金" is a penalty
            return True
        if any(w in key for w in words.reward_words):
            return False
    raise NormalizeError(
        f"“{text}”既不是奖励也不是处罚（应为 奖励 或 处罚/罚款）",
        f"“{text}” is neither a reward nor a penalty (expected 奖励/reward or 处罚/penalty)",
    )


def is_reward_category(category: str, synonyms: Synonyms | None = None) -> bool:
    """Whether an expense category (费用类别) is a reward payment: 奖励费, 奖金, 奖励 …"""
    words = synonyms or load_synonyms()
    key = header_key(category)
    if not key:
        return False
    return key in words.reward_categories or any(w in key for w in words.reward_categories)
