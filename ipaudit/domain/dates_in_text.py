"""Dates and covered periods written in a text: a file name, a document's paragraphs, a sheet's
first rows.

What counts as a date (after NFKC, so full-width digits and punctuation are ordinary ones):

- ``2025-03-05``, ``2025-3-5``, ``2025.03.05``, ``2025_03_05``, ``2025/3/5``, ``2025 3 5`` (one
  separator, the same twice); ``2025年3月5日`` (日 or 号, or none); ``20250305`` (eight digits that are
  a real day: ``20251399`` is a serial number, not a date), also as a time stamp's start
  (``IMG_20250305_101522``, ``微信图片_20250305101522``); WeChat's ``mmexport1741140922123`` (ms);
- ``二〇二五年三月五日`` (Chinese numerals; 〇, 零 and ○ are zero; 十, 二十五, 廿五, 三十一);
- ``25.3.5``: a two-digit year only in the Chinese order year-month-day, for a year from 2013 to
  this year (a smaller first number reads as a clause, ``10.2.1``), and only when unambiguous: the
  last number has one digit, or reading it as day.month.year gives no real day (``25.03.05`` could
  be 25 March 2005 and is left alone).

What looks like a date and is not (masked before anything is read):

- a standard's number and year: ``GB/T 29490-2023``, ``ISO 9001:2015``, ``ISO/IEC 27001:2022``,
  ``T/CNIPA 1-2024`` (the standard's year is not the document's date);
- a document number's year: ``〔2025〕12号``, ``【2025】12号``, ``[2025]3号``, ``2025-12号``;
- a patent number: ``ZL202510310140.7``;
- a version: ``V2.0.3``, ``Ver 25.3.5``, ``版本 1.2``;
- a telephone number: ``0755-20250305``, ``(010)20250305``, ``+86 13920250305`` and anything after
  电话/手机/传真/Tel/Fax.

Covered periods: a date range (``2025-01-01至2025-03-31``, ``20250101-20250331``), a quarter
(``2025年第一季度``, ``2025年一季度``, ``2025Q1``), a half year (``2025上半年``, ``2025H2``), a range of
months (``2025年1-3月``, ``2025年1月至6月``), a month (``2025年3月``, ``2025-03`` — two digits: ``2025-1``
is more often a number than January), a range of years (``2024-2025``, ``2024至2025年度``) and a year (``2025年度``, ``FY2025``, ``2025年报`` — a bare ``2025年``
only with a yearly word such as 年度, 年报, annual).

Which date, when there are several: only a plausible one is proposed — from 2000-01-01 to today
(a date in the future or before 2000 is *doubtful*: it is shown, never proposed). Of several
plausible dates in a name the latest is proposed: a name that carries two dates is a revision
(``2023-01-05 … 修订 2025-03-05``) or a period's record, dated at its end. The audit period is
deliberately not used to choose: preferring the date that falls inside it would propose the date
that makes the evidence pass and hide a record that is too old; the confirmed date is judged against
the audit period afterwards, like any date the user gives. In a document's text, dates are weighed by where they stand (see
:func:`document_date`).

Which source dates a file (a name, a text, the properties): each proposed :class:`Choice` says
what kind of date it is, and the strongest kind wins (:data:`STRENGTH`, highest first):

1. ``name`` — a date standing in a file name (``2025-06-01会议纪要``, ``培训签到20250305``,
   ``IMG_20250305_101522``): the name was given to say the date;
2. ``text_labelled`` — a date labelled in the document's text (``签订日期：``, ``日期：``,
   ``Date:``), or on its signing line (``甲方（盖章）…2025年6月1日``, a date standing under
   ``乙方（签字）``); in a workbook, a labelled date in its first or last rows;
3. ``name_in_number`` — a date inside a number in the name: a contract's, a voucher's, an order's.
   Such a number is often made of the day it was issued, but it is not the document's date: a
   contract numbered on 1 January may be signed in June. Eight digits after a number's prefix —
   a code of capitals, glued or with a separator, a number word (号 — 编号,
   合同号, 凭证号, 单号 —, No., #, 编码, ID): ``HT-20250101``, ``HT20250101-003``, ``凭证号20240315``,
   ``No.20250101`` (:data:`NUMBER_BEFORE`) — are read as the number they are, not as a date at
   all, as a clerk reads them, unless the name says they are a date: a date word (日期, 签订,
   签署, dated … :data:`DATE_WORDS`) anywhere in it. A camera's or scanner's time stamp is a date
   (``IMG_20250305``, ``Scan_20250305``, digits followed by a time). What is left in a number is
   this weak kind: a date written as one (``HT2025-01-01``), digits followed by a serial after a
   dash (``20250305-2``; a date after the dash is a range, not a serial), small letters before
   or letters after (``report20250305``, ``20250101HT``), digits of a number the name vouches for
   (``签订HT20250101``):
   :data:`IN_NUMBER`;
4. ``text`` — any other date in the text (a title's, a date alone in the closing paragraphs);
5. ``properties`` — the document properties (created, saved).

So a labelled date in the text beats a number that looks like a date in the name, while a name's
date, even inside a number, still beats an unlabelled date in the text.

Pure Python; no I/O.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

EARLIEST = dt.date(2000, 1, 1)
#: paragraphs read at each end of a document
EDGE_PARAGRAPHS = 15


@dataclass(frozen=True, slots=True)
class Found:
    """A date written in a text, and where (character offsets in the normalised text)."""

    day: dt.date
    start: int
    end: int


#: the kinds of date a :class:`Choice` holds (see the module's text)
NAME = "name"
TEXT_LABELLED = "text_labelled"
NAME_IN_NUMBER = "name_in_number"
TEXT = "text"
PROPERTIES = "properties"

#: how strongly each kind of date dates a file: the highest proposed one wins
STRENGTH: dict[str, int] = {
    NAME: 50,
    TEXT_LABELLED: 40,
    NAME_IN_NUMBER: 30,
    TEXT: 20,
    PROPERTIES: 10,
}


@dataclass(frozen=True, slots=True)
class Choice:
    """The date proposed from a text, or the doubtful one found instead (in the future, before
    2000) when there is no plausible one; ``kind`` says what kind of date it is (:data:`NAME`,
    :data:`TEXT_LABELLED` … — a key of :data:`STRENGTH`; "" when there is none)."""

    day: dt.date | None = None
    doubtful: dt.date | None = None
    kind: str = ""

    @property
    def strength(self) -> int:
        """How strongly it dates a file (:data:`STRENGTH`); 0 for no kind."""
        return STRENGTH.get(self.kind, 0)


def plausible(day: dt.date, today: dt.date) -> bool:
    return EARLIEST <= day <= today


def plausible_period(start: dt.date, end: dt.date, today: dt.date) -> bool:
    """A covered period may reach into the future (this year's plan), but not start after the
    end of next year, and not before 2000."""
    return EARLIEST <= start <= end and start <= dt.date(today.year + 1, 12, 31)


# --- normalising ---------------------------------------------------------------------------------

_ZH_DIGITS = {"〇": 0, "零": 0, "○": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5}
_ZH_DIGITS |= {"六": 6, "七": 7, "八": 8, "九": 9}
_ZH_YEAR = re.compile(r"([一二][〇零○O一二三四五六七八九]{3})(?=\s*年)")
_ZH_MONTH = re.compile(r"(?<=年)\s*([一二三四五六七八九十]{1,2})\s*(?=月)")
_ZH_DAY = re.compile(r"(?<=月)\s*([一二三四五六七八九十廿卅]{1,3})\s*(?=[日号])")


def _zh_number(text: str) -> int | None:
    """一 … 三十一 (also 廿 = 二十, 卅 = 三十); None for anything else."""
    text = text.replace("廿", "二十").replace("卅", "三十")
    if text.count("十") > 1:
        return None
    if "十" in text:
        tens, _, units = text.partition("十")
        if len(tens) > 1 or len(units) > 1:
            return None
        value = 10 * (_ZH_DIGITS.get(tens, -100) if tens else 1)
        value += _ZH_DIGITS.get(units, -100) if units else 0
    elif len(text) == 1:
        value = _ZH_DIGITS.get(text, -100)
    else:
        return None
    return value if 1 <= value <= 31 else None


def _arabic(match: re.Match[str]) -> str:
    number = _zh_number(match[1])
    return match[0] if number is None else str(number)


def normalize(text: str) -> str:
    """NFKC (full-width digits and punctuation), and a date in Chinese numerals in digits."""
    text = unicodedata.normalize("NFKC", text)
    text = _ZH_YEAR.sub(lambda m: "".join(str(_ZH_DIGITS[c]) for c in m[1]), text)
    text = _ZH_MONTH.sub(_arabic, text)
    return _ZH_DAY.sub(_arabic, text)


# --- what looks like a date and is not ------------------------------------------------------------

_Y = r"(?:19|20)\d\d"
_RANGE_SEP = r"\s*(?:至|到|~|-|—|–|to)\s*"
_NOT_DATES = [
    # a standard: GB/T 29490-2023, ISO 9001:2015, ISO/IEC 27001:2022, T/CNIPA 1-2024, DB44/T 1-2020
    re.compile(
        r"(?:ISO(?:/IEC)?|IEC|GB(?:/[TZ])?|GBT|[A-Z]{2,5}/T|T/[A-Z]{2,12}|Q/[A-Z0-9]{2,12}"
        rf"|DB\d{{2}}(?:/T)?|IEEE|EN|BS|DIN|JJ[FG])\s*[\d.]+\s*[-:—–]\s*{_Y}(?!\d)",
        re.IGNORECASE,
    ),
    # a document number: 〔2025〕12号, 【2025】12号, [2025]3号, (2025)第4号, 2025-12号
    re.compile(rf"[〔【\[﹝]\s*{_Y}\s*[〕】\]﹞](?!\s*年)\s*(?:第\s*)?(?:\d+\s*号)?"),
    re.compile(rf"\(\s*{_Y}\s*\)\s*(?:第\s*)?\d+\s*号"),
    re.compile(rf"(?<!\d){_Y}\s*[-_]\s*\d{{1,4}}\s*号"),
    # a Chinese patent (application) number: ZL202510310140.7, 2025 1 0310140.7 (year, type,
    # serial, check digit)
    re.compile(rf"(?:ZL|CN)?\s*{_Y}\s*[1-9]\s*\d{{7}}\s*\.\s*[\dX]", re.IGNORECASE),
    # a version: V2.0.3, Ver 25.3.5, version 1.2, 版本 1.2, Rev.3.1
    re.compile(
        r"(?:(?<![A-Za-z])v|ver\.?|version|rev\.?|版本号?|版)\s*[:]?\s*\d+(?:[._]\d+)+", re.I
    ),
    # a telephone number: labelled, an area code and a local number, a mobile with +86
    re.compile(r"(?:电话|手机|传真|联系方式|tel|phone|fax|mobile)\s*[:]?\s*[+\d()\s-]{7,}", re.I),
    re.compile(r"(?<!\d)\(?0(?:10|2\d|[3-9]\d\d)(?:\)\s*|[-\s]\s*)[2-8]\d{6,7}(?!\d)"),
    re.compile(r"\+?86[-\s]?1[3-9]\d{9}(?!\d)"),
]


def _masked(text: str) -> str:
    """``text`` with every look-alike of a date blanked out (same length, so offsets hold)."""
    for pattern in _NOT_DATES:
        text = pattern.sub(lambda m: " " * len(m[0]), text)
    return text


# --- dates --------------------------------------------------------------------------------------

_ZH_DATE = re.compile(
    rf"(?<!\d)(?P<y>{_Y})\s*年\s*(?P<m>\d{{1,2}})\s*月\s*(?P<d>\d{{1,2}})(?:\s*[日号])?(?!\d)"
)
_SEP_DATE = re.compile(
    rf"(?<![\d.])(?P<y>{_Y})(?P<s>[-_./ ])(?P<m>\d{{1,2}})(?P=s)(?P<d>\d{{1,2}})(?!\d)(?!\.\d)"
)
_COMPACT = re.compile(
    rf"(?<!\d)(?P<y>{_Y})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])"
    r"(?:(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d(?:\d{3})?)?)?(?!\d)"  # a time stamp's time
)
#: WeChat's saved pictures and camera: milliseconds since 1970 (mmexport1741140922123.jpg)
_EPOCH_MS = re.compile(r"(?:mmexport|wx_camera_)(?P<ms>1\d{12})(?!\d)", re.IGNORECASE)
_SHORT = re.compile(
    r"(?<![A-Za-z0-9])(?<!\d[-./_])(?P<y>\d\d)(?P<s>[-./_])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})"
    r"(?![A-Za-z0-9])(?![-./_]\d)"
)


def _day(y: str | int, m: str | int, d: str | int) -> dt.date | None:
    try:
        return dt.date(int(y), int(m), int(d))
    except ValueError:
        return None


def _short_day(m: re.Match[str], today: dt.date) -> dt.date | None:
    """A two-digit year, read only where it cannot be anything else (see the module's text)."""
    year = 2000 + int(m["y"])
    if not 2013 <= year <= today.year:
        return None
    day = _day(year, m["m"], m["d"])
    if day is None:
        return None
    if len(m["d"]) == 2 and _day(2000 + int(m["d"]), m["m"], m["y"]) is not None:
        return None  # 25.03.05 is 5 March 2025 or 25 March 2005
    return day


def find_dates(text: str, today: dt.date | None = None) -> list[Found]:
    """Every date written in ``text`` (already :func:`normalize`\\ d or not), in order; plausible
    or not (a date from 1900 to 2099)."""
    return _find(_masked(normalize(text)), today or dt.date.today())


def _find(text: str, today: dt.date) -> list[Found]:
    """:func:`find_dates` in a text already normalised and masked."""
    taken: list[Found] = []

    def free(start: int, end: int) -> bool:
        return all(end <= f.start or start >= f.end for f in taken)

    for pattern in (_ZH_DATE, _SEP_DATE, _COMPACT):
        for m in pattern.finditer(text):
            day = _day(m["y"], m["m"], m["d"])
            if day is not None and free(m.start(), m.end()):
                taken.append(Found(day, m.start(), m.end()))
    for m in _EPOCH_MS.finditer(text):
        stamp = dt.datetime.fromtimestamp(int(m["ms"]) / 1000)  # the computer's time zone
        if free(m.start(), m.end()):
            taken.append(Found(stamp.date(), m.start(), m.end()))
    for m in _SHORT.finditer(text):
        day = _short_day(m, today)
        if day is not None and free(m.start(), m.end()):
            taken.append(Found(day, m.start(), m.end()))
    return sorted(taken, key=lambda f: f.start)


def _ranges(text: str, found: Sequence[Found]) -> list[tuple[Found, Found]]:
    """Pairs of dates written as a range: ``2025-01-01至2025-03-31``."""
    return [
        (a, b)
        for a, b in itertools.pairwise(found)
        if re.fullmatch(_RANGE_SEP, text[a.end : b.start]) and a.day <= b.day
    ]


def latest(found: Sequence[Found], today: dt.date, kind: str = "") -> Choice:
    """The latest plausible date; else the latest doubtful one (of the given ``kind``)."""
    good = [f.day for f in found if plausible(f.day, today)]
    if good:
        return Choice(max(good), kind=kind)
    doubtful = max((f.day for f in found), default=None)
    return Choice(None, doubtful, kind if doubtful else "")


#: what makes a date in a name part of a number (a contract's, a voucher's, an order's), as
#: (the text just before it, the text just after it): either one matching is enough
IN_NUMBER: tuple[tuple[re.Pattern[str] | None, re.Pattern[str] | None], ...] = (
    # glued to Latin letters: HT20250101, 20250101HT
    (re.compile(r"[A-Za-z]$"), re.compile(r"^[A-Za-z]")),
    # after a number word: 凭证号20240315, 合同号：20250101, 编号 20250101, No.20250101, #20250101
    (re.compile(r"(?:号|编码|No\.?|Nr\.?|ID|#)\s*[:.\-_]?\s*$", re.IGNORECASE), None),
    # followed by a serial after a dash: 20250101-003 (a date after the dash is a range instead)
    (None, re.compile(r"^\s*[-–—]\s*\d")),
)


def _in_number(text: str, found: Found, dates: Sequence[Found]) -> bool:
    """Whether ``found`` (in a normalised, masked name) is part of a number (:data:`IN_NUMBER`)."""
    before, after = text[: found.start], text[found.end :]
    if STAMP_BEFORE.search(before):
        return False  # IMG20250305: a camera's time stamp
    if any(f.start > found.end and not text[found.end : f.start].strip(" -–—") for f in dates):
        after = ""  # 20250101-20250331: a range's first end, not a serial
    return any(
        (b is not None and b.search(before)) or (a is not None and a.search(after))
        for b, a in IN_NUMBER
    )


#: what before a run of eight digits makes it a document number (a contract's, an order's, a
#: voucher's), not a date: a code of one to six capitals, glued to it or with a separator
#: (``HT20250101``, ``HT-20250101``, ``PO_20250101``, ``HT 20250101``), or a number word
#: (``凭证号20240315``, ``编号：20250101``, ``No.20250101``, ``#20250101``). A word in small letters
#: (``report20250305``) is no code: its date is a weak one (:data:`IN_NUMBER`)
NUMBER_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])[A-Z]{1,6}(?:\s*[-_.:#/—–]\s*|\s+)?"
    r"|(?:号|编码|(?<![A-Za-z])(?i:no|nr|id)\.?|#)\s*[:.\-_]?\s*)$"
)
#: a camera's, a phone's or a scanner's name before the digits: a time stamp, so a date
#: (``IMG_20250305``, ``Screenshot_20250305``, ``Scan 20250305``)
STAMP_BEFORE = re.compile(
    r"(?:IMG|VID|PXL|MVIMG|PANO|BURST|DSC|WIN|Scan|Screenshot|Screen\s?Shot|Photo)[-_ ]?$",
    re.IGNORECASE,
)
#: a time of day after the digits: a time stamp (``IMG_20250305_101522``)
_STAMP_AFTER = re.compile(r"^[-_ ]?(?:[01]\d|2[0-3])[0-5]\d[0-5]\d(?!\d)")
#: words by which a name says its date is one (then even a number's digits are read as a date)
DATE_WORDS = re.compile(
    r"日期|签订|签署|签发|签字|落款|(?<![A-Za-z])(?:dated?|signed)(?![A-Za-z])", re.IGNORECASE
)


def _is_number(text: str, found: Found) -> bool:
    """Whether ``found`` (in a normalised, masked name) is eight digits of a document number
    (:data:`NUMBER_BEFORE`) rather than a date: not written as a date (2025-01-01, 2025年1月1日
    and 2025.01.01 say they are one) and not a time stamp (:data:`STAMP_BEFORE`, a time after)."""
    digits = text[found.start : found.end]
    if len(digits) != 8 or not digits.isdigit():
        return False
    before, after = text[: found.start], text[found.end :]
    if STAMP_BEFORE.search(before) or _STAMP_AFTER.match(after):
        return False
    return bool(NUMBER_BEFORE.search(before))


def numbers_in(text: str, today: dt.date | None = None) -> list[str]:
    """The runs of digits in a short text (a file name) that look like a date but are read as
    part of a document number (see :func:`date_in`), in order."""
    today = today or dt.date.today()
    text = _masked(normalize(text))
    if DATE_WORDS.search(text):
        return []
    return [text[f.start : f.end] for f in _find(text, today) if _is_number(text, f)]


def date_in(text: str, today: dt.date | None = None) -> Choice:
    """The date a short text (a file name, a title) gives: the latest plausible one standing
    alone (kind :data:`NAME`), else the latest plausible one inside a number
    (:data:`NAME_IN_NUMBER`: ``20250101-003``, ``HT2025-01-01``), else the latest doubtful one.

    Eight digits that are part of a document number (:data:`NUMBER_BEFORE`: ``HT-20250101``,
    ``HT20250101-003``, ``No.20250101``) are a number, not a date, as a clerk reads them — a
    contract numbered on 1 January may be signed in June — unless the name says it is a date: a
    date word (:data:`DATE_WORDS`: 日期, 签订, dated …) makes them a date inside a number; written
    as a date (``HT-2025-01-01``) they are one. The user gives the date of such a file (or its
    text or properties do)."""
    today = today or dt.date.today()
    text = _masked(normalize(text))
    found = _find(text, today)
    numbers = [f for f in found if _is_number(text, f)]
    if not DATE_WORDS.search(text):  # a number, no date
        found = [f for f in found if f not in numbers]
    weak = [f for f in found if f in numbers or _in_number(text, f, found)]
    strong = [f for f in found if f not in weak]
    choices = [latest(strong, today, NAME), latest(weak, today, NAME_IN_NUMBER)]
    proposed = [c for c in choices if c.day is not None]
    return (proposed or [c for c in choices if c.doubtful is not None] or [Choice()])[0]


# --- periods ------------------------------------------------------------------------------------

_ZH_ORDINAL = {"一": 1, "二": 2, "三": 3, "四": 4, "上": 1, "下": 2}
_QUARTER = re.compile(
    rf"(?<!\d)(?P<y>{_Y})\s*(?:年度?\s*)?(?:第?\s*(?P<zh>[一二三四1-4])\s*季度?|[-_ ]?Q(?P<q>[1-4]))(?!\d)",
    re.IGNORECASE,
)
_QUARTER_FIRST = re.compile(rf"(?<![A-Za-z])Q(?P<q>[1-4])[-_ ]?(?P<y>{_Y})(?!\d)", re.IGNORECASE)
_HALF = re.compile(
    rf"(?<!\d)(?P<y>{_Y})\s*(?:年\s*)?(?:(?P<zh>[上下])半年|[-_ ]?H(?P<h>[12])(?!\d))",
    re.IGNORECASE,
)
_MONTHS = re.compile(
    rf"(?<!\d)(?P<y>{_Y})\s*年\s*(?P<a>\d{{1,2}})\s*月?{_RANGE_SEP}(?P<b>\d{{1,2}})\s*月"
)
_MONTH = re.compile(
    rf"(?<!\d)(?P<y>{_Y})(?:\s*年\s*(?P<m>\d{{1,2}})\s*月|[-_.](?P<m2>\d\d)(?![\d.]))"
)
_YEARS = re.compile(rf"(?<!\d)(?P<a>{_Y})\s*年?{_RANGE_SEP}(?P<b>{_Y})(?!\d)")
_YEAR = re.compile(rf"(?<!\d)(?:FY\s*)?(?P<y>{_Y})(?!\d)", re.IGNORECASE)
_YEARLY = re.compile(r"年度|年报|年鉴|FY|annual|yearly", re.IGNORECASE)


def _months(year: int, first: int, last: int) -> tuple[dt.date, dt.date] | None:
    if not 1 <= first <= last <= 12:
        return None
    return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])


