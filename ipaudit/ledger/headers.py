"""Reading a header cell the ways finance departments write it.

A header is tried as written first (``synonyms.header_key``), then in weaker forms, each with the
strength the match counts for:

- without notes in brackets: "金额（含税）", "姓名[必填]", "日期【发放】" → 金额, 姓名, 日期;
- joined to its parent in a two-level header: "奖金" over "金额" → "奖金金额" (and "金额" over
  "借方" → "借方金额");
- part by part when two names are joined: "姓名/工号", "专利号或登记号", "日期及凭证号", "Name & ID";
- with confusable characters replaced (``confusables`` in the synonyms file): "金頟" → "金额";
- one letter away from a synonym (English and headers of three or more characters): "ammount".

``header_candidates`` lists these keys in that order; the layout takes the first that a ledger's
synonyms know.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

from ipaudit.ledger.synonyms import Synonyms, header_key

EXACT = 1.0
NOTE_REMOVED = 1.0
WITH_PARENT = 0.95
PARENT_ONLY = 0.9
PART = 0.9
CONFUSABLE = 0.8
TYPO = 0.7

_OPEN = "([{【〔〖<《「『"
_CLOSE = ")]}】〕〗>》」』"
_NOTE_RE = re.compile(f"[{re.escape(_OPEN)}][^{re.escape(_OPEN + _CLOSE)}]*[{re.escape(_CLOSE)}]")
_JOIN_RE = re.compile(r"\s+(?:and|or)\s+|[/、|&+;,]|以及|或者|或|及|和")
_SPACE_RE = re.compile(r"\s+")


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def strip_notes(text: str) -> str:
    """The header without its notes in brackets ("金额（含税）" → "金额")."""
    whole = core = _nfkc(text)
    while True:  # notes inside notes
        shorter = _NOTE_RE.sub("", core)
        if shorter == core:
            break
        core = shorter
    return core if _SPACE_RE.sub("", core) else whole


def header_parts(text: str) -> list[str]:
    """The names a compound header joins ("专利号或登记号" → ["专利号", "登记号"])."""
    core = strip_notes(text)
    parts = [p for p in (_SPACE_RE.sub("", x) for x in _JOIN_RE.split(core)) if p]
    return parts if len(parts) > 1 else []


def fix_confusables(key: str, syn: Synonyms) -> str:
    """The key with characters finance staff confuse replaced by the ones they meant."""
    table = syn.confusables
    return "".join(table.get(ch, ch) for ch in key) if table else key


def one_edit_apart(a: str, b: str) -> bool:
    """True when ``a`` becomes ``b`` by one inserted, deleted, replaced or swapped character."""
    la, lb = len(a), len(b)
    if abs(la - lb) > 1 or a == b:
        return False
    if la == lb:
        diffs = [i for i in range(la) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    if la > lb:
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


def _typo_allowed(key: str) -> bool:
    return len(key) >= (4 if key.isascii() else 3)


def header_candidates(
    text: str, parent: str = "", syn: Synonyms | None = None
) -> list[tuple[str, float]]:
    """The keys to look a header cell up by, strongest first, each with its strength.

    ``parent`` is the text above the cell in a two-level header (already spread over the columns
    a merged parent covers). Typos are not listed here (they need the synonyms: ``typo_match``).
    """
    out: list[tuple[str, float]] = []
    seen: set[str] = set()

    def add(key: str, strength: float) -> None:
        if key and key not in seen:
            seen.add(key)
            out.append((key, strength))

    own = header_key(text) if text else ""
    core = header_key(strip_notes(text)) if text else ""
    add(own, EXACT)
    add(core, NOTE_REMOVED)
    if parent:
        parent_core = header_key(strip_notes(parent))
        if core:
            add(parent_core + core, WITH_PARENT)
            add(core + parent_core, WITH_PARENT)
        else:
            add(parent_core, PARENT_ONLY)
    for part in header_parts(text) if text else []:
        add(header_key(part), PART)
    if syn is not None and syn.confusables:
        for key, strength in list(out):
            add(fix_confusables(key, syn), min(strength, CONFUSABLE))
    return out


def typo_match(key: str, known: Mapping[str, object]) -> str | None:
    """The one key of ``known`` that ``key`` misses by a single character, if exactly one."""
    if not _typo_allowed(key):
        return None
    kept = _BY_LENGTH.get(id(known))
    if kept is None or kept[0] is not known:
        index: dict[int, list[str]] = {}
        for k in known:
            if _typo_allowed(k):
                index.setdefault(len(k), []).append(k)
        kept = _BY_LENGTH[id(known)] = (known, index, {})
    index, answers = kept[1], kept[2]
    if key in answers:
        return answers[key]
    n = len(key)
    found = {
        k for length in (n - 1, n, n + 1) for k in index.get(length, ()) if one_edit_apart(key, k)
    }
    answer = found.pop() if len(found) == 1 else None
    if len(answers) < 50_000:
        answers[key] = answer
    return answer


# per synonym table (kept to check identity): its typo-eligible keys by length, and the answers
_Kept = tuple[Mapping[str, object], dict[int, list[str]], dict[str, "str | None"]]
_BY_LENGTH: dict[int, _Kept] = {}


def spread_parent(
    row: list[str], parent_row_index: int, merged: Iterable[tuple[int, int, int, int]]
) -> list[str]:
    """The parent header row with each merged cell's text copied over the columns it covers."""
    spread = list(row)
    for r0, c0, r1, c1 in merged:
        if r0 <= parent_row_index <= r1 and c1 > c0 and c0 < len(spread):
            text = spread[c0]
            for c in range(c0 + 1, c1 + 1):
                if c >= len(spread):
                    spread.extend([""] * (c + 1 - len(spread)))
                if not spread[c]:
                    spread[c] = text
    return spread
