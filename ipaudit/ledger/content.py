"""What a column holds, judged by its values.

Each recogniser is a small function: does this one value look like an IP number, a date, an
amount, a person's name, a department, a voucher number, an expense category or kind of right, a
reward/penalty kind, a legal status, a list of names? ``profile_columns`` runs them over a sample of
a column's values and scores each field by the share of the column's non-empty values that look
like it (0..1). The words they use (surnames, department endings, categories …) are data, in the
``content`` part of ``ipaudit/resources/ledger/synonyms.yaml``.

The layout uses the scores where the header is unknown, ambiguous or missing, and to say when a
header and its values disagree.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise

from ipaudit.ledger import normalize as nz
from ipaudit.ledger.cells import Cell
from ipaudit.ledger.ipnumber import is_patent_number, normalize_ip_number
from ipaudit.ledger.synonyms import Synonyms, header_key

SAMPLE_ROWS = 200  # data rows read to judge the columns
DECIDES = 0.6  # the share of values from which the content decides a column
STRONG = 0.8  # a share from which the content contradicts a header

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_NAME_RE = re.compile(f"[{_CJK}]{{2,4}}")
_SOFTWARE_RE = re.compile(r"\d{4}SR\d{4,8}")
_TRADEMARK_RE = re.compile(r"\d{7,9}")
# an IP number inside a longer text: a patent number (ZL/CN, 12 digits, check digit), a software
# copyright registration number, or a trademark number after 注册号/商标/第 … 号
IP_IN_TEXT_RE = re.compile(
    r"(?<![0-9])(?:ZL|CN)?\s?(?:\d{4}\s?[1-389]\s?\d{4}\s?\d{3}|\d{8}(?=\s?[.·。]))"
    r"\s?[.·。]?\s?[\dX](?![0-9])"
    r"|(?<![0-9])\d{4}SR\d{4,8}(?![0-9])"
    r"|(?<=注册号)[:：\s]*\d{7,9}|(?<=商标)[:：\s第]*\d{7,9}|(?<=第)\d{7,9}(?=号)",
    re.IGNORECASE,
)
_SPACE_RE = re.compile(r"\s+")
_NAME_SEP_RE = re.compile(r"[、,;/|，；]+")

#: fields judged by content, in the order that breaks a tie between two equal scores
CONTENT_FIELDS = (
    "ip_number",
    "date",
    "voucher",
    "kind",
    "category",
    "status",
    "department",
    "inventors",
    "person",
    "amount",
    "text",
)
#: fields whose values say little on their own (free text): never used to contradict a header
WEAK_FIELDS = frozenset({"text"})


def _text(value: Cell) -> str:
    if value.__class__ is str:
        return _SPACE_RE.sub("", unicodedata.normalize("NFKC", value))
    return ""


def find_ip_number(value: Cell) -> str:
    """The IP number written inside a text ("授权专利 ZL 2024 1 0100001.7 奖励"), normalised;
    "" when there is none (a 12-digit number that fails the patent check digit is still
    returned: the reconciliation reports it as invalid)."""
    if value.__class__ is not str:
        return ""
    text = unicodedata.normalize("NFKC", value)
    for m in IP_IN_TEXT_RE.finditer(text):
        number = normalize_ip_number(m.group(0).strip(":： 第"))
        if is_patent_number(number) or _SOFTWARE_RE.fullmatch(number):
            return number
        if _TRADEMARK_RE.fullmatch(number):
            return number
    return ""


# ------------------------------------------------------------------------------ recognisers


def _whole(value: Cell) -> int | None:
    """A numeric cell's value when it is a whole number (workbook numbers come as int or float)."""
    if value.__class__ is int:
        return value
    if value.__class__ is float and value.is_integer():
        return int(value)
    return None


def is_ip_number(value: Cell, syn: Synonyms) -> float:
    if value.__class__ in (int, float):
        whole = _whole(value)
        digits = "" if whole is None else str(whole)
        return 0.5 if _TRADEMARK_RE.fullmatch(digits) else 0.0
    s = _text(value)
    if not s:
        return 0.0
    number = normalize_ip_number(s)
    if is_patent_number(number) or _SOFTWARE_RE.fullmatch(number):
        return 1.0
    return 0.7 if _TRADEMARK_RE.fullmatch(number) else 0.0