def period_in(text: str, today: dt.date | None = None) -> tuple[dt.date, dt.date] | None:
    """The period a text (a file name, a title) says it covers; None when it says none (a
    single day is a date, not a period)."""
    today = today or dt.date.today()
    text = _masked(normalize(text))
    found = _find(text, today)
    for a, b in _ranges(text, found):
        return a.day, b.day
    for f in reversed(found):  # the days are dates, not periods
        text = text[: f.start] + " " * (f.end - f.start) + text[f.end :]
    if m := _QUARTER.search(text) or _QUARTER_FIRST.search(text):
        q = m.groupdict().get("q") or m["zh"]
        quarter = _ZH_ORDINAL.get(q) or int(q)
        return _months(int(m["y"]), 3 * quarter - 2, 3 * quarter)
    if m := _HALF.search(text):
        half = _ZH_ORDINAL[m["zh"]] if m["zh"] else int(m["h"])
        return _months(int(m["y"]), 6 * half - 5, 6 * half)
    if m := _MONTHS.search(text):
        return _months(int(m["y"]), int(m["a"]), int(m["b"]))
    if m := _YEARS.search(text):
        first, last = int(m["a"]), int(m["b"])
        if first < last <= first + 10:
            return dt.date(first, 1, 1), dt.date(last, 12, 31)
    if m := _MONTH.search(text):
        month = int(m["m"] or m["m2"])
        return _months(int(m["y"]), month, month)
    if _YEARLY.search(text) and (m := _YEAR.search(text)):
        return dt.date(int(m["y"]), 1, 1), dt.date(int(m["y"]), 12, 31)
    return None


