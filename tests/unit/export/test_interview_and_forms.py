"""Interview sheets answer from the declared facts and point into the pack; blank forms carry the
template's columns."""

from __future__ import annotations

import docx
import openpyxl

from ipaudit.domain.facts import declared
from ipaudit.export.data import MISSING_RECORD_CODES
from ipaudit.services import Workspace

from .conftest import Exported


def test_one_sheet_per_department_with_official_answers(pack_zh: Exported) -> None:
    with Workspace.open(pack_zh.workspace) as ws:
        deps = ws.departments(active_only=True)
        facts = ws.facts()
        items = {d.key: ws.items_of(d.key) for d in deps}
    folder = pack_zh.path / "访谈准备单"
    sheets = sorted(folder.glob("*.docx"))
    assert len(sheets) == len(deps)
    for dep in deps:
        path = folder / f"访谈准备单-{dep.name.zh}.docx"
        document = docx.Document(str(path))
        common = {r.cells[0].text: r.cells[1].text for r in document.tables[0].rows[1:]}
        if dep.key in facts.headcount:
            assert common["你们部门有多少人？"] == f"{facts.headcount[dep.key]} 人"
        assert common["公司的知识产权方针是什么？"] == facts.policy
        own = [p for p in facts.procedures if p.department == dep.key]
        answer = common["你们执行哪些程序文件？"]
        if own:
            assert answer == "；".join(f"{p.code} {p.title}" for p in own)
        else:  # never the company's whole list in place of the department's own
            assert not any(p.title in answer for p in facts.procedures)
        duties = declared(facts, "duties", dep.key)
        if duties is not None:
            assert common["你们部门的知识产权职责是什么？"] == duties.display
        questions = [(it, q) for it in items[dep.key] for q in it.questions]
        if questions:
            rows = [[c.text for c in r.cells] for r in document.tables[1].rows[1:]]
            assert len(rows) == len(questions)
            for (_item, q), row in zip(questions, rows, strict=True):
                assert row[1] == q.text.zh
                fact = declared(facts, q.fact, dep.key) if q.fact else None
                if fact is not None:
                    assert row[2].startswith(fact.display)
                    assert row[3].startswith(("手册事实", "部门答案与手册不一致"))


def test_records_point_to_files_in_the_pack(pack_zh: Exported) -> None:
    folder = pack_zh.path / "访谈准备单"
    mentioned = 0
    for path in folder.glob("*.docx"):
        document = docx.Document(str(path))
        for row in document.tables[-1].rows[1:]:
            for line in row.cells[3].text.splitlines():
                if "：证据/" in line:
                    rel = "证据/" + line.split("：证据/", 1)[1]
                    assert (pack_zh.path / rel).is_file(), rel
                    mentioned += 1
    assert mentioned > 50


def test_contradicting_answer_is_flagged(pack_zh: Exported) -> None:
    with Workspace.open(pack_zh.workspace) as ws:
        contradictions = [f for f in ws.findings() if f.code == "answer_contradicts_fact"]
        names = {d.key: d.name.zh for d in ws.departments()}
    assert contradictions
    for f in contradictions:
        document = docx.Document(
            str(pack_zh.path / "访谈准备单" / f"访谈准备单-{names[f.department]}.docx")
        )
        sources = [r.cells[3].text for r in document.tables[1].rows[1:]]
        assert any(s.startswith("部门答案与手册不一致") for s in sources)


def test_blank_forms_for_missing_records(pack_zh: Exported) -> None:
    with Workspace.open(pack_zh.workspace) as ws:
        missing = {f.item_key for f in ws.findings() if f.code in MISSING_RECORD_CODES}
        forms = [(ws.item(k), form) for k in sorted(missing) for form in ws.item(k).forms]
    assert forms
    files = sorted((pack_zh.path / "空白表单").rglob("*.*"))
    assert len(files) == len(forms)
    by_title = {p.stem: p for p in files}
    for item, form in forms:
        path = by_title[form.title.zh]
        assert path.suffix == f".{form.format}"
        wanted = [c.zh for c in form.columns]
        if path.suffix == ".xlsx":
            sheet = openpyxl.load_workbook(path).active
            assert sheet["A1"].value == form.title.zh
            header = [c.value for c in sheet[4]][: len(wanted)]
            assert header == wanted
            assert item.title.zh in sheet["A3"].value
        else:
            document = docx.Document(str(path))
            assert [c.text for c in document.tables[0].rows[0].cells] == wanted