def is_date(value: Cell, syn: Synonyms) -> float:
    cls = value.__class__
    if cls is dt.date or cls is dt.datetime:
        return 1.0
    if cls in (int, float):
        whole = _whole(value)
        # an Excel serial of 1968–2050, not a round amount
        return 0.6 if whole is not None and 25_000 <= whole <= 55_000 and whole % 100 else 0.0
    s = _text(value)
    if not s or not any(ch.isdigit() for ch in s):
        return 0.0
    try:
        return 1.0 if nz.parse_date_text(s, month_end=False) is not None else 0.0  # 2025年3月 too
    except nz.NormalizeError:
        return 0.0


def is_amount(value: Cell, syn: Synonyms) -> float:
    cls = value.__class__
    if cls is bool:
        return 0.0
    if cls in (int, float, Decimal):
        return 1.0
    s = _text(value)
    if not s or len(s) > 24:
        return 0.0
    try:
        return 1.0 if nz.parse_amount_text(s) is not None else 0.0
    except nz.NormalizeError:
        return 0.0


def _is_name(s: str, syn: Synonyms) -> bool:
    s = s.replace("·", "").replace("•", "")
    if not _NAME_RE.fullmatch(s):
        return False
    surnames = syn.content.surnames
    return (s[0] in surnames or s[:2] in surnames) and not _is_department(s, syn)


def is_person(value: Cell, syn: Synonyms) -> float:
    s = _text(value)
    if not s or header_key(s) in _known_words(syn) or is_category(s, syn):
        return 0.0
    return 1.0 if _is_name(s, syn) else 0.0


def is_inventors(value: Cell, syn: Synonyms) -> float:
    parts = [p for p in _NAME_SEP_RE.split(_text(value)) if p]
    if len(parts) < 2:
        return 0.0
    return 1.0 if all(_is_name(p, syn) for p in parts) else 0.0


def _is_department(s: str, syn: Synonyms) -> bool:
    key = header_key(s)
    return 2 <= len(key) <= 16 and any(
        key.endswith(w) and len(key) > len(w) for w in syn.content.department_suffixes
    )


def is_department(value: Cell, syn: Synonyms) -> float:
    s = _text(value)
    return 1.0 if s and _is_department(s, syn) else 0.0


def _voucher_re(syn: Synonyms) -> re.Pattern[str]:
    words = "|".join(map(re.escape, syn.content.voucher_words)) or "记"
    return re.compile(
        rf"(?:{words})[-—#:字第]*\d+(?:[-/]\d+)*号?|[a-z]{{1,3}}-?\d{{2,}}(?:-\d+)*",
        re.IGNORECASE,
    )


def is_voucher(value: Cell, syn: Synonyms) -> float:
    s = _text(value)
    if not s or len(s) > 24:
        return 0.0
    pattern = _VOUCHER.get(id(syn))
    if pattern is None:
        pattern = _VOUCHER[id(syn)] = _voucher_re(syn)
    return 1.0 if pattern.fullmatch(s) else 0.0


_VOUCHER: dict[int, re.Pattern[str]] = {}


def is_category(value: Cell, syn: Synonyms) -> float:
    s = _text(value)
    if not s:
        return 0.0
    key = header_key(s)
    words = syn.content
    if key in words.expense_categories or key in words.right_kinds:
        return 1.0
    return 0.8 if len(key) <= 8 and key.endswith("费") else 0.0


def is_kind(value: Cell, syn: Synonyms) -> float:
    key = header_key(_text(value))
    if not key or len(key) > 6:
        return 0.0
    return 1.0 if key in syn.reward_words or key in syn.penalty_words else 0.0


def is_status(value: Cell, syn: Synonyms) -> float:
    key = header_key(_text(value))
    return 1.0 if key and key in syn.content.statuses else 0.0


def is_text(value: Cell, syn: Synonyms) -> float:
    s = _text(value)
    return 1.0 if len(s) >= 2 and not s.replace(".", "").isdigit() else 0.0


def _known_words(syn: Synonyms) -> frozenset[str]:
    words = _KNOWN.get(id(syn))
    if words is None:
        c = syn.content
        words = _KNOWN[id(syn)] = frozenset(
            (*syn.reward_words, *syn.penalty_words, *c.statuses, *c.right_kinds)
        )
    return words


_KNOWN: dict[int, frozenset[str]] = {}

