"""The tables of the documents a certification body sends (the request list, the nonconformity
report), as the imports read them: every table of a Word document (.docx) in the document's order
with the paragraphs just above it, every sheet of a workbook (xlsx, xls, ods, csv).

Formats that are not read are refused before anything is read or changed, with what to do: a Word
97–2003 (.doc), WPS (.wps/.et), RTF or PDF file is to be saved again as .docx or .xlsx (a PDF's
tables cannot be read reliably, a .doc/.wps needs an office suite to read). A file whose name says
.docx/.xlsx but whose content is one of those (an old file renamed) is refused the same way.

A merged cell of a Word table comes once: a cell merged across columns holds its text in its first
column and "" in the others (a section row merged across the table is one cell); a cell merged
down the rows repeats its text in each row (a department written once for several lines).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ipaudit.store.errors import InvalidInput

#: formats refused: suffix → (what it is in Chinese, in English)
REFUSED: dict[str, tuple[str, str]] = {
    ".doc": ("Word 97–2003 文档（.doc）", "a Word 97-2003 document (.doc)"),
    ".dot": ("Word 97–2003 模板（.dot）", "a Word 97-2003 template (.dot)"),
    ".wps": ("WPS 文字文档（.wps）", "a WPS Writer document (.wps)"),
    ".wpt": ("WPS 文字模板（.wpt）", "a WPS Writer template (.wpt)"),
    ".et": ("WPS 表格文件（.et）", "a WPS Spreadsheets file (.et)"),
    ".ett": ("WPS 表格模板（.ett）", "a WPS Spreadsheets template (.ett)"),
    ".rtf": ("RTF 文档（.rtf）", "an RTF document (.rtf)"),
    ".pdf": ("PDF 文件", "a PDF file"),
    ".ofd": ("OFD 版式文件", "an OFD file"),
}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97, Excel 97, WPS: a compound document
#: paragraphs above a table kept as its context (a department heading, the form's number)
CONTEXT_PARAGRAPHS = 3


@dataclass(frozen=True, slots=True)
class Table:
    """One table: ``name`` as the messages say it ("表格 2"/"table 2", or the sheet's name),
    ``rows`` its cells' text, ``before`` the last paragraphs above it (a Word table; nearest
    last)."""

    index: int  # 1-based among the file's tables or sheets
    name_zh: str
    name_en: str
    rows: tuple[tuple[object, ...], ...]
    before: tuple[str, ...] = ()
    #: (row, column), 0-based, of the cells that continue a cell merged down from the row above
    #: (their text repeats it)
    continued: frozenset[tuple[int, int]] = frozenset()
    sheet: str = ""  # a workbook's sheet: its name


def _refuse(path: Path, what_zh: str, what_en: str) -> InvalidInput:
    return InvalidInput(
        f"“{path.name}”是{what_zh}，无法直接读取。请在 Word 或 WPS 中打开它，另存为 .docx（Word 表格）"
        "或 .xlsx（Excel 表格）后再导入；工作区未作任何更改。",
        f"'{path.name}' is {what_en} and cannot be read. Open it in Word or WPS, save it as .docx"
        " (a Word table) or .xlsx (an Excel sheet) and import that file; nothing was changed.",
        path,
    )


def check_readable(path: str | Path) -> Path:
    """``path`` when it exists in a format the imports read; else bad input saying what to do."""
    p = Path(path)
    if not p.exists():
        raise InvalidInput(f"找不到文件“{p}”。", f"The file '{p}' does not exist.", p)
    suffix = p.suffix.lower()
    if suffix in REFUSED:
        raise _refuse(p, *REFUSED[suffix])
    try:
        with p.open("rb") as fh:
            head = fh.read(8)
    except OSError:
        return p  # the reader says why it cannot open it
    if head.startswith(b"%PDF"):
        raise _refuse(p, *REFUSED[".pdf"])
    if head.startswith(b"{\\rtf"):
        raise _refuse(p, *REFUSED[".rtf"])
    if suffix == ".docx" and head == _OLE:
        raise _refuse(
            p, "旧版 Word 或 WPS 格式的文档（虽名为 .docx）", "an old Word or WPS document"
        )
    return p


def is_docx(path: Path) -> bool:
    return path.suffix.lower() in (".docx", ".docm", ".dotx")


def docx_tables(path: str | Path) -> list[Table]:
    """Every table of a Word document, in order, with the paragraphs above it."""
    p = check_readable(path)
    import docx
    from docx.opc.exceptions import OpcError
    from docx.table import Table as DocxTable

    try:
        document = docx.Document(str(p))
    except (OpcError, KeyError, ValueError, OSError, AttributeError) as exc:
        raise InvalidInput(
            f"{p.name} 不是可读的 Word 文档（.docx）；请在 Word 或 WPS 中打开后另存为 .docx 再导入；"
            "工作区未作任何更改。",
            f"{p.name} is not a readable Word document (.docx): {exc}. Open it in Word or WPS,"
            " save it as .docx and import that; nothing was changed.",
            p,
        ) from exc
    out: list[Table] = []
    before: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, DocxTable):
            n = len(out) + 1
            rows, continued = _docx_rows(block)
            out.append(
                Table(
                    n,
                    f"表格 {n}",
                    f"table {n}",
                    rows,
                    tuple(before[-CONTEXT_PARAGRAPHS:]),
                    continued,
                )
            )
            before = []
        else:
            text = block.text.strip()
            if text:
                before.append(text)
    return out


def _docx_rows(
    table: object,
) -> tuple[tuple[tuple[str, ...], ...], frozenset[tuple[int, int]]]:
    rows: list[tuple[str, ...]] = []
    continued: set[tuple[int, int]] = set()
    above: list[object] = []
    for r, tr in enumerate(table.rows):  # type: ignore[attr-defined]
        cells: list[str] = []
        tcs: list[object] = []
        previous = None
        try:
            row_cells = tr.cells
        except (IndexError, ValueError):  # a malformed grid: read the cells as they are
            row_cells = []
        for c, cell in enumerate(row_cells):  # a cell merged across comes once per column
            cells.append("" if cell._tc is previous else cell.text.strip())
            if c < len(above) and cell._tc is above[c]:
                continued.add((r, c))
            previous = cell._tc
            tcs.append(cell._tc)
        rows.append(tuple(cells))
        above = tcs
    return tuple(rows), frozenset(continued)


def sheet_tables(path: str | Path, limit: int = 30) -> list[Table]:
    """Every sheet of a workbook (up to ``limit``) as a table of cell values."""
    p = check_readable(path)
    from ipaudit.ledger.reader import list_sheets, read_rows

    return [
        Table(
            n,
            f"工作表“{name}”",
            f"sheet '{name}'",
            tuple(tuple(r) for r in read_rows(p, name)),
            sheet=name,
        )
        for n, name in enumerate(list_sheets(p)[:limit], 1)
    ]


def tables(path: str | Path) -> list[Table]:
    """The tables of a Word document or the sheets of a workbook."""
    p = Path(path)  # each reader checks it
    return docx_tables(p) if is_docx(p) else sheet_tables(p)


__all__ = [
    "REFUSED",
    "Table",
    "check_readable",
    "docx_tables",
    "is_docx",
    "sheet_tables",
    "tables",
]
