"""Counted UI strings: one source ``tr("%n file(s)", "", n)``, its Chinese from the glossary and
its English singular and plural from ipaudit_en.qm, so English never shows "(s)"."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QCoreApplication

from ipaudit.ui import i18n
from ipaudit.ui.actions.actions_view import ActionsView
from ipaudit.ui.findings.findings_panel import FindingsPanel
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


# --- a count in %1…%9 before a plural noun reads "1 files" in English ---------------------------

UI = Path(__file__).resolve().parents[2] / "ipaudit" / "ui"

#: Words that may follow a name or a number in a UI string without being a plural noun: a verb
#: after a name ("%1 was removed", "%1 stays as it was") or a pronoun ("%1 with its header").
NOT_NOUNS = frozenset({"as", "has", "is", "its", "stays", "this", "was"})
#: Words that end the noun phrase after a count ("%1 of %n items", "%5 with problems").
STOP = frozenset({"above", "and", "at", "from", "in", "of", "on", "or", "the", "to", "with"})
#: (context or file, source) of a tr() string whose count in %1…%9 is never 1, with the reason.
#: Empty: every count of the UI is written as a counted string.
NEVER_ONE: dict[tuple[str, str], str] = {}


def _plural_after(text: str, mark: str) -> list[str]:
    """The plural nouns that follow a count written as ``mark`` ("%[1-9]" or "%n") in text."""
    found = []
    for m in re.finditer(mark + r"((?: [A-Za-z-]+){1,3})", text):
        for word in m.group(1).split():
            if word in STOP or word in NOT_NOUNS or not word.islower():
                break
            if len(word) > 2 and word.endswith("s"):
                found.append(word)
                break
    return found


def _tr_calls() -> list[tuple[str, str, int, bool]]:
    """(file, source text, line, counted) of every tr()/translate() call with a literal text in
    ipaudit/ui: self.tr(text[, disambiguation, n]), a module's tr(text[, disambiguation, n]) and
    QCoreApplication.translate(context, text[, disambiguation, n])."""
    calls = []
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            at = {"tr": 0, "translate": 1}.get(name)
            if at is None or len(node.args) <= at:
                continue
            text = node.args[at]
            if isinstance(text, ast.Constant) and isinstance(text.value, str):
                counted = len(node.args) > at + 2 or any(k.arg == "n" for k in node.keywords)
                calls.append((str(path.relative_to(UI)), text.value, node.lineno, counted))
    return calls


def test_no_count_in_a_placeholder_comes_before_a_plural_noun() -> None:
    """ "%2 files" reads "1 files" for one: write the count as %n (tr(text, "", n)), or, with
    several counts, one counted phrase each; never a plural noun after %1…%9."""
    calls = _tr_calls()
    assert len(calls) > 1000  # every UI string of the app, not a handful
    bad = [
        f"{file}:{line}: {text!r} {words}"
        for file, text, line, _counted in calls
        if (words := _plural_after(text, "%[1-9]")) and (file, text) not in NEVER_ONE
    ]
    assert not bad, "\n".join(bad)


def test_the_scan_sees_a_plural_after_a_count() -> None:
    assert _plural_after("Saved %1 (%2 events)", "%[1-9]") == ["events"]
    assert _plural_after("%1 of %2 conditions met", "%[1-9]") == ["conditions"]
    assert _plural_after("Written: %1 — %2 evidence links carried over", "%[1-9]") == ["links"]
    assert _plural_after("%1 was removed from this team workspace.", "%[1-9]") == []
    assert _plural_after("%1 of %n item(s) ready", "%[1-9]") == []
    assert _plural_after("%n entries", "%n") == ["entries"]


def test_a_counted_string_with_a_plural_noun_has_a_singular() -> None:
    """A counted string whose noun has no (s) ("%n entries") needs its English forms in
    en/plurals.yaml, else it reads "1 entries"."""
    forms = {
        (ctx, m.findtext("source") or ""): [f.text or "" for f in m.iter("numerusform")]
        for ctx, m in _messages(I18N / "ipaudit_en.ts")
        if m.tag == "message"
    }
    assert forms[("ProblemsPage", "%n entries")] == ["%n entry", "%n entries"]
    counted = [(file, text) for file, text, _line, counted in _tr_calls() if counted]
    assert len(counted) > 40
    sources = {source for _ctx, source in forms}
    for file, text in counted:
        assert text in sources, f"{file}: {text!r} is not in ipaudit_en.ts: run tools/i18n.py"
    for (ctx, source), (one, many) in forms.items():
        if _plural_after(source, "%n"):
            assert one != many, f"{ctx}: {source!r} reads {one!r} for 1: see en/plurals.yaml"


@pytest.mark.parametrize(
    ("context", "source", "n", "en", "zh"),
    [
        ("ExportDialog", "The pack was written to %1 (%n file(s)).", 1, "(1 file).", "共 1 个文件"),
        ("ExportDialog", "The pack was written to %1 (%n file(s)).", 3, "(3 files).", "共 3 个文件"),
        ("ChecklistView", "%n item(s)", 1, "1 item", "1 个条目"),
        ("ChecklistView", "%n item(s)", 96, "96 items", "96 个条目"),
        ("ProblemsPage", "%n entries", 1, "1 entry", "1 条记录"),
        ("ProblemsPage", "%n entries", 5, "5 entries", "5 条记录"),
        ("DonePage", "Imported %n entries of %1 from %2.", 1, "Imported 1 entry of", "1 条记录"),
        ("NextCycleView", "%n item(s) need refresh", 1, "1 item needs refresh", "1 个条目需更新"),
        ("NextCycleView", "%n item(s) need refresh", 4, "4 items need refresh", "4 个条目需更新"),
        ("VerifyDialog", "All %n file(s) match the manifest: nothing was changed.", 1,
         "1 file matches the manifest", "全部 1 个文件"),
        ("ChecklistTerms", "One for each year of the period (approved up to %n month(s) before)",
         1, "up to 1 month before", "可提前 1 个月批准"),
        ("EvidenceTransfer", "Attach %n file(s)", 2, "Attach 2 files", "添加 2 个文件"),
        ("ledger_commands", "Set the booking window to %n day(s)", 1, "to 1 day", "设为 1 天"),
        ("PacketImportDialog", "%n conflict(s) kept the workspace's value", 1,
         "1 conflict kept", "1 处冲突"),
        ("PushTeamDialog", "The team is set up: a role for each of its %n department(s), and %1"
         " is the compliance manager's login.", 1, "a role for its 1 department,", "1 个部门"),
    ],
)  # fmt: skip
def test_converted_counts_in_both_languages(
    qapp, context: str, source: str, n: int, en: str, zh: str
) -> None:
    tr = QCoreApplication.translate
    for lang, want in (("en", en), ("zh", zh)):
        i18n.set_language(lang)
        try:
            got = tr(context, source, "", n)
            assert want in got, (lang, got)
            assert "(s)" not in got and "%n" not in got
        finally:
            i18n.reset()


def test_the_findings_dock_counts_one_finding(qtbot, session) -> None:
    """A department with one finding: "1 finding" in English, "1 项" in Chinese, and the
    tooltip counts all of them."""
    findings = session.assessment.findings
    per: dict[str, int] = {}
    for f in findings:
        per[f.department] = per.get(f.department, 0) + 1
    one = next(dep for dep, n in per.items() if n == 1)
    several = next(dep for dep, n in per.items() if n > 1)
    panel = FindingsPanel(session)
    qtbot.addWidget(panel)
    try:
        i18n.set_language("en")
        panel.set_department_filter(one)
        assert panel.count_label.text().endswith(" · 1 finding")
        assert panel.count_label.toolTip() == f"1 of {len(findings)} findings"
        panel.set_department_filter(several)
        assert panel.count_label.text().endswith(f" · {per[several]} findings")
        i18n.set_language("zh")
        panel.set_department_filter(one)
        assert panel.count_label.text().endswith(" · 1 项")
        assert panel.count_label.toolTip() == f"显示 1 / 共 {len(findings)} 个问题"
    finally:
        i18n.reset()
