"""A look inside an ods sheet for what python-calamine would read as empty or zero.

* **Formulas without a saved result.** A program that writes formulas without calculating them
  leaves ``table:formula`` with no ``office:value-type``; calamine reads an empty cell.
* **Error results.** LibreOffice saves a formula whose result is an error (``#DIV/0!``, ``Err:502``)
  as the number 0 marked ``calcext:value-type="error"``; calamine reads 0.

Both come back as ``CellIssue`` per cell (0-based row and column), so the importer reports them.
The XML is searched for formulas first, in chunks; only a file that has one is parsed.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import IO
from xml.etree import ElementTree

from ipaudit.ledger.cells import CellIssue
from ipaudit.ledger.errors import FileCorrupt
from ipaudit.ledger.xlsxscan import ZIP_ERRORS, member_chunks

_T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_CALCEXT = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"
_TABLE, _ROW = _T + "table", _T + "table-row"
_CELLS = (_T + "table-cell", _T + "covered-table-cell")


def cell_issues(path: Path, sheet: str) -> dict[int, dict[int, CellIssue]]:
    """Formulas without a saved result and error results of one sheet, by row and column."""
    try:
        with zipfile.ZipFile(path) as zf:
            if not any(b"table:formula=" in c for c in member_chunks(zf, "content.xml")):
                return {}
            with zf.open("content.xml") as stream:
                return _issues(stream, sheet)
    except (*ZIP_ERRORS, KeyError, ElementTree.ParseError) as exc:
        raise FileCorrupt(path, str(exc), sheet=sheet) from exc


def _issues(stream: IO[bytes], sheet: str) -> dict[int, dict[int, CellIssue]]:
    issues: dict[int, dict[int, CellIssue]] = {}
    inside, row, col = False, 0, 0
    for event, el in ElementTree.iterparse(stream, events=("start", "end")):
        tag = el.tag
        if event == "start":
            if tag == _TABLE:
                inside, row = el.get(_T + "name") == sheet, 0
            elif inside and tag == _ROW:
                col = 0
            continue
        if not inside:
            if tag in _CELLS or tag == _ROW:
                el.clear()
            continue
        if tag in _CELLS:
            formula = el.get(_T + "formula")
            if formula is not None:
                issue = _issue(el, formula)
                if issue is not None:
                    issues.setdefault(row, {})[col] = issue
            col += int(el.get(_T + "number-columns-repeated", "1"))
            el.clear()
        elif tag == _ROW:
            row += int(el.get(_T + "number-rows-repeated", "1"))
            el.clear()
        elif tag == _TABLE:
            break
    return issues


def _issue(cell: ElementTree.Element, formula: str) -> CellIssue | None:
    if cell.get(_CALCEXT + "value-type") == "error":
        return CellIssue("error", "".join(cell.itertext()).strip() or "#ERROR")
    if cell.get(_OFFICE + "value-type") is None:
        text = formula.split(":", 1)[1] if formula.startswith(("of:", "oooc:")) else formula
        return CellIssue("formula", text if text.startswith("=") else "=" + text)
    return None
