"""Data texts (findings, department names) for the findings views and charts.

Widget strings go through Qt's translators; texts that carry both languages (``Text``) are shown in
``i18n.language()``, the language the application applied.
"""

from __future__ import annotations

from ipaudit.domain.model import Text
from ipaudit.ui import i18n


def pick(text: Text) -> str:
    """The text in the UI language (falling back to the other language when empty)."""
    lang = i18n.language()
    return text.get(lang) or text.get("zh" if lang == "en" else "en")


def short_name(name: str) -> str:
    """A department name without its parenthesised explanation, for narrow places."""
    for mark in ("（", " ("):
        head, sep, _ = name.partition(mark)
        if sep and head.strip():
            return head.strip()
    return name
