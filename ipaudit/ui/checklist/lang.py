"""The UI language for text that comes from data (template titles, department names, messages).

Widget strings go through Qt's translators; data carries both languages (``Text``) and is shown in
the language of the default ``QLocale``, which the application sets when it applies a language
(English when it is English, Simplified Chinese otherwise).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QLocale

from ipaudit.domain.model import Text


def ui_lang() -> str:
    """ "en" or "zh"."""
    return "en" if QLocale().language() == QLocale.Language.English else "zh"


def text_of(text: Text | None, lang: str | None = None) -> str:
    if text is None:
        return ""
    return text.get(lang or ui_lang())


def fill(template: str, *args: object) -> str:
    """Qt-style ``%1``…``%9`` placeholders filled in one pass (a value may itself contain ``%2``)."""
    return re.sub(
        r"%([1-9])",
        lambda m: str(args[int(m.group(1)) - 1]) if int(m.group(1)) <= len(args) else m.group(0),
        template,
    )
