"""Every string of the checklist widgets is in the Chinese glossary, and the widgets follow a
language switch without restart: translated strings and the template's texts both change."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTranslator
from PySide6.QtWidgets import QSplitter

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT / "ipaudit" / "ui" / "checklist"
GLOSSARY = ROOT / "ipaudit" / "resources" / "i18n" / "zh_CN" / "checklist.yaml"


def source_strings() -> set[str]:
    found: set[str] = set()
    for path in SOURCES.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            arg = node.args[0]
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if (
                name in ("tr", "_tr")
                and isinstance(arg, ast.Constant)
                and isinstance(arg.value, str)
            ):
                found.add(arg.value)
    return found


def glossary() -> dict[str, str]:
    return yaml.safe_load(GLOSSARY.read_text("utf-8"))


def test_glossary_covers_every_string_and_keeps_placeholders():
    strings = source_strings()
    table = glossary()
    assert len(strings) > 80
    assert strings - set(table) == set()
    assert set(table) - strings == set()  # no stale entries
    for english, chinese in table.items():
        assert chinese.strip(), english
        assert sorted(re.findall(r"%\d", english)) == sorted(re.findall(r"%\d", chinese)), english
        if "&" in english:
            assert "&" in chinese, english  # keyboard mnemonic kept


class GlossaryTranslator(QTranslator):
    """A translator answering from the glossary (the shipped .qm is built from the same file)."""

    def __init__(self) -> None:
        super().__init__()
        self.table = glossary()

    def translate(self, context, source_text, disambiguation=None, n=-1):
        return self.table.get(source_text, "")

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def english_locale():
    from ipaudit.ui import i18n

    yield lambda: i18n.set_language("en")
    i18n.reset()


def test_language_switch_without_restart(qtbot, session, english_locale):
    from ipaudit.ui.checklist.checklist_model import COL_TITLE
    from ipaudit.ui.checklist.checklist_view import ChecklistView
    from ipaudit.ui.checklist.item_panel import ItemPanel
    from ipaudit.ui.checklist.navigator import DepartmentNavigator

    window = QSplitter()
    nav, view, panel = DepartmentNavigator(session), ChecklistView(session), ItemPanel(session)
    for w in (nav, view, panel):
        window.addWidget(w)
    qtbot.addWidget(window)
    nav.departmentSelected.connect(view.show_department)
    view.itemSelected.connect(panel.show_item)
    nav.select_department("rnd")
    view.select_item("rnd.projects")
    item = session.workspace.template.item("rnd.projects")
    rnd = session.workspace.department("rnd")

    translator = GlossaryTranslator()
    QCoreApplication.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: nav.title.text() == "部门")  # LanguageChange is posted
        assert nav.title.text() == "部门"
        assert view.blocking_only.text() == "只看阻碍项"
        assert view.model.headerData(COL_TITLE, Qt.Orientation.Horizontal) == "条目"
        assert panel.evidence_group.title() == "证据"
        assert panel.evidence_list.add_action.text() == "添加文件…"
        assert panel.status_editor.combo.itemText(0) == "未开始"
        assert panel.title_label.text() == item.title.zh
        assert nav.model.index(nav.model.row_of("rnd")).data() == rnd.name.zh
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: nav.title.text() == "Departments")
    assert panel.title_label.text() == item.title.zh  # data stays Chinese under a Chinese locale

    # the application applies English, then the change is announced (as installing a translator does)
    english_locale()
    QCoreApplication.sendEvent(QCoreApplication.instance(), QEvent(QEvent.Type.LanguageChange))
    qtbot.waitUntil(lambda: panel.title_label.text() == item.title.en)
    assert nav.title.text() == "Departments"
    assert view.blocking_only.text() == "Only what blocks"
    assert panel.evidence_group.title() == "Evidence"
    assert panel.title_label.text() == item.title.en
    assert nav.model.index(nav.model.row_of("rnd")).data() == rnd.name.en
    assert view.model.index_of("rnd.projects").data() == item.title.en
    assert item.sub_records[0].title.en in panel.slot_chooser.sub_record.itemText(0)
