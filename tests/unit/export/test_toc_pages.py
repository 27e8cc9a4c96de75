"""The report's contents carry their page numbers at every export where LibreOffice is installed
(laid out once by LibreOffice); where it is missing or fails, the contents keep the note on how
to update them in Word, and the pack's notes and the log say why."""

from __future__ import annotations

import logging
import os
import re
import shutil
import stat
import subprocess
import threading
import time
from pathlib import Path

import docx
import pytest

from ipaudit import cli
from ipaudit.export import pdf
from ipaudit.export.options import ExportOptions, toc_pages_default
from ipaudit.progress import Cancelled
from ipaudit.services import Workspace
from ipaudit.services.exports import export_pack

REPORT = "迎审就绪报告.docx"
NOTE = "更新域"  # the contents' note: right-click, Update Field

needs_soffice = pytest.mark.skipif(
    pdf.find_soffice() is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) and pdftotext are needed",
)


def contents(report: Path) -> list[str]:
    document = docx.Document(str(report))
    return [p.text for p in document.paragraphs if p.style.name == "toc 1"]


def body_texts(report: Path) -> list[str]:
    document = docx.Document(str(report))
    return [p.text for p in document.paragraphs]


def pdf_pages(data: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "laid-out.pdf"
    path.write_bytes(data)
    text = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    return [re.sub(r"\s+", "", page) for page in text.split("\f")]


@needs_soffice
@pytest.mark.slow
def test_export_fills_the_contents_page_numbers(demo: Path, tmp_path: Path) -> None:
    with Workspace.open(demo) as ws:
        plain = export_pack(ws, tmp_path / "plain", ExportOptions(include_evidence=False))
        started = time.monotonic()
        filled = export_pack(
            ws, tmp_path / "filled", ExportOptions(include_evidence=False, toc_pages=True)
        )
        took = time.monotonic() - started
        again = export_pack(
            ws, tmp_path / "again", ExportOptions(include_evidence=False, toc_pages=True)
        )
    # the same workspace gives the same bytes: LibreOffice lays it out the same way each time
    assert (again.path / REPORT).read_bytes() == (filled.path / REPORT).read_bytes()
    entries = contents(filled.path / REPORT)
    assert len(entries) >= 8
    numbers = [re.search(r"\t(\d+)$", e) for e in entries]
    assert all(numbers), entries
    pages = [int(m.group(1)) for m in numbers if m]
    assert pages == sorted(pages) and pages[0] > 1  # page one is the verdict
    assert not any(NOTE in text for text in body_texts(filled.path / REPORT))
    assert any(NOTE in text for text in body_texts(plain.path / REPORT))
    assert not filled.note_texts("zh") or all("目录" not in n for n in filled.note_texts("zh"))

    # the same report otherwise: styles, running header, every paragraph and table
    a, b = docx.Document(str(plain.path / REPORT)), docx.Document(str(filled.path / REPORT))
    assert a.sections[0].header.paragraphs[0].text == b.sections[0].header.paragraphs[0].text
    assert "星海智能装备有限公司" in b.sections[0].header.paragraphs[0].text
    assert [s.name for s in a.styles] == [s.name for s in b.styles]
    keep = [(p.style.name, p.text) for p in a.paragraphs if p.style.name != "toc 1"]
    assert [(p.style.name, p.text) for p in b.paragraphs if p.style.name != "toc 1"] == [
        k for k in keep if NOTE not in k[1]
    ]
    assert [[c.text for c in r.cells] for t in a.tables for r in t.rows] == [
        [c.text for c in r.cells] for t in b.tables for r in t.rows
    ]
    assert "w:dirty" not in b.element.body.xml
    assert "updateFields" not in b.settings.element.xml

    # each number is where LibreOffice puts that heading when it lays out the final report
    laid_out = pdf_pages(pdf.render((filled.path / REPORT).read_bytes()), tmp_path)
    for entry, page in zip(entries, pages, strict=True):
        title = re.sub(r"\s+", "", entry.split("\t")[0])
        assert title in laid_out[page - 1], (title, page)
    print(f"\nexport of the demo without evidence, contents page numbers filled: {took:.1f} s")


@needs_soffice
@pytest.mark.slow
def test_pdf_and_report_agree_on_page_numbers(pack_pdf, tmp_path: Path) -> None:
    result = pack_pdf  # the demo exported without evidence, pdf=True, toc_pages=False
    entries = contents(result.path / REPORT)  # a PDF asks for the numbers whatever toc_pages
    pages = pdf_pages((result.path / "迎审就绪报告.pdf").read_bytes(), tmp_path)
    listing = next(p for p in pages if "目录" in p and "...." in p)
    for entry in entries:
        title, number = entry.rsplit("\t", 1)
        title = re.sub(r"\s+", "", title)
        assert re.search(re.escape(title) + r"\.*" + number + "(?!\\d)", listing), entry
        assert title in pages[int(number) - 1], entry


def test_without_soffice_the_contents_keep_the_note(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert pdf.find_soffice() is None
    with caplog.at_level(logging.INFO), Workspace.open(demo) as ws:
        result = export_pack(
            ws, tmp_path / "p", ExportOptions(include_evidence=False, toc_pages=True)
        )
    assert any(NOTE in text for text in body_texts(result.path / REPORT))
    assert all(not re.search(r"\d$", e) for e in contents(result.path / REPORT))
    assert any(
        n.startswith("报告目录未填页码：本机未安装 LibreOffice") for n in result.note_texts("zh")
    )
    assert "报告目录未填页码" in (result.path / "说明.txt").read_text(encoding="utf-8-sig")
    assert "LibreOffice is not installed" in caplog.text


def fake_soffice(folder: Path, script: str) -> None:
    folder.mkdir()
    path = folder / "soffice"
    path.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


@pytest.mark.skipif(os.name != "posix", reason="a shell script stands in for LibreOffice")
def test_a_failing_soffice_leaves_the_note_and_the_reason(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The notes say in the user's language that LibreOffice wrote nothing; what LibreOffice
    printed (its own English) goes to the log, not into the Chinese sentence."""
    fake_soffice(tmp_path / "bin", "echo 'Error: source file could not be loaded'\nexit 1\n")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}:/usr/bin:/bin")
    with caplog.at_level(logging.WARNING), Workspace.open(demo) as ws:
        result = export_pack(
            ws, tmp_path / "p", ExportOptions(include_evidence=False, toc_pages=True, pdf=True)
        )
    assert any(NOTE in text for text in body_texts(result.path / REPORT))
    zh, en = "".join(result.note_texts("zh")), "".join(result.note_texts("en"))
    assert "报告目录未填页码：LibreOffice 排版失败（未写出文件，退出码 1）。" in zh
    assert "未生成 PDF：LibreOffice 转换失败（未写出文件，退出码 1）。" in zh
    assert "conversion failed (it wrote no file, exit code 1)" in en
    reason = "Error: source file could not be loaded"
    assert reason not in zh + en and reason in caplog.text


@pytest.mark.skipif(os.name != "posix", reason="a shell script stands in for LibreOffice")
def test_cancel_while_laying_out_stops_at_once_and_leaves_nothing(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_soffice(tmp_path / "bin", "sleep 60\n")  # a LibreOffice that takes its time
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}:/usr/bin:/bin")
    seen: list[int] = []
    asked = threading.Event()

    def progress(done: int, total: int) -> None:
        seen.append(done)

    def cancel() -> bool:
        # cancel once the layout has shown some progress of its own
        if len(seen) >= 3:
            asked.set()
        return asked.is_set()

    started = time.monotonic()
    with Workspace.open(demo) as ws, pytest.raises(Cancelled):
        export_pack(
            ws,
            tmp_path / "p",
            ExportOptions(include_evidence=False, toc_pages=True),
            progress=progress,
            cancel=cancel,
        )
    assert time.monotonic() - started < 30
    assert not (tmp_path / "p").exists()
    assert [p.name for p in tmp_path.iterdir() if ".part-" in p.name] == []
    assert seen == sorted(seen) and len(set(seen)) >= 3  # the bar moved while it waited


@needs_soffice
@pytest.mark.slow
def test_headings_are_found_from_the_outline_too(demo: Path, tmp_path: Path) -> None:
    """An older LibreOffice writes no named destinations; the outline, matched by title, gives
    the same pages."""
    with Workspace.open(demo) as ws:
        result = export_pack(ws, tmp_path / "p", ExportOptions(include_evidence=False))
    source = result.path / REPORT
    by_dest = pdf.heading_pages(pdf.render(source.read_bytes()))
    work = tmp_path / "plain"
    subprocess.run(
        [
            str(pdf.find_soffice()),
            "--headless",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ],
        capture_output=True,
        check=True,
        timeout=300,
    )
    plain = (work / "迎审就绪报告.pdf").read_bytes()
    assert pdf.heading_pages(plain) == {}  # no destinations in a plain conversion
    document = docx.Document(str(source))
    titles = [p.text for p in document.paragraphs if p.style.name.lower().startswith("heading")]
    assert len(by_dest) == len(titles) > 10
    assert pdf.heading_pages(plain, titles) == by_dest


def test_the_default_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("IPAUDIT_TOC_PAGES", raising=False)
    assert toc_pages_default() and ExportOptions().toc_pages
    for off in ("0", "off", "No", "false"):
        monkeypatch.setenv("IPAUDIT_TOC_PAGES", off)
        assert not toc_pages_default() and not ExportOptions().toc_pages
    assert "toc_pages" in ExportOptions().recorded()


@needs_soffice
@pytest.mark.slow
def test_cli_fills_them_by_default_and_not_with_no_toc_pages(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("IPAUDIT_TOC_PAGES", raising=False)
    assert cli.main(["export", str(demo), str(tmp_path / "a"), "--no-evidence"]) == 0
    assert all(re.search(r"\t\d+$", e) for e in contents(tmp_path / "a" / REPORT))
    skip = ["export", str(demo), str(tmp_path / "b"), "--no-evidence", "--no-toc-pages"]
    assert cli.main(skip) == 0
    assert any(NOTE in text for text in body_texts(tmp_path / "b" / REPORT))


@pytest.mark.skipif(os.name != "posix", reason="a shell script stands in for LibreOffice")
def test_a_layout_without_the_headings_leaves_the_note(
    demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A PDF that tells no heading's page (no destinations, no outline) fills nothing in."""
    fake_soffice(
        tmp_path / "bin",
        'while [ $# -gt 0 ]; do [ "$1" = "--outdir" ] && out="$2"; shift; done\n'
        "printf '%%PDF-1.4\\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\\n"
        "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\\n"
        '3 0 obj<</Type/Page/Parent 2 0 R>>endobj\\n\' > "$out/report.pdf"\n',
    )
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}:/usr/bin:/bin")
    with Workspace.open(demo) as ws:
        result = export_pack(
            ws, tmp_path / "p", ExportOptions(include_evidence=False, toc_pages=True)
        )
    assert any(NOTE in text for text in body_texts(result.path / REPORT))
    assert any(
        re.search(r"排版失败（排版中只找到 \d+ 个标题中的 0 个）", n)
        for n in result.note_texts("zh")
    )
    assert any(re.search(r"failed \(0 of \d+ headings found", n) for n in result.note_texts("en"))
