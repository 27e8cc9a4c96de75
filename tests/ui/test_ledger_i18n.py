"""Every string of the ledger views is in the Chinese glossary, the catalogue command finds them in
their real contexts, and the views follow a language switch without restart."""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from PySide6.QtCore import QCoreApplication, Qt, QTranslator

from ipaudit.ledger.model import LedgerKind
from ipaudit.ui.ledger.import_wizard import LedgerImportWizard
from ipaudit.ui.ledger.reconciliation_view import LEDGERS_TAB, ReconciliationView

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "ipaudit" / "ui" / "ledger").glob("*.py"))
GLOSSARY = ROOT / "ipaudit" / "resources" / "i18n" / "zh_CN" / "ledger.yaml"


def source_strings() -> set[str]:
    found: set[str] = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func, arg = node.func, node.args[0]
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name == "tr" and isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.add(arg.value)
    return found


def glossary() -> dict[str, str]:
    return yaml.safe_load(GLOSSARY.read_text("utf-8"))


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ipaudit_i18n_tool", ROOT / "tools" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_glossary_covers_every_string_and_keeps_placeholders():
    strings = source_strings()
    table = glossary()
    assert len(strings) > 120
    assert strings - set(table) == set()
    assert set(table) - strings == set()  # no stale entries
    for english, chinese in table.items():
        assert chinese.strip(), english
        assert sorted(re.findall(r"%\d", english)) == sorted(re.findall(r"%\d", chinese)), english
        if re.search(r"&\w", english):
            assert re.search(r"\(&\w\)", chinese), english  # keyboard mnemonic kept


def test_the_catalogue_command_finds_every_string_in_its_context(tool, tmp_path):
    ts = tmp_path / "ledger.ts"
    tool.run_lupdate(SOURCES, ts)
    missing = tool.fill(ts, tool.load_glossaries(tool.GLOSSARY_DIR), tool.helper_contexts(SOURCES))
    assert missing == []
    contexts = {c.findtext("name") for c in ET.parse(ts).getroot().findall("context")}
    assert {"ledger", "ledger_commands", "ReconciliationView", "MappingWidget"} <= contexts
    assert "" not in contexts  # module-level tr() helpers were given their real context


class GlossaryTranslator(QTranslator):
    """Answers from the glossary (the shipped .qm is built from the same file)."""

    def __init__(self) -> None:
        super().__init__()
        self.table = glossary()

    def translate(self, context, source_text, disambiguation=None, n=-1):
        return self.table.get(source_text, "")

    def isEmpty(self) -> bool:
        return False


def test_the_views_follow_a_language_switch(qtbot, session):
    view = ReconciliationView(session)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        view.show()
    wizard = LedgerImportWizard(session)
    qtbot.addWidget(wizard)
    assert view.tabs.tabText(LEDGERS_TAB) == "Ledgers and discrepancies"
    assert wizard.windowTitle() == "Import a ledger"
    translator = GlossaryTranslator()
    app = QCoreApplication.instance()
    app.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: view.tabs.tabText(LEDGERS_TAB) == "台账与差异")
        assert view.export_button.text() == "导出当前视图为 xlsx(&X)…"
        rewards = view.tables.models[LedgerKind.REWARDS]
        assert rewards.headerData(0, Qt.Orientation.Horizontal) == "行"
        assert "差异" in view.discrepancies.title.text()
        assert wizard.windowTitle() == "导入台账"
        assert wizard.file_page.title() == "选择台账文件"
        assert wizard.preview_page.mapping.kind_combo.itemText(0) == "奖惩记录表"
    finally:
        app.removeTranslator(translator)
    qtbot.waitUntil(lambda: view.tabs.tabText(LEDGERS_TAB) == "Ledgers and discrepancies")
    assert wizard.windowTitle() == "Import a ledger"
