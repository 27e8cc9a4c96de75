"""A quick look inside an xlsx sheet before python-calamine loads it.

Two things calamine cannot tell us, found by streaming the sheet's XML once:

* **Extent.** calamine allocates the sheet as a dense grid from the first to the last non-empty
  cell; one stray value in XFD1048576 makes it ask for half a terabyte and abort the process. We
  find the last row and column first and refuse sheets no ledger could fill (``SheetTooLarge``).
* **Formulas without a saved result and errors.** calamine returns nothing for a formula whose
  result was never saved (files written by openpyxl and other non-calculating programs) and an
  empty string for an error — a formula's result such as ``#DIV/0!`` or a typed-in ``#N/A``; all
  would pass for empty cells. We return them as ``CellIssue`` per cell so the importer reports
  them.

* **Size.** A sheet's XML may claim anything and unpack to anything: one that says (in its zip
  entry) or turns out (while it is inflated) to be larger than ``MAX_XML_BYTES`` is refused
  (``SheetDataTooLarge``) before calamine sees it, and the shared strings the same way. Rows are
  counted also when they carry no ``r=`` attribute (calamine then places them one after another).

The scan reads the decompressed XML in 256 KiB chunks with a few compiled byte patterns; only when a
formula or an error is present does it parse the cells that carry one.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import unescape
from posixpath import join, normpath
from xml.etree import ElementTree

from ipaudit.ledger.cells import CellIssue
from ipaudit.ledger.errors import FileCorrupt, SheetDataTooLarge, SheetTooLarge

MAX_COLUMNS = 1024  # LibreOffice's classic limit; no ledger comes near it
MAX_CELLS = 10_000_000  # e.g. 1,000,000 rows × 10 columns (calamine holds ~32 bytes per cell)
#: the most a sheet's XML (or the shared strings) may unpack to: 10⁶ rows of ten cells written by
#: Excel take about 400 MiB
MAX_XML_BYTES = 1 << 30
SHARED_STRINGS = "xl/sharedStrings.xml"
#: what zipfile raises for a damaged archive (it has no single base class for them)
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    NotImplementedError,  # "compression method not supported", odd version fields
    EOFError,
    OSError,
    UnicodeDecodeError,  # a damaged entry name flagged as UTF-8
)
# 256 KiB: a chunk stays in the CPU's cache through the several searches made in it (about 15 %
# less time than 1 MiB chunks for the same sheet)
_CHUNK = 1 << 18
_OVERLAP = 64

# the fast patterns start with a literal, which the regex engine scans for quickly; sheets whose
# tags carry a namespace prefix (<x:c r="A1">, written by some .NET libraries) take the slow ones
_LAST_ROW = b'<row r="'
_ROW_TAG_RE = re.compile(rb"<row[\s>/]")  # a row, with or without its r= attribute
_ROW_RE = re.compile(rb'<row r="(\d+)"')
_WIDE_REF_RE = re.compile(rb'<c r="([A-Z]{2,3})(\d+)"')
_FORMULA_RE_FAST = re.compile(rb"<f[ >/]")
_ERROR_TYPE = b' t="e"'
_ANY_REF_RE = re.compile(rb'<c r="([A-Z]{1,3})\d')
_NS_ROW_TAG_RE = re.compile(rb"<(?:\w+:)?row[\s>/]")
_NS_ROW_RE = re.compile(rb'<(?:\w+:)?row\b[^>]*?\br="(\d+)"')
_NS_WIDE_REF_RE = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{2,3})(\d+)"')
_NS_FORMULA_RE = re.compile(rb"<(?:\w+:)?f[ >/]")
_NS_ANY_REF_RE = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})\d')
_CELL_RE = re.compile(rb"<(?:\w+:)?c\s([^>]*?)(?:/>|>(.*?)</(?:\w+:)?c>)", re.S)
_ATTR_R_RE = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
_ATTR_T_RE = re.compile(rb'\bt="(\w+)"')
_VALUE_RE = re.compile(rb"<(?:\w+:)?v(?:\s[^>]*)?>(.*?)</(?:\w+:)?v>", re.S)
_FORMULA_RE = re.compile(rb"<(?:\w+:)?f\b[^>]*?(?:/>|>(.*?)</(?:\w+:)?f>)", re.S)


@dataclass(slots=True)
class SheetScan:
    max_row: int = 0  # 1-based number of the last row that has a cell
    max_col: int = 0  # 1-based number of the last column seen (lower bound when only 1 letter)
    # 0-based row -> 0-based column -> issue
    issues: dict[int, dict[int, CellIssue]] = field(default_factory=dict)


def column_number(letters: bytes | str) -> int:
    """``A`` → 1, ``Z`` → 26, ``AA`` → 27, ``XFD`` → 16384."""
    n = 0
    for ch in letters if isinstance(letters, str) else letters.decode("ascii"):
        n = n * 26 + (ord(ch) - 64)
    return n


def sheet_members(zf: zipfile.ZipFile, file: str) -> dict[str, str]:
    """Sheet name → the zip member holding its XML, in workbook order."""
    try:
        workbook = ElementTree.fromstring(zf.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError, *ZIP_ERRORS) as exc:
        raise FileCorrupt(file, f"workbook.xml: {exc}") from exc
    targets = {}
    for rel in rels.iter():
        if rel.tag.endswith("Relationship") and rel.get("Id"):
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else normpath(join("xl", target))
            targets[rel.get("Id")] = path
    members: dict[str, str] = {}
    for node in workbook.iter():
        if node.tag.endswith("}sheet") or node.tag == "sheet":
            rid = next((v for k, v in node.attrib.items() if k.endswith("}id")), None)
            name = node.get("name")
            if name is not None and rid in targets:
                members[name] = targets[rid]
    return members


def scan_sheet(zf: zipfile.ZipFile, member: str, *, file: str, sheet: str) -> SheetScan:
    """Extent, formulas without results and error cells of one sheet (see the module doc).

    The last row is taken from the last ``<row>`` of each chunk (rows are stored in order) and
    from every cell beyond column Z; only cells beyond Z can make the grid wide enough to matter.
    """
    scan = SheetScan()
    wide_col = 0  # last column among references of two or three letters (exact when > 26)
    has_formula = False
    row_re, wide_re, formula_re, any_re = _ROW_RE, _WIDE_REF_RE, _FORMULA_RE_FAST, _ANY_REF_RE
    tag_re = _ROW_TAG_RE
    first = True
    tags = 0  # rows counted by their tags (the only count when rows carry no r=)
    try:
        check_size(zf, member, file=file, sheet=sheet)
        for data, new in _chunks(zf, member, file=file, sheet=sheet):
            if first:
                first = False
                if b"<sheetData" not in data and b":sheetData" in data:
                    row_re, wide_re, formula_re, any_re = (
                        _NS_ROW_RE,
                        _NS_WIDE_REF_RE,
                        _NS_FORMULA_RE,
                        _NS_ANY_REF_RE,
                    )
                    tag_re = _NS_ROW_TAG_RE
            tags += _new_tags(tag_re, data, new)
            scan.max_row = max(scan.max_row, tags)
            if scan.max_row * max(wide_col, 1) > MAX_CELLS:  # refused as soon as it is certain
                raise SheetTooLarge(file, sheet=sheet, rows=scan.max_row, columns=wide_col or 1)
            if row_re is _ROW_RE:
                at = data.rfind(_LAST_ROW)
                if at >= 0:
                    m = row_re.match(data, at)
                    if m:
                        scan.max_row = max(scan.max_row, int(m.group(1)))
            else:
                rows = row_re.findall(data)
                if rows:
                    scan.max_row = max(scan.max_row, max(map(int, rows)))
            wide = wide_re.findall(data)
            if wide:
                wide_col = max(wide_col, max(column_number(c) for c, _ in wide))
                scan.max_row = max(scan.max_row, max(int(r) for _, r in wide))
                if wide_col > MAX_COLUMNS:
                    raise SheetTooLarge(file, sheet=sheet, rows=scan.max_row, columns=wide_col)
            if not has_formula:  # a formula, or an error (a formula's result or typed in)
                has_formula = formula_re.search(data) is not None or _ERROR_TYPE in data
        if wide_col:
            scan.max_col = wide_col
        elif scan.max_row * 26 > MAX_CELLS:  # only one-letter columns: find the last one exactly
            scan.max_col = max(
                (
                    column_number(c)
                    for d in member_chunks(zf, member)
                    for c in set(any_re.findall(d))
                ),
                default=1,
            )
        elif scan.max_row:
            scan.max_col = 26  # an upper bound: at most column Z
        if scan.max_row * scan.max_col > MAX_CELLS:
            raise SheetTooLarge(file, sheet=sheet, rows=scan.max_row, columns=scan.max_col)
        if has_formula:
            scan.issues = _cell_issues(zf.read(member))
    except ZIP_ERRORS as exc:
        raise FileCorrupt(file, str(exc), sheet=sheet) from exc
    return scan


def member_chunks(zf: zipfile.ZipFile, member: str) -> Iterator[bytes]:
    """The member's decompressed bytes in chunks that overlap, so no tag is cut in two."""
    for data, _new in _chunks(zf, member):
        yield data


