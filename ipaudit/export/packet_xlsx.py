"""The workbook of a department packet: one department's checklist to fill in Excel or WPS, and
reading it back.

The checklist sheet is protected: rows and columns cannot be inserted or deleted, only the cells
to fill in are unlocked (status, reason if not applicable, notes and the date of new files on an
item's row; the answer on a question's row), and the status has a drop-down list in the packet's
language. Two hidden columns carry each row's item and question key and a hidden row names the
fields, so the rows are read by what they are, not where they are. Hidden sheets hold the
packet's identity (``_packet``), the version of each item at export (``_items``) and which folder
of the packet takes new files for which item (``_folders``); the workbook's structure is
protected, so the hidden sheets cannot be shown or removed from Excel.

Reading never fails on a cell's content: a value that cannot be used is a ``CellProblem`` naming
the sheet, row and column, and that value is left out. People unprotect, sort, filter, insert
columns and save in other formats, so reading assumes nothing of the layout: the field row is
looked for anywhere in the sheet (the header row stands in for it), each row is taken by its
hidden keys, a status or date is read as people type it, and the workbook may come back as
.xlsx (openpyxl), .xls, .et, .ods, .xlsb (calamine) or the checklist sheet alone as .csv, which
has no hidden sheets (``ReadWorkbook.identity`` is False: the packet's own workbook must come
with it).
"""

from __future__ import annotations

import csv as _csv
import datetime as dt
import io
import itertools
import re
import tempfile
import unicodedata
import warnings
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ipaudit.domain.model import Status
from ipaudit.export.i18n import STATUS_TEXT
from ipaudit.export.zipstable import save_xlsx
from ipaudit.text import Text

FORMAT = "ipaudit-packet-1"
META_SHEET, ITEMS_SHEET, FOLDERS_SHEET = "_packet", "_items", "_folders"
HIDDEN_SHEETS = (META_SHEET, ITEMS_SHEET, FOLDERS_SHEET)

#: the checklist sheet's columns: internal field name, header, width, editable on which rows
#: ("item", "question" or "")
COLUMNS: tuple[tuple[str, Text, int, str], ...] = (
    ("item_key", Text("item_key", "item_key"), 4, ""),
    ("question_key", Text("question_key", "question_key"), 4, ""),
    ("number", Text("序号", "No."), 7, ""),
    ("clause", Text("条款", "Clause"), 8, ""),
    ("title", Text("条目 / 问题", "Item / question"), 38, ""),
    ("guidance", Text("要求", "What is asked"), 40, ""),
    ("status", Text("状态", "Status"), 12, "item"),
    ("na_reason", Text("不适用理由", "Reason if not applicable"), 20, "item"),
    ("answer", Text("回答", "Answer"), 40, "question"),
    ("notes", Text("备注", "Notes"), 28, "item"),
    ("date", Text("新文件日期", "Date of new files"), 13, "item"),
    ("files", Text("已有文件", "Files in the workspace"), 30, ""),
    ("folder", Text("新文件放入文件夹", "Put new files in folder"), 30, ""),
)
FIELDS = tuple(c[0] for c in COLUMNS)
TITLE_ROW, HELP_ROW, FIELD_ROW, HEADER_ROW = 1, 2, 3, 4
FIRST_ROW = HEADER_ROW + 1
CELL_LIMIT = 32_767
MAX_ROWS = 20_000  # more rows than any checklist has: the rest of a sheet is not read

SHEET_TITLE = Text("部门清单", "Checklist")
HELP = Text(
    "请只填写黄色单元格：条目行的状态（从下拉列表选择）、不适用理由、备注和新文件日期，问题行的回答。"
    "新的证据文件请放入“新文件放入文件夹”列所示的文件夹。填好后保存，并把整个文件夹压缩后交回。",
    "Fill in only the yellow cells: on an item's row its status (pick it from the list), the"
    " reason if not applicable, notes and the date of new files; on a question's row the answer."
    " Put new evidence files in the folder the last column names. Save, then zip the whole folder"
    " and send it back.",
)
DATE_HELP = Text(
    "新文件的日期，如 2025-03-05；留空则按文件本身推测。",
    "The date of the new files, such as 2025-03-05; left empty, it is taken from each file.",
)
STATUS_HELP = Text("请从列表中选择状态。", "Pick the status from the list.")

