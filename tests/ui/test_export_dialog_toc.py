"""The export dialog's "fill in the page numbers of the contents" box: on by default where
LibreOffice is installed, off and disabled where it is not, and an export with it on writes a
report whose contents carry page numbers."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from ipaudit.export import pdf
from ipaudit.ui.export_dialog import ExportDialog


def make(session, qtbot) -> ExportDialog:
    d = ExportDialog(session)
    qtbot.addWidget(d)
    return d


def test_box_is_off_and_disabled_without_libreoffice(
    session, qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("IPAUDIT_TOC_PAGES", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    d = make(session, qtbot)
    assert not d.toc_pages.isEnabled() and not d.toc_pages.isChecked()
    assert "Word" in d.toc_pages.toolTip()
    assert d.options().toc_pages is False


@pytest.mark.skipif(pdf.find_soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_box_follows_the_default_and_reaches_the_options(
    session, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("IPAUDIT_TOC_PAGES", raising=False)
    d = make(session, qtbot)
    assert d.toc_pages.isEnabled() and d.toc_pages.isChecked()
    assert d.options().toc_pages is True
    d.toc_pages.setChecked(False)
    assert d.options().toc_pages is False
    monkeypatch.setenv("IPAUDIT_TOC_PAGES", "0")
    assert not make(session, qtbot).toc_pages.isChecked()


@pytest.mark.slow
@pytest.mark.skipif(pdf.find_soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_export_with_the_box_on_fills_the_contents(
    session, qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("IPAUDIT_TOC_PAGES", raising=False)
    d = make(session, qtbot)
    d.evidence.setChecked(False)
    target = tmp_path / "pack"
    d.target.setText(str(target))
    seen: list[int] = []
    d.progress.valueChanged.connect(seen.append)
    with qtbot.waitSignal(d.exported, timeout=300_000):
        d.export_button.click()
        assert not d.toc_pages.isEnabled()  # options are fixed while it runs
    report = docx.Document(str(target / "迎审就绪报告.docx"))
    entries = [p.text for p in report.paragraphs if p.style.name == "toc 1"]
    assert entries and all(re.search(r"\t\d+$", e) for e in entries)
    assert len(set(seen)) >= 4  # the bar moved, also while LibreOffice laid the report out
