"""Finding a department by its name: the one reading of what a user typed and of what a
document's cell writes.

``DepartmentNames`` is built once from the workspace's departments and answers two questions:

* ``exact(text)`` — the department a user named by its key, its Chinese or its English name
  (NFKC, width, case, spaces and punctuation do not matter: "ＲＮＤ", "研 发 部", "r&d");
* ``find(text)`` — the department a certification body's list, a nonconformity report or an HR
  sheet names, as loosely as such documents write it: "研发", "研发部门", "R&D", "rnd",
  "Research & Development Dept.", "技术研发部".

Both go in tiers, tightest first, and the first tier any department fits decides: the key as
written, a name as written, the key or a name normalised; then (``find`` only) a name without
its suffix (部 / 部门 / Dept.) or an English name by its initials; then one name inside the
other (Chinese: two characters at least; English: whole words); then one without its suffix
inside the other ("研发中心"); then, for English text of three letters or more, one inside the
other letter by letter ("Admin", "Prod"). A text two departments
fit in the deciding tier is ambiguous and finds nothing: guessing the first would file a line
or an action under the wrong department without anyone seeing it.

Merges are followed: a merged department's names find the department it was merged into. A
department the company does not have (``absent``) is found only when the index is built with
``absent=True``; otherwise its names find nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ipaudit.domain.checks import follow_merges
from ipaudit.domain.model import Department
from ipaudit.domain.normalize import nfkc, normalize_text

#: what a name may end with and still name the same department ("研发部门", "R&D Dept.")
SUFFIXES: tuple[str, ...] = ("department", "dept", "部门", "部")
#: English words that carry nothing in a department's name
_FILLER = frozenset({"and", "of", "the", "for"})
_SUFFIX_WORDS = frozenset({"department", "departments", "dept", "depts"})
#: an English text found letter by letter inside a name is this long at least ("Admin")
MIN_LATIN_PART = 3
#: a Chinese text found inside a name (or a name inside it) is this long at least ("研发")
MIN_CHINESE_PART = 2
#: a single word read as initials ("RND", "HR") is this long at most
MAX_INITIALS = 5

_WORD = re.compile(r"[^\W_]+")


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) == "W"


def has_chinese(text: str) -> bool:
    return any(_wide(ch) for ch in text)


def core(norm: str) -> str:
    """A normalised name without its department suffix ("研发部门" → "研发"); the name itself
    when nothing would be left."""
    for suffix in SUFFIXES:
        if norm.endswith(suffix) and len(norm) > len(suffix):
            return norm[: -len(suffix)]
    return norm


def words(text: str) -> tuple[str, ...]:
    """The English (non-Chinese) words of ``text``, folded, without filler words and a trailing
    "Dept." ("Research & Development Dept." → research, development; "R&D" → r, d)."""
    found: list[str] = []
    for run in _WORD.findall(nfkc(text).casefold()):
        part = ""
        for ch in run:  # a Chinese character ends an English word ("IT部" → it)
            if _wide(ch):
                if part:
                    found.append(part)
                part = ""
            else:
                part += ch
        if part:
            found.append(part)
    kept = [w for w in found if w not in _FILLER]
    while len(kept) > 1 and kept[-1] in _SUFFIX_WORDS:
        kept.pop()
    return tuple(kept)


def _letters(ws: tuple[str, ...]) -> str:
    """Words that read as initials: single letters ("R&D") or one short word ("RND")."""
    if len(ws) >= 2 and all(len(w) == 1 for w in ws):
        return "".join(ws)
    if len(ws) == 1 and len(ws[0]) <= MAX_INITIALS:
        return ws[0]
    return ""


def _initials(ws: tuple[str, ...]) -> str:
    return "".join(w[0] for w in ws) if len(ws) >= 2 else ""


def _within(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """``short`` appears in ``long`` as consecutive whole words."""
    n = len(short)
    return 0 < n <= len(long) and any(long[i : i + n] == short for i in range(len(long) - n + 1))


@dataclass(frozen=True, slots=True)
class _Spelling:
    """One way a department is written (its key, its Chinese or its English name)."""

    literal: str
    norm: str
    core: str
    words: tuple[str, ...]
    is_key: bool

    @classmethod
    def of(cls, text: str, *, is_key: bool = False) -> _Spelling:
        norm = normalize_text(text)
        return cls(text, norm, core(norm), words(text), is_key)


@dataclass(frozen=True, slots=True)
class _Text:
    """The text looked for, read once."""

    literal: str
    norm: str
    core: str
    words: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> _Text:
        norm = normalize_text(text)
        return cls(text.strip(), norm, core(norm), words(text))


def _same_key(t: _Text, s: _Spelling) -> bool:
    return s.is_key and t.literal == s.literal


def _same_name(t: _Text, s: _Spelling) -> bool:
    return not s.is_key and t.literal == s.literal


def _same_norm(t: _Text, s: _Spelling) -> bool:
    return bool(t.norm) and t.norm == s.norm


def _same_core(t: _Text, s: _Spelling) -> bool:
    if t.core and t.core == s.core:
        return True
    if t.words and s.words and "".join(t.words) == "".join(s.words):  # "R and D" / "R&D"
        return True
    mine, theirs = _letters(t.words), _letters(s.words)
    return bool(
        (len(mine) >= 2 and mine == _initials(s.words))
        or (len(theirs) >= 2 and theirs == _initials(t.words))
    )


def _chinese_inside(pairs: Iterable[tuple[str, str]]) -> bool:
    return any(
        len(part) >= MIN_CHINESE_PART and has_chinese(part) and part in whole
        for part, whole in pairs
    )


def _inside(t: _Text, s: _Spelling) -> bool:
    """One whole inside the other: Chinese by characters ("研发部" in "技术研发部"), English by
    whole words ("IP team" in "IP management body (IP team)")."""
    if t.norm in SUFFIXES:  # "部门" alone is a heading's word, not a department
        return False
    if _chinese_inside(((t.norm, s.norm), (s.norm, t.norm))):
        return True
    for short, long in ((t.words, s.words), (s.words, t.words)):
        if sum(map(len, short)) >= 2 and _within(short, long):
            return True
    return False


def _core_inside(t: _Text, s: _Spelling) -> bool:
    """One without its suffix inside the other ("研发" in "研发中心", "研发" for 研发部)."""
    if t.norm in SUFFIXES:
        return False
    return _chinese_inside(((t.core, s.norm), (s.core, t.norm)))


def _inside_letters(t: _Text, s: _Spelling) -> bool:
    """English letter by letter ("admin" in "hrandadministration"; the English part of a text
    that has Chinese too); not a key, not a Chinese name."""
    if s.is_key or has_chinese(s.norm) or t.norm in SUFFIXES:
        return False
    latin = "".join(ch for ch in t.norm if not _wide(ch))
    pairs = ((core(latin), s.norm), (latin, s.norm), (s.core, latin), (s.norm, latin))
    return any(len(part) >= MIN_LATIN_PART and part in whole for part, whole in pairs)


_Test = Callable[[_Text, _Spelling], bool]
EXACT_TIERS: tuple[_Test, ...] = (_same_key, _same_name, _same_norm)
LOOSE_TIERS: tuple[_Test, ...] = (_same_core, _inside, _core_inside, _inside_letters)


@dataclass(frozen=True, slots=True)
class DepartmentNames:
    """The departments' spellings, each leading to the department it names now (merges
    followed). Build it with ``DepartmentNames.build``."""

    spellings: tuple[tuple[str, _Spelling], ...]  # (the department it finds, a spelling)
    #: the departments a user may choose from (active ones; absent ones too when findable)
    choices: tuple[Department, ...]

    @classmethod
    def build(cls, departments: Iterable[Department], *, absent: bool = False) -> DepartmentNames:
        """The index of ``departments`` (all of the workspace's, merged and absent ones
        included: merges are followed here). ``absent``: a department the company does not
        have may be found (its key is returned; the caller decides what it means)."""
        deps = {d.key: d for d in departments}
        spellings: list[tuple[str, _Spelling]] = []
        for d in deps.values():
            end = follow_merges(d.key, deps)
            target = deps.get(end)
            if target is None or target.merged_into or (target.absent and not absent):
                continue
            spellings.append((end, _Spelling.of(d.key, is_key=True)))
            spellings += [
                (end, _Spelling.of(n)) for n in dict.fromkeys((d.name.zh, d.name.en)) if n
            ]
        choices = tuple(d for d in deps.values() if not d.merged_into and (absent or not d.absent))
        return cls(tuple(spellings), choices)

    def _tiers(self, text: str, tiers: Iterable[_Test]) -> str:
        t = _Text.of(text)
        if not t.literal or not t.norm:
            return ""
        for fits in tiers:
            found = {key for key, s in self.spellings if fits(t, s)}
            if found:
                return found.pop() if len(found) == 1 else ""  # two departments: ambiguous
        return ""

    def exact(self, text: str) -> str:
        """The department a user named by its key or its Chinese or English name ("" when none
        or when the text names two departments)."""
        return self._tiers(text, EXACT_TIERS)

    def find(self, text: str) -> str:
        """The department a document's text names, as loosely as documents write it ("" when
        none fits, or when two fit equally: ambiguous)."""
        return self._tiers(text, EXACT_TIERS + LOOSE_TIERS)