_EDIT_FILL = PatternFill("solid", start_color="FFFBE5A0", end_color="FFFBE5A0")
_ITEM_FILL = PatternFill("solid", start_color="FFEDF2F8", end_color="FFEDF2F8")
_HEAD_FILL = PatternFill("solid", start_color="FF3C5A82", end_color="FF3C5A82")
_THIN = Side(style="thin", color="FFB4B4B4")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True, slots=True)
class PacketMeta:
    """Who the packet belongs to: its id, the workspace and the department."""

    packet_id: str
    department: str  # department key
    department_name: str
    company: str
    workspace_created: str
    exported_at: str  # ISO time
    lang: str
    sheet: str = ""  # the checklist sheet's title (filled in when written)


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One row of the checklist sheet as exported: an item (``question_key`` "") or one of its
    questions."""

    item_key: str
    question_key: str
    number: str
    clause: str
    title: str
    guidance: str = ""
    status: Status | None = None
    na_reason: str = ""
    answer: str = ""
    notes: str = ""
    files: str = ""
    folder: str = ""


@dataclass(frozen=True, slots=True)
class FolderEntry:
    """A folder of the packet (relative, "/"-separated) whose files go to ``item_key``/``slot``."""

    folder: str
    item_key: str
    slot: str = ""


@dataclass(frozen=True, slots=True)
class CellProblem:
    """Something in the workbook that cannot be used as it is; ``error``: nothing can be read."""

    sheet: str
    row: int  # 1-based; 0 when it concerns the whole sheet
    column: str  # "G" …; "" when it concerns a row or a sheet
    message: Text
    error: bool = False

    def where(self, lang: str) -> str:
        cell = f"{self.column}{self.row}" if self.column and self.row else ""
        if lang == "en":
            place = f"sheet '{self.sheet}'"
            if cell:
                place += f", cell {cell}"
            elif self.row:
                place += f", row {self.row}"
            return place
        place = f"工作表“{self.sheet}”"
        if cell:
            place += f" 单元格 {cell}"
        elif self.row:
            place += f" 第 {self.row} 行"
        return place

    def text(self, lang: str) -> str:
        return (
            f"{self.where(lang)}：{self.message.zh}"
            if lang != "en"
            else (f"{self.where(lang)}: {self.message.en}")
        )


@dataclass(frozen=True, slots=True)
class ReadRow:
    """A row read back: what the department head left in the cells to fill in (None: empty or
    unusable — a problem says which)."""

    sheet_row: int
    item_key: str
    question_key: str
    status: Status | None = None
    na_reason: str = ""
    answer: str = ""
    notes: str = ""
    date: dt.date | None = None


@dataclass(frozen=True, slots=True)
class ReadWorkbook:
    meta: dict[str, str]
    versions: dict[str, int]  # item key -> version at export
    rows: list[ReadRow]
    folders: list[FolderEntry]
    problems: list[CellProblem] = field(default_factory=list)
    #: the checklist's columns as found (field -> letter); a column inserted moves them
    letters: dict[str, str] = field(default_factory=dict)
    sheet: str = ""  # the sheet the rows were read from ("" for a csv file)
    #: False for a copy of the checklist that lost the hidden sheets (saved as .csv): its rows
    #: are read, the packet it belongs to must come from the workbook beside it
    identity: bool = True

    def letter(self, name: str) -> str:
        """The column of field ``name`` as found in the sheet (as exported when not found)."""
        return self.letters.get(name) or column_letter(name)

    @property
    def errors(self) -> list[CellProblem]:
        return [p for p in self.problems if p.error]


# --- writing ------------------------------------------------------------------------------------


#: the statuses a department head picks from (needs refresh is set when a new cycle starts)
CHOOSABLE = tuple(s for s in Status if s.value != "needs_refresh")


def status_labels(lang: str) -> list[str]:
    return [STATUS_TEXT[s].get(lang) for s in CHOOSABLE]


def build_workbook(
    meta: PacketMeta,
    rows: Iterable[SheetRow],
    versions: dict[str, int],
    folders: Iterable[FolderEntry],
    moment: dt.datetime,
) -> bytes:
    """The packet's workbook as bytes (every entry dated ``moment``)."""
    lang = meta.lang
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET_TITLE.get(lang)
    rows = list(rows)
    _checklist(ws, meta, rows)
    _hidden(wb, meta, versions, list(folders), ws.title)
    wb.security = WorkbookProtection(lockStructure=True)
    return save_xlsx(wb, moment)


