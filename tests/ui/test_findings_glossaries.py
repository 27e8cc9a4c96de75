"""The glossaries of the facts, findings and dashboard views give a Chinese text for every English
string those views translate, with the same placeholders and mnemonics."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = {
    "facts": "ipaudit/ui/facts",
    "findings": "ipaudit/ui/findings",
    "dashboard": "ipaudit/ui/dashboard",
}


def translated_strings(package: Path) -> set[str]:
    """Every literal passed to ``tr(...)`` or ``QCoreApplication.translate(context, ...)``."""
    found: set[str] = set()
    for path in package.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            fn = node.func
            name = fn.attr if isinstance(fn, ast.Attribute) else getattr(fn, "id", "")
            pos = {"tr": 0, "translate": 1}.get(name)
            if pos is None or len(node.args) <= pos:
                continue
            arg = node.args[pos]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add(arg.value)
    return found


@pytest.mark.parametrize("name", sorted(PACKAGES))
def test_glossary_covers_every_translated_string(name):
    glossary = yaml.safe_load(
        (ROOT / "ipaudit/resources/i18n/zh_CN" / f"{name}.yaml").read_text("utf-8")
    )
    strings = translated_strings(ROOT / PACKAGES[name])
    assert strings, "the views translate their strings"
    assert sorted(strings - set(glossary)) == []  # nothing left untranslated
    assert sorted(set(glossary) - strings) == []  # nothing stale
    for english, chinese in glossary.items():
        assert chinese and re.search(r"[\u4e00-\u9fff]", chinese), english
        assert sorted(re.findall(r"%\d", english)) == sorted(re.findall(r"%\d", chinese)), english
        mnemonic = re.search(r"&([A-Za-z])", english.replace("&&", ""))
        if mnemonic:
            assert f"(&{mnemonic.group(1).upper()})" in chinese, english
