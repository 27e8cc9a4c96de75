"""WordprocessingML built as text, for speed.

python-docx's ``add_row`` costs about 8 s for 10,000 rows and ``table.cell(i, j)`` is quadratic,
so paragraphs and tables are written here as XML strings and parsed once (``Body.flush``). Every
run names its fonts explicitly, the East Asian one included (``w:eastAsia``), so Chinese renders
in Word and WPS whatever the reader's default fonts are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ipaudit.text import counted

W_URI = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_URI = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NSDECLS = (
    f'xmlns:w="{W_URI}" xmlns:r="{R_URI}" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"'
)

BODY_LATIN = "Times New Roman"
BODY_EA = "宋体"  # SimSun
HEAD_LATIN = "Arial"
HEAD_EA = "黑体"  # SimHei

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})

NO_BREAK_HYPHEN = "\u2011"  # written as Word's own <w:noBreakHyphen/>
_INNER_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")  # between letters, digits or CJK


def no_break(text: str) -> str:
    """``text`` with the hyphens inside dates, vouchers and numbers made non-breaking, so
    "2026-09-30" or "记-2026-0930" never wraps at a hyphen."""
    return _INNER_HYPHEN.sub(NO_BREAK_HYPHEN, text)


# text width of an A4 page with 20 mm side margins, in twentieths of a point
A4_TEXT_WIDTH = 9638
A4_LANDSCAPE_TEXT_WIDTH = 14570


def esc(text: str) -> str:
    """``text`` escaped for XML, with characters XML cannot carry removed."""
    return _INVALID_XML.sub("", text).translate(_ESCAPES)


def fonts(latin: str = BODY_LATIN, east_asian: str = BODY_EA) -> str:
    return (
        f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east_asian}" w:cs="{latin}"/>'
    )


BODY_FONTS = fonts()
HEAD_FONTS = fonts(HEAD_LATIN, HEAD_EA)


def run(
    text: str,
    *,
    bold: bool = False,
    size: int | None = None,
    color: str | None = None,
    heading_font: bool = False,
) -> str:
    """One run; ``size`` in half-points; newlines become line breaks, tabs become tabs."""
    props = HEAD_FONTS if heading_font else BODY_FONTS
    if bold:
        props += "<w:b/><w:bCs/>"
    if color:
        props += f'<w:color w:val="{color}"/>'
    if size:
        props += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    parts: list[str] = []
    for n, line in enumerate(text.split("\n")):
        if n:
            parts.append("<w:br/>")
        for m, chunk in enumerate(line.split("\t")):
            if m:
                parts.append("<w:tab/>")
            for k, piece in enumerate(chunk.split(NO_BREAK_HYPHEN)):
                if k:
                    parts.append("<w:noBreakHyphen/>")
                if piece:
                    parts.append(f'<w:t xml:space="preserve">{esc(piece)}</w:t>')
    return f"<w:r><w:rPr>{props}</w:rPr>{''.join(parts)}</w:r>"


def paragraph(
    content: str,
    *,
    style: str | None = None,
    align: str | None = None,
    keep_next: bool = False,
    page_break_before: bool = False,
    extra_ppr: str = "",
) -> str:
    """A paragraph around ``content`` (run XML)."""
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if keep_next:
        ppr += "<w:keepNext/>"
    if page_break_before:
        ppr += "<w:pageBreakBefore/>"
    ppr += extra_ppr
    if align:
        ppr += f'<w:jc w:val="{align}"/>'
    return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{content}</w:p>"


def page_break() -> str:
    return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell with optional shading (hex RGB), bold text and alignment; ``span`` columns
    wide (a row with spanning cells has fewer values than the table has columns)."""

    text: str
    fill: str | None = None
    bold: bool = False
    align: str | None = None
    span: int = 1


@dataclass(frozen=True, slots=True)
class Column:
    title: str
    width: int  # twips
    align: str | None = None  # "right" for numbers


HEADER_FILL = "D9E2F3"
SHORT_TABLE = 8  # rows: a table this short is never split across pages