RECOGNISERS: dict[str, Callable[[Cell, Synonyms], float]] = {
    "ip_number": is_ip_number,
    "date": is_date,
    "voucher": is_voucher,
    "kind": is_kind,
    "category": is_category,
    "status": is_status,
    "department": is_department,
    "inventors": is_inventors,
    "person": is_person,
    "amount": is_amount,
    "text": is_text,
}


# ------------------------------------------------------------------------------ profiles


@dataclass(frozen=True, slots=True)
class Profile:
    """What the sampled values of one column look like."""

    column: int  # 0-based
    filled: int  # non-empty values sampled
    scores: dict[str, float] = field(default_factory=dict)  # field -> 0..1
    ip_inside: float = 0.0  # share of values with an IP number inside a longer text
    row_numbers: bool = False  # 1, 2, 3 …: a 序号 column
    distinct: int = 0  # distinct values sampled

    def score(self, name: str) -> float:
        return self.scores.get(name, 0.0)

    def best(
        self, among: Sequence[str] = CONTENT_FIELDS, *, strong_only: bool = False
    ) -> str | None:
        """The field the values look most like (among ``among``), if they look like one; free
        text only when they look like nothing more telling (never with ``strong_only``)."""
        if self.row_numbers or self.filled == 0:
            return None
        for weak in (False, True):
            if weak and strong_only:
                break
            top, top_score = None, DECIDES - 1e-9
            for name in CONTENT_FIELDS:
                if name not in among or (name in WEAK_FIELDS) is not weak:
                    continue
                score = self.scores.get(name, 0.0)
                if score > top_score:
                    top, top_score = name, score
            if top is not None:
                return top
        return None


def _is_row_numbers(values: list[Cell]) -> bool:
    """1, 2, 3 … (a 序号 column; a label such as 合计 among them is allowed)."""
    numbers: list[int] = []
    for v in values:
        whole = _whole(v)
        if whole is not None:
            numbers.append(whole)
        elif v.__class__ is str and v.strip().isdigit():
            numbers.append(int(v.strip()))
    return (
        len(numbers) >= 2
        and len(numbers) >= 0.8 * len(values)
        and all(b - a == 1 for a, b in pairwise(numbers))
    )


def is_label_row(row: Sequence[Cell], syn: Synonyms) -> bool:
    """A 合计/小计/本年累计 row: not a sample of what the columns hold."""
    for v in row:
        if v.__class__ is str:
            key = header_key(v)
            if key in syn.total or key in syn.subtotal or key.endswith(("合计", "小计", "累计")):
                return True
    return False


def profile_columns(
    rows: Sequence[Sequence[Cell]], syn: Synonyms, columns: int | None = None
) -> list[Profile]:
    """Score every column of ``rows`` (data rows, up to ``SAMPLE_ROWS`` are read)."""
    sample = [
        r
        for r in rows[:SAMPLE_ROWS]
        if any(c not in (None, "") for c in r) and not is_label_row(r, syn)
    ]
    width = columns if columns is not None else max((len(r) for r in sample), default=0)
    profiles: list[Profile] = []
    for col in range(width):
        values = [r[col] for r in sample if col < len(r) and r[col] not in (None, "")]
        values = [v for v in values if not (v.__class__ is str and not v.strip())]
        if not values:
            profiles.append(Profile(col, 0))
            continue
        n = len(values)
        try:  # each distinct value judged once (departments, categories, kinds repeat)
            counts = list(Counter(values).items())
        except TypeError:  # an unhashable cell
            counts = [(v, 1) for v in values]
        scores = {
            name: round(sum(rec(v, syn) * k for v, k in counts) / n, 3)
            for name, rec in RECOGNISERS.items()
        }
        inside = sum(k for v, k in counts if find_ip_number(v)) / n
        profiles.append(
            Profile(
                col,
                n,
                {k: v for k, v in scores.items() if v},
                inside,
                _is_row_numbers(values),
                len(counts),
            )
        )
    return profiles


def looks_like_data(row: Sequence[Cell], syn: Synonyms) -> bool:
    """True when a row holds at least two values of different ledger kinds (a date and an
    amount, a name and an amount …): the first such row is where the data starts."""
    kinds = set()
    for v in row:
        if v in (None, ""):
            continue
        for name in ("date", "amount", "person", "ip_number", "voucher"):
            if RECOGNISERS[name](v, syn) >= 1.0:
                kinds.add(name)
                break
    return len(kinds) >= 2 and ("amount" in kinds or "ip_number" in kinds)
