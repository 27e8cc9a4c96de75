"""The readiness workbook printed through LibreOffice (skipped where LibreOffice or its
spreadsheet component is not installed): every page landscape, the evidence index fitted to the
page width, the chart's data labels the value alone, the footer on every page."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from ipaudit.export import pdf

from .conftest import Exported

needs_soffice = pytest.mark.skipif(
    pdf.find_soffice() is None or shutil.which("pdftotext") is None,
    reason="LibreOffice (soffice) or poppler (pdftotext) is not installed",
)


@pytest.fixture(scope="module")
def printed(pack_zh: Exported, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The pack's workbook converted to PDF by LibreOffice, as a user prints it."""
    work = tmp_path_factory.mktemp("print")
    source = work / "workbook.xlsx"
    shutil.copyfile(pack_zh.path / "迎审工作簿.xlsx", source)
    done = subprocess.run(
        [
            str(pdf.find_soffice()),
            "--headless",
            "--norestore",
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(work),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    target = work / "workbook.pdf"
    if not target.is_file() and "could not be loaded" in done.stdout + done.stderr:
        pytest.skip("LibreOffice has no spreadsheet component (libreoffice-calc) installed")
    assert target.is_file(), done.stdout + done.stderr
    return target


def _pages(path: Path) -> list[str]:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]


def _sizes(path: Path) -> list[tuple[float, float]]:
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "9999", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return [
        (float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    ]


@needs_soffice
@pytest.mark.slow
def test_every_page_is_landscape_with_sheet_name_and_page_numbers(printed: Path) -> None:
    pages = _pages(printed)
    sizes = _sizes(printed)
    assert len(pages) == len(sizes) > 5
    assert all(w > h for w, h in sizes), sizes
    total = len(pages)
    for n, text in enumerate(pages, 1):
        assert f"第 {n} 页，共 {total} 页" in text, n


@needs_soffice
@pytest.mark.slow
def test_evidence_index_fits_the_page_width(printed: Path) -> None:
    """All 14 columns on each page of the evidence index, the header row repeated on each."""
    pages = [p for p in _pages(printed) if "证据索引" in p.splitlines()[-1]]
    assert pages
    for text in pages:
        assert "序号" in text and "资料包中的位置" in text  # first and last column headers


@needs_soffice
@pytest.mark.slow
def test_chart_labels_show_the_value_alone(printed: Path) -> None:
    first = _pages(printed)[0]
    assert "各部门就绪度" in first  # the chart is on the overview's page
    assert "; " not in first  # never "部门; 就绪度; 97.7%"
    labels = re.findall(r"\d{1,3}\.\d%", first)
    # the table's column and the chart's labels: each department's figure twice
    assert len(labels) >= 2 * 7
