"""What date a file of evidence carries, proposed before it is attached.

An undated record proves nothing, so attaching asks for the document's date and the period it
covers. This module proposes both from the file itself, most explicit first:

1. a date in the file name: ``2025-03-05``, ``2025.3.5``, ``2025_03_05``, ``20250305``,
   ``2025年3月5日``; a period in it: ``2025年度`` / ``FY2025`` (the year), ``2025年第一季度`` /
   ``2025Q1`` (the quarter), ``2025年3月`` / ``2025-03`` (the month);
2. a date written in a Word document: the last one in its closing paragraphs (where a Chinese
   document is signed and dated, 落款), else the first one in its opening paragraphs;
3. the document properties of Word and Excel files (docx/docm, xlsx/xlsm: created, else modified);
4. the ``CreationDate`` of a PDF (its information dictionary or XMP metadata, found by a small
   regular expression on the first and last megabyte of the file).

Nothing here raises for a file it cannot read: the proposal is then empty, and the user (or the
command line's ``--date``) says the date. Pure Python; used by the services, the command line and
the desktop app alike.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

SOURCE_NAME = "name"
SOURCE_TEXT = "text"
SOURCE_PROPERTIES = "properties"
SOURCE_PDF = "pdf"

_EARLIEST, _LATEST = 1950, 2100
_PDF_WINDOW = 1 << 20  # bytes read from each end of a PDF

_SEP = r"[-_./年\s]"
_FULL = re.compile(
    rf"(?<!\d)(?P<y>(?:19|20)\d\d){_SEP}(?P<m>\d{{1,2}})(?:{_SEP}|月)(?P<d>\d{{1,2}})日?(?!\d)"
)
_COMPACT = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)")
_QUARTER = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*(?:年\s*)?(?:第\s*(?P<zh>[一二三四1-4])\s*季度?|[-_ ]?Q(?P<q>[1-4]))",
    re.IGNORECASE,
)
_MONTH = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?:年|[-_.])(?P<m>\d{1,2})(?:月|(?![\d.]))")
_YEAR = re.compile(r"(?<!\d)(?:FY\s*)?(?P<y>(?:19|20)\d\d)\s*(?:年度|年|FY)?(?!\d)", re.IGNORECASE)
_YEARLY = re.compile(r"年度|年报|FY|annual|yearly", re.IGNORECASE)
_PDF_DATE = re.compile(
    rb"/CreationDate\s*\(\s*(?:D:)?(\d{4})(\d{2})(\d{2})"
    rb"|<xmp:CreateDate>\s*(\d{4})-(\d{2})-(\d{2})"
)
_ZH_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4}
_TEXT_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)\s*(?:年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
    r"|-(?P<m2>\d{1,2})-(?P<d2>\d{1,2})(?!\d))"
)
_TEXT_PARAGRAPHS = 12  # paragraphs read at each end of a Word document
_UNREADABLE: tuple[type[BaseException], ...] = (
    OSError,
    ValueError,
    KeyError,
    SyntaxError,  # lxml's XML errors
    zipfile.BadZipFile,
)


@dataclass(frozen=True, slots=True)
class DateProposal:
    """A proposed document date and covered period; ``source`` says where the date came from
    ("name", "properties", "pdf"; "" when there is none)."""

    doc_date: dt.date | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    source: str = ""

    @property
    def empty(self) -> bool:
        return self.doc_date is None and self.period_start is None


def _day(y: str | int, m: str | int, d: str | int) -> dt.date | None:
    try:
        day = dt.date(int(y), int(m), int(d))
    except ValueError:
        return None
    return day if _EARLIEST <= day.year <= _LATEST else None


def date_in_name(name: str) -> dt.date | None:
    """The first real date written in a file name (NFKC-normalised first)."""
    text = unicodedata.normalize("NFKC", Path(name).stem)
    for pattern in (_FULL, _COMPACT):
        for m in pattern.finditer(text):
            day = _day(m["y"], m["m"], m["d"])
            if day is not None:
                return day
    return None


def period_in_name(name: str) -> tuple[dt.date, dt.date] | None:
    """A quarter, a month or a year that a file name says it covers (a full date is not one)."""
    text = unicodedata.normalize("NFKC", Path(name).stem)
    text = _COMPACT.sub(" ", _FULL.sub(" ", text))
    m = _QUARTER.search(text)
    if m:
        year = int(m["y"])
        quarter = _ZH_QUARTER.get(m["zh"] or "", 0) or int(m["zh"] or m["q"])
        first = _day(year, 3 * quarter - 2, 1)
        last = _day(year, 3 * quarter, calendar.monthrange(year, 3 * quarter)[1])
        return (first, last) if first and last else None
    m = _MONTH.search(text)
    if m and 1 <= int(m["m"]) <= 12:
        year, month = int(m["y"]), int(m["m"])
        first = _day(year, month, 1)
        last = _day(year, month, calendar.monthrange(year, month)[1])
        return (first, last) if first and last else None
    if _YEARLY.search(text):
        m = _YEAR.search(text)
        if m:
            first, last = _day(m["y"], 1, 1), _day(m["y"], 12, 31)
            return (first, last) if first and last else None
    return None


def _dates_in(text: str) -> list[dt.date]:
    found = []
    for m in _TEXT_DATE.finditer(unicodedata.normalize("NFKC", text)):
        day = _day(m["y"], m["m"] or m["m2"], m["d"] or m["d2"])
        if day is not None:
            found.append(day)
    return found


def word_text_date(path: Path) -> dt.date | None:
    """A date written in a Word document: the last one of its closing paragraphs (the signing
    date), else the first one of its opening paragraphs."""
    if path.suffix.lower() not in (".docx", ".docm"):
        return None
    import docx
    from docx.opc.exceptions import OpcError

    unreadable: tuple[type[BaseException], ...] = (*_UNREADABLE, OpcError)
    try:
        paragraphs = [p.text for p in docx.Document(str(path)).paragraphs if p.text.strip()]
    except unreadable:
        return None
    closing = [d for text in paragraphs[-_TEXT_PARAGRAPHS:] for d in _dates_in(text)]
    if closing:
        return closing[-1]
    opening = [d for text in paragraphs[:_TEXT_PARAGRAPHS] for d in _dates_in(text)]
    return opening[0] if opening else None


def office_date(path: Path) -> dt.date | None:
    """The created (else modified) date of a Word or Excel file's document properties."""
    suffix = path.suffix.lower()
    unreadable: tuple[type[BaseException], ...] = _UNREADABLE
    try:
        if suffix in (".docx", ".docm"):
            import docx
            from docx.opc.exceptions import OpcError

            unreadable = (*_UNREADABLE, OpcError)
            try:
                props = docx.Document(str(path)).core_properties
            except unreadable:
                return None
            stamp = props.created or props.modified
        elif suffix in (".xlsx", ".xlsm"):
            import openpyxl
            from openpyxl.utils.exceptions import InvalidFileException

            unreadable = (*_UNREADABLE, InvalidFileException)
            try:
                book = openpyxl.load_workbook(path, read_only=True)
            except unreadable:
                return None
            try:
                stamp = book.properties.created or book.properties.modified
            finally:
                book.close()
        else:
            return None
    except unreadable:
        return None
    if not isinstance(stamp, dt.datetime):
        return None
    day = stamp.date()
    return day if _EARLIEST <= day.year <= _LATEST else None


