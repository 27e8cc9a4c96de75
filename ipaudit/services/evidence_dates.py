"""What date a file of evidence carries, proposed before it is attached.

An undated record proves nothing, so attaching asks for the document's date and the period it
covers. This module proposes both from the file itself, from three sources (what counts as a date
written in a text, and what does not, is :mod:`ipaudit.domain.dates_in_text`):

1. the file name (source ``name``): the latest plausible date in it; its period (``2025年度``,
   ``2025Q1``, ``2024-2025`` …);
2. the document's text (``text``): a Word (or OpenDocument) text's opening and closing
   paragraphs, table cells, headers and footers, weighed by where each date stands (日期：…, the
   signature line); an Excel workbook's first rows and, up to 5,000 rows, its last ones (a
   labelled date, a date in a title; a date cell only beside a 日期 label — the first data row of a
   ledger is not the workbook's date); a PDF's first and last pages. A Word 97-2003 (or WPS) file's
   text is read from its piece table (:mod:`ipaudit.domain.word97_text`) and weighed as a .docx
   body is, so both forms of a document propose the same date;
3. the document properties (``properties``; ``pdf`` for a PDF's information dictionary or XMP):
   Word, Excel and PowerPoint files' created date (their 97-2003 and WPS forms too: the summary
   information; OpenDocument files: meta.xml) — unless it is a default (before 2000: 1601, 1899,
   1980; python-docx's template, 2013-12-23) or the file was made from another one, a template: its
   author is not the one who last saved it and it was created more than a year before that save.
   Then the modified date. A time stamp with a time zone is read in the computer's (23:30 UTC is
   the next morning in Beijing).

Which source's date is proposed goes by the kind of date each gives, strongest first
(:data:`ipaudit.domain.dates_in_text.STRENGTH`, one table):

1. a date standing in the name (``2025-06-01会议纪要.docx``);
2. a labelled date in the text (``签订日期：2025年6月1日``, ``日期：``, the signing line; in a
   workbook a labelled date, or a date cell or an Excel serial number beside a 日期 label);
3. a date inside a number in the name, when the name vouches for it (``签订HT20250101.docx``, a
   date word; ``HT2025-01-01-003.docx``, written as a date; ``20250101-003纪要.docx``, a serial
   after it): a contract numbered on 1 January and signed in June is dated by its signature.
   Eight digits of a document number without that (``HT-20250101.pdf``, ``HT20250101-003采购合同
   .docx``, ``凭证号20240315.docx``, ``No.20250101``) are no date at all: the number is not the
   document's date, the text or the properties date the file, else the user does (the proposal's
   ``numbers_in_name`` says why, :func:`number_note`);
4. any other date in the text (a title's, a date alone at the end);
5. the properties.

The period goes by source alone: the name's, else the text's.

Only a plausible date is proposed: from 2000-01-01 to ``today``. A date found in the future or
before 2000 is returned as ``doubtful`` (with its source) for the dialog to show, never proposed —
except a document property before 2000, which is a program's default and means "no date".

A scanned PDF has no text: its date can only come from its name or metadata. An encrypted PDF
(one that does not open with an empty password), an encrypted Word/Excel file (an OOXML file in
an OLE container) or an encrypted Word 97-2003 file is ``locked``: nothing inside can be read. Nothing here raises for a file it cannot
read: the proposal is then empty, and the user (or the command line's ``--date``) says the date.
Whenever the contents were not read, the proposal says why (``unread``): ``locked`` (encrypted),
``too_large`` (a workbook whose first sheet unpacks to more than :data:`SHEET_BYTES_LIMIT`, a
Word 97-2003 text stream above :data:`DOC_STREAM_LIMIT`, an XML part above 64 MB: the name and
the properties still count) or ``damaged`` (the file is not what its name says, or broken).
Used by the services, the command line and the desktop app alike (in a worker thread there).
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ipaudit.domain import dates_in_text as texts
from ipaudit.domain import word97_text
from ipaudit.domain.dates_in_text import Choice
from ipaudit.domain.model import Text

SOURCE_NAME = "name"
SOURCE_TEXT = "text"
SOURCE_PROPERTIES = "properties"
SOURCE_PDF = "pdf"

#: why a file's contents were not read (``DateProposal.unread``)
UNREAD_LOCKED = "locked"
UNREAD_TOO_LARGE = "too_large"
UNREAD_DAMAGED = "damaged"

_WORD = (".docx", ".docm", ".dotx")
_EXCEL = (".xlsx", ".xlsm", ".xltx")
_SHEETS = (*_EXCEL, ".xls", ".xlsb", ".ods")
_OOXML = (*_WORD, *_EXCEL, ".pptx", ".pptm")
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODF = (".odt", ".ods", ".odp")
#: Office 97-2003 and WPS files: OLE compound files with summary information
_LEGACY = (".doc", ".dot", ".xls", ".xlt", ".ppt", ".pps", ".wps", ".et", ".dps")
_XML_LIMIT = 64 << 20  # an XML part larger than this (unpacked) is not read
_PDF_WINDOW = 1 << 20  # bytes read at each end of a PDF too broken for pypdf
_SHEET_ROWS = 10  # the first rows of a workbook's first sheet
_SHEET_LAST_ROWS = 5  # and its last rows (制表日期 under the table), when it is not long
_SHEET_SHORT = 5000
#: a workbook whose first sheet (with its shared strings; an xls: the whole file) unpacks to more
#: bytes than this is not read for its first rows: calamine would load the whole sheet
SHEET_BYTES_LIMIT = 16 << 20
#: a Word 97-2003 file whose text stream or table stream is larger than this is not read
DOC_STREAM_LIMIT = 32 << 20
_DOC = (".doc", ".dot", ".wps")
#: core-property stamps that are a template's, not the document's
_TEMPLATE_STAMPS = {dt.datetime(2013, 12, 23, 23, 15, tzinfo=dt.UTC)}  # python-docx's default.docx

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DateProposal:
    """A proposed document date and covered period; ``source`` says where the date came from
    ("name", "text", "properties", "pdf"; "" when there is none), ``period_source`` where the
    period (or the doubtful period) did. ``doubtful``: a date found but not proposed (in the
    future, before 2000), from ``doubtful_source``; ``doubtful_period``: a period found but not
    proposed (starting before 2000 or after next year). ``locked``: the file is encrypted, its
    contents could not be read. ``unread``: why the contents were not read (``UNREAD_*``: locked,
    too large, damaged); "" when they were, or did not need to be (the name said it all).
    ``numbers_in_name``: digits in the name that look like a date and were read as part of a
    document number instead (``HT-20250101``: "20250101"; see :func:`number_note`)."""

    doc_date: dt.date | None = None
    period_start: dt.date | None = None
    period_end: dt.date | None = None
    source: str = ""
    period_source: str = ""
    doubtful: dt.date | None = None
    doubtful_source: str = ""
    locked: bool = False
    doubtful_period: tuple[dt.date, dt.date] | None = None
    unread: str = ""
    numbers_in_name: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return self.doc_date is None and self.period_start is None


_NOTHING = Choice()


@dataclass(frozen=True, slots=True)
class _Contents:
    """What a file's contents say: a date from its text, one from its properties, a period."""

    text: Choice = _NOTHING
    properties: Choice = _NOTHING
    period: tuple[dt.date, dt.date] | None = None
    locked: bool = False
    unread: str = ""