def _chunks(
    zf: zipfile.ZipFile, member: str, *, file: str = "", sheet: str = ""
) -> Iterator[tuple[bytes, int]]:
    """(chunk, where its new bytes start): chunks that overlap by ``_OVERLAP`` bytes. Inflating
    stops with ``SheetDataTooLarge`` beyond ``MAX_XML_BYTES``, whatever the entry claims."""
    tail = b""
    total = 0
    with zf.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            total += len(chunk)
            if total > MAX_XML_BYTES:
                raise SheetDataTooLarge(
                    file, sheet=sheet, part=member, size=total, limit=MAX_XML_BYTES
                )
            data = tail + chunk
            yield data, len(tail)
            tail = data[-_OVERLAP:]


def _new_tags(tag_re: re.Pattern[bytes], data: bytes, new: int) -> int:
    """Row tags that end in the new bytes of a chunk (the others were counted with the last one)."""
    if tag_re is _ROW_TAG_RE:  # "<row" counted without a regex (a <rowBreaks> adds at most one)
        return data.count(b"<row", max(0, new - 3))
    return sum(1 for m in tag_re.finditer(data, max(0, new - _OVERLAP)) if m.end() > new)


def check_part(zf: zipfile.ZipFile, member: str, *, file: str, sheet: str = "") -> None:
    """Refuse a part (if the zip has it) that says or turns out to unpack to more than
    ``MAX_XML_BYTES``: its entry is checked, then it is inflated once, in chunks, and dropped."""
    if member not in zf.NameToInfo:
        return
    check_size(zf, member, file=file, sheet=sheet)
    for _chunk in _chunks(zf, member, file=file, sheet=sheet):
        pass


