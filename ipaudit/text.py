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
