"""The one bilingual text type: what the user reads, in Simplified Chinese and English.

It sits below every layer (like ``ipaudit.errors``) so that errors, the domain, the ledgers and
the GUI hold user-facing texts the same way; ``ipaudit.domain.model.Text`` is this class.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Text:
    """A user-facing text in both languages; ``get(lang)`` picks one ("en…" English, else Chinese)."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang.startswith("en") else self.zh


def counted(n: int, one: str, many: str = "", *, grouped: bool = False) -> str:
    """``n`` and an English noun in its number: ``counted(1, "question")`` is "1 question",
    ``counted(8, "question")`` "8 questions", ``counted(2, "entry", "entries")`` "2 entries",
    ``counted(1, "file matches", "files match")`` "1 file matches". ``grouped``: thousands
    separated, ``counted(12000, "row", grouped=True)`` "12,000 rows".
    (Chinese has one form: write "{n} 个问题".)

    Never write "{n} items" or "item(s)" in a message: tests/unit/test_counted_strings.py looks
    for them in the services and the command line."""
    shown = f"{n:,}" if grouped else str(n)
    return f"{shown} {one if n == 1 else (many or one + 's')}"