def _cell_xml(
    value: str | Cell,
    width: int,
    align: str | None,
    clean: Callable[[str], str],
    header: bool,
    size: int | None,
    keep_next: bool = False,
) -> str:
    span = 1
    if isinstance(value, Cell):
        text, fill, bold, align = value.text, value.fill, value.bold, value.align or align
        span = value.span
    else:
        text, fill, bold = value, None, False
    if header:
        fill, bold = fill or HEADER_FILL, True
    tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        tcpr += f'<w:gridSpan w:val="{span}"/>'
    if fill:
        tcpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    ppr = '<w:pPr><w:pStyle w:val="TableText"/>' + ("<w:keepNext/>" if keep_next else "")
    ppr += f'<w:jc w:val="{align}"/>' if align else ""
    body = run(clean(text), bold=bold, size=size) if text else ""
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr><w:p>{ppr}</w:pPr>{body}</w:p></w:tc>"


def table(
    columns: Sequence[Column],
    rows: Iterable[Sequence[str | Cell]],
    *,
    clean: Callable[[str], str] = lambda s: s,
    style: str = "PackTable",
    size: int | None = None,
    row_height: int | None = None,
    keep_together: int = SHORT_TABLE,
) -> str:
    """``size`` in half-points overrides the table style's 9 pt (e.g. 16 for dense indexes);
    ``row_height`` (twips) gives body rows a minimum height (room to write in blank forms).

    A table of at most ``keep_together`` rows stays on one page with what precedes it (every row
    keeps with the next); a longer one keeps its header with its first row and its last two rows
    together, so no page starts or ends with a single orphaned row."""
    rows = list(rows)
    last = len(rows) - 1
    short = len(rows) <= keep_together
    grid = "".join(f'<w:gridCol w:w="{c.width}"/>' for c in columns)
    total = sum(c.width for c in columns)
    parts = [
        "<w:tbl><w:tblPr>",
        f'<w:tblStyle w:val="{style}"/>',
        f'<w:tblW w:w="{total}" w:type="dxa"/>',
        '<w:tblLayout w:type="fixed"/>',
        '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0"'
        ' w:noHBand="1" w:noVBand="1"/>',
        f"</w:tblPr><w:tblGrid>{grid}</w:tblGrid>",
        "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>",
    ]
    parts += [
        _cell_xml(c.title, c.width, c.align, clean, True, size, keep_next=bool(rows))
        for c in columns
    ]
    parts.append("</w:tr>")
    widths = [(c.width, c.align) for c in columns]
    height = f'<w:trHeight w:val="{row_height}"/>' if row_height else ""
    for n, row in enumerate(rows):
        keep = n < last and (short or n == 0 or n == last - 1)
        parts.append(f"<w:tr><w:trPr><w:cantSplit/>{height}</w:trPr>")
        at = 0
        for value in row:
            span = value.span if isinstance(value, Cell) else 1
            w = sum(width for width, _align in widths[at : at + span])
            parts.append(_cell_xml(value, w, widths[at][1], clean, False, size, keep))
            at += span
        if at != len(widths):
            raise ValueError(f"a row spans {counted(at, 'column')}, the table has {len(widths)}")
        parts.append("</w:tr>")
    parts.append("</w:tbl>")
    return "".join(parts)


def widths(total: int, weights: Sequence[float]) -> list[int]:
    """Column widths in twips for ``weights`` sharing ``total``."""
    s = sum(weights)
    out = [int(total * w / s) for w in weights]
    out[-1] += total - sum(out)
    return out


def bookmark(n: int, name: str, content: str) -> str:
    return f'<w:bookmarkStart w:id="{n}" w:name="{name}"/>{content}<w:bookmarkEnd w:id="{n}"/>'


def field_runs(instr: str, cached: str, *, size: int | None = None) -> str:
    """A complex field (PAGE, NUMPAGES, PAGEREF …) with ``cached`` as its shown result."""
    props = BODY_FONTS + (f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>' if size else "")
    rpr = f"<w:rPr>{props}</w:rPr>"
    return (
        f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r>{rpr}<w:instrText xml:space="preserve"> {esc(instr)} </w:instrText></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r>{rpr}<w:t xml:space="preserve">{esc(cached)}</w:t></w:r>'
        f'<w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>'
    )


class Body:
    """Collects body XML (paragraphs, tables) until the document is saved."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def add(self, xml: str) -> None:
        self.parts.append(xml)
