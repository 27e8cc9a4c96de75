"""The values a user may type, checked in one place for the command line and the desktop app.

Every number is finite and within a range that makes sense for what it counts (a booking window
of 0–3650 days, a headcount of 0–1,000,000 people, a reward rate below 10⁹ yuan with at most two
decimals …); keys are of a safe alphabet; dates are real days between 1950 and 2100. The services
call these checks before anything is stored, so the CLI and the GUI refuse the same values with
the same sentence (``InvalidValue``, exit code 4).

Values stored by older versions may still break these rules. ``facts_problems`` finds them in the
declared facts and ``without_invalid`` leaves them out, so reading a workspace never fails on
them; the services report each one as a finding that says what to enter again.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, replace
from decimal import Decimal

from ipaudit.domain.model import Facts, Objective, Text
from ipaudit.domain.numbers import NumberError
from ipaudit.domain.numbers import parse_number as read_number
from ipaudit.errors import UserError

DATE_MIN = dt.date(1950, 1, 1)
DATE_MAX = dt.date(2100, 12, 31)
MAX_NUMBER_TEXT = 64  # characters a typed number may have
DEPARTMENT_KEY_RE = re.compile(r"[a-z][a-z0-9_]{0,31}")
FACT_KEY_RE = re.compile(r"[\w.-]{1,64}")  # objective, portfolio and extra keys ("\w": any script)


class InvalidValue(UserError):
    """A value the user gave that ipaudit does not take; says which, why and what to enter."""

    code = "invalid_value"

    def __init__(self, zh: str, en: str, path: str = "") -> None:
        super().__init__(path, zh, en)


def _fmt(value: Decimal) -> str:
    return f"{value:,f}" if value == value.to_integral_value() else f"{value:,}"


@dataclass(frozen=True, slots=True)
class NumberRule:
    """A finite number from ``low`` to ``high`` (both included) with at most ``places`` decimals."""

    low: Decimal
    high: Decimal
    places: int
    zh: str  # what the number is, for messages: "人数"
    en: str  # "a headcount"

    def problem(self, value: Decimal | int | float) -> Text | None:
        """Why ``value`` breaks the rule, or None when it keeps it."""
        if isinstance(value, bool) or not isinstance(value, (Decimal, int, float)):
            return Text("不是数字", "is not a number")
        number = Decimal(value) if not isinstance(value, Decimal) else value
        if not number.is_finite():
            return Text("不是有限的数字", "is not a finite number")
        if not self.low <= number <= self.high:
            return Text(
                f"超出范围（{self.zh}应在 {_fmt(self.low)} 到 {_fmt(self.high)} 之间）",
                f"is out of range ({self.en} is from {_fmt(self.low)} to {_fmt(self.high)})",
            )
        if number != number.quantize(Decimal(1).scaleb(-self.places)):
            if self.places == 0:
                return Text(f"不是整数（{self.zh}应为整数）", f"is not a whole number ({self.en})")
            return Text(
                f"小数位过多（{self.zh}最多 {self.places} 位小数）",
                f"has too many decimals ({self.en} has at most {self.places})",
            )
        return None

    def check(self, value: Decimal | int | float, name: str) -> Decimal:
        """``value`` when it keeps the rule, else ``InvalidValue`` naming ``name``."""
        reason = self.problem(value)
        if reason is not None:
            shown = _short(value)
            raise InvalidValue(
                f"“{name}”的值“{shown}”{reason.zh}。", f"'{name}' = {shown} {reason.en}."
            )
        return Decimal(value) if not isinstance(value, Decimal) else value

    def parse(self, text: str, name: str) -> Decimal:
        """A number as typed ("１２", "1,200", " 5 ") checked against the rule."""
        return self.check(parse_number(text, name), name)

    def parse_int(self, text: str, name: str) -> int:
        """A whole number as typed (the rule has no decimals)."""
        return int(self.parse(text, name))


def parse_number(text: str, name: str) -> Decimal:
    """A number as typed, read by ``domain.numbers.parse_number`` (the one number reader): Arabic
    digits in either width with thousands separators ("１２", "1,200", "2.5"), Chinese numerals
    ("二十三"), a multiplier ("1.2万"); spaces ignored, a leading + or - kept for the rule to judge."""
    raw = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    shown = _short(text)
    not_a_number = InvalidValue(
        f"“{name}”的值“{shown}”不是数字。", f"'{name}' = '{shown}' is not a number."
    )
    if not raw or len(raw) > MAX_NUMBER_TEXT:
        raise not_a_number
    negative = raw[0] == "-"
    if raw[0] in "+-":
        raw = raw[1:]
    if len(raw) > 1 and (raw[0] == "." or raw[-1] == "."):  # ".5" and "5." as typed
        raw = ("0" + raw if raw[:1] == "." else raw).removesuffix(".")
    try:
        number = read_number(raw)
    except NumberError:
        raise not_a_number from None
    return -number if negative else number


WINDOW_DAYS = NumberRule(Decimal(0), Decimal(3650), 0, "记账期限天数", "the booking window in days")
RATE = NumberRule(Decimal(0), Decimal("999999999.99"), 2, "奖励金额（元）", "a reward rate in yuan")
MONEY = NumberRule(Decimal(0), Decimal("999999999999.99"), 2, "金额（元）", "an amount in yuan")
HEADCOUNT = NumberRule(Decimal(0), Decimal(1_000_000), 0, "人数", "a headcount")
COUNT = NumberRule(Decimal(0), Decimal(1_000_000), 0, "数量", "a count")
TARGET = NumberRule(Decimal(0), Decimal("999999999999"), 4, "目标值", "a target")
YEAR = NumberRule(Decimal(DATE_MIN.year), Decimal(DATE_MAX.year), 0, "年份", "a year")


def check_window_days(days: int | Decimal) -> int:
    return int(WINDOW_DAYS.check(days, "window-days"))


def check_department_key(key: str) -> str:
    """A department key: a lowercase letter, then up to 31 lowercase letters, digits or ``_``."""
    if not isinstance(key, str) or DEPARTMENT_KEY_RE.fullmatch(key) is None:
        shown = _short(key)
        raise InvalidValue(
            f"部门键“{shown}”无效：应以小写字母开头，只含小写字母、数字和下划线，最多 32 个字符（如 legal、rnd_2）。",
            f"The department key '{shown}' is not valid: start with a lowercase letter and use only"
            " lowercase letters, digits and _ (at most 32 characters), e.g. legal or rnd_2.",
        )
    return key


def check_name(text: str, name: str) -> str:
    """A display name (a department's): not blank, at most 64 characters, no control characters;
    returned without surrounding white space."""
    value = text.strip()
    if not value or len(value) > 64 or any(unicodedata.category(ch) == "Cc" for ch in value):
        raise InvalidValue(
            f"“{name}”的名称“{_short(text)}”无效：不能为空、最多 64 个字符、不含控制字符。",
            f"The name '{_short(text)}' for '{name}' is not valid: not blank, at most 64"
            " characters, no control characters.",
        )
    return value


def check_fact_key(key: str, section: str) -> str:
    """The ``<key>`` of ``objective.<key>``, ``portfolio.<key>`` or ``extra.<key>``."""
    if FACT_KEY_RE.fullmatch(key) is None:
        shown = _short(key)
        raise InvalidValue(
            f"“{section}.{shown}”的键无效：只用字母、数字、_ . -，最多 64 个字符。",
            f"The key of '{section}.{shown}' is not valid: use letters, digits, _ . - only"
            " (at most 64 characters).",
        )
    return key


def check_date(value: dt.date, name: str) -> dt.date:
    """A real day between 1950-01-01 and 2100-12-31."""
    if not isinstance(value, dt.date) or not DATE_MIN <= value <= DATE_MAX:
        raise InvalidValue(
            f"“{name}”的日期 {value} 不合理：应在 {DATE_MIN} 到 {DATE_MAX} 之间。",
            f"'{name}' = {value} is not a plausible date: use one from {DATE_MIN} to {DATE_MAX}.",
        )
    return value


def check_evidence_dates(meta: dict[str, object]) -> None:
    """An evidence file's document date and period: real days from 1950 to 2100, the period
    not ending before it starts."""
    for name in ("doc_date", "period_start", "period_end"):
        value = meta.get(name)
        if value is not None:
            check_date(value, name)  # type: ignore[arg-type]
    start, end = meta.get("period_start"), meta.get("period_end")
    if isinstance(start, dt.date) and isinstance(end, dt.date) and end < start:
        raise InvalidValue(
            f"记录期间的结束日 {end} 早于开始日 {start}。",
            f"The record's period ends ({end}) before it starts ({start}).",
        )


# --- the declared facts ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FactProblem:
    """One declared value that breaks its rule: where it is (``headcount.rnd``), what it holds, why."""

    where: str
    department: str  # the department it concerns ("" for the company)
    raw: str
    reason: Text

    def message(self) -> Text:
        return Text(
            f"已保存的事实“{self.where}”的值“{self.raw}”{self.reason.zh}，检查和导出时不使用它。请重新填写。",
            f"The stored fact '{self.where}' = {self.raw} {self.reason.en}; checks and exports"
            " leave it out. Enter it again.",
        )


def _short(value: object) -> str:
    text = str(value)
    return text if len(text) <= MAX_NUMBER_TEXT else text[:MAX_NUMBER_TEXT] + "…"


def _objective_problems(obj: Objective) -> list[FactProblem]:
    found = []
    reason = TARGET.problem(obj.target)
    if reason is not None:
        found.append(FactProblem(f"objective.{obj.key}", "", _short(obj.target), reason))
    for dep, share in obj.split.items():
        reason = TARGET.problem(share)
        if reason is not None:
            found.append(FactProblem(f"objective.{obj.key}.{dep}", dep, _short(share), reason))
    if obj.year is not None:
        reason = YEAR.problem(obj.year)
        if reason is not None:
            found.append(FactProblem(f"objective.{obj.key}.year", "", _short(obj.year), reason))
    return found


def facts_problems(facts: Facts) -> list[FactProblem]:
    """Every declared number that breaks its rule (values stored by older versions)."""
    found: list[FactProblem] = []
    for dep, n in facts.headcount.items():
        reason = HEADCOUNT.problem(n)
        if reason is not None:
            found.append(FactProblem(f"headcount.{dep}", dep, _short(n), reason))
    for kind, n in facts.portfolio.items():
        reason = COUNT.problem(n)
        if reason is not None:
            found.append(FactProblem(f"portfolio.{kind}", "", _short(n), reason))
    for obj in facts.objectives:
        found.extend(_objective_problems(obj))
    for category, amount in getattr(facts, "budget", {}).items():
        reason = MONEY.problem(amount)
        if reason is not None:
            found.append(FactProblem(f"budget.{category}", "", _short(amount), reason))
    open_nc = getattr(facts, "open_nonconformities", None)
    if open_nc is not None:
        reason = COUNT.problem(open_nc)
        if reason is not None:
            found.append(FactProblem("open_nonconformities", "", _short(open_nc), reason))
    return found


def check_facts(facts: Facts, before: Facts | None = None) -> Facts:
    """``facts`` when every declared number keeps its rule, else ``InvalidValue`` for the first.

    Values that ``before`` (what is stored) already held are let through: an edit of something
    else is not refused for them; they stay reported as findings until entered again."""
    old = {(p.where, p.raw) for p in facts_problems(before)} if before is not None else set()
    problems = [p for p in facts_problems(facts) if (p.where, p.raw) not in old]
    if problems:
        p = problems[0]
        raise InvalidValue(
            f"“{p.where}”的值“{p.raw}”{p.reason.zh}。", f"'{p.where}' = {p.raw} {p.reason.en}."
        )
    return facts


def without_invalid(facts: Facts) -> Facts:
    """``facts`` without the values that break their rules (what checks and exports may use)."""
    if not facts_problems(facts):
        return facts
    objectives = []
    for obj in facts.objectives:
        if TARGET.problem(obj.target) is not None:
            continue
        split = {k: v for k, v in obj.split.items() if TARGET.problem(v) is None}
        year = obj.year if obj.year is None or YEAR.problem(obj.year) is None else None
        objectives.append(replace(obj, split=split, year=year))
    changes: dict[str, object] = {
        "headcount": {k: v for k, v in facts.headcount.items() if HEADCOUNT.problem(v) is None},
        "portfolio": {k: v for k, v in facts.portfolio.items() if COUNT.problem(v) is None},
        "objectives": tuple(objectives),
    }
    if hasattr(facts, "budget"):
        changes["budget"] = {k: v for k, v in facts.budget.items() if MONEY.problem(v) is None}
    open_nc = getattr(facts, "open_nonconformities", None)
    if open_nc is not None and COUNT.problem(open_nc) is not None:
        changes["open_nonconformities"] = None
    return replace(facts, **changes)  # type: ignore[arg-type]
