"""The translation command: every string of the shell has its Chinese, helpers keep their context."""

from __future__ import annotations

import importlib.util
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]
SHELL_MODULES = [
    p for p in sorted((ROOT / "ipaudit" / "ui").glob("*.py")) if p.name != "__init__.py"
]


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ipaudit_i18n_tool", ROOT / "tools" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_every_shell_string_is_translated(tool: ModuleType, tmp_path: Path) -> None:
    ts = tmp_path / "shell.ts"
    tool.run_lupdate(SHELL_MODULES, ts)
    glossaries = tool.load_glossaries(tool.GLOSSARY_DIR)
    missing = tool.fill(ts, glossaries, tool.helper_contexts(SHELL_MODULES))
    assert missing == [], "add them to ipaudit/resources/i18n/zh_CN/shell.yaml"
    contexts = {c.findtext("name") for c in ET.parse(ts).getroot().findall("context")}
    assert {"MainWindow", "MainMenus", "WelcomePage", "commands"} <= contexts
    assert "" not in contexts  # module-level tr() helpers were given their real context


def test_the_built_catalogue_translates_the_shell(tool: ModuleType, qapp) -> None:
    translator = QTranslator()
    assert translator.load(str(tool.QM_FILE))
    assert translator.translate("MainMenus", "&File") == "文件(&F)"
    assert translator.translate("commands", "Answer “%1”") == "回答“%1”"
    assert translator.translate("DepartmentListModel", "Merged into %1") == "已合并到 %1"
    assert QCoreApplication.translate("MainMenus", "&File") == "&File"  # not installed here


def test_a_package_glossary_wins_for_its_own_files(tool: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "shell.yaml").write_text('"Remove": "移除"\n', "utf-8")
    (tmp_path / "facts.yaml").write_text(
        '"Remove": "删除"\nPolicyPage:\n  "Policy": "方针"\n', "utf-8"
    )
    glossaries = tool.load_glossaries(tmp_path)
    facts_file = tool.UI_DIR / "facts" / "policy_page.py"
    assert tool.package_of(facts_file) == "facts"
    assert tool.package_of(tool.UI_DIR / "main_window.py") == "shell"
    assert tool.translate(glossaries, "facts", "X", "Remove") == "删除"
    assert tool.translate(glossaries, "shell", "X", "Remove") == "移除"
    assert tool.translate(glossaries, "checklist", "X", "Remove") == "移除"  # shell next
    assert tool.translate(glossaries, "facts", "PolicyPage", "Policy") == "方针"
    assert tool.translate(glossaries, "facts", "Other", "Policy") is None


def test_a_broken_glossary_is_reported(tool: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text('"Remove": [1, 2]\n', "utf-8")
    with pytest.raises(tool.GlossaryError, match=r"bad\.yaml"):
        tool.load_glossaries(tmp_path)


def test_committed_translations_match_the_sources(tool: ModuleType) -> None:
    """Every string in the code is in the committed .ts with a translation, and the .qm is built
    from it (tools/i18n.py regenerates both)."""
    assert tool.main(["--check"]) == 0