def _checklist(ws: Worksheet, meta: PacketMeta, rows: list[SheetRow]) -> None:
    lang = meta.lang
    last = get_column_letter(len(COLUMNS))
    title = (
        f"{meta.company} — {meta.department_name} — "
        + ("部门填报包" if lang != "en" else "department packet")
        + f" ({meta.exported_at[:10]})"
    )
    ws.cell(TITLE_ROW, 3, title).font = Font(bold=True, size=13)
    ws.merge_cells(f"C{TITLE_ROW}:{last}{TITLE_ROW}")
    ws.cell(HELP_ROW, 3, HELP.get(lang)).alignment = _WRAP
    ws.merge_cells(f"C{HELP_ROW}:{last}{HELP_ROW}")
    ws.row_dimensions[HELP_ROW].height = 48
    for col, (name, header, width, _editable) in enumerate(COLUMNS, start=1):
        ws.cell(FIELD_ROW, col, name)
        head = ws.cell(HEADER_ROW, col, header.get(lang))
        head.font = Font(bold=True, color="FFFFFFFF")
        head.fill = _HEAD_FILL
        head.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.row_dimensions[FIELD_ROW].hidden = True
    for col in (1, 2):
        ws.column_dimensions[get_column_letter(col)].hidden = True

    status_col = FIELDS.index("status") + 1
    date_col = FIELDS.index("date") + 1
    labels = status_labels(lang)
    status_list = DataValidation(
        type="list",
        formula1='"' + ",".join(labels) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=SHEET_TITLE.get(lang),
        error=STATUS_HELP.get(lang),
    )
    dates = DataValidation(
        type="date",
        operator="between",
        formula1="DATE(1990,1,1)",
        formula2="DATE(2100,12,31)",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=SHEET_TITLE.get(lang),
        error=DATE_HELP.get(lang),
    )
    ws.add_data_validation(status_list)
    ws.add_data_validation(dates)

    for n, row in enumerate(rows):
        r = FIRST_ROW + n
        kind = "question" if row.question_key else "item"
        values: dict[str, Any] = {
            "item_key": row.item_key,
            "question_key": row.question_key,
            "number": row.number,
            "clause": row.clause,
            "title": row.title,
            "guidance": row.guidance,
            "status": STATUS_TEXT[row.status].get(lang) if row.status is not None else None,
            "na_reason": row.na_reason or None,
            "answer": row.answer or None,
            "notes": row.notes or None,
            "files": row.files or None,
            "folder": row.folder or None,
        }
        for col, (name, _header, _width, editable) in enumerate(COLUMNS, start=1):
            value = values.get(name)
            cell = ws.cell(r, col, cell_text(value) if isinstance(value, str) else value)
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text that looks like a formula stays text
            cell.alignment = _WRAP
            cell.border = _BORDER
            cell.number_format = "@" if name != "date" else "yyyy-mm-dd"
            if editable == kind:
                cell.protection = Protection(locked=False)
                cell.fill = _EDIT_FILL
            elif kind == "item":
                cell.fill = _ITEM_FILL
            if kind == "item" and name in ("number", "title"):
                cell.font = Font(bold=True)
        ws.row_dimensions[r].height = 15 * _lines(values)
        if kind == "item":
            status_list.add(ws.cell(r, status_col))
            dates.add(ws.cell(r, date_col))
    if rows:  # the filter buttons on the header row work on the protected sheet
        ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{FIRST_ROW + len(rows) - 1}"
    ws.freeze_panes = f"{column_letter('guidance')}{FIRST_ROW}"
    protection = ws.protection
    protection.sheet = True
    # rows and columns cannot be inserted or deleted; widths and heights may change
    protection.formatColumns = False
    protection.formatRows = False
    protection.insertRows = True
    protection.insertColumns = True
    protection.deleteRows = True
    protection.deleteColumns = True
    protection.sort = True
    protection.autoFilter = False  # filtering (by status, say) is allowed; rows are read by key
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if ws.sheet_properties.pageSetUpPr is not None:
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"


