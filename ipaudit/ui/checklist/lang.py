"""Texts that come from data (template titles, department names, messages) in the UI language.

Widget strings go through Qt's translators; data carries both languages (``Text``) and is shown in
``i18n.language()``, the language the application applied.
"""

from __future__ import annotations

import re

from ipaudit.domain.model import Text
from ipaudit.ui import i18n


def text_of(text: Text | None, lang: str | None = None) -> str:
    if text is None:
        return ""
    return text.get(lang or i18n.language())


def fill(template: str, *args: object) -> str:
    """Qt-style ``%1``…``%9`` placeholders filled in one pass (a value may itself contain ``%2``)."""
    return re.sub(
        r"%([1-9])",
        lambda m: str(args[int(m.group(1)) - 1]) if int(m.group(1)) <= len(args) else m.group(0),
        template,
    )
