"""An answer compared with the official one (what the IP manual declares, or a prepared answer),
and what differs: the one comparison the interview rehearsal, the checklist's answer check and the
interview sheets use.

Both sides are normalised first: NFKC (full-width digits and letters), spaces inside Chinese text
dropped ("张  三" is 张三), numbers read in any writing (35, ３５, 三十五, 35.0, 35人; 60%, 百分之六十;
1.2万元 is 12000 元), dates in any writing (2025年3月5日, 2025-03-05, 2025.3.5, 2025/3/5).

What must agree depends on the kind of official answer (see ``ipaudit.domain.declared.FactKind``):

- a number (headcount, a portfolio count): the number stated, in its unit; when the answer
  gives several ("公司60人，我们部门4人"), the one tied to the scope the question asks for (the
  department's own for its headcount, the company's for the company's) counts; none stated, a
  negated name of what is counted ("没有发明专利") or a bare negation ("没有", "none") is 0;
- numbers (objectives, the portfolio): every declared number said, and where the answer names an
  objective ("发明专利8件"), the number said with that name (in its item of a list, else its
  phrase: "发明专利8件和10件实用新型" mixes both orders) is the one declared for it — a swapped
  pair fails naming both, a number left out fails naming it; a number no objective has is wrong
  (a total of the portfolio is accepted, never asked for). One number after "各"/"均为" goes to
  every objective listed before it, several after "分别为" each in turn; "全员培训"/"培训全覆盖"
  state 100 % where a percentage is declared; a name said negated with no number ("没有发明
  专利", "no patents were filed", "外观设计：无") states 0, and a number said negated ("培训没有
  全覆盖", "不是10件") is never the one stated (it fails as said the other way round if it is
  the declared one). Where the objectives are a department's share, a number said for the
  company ("公司目标是发明专利20件，我们部门承担8件") is compared with the company's target and
  never counts as the department's (unless the two are the same);
- the policy: every key phrase of it, in any order and with any words around it, and none of them
  negated ("不尊重知识产权");
- a text (duties, a prepared answer): most of its key terms (``TERM_COVERAGE``), none negated
  ("…都不负责"), and all of its hard terms — its numbers, dates, document numbers (IP-CX-01,
  ZL201710123456.7) and the titles it quotes in 《》; a number in the answer that the official
  answer does not state in that unit is a wrong number; the names of people it gives (林婉清,
  周建国 — see ``SURNAMES``) must be said too;
- a list (certificates, procedures): every entry named (by title or document number);
- the reconciliation's figures: every amount stated is one of its totals, and a claim that the
  ledgers agree or differ is true.

Extra words never fail an answer; a wrong number, a missing or a negated key term does. The words
that negate, tie a number to a scope and name an objective are data: see
:mod:`ipaudit.domain.rehearsal_rules`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from ipaudit.domain.declared import MONEY_UNITS, Declared, FactKind, claims_agreement
from ipaudit.domain.model import Text
from ipaudit.domain.normalize import (
    TERM_COVERAGE,
    key_terms,
    nfkc,
    normalize_text,
    term_covered,
)
from ipaudit.domain.numbers import NumberError, Role, parse_number, quantities
from ipaudit.domain.rehearsal_rules import (
    Mention,
    Naming,
    RehearsalRules,
    Scope,
    Span,
    as_shown,
    case_blind,
    default_rules,
    find_words,
    items_of,
    mentions,
    naming,
    negations,
    scope_words,
    span_of,
    spans,
    split_negated,
    tie,
)


class DiffKind(StrEnum):
    EMPTY = "empty"  # nothing said
    WRONG_NUMBER = "wrong_number"  # said X, the manual says Y
    MISSING_NUMBER = "missing_number"  # the manual's number not stated
    WRONG_DATE = "wrong_date"
    MISSING_DATE = "missing_date"
    MISSING_TERM = "missing_term"  # a key term or phrase of the official answer not said
    MISSING_ENTRY = "missing_entry"  # a certificate or procedure not named
    WRONG_CLAIM = "wrong_claim"  # "the ledgers agree" when they do not (or the reverse)
    NEGATED = "negated"  # a key phrase said negated ("不尊重知识产权"), or the reverse


@dataclass(frozen=True, slots=True)
class Difference:
    """One way an answer differs from the official one: ``said`` (what the answer stated, "" for
    nothing) and ``expected`` (what the official answer states)."""

    kind: DiffKind
    expected: str = ""
    said: str = ""

    def text(self) -> Text:
        said, exp = self.said, self.expected
        match self.kind:
            case DiffKind.EMPTY:
                return Text("没有作答。", "No answer given.")
            case DiffKind.WRONG_NUMBER:
                return Text(
                    f"数字不对：回答是 {said}，手册是 {exp}。",
                    f"Wrong number: said {said}, the manual says {exp}.",
                )
            case DiffKind.MISSING_NUMBER:
                return Text(
                    f"没有说出数字：手册是 {exp}。", f"No number stated: the manual says {exp}."
                )
            case DiffKind.WRONG_DATE:
                return Text(
                    f"日期不对：回答是 {said}，手册是 {exp}。",
                    f"Wrong date: said {said}, the manual says {exp}.",
                )
            case DiffKind.MISSING_DATE:
                return Text(f"没有说出日期：{exp}。", f"Date not stated: {exp}.")
            case DiffKind.MISSING_TERM:
                return Text(f"缺少关键词：{exp}。", f"Key term missing: {exp}.")
            case DiffKind.MISSING_ENTRY:
                return Text(f"没有提到：{exp}。", f"Not named: {exp}.")
            case DiffKind.NEGATED:
                return Text(
                    f"意思说反了：回答是“{said}”，手册是“{exp}”。",
                    f"Says the opposite: said “{said}”, the manual says “{exp}”.",
                )
            case DiffKind.WRONG_CLAIM:
                return Text(
                    f"与台账核对结果不符：{exp}。",
                    f"Contradicts the reconciliation of the ledgers: {exp}.",
                )
        raise AssertionError(self.kind)  # pragma: no cover

    def to_json(self) -> dict[str, str]:
        return {"kind": self.kind.value, "expected": self.expected, "said": self.said}

    @classmethod
    def from_json(cls, data: dict[str, str]) -> Difference:
        return cls(DiffKind(data["kind"]), data.get("expected", ""), data.get("said", ""))


@dataclass(frozen=True, slots=True)
class Verdict:
    """Pass or fail with what differs; ``notes``: terms not said that did not fail the answer."""

    passed: bool
    differences: tuple[Difference, ...] = ()
    notes: tuple[Difference, ...] = ()


# -- normalising -----------------------------------------------------------------------------------

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_GAP_RE = re.compile(rf"(?<=[{_CJK}])\s+(?=[{_CJK}])")


def squeeze(text: str) -> str:
    """NFKC, and no white space between two Chinese characters (names padded as "张  三")."""
    return _CJK_GAP_RE.sub("", nfkc(text))


# the unit classes a number is stated in: the same class on both sides is the same quantity
_UNIT_CLASS = {
    **dict.fromkeys(("人", "名", "位"), "people"),
    **dict.fromkeys(("件", "项", "个", "篇", "份", "套", "台", "家"), "items"),
    **dict.fromkeys(MONEY_UNITS, "money"),
    "%": "percent",
    "‰": "permille",
    "次": "times",
}


def _fmt(value: Decimal) -> str:
    """A number as the answer would say it: "8", "12.5" (any number of digits: no quantize,
    which raises beyond the context's precision)."""
    if value == value.to_integral_value():
        return format(value.to_integral_value(), "f")
    return format(value.normalize(), "f")


@dataclass(frozen=True, slots=True)
class _Amount:
    value: Decimal
    unit: str

    @property
    def cls(self) -> str:
        return _UNIT_CLASS.get(self.unit, self.unit)

    def __str__(self) -> str:
        return f"{_fmt(self.value)}{'' if not self.unit else ' ' + self.unit}"


_NUMERAL_RUN_RE = re.compile(
    r"[零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿億]{2,}(?:点[零〇一二三四五六七八九]+)?"
)
_PERCENT_WORDS_RE = re.compile(r"百分之([零〇一二两三四五六七八九十百千点]+)")


def _arabic(text: str) -> str:
    """``text`` with its Chinese numerals in Arabic digits where they are well-formed (二万一千 is
    21000, 百分之百 and 百分之六十 are 100% and 60%): the reader of quantities leaves a numeral
    out when a word such as 万一 or 之一 overlaps it."""

    def percent(m: re.Match[str]) -> str:
        try:
            return f"{parse_number(m.group(1)):f}%"
        except NumberError:
            return m.group(0)

    def numeral(m: re.Match[str]) -> str:
        try:
            return f"{parse_number(m.group(0)):f}"
        except NumberError:
            return m.group(0)

    s = squeeze(text).replace("百分之百", "100%")
    s = _PERCENT_WORDS_RE.sub(percent, s)
    return _NUMERAL_RUN_RE.sub(numeral, s)


def amounts(text: str) -> list[_Amount]:
    """The quantities ``text`` states, with their unit (years, dates and ordinals left out)."""
    plain = _CODE_RE.sub("|", _arabic(text))  # IP-CX-05 states no number
    return [_Amount(q.value, q.unit) for q in quantities(plain) if q.role is Role.QUANTITY]


# 2025年3月5日, 2025-03-05, 2025/3/5, 2025.3.5; year and month alone (2025年3月, 2025-03)
_DATE_RE = re.compile(
    r"(?<!\d)(\d{4})\s*(?:年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?"
    r"|[-/.]\s*(\d{1,2})(?:\s*[-/.]\s*(\d{1,2}))?)(?!\d)"
)


def dates_in(text: str) -> list[tuple[int, int, int | None]]:
    """The dates ``text`` states as (year, month, day or None), in any of the usual writings."""
    found: list[tuple[int, int, int | None]] = []
    for m in _DATE_RE.finditer(squeeze(text)):
        year = int(m.group(1))
        month = int(m.group(2) or m.group(4))
        day_text = m.group(3) or m.group(5)
        day = int(day_text) if day_text else None
        try:
            dt.date(year, month, day or 1)
        except ValueError:
            continue
        found.append((year, month, day))
    return found


def _date_text(d: tuple[int, int, int | None]) -> str:
    year, month, day = d
    return f"{year}-{month:02d}" + (f"-{day:02d}" if day else "")


# document numbers (IP-CX-01, QM/IP-2024-03) and patent numbers (ZL201710123456.7)
_CODE_RE = re.compile(
    r"(?<![A-Za-z0-9])(?:ZL\s*\d{8,13}\s*\.?\s*[\dX]|[A-Za-z]{1,8}(?:[-/_][A-Za-z0-9]+)+)",
    re.IGNORECASE,
)
_QUOTED_RE = re.compile(r"《([^《》]+)》")


def codes_in(text: str) -> list[str]:
    """Document and patent numbers, upper-cased and without spaces."""
    return [re.sub(r"\s+", "", m.group(0)).upper() for m in _CODE_RE.finditer(squeeze(text))]


def _has_code(answer: str, code: str) -> bool:
    said = normalize_text(answer)
    return normalize_text(code) in said


# Chinese personal names: a common surname and one or two characters, standing alone between
# separators ("（沈雨桐、韩立）") or right before what a person does ("周建国批准"). Surnames that are
# also everyday words (于, 和, 高, 程 …) are left out: a name missed is a term the coverage still
# counts, a word taken for a name would fail right answers.
SURNAMES = (
    "王李张刘陈杨赵周吴徐孙胡朱郭何林罗梁宋郑谢韩唐冯董萧曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛阎"
    "潘杜戴夏钟汪姜范廖邹熊陆郝孔崔邱秦顾侯邵孟尹姚"
)
_HAN = r"[\u4e00-\u9fff]"
_NAME_ALONE_RE = re.compile(
    rf"(?:^|(?<=[、，,；;：:（(\s]))([{SURNAMES}]{_HAN}{{1,2}})(?=$|[、，,；;）)。\s])"
)
_NAME_ACTING_RE = re.compile(
    rf"([{SURNAMES}]{_HAN}{{1,2}}?)"
    r"(?=负责|统筹|审核|审批|批准|陪同|担任|起草|组织|主持|签字|签发|牵头)"
)


_NAME_TITLED_RE = re.compile(
    rf"(?:组长|经理|专员|主任|部长|总监|主管|董事长|代表)([{SURNAMES}]{_HAN}{{1,2}}?)"
    r"(?=[（(，,、；;。\s]|$)"
)


def names_in(text: str) -> list[str]:
    """The personal names an official answer states (see ``SURNAMES``), in order."""
    s = squeeze(text)
    found = [
        (m.start(1), m.group(1))
        for pattern in (_NAME_ALONE_RE, _NAME_ACTING_RE, _NAME_TITLED_RE)
        for m in pattern.finditer(s)
    ]
    return list(dict.fromkeys(name for _pos, name in sorted(found)))


def quoted_titles(text: str) -> list[str]:
    """The titles quoted in 《》."""
    return [m.group(1).strip() for m in _QUOTED_RE.finditer(squeeze(text)) if m.group(1).strip()]


def _title_said(answer: str, answer_terms: list[str], title: str) -> bool:
    if normalize_text(title) in normalize_text(answer):
        return True
    terms = key_terms(title)
    return bool(terms) and all(term_covered(t, answer_terms) for t in terms)


# a number with its unit, in digits or Chinese numerals (三十五人, 1.2万元, 60%)
_NUMBER_RE = re.compile(
    r"(?:百分之)?(?:\d[\d.,]*\s*[万千亿]?|[零〇一二两三四五六七八九十百千万亿]{2,})\s*"
    r"(?:%|‰|个人|[人名位个件项篇份次家套台元])?"
)


# -- comparing -------------------------------------------------------------------------------------


def plain_official(text: str) -> Declared:
    """An official answer written as text (a department's prepared answer)."""
    return Declared(FactKind.TEXT, text, text=text)


def compare(
    answer: str,
    official: Declared,
    fact_key: str | None = None,
    rules: RehearsalRules | None = None,
) -> Verdict:
    """Whether ``answer`` says what ``official`` says, and what differs (see the module).

    ``fact_key``: the fact the question asks for (which scope a number must be given for: the
    department's headcount or the company's); ``rules``: the words of negation, scope and
    objective names (the shipped ones by default)."""
    if not normalize_text(answer):
        return Verdict(False, (Difference(DiffKind.EMPTY, official.display),))
    rules = rules or default_rules()
    kind = official.kind
    if kind is FactKind.NUMBER:
        diffs = _number(answer, official, rules.scope_for(fact_key), rules, fact_key)
    elif kind is FactKind.NUMBERS:
        diffs = _numbers(answer, official, rules)
    elif kind is FactKind.RECONCILED:
        diffs = _reconciled(answer, official)
    elif kind is FactKind.LIST:
        diffs = _list(answer, official)
    elif kind is FactKind.MENTION:
        diffs = (
            []
            if normalize_text(official.text) in normalize_text(answer)
            else [Difference(DiffKind.MISSING_TERM, official.text)]
        )
    elif kind is FactKind.WORDING:
        negated, missing = _term_differences(answer, official.text, rules)
        in_order = sorted(negated + missing, key=lambda d: d[0])
        return Verdict(not in_order, tuple(d for _i, d in in_order))
    else:
        return _text(answer, official.text, rules)
    return Verdict(not diffs, tuple(diffs))


# a number said, up to the end of its unit (where a name or scope word after it is measured from)
_SAID_RE = re.compile(
    r"(?:百分之)?(?:\d+(?:,\d{3})*(?:\.\d+)?[万萬亿億]?"
    r"|[零〇○一壹二贰貳两兩三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億点]+)"
    r"\s*(?:%|‰|个人|余人|多人|[人名位个件项篇份次家套台元])?"
)


@dataclass(frozen=True, slots=True)
class _Said:
    """A number said in an answer, in its unit, and where."""

    amount: _Amount
    span: Span


def _number_text(answer: str, rules: RehearsalRules | None = None, full: bool = False) -> str:
    """The answer as its numbers are read: Arabic digits, document numbers blanked out (of the
    same length, so positions stay); with ``rules``, the words that state 0 ("none", "一件也
    没有") read as 0 and, with ``full``, those that state full coverage ("全员", "全覆盖") as
    100 %."""
    text = _CODE_RE.sub(lambda m: "|" * len(m.group(0)), _arabic(answer))
    return text if rules is None else _spoken(text, rules, full)


def _spoken(text: str, rules: RehearsalRules, full: bool) -> str:
    """``text`` with the words that state a number (``numbers.zero``, ``numbers.full`` when
    ``full``) in digits, set apart by spaces."""
    zero = set(rules.zero_words)
    words = rules.zero_words + (rules.full_words if full else ())
    out: list[str] = []
    pos = 0
    for f in find_words(case_blind(text), words):
        out += [text[pos : f.start], " 0 " if f.word in zero else " 100% "]
        pos = f.end
    return "".join(out) + text[pos:]


def _said(text: str) -> list[_Said]:
    """The quantities ``text`` (see ``_number_text``) states, where each is said."""
    out: list[_Said] = []
    for q in quantities(text):
        if q.role is not Role.QUANTITY:
            continue
        m = _SAID_RE.match(text, q.start)
        out.append(_Said(_Amount(q.value, q.unit), Span(q.start, m.end() if m else q.start + 1)))
    return out


def _in_units(found: list[_Said], units: tuple[str, ...]) -> list[_Said]:
    """Those stated in one of ``units`` when there are any, else those without a unit (as
    ``ipaudit.domain.numbers.stated`` reads them)."""
    if not units:
        return found
    bound = [s for s in found if s.amount.unit in units]
    return bound or [s for s in found if not s.amount.unit]


def _phrases(text: str, rules: RehearsalRules) -> list[Span]:
    return spans(text, rules.clause_marks + rules.phrase_marks)


def _negated_numbers(
    text: str, said: list[_Said], names: list[Mention], rules: RehearsalRules
) -> dict[int, str]:
    """The numbers said negated ("培训没有全覆盖", "不是10件"), each with the item as said: a
    ``negation.before`` word in the number's own item before it, with no name or other number
    between them ("没有外观设计，发明专利8件" negates no number)."""
    items = items_of(text, rules)
    out: dict[int, str] = {}
    for n in negations(text, rules):
        if n.after:
            continue
        item = items[span_of(n.word.start, items)]
        for i, s in enumerate(said):
            if not (n.word.end <= s.span.start < item.end):
                continue
            between = Span(n.word.end, s.span.start)
            if any(m.found.start in between for m in names) or any(
                o.span.start in between for o in said
            ):
                break
            out[i] = as_shown(text[item.start : s.span.end])
            break
    return out


def _zero_names(
    text: str, names: list[Mention], tied: set[int], rules: RehearsalRules
) -> list[int]:
    """The names said negated with no number of their own (indexes into ``names``, leaving out
    ``tied``), each stating 0 of what it names: "没有发明专利", "no patents were filed", "外观
    设计、商标都没有"; when a ``negation.before`` word has nothing of its own after it in its
    phrase, the names before it ("外观设计：无", "外观设计、商标今年没有申请")."""
    phrases = _phrases(text, rules)
    out: list[int] = []
    for n in negations(text, rules):
        governed = [k for k, m in enumerate(names) if m.found.start in n.governed and k not in tied]
        if not n.after:
            phrase = phrases[span_of(n.word.start, phrases)]
            if _says_nothing(text[n.word.end : phrase.end], rules):
                governed += [
                    k
                    for k, m in enumerate(names)
                    if phrase.start <= m.found.start < n.word.start and k not in tied
                ]
        out += [k for k in governed if k not in out]
    return out


_PARTICLES_RE = re.compile(r"[了的呢啊吧哦呀嘛过]")


def _says_nothing(rest: str, rules: RehearsalRules) -> bool:
    """Whether what follows a negation word in its phrase names nothing of its own: only
    qualifiers (申请), filler (目标) and particles ("外观设计今年没有申请的")."""
    chars = list(case_blind(rest))
    for f in find_words("".join(chars), (*rules.qualifiers, *rules.objective_filler)):
        chars[f.start : f.end] = " " * (f.end - f.start)
    left = _PARTICLES_RE.sub("", "".join(chars))
    return not re.search(rf"[A-Za-z0-9{_CJK}]", left)


def _only_negation(text: str, rules: RehearsalRules) -> bool:
    """Whether ``text`` says nothing but a negation ("没有。", "No.", "我们部门没有")."""
    words = (*rules.negation_before, *rules.negation_after, *rules.scope_own, *rules.scope_company)
    rest = list(case_blind(text))
    found = find_words("".join(rest), words)
    if not any(f.word in (*rules.negation_before, *rules.negation_after) for f in found):
        return False
    for f in found:
        rest[f.start : f.end] = " " * (f.end - f.start)
    return not re.search(rf"[A-Za-z0-9{_CJK}]", "".join(rest))


def _scopes(
    text: str, at: list[Span], rules: RehearsalRules, kinds: list[str | None] | None = None
) -> list[Scope | None]:
    """The scope each place in ``at`` (a number said) is said for: the scope word tied to it in
    its item or phrase (see ``tie``). With ``kinds`` (what each number is said with, None for
    nothing), a number with none of its own takes the last scope word said before it in its
    clause while it names a kind not yet said since ("公司目标：发明专利20件，实用新型30件";
    but "公司发明专利20件，研发发明专利8件" and "公司60人，其中研发23人" leave it), and one
    followed in its clause by the department's own figure of its kind is the company's."""
    words = dict(scope_words(text, rules))
    if not words:
        return [None] * len(at)
    tied = tie(at, list(words), _phrases(text, rules), items_of(text, rules))
    out: list[Scope | None] = [None if f is None else words[f] for f in tied]
    if kinds is None:
        return out
    clauses = spans(text, rules.clause_marks)
    said_since: dict[int, set[str]] = {}  # a scope word: the kinds said for it
    for k in sorted(range(len(at)), key=lambda k: at[k].start):
        span, found, kind = at[k], tied[k], kinds[k]
        if found is None and kind is not None:
            clause = clauses[span_of(span.start, clauses)]
            earlier = [f for f in words if clause.start <= f.start and f.end <= span.start]
            if earlier and kind not in said_since.get(earlier[-1].start, set()):
                found = earlier[-1]
                out[k] = words[found]
        if found is not None and kind is not None:
            said_since.setdefault(found.start, set()).add(kind)
    # "实用新型15件，研发承担10件": a figure said with no scope, followed in its clause by the
    # department's own of that kind (or of none named), is the company's
    for k, (span, kind) in enumerate(zip(at, kinds, strict=True)):
        if out[k] is not None or kind is None:
            continue
        clause = clauses[span_of(span.start, clauses)]
        if any(
            out[j] is Scope.OWN and kinds[j] in (kind, None) and span.end <= at[j].start
            for j in range(len(at))
            if at[j].start in clause
        ):
            out[k] = Scope.COMPANY
    return out


def _number(
    answer: str, fact: Declared, scope: Scope, rules: RehearsalRules, fact_key: str | None
) -> list[Difference]:
    """The number the answer states for the scope asked for: of several, the one tied to that
    scope's word (我们部门 / 公司) counts, else one tied to none, else the first. A number said
    negated ("不是60人") is never the one stated; none said, a negated name of what the fact
    counts ("没有发明专利") or an answer that only negates ("没有") states 0."""
    assert fact.number is not None
    unit = fact.units[0] if fact.units else ""
    expected = str(_Amount(fact.number, unit))
    text = _number_text(answer, rules)
    found = _said(text)
    negated = _negated_numbers(text, found, mentions(text, (), rules), rules)
    said = _in_units([s for i, s in enumerate(found) if i not in negated], fact.units)
    if not said:
        denied = [found[i] for i in negated if found[i].amount.value == fact.number]
        if denied:
            shown = negated[found.index(denied[0])]
            return [Difference(DiffKind.NEGATED, expected, shown)]
        if _states_zero(text, fact_key, rules):
            said = [_Said(_Amount(Decimal(0), unit), Span(0, 0))]
        else:
            return [Difference(DiffKind.MISSING_NUMBER, expected)]
    scopes = _scopes(text, [s.span for s in said], rules)
    chosen = next(
        (s for s, sc in zip(said, scopes, strict=True) if sc is scope),
        next((s for s, sc in zip(said, scopes, strict=True) if sc is None), said[0]),
    )
    if chosen.amount.value == fact.number:
        return []
    return [Difference(DiffKind.WRONG_NUMBER, expected, str(_Amount(chosen.amount.value, unit)))]


def _states_zero(text: str, fact_key: str | None, rules: RehearsalRules) -> bool:
    """Whether an answer that states no number says there is none of what ``fact_key`` counts:
    a negated name of its kind (or of a kind including it), or nothing but a negation."""
    if _only_negation(text, rules):
        return True
    kind = rules.kind_of_fact.get(fact_key or "")
    if kind is None:
        return False
    names = mentions(text, (), rules)
    return any(
        names[k].kind == kind or kind in rules.includes.get(names[k].kind, ())
        for k in _zero_names(text, names, set(), rules)
    )


@dataclass(frozen=True, slots=True)
class _Goal:
    """One number a NUMBERS fact declares: what it counts (its declared name, "" for none) and
    whether an answer must say it (a portfolio's total need not)."""

    name: str
    amount: _Amount
    naming: Naming | None
    required: bool


def _goals(fact: Declared, rules: RehearsalRules) -> list[_Goal]:
    out: list[_Goal] = []
    for i, value in enumerate(fact.numbers):
        if i < len(fact.entries):
            unit = fact.units[i] if i < len(fact.units) else ""
            name = fact.entries[i]
            out.append(_Goal(name, _Amount(value, unit), naming(name, rules), True))
        else:  # not named: a total when others are named, else asked for
            out.append(_Goal("", _Amount(value, ""), None, not fact.entries))
    return out


def _compatible(said: _Amount, declared: _Amount) -> bool:
    return not said.unit or not declared.unit or said.cls == declared.cls


@dataclass(frozen=True, slots=True)
class _Pair:
    """A number said, the objective name it is said with (None: none), the item as said when it
    is said negated ("培训没有100%"), and the names it is the total of."""

    said: _Said
    mention: Mention | None
    negated: str = ""
    total: tuple[Mention, ...] = ()  # a total of these names ("发明专利和实用新型共18件")
    sums: Decimal | None = None  # a total of the numbers said before it ("…，共18件")


def _pairs(
    text: str, said: list[_Said], named: list[Mention], rules: RehearsalRules
) -> list[_Pair]:
    """Each number said with the objective names it is said for: the one in its item or phrase
    (see ``tie``); after a "respectively" word ("分别为8件、10件") or in a phrase that lists its
    names and then as many numbers ("发明、实用新型8件、10件"), each in order; one number after a
    "respectively" word goes to every name listed before it ("发明专利和实用新型各10件"), one after
    a total word is their total ("发明专利和实用新型共18件"), and one after a total word with no
    name the total of those said before it ("…，共18件"). A name said negated with no number of its
    own states 0 ("没有发明专利")."""
    phrases = _phrases(text, rules)
    by_found = {m.found: m for m in named}
    tied: list[list[Mention]] = [
        [] if f is None else [by_found[f]]
        for f in tie([s.span for s in said], list(by_found), phrases, items_of(text, rules))
    ]
    ordered: set[int] = set()  # the phrases paired by a word
    for word in find_words(case_blind(text), rules.respectively):
        where = span_of(word.start, phrases)
        phrase = phrases[where]
        numbers = [i for i, s in enumerate(said) if word.end <= s.span.start < phrase.end]
        before = [s.span.end for s in said if phrase.start <= s.span.start < word.start]
        start = max(before, default=phrase.start)
        names = [m for m in named if start <= m.found.start and m.found.end <= word.start]
        if names and len(names) == len(numbers):
            for i, m in zip(numbers, names, strict=True):
                tied[i] = [m]
            ordered.add(where)
        elif len(names) > 1 and len(numbers) == 1:
            tied[numbers[0]] = names
            ordered.add(where)
    totals: dict[int, tuple[Mention, ...]] = {}
    sums: dict[int, Decimal] = {}
    clauses = spans(text, rules.clause_marks)
    for word in find_words(case_blind(text), rules.totals):
        where = span_of(word.start, phrases)
        phrase = phrases[where]
        after = [i for i, s in enumerate(said) if word.end <= s.span.start < phrase.end]
        if not after or any(word.end <= m.found.start < said[after[0]].span.start for m in named):
            continue
        before = [s.span.end for s in said if phrase.start <= s.span.start < word.start]
        start = max(before, default=phrase.start)
        names = [m for m in named if start <= m.found.start and m.found.end <= word.start]
        if len(names) > 1:
            totals[after[0]] = tuple(names)
            tied[after[0]] = []
            ordered.add(where)
        elif not names and not tied[after[0]]:
            clause = clauses[span_of(word.start, clauses)]
            sums[after[0]] = sum(
                (x.amount.value for x in said if clause.start <= x.span.start < word.start),
                Decimal(0),
            )
    for where, phrase in enumerate(phrases):
        if where not in ordered:
            _pair_in_order(phrase, said, named, tied)
    negated = _negated_numbers(text, said, named, rules)
    out = [
        _Pair(s, m, negated.get(i, ""), totals.get(i, ()), sums.get(i))
        for i, (s, ms) in enumerate(zip(said, tied, strict=True))
        for m in ([*ms] if ms else [None])
    ]
    used = {m.found for ms in tied for m in ms}
    for k in _zero_names(text, named, {k for k, m in enumerate(named) if m.found in used}, rules):
        m = named[k]
        out.append(_Pair(_Said(_Amount(Decimal(0), ""), Span(m.found.start, m.found.end)), m))
    return out


def _pair_in_order(
    phrase: Span, said: list[_Said], named: list[Mention], tied: list[list[Mention]]
) -> None:
    """A phrase that says its names and then as many numbers, or its numbers and then as many
    names (two or more): each number goes with the name in the same place of the list."""
    numbers = [i for i, s in enumerate(said) if s.span.start in phrase]
    names = [m for m in named if m.found.start in phrase]
    if len(numbers) < 2 or len(names) != len(numbers):
        return
    first, last = said[numbers[0]].span, said[numbers[-1]].span
    if all(m.found.end <= first.start for m in names) or all(
        m.found.start >= last.end for m in names
    ):
        for i, m in zip(numbers, names, strict=True):
            tied[i] = [m]


def _numbers(answer: str, fact: Declared, rules: RehearsalRules) -> list[Difference]:
    """Every declared number said, each with its own objective's name where a name is said; where
    the fact is a department's share of the company's objectives (``Declared.company``), a number
    said for the company ("公司目标是发明专利20件") is compared with the company's."""
    goals = _goals(fact, rules)
    company = _goals(fact.company, rules) if fact.company is not None else []
    full = any(g.amount.cls == "percent" for g in goals + company)
    text = _number_text(answer, rules, full)
    said = _said(text)
    namings = [g.naming for g in goals + company if g.naming is not None]
    pairs = _pairs(text, said, mentions(text, namings, rules), rules)
    if fact.company is None:
        return _match(pairs, goals, fact.display, rules)
    kinds = [None if p.mention is None else p.mention.kind for p in pairs]
    scopes = _scopes(text, [p.said.span for p in pairs], rules, kinds)
    theirs = [p for p, sc in zip(pairs, scopes, strict=True) if sc is Scope.COMPANY]
    mine = [p for p, sc in zip(pairs, scopes, strict=True) if sc is not Scope.COMPANY]
    # the company's figure said where the department's share is the same: the department's too
    mine += [p for p in theirs if _agrees(p, company) and _agrees(p, goals)]
    return _match(mine, goals, fact.display, rules) + _match(
        theirs, company, fact.company.display, rules, "公司"
    )


def _agrees(p: _Pair, goals: list[_Goal]) -> bool:
    """Whether a number said with a name is the one declared for that name."""
    own = _owners(p.mention, goals) if p.mention is not None else []
    return not p.negated and any(goals[i].amount.value == p.said.amount.value for i in own)


def _match(
    pairs: list[_Pair], goals: list[_Goal], display: str, rules: RehearsalRules, whose: str = ""
) -> list[Difference]:
    """What differs between the numbers said (with their names) and ``goals``; ``whose``: the
    goals' owner as shown ("公司" for the company's, which an answer need not say)."""

    def expected(g: _Goal) -> str:
        if g.name:
            return f"{whose}{g.name} {g.amount}"
        return f"{whose}{display}" if len(goals) == 1 else str(g.amount)

    units_asked = {g.amount.cls for g in goals}
    if "" in units_asked:
        units_asked = set()  # a number declared without a unit: any unit may be its
    satisfied: set[int] = set()
    reported: dict[int, Difference] = {}
    unnamed: list[_Pair] = []
    wrong_totals: list[Difference] = []
    for p in pairs:
        s, m = p.said, p.mention
        if p.total:  # the total of the objectives named: never any one's number
            wrong_totals += _total_differences(p, goals, whose)
            continue
        if p.sums is not None and s.amount.value in (p.sums, _sum(goals, s.amount)):
            continue  # "发明专利8件、实用新型10件，共18件"
        zero = s.amount.value == 0
        own = _owners(m, goals, rules if zero else None) if m is not None else []
        if not own:
            # not said with a name of the question's objectives: a number in a unit none of
            # them is counted in is something else ("共培训23人"), unless said as an objective;
            # none of an objective the department does not have agrees
            if m is not None and zero:
                continue
            if m is not None or not units_asked or not s.amount.unit or s.amount.cls in units_asked:
                unnamed.append(p)
            continue
        fits = [i for i in own if _compatible(s.amount, goals[i].amount)]
        if not fits:
            continue  # said with the name but counts something else
        hit = [i for i in fits if goals[i].amount.value == s.amount.value]
        if p.negated:
            for i in hit:
                reported.setdefault(i, Difference(DiffKind.NEGATED, expected(goals[i]), p.negated))
            continue  # "不是10件": not said for it
        if hit:
            satisfied.update(hit)
            continue
        i = next((i for i in fits if i not in satisfied and i not in reported), fits[0])
        shown = (
            s.amount if s.amount.unit or not zero else _Amount(s.amount.value, goals[i].amount.unit)
        )
        reported.setdefault(i, Difference(DiffKind.WRONG_NUMBER, expected(goals[i]), str(shown)))
    extras: list[_Said] = []
    for p in unnamed:
        s = p.said
        equal = [
            i
            for i, g in enumerate(goals)
            if g.amount.value == s.amount.value and _compatible(s.amount, g.amount)
        ]
        hit = [i for i in equal if i not in reported]
        if equal and not hit:
            continue  # the declared number, its objective already found said wrong
        if p.negated:
            for i in hit[:1]:
                reported[i] = Difference(DiffKind.NEGATED, expected(goals[i]), p.negated)
        elif hit:
            satisfied.update(hit)
        else:
            extras.append(s)
    out: list[tuple[int, Difference]] = []
    for i, g in enumerate(goals):
        if i in reported:
            out.append((i, reported[i]))
        elif g.required and i not in satisfied and not whose:
            other = next((s for s in extras if _compatible(s.amount, g.amount)), None)
            if other is not None:
                extras.remove(other)
                out.append((i, Difference(DiffKind.WRONG_NUMBER, expected(g), str(other.amount))))
            else:
                out.append((i, Difference(DiffKind.MISSING_NUMBER, expected(g))))
    diffs = [d for _i, d in sorted(out, key=lambda x: x[0])] + wrong_totals
    whole = f"{whose}{display}"
    return diffs + [Difference(DiffKind.WRONG_NUMBER, whole, str(s.amount)) for s in extras]


def _sum(goals: list[_Goal], said: _Amount) -> Decimal:
    """The sum of the named objectives counted in the unit of ``said``."""
    return sum(
        (g.amount.value for g in goals if g.name and _compatible(said, g.amount)), Decimal(0)
    )


def _total_differences(p: _Pair, goals: list[_Goal], whose: str) -> list[Difference]:
    """A total said for several objectives ("发明专利和实用新型共18件") against the sum of theirs:
    nothing when it is that sum (or names one the question has none of), else a wrong number."""
    owners = [_owners(m, goals) for m in p.total]
    if not all(owners) or p.negated:
        return []
    parts = [goals[i] for i in dict.fromkeys(o[0] for o in owners)]
    if len(parts) < 2 or not all(_compatible(p.said.amount, g.amount) for g in parts):
        return []
    value = sum((g.amount.value for g in parts), Decimal(0))
    if value == p.said.amount.value:
        return []
    names = "、".join(g.name for g in parts)
    total = _Amount(value, parts[0].amount.unit)
    return [Difference(DiffKind.WRONG_NUMBER, f"{whose}{names} 合计 {total}", str(p.said.amount))]


def _owners(m: Mention, goals: list[_Goal], rules: RehearsalRules | None = None) -> list[int]:
    """The objectives a name said may be: those of its kind, narrowed by its qualifier when two
    share the kind ("发明专利申请" and "发明专利授权"); with ``rules``, a broader kind's ("专利")
    those of the kinds it includes, for a 0 said with it ("没有专利")."""
    same = [i for i, g in enumerate(goals) if g.naming is not None and g.naming.kind == m.kind]
    if not same and rules is not None:
        wider = rules.includes.get(m.kind, ())
        same = [i for i, g in enumerate(goals) if g.naming is not None and g.naming.kind in wider]
    if len(same) > 1 and m.qualifier:
        narrowed = [
            i for i in same if (n := goals[i].naming) is not None and n.qualifier == m.qualifier
        ]
        return narrowed or same
    return same


def _reconciled(answer: str, fact: Declared) -> list[Difference]:
    diffs = [
        Difference(DiffKind.WRONG_NUMBER, fact.display, str(a))
        for a in amounts(answer)
        if a.unit in MONEY_UNITS and fact.numbers and a.value not in fact.numbers
    ]
    claim = claims_agreement(answer)
    if claim is not None and fact.agreed is not None and claim != fact.agreed:
        diffs.append(Difference(DiffKind.WRONG_CLAIM, fact.display))
    return diffs


def _list(answer: str, fact: Declared) -> list[Difference]:
    said = normalize_text(answer)
    said_terms = key_terms(squeeze(answer))
    codes = fact.text.split()
    out = []
    for i, entry in enumerate(fact.entries):
        named = (
            normalize_text(entry) in said
            or _title_said(answer, said_terms, entry)
            or (i < len(codes) and normalize_text(codes[i]) in said)
        )
        if not named:
            code = f"{codes[i]} " if i < len(codes) else ""
            out.append(Difference(DiffKind.MISSING_ENTRY, f"{code}{entry}"))
    return out


def _term_score(term: str, said: list[str]) -> int:
    """2: the term said as it is; 1: said in other words (``term_covered``); 0: not said."""
    if term in "|".join(said):
        return 2
    return 1 if term_covered(term, said) else 0


def _term_differences(
    answer: str, official: str, rules: RehearsalRules
) -> tuple[list[tuple[int, Difference]], list[tuple[int, Difference]]]:
    """The key terms of ``official`` the answer negates (or says plainly where the official text
    negates them) and those it does not cover at all, each with its place among the terms; any
    order and extra words are fine. A term said both ways counts the way it is said closer to
    the official wording (plainly on a tie)."""
    off = split_negated(squeeze(official), rules)
    wanted: list[tuple[str, str | None]] = [(t, None) for t in key_terms(off.plain)]
    for neg in off.negated:
        wanted += [(t, neg.said) for t in key_terms(neg.text)]
    wanted = list(dict.fromkeys(wanted))
    if not wanted:
        same = normalize_text(official) == normalize_text(answer)
        return [], [] if same else [(0, Difference(DiffKind.MISSING_TERM, official))]
    ans = split_negated(squeeze(answer), rules)
    plain = key_terms(ans.plain)
    negated_said = [(n, key_terms(n.text)) for n in ans.negated]
    negated: list[tuple[int, Difference]] = []
    missing: list[tuple[int, Difference]] = []
    denied: dict[str, tuple[int, list[str]]] = {}  # a negated stretch said: the terms it negates
    for i, (term, official_negation) in enumerate(wanted):
        as_plain = _term_score(term, plain)
        as_negated, where = max(
            ((_term_score(term, terms), n.said) for n, terms in negated_said),
            default=(0, ""),
        )
        if official_negation is None:
            if as_plain and as_plain >= as_negated:
                continue
            if as_negated:
                denied.setdefault(where, (i, []))[1].append(term)
            else:
                missing.append((i, Difference(DiffKind.MISSING_TERM, term)))
        else:
            if as_negated and as_negated >= as_plain:
                continue
            if as_plain:
                negated.append((i, Difference(DiffKind.NEGATED, official_negation, term)))
            else:
                missing.append((i, Difference(DiffKind.MISSING_TERM, official_negation)))
    negated += [
        (i, Difference(DiffKind.NEGATED, "、".join(terms), where))
        for where, (i, terms) in denied.items()
    ]
    return sorted(negated, key=lambda d: d[0]), missing


def _text(answer: str, official: str, rules: RehearsalRules) -> Verdict:
    """A text: most key terms covered, every hard term (numbers, dates, document numbers, quoted
    titles) stated, and no number the official text does not state in that unit."""
    hard: list[Difference] = []
    wanted = amounts(official)
    full = any(a.cls == "percent" for a in wanted)  # "全员培训" states 100 %
    said_amounts = amounts(_spoken(squeeze(answer), rules, full) if full else answer)
    for a in wanted:
        if not any(s.value == a.value and s.cls == a.cls for s in said_amounts):
            in_unit = [s for s in said_amounts if s.cls == a.cls and s.cls]
            if in_unit:
                hard.append(Difference(DiffKind.WRONG_NUMBER, str(a), str(in_unit[0])))
            else:
                hard.append(Difference(DiffKind.MISSING_NUMBER, str(a)))
    wrong_said = {str(d.said) for d in hard}
    for s in said_amounts:
        official_states = any(w.value == s.value and w.cls == s.cls for w in wanted)
        unit_stated = any(w.cls == s.cls for w in wanted)
        if s.cls and not official_states and unit_stated and str(s) not in wrong_said:
            hard.append(
                Difference(
                    DiffKind.WRONG_NUMBER,
                    "、".join(str(w) for w in wanted if w.cls == s.cls),
                    str(s),
                )
            )
    said_dates = dates_in(answer)
    for d in dates_in(official):
        match = [s for s in said_dates if s[:2] == d[:2] and (d[2] is None or s[2] in (None, d[2]))]
        if not match:
            if said_dates:
                hard.append(
                    Difference(DiffKind.WRONG_DATE, _date_text(d), _date_text(said_dates[0]))
                )
            else:
                hard.append(Difference(DiffKind.MISSING_DATE, _date_text(d)))
    said_plain = normalize_text(squeeze(answer))
    for name in names_in(official):
        if name not in said_plain:
            hard.append(Difference(DiffKind.MISSING_TERM, name))
    for code in dict.fromkeys(codes_in(official)):
        if not _has_code(answer, code):
            hard.append(Difference(DiffKind.MISSING_TERM, code))
    said_terms = key_terms(squeeze(answer))
    for title in dict.fromkeys(quoted_titles(official)):
        if not _title_said(answer, said_terms, title):
            hard.append(Difference(DiffKind.MISSING_TERM, f"《{title}》"))
    soft = _without_hard_terms(official)
    negated_terms, missing_terms = _term_differences(answer, soft, rules)
    hard += [d for _i, d in negated_terms]  # a negated duty is never a duty said
    missing = [d for _i, d in missing_terms]
    terms = key_terms(squeeze(soft))
    covered = 1.0 if not terms else (len(terms) - len(missing)) / len(terms)
    soft_ok = covered >= TERM_COVERAGE if terms else True
    if hard or not soft_ok:
        return Verdict(False, tuple(hard + ([] if soft_ok else missing)))
    return Verdict(True, (), tuple(missing))


def _without_hard_terms(text: str) -> str:
    """The official text without its numbers, dates, codes and quoted titles (checked apart)."""
    s = squeeze(text)
    for pattern in (_QUOTED_RE, _CODE_RE, _DATE_RE, _NUMBER_RE):
        s = pattern.sub("|", s)  # a separator: the words either side are two terms
    return s


__all__ = [
    "SURNAMES",
    "DiffKind",
    "Difference",
    "Verdict",
    "amounts",
    "codes_in",
    "compare",
    "dates_in",
    "names_in",
    "plain_official",
    "quoted_titles",
    "squeeze",
]
