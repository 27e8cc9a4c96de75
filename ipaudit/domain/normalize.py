"""Normalising answers and declared facts before they are compared.

"23人", "２３", " 23 " and "二十三人" all mean 23 (numbers are read by :mod:`ipaudit.domain.numbers`,
the only number reader); policy wording is compared without punctuation,
spacing or width differences.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from ipaudit.domain.numbers import stated

_PUNCT_CATEGORIES = ("P", "S", "Z", "C")  # punctuation, symbols, separators, control


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "")


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal or a spreadsheet: wide East Asian characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def normalize_text(text: str) -> str:
    """Wording only: NFKC, case-folded, without punctuation, symbols and white space."""
    folded = nfkc(text).casefold()
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] not in _PUNCT_CATEGORIES)


def numbers_in(text: str) -> list[Decimal]:
    """Every quantity an answer states, Arabic (any width) or Chinese numerals, in order; years,
    dates and ordinals ("2026年", "11月", "第3") are left out."""
    return stated(text)


# -- key terms -------------------------------------------------------------------------------------

# Words that carry no meaning of their own in a duties or policy text (function words, and the
# verbs every duty starts with): a one-word answer such as "负责" covers nothing.
STOP_WORDS: tuple[str, ...] = tuple(
    sorted(
        {
            "的",
            "地",
            "得",
            "和",
            "与",
            "及",
            "以及",
            "并",
            "并且",
            "或",
            "或者",
            "等",
            "等等",
            "对",
            "对于",
            "为",
            "是",
            "在",
            "了",
            "将",
            "把",
            "由",
            "其",
            "该",
            "各",
            "各项",
            "负责",
            "主要",
            "包括",
            "进行",
            "开展",
            "做好",
            "协助",
            "配合",
            "有关",
            "相关",
            "工作",
            "公司",
            "本公司",
            "部门",
            "本部门",
            "我们",
            "我",
            "一些",
            "所有",
            "全部",
            "the",
            "and",
            "or",
            "of",
            "to",
            "for",
            "in",
            "on",
            "a",
            "an",
            "with",
            "by",
            "is",
            "are",
            "be",
            "our",
            "we",
            "its",
            "their",
            "all",
            "responsible",
            "related",
        },
        key=len,
        reverse=True,
    )
)
TERM_COVERAGE = 0.6  # share of the key terms an answer must cover
BIGRAM_COVERAGE = 0.6  # share of a term's character pairs an answer must contain to cover it
_SEGMENT_RE = re.compile(r"[a-z0-9]+|[^\sa-z0-9]+")


def _strip_stop_words(segment: str) -> list[str]:
    """Split a run of CJK text at its stop words."""
    parts = [segment]
    for word in STOP_WORDS:
        if not word.isascii():
            parts = [p for part in parts for p in part.split(word)]
    return [p for p in parts if p]


def key_terms(text: str) -> list[str]:
    """The key terms of a declared text: its phrases without punctuation and stop words (CJK
    phrases of at least two characters, Latin words of at least two letters)."""
    folded = nfkc(text).casefold()
    cleaned = "".join(
        ch if unicodedata.category(ch)[0] not in _PUNCT_CATEGORIES else " " for ch in folded
    )
    terms: list[str] = []
    for chunk in cleaned.split():
        for seg in _SEGMENT_RE.findall(chunk):
            if seg.isascii():
                if len(seg) >= 2 and seg not in STOP_WORDS:
                    terms.append(seg)
            else:
                terms.extend(p for p in _strip_stop_words(seg) if len(p) >= 2)
    return list(dict.fromkeys(terms))


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def term_covered(term: str, answer_terms: list[str]) -> bool:
    """Whether the answer's terms cover ``term``: present as it is, or (Chinese wording in another
    order) enough of its character pairs present."""
    joined = "|".join(answer_terms)
    if term in joined:
        return True
    if term.isascii():
        return False
    pairs = _bigrams(term)
    have = set().union(*(_bigrams(t) for t in answer_terms)) if answer_terms else set()
    return bool(pairs) and len(pairs & have) >= BIGRAM_COVERAGE * len(pairs)
