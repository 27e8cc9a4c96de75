"""Counted UI strings: one source ``tr("%n file(s)", "", n)``, its Chinese from the glossary and
its English singular and plural from ipaudit_en.qm, so English never shows "(s)"."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QCoreApplication

from ipaudit.ui import i18n
from ipaudit.ui.actions.actions_view import ActionsView
from tests.ui.helpers import ItemPage

I18N = Path(i18n.I18N_DIR)


def _messages(ts: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(c.findtext("name") or "", m) for c in root.findall("context") for m in c]


def test_every_text_with_a_plural_mark_is_a_counted_string() -> None:
    """A "(s)" in a UI string is only allowed where Qt picks the number (``tr(..., n)``), and the
    English catalogue has a form for 1 and one for more, neither with the mark."""
    marked = [
        (ctx, m.findtext("source"))
        for ctx, m in _messages(I18N / "ipaudit_zh_CN.ts")
        if m.tag == "message" and re.search(r"\((s|es)\)", m.findtext("source") or "")
    ]
    assert marked, "the ledger import's counts are written with (s)"
    counted = {
        (ctx, m.findtext("source")): [f.text or "" for f in m.iter("numerusform")]
        for ctx, m in _messages(I18N / "ipaudit_en.ts")
        if m.tag == "message"
    }
    for key in marked:
        forms = counted.get(key)
        assert forms is not None, f"{key}: write it as tr(text, '', n)"
        assert len(forms) == 2 and not any("(s)" in f or "(es)" in f for f in forms), key


@pytest.mark.parametrize(
    ("lang", "one", "eight"),
    [
        ("en", "Reading 1 file…", "Reading 8 files…"),
        ("zh", "正在读取 1 个文件…", "正在读取 8 个文件…"),
    ],
)
def test_a_count_of_one_and_of_eight(qapp, lang: str, one: str, eight: str) -> None:
    i18n.set_language(lang)
    try:
        tr = QCoreApplication.translate
        assert tr("BatchPage", "Reading %n file(s)…", "", 1) == one
        assert tr("BatchPage", "Reading %n file(s)…", "", 8) == eight
        if lang == "en":  # the verb agrees too (written out in en/plurals.yaml)
            kept = "%n problem(s) are kept with the import; correct the file and import it again"
            kept += " to replace them."
            assert tr("DonePage", kept, "", 1).startswith("1 problem is kept")
            assert tr("DonePage", kept, "", 8).startswith("8 problems are kept")
            assert tr("DonePage", "Undo", "") == "Undo"  # other strings stay as written
    finally:
        i18n.reset()


def _report(path: Path, rows: int) -> Path:
    wb = openpyxl.Workbook()
    sh = wb.active
    sh.append(["序号", "部门", "不符合事实", "条款", "性质"])
    for n in range(1, rows + 1):
        sh.append([n, "研发部", f"项目缺设计阶段检索 {n}", "8.3.2", "一般"])
    wb.save(path)
    return path


@pytest.mark.parametrize(
    ("rows", "said"), [(1, "Import 1 nonconformity"), (8, "Import 8 nonconformities")]
)
def test_the_undo_step_of_an_import_counts_in_english(
    session, qtbot, tmp_path: Path, rows: int, said: str
) -> None:
    i18n.set_language("en")
    page = ItemPage()
    qtbot.addWidget(page)
    view = ActionsView(session, page)
    qtbot.addWidget(view)
    try:
        made = view.import_report(_report(tmp_path / "report.xlsx", rows))
        assert len(made) == rows
        assert session.undo_stack.undoText() == said
    finally:
        i18n.reset()
