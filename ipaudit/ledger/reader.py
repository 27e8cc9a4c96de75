"""Reading the rows of a ledger file: xlsx/xlsm, xls, ods, xlsb (python-calamine) and csv/tsv.

The format is recognised from the file's first bytes, not its name (finance departments rename
files freely). Spreadsheets are read with python-calamine — formulas give their saved results —
after ``xlsxscan`` has checked an xlsx sheet's extent and found formulas without results and error
cells, and ``odsscan`` the same in an ods sheet (an xls formula always carries its result). Text
files are decoded as UTF-8 (with or without BOM), UTF-16 with BOM, GB18030 (a superset of GBK) or
Big5 — a small ladder with a plausibility test, because Big5 bytes also decode as GB18030, into
rare characters: text whose characters are mostly outside GB2312 but common Big5 is Big5. Korean
EUC-KR bytes decode as common GB2312 characters too; where the sample also decodes as Korean,
charset-normalizer's measure of how garbled each reading is decides. Any other encoding is refused
with the name charset-normalizer gives it. Only the first 64 KiB are sampled to tell any of this.
The delimiter is sniffed. A csv is streamed, never read whole; a quote left open is a located
error, never a cell that swallows the rows after it.

Rows come out in spreadsheet positions: the n-th row yielded is row n as the spreadsheet shows it
and cell ``i`` is column ``i`` (A = 0), whatever empty rows or columns lie before the data. Every
expected failure is a typed ``LedgerError``; nothing here waits on anything but the file.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import python_calamine as pc
from charset_normalizer import from_bytes

from ipaudit.ledger import odsscan, xlsscan, xlsxscan
from ipaudit.ledger.cells import Cell, CellIssue
from ipaudit.ledger.errors import (
    EmptyFile,
    FileCorrupt,
    FileUnreadable,
    NotASpreadsheet,
    PasswordProtected,
    SheetNotFound,
    SheetTooLarge,
    UnclosedQuote,
)

MAX_COLUMNS = xlsxscan.MAX_COLUMNS
_ZIP_ERRORS = xlsxscan.ZIP_ERRORS
_SAMPLE = 64 * 1024
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_DELIMITERS = (",", "\t", ";", "|")
_XLSX_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")
_PLAUSIBLE = 0.8  # share of common characters that makes a decoding plausible
_WESTERN = (
    "西文单字节编码（如 Windows-1252/Latin-1）",
    "a Western single-byte encoding such as Windows-1252",
)
_MAX_CELL_LINES = 50  # lines one csv cell may span before its quote counts as left open

# (magic prefix, what zh, what en) for files that are certainly not spreadsheets
_NOT_SHEETS = (
    (b"%PDF", "PDF 文档", "a PDF document"),
    (b"\x89PNG", "PNG 图片", "a PNG image"),
    (b"\xff\xd8\xff", "JPEG 图片", "a JPEG image"),
    (b"GIF8", "GIF 图片", "a GIF image"),
    (b"II*\x00", "TIFF 图片", "a TIFF image"),
    (b"MM\x00*", "TIFF 图片", "a TIFF image"),
    (b"Rar!", "RAR 压缩包", "a RAR archive"),
    (b"7z\xbc\xaf", "7z 压缩包", "a 7z archive"),
    (b"\x1f\x8b", "gzip 压缩文件", "a gzip file"),
    (b"{\\rtf", "RTF 文档", "an RTF document"),
    (b"\x7fELF", "程序文件", "a program"),
    (b"MZ", "程序文件", "a program"),
)


class Format:
    XLSX = "xlsx"
    XLS = "xls"
    XLSB = "xlsb"
    ODS = "ods"
    CSV = "csv"


@dataclass(frozen=True, slots=True)
class TextFormat:
    encoding: str
    delimiter: str


def _read_head(path: Path, size: int = _SAMPLE) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(size)
    except FileNotFoundError as exc:
        raise FileUnreadable(path, "文件不存在 / not found") from exc
    except IsADirectoryError as exc:
        raise FileUnreadable(path, "这是文件夹 / a folder") from exc
    except PermissionError as exc:
        raise FileUnreadable(path, "没有读取权限 / permission denied") from exc
    except OSError as exc:
        raise FileUnreadable(path, exc.strerror or str(exc)) from exc


def sniff_format(path: str | Path) -> str:
    """``xlsx``, ``xls``, ``xlsb``, ``ods`` or ``csv`` (any delimited text), from the content."""
    return _sniff(Path(path))[0]


def _sniff(p: Path) -> tuple[str, TextFormat | None]:
    """The format, and for delimited text its encoding and delimiter, from one read of the head."""
    head = _read_head(p)
    if not head:
        raise EmptyFile(p)
    if head.startswith(_ZIP):
        return _zip_format(p), None
    if head.startswith(_OLE2):
        return Format.XLS, None  # or another Office file in the same container: xlsscan tells
    for magic, zh, en in _NOT_SHEETS:
        if head.startswith(magic):
            raise NotASpreadsheet(p, zh, en)
    lowered = head[:2048].lstrip().lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<table")):
        raise NotASpreadsheet(
            p, "网页（HTML，常见于系统导出的“xls”）", "a web page (HTML, often exported as “xls”)"
        )
    if lowered.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in head:
        raise NotASpreadsheet(p, "Excel 2003 XML 表格", "an Excel 2003 XML spreadsheet")
    return Format.CSV, _text_format(p, head)  # raises for binary data


def _zip_format(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "mimetype" in names:
                mimetype = zf.read("mimetype").decode("ascii", "replace").strip()
                if mimetype.startswith("application/vnd.oasis.opendocument.spreadsheet"):
                    return Format.ODS
                raise NotASpreadsheet(
                    path, f"OpenDocument 文档（{mimetype}）", f"an OpenDocument file ({mimetype})"
                )
    except _ZIP_ERRORS as exc:
        raise FileCorrupt(path, f"压缩结构不完整 / broken zip: {exc}") from exc
    if "xl/workbook.xml" in names:
        return Format.XLSX
    if "xl/workbook.bin" in names:
        return Format.XLSB
    if "word/document.xml" in names:
        raise NotASpreadsheet(path, "Word 文档", "a Word document")
    if any(n.startswith("ppt/") for n in names):
        raise NotASpreadsheet(path, "PowerPoint 演示文稿", "a PowerPoint presentation")
    raise NotASpreadsheet(path, "压缩包（zip）", "a zip archive")


def _text_format(path: Path, head: bytes) -> TextFormat:
    """Encoding and delimiter of a delimited text file, from its first 64 KiB."""
    if head.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        if b"\x00" in head or _control_ratio(head) > 0.01:
            raise NotASpreadsheet(
                path, "二进制数据（无法识别的文件）", "binary data (an unknown kind of file)"
            )
        encoding = "utf-8" if _decodes(head, "utf-8") is not None else _legacy_encoding(path, head)
    text = head.decode(encoding, errors="ignore")
    return TextFormat(encoding, _sniff_delimiter(text, path.suffix.lower()))


def text_encoding(data: bytes, path: Path) -> str:
    """The encoding of delimited text ``data`` (of the file ``path``, named in errors), decided
    as for a ledger's .csv: a mark, else UTF-8, else GB18030 or Big5; NotASpreadsheet for
    binary data or an encoding we do not read."""
    return _text_format(path, data[:_SAMPLE]).encoding


def _cjk_share(text: str, common: Callable[[str], bool]) -> float:
    """The share of the non-ASCII characters of ``text`` for which ``common`` holds."""
    wide = [c for c in text if ord(c) > 127][:4096]
    return sum(1 for c in wide if common(c)) / len(wide) if wide else 1.0


def _common_gb2312(c: str) -> bool:
    """A GB2312 hanzi or full-width punctuation (not its kana, Greek or box-drawing rows, where
    Big5's most frequent characters land when read as GB18030)."""
    try:
        code = c.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(code) == 2 and (0xA1 <= code[0] <= 0xA3 or 0xB0 <= code[0] <= 0xF7)


def _common_big5(c: str) -> bool:
    """In Big5's level 1 (the 5,401 frequent characters) or its symbols."""
    try:
        code = c.encode("big5")
    except UnicodeEncodeError:
        return False
    return len(code) == 2 and 0xA140 <= int.from_bytes(code, "big") <= 0xC67E


def _decodes(head: bytes, encoding: str) -> str | None:
    try:
        return codecs.getincrementaldecoder(encoding)().decode(head, final=False)
    except UnicodeDecodeError:
        return None


def _legacy_encoding(path: Path, head: bytes) -> str:
    """GB18030 or Big5 for text that is not UTF-8; else a ``NotASpreadsheet`` naming what the
    text most likely is."""
    gb = _decodes(head, "gb18030")
    if gb is not None and _cjk_share(gb, _common_gb2312) >= _PLAUSIBLE:
        if _decodes(head, "cp949") is None or not _clearly_korean(head):
            return "gb18030"
        raise _unsupported(path, _KOREAN)
    big5 = _decodes(head, "big5")
    if big5 is not None and _cjk_share(big5, _common_big5) >= _PLAUSIBLE:
        return "big5"
    guess = _guess_encoding(head)
    if gb is not None and guess is None:
        return "gb18030"  # rare characters, but valid: the problems will show them
    raise _unsupported(path, guess or _WESTERN)


def _unsupported(path: Path, names: tuple[str, str]) -> NotASpreadsheet:
    zh, en = names
    return NotASpreadsheet(
        path,
        f"无法识别编码的文本（看起来是{zh}；不是 UTF-8、UTF-16、GB18030/GBK 或 Big5）。"
        "请在 Excel/WPS 中另存为“CSV UTF-8”后再导入",
        f"text in an unsupported encoding (it looks like {en}; not UTF-8, UTF-16, GB18030/GBK or "
        "Big5). Save it again as “CSV UTF-8” in Excel/WPS and import that",
    )


_KOREAN = ("韩文 EUC-KR", "Korean EUC-KR")
_JAPANESE = ("日文 Shift-JIS", "Japanese Shift-JIS")
_KOREAN_CODECS = frozenset({"cp949", "euc_kr", "johab", "iso2022_kr"})
_JAPANESE_CODECS = frozenset(
    {"cp932", "shift_jis", "shift_jis_2004", "shift_jisx0213", "euc_jp", "euc_jis_2004"}
    | {"euc_jisx0213", "iso2022_jp"}
)
_OURS = frozenset({"gb18030", "gbk", "gb2312", "big5", "big5hkscs", "cp950", "hz"})
# Korean text read as Korean is hangul, where Chinese text read as Korean is partly hanja: every
# common hanzi from 姓 (0xD0D5) to 座 (0xD7F9), such as 事, 中, 是 or 资, lands there …
_HANGUL_SHARE = 0.95
# … and read as GB18030 it comes out more garbled than as Korean (charset-normalizer's "chaos":
# 0.09 to 0.15 for short Korean ledgers, against 0 read as Korean). Chaos alone does not tell:
# a short Chinese ledger read as GB18030 can score 0.1 too.
_KOREAN_MARGIN = 0.05


def _clearly_korean(head: bytes) -> bool:
    """Text that decodes both as GB18030 and as Korean is Korean only when the Korean reading is
    hangul and clean and the Chinese one clearly garbled."""
    whole = head[: head.rfind(b"\n") + 1] or head  # not a character cut by the 64 KiB sample
    korean_text = whole.decode("cp949", errors="replace")
    wide = [c for c in korean_text if ord(c) > 127]
    hangul = sum(1 for c in wide if "\uac00" <= c <= "\ud7a3")
    if not wide or hangul < _HANGUL_SHARE * len(wide):
        return False
    chaos = {m.encoding: m.chaos for m in from_bytes(whole, cp_isolation=["gb18030", "cp949"])}
    korean = chaos.get("cp949")
    return (
        korean is not None
        and korean <= 0.01
        and chaos.get("gb18030", 1.0) >= korean + _KOREAN_MARGIN
    )


def _guess_encoding(head: bytes) -> tuple[str, str] | None:
    """The name of an encoding we do not read that the text plausibly is in (charset-normalizer's
    best reading); ``None`` when that is one we read, or none fits."""
    best = from_bytes(head[: head.rfind(b"\n") + 1] or head).best()
    if best is None or best.encoding in _OURS:
        return None
    if best.encoding in _KOREAN_CODECS:
        return _KOREAN
    if best.encoding in _JAPANESE_CODECS:
        return _JAPANESE
    if best.language in ("", "Unknown", "English") or _latin(best.encoding):
        return _WESTERN
    name = best.encoding.replace("cp125", "Windows-125").replace("_", "-")
    return f"{name} 编码（{best.language}）", f"{best.language} text in {name}"


def _latin(encoding: str) -> bool:
    """A Western single-byte code page (how charset-normalizer reads short Latin text varies
    between them: Windows-1250/1252, ISO 8859-1/2/15 …)."""
    return encoding in {
        "latin_1",
        "cp1250",
        "cp1252",
        "cp1254",
        "cp1257",
        "cp850",
        "mac_roman",
    } or (
        encoding.startswith("iso8859_")
        and encoding not in {"iso8859_5", "iso8859_6", "iso8859_7", "iso8859_8"}
    )


def _control_ratio(data: bytes) -> float:
    bad = sum(1 for b in data[:4096] if b < 9 or 13 < b < 32)
    return bad / max(1, min(len(data), 4096))


def _sniff_delimiter(text: str, suffix: str) -> str:
    """The delimiter that splits the first lines into the most rows of one common width."""
    lines = [line for line in text.splitlines()[:30] if line.strip()]
    if len(lines) > 1 and len(text) >= _SAMPLE - 4:
        lines = lines[:-1]  # the last sampled line may be cut off
    preferred = "\t" if suffix in (".tsv", ".tab", ".txt") else ","
    best, best_score = preferred, 0
    for delimiter in (preferred, *(d for d in _DELIMITERS if d != preferred)):
        widths = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        counts: dict[int, int] = {}
        for w in widths:
            if w > 1:
                counts[w] = counts.get(w, 0) + 1
        score = max(counts.values(), default=0)
        if score > best_score:
            best, best_score = delimiter, score
    return best


# ------------------------------------------------------------------------------------ workbooks


def _open_workbook(path: Path, fmt: str) -> pc.CalamineWorkbook:
    suffix_ok = {
        Format.XLSX: path.suffix.lower() in _XLSX_SUFFIXES,
        Format.XLS: path.suffix.lower() in (".xls", ".xlt", ".et"),
        Format.XLSB: path.suffix.lower() == ".xlsb",
        Format.ODS: path.suffix.lower() in (".ods", ".ots"),
    }[fmt]
    try:
        if suffix_ok:
            return pc.CalamineWorkbook.from_path(str(path))
        with path.open("rb") as f:  # renamed file: let calamine recognise the content
            return pc.CalamineWorkbook.from_filelike(io.BytesIO(f.read()))
    except pc.PasswordError as exc:
        raise PasswordProtected(path) from exc
    except OSError as exc:
        raise FileUnreadable(path, exc.strerror or str(exc)) from exc
    except pc.CalamineError as exc:
        _raise_calamine(path, exc, "")
        raise  # pragma: no cover - _raise_calamine always raises
    except BaseException as exc:
        _raise_if_panic(path, exc, "")
        raise


def _raise_if_panic(path: Path, exc: BaseException, sheet: str) -> None:
    """calamine reports some malformed files by panicking in Rust, which pyo3 raises as
    ``pyo3_runtime.PanicException`` (a BaseException): that is a damaged file, not a bug of ours.
    Anything else is re-raised by the caller."""
    if type(exc).__name__ == "PanicException" and type(exc).__module__ == "pyo3_runtime":
        raise FileCorrupt(path, f"calamine: {exc}", sheet=sheet) from exc


def _raise_calamine(path: Path, exc: Exception, sheet: str) -> None:
    message = str(exc)
    if "Cell limit exceeded" in message:
        raise SheetTooLarge(path, sheet=sheet, rows=0, columns=0) from exc
    if isinstance(exc, pc.PasswordError) or "password" in message.lower():
        raise PasswordProtected(path) from exc
    if "Cannot detect file format" in message:
        raise NotASpreadsheet(path, "无法识别的文件", "an unrecognised file") from exc
    raise FileCorrupt(path, message, sheet=sheet) from exc


def list_sheets(path: str | Path) -> list[str]:
    """The worksheet names in workbook order (chart sheets left out); ``[file stem]`` for csv."""
    book = Workbook(path)
    try:
        return book.names
    finally:
        book.close()


def _worksheet_names(wb: pc.CalamineWorkbook) -> list[str]:
    return [m.name for m in wb.sheets_metadata if m.typ == pc.SheetTypeEnum.WorkSheet]


class SheetData:
    """One sheet, loaded (spreadsheets) or opened for streaming (csv).

    ``rows()`` yields one sequence per spreadsheet row from row 1; ``merged`` lists merged ranges
    as 0-based inclusive ``(first_row, first_col, last_row, last_col)``; ``total_rows`` is the
    number of rows ``rows()`` will yield (None for csv, whose length is known only at the end).
    """

    def __init__(
        self,
        file: Path,
        name: str,
        fmt: str,
        *,
        sheet: pc.CalamineSheet | None = None,
        text: TextFormat | None = None,
        issues: dict[int, dict[int, CellIssue]] | None = None,
    ) -> None:
        self.file = file
        self.name = name
        self.format = fmt
        self._sheet = sheet
        self._text = text
        self._issues = issues or {}
        self.merged: tuple[tuple[int, int, int, int], ...] = ()
        self.total_rows: int | None = None
        self.columns = 0
        if sheet is not None:
            end = sheet.end
            self.total_rows = 0 if end is None else end[0] + 1
            self.columns = 0 if end is None else end[1] + 1
            if self._issues:
                self.total_rows = max(self.total_rows, max(self._issues) + 1)
                self.columns = max(self.columns, *(max(c) + 1 for c in self._issues.values()))
            merged = sheet.merged_cell_ranges or ()
            self.merged = tuple((a[0], a[1], b[0], b[1]) for a, b in merged)

    def rows(self) -> Iterator[Sequence[Cell]]:
        if self._sheet is not None:
            return self._sheet_rows(self._sheet)
        return self._text_rows()

    def _sheet_rows(self, sheet: pc.CalamineSheet) -> Iterator[Sequence[Cell]]:
        start = sheet.start
        offset = start[1] if start else 0
        rows: Iterator[Sequence[Cell]] = iter(sheet.iter_rows()) if start else iter(())
        if offset == 0 and not self._issues:
            return rows  # the fast path: calamine's own iterator, nothing added per row
        return self._adjusted_rows(rows, offset)

    def _adjusted_rows(
        self, rows: Iterator[Sequence[Cell]], offset: int
    ) -> Iterator[Sequence[Cell]]:
        pad = ("",) * offset
        issues = self._issues
        index = -1
        for index, row in enumerate(rows):  # index is used after the loop
            cells = [*pad, *row] if offset else row
            if index in issues:
                cells = _with_issues(list(cells), issues[index])
            yield cells
        for extra in range(index + 1, (max(issues) + 1) if issues else 0):
            yield _with_issues([], issues.get(extra, {}))

    def _text_rows(self) -> Iterator[Sequence[Cell]]:
        assert self._text is not None
        record = 0
        delimiter = self._text.delimiter
        try:
            with self.file.open(encoding=self._text.encoding, newline="", errors="strict") as f:
                reader = csv.reader(f, delimiter=delimiter)
                line = width = (
                    0  # lines read so far; the width of the first record of several cells
                )
                for record, row in enumerate(reader, 1):
                    if len(row) > MAX_COLUMNS:
                        raise SheetTooLarge(self.file, rows=record, columns=len(row), row=record)
                    if reader.line_num > line + 1:  # a quoted cell ran over several lines
                        _check_open_quote(self.file, row, record, line + 1, delimiter, width)
                    line = reader.line_num
                    width = width or (len(row) if len(row) > 1 else 0)
                    yield row
        except UnicodeDecodeError as exc:
            raise FileCorrupt(
                self.file,
                f"第 {record + 1} 行附近的文字无法按 {self._text.encoding} 解码 / undecodable text",
                row=record + 1,
            ) from exc
        except csv.Error as exc:
            raise FileCorrupt(self.file, f"CSV: {exc}", row=record + 1) from exc
        except OSError as exc:
            raise FileUnreadable(self.file, exc.strerror or str(exc)) from exc


def _check_open_quote(
    file: Path, row: list[str], record: int, line: int, delimiter: str, width: int
) -> None:
    """A cell may hold line breaks (a note written over two lines), but not whole rows: a cell
    whose later lines carry a record's worth of delimiters, or very many lines, is a quote left
    open, which would swallow those rows (``UnclosedQuote``, naming the row, line and column)."""
    need = max(2, width - 1)
    for col, cell in enumerate(row):
        if "\n" not in cell and "\r" not in cell:
            continue
        rest = cell.splitlines()[1:]
        if any(part.count(delimiter) >= need for part in rest) or len(rest) > _MAX_CELL_LINES:
            raise UnclosedQuote(file, row=record, line=line, column=col, swallowed=len(rest))


def _with_issues(cells: list[Cell], issues: dict[int, CellIssue]) -> list[Cell]:
    if not issues:
        return cells
    width = max(issues) + 1
    if len(cells) < width:
        cells.extend([""] * (width - len(cells)))
    for col, issue in issues.items():
        cells[col] = issue
    return cells


class Workbook:
    """A ledger file opened once: its format sniffed, an xls container checked, the workbook
    opened; then its sheets on request (a workbook with several ledgers is read once)."""

    def __init__(self, path: str | Path) -> None:
        p = self.path = Path(path)
        self.format, self._text = _sniff(p)
        self._wb: pc.CalamineWorkbook | None = None
        self._ahead: dict[str, Future[SheetData]] = {}
        if self._text is not None:
            self.names = [p.stem]
            return
        if self.format == Format.XLS:
            _check_xls(p)
        elif self.format == Format.XLSX:
            _check_shared_strings(p)  # calamine loads them when it opens the workbook
        self._wb = _open_workbook(p, self.format)
        self.names = _worksheet_names(self._wb)

    def close(self) -> None:
        for ahead in self._ahead.values():  # loads started and never asked for
            ahead.cancel()
            if not ahead.cancelled():
                ahead.exception()  # waits: the workbook is not closed under a running load
        self._ahead.clear()
        if self._wb is not None:
            self._wb.close()

    def read_ahead(self, sheet: str | None, pool: Executor) -> None:
        """Start loading ``sheet`` (default: the first) in ``pool``; the next ``sheet()`` call for
        it takes the result (or its error). calamine releases the GIL while it loads, so the next
        file's sheet loads while the current one's rows are converted."""
        if self._text is None and self.names:
            name = self.names[0] if sheet is None else sheet
            if name not in self._ahead:
                self._ahead[name] = pool.submit(self._load, name)

    def loading(self, sheet: str | None) -> Future[SheetData] | None:
        """The load of ``sheet`` (default: the first) started by ``read_ahead``, if any."""
        if self._text is None and self.names:
            return self._ahead.get(self.names[0] if sheet is None else sheet)
        return None

    def sheet(self, sheet: str | None = None) -> SheetData:
        """One sheet (default: the first) for reading its rows. Raises ``LedgerError``s."""
        if self._text is None and self.names:
            ahead = self._ahead.pop(self.names[0] if sheet is None else sheet, None)
            if ahead is not None:
                return ahead.result()
        return self._load(sheet)

    def _load(self, sheet: str | None) -> SheetData:
        p, fmt = self.path, self.format
        if self._text is not None:
            if sheet not in (None, "", p.stem):
                raise SheetNotFound(p, sheet, [p.stem])
            return SheetData(p, "", fmt, text=self._text)
        wb = self._wb
        assert wb is not None
        if not self.names:
            raise EmptyFile(p)
        name = self.names[0] if sheet is None else sheet
        if name not in wb.sheet_names:
            raise SheetNotFound(p, name, self.names)
        issues: dict[int, dict[int, CellIssue]] = {}
        if fmt == Format.XLSX:
            issues = _scan_xlsx(p, name)
        elif fmt == Format.ODS:
            issues = odsscan.cell_issues(p, name)
        try:
            loaded = wb.get_sheet_by_name(name)
        except pc.CalamineError as exc:
            _raise_calamine(p, exc, name)
            raise  # pragma: no cover
        except BaseException as exc:
            _raise_if_panic(p, exc, name)
            raise
        return SheetData(p, name, fmt, sheet=loaded, issues=issues)


def open_sheet(path: str | Path, sheet: str | None = None) -> SheetData:
    """Open one sheet (default: the first) for reading its rows. Raises ``LedgerError``s."""
    return Workbook(path).sheet(sheet)


def _check_xls(path: Path) -> None:
    """The container must hold together, and no sheet be too large: calamine loads every sheet
    of an xls when it opens the file."""
    for name, extent in xlsscan.scan_xls(path).extents.items():
        if extent is not None and extent[0] * max(extent[1], 1) > xlsxscan.MAX_CELLS:
            raise SheetTooLarge(path, sheet=name, rows=extent[0], columns=extent[1])


def _check_shared_strings(path: Path) -> None:
    """The shared strings must unpack to a bounded size, whatever their zip entry claims."""
    try:
        with zipfile.ZipFile(path) as zf:
            xlsxscan.check_part(zf, xlsxscan.SHARED_STRINGS, file=str(path))
    except _ZIP_ERRORS as exc:
        raise FileCorrupt(path, str(exc)) from exc


def _scan_xlsx(path: Path, sheet: str) -> dict[int, dict[int, CellIssue]]:
    try:
        with zipfile.ZipFile(path) as zf:
            member = xlsxscan.sheet_members(zf, str(path)).get(sheet)
            if member is None or member not in zf.namelist():
                raise FileCorrupt(
                    path, f"工作表“{sheet}”的数据缺失 / sheet data missing", sheet=sheet
                )
            return xlsxscan.scan_sheet(zf, member, file=str(path), sheet=sheet).issues
    except _ZIP_ERRORS as exc:
        raise FileCorrupt(path, str(exc), sheet=sheet) from exc


def read_rows(
    path: str | Path, sheet: str | None = None, *, limit: int | None = None
) -> Iterator[tuple[Cell, ...]]:
    """The rows of a sheet as tuples, from spreadsheet row 1 (see ``SheetData.rows``).

    ``limit`` stops after that many rows: a csv is then read no further; a workbook sheet is
    loaded whole by calamine but converted only as far as needed.
    """
    rows = open_sheet(path, sheet).rows()
    if limit is not None:
        rows = islice(rows, limit)
    return (tuple(row) for row in rows)