def pdf_date(path: Path) -> dt.date | None:
    """The CreationDate of a PDF, read from the first and last megabyte of the file."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(_PDF_WINDOW)
            if not head.startswith(b"%PDF"):
                return None
            tail = b""
            if size > _PDF_WINDOW:
                fh.seek(max(size - _PDF_WINDOW, _PDF_WINDOW))
                tail = fh.read()
    except OSError:
        return None
    for chunk in (tail, head):  # an updated PDF writes its newest information at the end
        for m in _PDF_DATE.finditer(chunk):
            y, mo, d = (g for g in m.groups() if g is not None)
            day = _day(y.decode(), mo.decode(), d.decode())
            if day is not None:
                return day
    return None


def propose(path: Path | str, name: str | None = None) -> DateProposal:
    """The date and covered period proposed for the file at ``path`` (shown as ``name``)."""
    path = Path(path)
    shown = name or path.name
    period = period_in_name(shown)
    start, end = period if period else (None, None)
    day = date_in_name(shown)
    if day is not None:
        return DateProposal(day, start, end, SOURCE_NAME)
    day = word_text_date(path)
    if day is not None:
        return DateProposal(day, start, end, SOURCE_TEXT)
    day = office_date(path)
    if day is not None:
        return DateProposal(day, start, end, SOURCE_PROPERTIES)
    day = pdf_date(path)
    if day is not None:
        return DateProposal(day, start, end, SOURCE_PDF)
    return DateProposal(None, start, end, "")