# --- the date of a document ---------------------------------------------------------------------

_LABEL = (
    r"(?:日期|时间|签发|发布|印发|编制|制表|填表|填报|批准|审批|审核|签字|签署|签名|落款|记录|"
    r"date|dated|signed)"
)
_LABEL_BEFORE = re.compile(rf"{_LABEL}\s*(?:[:]|为|于)?\s*$", re.IGNORECASE)
_LABEL_ONLY = re.compile(rf"^\s*\S{{0,6}}{_LABEL}\s*[:]?\s*$", re.IGNORECASE)
_SIGNED = re.compile(r"签字|签名|签章|盖章|\(章\)|\(签\)|落款", re.IGNORECASE)
_NOT_DOC_DATE = re.compile(
    r"(?:有效期|截止|到期|期限|出生|生日|成立|注册|申请|起始|开始|结束|失效|届满|打印|下载|"
    r"valid|expir|until|birth|due|print)\S{0,6}\s*[:]?\s*$",
    re.IGNORECASE,
)
_STANDALONE_REST = re.compile(r"^[\s:,.()\-]*$")
_TIME_OF_DAY = re.compile(r"(?<!\d)(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?!\d)")


def is_date_label(text: str) -> bool:
    """A cell or a paragraph that is only a label for the date beside or below it (``日期：``)."""
    return bool(_LABEL_ONLY.match(normalize(text)))


