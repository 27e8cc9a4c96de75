"""The readiness report reopened with python-docx: numbers equal the workspace's, Word structure,
East Asian fonts, the chart."""

from __future__ import annotations

import re
import zipfile
from collections import Counter

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

from ipaudit.domain.model import Grade
from ipaudit.export.i18n import grade_text, percent
from ipaudit.export.ledger_text import money
from ipaudit.services import Workspace
from ipaudit.services.ledgers import load_book

from .conftest import Exported

REPORT = "迎审就绪报告.docx"


def table_with_header(document: docx.document.Document, *first: str) -> list[list[str]]:
    """The first table whose header row starts with the column titles ``first``."""
    for table in document.tables:
        rows = [[c.text for c in r.cells] for r in table.rows]
        if rows and tuple(rows[0][: len(first)]) == first:
            return rows
    raise AssertionError(f"no table starting with {first!r}")


@pytest.fixture(scope="module")
def report(pack_zh: Exported) -> docx.document.Document:
    return docx.Document(str(pack_zh.path / REPORT))


def test_readiness_and_findings_equal_the_workspace(pack_zh: Exported, report) -> None:
    with Workspace.open(pack_zh.workspace) as ws:
        overall, per_dep = ws.readiness()
        findings = ws.findings()
        names = {d.key: d.name.zh for d in ws.departments()}
    rows = table_with_header(report, "部门", "就绪度")
    shown = {r[0]: r for r in rows[1:]}
    for key, r in per_dep.items():
        row = shown[names[key]]
        assert row[1] == percent(r.percent)
        assert row[2:5] == [str(r.items), str(r.ready_items), str(r.blocking)]
        assert row[5:8] == [str(r.by_grade[g]) for g in Grade]
    assert shown["总体"][1] == percent(overall.percent)
    by_grade = table_with_header(report, "等级")
    counts = Counter(f.grade for f in findings)
    assert {r[0]: int(r[1]) for r in by_grade[1:]} == {
        grade_text(g, "zh"): counts[g] for g in Grade
    }
    cover = "\n".join(r[1] for r in table_with_header(report, "项目", "内容"))
    assert percent(overall.percent) in cover


def test_every_finding_is_listed_with_what_to_do(pack_zh: Exported, report) -> None:
    with Workspace.open(pack_zh.workspace) as ws:
        findings = ws.findings()
    listed = [
        row
        for table in report.tables
        for row in ([c.text for c in r.cells] for r in table.rows)
        if row and row[0] in {grade_text(g, "zh") for g in Grade} and len(row) == 5
    ]
    assert len(listed) == len(findings)
    assert all(row[3] for row in listed)  # what to do
    assert {row[2] for row in listed} == {f.message.zh for f in findings}


def test_ledger_reconciliation_lists_the_differences(pack_zh: Exported, report) -> None:
    with Workspace.open(pack_zh.workspace) as ws:
        recon = load_book(ws).reconciliation
    assert recon is not None
    text = "\n".join(p.text for p in report.paragraphs)
    s = recon.summary
    for amount in (s.rewards_total, s.payments_total, s.expenses_total):
        assert money(amount) in text
    kinds = [t for t in report.tables if t.rows[0].cells[1].text == "差异"]
    assert len(kinds) == 1
    rows = [[c.text for c in r.cells] for r in kinds[0].rows][1:]
    assert len(rows) == len(recon.discrepancies)
    assert [r[6] for r in rows] == [f"{d.difference:+,.2f}" for d in recon.discrepancies]
    assert "未接受的差异" in [p.text for p in report.paragraphs if p.style.name == "Heading 2"]


def test_east_asian_fonts_on_styles_and_runs(pack_zh: Exported, report) -> None:
    styles = report.styles
    for name, font in (
        ("Normal", "宋体"),
        ("Heading 1", "黑体"),
        ("Heading 2", "黑体"),
        ("Heading 3", "黑体"),
        ("Title", "黑体"),
        ("Pack Table", "宋体"),
    ):
        rfonts = styles[name].element.find(qn("w:rPr")).find(qn("w:rFonts"))
        assert rfonts.get(qn("w:eastAsia")) == font, name
        assert rfonts.get(qn("w:eastAsiaTheme")) is None
    body = report.element.body
    runs = body.findall(".//" + qn("w:r"))
    texts = [r for r in runs if r.find(qn("w:t")) is not None]
    assert texts
    assert all(r.find(qn("w:rPr")).find(qn("w:rFonts")).get(qn("w:eastAsia")) for r in texts)


