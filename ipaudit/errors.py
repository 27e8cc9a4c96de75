"""The base of expected failures: something the user can act on, said in both languages.

Typed subclasses (the workspace file, exporting a pack …) carry what happened and what to do;
the CLI prints ``message(lang)`` and the GUI shows it in a dialog. Anything else is a bug.
"""

from __future__ import annotations

from pathlib import Path


class UserError(Exception):
    """An expected failure concerning ``path``; ``message(lang)`` is what the user reads."""

    code = "error"

    def __init__(self, path: str | Path, zh: str, en: str) -> None:
        self.path = str(path)
        self.zh = zh
        self.en = en
        super().__init__(f"{en} [{self.path}]")

    def message(self, lang: str = "zh") -> str:
        return self.en if lang.startswith("en") else self.zh