def _weigh(text: str, found: Found, previous: str) -> tuple[int, bool] | None:
    """How much a date counts as the document's date where it stands in its paragraph, and
    whether it is labelled (a label before it or above it, the signing line: its paragraph or the
    one above it is signed); None when it is some other date (a validity, a birthday, one end of
    a range)."""
    before = text[: found.start]
    if _NOT_DOC_DATE.search(before[-12:]):
        return None
    score = 0
    rest = text[: found.start] + text[found.end :]
    after = _TIME_OF_DAY.sub("", text[found.end :])  # 2025-03-05 14:00-16:00 stands alone
    standalone = _STANDALONE_REST.match(_LABEL_BEFORE.sub("", before) + after)
    labelled = True
    if _LABEL_BEFORE.search(before[-12:]) or (standalone and is_date_label(previous)):
        score += 4
    elif _SIGNED.search(rest):
        score += 3
    else:
        labelled = bool(standalone and _SIGNED.search(previous))  # 乙方（签字） / 2025年6月1日
    if standalone:
        score += 2
    return score, labelled


def _candidates(
    paragraphs: Sequence[str], bonus: int, today: dt.date
) -> list[tuple[int, bool, Found]]:
    out = []
    previous = ""
    for raw in paragraphs:
        text = _masked(normalize(raw))
        found = _find(text, today)
        in_range = {id(f) for pair in _ranges(text, found) for f in pair}
        for f in found:
            if id(f) in in_range:
                continue
            weighed = _weigh(text, f, previous)
            if weighed is not None:
                out.append((weighed[0] + bonus, weighed[1], f))
        if text.strip():
            previous = text
    return out