def check_size(zf: zipfile.ZipFile, member: str, *, file: str, sheet: str = "") -> None:
    """Refuse a part whose zip entry says it unpacks to more than ``MAX_XML_BYTES``."""
    try:
        size = zf.getinfo(member).file_size
    except KeyError:
        return
    if size > MAX_XML_BYTES:
        raise SheetDataTooLarge(file, sheet=sheet, part=member, size=size, limit=MAX_XML_BYTES)


def _cell_issues(xml: bytes) -> dict[int, dict[int, CellIssue]]:
    issues: dict[int, dict[int, CellIssue]] = {}
    for m in _CELL_RE.finditer(xml):
        attrs, body = m.group(1), m.group(2) or b""
        t = _ATTR_T_RE.search(attrs)
        cell_type = t.group(1) if t else b"n"
        value = _VALUE_RE.search(body)
        if cell_type == b"e":
            text = value.group(1) if value else b"#ERROR"
            issue = CellIssue("error", unescape(text.decode("utf-8", "replace")))
        else:
            formula = _FORMULA_RE.search(body)
            if formula is None:
                continue
            if value is not None and (value.group(1) or cell_type == b"str"):
                continue  # a saved result ("" is a saved result only for string formulas)
            text = unescape((formula.group(1) or b"").decode("utf-8", "replace"))
            issue = CellIssue("formula", "=" + text if text else "=(shared formula)")
        ref = _ATTR_R_RE.search(attrs)
        if ref is None:
            continue  # a cell without a reference cannot be placed; calamine places it itself
        row, col = int(ref.group(2)) - 1, column_number(ref.group(1)) - 1
        issues.setdefault(row, {})[col] = issue
    return issues
