"""The report as PDF through LibreOffice (skipped where LibreOffice is not installed)."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from ipaudit.export import pdf
from ipaudit.export.options import ExportOptions
from ipaudit.services import Workspace
from ipaudit.services.exports import export_pack

needs_soffice = pytest.mark.skipif(
    pdf.find_soffice() is None, reason="LibreOffice (soffice) is not installed"
)


@needs_soffice
@pytest.mark.slow
def test_report_pdf_has_pages_and_contents_page_numbers(demo: Path, tmp_path: Path) -> None:
    with Workspace.open(demo) as ws:
        result = export_pack(ws, tmp_path / "p", ExportOptions(pdf=True))
    report = result.path / "迎审就绪报告.pdf"
    data = report.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    assert pages > 5
    assert "迎审就绪报告.pdf" in {r.path for r in result.manifest}
    if shutil.which("pdftotext"):
        every = subprocess.run(
            ["pdftotext", "-layout", str(report), "-"],
            capture_output=True,
            check=True,
            text=True,
        ).stdout
        text = next(p for p in every.split("\f") if "目录" in p)  # after the verdict pages
        # the contents were filled from a layout first: every entry ends with a page number
        entries = [ln for ln in text.splitlines() if "...." in ln]
        assert entries and all(re.search(r"\d+\s*$", ln) for ln in entries)


@needs_soffice
@pytest.mark.slow
def test_pdf_bytes_are_stable(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("稳定 stable")
    document.save(str(tmp_path / "a.docx"))
    source = (tmp_path / "a.docx").read_bytes()
    moment = dt.datetime(2026, 1, 2, 3, 4, 5)
    first = pdf.convert(source, moment)
    second = pdf.convert(source, moment)
    assert first == second
    assert b"D:20260102030405" in first


def test_no_soffice_gives_a_note(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert pdf.find_soffice() is None
    with Workspace.open(demo) as ws:
        result = export_pack(ws, tmp_path / "p", ExportOptions(pdf=True))
    assert not (result.path / "迎审就绪报告.pdf").exists()
    note = "未生成 PDF：本机未安装 LibreOffice"
    assert any(n.startswith(note) for n in result.note_texts("zh"))
    assert note in (result.path / "说明.txt").read_text(encoding="utf-8-sig")
