"""The base of expected failures: something the user can act on, said in both languages.

Typed subclasses (the workspace file, exporting a pack …) carry what happened and what to do;
the CLI prints ``message(lang)`` and the GUI shows it in a dialog. Anything else is a bug.
"""

from __future__ import annotations

from pathlib import Path

from ipaudit.text import Text


class UserError(Exception):
    """An expected failure concerning ``path``; ``text`` (``message(lang)``) is what the user reads."""

    code = "error"

    def __init__(self, path: str | Path, zh: str | Text, en: str = "") -> None:
        self.path = str(path)
        self.text = zh if isinstance(zh, Text) else Text(zh, en)
        super().__init__(f"{self.text.en} [{self.path}]")

    @property
    def zh(self) -> str:
        return self.text.zh

    @property
    def en(self) -> str:
        return self.text.en

    def message(self, lang: str = "zh") -> str:
        return self.text.get(lang)
