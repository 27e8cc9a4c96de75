"""How a rehearsed answer is read beyond its words: negation, the scope a number is given for, and
which objective a number is said with.

The words are data (``resources/audit/rehearsal-rules.yaml``, read by :func:`default_rules`):

- **clauses and phrases**: an answer is cut into clauses at ``clause_marks`` (。；！？) and a
  clause into phrases at ``phrase_marks`` (，,). A number is tied to the name or scope word it is
  said with in its own phrase (see :func:`tie`).
- **negation**: a phrase after a ``negation.before`` word (不, 没有, 未 …) in its phrase is
  negated ("不尊重知识产权"); a ``negation.after`` word (都不, 均未 …) negates its whole clause
  ("专利申请、商标注册都不负责"). Words such as 不断 or 无论 (``not_negation``) negate nothing.
  :func:`split_negated` gives the text said plainly and the negated phrases apart.
- **scope**: a number is the department's own when the scope word it is said with is one of ``scope.own`` (我们部门, 本部门, 部门), the company's when one of ``scope.company``
  (公司, 全公司); ``scope.facts`` says which one a fact asks for (the headcount: own).
- **items**: a phrase is cut into the items of a list at ``item_marks`` (、, 和, and …); a
  number is tied to the name said in its own item first ("发明专利8件和10件实用新型").
- **objective names**: how people name a kind of objective (发明专利 or 发明; 软件著作权 or 软著),
  the ``filler`` of declared names (年度, 知识产权), the ``qualifiers`` that tell two objectives
  of one kind apart (申请, 授权), and the ``respectively`` words ("分别为", "各") that pair names
  and numbers in order, or give one number to every name listed ("各10件"), the ``totals`` words
  ("共") after which a number is the total of the names listed ("发明专利和实用新型共18件"); the
  kinds a broader
  kind ``includes`` (专利: 发明专利, 实用新型 …) and the kind a count fact asks for (``facts``).
- **numbers said in words**: ``numbers.zero`` (none, zero, 一件也没有) state 0 where they stand,
  as 零 does; ``numbers.full`` (全覆盖, 全员, full coverage) state 100 % where a percentage is
  asked for. A name said negated with no number of its own ("没有发明专利", "no patents were
  filed", "外观设计：无") states 0 of it (see :func:`negated_stretches`).

English words (negation, scope, names) match whole words only, a plural -s or -es allowed:
"no" is not read inside "innovation".

Pure: the file is read once; no Qt.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from ipaudit.domain.normalize import nfkc
from ipaudit.resource_files import resource_path

RULES_FILE = ("audit", "rehearsal-rules.yaml")


class Scope(StrEnum):
    OWN = "own"  # the department's own
    COMPANY = "company"  # the whole company's


@dataclass(frozen=True, slots=True)
class ObjectiveKind:
    """A kind of objective and the ways it is named; ``names[0]`` is how it is shown."""

    names: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.names[0]


@dataclass(frozen=True, slots=True)
class RehearsalRules:
    clause_marks: str = "。；;！!？?\n"
    phrase_marks: str = "，,"
    negation_before: tuple[str, ...] = ()
    negation_after: tuple[str, ...] = ()
    not_negation: tuple[str, ...] = ()
    scope_own: tuple[str, ...] = ()
    scope_company: tuple[str, ...] = ()
    scope_of_fact: Mapping[str, Scope] = field(default_factory=dict)
    objective_filler: tuple[str, ...] = ()
    objective_kinds: tuple[ObjectiveKind, ...] = ()
    qualifiers: tuple[str, ...] = ()
    respectively: tuple[str, ...] = ()
    totals: tuple[str, ...] = ()
    item_marks: tuple[str, ...] = ()
    zero_words: tuple[str, ...] = ()
    full_words: tuple[str, ...] = ()
    includes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    kind_of_fact: Mapping[str, str] = field(default_factory=dict)

    def scope_for(self, fact_key: str | None) -> Scope:
        """The scope the fact ``fact_key`` asks for (the department's own when not listed)."""
        return self.scope_of_fact.get(fact_key or "", Scope.OWN)


class RulesError(ValueError):
    """A rehearsal rules file that cannot be used; the message names the file and the entry."""


def _words(data: Mapping[str, Any], key: str, source: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise RulesError(f"{source}: {key} must be a list of words")
    return tuple(nfkc(w.strip()) for w in value)


def _section(data: Mapping[str, Any], key: str, source: str) -> Mapping[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise RulesError(f"{source}: {key} must be a mapping")
    return value


def parse_rules(data: Any, source: str = "rehearsal rules") -> RehearsalRules:
    """Rules from the parsed YAML (see the module); :class:`RulesError` naming what is wrong."""
    if not isinstance(data, dict):
        raise RulesError(f"{source}: not a mapping")
    negation = _section(data, "negation", source)
    scope = _section(data, "scope", source)
    objectives = _section(data, "objectives", source)
    facts = scope.get("facts", {})
    if not isinstance(facts, dict):
        raise RulesError(f"{source}: scope.facts must be a mapping")
    try:
        scope_of_fact = {str(k): Scope(str(v)) for k, v in facts.items()}
    except ValueError as exc:
        raise RulesError(f"{source}: scope.facts: {exc}") from None
    numbers = _section(data, "numbers", source)
    includes = objectives.get("includes", {})
    if not isinstance(includes, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(w, str) for w in v)
        for k, v in includes.items()
    ):
        raise RulesError(f"{source}: objectives.includes must map a kind to a list of kinds")
    of_fact = objectives.get("facts", {})
    if not isinstance(of_fact, dict) or not all(isinstance(v, str) for v in of_fact.values()):
        raise RulesError(f"{source}: objectives.facts must map a fact to a kind")
    kinds = objectives.get("names", [])
    if not isinstance(kinds, list) or not all(
        isinstance(k, list) and k and all(isinstance(w, str) and w.strip() for w in k)
        for k in kinds
    ):
        raise RulesError(f"{source}: objectives.names must be a list of lists of words")
    marks = {k: data.get(k, "") for k in ("clause_marks", "phrase_marks")}
    if not all(isinstance(v, str) and v for v in marks.values()):
        raise RulesError(f"{source}: clause_marks and phrase_marks must be strings of marks")
    return RehearsalRules(
        clause_marks=nfkc(marks["clause_marks"]) + marks["clause_marks"],
        phrase_marks=nfkc(marks["phrase_marks"]) + marks["phrase_marks"],
        negation_before=_words(negation, "before", source),
        negation_after=_words(negation, "after", source),
        not_negation=_words(negation, "not_negation", source),
        scope_own=_words(scope, "own", source),
        scope_company=_words(scope, "company", source),
        scope_of_fact=scope_of_fact,
        objective_filler=_words(objectives, "filler", source),
        objective_kinds=tuple(
            ObjectiveKind(tuple(nfkc(w.strip()).lower() for w in k)) for k in kinds
        ),
        qualifiers=_words(objectives, "qualifiers", source),
        respectively=_words(objectives, "respectively", source),
        totals=_words(objectives, "totals", source),
        item_marks=_words(data, "item_marks", source),
        zero_words=_words(numbers, "zero", source),
        full_words=_words(numbers, "full", source),
        includes={nfkc(k).lower(): tuple(nfkc(w).lower() for w in v) for k, v in includes.items()},
        kind_of_fact={str(k): nfkc(v).lower() for k, v in of_fact.items()},
    )


@functools.cache
def default_rules() -> RehearsalRules:
    """The rules shipped with ipaudit."""
    import yaml

    path = resource_path(*RULES_FILE)
    return parse_rules(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)


# -- finding words ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Found:
    """A word found in a text: where, and which word."""

    start: int
    end: int
    word: str


_LATIN = "A-Za-z"


def _pattern(word: str) -> str:
    """A word as matched: an English word whole (a plural -s or -es allowed), any other as it is."""
    p = re.escape(word)
    if word[:1].isascii() and word[:1].isalpha():
        p = rf"(?<![{_LATIN}]){p}"
    if word[-1:].isascii() and word[-1:].isalpha():
        p = rf"{p}(?:e?s)?(?![{_LATIN}])"
    return p


@functools.cache
def _alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(set(words), key=len, reverse=True)  # the longer word first: 本部门 over 部门
    return re.compile("|".join(_pattern(w) for w in ordered)) if ordered else re.compile(r"(?!)")


def find_words(text: str, words: Iterable[str]) -> list[Found]:
    """Every occurrence of ``words`` in ``text``, left to right, a longer word over a shorter one
    starting at the same place, none overlapping."""
    ws = tuple(words)
    found = [Found(m.start(), m.end(), m.group(0)) for m in _alternation(ws).finditer(text)]
    known = set(ws)
    return [
        f if f.word in known else Found(f.start, f.end, _unplural(f.word, known)) for f in found
    ]


def _unplural(said: str, words: set[str]) -> str:
    """The word a plural was said for ("patents": "patent")."""
    for cut in (1, 2):
        if said[:-cut] in words:
            return said[:-cut]
    return said  # pragma: no cover - the pattern only adds -s or -es


def case_blind(text: str) -> str:
    """``text`` in lower case, each character in its place (positions kept), a typographic
    apostrophe as the plain one ("didn’t")."""
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text).replace("’", "'")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def __contains__(self, pos: object) -> bool:
        return isinstance(pos, int) and self.start <= pos < self.end


def spans(text: str, marks: str) -> list[Span]:
    """``text`` cut at ``marks``: the spans between them (the marks belong to none)."""
    out: list[Span] = []
    start = 0
    for i, ch in enumerate(text):
        if ch in marks:
            out.append(Span(start, i))
            start = i + 1
    out.append(Span(start, len(text)))
    return out


def span_of(pos: int, cut: list[Span]) -> int:
    """The index of the span holding ``pos`` (a mark belongs to the span before it)."""
    for i, s in enumerate(cut):
        if pos < s.end or (pos == s.end and i == len(cut) - 1):
            return i
    return len(cut) - 1


def tie(
    numbers: list[Span],
    words: list[Found],
    phrases: list[Span],
    items: list[Span] | None = None,
) -> list[Found | None]:
    """For each number, the word (a name or a scope word) it is said with: in its own item of a
    list (``items``, see :func:`items_of`) when a word is said there, else in its own phrase.

    An item or a phrase is said name first ("发明专利8件、实用新型10件") or number first ("8件
    发明专利、10件实用新型"), whichever comes first in it: a number goes with the last word before
    it, or with the first word after it, and with the other one when there is none on its side.
    Items let one sentence mix both ("发明专利8件和10件实用新型")."""
    out: list[Found | None] = []
    for n in numbers:
        found = _tie_in(n, numbers, words, items) if items else None
        out.append(found if found is not None else _tie_in(n, numbers, words, phrases))
    return out


def _tie_in(n: Span, numbers: list[Span], words: list[Found], cut: list[Span]) -> Found | None:
    where = span_of(n.start, cut)
    mine = [w for w in words if span_of(w.start, cut) == where]
    if not mine:
        return None
    first_number = min(m.start for m in numbers if span_of(m.start, cut) == where)
    name_first = min(w.start for w in mine) < first_number
    before = [w for w in mine if w.end <= n.start]
    after = [w for w in mine if w.start >= n.end]
    if name_first:
        return before[-1] if before else (after[0] if after else None)
    return after[0] if after else (before[-1] if before else None)


def items_of(text: str, rules: RehearsalRules) -> list[Span]:
    """``text`` cut into the items of its lists: at clause and phrase marks and at the
    ``item_marks`` (、, 和, and …)."""
    cuts = sorted(
        [(i, i + 1) for i, ch in enumerate(text) if ch in rules.clause_marks + rules.phrase_marks]
        + [(f.start, f.end) for f in find_words(case_blind(text), rules.item_marks)]
    )
    out: list[Span] = []
    start = 0
    for a, b in cuts:
        if a < start:
            continue
        out.append(Span(start, a))
        start = b
    out.append(Span(start, len(text)))
    return out


# -- negation --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Negated:
    """A stretch of text a negation word governs: its words without the negation, and the phrase
    as it was said (shown in the verdict)."""

    text: str
    said: str


@dataclass(frozen=True, slots=True)
class Polarity:
    """A text read for negation: what it says plainly (negated stretches blanked out with a
    separator) and each negated stretch."""

    plain: str
    negated: tuple[Negated, ...]


@dataclass(frozen=True, slots=True)
class Negation:
    """A negation word said, the stretch it governs and the phrase shown for it."""

    word: Found
    governed: Span
    shown: Span
    after: bool  # a ``negation.after`` word: it governs its clause


def negations(text: str, rules: RehearsalRules) -> list[Negation]:
    """The negation words of ``text`` and what each governs (see the module): a
    ``negation.before`` word to the end of its phrase, a ``negation.after`` word its clause."""
    clauses = spans(text, rules.clause_marks)
    phrases = spans(text, rules.clause_marks + rules.phrase_marks)
    words = (*rules.not_negation, *rules.negation_before, *rules.negation_after)
    after = set(rules.negation_after)
    before = set(rules.negation_before)
    out: list[Negation] = []
    for f in find_words(case_blind(text), words):
        if f.word in after:
            c = clauses[span_of(f.start, clauses)]
            out.append(Negation(f, c, c, True))
        elif f.word in before:
            p = phrases[span_of(f.start, phrases)]
            out.append(Negation(f, Span(f.end, p.end), Span(f.start, p.end), False))
        # else: 不断, 无论 … negate nothing
    return out


def split_negated(text: str, rules: RehearsalRules) -> Polarity:
    """``text`` apart into what it says plainly and what it negates (see the module)."""
    s = text
    found = negations(s, rules)
    blanked = list(s)
    for n in found:
        for i in range(n.word.start, n.word.end):
            blanked[i] = "|"
    negated: list[Negated] = []
    plain = list(blanked)
    for n in found:
        start, end = n.governed.start, n.governed.end
        part = "".join(blanked[start:end])
        if part.strip("| "):
            negated.append(Negated(part, as_shown(s[n.shown.start : n.shown.end])))
        for i in range(start, end):
            plain[i] = "|"
    return Polarity("".join(plain), tuple(negated))


def as_shown(text: str) -> str:
    """A stretch of an answer as it is shown: NFKC turned "，" into ","; Chinese text gets its
    marks back."""
    text = re.sub(r"\|+", "…", text).strip(" …")  # where a hard term was taken out
    if re.search(r"[\u4e00-\u9fff]", text):
        text = text.replace(",", "，").replace(";", "；").replace(":", "：")
    return text


# -- scope -----------------------------------------------------------------------------------------


def scope_words(text: str, rules: RehearsalRules) -> list[tuple[Found, Scope]]:
    """The scope words in ``text`` with the scope each names."""
    own = set(rules.scope_own)
    found = find_words(case_blind(text), (*rules.scope_own, *rules.scope_company))
    return [(f, Scope.OWN if f.word in own else Scope.COMPANY) for f in found]


# -- objectives ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Naming:
    """How a declared objective is recognised in an answer: its kind (the kind's first name, or
    its own words) and its qualifier ("申请", "" for none)."""

    kind: str
    qualifier: str
    words: tuple[str, ...]  # the words that name its kind in an answer


def naming(declared_name: str, rules: RehearsalRules) -> Naming | None:
    """How an objective declared as ``declared_name`` is named in answers; None when its name is
    only filler (nothing to recognise)."""
    s = nfkc(declared_name).lower()  # answers are read case-blind (see ``mentions``)
    for word in sorted(rules.objective_filler, key=len, reverse=True):
        s = s.replace(word, "")
    s = s.strip()
    if not s:
        return None
    synonyms = [(w, k) for k in rules.objective_kinds for w in k.names]
    found = find_words(s, (w for w, _k in synonyms))
    qualifier = next(iter(find_words(s, rules.qualifiers)), None)
    q = qualifier.word if qualifier else ""
    if found:
        kind = next(k for w, k in synonyms if w == found[0].word)
        return Naming(kind.name, q, kind.names)
    return Naming(s, q, (s,))


@dataclass(frozen=True, slots=True)
class Mention:
    """A name of an objective said in an answer, with the qualifier said with it."""

    found: Found
    kind: str
    qualifier: str


def mentions(text: str, namings: Iterable[Naming], rules: RehearsalRules) -> list[Mention]:
    """Every objective name said in ``text``: the kinds of the rules and the own words of
    ``namings``; each with a qualifier said right after it (or right before it) in its phrase."""
    by_word: dict[str, str] = {}
    for k in rules.objective_kinds:
        for w in k.names:
            by_word.setdefault(w, k.name)
    for n in namings:
        for w in n.words:
            by_word.setdefault(w, n.kind)
    phrases = spans(text, rules.clause_marks + rules.phrase_marks)
    out: list[Mention] = []
    for f in find_words(case_blind(text), by_word):
        p = phrases[span_of(f.start, phrases)]
        window = re.split(r"[\d%]", text[f.end : min(p.end, f.end + 6)], maxsplit=1)[0]
        after = find_words(window, rules.qualifiers)
        before = find_words(text[max(p.start, f.start - 4) : f.start], rules.qualifiers)
        q = after[0].word if after else (before[-1].word if before else "")
        end = f.end + after[0].end if after and after[0].start == 0 else f.end
        out.append(Mention(Found(f.start, end, f.word), by_word[f.word], q))
    return out


__all__ = [
    "Found",
    "Mention",
    "Naming",
    "Negated",
    "Negation",
    "ObjectiveKind",
    "Polarity",
    "RehearsalRules",
    "RulesError",
    "Scope",
    "Span",
    "as_shown",
    "case_blind",
    "default_rules",
    "find_words",
    "items_of",
    "mentions",
    "naming",
    "negations",
    "parse_rules",
    "scope_words",
    "span_of",
    "spans",
    "split_negated",
    "tie",
]
