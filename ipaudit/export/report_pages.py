"""The report with page numbers in its contents, and its PDF.

A .docx carries no layout: Word computes page numbers when it opens the file, and only if asked
(a dirty field makes it ask — which readers take for an error). So, where LibreOffice is
installed, the report is laid out once by LibreOffice first: the report exactly as it will be,
contents without the numbers, is printed to PDF, where each heading landed is read back from the
PDF, and the report is built again with those numbers in its contents. Our own builder writes both,
so the styles, the running header and every word stay ours; only the numbers are LibreOffice's.
The PDF of the report, when asked for, is made from that final report.

Where LibreOffice is missing or fails, the contents keep an honest note ("update the field in
Word") instead of numbers, the reason is logged and the pack's notes say so.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

from ipaudit.export import pdf
from ipaudit.export.data import PackData
from ipaudit.export.report_docx import build_report
from ipaudit.text import Text, counted

log = logging.getLogger(__name__)

LAYOUT_TICKS = 16  # a layout takes about this many ticks (4 s); progress stops short of the end


@dataclass(slots=True)
class ReportFiles:
    docx: bytes
    pdf: bytes | None = None
    notes: list[tuple[str, dict[str, Text]]] = field(default_factory=list)  # (key, fields)
    toc_filled: bool = False


def build_report_files(
    data: PackData,
    *,
    cancel: Callable[[], bool] | None = None,
    step: Callable[[int], None] = lambda units: None,
    layout_units: int = 0,
    pdf_units: int = 0,
) -> ReportFiles:
    """The report (contents with page numbers where LibreOffice can lay it out) and, when the
    options ask for it, its PDF. ``step(units)`` reports progress: ``layout_units`` for the
    layout, ``pdf_units`` for the PDF. A PDF always gets the page numbers. Raises Cancelled."""
    options = data.options
    files = ReportFiles(b"")
    pages: dict[int, int] | None = None
    installed = True
    if options.toc_pages or options.pdf:
        with _Meter(step, layout_units) as tick:
            pages, installed = _layout(data, files, cancel, tick)
    else:
        step(layout_units)
    files.docx = build_report(data, toc_pages=pages)
    files.toc_filled = pages is not None
    if not options.pdf:
        step(pdf_units)
    elif not installed:
        files.notes.append(("note.no_soffice", {}))
        step(pdf_units)
    else:
        with _Meter(step, pdf_units) as tick:
            try:
                files.pdf = pdf.convert(files.docx, data.as_of, cancel=cancel, tick=tick)
            except pdf.PdfUnavailable:
                files.notes.append(("note.no_soffice", {}))
            except pdf.PdfFailed as exc:
                log.warning("report PDF not made: %s", exc.detail)
                files.notes.append(("note.pdf_failed", {"detail": exc.reason}))
    return files


def _layout(
    data: PackData,
    files: ReportFiles,
    cancel: Callable[[], bool] | None,
    tick: Callable[[], None],
) -> tuple[dict[int, int] | None, bool]:
    """Heading number → page from a LibreOffice layout of the report, or None (with a note);
    and whether LibreOffice is installed."""
    draft = build_report(data, toc_pages={})
    try:
        laid_out = pdf.render(draft, cancel=cancel, tick=tick)
    except pdf.PdfUnavailable:
        log.info("contents page numbers not filled: LibreOffice is not installed")
        files.notes.append(("note.toc_no_soffice", {}))
        return None, False
    except pdf.PdfFailed as exc:
        log.warning("contents page numbers not filled: LibreOffice failed: %s", exc.detail)
        files.notes.append(("note.toc_failed", {"detail": exc.reason}))
        return None, True
    titles = _heading_titles(draft)
    pages = pdf.heading_pages(laid_out, titles)
    if len(pages) < len(titles):  # a contents with some numbers missing would mislead
        found = Text(
            f"排版中只找到 {len(titles)} 个标题中的 {len(pages)} 个",
            f"{len(pages)} of {counted(len(titles), 'heading')} found in the layout",
        )
        log.warning("contents page numbers not filled: %s", found.en)
        files.notes.append(("note.toc_failed", {"detail": found}))
        return None, True
    return pages, True


class _Meter:
    """Progress while LibreOffice runs: a small step per tick, never more than 3/4 of
    ``units``; the rest when the run is over."""

    def __init__(self, step: Callable[[int], None], units: int) -> None:
        self.step = step
        self.units = units
        self.each = max(units // LAYOUT_TICKS, 1) if units else 0
        self.spent = 0

    def tick(self) -> None:
        if self.each and self.spent + self.each <= self.units * 3 // 4:
            self.spent += self.each
            self.step(self.each)

    def __enter__(self) -> Callable[[], None]:
        return self.tick

    def __exit__(self, kind: object, *rest: object) -> None:
        if kind is None:
            self.step(self.units - self.spent)


def _heading_titles(docx: bytes) -> list[str]:
    """The texts of the report's headings in order (heading number = position + 1)."""
    import io

    import docx as python_docx

    document = python_docx.Document(io.BytesIO(docx))
    return [
        p.text
        for p in document.paragraphs
        if p.style is not None and (p.style.name or "").lower().startswith("heading")
    ]