class _TooLarge(Exception):
    """A part of the file is above the size it may be read at."""


def _today(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


def date_in_name(name: str, today: dt.date | None = None) -> dt.date | None:
    """The date a file name proposes: the latest plausible one written in it."""
    return texts.date_in(Path(name).stem, _today(today)).day


def period_in_name(name: str, today: dt.date | None = None) -> tuple[dt.date, dt.date] | None:
    """A range of dates, a quarter, a half year, months, a month, years or a year that a file
    name says it covers (a single day is a date, not a period)."""
    return texts.period_in(Path(name).stem, _today(today))


# --- Word, Excel, PowerPoint ---------------------------------------------------------------------

_PARAGRAPH = re.compile(rb"<w:p[ >].*?</w:p>", re.DOTALL)
_RUN_TEXT = re.compile(rb"<w:t(?:\s[^>]*)?>([^<]*)</w:t>|<w:(tab|br|cr)\b[^>]*/>")
_CREATED = re.compile(rb"<dcterms:created\b[^>]*>([^<]*)<")
_MODIFIED = re.compile(rb"<dcterms:modified\b[^>]*>([^<]*)<")
_CREATOR = re.compile(rb"<dc:creator\b[^>]*>([^<]*)<")
_LAST_SAVED_BY = re.compile(rb"<cp:lastModifiedBy\b[^>]*>([^<]*)<")


def _locked_office(path: Path) -> bool:
    """An encrypted Word/Excel/PowerPoint file: an OOXML name on an OLE compound file."""
    if path.suffix.lower() not in _OOXML:
        return False
    try:
        with path.open("rb") as fh:
            return fh.read(8) == _OLE
    except OSError:
        return False


def _part(book: zipfile.ZipFile, name: str) -> bytes:
    info = book.getinfo(name)
    if info.file_size > _XML_LIMIT:
        raise _TooLarge(name)
    return book.read(info)


def _paragraphs(xml: bytes) -> list[str]:
    out = []
    for p in _PARAGRAPH.finditer(xml):
        pieces = [
            html.unescape(m[1].decode("utf-8", "replace")) if m[1] is not None else " "
            for m in _RUN_TEXT.finditer(p[0])
        ]
        out.append("".join(pieces))
    return out


def _word_parts(path: Path) -> tuple[list[str], list[str]]:
    """The paragraphs of a Word document's body (table cells included, in order) and of its
    headers and footers."""
    with zipfile.ZipFile(path) as book:
        names = book.namelist()
        body = _paragraphs(_part(book, "word/document.xml"))
        margins = [
            p
            for name in sorted(names)
            if re.fullmatch(r"word/(header|footer)\d*\.xml", name)
            for p in _paragraphs(_part(book, name))
        ]
    return body, margins


def _stamp(raw: bytes) -> dt.datetime | None:
    text = raw.decode("ascii", "replace").strip()
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)  # 2025-3-5T… from a careless writer
    try:
        return dt.datetime(int(m[1]), int(m[2]), int(m[3])) if m else None
    except ValueError:
        return None