def test_word_structure(pack_zh: Exported, report) -> None:
    def mm(value: int) -> int:
        return round(value / Mm(1))

    portrait, landscape = report.sections[0], report.sections[-1]
    assert (mm(portrait.page_width), mm(portrait.page_height)) == (210, 297)
    assert (mm(landscape.page_width), mm(landscape.page_height)) == (297, 210)
    body_xml = report.element.body.xml
    assert 'TOC \\o "1-1"' in body_xml
    section = landscape
    footer = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    assert all(t.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None for t in report.tables)
    headings = [p.text for p in report.paragraphs if p.style.name == "Heading 1"]
    assert "就绪度概览" in headings and "证据索引" in headings
    settings = report.settings.element.xml
    assert "updateFields" not in settings  # Word opens it without asking to update fields
    assert "w:dirty" not in body_xml
    header = portrait.header.paragraphs[0].text
    assert "星海智能装备有限公司" in header and "2026-12-15" in header
    props = report.core_properties
    with Workspace.open(pack_zh.workspace) as ws:
        created = ws.store.meta_value("created_at")
    assert props.created is not None and props.created.year >= int(created[:4])


def test_chart_holds_the_readiness(pack_zh: Exported) -> None:
    with Workspace.open(pack_zh.workspace) as ws:
        _, per_dep = ws.readiness()
        names = {d.key: d.name.zh for d in ws.departments()}
    with zipfile.ZipFile(pack_zh.path / REPORT) as z:
        chart = z.read("word/charts/chart1.xml").decode("utf-8")
        assert "word/embeddings/Microsoft_Excel_Worksheet1.xlsx" in z.namelist()
        rels = z.read("word/_rels/document.xml.rels").decode()
    assert "relationships/chart" in rels
    cats = re.findall(
        r"<c:pt idx=\"\d+\"><c:v>([^<]*)</c:v>", chart.split("<c:cat>")[1].split("</c:cat>")[0]
    )
    vals = re.findall(r"<c:v>([^<]*)</c:v>", chart.split("<c:val>")[1].split("</c:val>")[0])
    shown = dict(zip(cats, (float(v) for v in vals), strict=True))
    assert shown == {names[k]: round(r.percent, 1) for k, r in per_dep.items()}
    assert '<a:ea typeface="宋体"/>' in chart


def test_english_report(pack_en: Exported) -> None:
    with zipfile.ZipFile(pack_en.path) as z:
        names = z.namelist()
        report_name = next(n for n in names if n.endswith("/readiness-report.docx"))
        data = z.read(report_name)
    path = pack_en.path.parent / "report-en.docx"
    path.write_bytes(data)
    document = docx.Document(str(path))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "Readiness summary" in headings and "Evidence index" in headings
    assert any(n.split("/")[1] == "evidence" for n in names)
    assert all(not re.search(r"[\u4e00-\u9fff]", n.split("/")[1]) for n in names)


def test_accepted_differences_are_listed_with_their_explanation(demo, tmp_path) -> None:
    from ipaudit.export.options import ExportOptions
    from ipaudit.services.exports import export_pack

    with Workspace.open(demo) as ws:
        recon = load_book(ws).reconciliation
        assert recon is not None and len(recon.discrepancies) >= 2
        accepted = recon.discrepancies[0]
        ws.accept(accepted.key, "经总经理批准延期至次年一月发放")
        result = export_pack(ws, tmp_path / "p", ExportOptions(include_evidence=False))
    document = docx.Document(str(result.path / REPORT))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]
    assert "未接受的差异" in headings and "已接受的差异及说明" in headings
    tables = [t for t in document.tables if t.rows[0].cells[1].text == "差异"]
    opened, done = ([[c.text for c in r.cells] for r in t.rows] for t in tables)
    assert len(opened) - 1 == len(recon.discrepancies) - 1
    assert done[0][-1] == "已接受说明"
    assert done[1][-1] == "经总经理批准延期至次年一月发放"
    assert done[1][6] == f"{accepted.difference:+,.2f}"