def cell_text(text: str) -> str:
    """``text`` as a cell can hold it: without the control characters XML refuses, at most
    32,767 characters (Excel's limit)."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)[:CELL_LIMIT]


def _display_width(text: str) -> int:
    """Columns of a cell's width ``text`` takes (a CJK character takes two)."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _lines(values: dict[str, Any], limit: int = 8) -> int:
    """The lines the row's tallest wrapped cell needs (Excel and WPS keep a written height)."""
    most = 1
    for name, _header, width, _editable in COLUMNS:
        text = values.get(name)
        if name in ("item_key", "question_key") or not isinstance(text, str) or not text:
            continue
        room = max(width - 1, 1)
        lines = sum(max(1, -(-_display_width(part) // room)) for part in text.split("\n"))
        most = max(most, lines)
    return min(most, limit)


def _hidden(
    wb: Workbook,
    meta: PacketMeta,
    versions: dict[str, int],
    folders: list[FolderEntry],
    sheet: str,
) -> None:
    info = wb.create_sheet(META_SHEET)
    pairs = [
        ("format", FORMAT),
        ("packet_id", meta.packet_id),
        ("department", meta.department),
        ("department_name", meta.department_name),
        ("company", meta.company),
        ("workspace_created", meta.workspace_created),
        ("exported_at", meta.exported_at),
        ("lang", meta.lang),
        ("sheet", sheet),
    ]
    for r, (key, value) in enumerate(pairs, start=1):
        info.cell(r, 1, key)
        info.cell(r, 2, value).number_format = "@"
    items = wb.create_sheet(ITEMS_SHEET)
    items.append(["item_key", "version"])
    for key, version in versions.items():
        items.append([key, version])
    table = wb.create_sheet(FOLDERS_SHEET)
    table.append(["folder", "item_key", "slot"])
    for entry in folders:
        table.append([entry.folder, entry.item_key, entry.slot])
    for hidden in (info, items, table):
        hidden.sheet_state = "hidden"
        for row in hidden.iter_rows():
            for cell in row:
                cell.number_format = "@" if not isinstance(cell.value, int) else "0"
        hidden.protection.sheet = True


# --- reading ------------------------------------------------------------------------------------

#: what a packet's workbook may come back as: Excel's and WPS's (.et) workbooks, LibreOffice's,
#: or the checklist sheet alone saved as .csv
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et", ".ods", ".xlsb", ".csv")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_HEADERS = {t: name for name, header, _w, _e in COLUMNS for t in (header.zh, header.en)}
#: the fields a department head fills in: without one of these columns nothing is read, as an
#: empty column would wipe what the workspace holds
EDITABLE = tuple(c[0] for c in COLUMNS if c[3])


def _problem(
    sheet: str, row: int, column: str, zh: str, en: str, *, error: bool = False
) -> CellProblem:
    return CellProblem(sheet, row, column, Text(zh, en), error)


def normalised(text: str) -> str:
    """Typed text as compared: full-width letters, digits and blanks as the usual ones (NFKC),
    zero-width characters left out, blanks collapsed, case folded."""
    text = unicodedata.normalize("NFKC", text).translate(_ZERO_WIDTH)
    return " ".join(text.split()).casefold()


def _text(value: Any) -> str | None:
    """A cell's value as text (numbers without a trailing .0, dates as ISO); None for a value
    that is no text at all (an error value, a formula without a result)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return None
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return None


#: what people type instead of picking a status from the list, besides either language's label
#: and the internal value (compared after ``normalised``, "-" and "_" read as blanks)
STATUS_WORDS: dict[Status, tuple[str, ...]] = {
    Status.NOT_STARTED: ("没开始", "尚未开始", "未启动", "not yet started", "todo", "to do"),
    Status.IN_PROGRESS: ("处理中", "正在进行", "进行", "ongoing", "doing", "in process"),
    Status.READY: ("就绪", "完成", "已完成", "done", "complete", "completed", "finished"),
    Status.NOT_APPLICABLE: ("不涉及", "n/a", "na", "not relevant"),
}
_PUNCTUATION = " .。!！,，;；"
_CJK_GAP = re.compile("(?<=[\u3400-\u4dbf\u4e00-\u9fff]) (?=[\u3400-\u4dbf\u4e00-\u9fff])")


def _status_key(text: str) -> str:
    key = normalised(text).replace("_", " ").replace("-", " ")
    return _CJK_GAP.sub("", " ".join(key.split())).strip(_PUNCTUATION)  # "已 就绪" as "已就绪"


_STATUS_BY_KEY: dict[str, Status] = {}
for _status in Status:
    for _name in (
        STATUS_TEXT[_status].zh,
        STATUS_TEXT[_status].en,
        _status.value,
        *STATUS_WORDS.get(_status, ()),
    ):
        _STATUS_BY_KEY.setdefault(_status_key(_name), _status)


def status_from_label(text: str) -> Status | None:
    """The status a cell names: either language's label, the internal value or a word people
    type for it, whatever the width, case and blanks; None if none."""
    return _STATUS_BY_KEY.get(_status_key(text))


def date_from_cell(value: Any) -> dt.date | str | None:
    """A date cell: a date, None when empty, or "" when it holds something that is no date.
    A date typed as text is read as a ledger's date cell is (``ledger.normalize``): 2026-03-05,
    2026/3/5, 2026.3.5, 2026年3月5日 (full-width digits too), 20260305, with a time after it or
    not."""
    from ipaudit.ledger.normalize import NormalizeError, date_from_serial, parse_date_text

    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if float(value).is_integer() and 19_900_101 <= value <= 21_001_231:
            return date_from_cell(str(int(value)))  # 20260305 typed as a number
        try:  # a date serial left as a number (WPS without the cell format)
            day = date_from_serial(value)
        except NormalizeError:
            return ""
    elif isinstance(value, str):
        try:
            typed = parse_date_text(value.translate(_ZERO_WIDTH))
        except NormalizeError:
            return ""
        if typed is None:  # nothing but zero-width characters
            return ""
        day = typed
    else:
        return ""
    return day if 1990 <= day.year <= 2100 else ""


class _Book:
    """A workbook's sheets as rows of values from row 1, whatever program saved it."""

    names: list[str]
    csv = False  # one sheet saved as text: its name is the file's

    def rows(self, name: str, width: int) -> list[Sequence[Any]]:
        raise NotImplementedError

    def close(self) -> None:
        """Nothing to release."""


class _OpenpyxlBook(_Book):
    def __init__(self, data: Path | io.BytesIO) -> None:
        with warnings.catch_warnings():
            # openpyxl warns of what it cannot keep (a date cell holding a serial out of range
            # becomes an error value, which the reader then reports; extensions WPS writes)
            warnings.simplefilter("ignore", UserWarning)
            self.wb = load_workbook(data, data_only=True)
        self.names = list(self.wb.sheetnames)

    def rows(self, name: str, width: int) -> list[Sequence[Any]]:
        ws = self.wb[name]
        last = min(ws.max_row, MAX_ROWS)
        return list(ws.iter_rows(min_row=1, max_row=last, max_col=width, values_only=True))

    def close(self) -> None:
        self.wb.close()


class _CalamineBook(_Book):
    """An .xls, .et, .ods or .xlsb workbook (read as the ledgers are)."""

    def __init__(self, path: Path) -> None:
        from ipaudit.ledger.reader import Workbook as LedgerBook

        self.book = LedgerBook(path)
        self.names = list(self.book.names)

    def rows(self, name: str, width: int) -> list[Sequence[Any]]:
        out: list[Sequence[Any]] = []
        for row in itertools.islice(self.book.sheet(name).rows(), MAX_ROWS):
            out.append([None if v == "" else v for v in row[:width]])
        return out

    def close(self) -> None:
        self.book.close()


class _CsvBook(_Book):
    """The checklist sheet saved as text: Excel's "CSV UTF-8" or "CSV" (GBK on a Chinese
    Windows), LibreOffice's; comma, semicolon or tab between the cells, a cell over many lines."""

    csv = True

    def __init__(self, data: bytes, name: str) -> None:
        from ipaudit.ledger.reader import text_encoding  # as a ledger's .csv is read

        text = data.decode(text_encoding(data, Path(name)), errors="replace")
        delimiter = ","
        for line in text.splitlines():
            head = line.lstrip('"')
            if head.startswith("item_key") and len(head) > len("item_key"):
                after = head[len("item_key") :].lstrip('"')
                delimiter = after[:1] if after[:1] in (",", ";", "\t", "|") else ","
                break
        reader = _csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        self.grid: list[Sequence[Any]] = list(itertools.islice(reader, MAX_ROWS))
        self.names = [name]

    def rows(self, name: str, width: int) -> list[Sequence[Any]]:
        return [[None if v == "" else v for v in row[:width]] for row in self.grid]


def _is_text(data: bytes | Path) -> bool:
    """Not a zip nor an OLE2 container (.xls, .et): a text file such as a .csv."""
    if isinstance(data, bytes):
        head = data[:8]
    else:
        with data.open("rb") as f:
            head = f.read(8)
    return bool(head) and not head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0"))


def _is_xlsx(data: bytes | Path) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data) if isinstance(data, bytes) else data) as zf:
            return "xl/workbook.xml" in zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def read_workbook(source: Path | bytes, name: str = "") -> ReadWorkbook:
    """Read a packet's workbook back: the .xlsx as exported, or as saved again in another format
    (.xls, .et, .ods, .xlsb; a .csv of the checklist sheet, which has no hidden sheets: its
    ``identity`` is False). A file that is no workbook, or whose hidden sheets are missing, gives
    a ReadWorkbook with an error problem and nothing else."""
    label = name or (source.name if isinstance(source, Path) else "workbook")
    tmp: tempfile.TemporaryDirectory[str] | None = None
    try:
        try:
            book: _Book | None = None
            if _is_xlsx(source):
                try:
                    book = _OpenpyxlBook(
                        io.BytesIO(source) if isinstance(source, bytes) else source
                    )
                except Exception:  # an xlsx openpyxl refuses (Strict Open XML …): calamine's turn
                    book = None
            if book is None and _is_text(source):
                raw = source if isinstance(source, bytes) else source.read_bytes()
                if len(raw) > 50 << 20 or b"item_key" not in raw.replace(b"\x00", b""):
                    # text, but no copy of the checklist (a renamed text file, another table)
                    if Path(label).suffix.lower() in (".xlsx", ".xlsm"):
                        raise zipfile.BadZipFile("File is not a zip file")
                    raise ValueError("no checklist in this text file")
                book = _CsvBook(raw, label)
            if book is None:
                path = source if isinstance(source, Path) else None
                if path is None:
                    assert isinstance(source, bytes)
                    tmp = tempfile.TemporaryDirectory(prefix="ipaudit-book-")
                    path = Path(tmp.name) / ("book" + (Path(label).suffix.lower() or ".xls"))
                    path.write_bytes(source)
                book = _CalamineBook(path)
        except Exception as exc:  # openpyxl and calamine raise anything from KeyError up
            from ipaudit.ledger.errors import PasswordProtected

            if isinstance(exc, PasswordProtected):
                zh = (
                    "工作簿设有打开密码（已加密），无法读取；请在 Excel 或 WPS 中输入密码打开，"
                    "取消“用密码进行加密”后保存，再导入。"
                )
                en = (
                    "the workbook has a password to open it (encrypted) and cannot be read: open"
                    " it in Excel or WPS with the password, remove the encryption, save and"
                    " import again."
                )
            else:
                zh = "无法作为工作簿读取；请用 Excel 或 WPS 另存为 .xlsx 后再导入。"
                en = (
                    f"cannot be read as a workbook ({type(exc).__name__}); save it as .xlsx"
                    " from Excel or WPS and import it again."
                )
            return ReadWorkbook({}, {}, [], [], [_problem(label, 0, "", zh, en, error=True)])
        try:
            return _read(book, label)
        finally:
            book.close()
    finally:
        if tmp is not None:
            tmp.cleanup()


def _cell(value: Any) -> Any:
    """A cell's value, an empty text as None (calamine reads empty cells as "")."""
    return None if value == "" else value


def _read(book: _Book, label: str) -> ReadWorkbook:
    problems: list[CellProblem] = []
    missing = [s for s in HIDDEN_SHEETS if s not in book.names]
    if missing:
        copy = _copy_of_checklist(book, label)
        if copy is not None:
            return copy
        for sheet in missing:
            problems.append(
                _problem(
                    sheet,
                    0,
                    "",
                    "这个隐藏工作表不见了：这不是 ipaudit 导出的部门填报包，或工作簿被改动过。",
                    "this hidden sheet is missing: the workbook is not a department packet"
                    " exported by ipaudit, or it was altered.",
                    error=True,
                )
            )
        return ReadWorkbook({}, {}, [], [], problems)
    meta: dict[str, str] = {}
    for row in book.rows(META_SHEET, 2)[:50]:
        key, value = (*row, None, None)[:2]
        if isinstance(key, str) and key:
            meta[key] = _text(_cell(value)) or ""
    if meta.get("format") != FORMAT:
        problems.append(
            _problem(
                META_SHEET,
                1,
                "B",
                f"格式“{meta.get('format', '')}”不是 {FORMAT}：填报包来自其他版本，或隐藏工作表被改动过。",
                f"the format '{meta.get('format', '')}' is not {FORMAT}: the packet comes from"
                " another version, or the hidden sheet was altered.",
                error=True,
            )
        )
        return ReadWorkbook(meta, {}, [], [], problems)
    versions = _versions(book.rows(ITEMS_SHEET, 2), problems)
    folders = _folders(book.rows(FOLDERS_SHEET, 3), problems)
    sheet = meta.get("sheet", "")
    grid = book.rows(sheet, 40) if sheet in book.names else None
    if grid is None:  # renamed: the sheet that holds the checklist's field row
        for name in (n for n in book.names if n not in HIDDEN_SHEETS):
            found = book.rows(name, 40)
            if _field_row(found) is not None:
                sheet, grid = name, found
                break
    if grid is None:
        problems.append(
            _problem(
                sheet or SHEET_TITLE.zh,
                0,
                "",
                "找不到清单工作表（可能被重命名或删除）。",
                "the checklist sheet is not there (renamed or deleted?).",
                error=True,
            )
        )
        return ReadWorkbook(meta, versions, [], folders, problems)
    rows, letters = _rows(grid, sheet, meta.get("lang", "zh"), problems)
    return ReadWorkbook(meta, versions, rows, folders, problems, letters, sheet)


def _copy_of_checklist(book: _Book, label: str) -> ReadWorkbook | None:
    """The checklist's rows from a workbook without the hidden sheets (the sheet saved as .csv,
    or copied into a new workbook), when one of its sheets is the checklist."""
    for name in book.names:
        problems: list[CellProblem] = []
        sheet = label if book.csv else name
        grid = book.rows(name, 40)
        if _field_row(grid) is None:
            continue
        lang = "en" if name == SHEET_TITLE.en else "zh"
        rows, letters = _rows(grid, sheet, lang, problems)
        return ReadWorkbook({}, {}, rows, [], problems, letters, sheet, identity=False)
    return None


def _int(value: Any) -> int | None:
    """A version as written (an integer; a whole float from .xls/.ods; digits from a copy)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _versions(grid: list[Sequence[Any]], problems: list[CellProblem]) -> dict[str, int]:
    out: dict[str, int] = {}
    for r, row in enumerate(grid[1:], start=2):
        key, version = (*(_cell(v) for v in row), None, None)[:2]
        if key is None and version is None:
            continue
        number = _int(version)
        if not isinstance(key, str) or number is None:
            problems.append(
                _problem(
                    ITEMS_SHEET,
                    r,
                    "",
                    "这一行不是“条目、版本”：隐藏工作表被改动过。",
                    "this row is not 'item, version': the hidden sheet was altered.",
                    error=True,
                )
            )
            continue
        out[key] = number
    return out


def _folders(grid: list[Sequence[Any]], problems: list[CellProblem]) -> list[FolderEntry]:
    out: list[FolderEntry] = []
    for r, row in enumerate(grid[1:], start=2):
        folder, key, slot = (*(_cell(v) for v in row), None, None, None)[:3]
        if folder is None and key is None:
            continue
        if not isinstance(folder, str) or not isinstance(key, str):
            problems.append(
                _problem(
                    FOLDERS_SHEET,
                    r,
                    "",
                    "这一行不是“文件夹、条目”：隐藏工作表被改动过。",
                    "this row is not 'folder, item': the hidden sheet was altered.",
                    error=True,
                )
            )
            continue
        out.append(FolderEntry(folder, key, slot if isinstance(slot, str) else ""))
    return out


def _field_of(value: Any) -> str | None:
    """The field a cell of the hidden field row, or of the header row, names."""
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text if text in FIELDS else _HEADERS.get(text)


def _field_row(grid: list[Sequence[Any]]) -> tuple[int, dict[str, int]] | None:
    """The row naming the checklist's columns and where each field is: the hidden field row, or
    the header row when the hidden one is gone (deleted, or sorted away). Looked for in the whole
    sheet: a sort over every row moves it among the others."""
    for r, row in enumerate(grid, start=1):
        columns: dict[str, int] = {}
        for i, value in enumerate(row):
            name = _field_of(value)
            if name is not None:
                columns.setdefault(name, i)
        if "item_key" in columns and "question_key" in columns and len(columns) >= 6:
            return r, columns
    return None


def _rows(
    grid: list[Sequence[Any]], sheet: str, lang: str, problems: list[CellProblem]
) -> tuple[list[ReadRow], dict[str, str]]:
    found = _field_row(grid)
    columns = found[1] if found else {}
    missing = [f for f in ("item_key", "question_key", *EDITABLE) if f not in columns]
    if found is None or missing:
        problems.append(
            _problem(
                sheet,
                found[0] if found else 0,
                "",
                "清单的隐藏字段行不完整（缺少 "
                + "、".join(missing)
                + "）：工作表的结构被改动过；请用导出时的工作簿重新填写这些列。",
                "the checklist's hidden field row is incomplete (missing "
                + ", ".join(missing)
                + "): the sheet's structure was altered; fill these columns in the workbook as"
                " exported.",
                error=True,
            )
        )
        return [], {}
    letter = {f: get_column_letter(i + 1) for f, i in columns.items()}
    labels = "、".join(status_labels("zh")) if lang != "en" else ", ".join(status_labels("en"))
    out: list[ReadRow] = []
    for r, row in enumerate(grid, start=1):
        cells = {f: _cell(row[i]) if i < len(row) else None for f, i in columns.items()}
        for f in FIELDS:
            cells.setdefault(f, None)
        key, question = cells["item_key"], cells["question_key"]
        if key is None or key == "item_key" or _field_of(key) == "item_key":
            if (
                key is None
                and r > found[0]
                and any(
                    cells[f] not in (None, "") for f in ("status", "answer", "notes", "na_reason")
                )
            ):
                problems.append(
                    _problem(
                        sheet,
                        r,
                        "",
                        "这一行不属于任何条目（可能是后来插入的），其内容未导入。",
                        "this row belongs to no item (inserted later?); what it holds is not"
                        " imported.",
                    )
                )
            continue
        if not isinstance(key, str) or not isinstance(question, str | None):
            problems.append(
                _problem(
                    sheet,
                    r,
                    letter["item_key"],
                    "隐藏的条目编号被改动过，这一行未导入。",
                    "the hidden item key was altered; this row is not imported.",
                )
            )
            continue
        values: dict[str, str] = {}
        for name in ("na_reason", "answer", "notes"):
            text = _text(cells[name])
            if text is None:
                problems.append(
                    _problem(
                        sheet,
                        r,
                        letter[name],
                        "这个值不是文本，未导入。",
                        "this value is not text; it is not imported.",
                    )
                )
                text = ""
            values[name] = (
                text.replace("_x000D_", "").replace("\r\n", "\n").replace("\x00", "").strip()
            )
        status: Status | None = None
        raw_status = _text(cells["status"])
        if raw_status is None or (raw_status.strip() and status_from_label(raw_status) is None):
            problems.append(
                _problem(
                    sheet,
                    r,
                    letter["status"],
                    f"状态“{raw_status or ''}”不在列表中（{labels}），这一行的状态未导入；"
                    "请从列表中选择。",
                    f"the status '{raw_status or ''}' is not in the list ({labels}); this row's"
                    " status is not imported: pick it from the list.",
                )
            )
        elif raw_status.strip():
            status = status_from_label(raw_status)
        day = date_from_cell(cells["date"])
        if day == "":
            shown = _text(cells["date"]) or ""
            if shown.startswith("#"):  # a number no date can be: Excel shows ########
                zh = "这个单元格的值不是日期（Excel 中显示为 ####），未使用；请按 2025-03-05 的格式重新填写。"
                en = (
                    "this cell's value is no date (Excel shows ####); it is not used: type the"
                    " date again, such as 2025-03-05."
                )
            else:
                zh = f"“{shown}”不是 1990 至 2100 年间的日期（如 2025-03-05），未使用。"
                en = (
                    f"'{shown}' is not a date between 1990 and 2100 (such as 2025-03-05); it is"
                    " not used."
                )
            problems.append(_problem(sheet, r, letter["date"], zh, en))
            day = None
        out.append(
            ReadRow(
                sheet_row=r,
                item_key=key.strip(),
                question_key=(question or "").strip(),
                status=status,
                na_reason=values["na_reason"],
                answer=values["answer"],
                notes=values["notes"],
                date=day if isinstance(day, dt.date) else None,
            )
        )
    return out, letter


def column_letter(name: str) -> str:
    """The checklist column of field ``name`` as exported ("G" for the status)."""
    return get_column_letter(FIELDS.index(name) + 1)