def _ole_properties(path: Path, today: dt.date) -> Choice:
    """The summary information of a Word 97-2003 / Excel 97-2003 / PowerPoint (or WPS) file:
    created and last saved, in UTC."""
    import olefile  # type: ignore[import-untyped]

    if not olefile.isOleFile(str(path)):
        return Choice()
    with olefile.OleFileIO(str(path)) as ole:
        return _summary_choice(ole, today)


def _summary_choice(ole: Any, today: dt.date) -> Choice:
    """The created / last saved dates of an open OLE file's summary information."""
    try:
        meta = ole.get_metadata()
    except Exception as exc:  # a broken property set: no date from it
        log.info("no summary information: %s", exc)
        return Choice()

    def utc(stamp: object) -> dt.datetime | None:
        return stamp.replace(tzinfo=dt.UTC) if isinstance(stamp, dt.datetime) else None

    author, saved_by = meta.author or b"", meta.last_saved_by or b""
    return _property_choice(
        utc(meta.create_time),
        utc(meta.last_saved_time),
        today,
        bool(author and saved_by and author != saved_by),
    )


def _local_day(stamp: dt.datetime) -> dt.date:
    """A time stamp's day where the computer is (a naive one as written)."""
    return stamp.astimezone().date() if stamp.tzinfo is not None else stamp.date()


def _property_choice(
    created: dt.datetime | None,
    modified: dt.datetime | None,
    today: dt.date,
    other_author: bool = False,
) -> Choice:
    def usable(stamp: dt.datetime | None) -> dt.datetime | None:
        if stamp is None or stamp.year < texts.EARLIEST.year or stamp in _TEMPLATE_STAMPS:
            return None
        return stamp

    created, modified = usable(created), usable(modified)
    if created is not None and modified is not None:
        comparable = (created.tzinfo is None) == (modified.tzinfo is None)
        if other_author and comparable and (modified - created).days > 365:
            created = None  # made from someone's older file (a template): its last save dates it
    stamp = created or modified
    if stamp is None:
        return Choice()
    day = _local_day(stamp)
    if texts.plausible(day, today):
        return Choice(day, kind=texts.PROPERTIES)
    return Choice(None, day, texts.PROPERTIES)


