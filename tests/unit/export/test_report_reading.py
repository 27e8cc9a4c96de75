"""The report as its readers read it: rendered by LibreOffice to PDF, then read page by page
(page one's verdict and must-fix list, no internal key anywhere, every ledger difference in the
body, the contents' page numbers carried into the .docx)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from ipaudit.export import pdf
from ipaudit.export.ledger_text import money, signed
from ipaudit.export.options import ExportOptions
from ipaudit.services import Workspace
from ipaudit.services.exports import export_pack
from ipaudit.services.ledgers import load_book

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        pdf.find_soffice() is None or shutil.which("pdftotext") is None,
        reason="LibreOffice (soffice) and pdftotext are needed",
    ),
]

# an internal key: a dotted or snake_case identifier such as extra.projects_in_progress
INTERNAL_KEY = re.compile(
    r"(?<![A-Za-z0-9_./-])[a-z_]+\.[a-z_]+(?![A-Za-z0-9_])|\b[a-z]+_[a-z_]+\b"
)


def pages_of(report: Path) -> list[str]:
    text = subprocess.run(
        # -raw: text in the order it is drawn, so a table cell's lines stay together
        ["pdftotext", "-raw", str(report), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    return text.split("\f")


@pytest.fixture(scope="module")
def rendered(pack_pdf):
    """The demo exported without evidence, the report as PDF (conftest.py), read page by page."""
    return pack_pdf.workspace, pack_pdf.path, pages_of(pack_pdf.path / "迎审就绪报告.pdf")


def test_page_one_is_the_verdict_and_the_must_fix_list(rendered) -> None:
    ws_path, _pack, pages = rendered
    one = re.sub(r"\s+", "", pages[0])
    with Workspace.open(ws_path) as ws:
        blocking = [f for f in ws.findings() if f.blocking]
        deps = [d for d in ws.departments() if not d.absent and not d.merged_into]
    majors = sum(1 for f in blocking if f.grade.value == "major")
    sentence = (
        f"星海智能装备有限公司尚未就绪：不能迎接2026-12-15开始的审核，除非下列{len(blocking)}项"
        f"（其中严重{majors}项）在2026-12-08前完成整改。"
    )
    assert sentence in one
    assert "必须在2026-12-08前完成的整改（按部门）" in one
    for dep in deps:  # every department with blocking findings is named on page one
        n = sum(1 for f in blocking if f.department == dep.key)
        if n:
            assert re.sub(r"\s+", "", dep.name.zh) + f"：{n}项" in one
    # page one is the cover: the contents come after it
    assert "目录" not in pages[0]


def test_no_internal_key_anywhere(rendered) -> None:
    ws_path, _pack, pages = rendered
    with Workspace.open(ws_path) as ws:
        user_data = " ".join(
            [e.original_name + " " + e.title for e in ws.evidence(include_old=True)]
            + [ws.template.title.zh]
        )
    found = {
        m.group(0)
        for page in pages
        for m in INTERNAL_KEY.finditer(page)
        if m.group(0) not in user_data
    }
    assert not found


def test_finance_section_lists_each_difference(rendered) -> None:
    ws_path, _pack, pages = rendered
    with Workspace.open(ws_path) as ws:
        recon = load_book(ws).reconciliation
    assert recon is not None and recon.discrepancies
    start = next(n for n, p in enumerate(pages) if "财务台账核对" in p and "...." not in p)
    end = next(n for n, p in enumerate(pages) if "证据索引" in p and "...." not in p)
    body = "\n".join(pages[start:end])
    assert "未接受的差异" in body
    for d in recon.discrepancies:
        for ip in d.ip_items:
            assert re.search(rf"(?<!\S){re.escape(ip)}(?!\S)", body), ip  # never wrapped
        assert signed(d.difference) in body
        for amount in (d.expected, d.actual):
            if amount is not None:
                assert money(amount) in body


def test_contents_carry_page_numbers_without_asking(rendered) -> None:
    _ws, pack, pages = rendered
    report = docx.Document(str(pack / "迎审就绪报告.docx"))
    xml = report.element.body.xml
    assert "w:dirty" not in xml and "updateFields" not in report.settings.element.xml
    entries = [p for p in report.paragraphs if p.style.name == "toc 1"]
    assert entries
    numbers = [re.search(r"(\d+)$", p.text) for p in entries]
    assert all(numbers)
    # the .docx says the same page as the PDF for each heading
    for p, m in zip(entries, numbers, strict=True):
        title = p.text[: m.start()].strip()
        page = int(m.group(1))
        assert title.replace(" ", "") in re.sub(r"[ \t]", "", pages[page - 1]), title


def test_no_internal_key_in_the_report_of_an_empty_workspace(tmp_path: Path) -> None:
    from ipaudit.demo import content

    with Workspace.create(tmp_path / "empty.ipaudit", content.INFO) as ws:
        result = export_pack(ws, tmp_path / "p", ExportOptions(include_evidence=False))
    report = docx.Document(str(result.path / "迎审就绪报告.docx"))
    texts = [p.text for p in report.paragraphs] + [
        c.text for t in report.tables for r in t.rows for c in r.cells
    ]
    assert not {m.group(0) for text in texts for m in INTERNAL_KEY.finditer(text)}