def document_date(
    paragraphs: Sequence[str],
    margins: Sequence[str] = (),
    today: dt.date | None = None,
    min_score: int = 0,
) -> Choice:
    """The date of a document from its paragraphs (the body, table cells included, in order)
    and ``margins`` (headers and footers). Only the first and last :data:`EDGE_PARAGRAPHS` are
    read: a document is dated where it starts (the date of a meeting, a notice's issue date) or
    where it is signed (落款). Each date is weighed: a label before it (日期：, 签发时间, Date:) +4, or a
    signature in its paragraph +3; alone in its paragraph +2; in the closing paragraphs or a
    header/footer +1. A validity, a birthday or either end of a range is no document date. The
    highest weight wins, then the latest date; only plausible dates are proposed (else the best
    doubtful one is returned as such). The choice's kind is :data:`TEXT_LABELLED` when the date
    is labelled or on the signing line, else :data:`TEXT`."""
    today = today or dt.date.today()
    paragraphs = [p for p in paragraphs if p.strip()]
    closing = paragraphs[-EDGE_PARAGRAPHS:]
    opening = paragraphs[: max(0, min(EDGE_PARAGRAPHS, len(paragraphs) - len(closing)))]
    scored = [
        *_candidates(opening, 0, today),
        *_candidates(closing, 1, today),
        *_candidates(margins, 1, today),
    ]
    scored = [c for c in scored if c[0] >= min_score]
    good = [(s, f.day, labelled) for s, labelled, f in scored if plausible(f.day, today)]
    if good:
        _, day, labelled = max(good)
        return Choice(day, kind=TEXT_LABELLED if labelled else TEXT)
    bad = [(s, f.day, labelled) for s, labelled, f in scored]
    if not bad:
        return Choice()
    _, day, labelled = max(bad)
    return Choice(None, day, TEXT_LABELLED if labelled else TEXT)


def document_period(
    paragraphs: Sequence[str], today: dt.date | None = None
) -> tuple[dt.date, dt.date] | None:
    """The period a document says it covers: its title's (the first paragraph) or the first
    range of dates in its opening paragraphs (评审范围：2025年1月1日至2025年12月31日)."""
    today = today or dt.date.today()
    paragraphs = [p for p in paragraphs if p.strip()][:EDGE_PARAGRAPHS]
    if paragraphs and (period := period_in(paragraphs[0], today)):
        return period
    for raw in paragraphs[1:]:
        text = _masked(normalize(raw))
        for a, b in _ranges(text, _find(text, today)):
            return a.day, b.day
    return None