def _core_properties(path: Path, today: dt.date) -> Choice:
    with zipfile.ZipFile(path) as book:
        try:
            xml = _part(book, "docProps/core.xml")
        except KeyError:
            return Choice()
    found = [
        m[1].strip() if (m := rx.search(xml)) else b""
        for rx in (_CREATED, _MODIFIED, _CREATOR, _LAST_SAVED_BY)
    ]
    created, modified = (_stamp(raw) if raw else None for raw in found[:2])
    other_author = bool(found[2] and found[3] and found[2] != found[3])
    return _property_choice(created, modified, today, other_author)


_ODF_PARAGRAPH = re.compile(rb"<text:(p|h)\b[^>]*?(?:/>|>(.*?)</text:\1>)", re.DOTALL)
_TAG = re.compile(r"<text:(?:tab|line-break)\b[^>]*/>|<[^>]+>")
_ODF_CREATED = re.compile(rb"<meta:creation-date>([^<]*)<")
_ODF_MODIFIED = re.compile(rb"<dc:date>([^<]*)<")
_ODF_CREATOR = re.compile(rb"<meta:initial-creator>([^<]*)<")
_ODF_SAVED_BY = re.compile(rb"<dc:creator>([^<]*)<")


def _odf_properties(book: zipfile.ZipFile, today: dt.date) -> Choice:
    """An OpenDocument file's meta.xml: created, last saved (in local time, as written)."""
    try:
        xml = _part(book, "meta.xml")
    except KeyError:
        return Choice()
    found = [
        m[1].strip() if (m := rx.search(xml)) else b""
        for rx in (_ODF_CREATED, _ODF_MODIFIED, _ODF_CREATOR, _ODF_SAVED_BY)
    ]
    created, modified = (_stamp(raw) if raw else None for raw in found[:2])
    return _property_choice(created, modified, today, bool(found[2] and found[2] != found[3]))


def _odf_contents(path: Path, today: dt.date) -> _Contents:
    """An OpenDocument text (LibreOffice, WPS): its paragraphs and meta.xml; a spreadsheet or
    presentation: its meta.xml (a spreadsheet's first rows are read as a workbook's)."""
    with zipfile.ZipFile(path) as book:
        properties = _odf_properties(book, today)
        if path.suffix.lower() != ".odt":
            return _Contents(properties=properties)
        body = [
            html.unescape(_TAG.sub(" ", (m[2] or b"").decode("utf-8", "replace")))
            for m in _ODF_PARAGRAPH.finditer(_part(book, "content.xml"))
        ]
    return _Contents(
        text=texts.document_date(body, (), today),
        properties=properties,
        period=texts.document_period(body, today),
    )


def _word_contents(path: Path, today: dt.date) -> _Contents:
    body, margins = _word_parts(path)
    return _Contents(
        text=texts.document_date(body, margins, today),
        properties=_core_properties(path, today),
        period=texts.document_period(body, today),
    )


def _doc_contents(path: Path, today: dt.date) -> _Contents:
    """A Word 97-2003 (or WPS) file: its text from the piece table, weighed as a .docx body is
    (headers and footers as its margins), and its summary information. A .doc that is a .docx
    (renamed, or saved so by a careless program) is read as one."""
    import olefile

    if zipfile.is_zipfile(path):
        return _word_contents(path, today)
    if not olefile.isOleFile(str(path)):
        return _Contents(unread=UNREAD_DAMAGED)
    with olefile.OleFileIO(str(path)) as ole:
        properties = _summary_choice(ole, today)
        if not ole.exists(word97_text.WORD_DOCUMENT):
            return _Contents(properties=properties, unread=UNREAD_DAMAGED)
        if ole.get_size(word97_text.WORD_DOCUMENT) > DOC_STREAM_LIMIT:
            return _Contents(properties=properties, unread=UNREAD_TOO_LARGE)
        word = ole.openstream(word97_text.WORD_DOCUMENT).read()
        if word97_text.encrypted(word):
            return _Contents(properties=properties, locked=True, unread=UNREAD_LOCKED)
        fib = word97_text.read_fib(word)
        if fib is None or not ole.exists(fib.table):
            return _Contents(properties=properties, unread=UNREAD_DAMAGED)
        if ole.get_size(fib.table) > DOC_STREAM_LIMIT:
            return _Contents(properties=properties, unread=UNREAD_TOO_LARGE)
        table = ole.openstream(fib.table).read()
    text = word97_text.read_text(word, table)
    if text is None:
        return _Contents(properties=properties, unread=UNREAD_DAMAGED)
    return _Contents(
        text=texts.document_date(text.body, text.margins, today),
        properties=properties,
        period=texts.document_period(text.body, today),
    )


