"""Which language user-facing data (findings, department names) is shown in.

Widget strings go through Qt's translators; texts that carry both languages (``Text``) pick one with
``ui_language()``. The application sets the default ``QLocale`` to the chosen language; when the
default locale is neither Chinese nor English (the "C" locale of a bare system), the ``IPAUDIT_LANG``
environment variable decides, and Chinese is the default.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QLocale

from ipaudit.domain.model import Text


def ui_language() -> str:
    """ "zh" or "en"."""
    language = QLocale().language()
    if language == QLocale.Language.Chinese:
        return "zh"
    if language == QLocale.Language.English:
        return "en"
    return "en" if os.environ.get("IPAUDIT_LANG", "zh").lower().startswith("en") else "zh"


def pick(text: Text) -> str:
    """The text in the UI language (falling back to the other language when empty)."""
    lang = ui_language()
    return text.get(lang) or text.get("zh" if lang == "en" else "en")


def short_name(name: str) -> str:
    """A department name without its parenthesised explanation, for narrow places."""
    for mark in ("（", " ("):
        head, sep, _ = name.partition(mark)
        if sep and head.strip():
            return head.strip()
    return name
