"""Page one of the report, laid out by LibreOffice: the verdict sentence and the whole must-fix
list (who must do what) — or, when the list is truly long, as much as fits and a pointer to the
rest on page two, naming their departments."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest

from ipaudit.export import pdf
from ipaudit.export.options import ExportOptions
from ipaudit.services import Workspace
from ipaudit.services.exports import export_pack

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        pdf.find_soffice() is None or shutil.which("pdftotext") is None,
        reason="LibreOffice (soffice) and pdftotext are needed",
    ),
]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\u2011", "-"))


def render(report: Path, tmp_path: Path) -> list[str]:
    """The report's pages as LibreOffice lays them out, whitespace removed (``-raw`` keeps the
    lines of one table cell together)."""
    target = tmp_path / "report.pdf"
    target.write_bytes(pdf.render(report.read_bytes()))
    text = subprocess.run(
        ["pdftotext", "-raw", str(target), "-"], capture_output=True, check=True, text=True
    ).stdout
    return [squash(page) for page in text.split("\f")]


def must_fix_tables(report: Path) -> list[list[list[str]]]:
    """The must-fix tables (page one's and its continuation) as rows of cell texts."""
    document = docx.Document(str(report))
    found = []
    for table in document.tables:
        header = [c.text for c in table.rows[0].cells]
        if header[:2] in (["条目", "发现"], ["Item", "Finding"]):
            # a department's label spans the row: python-docx repeats it in every cell
            found.append([[c.text for c in r.cells] for r in table.rows[1:]])
    return found


def items(rows: list[list[str]]) -> list[list[str]]:
    return [r for r in rows if len(set(r)) > 1]


def blocking_count(ws_path: Path) -> int:
    with Workspace.open(ws_path) as ws:
        return sum(1 for f in ws.findings() if f.blocking)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_demo_page_one_holds_the_verdict_and_every_must_fix_line(
    demo: Path, tmp_path: Path, lang: str
) -> None:
    with Workspace.open(demo) as ws:
        result = export_pack(
            ws, tmp_path / "p", ExportOptions(include_evidence=False, lang=lang, toc_pages=False)
        )
    report = next(result.path.glob("*.docx"))
    pages = render(report, tmp_path)
    one = pages[0]
    sentence = (
        "尚未就绪：不能迎接2026-12-15开始的审核，除非下列"
        if lang == "zh"
        else "isnotreadyfortheauditon2026-12-15unlessthe"
    )
    assert sentence in one
    (table,) = must_fix_tables(report)  # no continuation: it all fits
    rows = items(table)
    assert len(rows) == blocking_count(demo) == 14
    for row in table:
        for cell in dict.fromkeys(row):  # a department's label, or item, finding, what to do
            assert squash(cell) in one, cell
    assert ("另有" if lang == "zh" else "more(") not in one


def test_a_long_must_fix_list_points_to_page_two(tmp_path: Path) -> None:
    """An empty workspace: every mandatory record is missing, over a hundred must-fix items."""
    from ipaudit.demo import content

    ws_path = tmp_path / "empty.ipaudit"
    with Workspace.create(ws_path, content.INFO) as ws:
        result = export_pack(
            ws, tmp_path / "p", ExportOptions(include_evidence=False, toc_pages=False)
        )
    total = blocking_count(ws_path)
    assert total > 60
    report = result.path / "迎审就绪报告.docx"
    pages = render(report, tmp_path)
    first, rest = must_fix_tables(report)
    shown, left = items(first), items(rest)
    assert len(shown) >= 10 and len(shown) + len(left) == total
    one, two = pages[0], pages[1]
    assert "尚未就绪" in one
    for row in first:
        for cell in dict.fromkeys(row):
            assert squash(cell) in one, cell
    pointer = re.search(r"另有(\d+)项（(.+?)）见第2页。", one)
    assert pointer is not None, one[-300:]
    assert int(pointer[1]) == len(left)
    # the pointer names the departments of the rest, with their counts
    named = dict(re.findall(r"([^、]+?)：(\d+)项", pointer[2]))
    assert sum(int(n) for n in named.values()) == len(left)
    assert two.startswith(squash("必须完成的整改（续）")) or "必须完成的整改（续）" in two[:80]
    assert squash(left[0][0]) in two