def _cell_text(value: Any) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    return "" if value is None else str(value)


def _sheet_rows(path: Path) -> list[list[Any]]:
    import python_calamine

    book = python_calamine.CalamineWorkbook.from_path(str(path))
    try:
        sheet = book.get_sheet_by_index(0)
        if sheet.height > _SHEET_SHORT:
            return [list(row) for row in sheet.to_python(nrows=_SHEET_ROWS)]
        rows = [list(row) for row in sheet.to_python()]
    finally:
        book.close()
    if len(rows) <= _SHEET_ROWS + _SHEET_LAST_ROWS:
        return rows
    return [*rows[:_SHEET_ROWS], [], *rows[-_SHEET_LAST_ROWS:]]


#: a number that is an Excel serial day of 2000-01-01 … 2099-12-31 (a date typed into a cell
#: that is not formatted as a date: 45750 is 2025-04-03)
_SERIAL_DAYS = (36526, 73051)


def _serial_day(value: Any) -> dt.date | None:
    """The day an Excel serial number gives, when ``value`` is a number in :data:`_SERIAL_DAYS`."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not _SERIAL_DAYS[0] <= value < _SERIAL_DAYS[1] + 1:
        return None
    from ipaudit.ledger.normalize import date_from_serial  # (here: it loads the ledger's synonyms)

    return date_from_serial(value)


def _sheet_date(rows: Sequence[Sequence[Any]], today: dt.date) -> Choice:
    """A workbook's date in its first (and last) rows: a labelled date (填表日期：2025-03-05), a
    date cell, a date's text or an Excel serial number (45750) beside a label cell (日期 | …), or
    a date inside a title in the first three rows (知识产权培训签到表 2025年3月5日). A bare date cell
    is data (a ledger's first entry), and so is a bare number. The latest of them is proposed; it
    is :data:`~ipaudit.domain.dates_in_text.TEXT_LABELLED` when a label gives it, else
    :data:`~ipaudit.domain.dates_in_text.TEXT`."""
    candidates: list[texts.Found] = []
    labelled_days: set[dt.date] = set()
    for number, row in enumerate(rows):
        previous = ""
        for value in row:
            text = _cell_text(value)
            if not text.strip():
                continue
            serial = _serial_day(value)
            if serial is not None and texts.is_date_label(previous):
                candidates.append(texts.Found(serial, 0, 0))
                labelled_days.add(serial)
            norm = texts.normalize(text)
            for found in texts.find_dates(text, today):
                before = norm[: found.start]
                rest = (before + norm[found.end :]).strip()
                labelled = texts.is_date_label(before) or texts.is_date_label(previous)
                title = number < 3 and len(re.sub(r"[\s\d:\-./]", "", rest)) >= 2
                if labelled or title:
                    candidates.append(found)
                if labelled:
                    labelled_days.add(found.day)
            previous = text
    choice = texts.latest(candidates, today, texts.TEXT)
    if (choice.day or choice.doubtful) in labelled_days:
        return Choice(choice.day, choice.doubtful, texts.TEXT_LABELLED)
    return choice


def _unpacked(book: zipfile.ZipFile, members: Sequence[str], limit: int) -> int:
    """The bytes the members unpack to, counted up to just past ``limit``: first as their zip
    entries say, then as they inflate (an entry may understate its size)."""
    declared = sum(book.getinfo(m).file_size for m in members)
    if declared > limit:
        return declared
    total = 0
    for member in members:
        with book.open(member) as stream:  # (an entry that understates its size fails its CRC)
            while chunk := stream.read(1 << 18):
                total += len(chunk)
                if total > limit:
                    return total
    return total


def _sheet_bytes(path: Path, limit: int) -> int:
    """What calamine unpacks to give a workbook's first rows: an xlsx's (xlsm's, xlsb's) shared
    strings and first sheet, an ods's content.xml (every sheet), an xls's whole file (calamine
    loads every sheet when it opens one); counted up to just past ``limit``."""
    from ipaudit.ledger.errors import LedgerError
    from ipaudit.ledger.xlsxscan import sheet_members  # (here: start-up does not need them)

    if not zipfile.is_zipfile(path):
        return path.stat().st_size
    with zipfile.ZipFile(path) as book:
        names = book.namelist()
        if "content.xml" in names:
            return _unpacked(book, ["content.xml"], limit)
        try:
            first = next(iter(sheet_members(book, str(path)).values()), "")
        except LedgerError:  # an xlsb has no workbook.xml: all its sheets count
            first = ""
        sheets = (
            [first]
            if first in names
            else [n for n in names if n.startswith("xl/worksheets/") and not n.endswith(".rels")]
        )
        strings = [n for n in names if n.startswith("xl/sharedStrings")]
        return _unpacked(book, [*strings, *sheets], limit)


def _properties_only(path: Path, today: dt.date) -> Choice:
    """The document properties of a file whose contents are not read (too large)."""
    suffix = path.suffix.lower()
    try:
        if suffix in _OOXML:
            return _core_properties(path, today)
        if suffix in _LEGACY:
            return _ole_properties(path, today)
        if suffix in _ODF:
            with zipfile.ZipFile(path) as book:
                return _odf_properties(book, today)
    except Exception as exc:  # no properties either
        log.info("no properties read from %s: %s", path, exc)
    return Choice()


def _sheet_contents(path: Path, today: dt.date) -> _Contents:
    if _sheet_bytes(path, SHEET_BYTES_LIMIT) > SHEET_BYTES_LIMIT:
        log.info("%s: first sheet above %d bytes, its rows are not read", path, SHEET_BYTES_LIMIT)
        return _Contents(properties=_properties_only(path, today), unread=UNREAD_TOO_LARGE)
    rows = _sheet_rows(path)
    titles = [_cell_text(v) for row in rows[:3] for v in row if isinstance(v, str) and v.strip()]
    period = next((p for t in titles if (p := texts.period_in(t, today))), None)
    properties = Choice()
    if path.suffix.lower() in _EXCEL:
        properties = _core_properties(path, today)
    elif path.suffix.lower() in _LEGACY:
        properties = _ole_properties(path, today)
    elif path.suffix.lower() == ".ods":
        properties = _odf_contents(path, today).properties
    return _Contents(text=_sheet_date(rows, today), properties=properties, period=period)


# --- PDF ----------------------------------------------------------------------------------------

_PDF_STAMP = re.compile(
    r"^\s*(?:D\s*:)?\s*(\d{4})(\d{2})(\d{2})"
    r"(?:(\d{2})(?:(\d{2})(\d{2})?)?(?:(Z)|([+-])(\d{2})'?(\d{2})?'?)?)?"
)
_XMP_DATE = {
    name: re.compile(
        rb"xmp:"
        + name
        + rb"\s*(?:=\s*[\"']|>)\s*(\d{4}-\d{2}-\d{2}(?:T[0-9:.]+(?:Z|[+-]\d\d:\d\d)?)?)"
    )
    for name in (b"CreateDate", b"ModifyDate")
}


def _pdf_day(value: object) -> dt.date | None:
    """D:20250305101500+08'00': its day where the computer is when the time zone is given (Z is
    UTC), else as written; a malformed one gives None."""
    if value is None:
        return None
    m = _PDF_STAMP.match(str(value))
    if m is None:
        return None
    try:
        stamp = dt.datetime(
            int(m[1]), int(m[2]), int(m[3]), int(m[4] or 0), int(m[5] or 0), int(m[6] or 0)
        )
        if m[7] or m[8]:
            sign = -1 if m[8] == "-" else 1
            offset = dt.timedelta(hours=int(m[9] or 0), minutes=int(m[10] or 0))
            stamp = stamp.replace(tzinfo=dt.timezone(sign * offset))
    except ValueError:
        try:  # a time or a zone out of range: the day as written
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return _local_day(stamp)


def _xmp_day(xmp: bytes, name: bytes) -> dt.date | None:
    m = _XMP_DATE[name].search(xmp)
    stamp = _stamp(m[1]) if m else None
    return _local_day(stamp) if stamp is not None else None


def _pdf_property_choice(days: Sequence[dt.date | None], today: dt.date) -> Choice:
    """The first of the PDF's dates that is no default (before 2000, e.g. D:19700101)."""
    for day in days:
        if day is not None and day >= texts.EARLIEST:
            if texts.plausible(day, today):
                return Choice(day, kind=texts.PROPERTIES)
            return Choice(None, day, texts.PROPERTIES)
    return Choice()


_RAW_PDF_DATE = re.compile(
    rb"/(?:CreationDate|ModDate)\s*\(\s*(?:D:)?(\d{4})(\d{2})(\d{2})"
    rb"|xmp:(?:CreateDate|ModifyDate)\s*(?:=\s*[\"']|>)\s*(\d{4})-(\d{2})-(\d{2})"
)


def _raw_pdf_contents(path: Path, today: dt.date) -> _Contents:
    """A PDF too broken for pypdf: its dates as plain bytes in the first and last megabyte (an
    updated PDF writes its newest information at the end)."""
    with path.open("rb") as fh:
        head = fh.read(_PDF_WINDOW)
        size = fh.seek(0, 2)
        fh.seek(max(size - _PDF_WINDOW, len(head)))
        tail = fh.read()
    if b"/Encrypt" in tail or b"/Encrypt" in head:
        return _Contents(locked=True, unread=UNREAD_LOCKED)
    days = []
    for chunk in (tail, head):
        for m in _RAW_PDF_DATE.finditer(chunk):
            y, mo, d = (g for g in m.groups() if g is not None)
            try:
                days.append(dt.date(int(y), int(mo), int(d)))
            except ValueError:
                continue
    return _Contents(properties=_pdf_property_choice(days, today))


def _pdf_contents(path: Path, today: dt.date) -> _Contents:
    from pypdf import PdfReader

    # pypdf's warnings about a broken file (a wrong startxref …) say nothing the user can act on
    logging.getLogger("pypdf").setLevel(logging.ERROR)

    with path.open("rb") as fh:
        if not fh.read(1024).lstrip().startswith(b"%PDF"):
            return _Contents(unread=UNREAD_DAMAGED)
    try:
        reader = PdfReader(str(path))
        encrypted = reader.is_encrypted
    except Exception as exc:  # pypdf cannot make sense of it: look for the dates as bytes
        log.info("%s read as bytes: %s", path, exc)
        return _raw_pdf_contents(path, today)
    if encrypted:
        try:
            opened = bool(reader.decrypt(""))
        except Exception:  # pypdf's errors for an unknown or unsupported encryption
            opened = False
        if not opened:
            return _Contents(locked=True, unread=UNREAD_LOCKED)
    try:
        info: Any = reader.metadata or {}
    except Exception as exc:  # a broken information dictionary or cross-reference table
        log.info("%s read as bytes: %s", path, exc)
        return _raw_pdf_contents(path, today)
    xmp = b""
    try:
        root: Any = reader.trailer["/Root"]
        metadata = root.get("/Metadata")
        if metadata is not None:
            xmp = metadata.get_object().get_data()[:_XML_LIMIT]
    except Exception:  # a broken metadata stream is no date
        xmp = b""
    properties = _pdf_property_choice(
        [
            _pdf_day(info.get("/CreationDate")),
            _xmp_day(xmp, b"CreateDate"),
            _pdf_day(info.get("/ModDate")),
            _xmp_day(xmp, b"ModifyDate"),
        ],
        today,
    )
    pages = list(reader.pages[:1]) + (list(reader.pages[-1:]) if len(reader.pages) > 1 else [])
    lines: list[str] = []
    for page in pages:
        try:
            lines.extend((page.extract_text() or "").splitlines())
        except Exception:  # a page pypdf cannot interpret: no text from it
            continue
    return _Contents(
        text=texts.document_date(lines, (), today),
        properties=properties,
        period=texts.document_period(lines, today),
    )


# --- one file -----------------------------------------------------------------------------------


def _contents(path: Path, today: dt.date) -> _Contents:
    """What the file's contents say; nothing for a file that cannot be read (it is logged)."""
    suffix = path.suffix.lower()
    if _locked_office(path):
        return _Contents(locked=True, unread=UNREAD_LOCKED)
    try:
        if suffix in _WORD:
            return _word_contents(path, today)
        if suffix in _SHEETS:
            return _sheet_contents(path, today)
        if suffix in (".pptx", ".pptm"):
            return _Contents(properties=_core_properties(path, today))
        if suffix in _DOC:
            return _doc_contents(path, today)
        if suffix in _LEGACY:
            return _Contents(properties=_ole_properties(path, today))
        if suffix in (".odt", ".odp"):
            return _odf_contents(path, today)
        if suffix == ".pdf":
            return _pdf_contents(path, today)
    except _TooLarge as exc:
        log.info("%s: %s is too large to be read", path, exc)
        return _Contents(properties=_properties_only(path, today), unread=UNREAD_TOO_LARGE)
    except Exception as exc:  # any file may be dropped: a broken one only has no date
        log.info("no dates read from %s: %s", path, exc)
        return _Contents(unread=UNREAD_DAMAGED)
    return _Contents()


def word_text_date(path: Path, today: dt.date | None = None) -> dt.date | None:
    """A date written in a Word document (see :func:`ipaudit.domain.dates_in_text.document_date`)."""
    if Path(path).suffix.lower() not in (*_WORD, *_DOC):
        return None
    return _contents(Path(path), _today(today)).text.day


def office_date(path: Path, today: dt.date | None = None) -> dt.date | None:
    """The date of a Word, Excel or PowerPoint file's document properties."""
    if Path(path).suffix.lower() not in (*_WORD, *_EXCEL, ".pptx", ".pptm", *_LEGACY, *_ODF):
        return None
    return _contents(Path(path), _today(today)).properties.day


def pdf_date(path: Path, today: dt.date | None = None) -> dt.date | None:
    """The date of a PDF's information dictionary or XMP metadata."""
    if Path(path).suffix.lower() != ".pdf":
        return None
    return _contents(Path(path), _today(today)).properties.day


def propose(
    path: Path | str, name: str | None = None, today: dt.date | None = None
) -> DateProposal:
    """The date and covered period proposed for the file at ``path`` (shown as ``name``): the
    strongest of its name's, its text's and its properties' (a date standing in the name, a
    labelled date in the text, a date inside a number in the name, any other date in the text,
    the properties: see the module's text); a period from its name, else its text."""
    path = Path(path)
    today = _today(today)
    shown = name or path.name
    in_name = texts.date_in(Path(shown).stem, today)
    numbers = tuple(texts.numbers_in(Path(shown).stem, today))
    named_period = period_in_name(shown, today)
    contents = _Contents()
    if (
        in_name.day is None
        or in_name.kind != texts.NAME
        or named_period is None
        or not texts.plausible_period(*named_period, today)
    ):
        contents = _contents(path, today)
    periods = [
        (p, s)
        for p, s in ((named_period, SOURCE_NAME), (contents.period, SOURCE_TEXT))
        if p is not None
    ]
    good = [(p, s) for p, s in periods if texts.plausible_period(*p, today)]
    period, period_source = good[0] if good else (None, "")
    doubtful_period = None
    if not good and periods:  # shown, not proposed: it starts before 2000 or after next year
        doubtful_period, period_source = periods[0]
    start, end = period if period else (None, None)
    property_source = SOURCE_PDF if path.suffix.lower() == ".pdf" else SOURCE_PROPERTIES
    choices = sorted(
        [
            (in_name, SOURCE_NAME),
            (contents.text, SOURCE_TEXT),
            (contents.properties, property_source),
        ],
        key=lambda choice: -choice[0].strength,
    )
    doubtful, doubtful_source = next(
        ((c.doubtful, s) for c, s in choices if c.doubtful is not None), (None, "")
    )
    for choice, source in choices:
        if choice.day is not None:
            return DateProposal(
                choice.day,
                start,
                end,
                source,
                period_source,
                locked=contents.locked,
                doubtful_period=doubtful_period,
                unread=contents.unread,
                numbers_in_name=numbers,
            )
    return DateProposal(
        None,
        start,
        end,
        "",
        period_source,
        doubtful,
        doubtful_source,
        contents.locked,
        doubtful_period,
        contents.unread,
        numbers,
    )


def number_note(proposal: DateProposal) -> Text | None:
    """What to say of the digits in a file's name that were read as a document number, not as
    its date, when the date proposed does not come from the name (the command line and the
    attach dialog say the same); None when there is nothing to say."""
    if not proposal.numbers_in_name or proposal.source == SOURCE_NAME:
        return None
    digits = "、".join(f"“{n}”" for n in proposal.numbers_in_name)
    digits_en = ", ".join(f"'{n}'" for n in proposal.numbers_in_name)
    return Text(
        f"文件名中的{digits}是文件编号的一部分，不作为文件日期。",
        f"{digits_en} in the file name is part of a document number, not the document's date.",
    )
