"""Interview sheets answer from the declared facts and point into the pack; blank forms carry the
template's columns."""

from __future__ import annotations

import docx
import openpyxl

from ipaudit.domain.facts import declared
from ipaudit.export.data import MISSING_RECORD_CODES
from ipaudit.services import Workspace

from .conftest import Exported


def _table(document, *first: str):
    """The document's table whose header starts with ``first``."""
    for table in document.tables:
        header = [c.text for c in table.rows[0].cells]
        if header[: len(first)] == list(first) and (len(first) > 1 or len(header) == 3):
            return table
    raise AssertionError(f"no table headed {first}")


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
        common = {r.cells[0].text: r.cells[1].text for r in _table(document, "问题").rows[1:]}
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
            rows = [[c.text for c in r.cells] for r in _table(document, "条目", "问题").rows[1:]]
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
        sources = [r.cells[3].text for r in _table(document, "条目", "问题").rows[1:]]
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


def test_open_findings_with_what_to_say_and_show(pack_zh: Exported) -> None:
    """Each department's sheet lists every unaccepted finding of the department, worst first, in
    the words of the finding, each with what to say and what to show; a department without one
    says so."""
    from ipaudit.export.i18n import grade_text
    from ipaudit.export.interview_answers import answer_for

    with Workspace.open(pack_zh.workspace) as ws:
        deps = ws.departments(active_only=True)
        findings = ws.findings()
    folder = pack_zh.path / "访谈准备单"
    listed = 0
    for dep in deps:
        document = docx.Document(str(folder / f"访谈准备单-{dep.name.zh}.docx"))
        headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
        assert headings[0] == "审核员会问到的发现项"
        open_ = sorted(
            (f for f in findings if f.department == dep.key and f.accepted is None),
            key=lambda f: f.grade.rank,
        )
        if not open_:
            assert any(p.text == "本部门没有未解决的发现项。" for p in document.paragraphs)
            continue
        table = _table(document, "等级", "条目", "发现", "应答要点", "出示材料")
        rows = [[c.text for c in r.cells] for r in table.rows[1:]]
        assert len(rows) == len(open_)
        for f, row in zip(open_, rows, strict=True):
            answer = answer_for(f, "zh")
            assert row[0] == grade_text(f.grade, "zh")
            assert row[2] == f.message.zh
            assert row[3] == answer.say and answer.say
            assert row[4].startswith(answer.show)
            listed += 1
    assert listed >= 10


def test_a_missing_record_points_to_its_blank_form(pack_zh: Exported) -> None:
    folder = pack_zh.path / "访谈准备单"
    forms = 0
    for path in folder.glob("*.docx"):
        document = docx.Document(str(path))
        for table in document.tables:
            if [c.text for c in table.rows[0].cells][:1] != ["等级"]:
                continue
            for row in table.rows[1:]:
                for line in row.cells[4].text.splitlines():
                    if line.startswith("空白表单："):
                        assert (pack_zh.path / line.removeprefix("空白表单：")).is_file()
                        forms += 1
    assert forms > 0


def test_accepted_findings_are_not_asked_about(demo, tmp_path) -> None:
    """A finding accepted with an explanation leaves the department's open list."""
    from ipaudit.export.options import ExportOptions
    from ipaudit.services.exports import export_pack

    with Workspace.open(demo) as ws:
        victim = next(f for f in ws.findings() if f.accepted is None and f.department)
        names = {d.key: d.name.zh for d in ws.departments()}
        ws.accept(victim.key, "已在管理评审中说明")
        result = export_pack(ws, tmp_path / "p", ExportOptions(include_evidence=False))
    document = docx.Document(
        str(result.path / "访谈准备单" / f"访谈准备单-{names[victim.department]}.docx")
    )
    messages = [
        r.cells[2].text
        for t in document.tables
        if [c.text for c in t.rows[0].cells][:1] == ["等级"]
        for r in t.rows[1:]
    ]
    assert victim.message.zh not in messages


def test_swapped_objectives_are_flagged_as_the_rehearsal_fails_them(demo, tmp_path) -> None:
    """An answer stating R&D's declared numbers each for the other objective (every number is a
    declared one) is a contradiction on the sheet, in the findings and in the rehearsal alike."""
    from ipaudit.domain.comparison import compare
    from ipaudit.export.options import ExportOptions
    from ipaudit.services.exports import export_pack

    with Workspace.open(demo) as ws:
        facts = ws.facts()
        fact = declared(facts, "objectives", "rnd")
        assert fact is not None and len(fact.numbers) >= 2
        first, second = fact.entries[0], fact.entries[1]
        swapped = (
            f"{first}{fact.numbers[1].normalize():f}{fact.units[1]}，"
            f"{second}{fact.numbers[0].normalize():f}{fact.units[0]}"
        )
        item_key, q_key = next(
            (i.key, q.key)
            for i in ws.items_of("rnd")
            for q in i.questions
            if q.fact == "objectives"
        )
        ws.answer(item_key, q_key, swapped)
        found = [
            f for f in ws.findings() if f.code == "answer_contradicts_fact" and f.refs == (q_key,)
        ]
        names = {d.key: d.name.zh for d in ws.departments()}
        result = export_pack(ws, tmp_path / "p", ExportOptions(include_evidence=False))
    assert not compare(swapped, fact, "objectives").passed
    assert len(found) == 1 and "数字不对" in found[0].message.zh, found
    document = docx.Document(str(result.path / "访谈准备单" / f"访谈准备单-{names['rnd']}.docx"))
    rows = _table(document, "条目", "问题").rows[1:]
    flagged = [r.cells[3].text for r in rows if swapped in r.cells[3].text]
    assert flagged and flagged[0].startswith("部门答案与手册不一致"), [
        r.cells[3].text for r in rows
    ]
